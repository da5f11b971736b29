"""Output paths that alias what the command reads or what a workshop owns are refused, for every command
with ``-o``, however the path is spelt (symlink, hard link, ``..``, a link to the folder); outputs that
cannot be written are refused before any work starts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.faults.conftest import assert_clean_failure, assert_sound, segment_rows


@pytest.fixture
def workshop(cli, session_json, tmp_path) -> Path:
    folder = tmp_path / "W.minutes"
    cli("import", session_json, "--workshop", folder, check=True)
    return folder


def aliases_of_workshop_files(workshop: Path, tmp_path: Path) -> list[Path]:
    link_to_db = tmp_path / "db-link.txt"
    link_to_db.symlink_to(workshop / "workshop.sqlite")
    hard_db = tmp_path / "hard-db.txt"
    os.link(workshop / "workshop.sqlite", hard_db)
    folder_link = tmp_path / "folder-link"
    folder_link.symlink_to(workshop)
    (workshop / "audio" / "sub").mkdir()
    return [
        workshop / "workshop.sqlite", workshop / "workshop.lock", workshop / "audio" / "x.flac",
        workshop / "audio" / "sub" / ".." / ".." / "workshop.sqlite", workshop / "exports" / ".." / "workshop.sqlite",
        workshop, link_to_db, hard_db, folder_link / "workshop.sqlite", folder_link / "notes.txt",
    ]


def test_export_refuses_every_path_into_the_workshop(cli, workshop, tmp_path):
    before = (workshop / "workshop.sqlite").read_bytes()
    for target in aliases_of_workshop_files(workshop, tmp_path):
        for fmt in ("txt", "json", "docx"):
            result = cli("export", "--workshop", workshop, "--session", "S", "--format", fmt, "-o", target)
            message = assert_clean_failure(result)
            assert "workshop" in message and str(target) in message, message
    assert (workshop / "workshop.sqlite").read_bytes() == before
    (workshop / "audio" / "sub").rmdir()
    assert_sound(workshop)
    # ... but its exports/ folder takes files, and so does any other folder.
    cli("export", "--workshop", workshop, "--session", "S", "--format", "txt", "-o",
        workshop / "exports" / "S.txt", check=True)
    cli("export", "--workshop", workshop, "--session", "S", "--format", "srt", "-o", tmp_path / "S.srt", check=True)


def test_separate_minutes_refuse_a_workshop_folder(cli, workshop, tmp_path):
    for target in (workshop, workshop / "audio", tmp_path / "other" / ".." / "W.minutes"):
        result = cli("export", "--workshop", workshop, "--all-sessions", "--format", "docx", "--separate",
                     "-o", target)
        assert "workshop" in assert_clean_failure(result)
    assert_sound(workshop)
    written = cli("export", "--workshop", workshop, "--all-sessions", "--format", "docx", "--separate",
                  "-o", tmp_path / "minutes", check=True)
    assert written.stdout.strip() == str(tmp_path / "minutes" / "S.docx")


def test_an_output_that_is_an_input_is_refused(cli, speech, workshop, tmp_path):
    recording = tmp_path / "v.wav"
    shutil.copy(speech, recording)
    original = recording.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(recording)
    hard = tmp_path / "hard.txt"
    os.link(recording, hard)
    glossary = tmp_path / "terms.txt"
    glossary.write_text("Marianne\n", encoding="utf-8")
    template = tmp_path / "letterhead.docx"
    cli("export", "--workshop", workshop, "--session", "S", "--format", "docx", "-o", template, check=True)
    attacks = [
        ("transcribe", recording, "-o", recording),
        ("transcribe", recording, "-o", tmp_path / "x" / ".." / "v.wav"),
        ("transcribe", recording, "-o", link),
        ("transcribe", recording, "-o", hard),
        ("transcribe", recording, "--glossary", glossary, "-o", glossary),
        ("transcribe", recording, "--workshop", workshop, "--session", "S2", "-o", workshop / "workshop.sqlite"),
        ("diarize", recording, "-o", recording),
        ("diarize", recording, "-o", hard),
        ("export", "--workshop", workshop, "--session", "S", "--format", "docx", "--template", template,
         "-o", template),
    ]
    for args in attacks:
        message = assert_clean_failure(cli(*args))
        assert "reads" in message or "workshop" in message, message
    assert recording.read_bytes() == original
    assert glossary.read_text(encoding="utf-8") == "Marianne\n"
    assert_sound(workshop)
    assert [row[0] for row in segment_rows(workshop)] == [0.0, 2.66]


def test_an_unwritable_output_is_refused_before_the_work_and_nothing_is_created(cli, speech, tmp_path, mount_point):
    read_only = mount_point(size="1m")
    os.chmod(read_only, 0o755)
    view = mount_point(read_only_view_of=read_only)
    workshop = tmp_path / "new.minutes"
    for target in (view / "out.txt", tmp_path / "missing" / "out.txt"):
        result = cli("transcribe", speech, "--workshop", workshop, "--session", "S", "--language", "en",
                     "-o", target)
        assert str(target) in assert_clean_failure(result)
        assert not workshop.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mnt0", "mnt1"]


def test_a_failed_write_after_the_work_keeps_the_work(cli, speech, tmp_path, mount_point):
    full = mount_point(size="64k")
    (full / "filler").write_bytes(b"\0" * (60 * 1024))
    workshop = tmp_path / "new.minutes"
    result = cli("transcribe", speech, "--workshop", workshop, "--session", "S", "--language", "en",
                 "--speakers", "none", "--format", "json", "-o", full / "S.json")
    if result.returncode == 0:
        return  # the transcript fitted after all
    message = assert_clean_failure(result)
    assert "kept in" in message
    assert len(segment_rows(workshop)) >= 2
    assert_sound(workshop)
    assert sorted(p.name for p in full.iterdir()) == ["filler"]
