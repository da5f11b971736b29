"""RTTM writing and reading."""

from __future__ import annotations

import re

import pytest

from minutes.speakers import Turn, format_rttm, parse_rttm, read_rttm, write_rttm
from tests.speakers.conftest import DATA

LINE = re.compile(r"^SPEAKER (\S+) 1 (\d+\.\d{3}) (\d+\.\d{3}) <NA> <NA> (\S+) <NA> <NA>$")


def test_lines_are_well_formed():
    turns = [Turn(1.5, 3.25, 1), Turn(0.0, 1.0, 0), Turn(2.0, 2.5, 0)]
    text = format_rttm(turns, "session_1")
    lines = text.splitlines()
    assert text.endswith("\n") and len(lines) == 3
    for line in lines:
        m = LINE.match(line)
        assert m, line
        assert len(line.split()) == 10
    assert [LINE.match(x).group(4) for x in lines] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"]
    assert lines[1] == "SPEAKER session_1 1 1.500 1.750 <NA> <NA> SPEAKER_01 <NA> <NA>"


def test_round_trip(tmp_path):
    turns = [Turn(0.0, 1.0, 0), Turn(0.5, 2.125, 1), Turn(3.0, 4.5, 0)]
    path = tmp_path / "x.rttm"
    write_rttm(turns, path, "clip")
    back = read_rttm(path)
    assert [x for s, e, _ in back for x in (s, e)] == pytest.approx([x for t in turns for x in t[:2]], abs=1e-6)
    assert [spk for *_, spk in back] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"]
    assert format_rttm(back, "clip") == path.read_text()


def test_reads_reference_files_and_filters_by_file_id():
    ref = read_rttm(DATA / "multi_en_ami_debug_trn07.rttm")
    assert len(ref) == 10 and {spk for *_, spk in ref} == {"FEE087", "FEE088", "MEE089", "MEO086"}
    assert ref[0][:2] == pytest.approx((8.275, 9.727)) and ref[0][2] == "FEE087"
    assert read_rttm(DATA / "multi_en_ami_debug_trn07.rttm", file_id="other") == []


def test_parse_skips_comments_and_other_records():
    text = ";; comment\nSPKR-INFO f 1 <NA> <NA> <NA> unknown A <NA> <NA>\n\nSPEAKER f 1 0.5 1.0 <NA> <NA> A <NA> <NA>\n"
    assert parse_rttm(text) == [(0.5, 1.5, "A")]
    with pytest.raises(ValueError):
        parse_rttm("SPEAKER f 1 0.5\n")


def test_rejects_names_with_spaces():
    with pytest.raises(ValueError):
        format_rttm([Turn(0, 1, 0)], "two words")
    with pytest.raises(ValueError):
        format_rttm([(0, 1, "Dr Chen")], "f")
    assert "Dr_Chen" in format_rttm([(0, 1, "Dr Chen")], "f", name=lambda s: str(s).replace(" ", "_"))
