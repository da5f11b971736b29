"""Hostile file names and files: titles that are not file names on some platform, off-the-record text in every
transcript format, a video without sound, glossary files that are not text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import av
import numpy as np
import pytest

from minutes.export.transcript import OMITTED
from minutes.fileio import STEM_BYTES, safe_stem
from minutes.store import WorkshopStore
from tests.faults.hostile_data import NASTY_TEXT, assert_one_line_error, assert_success, minutes, snapshot
from tests.faults.test_hostile_export import _small_workshop

RESERVED = re.compile(r"(?i)(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])")
TITLES = [*NASTY_TEXT, "CON", "con.docx", "Nul", "AUX.tar.gz", "COM1", "lpt9 ", "COM¹", "PRN.", "CON .txt",
          "Report...", "...", ". .", ".hidden", "a:b*c?d|e<f>g\"h", "x/../../etc/passwd", "名" * 200,
          "é" * 200, "Session 1: Opening / Welcome", "\ud800\udfff", "tab\tand\nnewline\r\n"]


@pytest.mark.parametrize("title", TITLES)
def test_file_names_from_titles_are_safe_everywhere(title):
    stem = safe_stem(title, "minutes")
    assert stem and stem == stem.strip(" .") or stem.endswith("_")
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f\x7f]', stem)
    assert not RESERVED.fullmatch(stem.partition(".")[0].rstrip())
    assert len(stem.encode("utf-8")) <= STEM_BYTES and len(stem) <= 100
    stem.encode("utf-8")  # no lone surrogate left


def test_minutes_of_hostile_titles_land_in_their_folder_with_distinct_names(tmp_path):
    workshop = tmp_path / "N.minutes"
    titles = ["CON", "con", "nul.txt", "../escape", "a/b", "名" * 300, "Report.", "x" * 300]
    with WorkshopStore.open(workshop, create=True) as store:
        from minutes.domain import Session

        for title in titles:
            store.add_session(Session(title=title, duration=1.0, status="transcribed"))
    out = tmp_path / "each"
    result = minutes("export", "--workshop", workshop, "--all-sessions", "--format", "docx", "--separate", "-o", out)
    assert_success(result)
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == len(titles) and not list(tmp_path.glob("*.docx"))
    for name in written:
        assert not RESERVED.fullmatch(name.partition(".")[0].rstrip()), name
        assert len(name.encode("utf-8")) <= 200, name
    single = minutes("export", "--workshop", workshop, "--session", "CON", "--format", "docx")
    assert_success(single)
    assert Path(single.stdout.strip()) == workshop / "exports" / "CON_.docx"


@pytest.fixture(scope="module")
def secret_workshop(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "S.minutes"
    _small_workshop(path)  # "Secret." is said under a confidential annotation
    return path


@pytest.mark.parametrize("fmt", ["txt", "srt", "vtt"])
def test_off_the_record_text_is_left_out_of_transcripts_unless_asked(secret_workshop, tmp_path, fmt):
    out = tmp_path / f"t.{fmt}"
    assert_success(minutes("export", "--workshop", secret_workshop, "--session", "Session", "--format", fmt, "-o", out))
    text = out.read_text(encoding="utf-8")
    assert "Said." in text and "Secret." not in text
    assert (OMITTED in text) == (fmt == "txt")
    kept = minutes("export", "--workshop", secret_workshop, "--session", "Session", "--format", fmt,
                   "--include-confidential")
    assert_success(kept)
    assert "Said." in kept.stdout and "Secret." in kept.stdout and OMITTED not in kept.stdout


def test_json_keeps_off_the_record_text_with_its_flag(secret_workshop):
    result = minutes("export", "--workshop", secret_workshop, "--session", "Session", "--format", "json")
    assert_success(result)
    document = json.loads(result.stdout)
    assert "Secret." in [s["text"] for s in document["segments"]]
    assert [a["confidential"] for a in document["annotations"]] == [False, True]


def test_a_video_without_sound_says_so(tmp_path):
    video = tmp_path / "silent.mp4"
    with av.open(str(video), "w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width = stream.height = 64
        stream.pix_fmt = "yuv420p"
        for _ in range(5):
            frame = av.VideoFrame.from_ndarray(np.zeros((64, 64, 3), dtype=np.uint8), format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    assert_one_line_error(minutes("transcribe", video), "has no audio track")


GLOSSARIES = {
    "binary": (bytes(range(256)) * 8, 1, "not UTF-8"),
    "UTF-16": ("Tzu Chi\n".encode("utf-16"), 1, "not UTF-8"),
    "empty": (b"", 0, None),
    "controls": (b"Tzu\x00Chi\nHua\x0blien\n\x1f\x7f\n", 0, None),
    "one huge line": (b"x" * 1_000_000, 0, None),
}


@pytest.mark.parametrize("name", GLOSSARIES)
def test_hostile_glossary_files(tmp_path, name):
    content, status, problem = GLOSSARIES[name]
    workshop = tmp_path / "G.minutes"
    assert_success(minutes("glossary", "--workshop", workshop, "--add", "IOM"))
    before = snapshot(workshop)
    file = tmp_path / "terms.txt"
    file.write_bytes(content)
    result = minutes("glossary", "--workshop", workshop, "--file", file)
    if status:
        assert_one_line_error(result, problem)
        assert snapshot(workshop) == before
        return
    assert_success(result)
    assert result.stdout.splitlines()[0] == "IOM"
    assert not any(ch in result.stdout for ch in "\x00\x0b\x1f\x7f")


@pytest.mark.parametrize("command", [["glossary", "--workshop", "{w}", "--file", "/dev/zero"],
                                     ["import", "/dev/zero", "--workshop", "{w}"],
                                     ["import", "/dev/urandom", "--workshop", "{w}"]])
def test_a_device_is_refused_at_once_not_read_forever(tmp_path, command):
    workshop = tmp_path / "D.minutes"
    assert_success(minutes("glossary", "--workshop", workshop, "--add", "IOM"))
    before = snapshot(workshop)
    result = minutes(*[part.format(w=workshop) for part in command], timeout=60)
    assert_one_line_error(result, "is a device, not a file")
    assert snapshot(workshop) == before


def test_a_session_file_can_come_through_a_pipe(tmp_path):
    import os
    import subprocess
    import sys

    from tests.faults.hostile_data import base_document

    result = subprocess.run([sys.executable, "-m", "minutes", "import", "/dev/stdin", "--workshop",
                             tmp_path / "P.minutes"], input=json.dumps(base_document()), capture_output=True,
                            text=True, timeout=120, env=os.environ.copy())
    assert_success(result)


def test_line_breaks_in_text_keep_every_transcript_format_well_formed():
    from minutes.domain import Segment
    from minutes.export.transcript import render

    texts = ["a\n\nb", "\n", "x\r\n\r\ny", "1\n00:00:00,000 --> 00:00:01,000\nfake cue", "-->", " \n \n "]
    segments = [Segment(float(i), i + 0.5, text, translation=text) for i, text in enumerate(texts)]
    shown = len(segments) - 2  # the two with nothing but line breaks and spaces get no cue
    srt = render("srt", segments)
    assert len(srt.strip("\n").split("\n\n")) == shown
    vtt = render("vtt", segments)
    assert len(vtt.strip("\n").split("\n\n")) == shown + 1  # the WEBVTT header block
    assert vtt.count("-->") == shown
    txt = render("txt", segments).splitlines()
    assert all(line.startswith(("[", "    EN: ")) for line in txt)
