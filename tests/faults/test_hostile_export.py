"""Word minutes of workshops holding hostile text: control characters that older versions stored, colours that
are not colours, titles of any length. Export never fails; the store never keeps such text again."""

from __future__ import annotations

import html
import re
import sqlite3
from pathlib import Path

import av
import docx
import pytest

from minutes.domain import Annotation, Participant, Segment, Session, Speaker, Tag
from minutes.errors import StoreError
from minutes.store import WorkshopStore
from minutes.store.clean import clean_text, is_color
from tests.faults.hostile_data import CONTROL, ODD, assert_one_line_error, assert_success, minutes, snapshot

BAD = CONTROL.replace("\x0b", "").replace("\x0c", "") + "".join(ODD)  # all removed (\x0b, \x0c become breaks)


def _small_workshop(path: Path, title: str = "Session") -> None:
    """A workshop with one session that uses every kind of text the minutes show, off the record included."""
    with WorkshopStore.open(path, create=True) as store:
        store.update_workshop(title="Workshop", organiser="Org", dates="2024", venue="Taipei", summary="Overall.")
        person = store.add_participant(Participant("Dr. Chen", "Director", "NIA", "Taiwan"))
        session = store.add_session(Session(title=title, date="2024-08-28", venue="Room", chair="Chair",
                                            rapporteur="Rapporteur", duration=20.0, status="transcribed",
                                            summary="Summary.", recommendations=["Recommend."]))
        speaker = store.add_speaker(session.id, Speaker("Speaker 1", person.id))
        store.add_segments(session.id, [Segment(0.0, 5.0, "Said.", speaker.id, "en", translation="English."),
                                        Segment(5.0, 9.0, "Secret.", speaker.id, "en")])
        tag = store.add_tag(Tag("Mine", "#123456"))
        store.add_annotation(session.id, Annotation(0.0, 5.0, [tag.id], "Comment.", owner="Owner", due="Soon"))
        store.add_annotation(session.id, Annotation(5.0, 9.0, [tag.id], "Off.", confidential=True))


def _poison(path: Path, text: str) -> None:
    """Write ``text`` into every text column, bypassing the store, as a database of an older Minutes could hold."""
    conn = sqlite3.connect(path / "workshop.sqlite")
    try:
        for table, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for _, column, kind, *_ in conn.execute(f"PRAGMA table_info({table})").fetchall():
                if kind == "TEXT" and column not in ("words", "flags", "recommendations", "status", "language",
                                                     "review_status", "audio_file", "script"):
                    conn.execute(f"UPDATE {table} SET {column} = {column} || ?", (text,))
        conn.execute("UPDATE sessions SET recommendations = ?", ('["R\\u000b\\u0000x"]',))
        conn.execute("UPDATE tags SET color = 'red'")
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("labels", ["en", "zh-TW"])
def test_old_database_with_control_characters_and_bad_colours_exports(tmp_path, labels):
    workshop = tmp_path / "Old.minutes"
    _small_workshop(workshop)
    _poison(workshop, "\x00\x01\x0b\x0c\x1f\x7f")
    title = minutes("sessions", "--workshop", workshop).stdout.split("\t")[0]
    out = tmp_path / "old.docx"
    result = minutes("export", "--workshop", workshop, "--session", title, "--format", "docx", "-o", out,
                     "--annex", "--include-confidential", "--labels", labels)
    assert_success(result)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Said." in text and "\x0b" not in text
    combined = minutes("export", "--workshop", workshop, "--all-sessions", "--format", "docx", "-o",
                       tmp_path / "all.docx", "--chatham-house")
    assert_success(combined)


@pytest.mark.parametrize("length", [256, 300, 100_000])
def test_titles_of_any_length_export(tmp_path, length):
    workshop = tmp_path / "Long.minutes"
    title = ("Session on atypical victims " * (length // 28 + 1))[:length]
    _small_workshop(workshop, title)
    with WorkshopStore.open(workshop) as store:
        store.update_workshop(title="W" * length, organiser="O" * length)
    result = minutes("export", "--workshop", workshop, "--session", title, "--format", "docx")
    assert_success(result)
    written = Path(result.stdout.strip())
    assert written.parent == workshop / "exports" and len(written.name) <= 120
    properties = docx.Document(str(written)).core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")
    assert len(properties.author) <= 255


def test_store_cleans_every_write_path(tmp_path):
    """The same rule whatever the door: domain objects, updates, renames, glossary, edits."""
    with WorkshopStore.open(tmp_path / "S.minutes", create=True) as store:
        store.update_workshop(title=f"T{BAD}", summary=f"a{BAD}\nb")
        person = store.add_participant(Participant(f"N{BAD}", f"t{BAD}", f"o{BAD}", f"c{BAD}"))
        store.update_participant(person.id, country=f"x\ty{BAD}")
        session = store.add_session(Session(title=f"S\t{BAD}\nT", summary=f"s{BAD}", recommendations=[f"r{BAD}"]))
        store.update_session(session.id, chair=f"c{BAD}", recommendations=[f"q{BAD}\nz"])
        speaker = store.add_speaker(session.id, Speaker(f"M\n{BAD}"))
        segment, = store.add_segments(session.id, [Segment(0, 1, f"x{BAD}\ty", speaker.id, translation=f"e{BAD}")])
        assert segment == store.segment(segment.id)  # an edit gets back what was stored, as the window shows it
        tag = store.add_tag(Tag(f"G{BAD}", "#AbCdEf"))
        store.rename_tag(tag.id, f"H\n{BAD}")
        note = store.add_annotation(session.id, Annotation(0, 1, [tag.id], f"c{BAD}\nd", owner=f"o\n{BAD}"))
        store.update_annotation(note.id, comment=f"k{BAD}", due=f"d\t{BAD}")
        store.set_glossary([f"g{BAD}", f"\t{BAD}"])

        assert store.workshop().title == "T" and store.workshop().summary == "a\nb"
        assert store.participants()[0].name == "N" and store.participants()[0].country == "x y"
        stored = store.session(session.id)
        assert (stored.title, stored.chair, stored.recommendations) == ("S T", "c", ["q\nz"])
        assert store.find_session(f"S\t{BAD}\nT") == stored  # a lookup follows the same rule
        assert store.speakers(session.id)[0].label == "M"
        assert store.segment(segment.id).text == "x\ty" and store.segment(segment.id).translation == "e"
        assert store.tags()[-1].name == "H" and store.tags()[-1].color == "#abcdef"
        annotation = store.annotations(session.id)[0]
        assert (annotation.comment, annotation.owner, annotation.due) == ("k", "o", "d")
        assert store.glossary() == ["g"]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0, 1e308, 8 * 86400.0])
def test_store_refuses_times_that_are_not_times(tmp_path, bad):
    with WorkshopStore.open(tmp_path / "T.minutes", create=True) as store:
        session = store.add_session(Session(title="S"))
        for write in (
            lambda: store.add_session(Session(title="N", duration=bad)),
            lambda: store.update_session(session.id, transcribed_until=bad),
            lambda: store.add_segments(session.id, [Segment(0.0, bad, "x")]),
            lambda: store.add_annotation(session.id, Annotation(bad, bad)),
        ):
            with pytest.raises(StoreError):
                write()
        with pytest.raises(StoreError):
            store.add_tag(Tag("Red", "red"))
        assert [s.title for s in store.sessions()] == ["S"] and store.segment_count(session.id) == 0


def test_command_line_text_is_cleaned(tmp_path):
    workshop = tmp_path / "G.minutes"
    result = minutes("glossary", "--workshop", workshop, "--add", "Tzu\x0bChi", "\x01\x1f", "Hua\tlien")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Tzu Chi", "Hua lien"]
    before = snapshot(workshop)
    refused = minutes("export", "--workshop", workshop, "--session", "\x7f/../x\ny", "--format", "txt")
    assert_one_line_error(refused, "No session titled")
    assert snapshot(workshop) == before


def test_file_names_that_are_not_utf8_show_in_the_message(tmp_path):
    import os

    missing = os.fsdecode(os.fsencode(tmp_path) + b"/W\xff.minutes")
    result = minutes("sessions", "--workshop", missing)
    assert_one_line_error(result, "W\ufffd.minutes", "is not a Minutes workshop")


def test_a_database_with_impossible_times_still_lists_and_exports(tmp_path):
    """Older versions let `"duration": Infinity` in, after which listing and every export failed."""
    workshop = tmp_path / "Inf.minutes"
    _small_workshop(workshop)
    conn = sqlite3.connect(workshop / "workshop.sqlite")
    with conn:
        conn.execute("UPDATE sessions SET duration = 1e999, transcribed_until = -1e999")
        conn.execute("UPDATE segments SET start_s = 1e999 WHERE id = (SELECT MIN(id) FROM segments)")
        conn.execute("UPDATE segments SET words = '[[Infinity, -1, \"w\", 0.5]]'")
        conn.execute("UPDATE annotations SET end_s = -1e999 WHERE id = (SELECT MIN(id) FROM annotations)")
    conn.close()
    listing = minutes("sessions", "--workshop", workshop)
    assert_success(listing)
    assert listing.stdout.split("\t")[2] == "168:00:00"  # a week, the most a session can last
    for fmt in ("txt", "srt", "vtt", "json", "docx"):
        result = minutes("export", "--workshop", workshop, "--session", "Session", "--format", fmt, "--annex",
                         "-o", tmp_path / f"out.{fmt}")
        assert_success(result)
    assert "Infinity" not in (tmp_path / "out.json").read_text()


def test_a_damaged_workshop_merges_into_another(tmp_path):
    """Control characters and a colour that is not one, written by an older version, do not stop a merge."""
    source, target = tmp_path / "Old.minutes", tmp_path / "New.minutes"
    _small_workshop(source)
    _poison(source, "\x00\x0b\x1f")
    assert_success(minutes("merge", source, "--workshop", target))
    with WorkshopStore.open(target, read_only=True) as store:
        assert all(clean_text(t.name) == t.name and is_color(t.color) for t in store.tags())
        session = store.sessions()[0]
        assert all(clean_text(s.text) == s.text for s in store.segments(session.id))


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_an_old_database_roster_exports_and_lists(tmp_path, suffix):
    workshop = tmp_path / "Old.minutes"
    _small_workshop(workshop)
    _poison(workshop, "\x00\x01\x0b\x1b\t\n")
    assert_success(minutes("roster", "--workshop", workshop, "--export", tmp_path / f"roster.{suffix}"))
    for command in ("roster", "agenda"):
        listing = minutes(command, "--workshop", workshop)
        assert_success(listing)
        assert not any(ch in listing.stdout for ch in "\x00\x01\x0b\x1b")
        assert all(line.count("\t") == listing.stdout.splitlines()[0].count("\t")
                   for line in listing.stdout.splitlines())


CUE_TEXTS = ["Tom & Jerry <b>bold</b> 3<4 >_<", "x --> y", "-->", "a\n\nb --> 00:00:01.000 --> 00:00:02.000",
             "&amp; &lt; &#60; &", "<v Other>hi</v>", "\x00\x1b\x7f ctl\x08", "", "   ", "\r\n", "WEBVTT", "2",
             "NOTE this is not a note", "名" * 12]
VTT_TIMING = r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}"
SRT_TIMING = r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}"


def _subtitle_workshop(path: Path) -> list[tuple[int, str]]:
    """Segments holding every kind of text that could break a cue, spoken by two people whose names are markup
    too; one more segment gets control characters straight into the database, as an older version could store.
    Returns the speaker (0 or 1) and text a reader must find for each cue, in order (empty ones get none)."""
    with WorkshopStore.open(path, create=True) as store:
        people = [store.add_participant(Participant(name)) for name in ("Dr. <Chen> & Co -->", "Ana\x00 B")]
        session = store.add_session(Session(title="Cues", duration=60.0, status="transcribed"))
        speakers = [store.add_speaker(session.id, Speaker(f"Speaker {i}", p.id)) for i, p in enumerate(people)]
        store.add_segments(session.id, [Segment(float(i), i + 0.5, text, speakers[i % 2].id, "en",
                                                translation="Eng -> <&>" if i == 1 else "")
                                        for i, text in enumerate(CUE_TEXTS)])
    conn = sqlite3.connect(path / "workshop.sqlite")
    with conn:
        conn.execute("UPDATE segments SET text = ? WHERE text = 'WEBVTT'", ("x\x00y\x1bz\x0bw",))
    conn.close()
    texts = [" ".join(clean_text(t).split()) for t in CUE_TEXTS]
    texts[CUE_TEXTS.index("WEBVTT")] = "xyz w"
    return [(i % 2, t) for i, t in enumerate(texts) if t]


def _vtt_cues(text: str) -> list[tuple[str, list[str]]]:
    """(voice, payload lines with entities decoded) of each cue, read as strictly as the WebVTT standard: a line
    with ``-->`` starts a cue, an empty line ends it, ``<`` opens a tag and ``&`` a character reference."""
    assert text.startswith("WEBVTT\n\n")
    cues = []
    for block in text[len("WEBVTT\n\n"):].rstrip("\n").split("\n\n"):
        timing, *payload = block.split("\n")
        assert re.fullmatch(VTT_TIMING, timing), block
        assert payload and all(line and "-->" not in line for line in payload), block
        voice = ""
        if match := re.match(r"<v ([^>]*)>", payload[0]):
            voice, payload[0] = match[1], payload[0][match.end():]
        for line in [voice, *payload]:
            assert "<" not in line and ">" not in line, block
            assert re.fullmatch(r"([^&]|&amp;|&lt;|&gt;)*", line), block
        cues.append((html.unescape(voice), [html.unescape(line) for line in payload]))
    return cues


def _srt_cues(text: str) -> list[list[str]]:
    """The text lines of each cue, with the numbering and timing of SubRip checked."""
    cues = []
    for number, block in enumerate(text.rstrip("\n").split("\n\n"), 1):
        index, timing, *lines = block.split("\n")
        assert index == str(number) and re.fullmatch(SRT_TIMING, timing), block
        assert lines and all(line and "-->" not in line for line in lines), block
        cues.append(lines)
    return cues


def _cue_count(path: Path) -> int:
    """Cues found by FFmpeg's own subtitle reader, the one media players build on."""
    with av.open(str(path)) as container:
        return sum(1 for packet in container.demux(container.streams.subtitles[0]) if packet.size)


def test_subtitles_keep_one_cue_per_segment_whatever_the_text(tmp_path):
    """Text with markup, ``-->``, line breaks and control characters is escaped or cleaned: it never ends a
    cue, starts another, becomes a tag or reaches a player as a control character."""
    workshop = tmp_path / "Cues.minutes"
    expected = _subtitle_workshop(workshop)
    texts = [text for _, text in expected]
    for fmt in ("vtt", "srt"):
        assert_success(minutes("export", "--workshop", workshop, "--session", "Cues", "--format", fmt,
                               "-o", tmp_path / f"cues.{fmt}"))
        assert _cue_count(tmp_path / f"cues.{fmt}") == len(texts)
    vtt = (tmp_path / "cues.vtt").read_text(encoding="utf-8")
    assert clean_text(vtt) == vtt
    cues = _vtt_cues(vtt)
    assert [" ".join(lines[0].split()) for _, lines in cues] == texts
    names = ["Dr. <Chen> & Co -->", "Ana B"]
    assert [voice for voice, _ in cues] == [names[who] for who, _ in expected]
    assert cues[1][1][1] == "Eng -> <&>"
    srt = (tmp_path / "cues.srt").read_text(encoding="utf-8")
    assert clean_text(srt) == srt
    assert [" ".join(lines[0].split()) for lines in _srt_cues(srt)] == [f"{names[who]}: {text}".replace("-->", "->")
                                                      for who, text in expected]
