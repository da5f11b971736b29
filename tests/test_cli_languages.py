"""Mandarin and English from the command line: per-segment language, the Chinese script and its default,
the workshop glossary, translations and the exports that carry them. Real speech through the bundled model."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import soundfile as sf
from opencc import OpenCC

from minutes import jobs
from minutes.domain import Segment, Session
from minutes.store import WorkshopStore
from minutes.text.chinese import has_han
from tests import speech
from tests.test_cli import assert_clean_failure

DATA = Path(__file__).parent / "data"
MANDARIN = DATA / "zh_aishell1_BAC009S0764W0121.wav"
NAMES_SENTENCE = "The Tzu Chi Foundation supports survivors in Hualien."
_s2t, _t2s = OpenCC("s2t"), OpenCC("t2s")
TAIWAN = {"LANG": "zh_TW.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
AMERICA = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def minutes(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes", *map(str, args)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def ok(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = minutes(*args, env=env)
    assert result.returncode == 0, f"minutes {args} failed ({result.returncode}):\n{result.stderr}"
    return result


def simplified_only(text: str) -> list[str]:
    """Characters that exist only in Simplified script (OpenCC's s2t changes them)."""
    return [ch for ch in text if _s2t.convert(ch) != ch]


def is_traditional(text: str) -> bool:
    return has_han(text) and not simplified_only(text) and _t2s.convert(text) != text


def is_simplified(text: str) -> bool:
    return has_han(text) and _t2s.convert(text) == text and _s2t.convert(text) != text


# -- a mixed English / Mandarin session, transcribed and translated once for this module -------------------


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """``minutes transcribe mixed.wav --language auto --translate`` on a Taiwanese system, as JSON."""
    folder = tmp_path_factory.mktemp("mixed")
    pause = speech.silence(2)
    audio = speech.join(speech.load(DATA / "en_librispeech_1995-1837-0001.wav"), pause, speech.load(MANDARIN), pause,
                        speech.load(DATA / "en_librivox_sense_and_sensibility_0890.wav"))
    clip = folder / "mixed.wav"
    sf.write(clip, audio, speech.RATE)
    workshop = folder / "Taipei.minutes"
    out = folder / "mixed.json"
    ok("transcribe", clip, "--workshop", workshop, "--session", "Mixed", "--language", "auto", "--format", "json",
       "--translate", "--speakers", "none", "-o", out, env=TAIWAN)
    return workshop, json.loads(out.read_text(encoding="utf-8"))


def test_each_segment_of_a_mixed_clip_carries_its_own_language(mixed):
    _, doc = mixed
    segments = doc["segments"]
    runs = [s["language"] for i, s in enumerate(segments) if i == 0 or segments[i - 1]["language"] != s["language"]]
    assert runs == ["en", "zh", "en"], [(s["language"], s["text"]) for s in segments]
    english = " ".join(s["text"] for s in segments if s["language"] == "en").lower()
    assert "sorrow" in english and "selfish" in english


def test_mandarin_is_written_traditional_by_default_on_a_taiwanese_system(mixed):
    _, doc = mixed
    for segment in doc["segments"]:
        if segment["language"] == "zh":
            assert is_traditional(segment["text"]), segment["text"]
            assert "".join(w["text"] for w in segment["words"]) == segment["text"]


def test_translate_flag_stores_english_beside_the_mandarin(mixed):
    _, doc = mixed
    for segment in doc["segments"]:
        if segment["language"] == "zh":
            english = segment["translation"]
            assert english and not has_han(english) and sum(ch.isalpha() for ch in english) >= 5, english
        else:
            assert segment["translation"] == ""


def test_every_export_carries_the_script_and_the_translation(mixed, tmp_path):
    workshop, doc = mixed
    chinese = next(s for s in doc["segments"] if s["language"] == "zh")
    texts = {}
    for fmt in ("txt", "srt", "vtt", "json"):
        texts[fmt] = ok("export", "--workshop", workshop, "--session", "Mixed", "--format", fmt).stdout
    lines = texts["txt"].splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(chinese["text"]))
    assert lines[at + 1] == f"    EN: {chinese['translation']}"
    assert sum(line.startswith("    EN: ") for line in lines) == 1  # English segments need no translation
    for fmt in ("srt", "vtt"):
        cue = texts[fmt].splitlines()
        at = cue.index(chinese["text"])
        assert cue[at + 1] == chinese["translation"], texts[fmt]
    assert json.loads(texts["json"])["segments"] == doc["segments"]

    minutes_file = tmp_path / "minutes.docx"
    ok("export", "--workshop", workshop, "--session", "Mixed", "--format", "docx", "--annex", "-o", minutes_file)
    paragraphs = [p.text for p in docx.Document(str(minutes_file)).paragraphs]
    body = "\n".join(paragraphs)
    # One voice throughout: one turn in the annex, followed by its English (the English parts as said).
    turn = next(i for i, text in enumerate(paragraphs) if chinese["text"] in text)
    assert paragraphs[turn + 1].startswith("English: It was the first great sorrow"), paragraphs[turn + 1]
    assert chinese["translation"] in paragraphs[turn + 1] and not has_han(paragraphs[turn + 1])
    for text in (body, *texts.values()):
        assert not simplified_only(text), simplified_only(text)

    exported = tmp_path / "mixed.json"
    exported.write_text(texts["json"], encoding="utf-8")
    other = tmp_path / "Laptop B.minutes"
    ok("import", exported, "--workshop", other)
    again = json.loads(ok("export", "--workshop", other, "--session", "Mixed", "--format", "json").stdout)
    assert [s["translation"] for s in again["segments"]] == [s["translation"] for s in doc["segments"]]


def test_translate_command_skips_what_is_done_and_redoes_on_request(mixed):
    workshop, doc = mixed
    chinese = next(s for s in doc["segments"] if s["language"] == "zh")
    nothing = ok("translate", "--workshop", workshop, "--session", "Mixed")
    assert nothing.stdout == "" and "Nothing to translate" in nothing.stderr

    # With a terminal on stderr, progress is shown there; stdout gets each segment with its new English.
    command = [sys.executable, "-m", "minutes", "translate", "--workshop", str(workshop), "--session", "Mixed",
               "--redo"]
    leader, follower = pty.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, text=True, env=os.environ.copy())
    os.close(follower)
    terminal = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        terminal += chunk
    os.close(leader)
    stdout = proc.stdout.read()
    assert proc.wait(60) == 0, terminal
    shown = terminal.decode()
    assert "Translating \"Mixed\":" in shown and "100%" in shown, shown
    assert 'Translated 1 of 1 segments of "Mixed" into English.' in shown
    lines = stdout.splitlines()
    assert len(lines) == 2 and lines[0].endswith(chinese["text"]) and lines[1].startswith("    EN: "), stdout


def test_ctrl_c_keeps_the_translations_made_and_a_rerun_does_the_rest(tmp_path):
    workshop = tmp_path / "W.minutes"
    clip = speech.load(MANDARIN)
    seconds = len(clip) / speech.RATE
    with WorkshopStore.open(workshop, create=True) as store:
        audio = speech.join(*[part for _ in range(6) for part in (clip, speech.silence(1))])
        session = jobs.add_media_session(store, audio, Session(title="Panel"))
        store.add_segments(session.id, [Segment(i * (seconds + 1), i * (seconds + 1) + seconds,
                                                "甚至出現交易幾乎停滯的情況", language="zh") for i in range(6)])
    proc = subprocess.Popen([sys.executable, "-m", "minutes", "translate", "--workshop", str(workshop),
                             "--session", "Panel"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    first = proc.stdout.readline()  # the first segment is translated and stored
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert first and proc.returncode == 130, err
    assert "stopped. What was finished is kept" in err and "Traceback" not in err

    def translated() -> int:
        doc = json.loads(ok("export", "--workshop", workshop, "--session", "Panel", "--format", "json").stdout)
        return sum(bool(s["translation"]) for s in doc["segments"])

    done = translated()
    assert 1 <= done < 6
    rest = ok("translate", "--workshop", workshop, "--session", "Panel")
    made = re.match(rf'Translated (\d) of {6 - done} segments of "Panel"', rest.stderr)  # only those left
    assert made and translated() == done + int(made[1]) >= 5, rest.stderr  # the base model may miss one


def test_translate_fails_cleanly(tmp_path):
    workshop = tmp_path / "W.minutes"
    doc = {"format": "minutes.session", "version": 1, "session": {"title": "Imported"},
           "segments": [{"start": 0.5, "end": 2.0, "language": "zh", "text": "人口販運防制"}]}
    (tmp_path / "imported.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    ok("import", tmp_path / "imported.json", "--workshop", workshop)
    assert_clean_failure(minutes("translate", "--workshop", workshop, "--session", "Imported"),
                         'The recording of "Imported" is missing')
    assert_clean_failure(minutes("translate", "--workshop", workshop, "--session", "Nope"),
                         'No session titled "Nope"', '"Imported"')
    assert_clean_failure(minutes("translate", "--workshop", tmp_path / "None.minutes", "--session", "Imported"),
                         "is not a Minutes workshop")


# -- the Chinese script ------------------------------------------------------------------------------------


def transcript(*args: object, env: dict[str, str]) -> str:
    result = ok("transcribe", MANDARIN, "--language", "zh", "--speakers", "none", *args, env=env)
    return "".join(line.split("] ", 1)[1] for line in result.stdout.splitlines())


def test_script_defaults_to_the_workshops_then_the_language_tag_then_the_system_locale(tmp_path):
    assert is_traditional(transcript(env=TAIWAN))
    assert is_simplified(transcript(env=AMERICA))
    assert is_traditional(transcript("--language", "zh-TW", env=AMERICA))  # the last --language wins
    assert is_simplified(transcript("--script", "simplified", env=TAIWAN))

    workshop = tmp_path / "W.minutes"
    with WorkshopStore.open(workshop, create=True) as store:
        store.update_workshop(script="simplified")
    assert is_simplified(transcript("--workshop", workshop, env=TAIWAN))


# -- the glossary ------------------------------------------------------------------------------------------


def test_glossary_command_lists_and_changes_the_workshop_glossary(tmp_path):
    workshop = tmp_path / "W.minutes"
    assert_clean_failure(minutes("glossary", "--workshop", workshop), "is not a Minutes workshop")
    assert not workshop.exists()

    assert ok("glossary", "--workshop", workshop, "--add", "Tzu Chi", "IOM", "--add", "人口販運").stdout.splitlines() \
        == ["Tzu Chi", "IOM", "人口販運"]
    terms = tmp_path / "terms.txt"
    terms.write_text("# names\nHualien\nECPAT, iom\n", encoding="utf-8")
    assert ok("glossary", "--workshop", workshop, "--file", terms, "--remove", "ecpat").stdout.splitlines() == [
        "Tzu Chi", "IOM", "人口販運", "Hualien"]
    assert ok("glossary", "--workshop", workshop).stdout.splitlines() == ["Tzu Chi", "IOM", "人口販運", "Hualien"]

    assert_clean_failure(minutes("glossary", "--workshop", workshop, "--add", "UNODC", "--remove", "Nope"),
                         'Not in the glossary: "Nope"')
    assert_clean_failure(minutes("glossary", "--workshop", workshop, "--file", tmp_path / "missing.txt"),
                         "no such file")
    terms.write_bytes("Taïpei\n".encode("latin-1"))
    assert_clean_failure(minutes("glossary", "--workshop", workshop, "--file", terms), "not UTF-8")
    assert ok("glossary", "--workshop", workshop).stdout.splitlines() == ["Tzu Chi", "IOM", "人口販運", "Hualien"]

    assert ok("glossary", "--workshop", workshop, "--clear", "--add", "ECPAT").stdout == "ECPAT\n"
    assert ok("glossary", "--workshop", workshop, "--clear").stdout == ""


def test_transcribe_spells_names_from_the_workshop_glossary_and_a_glossary_file(tmp_path):
    names = speech.espeak(NAMES_SENTENCE, tmp_path / "names.wav")
    plain = ok("transcribe", names, "--speakers", "none").stdout
    assert "Tzu Chi" not in plain and "Hualien" not in plain, plain

    workshop = tmp_path / "W.minutes"
    ok("glossary", "--workshop", workshop, "--add", "Tzu Chi")
    hualien = tmp_path / "hualien.txt"
    hualien.write_text("Hualien\n", encoding="utf-8")
    both = ok("transcribe", names, "--workshop", workshop, "--glossary", hualien, "--speakers", "none").stdout
    assert "Tzu Chi" in both and "Hualien" in both, both
    assert ok("glossary", "--workshop", workshop).stdout == "Tzu Chi\n"  # the file is used, not stored

    terms = tmp_path / "terms.txt"
    terms.write_text("Tzu Chi\nHualien\n", encoding="utf-8")
    alone = ok("transcribe", names, "--glossary", terms, "--speakers", "none").stdout  # no workshop at all
    assert "Tzu Chi" in alone and "Hualien" in alone, alone

    failed = minutes("transcribe", names, "--workshop", tmp_path / "New.minutes", "--glossary", tmp_path / "no.txt")
    assert_clean_failure(failed, "no such file")
    assert not (tmp_path / "New.minutes").exists()


def test_a_new_workshop_takes_the_script_and_the_tag_names_of_its_user(tmp_path):
    """LANG=zh_TW.UTF-8 minutes transcribe zh.wav --workshop NEW.minutes --session S writes Traditional, and
    the new workshop keeps Traditional and gets the default tags by their Chinese names."""
    taipei = tmp_path / "Taipei.minutes"
    result = ok("transcribe", MANDARIN, "--workshop", taipei, "--session", "S", "--speakers", "none", env=TAIWAN)
    assert is_traditional(result.stdout) and result.stderr == ""
    with WorkshopStore.open(taipei, read_only=True) as store:
        assert store.workshop().script == "traditional"
        assert [t.name for t in store.tags()] == ["預防", "保護", "起訴", "夥伴關係", "建議", "行動事項", "良好做法",
                                                  "挑戰"]
    # Elsewhere nothing names a script: Simplified, and the command says so on one line.
    elsewhere = tmp_path / "Elsewhere.minutes"
    result = ok("transcribe", MANDARIN, "--workshop", elsewhere, "--session", "S", "--speakers", "none",
                env=AMERICA)
    assert is_simplified(result.stdout)
    note = result.stderr.strip().splitlines()
    assert len(note) == 1 and "simplified characters" in note[0] and "--script traditional" in note[0], note
    with WorkshopStore.open(elsewhere, read_only=True) as store:
        assert store.workshop().script == "simplified" and store.tags()[0].name == "Prevention"


def test_word_minutes_in_chinese_name_default_tags_in_chinese_unless_renamed(tmp_path):
    workshop = tmp_path / "W.minutes"
    with WorkshopStore.open(workshop, create=True) as store:  # created in English: Prevention, Protection…
        session = store.add_session(Session("S", duration=4.0))
        store.add_segments(session.id, [Segment(0.0, 2.0, "Screen every returnee.", language="en"),
                                        Segment(2.0, 4.0, "Shelters for survivors.", language="en")])
        tags = {t.name: t.id for t in store.tags()}
        from minutes.domain import Annotation

        store.add_annotation(session.id, Annotation(0.0, 2.0, [tags["Prevention"]]))
        store.add_annotation(session.id, Annotation(2.0, 4.0, [tags["Protection"]]))
        store.rename_tag(tags["Protection"], "Victim protection")
    out = tmp_path / "zh.docx"
    ok("export", "--workshop", workshop, "--session", "S", "--format", "docx", "--labels", "zh-TW", "-o", out)
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name.startswith("Heading 2")]
    assert headings == ["■ 預防", "■ Victim protection"]
