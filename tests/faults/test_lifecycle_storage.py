"""The workshop on bad storage: damaged databases, read-only media, a full disk, half-created workshops,
leftovers of killed runs, and the permissions of the files Minutes writes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.faults.conftest import assert_clean_failure, assert_sound, query, segment_rows, wait_until

READS = (("sessions",), ("export", "--session", "S", "--format", "txt"),
         ("export", "--session", "S", "--format", "docx", "-o", "{tmp}/S.docx"), ("glossary",))


@pytest.fixture
def workshop(cli, session_json, tmp_path) -> Path:
    folder = tmp_path / "W.minutes"
    cli("import", session_json, "--workshop", folder, check=True)
    cli("glossary", "--workshop", folder, "--add", "Marianne", check=True)
    return folder


def read_commands(workshop: Path, tmp: Path) -> list[tuple]:
    return [(args[0], "--workshop", workshop, *(str(a).format(tmp=tmp) for a in args[1:])) for args in READS]


def damage(db: Path, how: str) -> None:
    data = bytearray(db.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 2 + 100]
    elif how == "header":
        data[:100] = b"\xff" * 100
    else:  # every page after the first two gets garbage in its cell area
        page = int.from_bytes(data[16:18], "big")
        for offset in range(2 * page, len(data), page):
            data[offset + 8 : offset + page // 2] = b"\x5a" * (page // 2 - 8)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "header", "pages"])
def test_a_damaged_database_is_named_and_never_written(cli, workshop, session_json, tmp_path, how):
    db = workshop / "workshop.sqlite"
    damage(db, how)
    damaged = db.read_bytes()
    for args in read_commands(workshop, tmp_path):
        result = cli(*args)
        if result.returncode == 0:
            continue  # what is left of the pages it reads was still readable
        assert "damaged" in assert_clean_failure(result)
    for args in (("glossary", "--workshop", workshop, "--add", "Elinor"),
                 ("import", session_json, "--workshop", workshop, "--session", "T")):
        message = assert_clean_failure(cli(*args))
        assert "damaged" in message and "copy" in message
    assert db.read_bytes() == damaged, "Minutes wrote to a damaged database"


def test_read_only_media_can_be_listed_and_exported(cli, workshop, tmp_path, mount_point):
    # A cleanly closed copy, one with a stale recording marker, one with a -wal file still holding
    # committed changes, and one on the first schema: all read without writing anything.
    stale = tmp_path / "stale.minutes"
    shutil.copytree(workshop, stale)
    (stale / "audio" / "talk.flac").write_bytes(b"fLaC")
    (stale / "audio" / "talk.flac.recording").write_text('{"pid": 2147483646}', encoding="utf-8")
    walled = tmp_path / "wal.minutes"
    shutil.copytree(workshop, walled)
    writer = sqlite3.connect(walled / "workshop.sqlite", isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO glossary (term, position) VALUES ('Elinor', 9)")
    wal = (walled / "workshop.sqlite-wal").read_bytes()
    writer.close()  # checkpoints and removes the WAL: put back the state of a copy taken while it was open
    (walled / "workshop.sqlite-wal").write_bytes(wal)
    old = tmp_path / "v1.minutes"
    make_first_schema_workshop(old)
    for source, terms in ((workshop, "Marianne\n"), (stale, "Marianne\n"), (walled, "Marianne\nElinor\n"),
                          (old, "")):
        snapshot = {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}
        view = mount_point(read_only_view_of=source)
        if source is not old:
            for args in read_commands(view, tmp_path):
                result = cli(*args, check=True)
                assert "Traceback" not in result.stderr
        assert cli("glossary", "--workshop", view, check=True).stdout == terms
        first = "Old\t" if source is old else "S\t"
        assert cli("sessions", "--workshop", view, check=True).stdout.startswith(first)
        assert {p: p.read_bytes() for p in source.rglob("*") if p.is_file()} == snapshot, "reading changed it"
        message = assert_clean_failure(cli("glossary", "--workshop", view, "--add", "X"))
        assert "read-only" in message.lower()


def make_first_schema_workshop(folder: Path) -> None:
    from minutes.store.schema import MIGRATIONS

    (folder / "audio").mkdir(parents=True)
    (folder / "exports").mkdir()
    conn = sqlite3.connect(folder / "workshop.sqlite")
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO sessions (title, duration, status) VALUES ('Old', 60, 'transcribed')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_an_old_schema_on_a_writable_folder_reads_without_being_changed(cli, tmp_path):
    old = tmp_path / "v1.minutes"
    make_first_schema_workshop(old)
    before = (old / "workshop.sqlite").read_bytes()
    listed = cli("sessions", "--workshop", old, check=True)
    assert listed.stdout.startswith("Old\t-\t00:01:00\t")
    assert (old / "workshop.sqlite").read_bytes() == before
    cli("glossary", "--workshop", old, "--add", "Elinor", check=True)  # a write migrates it
    assert query(old / "workshop.sqlite", "PRAGMA user_version")[0][0] > 1
    assert_sound(old)


def test_a_workshop_killed_while_being_created(cli, session_json, tmp_path):
    # What older versions left: a 0-byte database (and maybe the lock and empty folders).
    empty = tmp_path / "empty.minutes"
    (empty / "audio").mkdir(parents=True)
    (empty / "workshop.sqlite").write_bytes(b"")
    (empty / "workshop.lock").write_bytes(b"")
    message = assert_clean_failure(cli("sessions", "--workshop", empty))
    assert "read-only" not in message and "interrupted while being created" in message
    cli("import", session_json, "--workshop", empty, check=True)  # holds nothing: taken over
    assert len(segment_rows(empty)) == 2
    assert_sound(empty)
    # ... but not when it holds a recording: that would hide it under a new, empty workshop.
    holding = tmp_path / "holding.minutes"
    (holding / "audio").mkdir(parents=True)
    (holding / "workshop.sqlite").write_bytes(b"")
    (holding / "audio" / "talk.flac").write_bytes(b"fLaC")
    message = assert_clean_failure(cli("import", session_json, "--workshop", holding))
    assert "damaged" in message
    assert (holding / "workshop.sqlite").stat().st_size == 0


def test_kill_9_leftovers_are_cleaned_by_the_next_run(cli, start, workshop, session_json, tmp_path):
    target = tmp_path / "S.txt"
    # A killed export leaves its temporary file; a killed audio copy leaves one in audio/.
    (tmp_path / ".S.txt.k1ll3d00.tmp").write_text("half", encoding="utf-8")
    (workshop / "audio" / ".tmp-k1ll3d00.flac").write_bytes(b"fLaC")
    # A live writer's temporary file (it holds its lock) is left alone.
    import fcntl

    live = tmp_path / ".S.txt.l1ve0000.tmp"
    live.write_text("being written", encoding="utf-8")
    holder = os.open(live, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        cli("export", "--workshop", workshop, "--session", "S", "--format", "txt", "-o", target, check=True)
        assert sorted(p.name for p in tmp_path.glob(".S.txt.*")) == [live.name]
    finally:
        os.close(holder)
    cli("glossary", "--workshop", workshop, "--add", "Elinor", check=True)
    assert_sound(workshop)
    # A workshop killed while being built beside its final place is swept by the next creation of it.
    half_built = tmp_path / ".N.minutes.creating-k1ll3d"
    (half_built / "audio").mkdir(parents=True)
    os.utime(half_built, (0, 0))
    cli("import", session_json, "--workshop", tmp_path / "N.minutes", check=True)
    assert not half_built.exists()
    assert_sound(tmp_path / "N.minutes")
    # A real kill -9 in the middle of a docx export.
    process = start("export", "--workshop", workshop, "--all-sessions", "--format", "docx", "--annex", "-o",
                    tmp_path / "all.docx")
    wait_until(process, lambda: any(tmp_path.glob(".all.docx.*.tmp")) or (tmp_path / "all.docx").exists())
    process.send_signal(signal.SIGKILL)
    process.communicate()
    cli("export", "--workshop", workshop, "--all-sessions", "--format", "docx", "-o", tmp_path / "all.docx",
        check=True)
    assert not list(tmp_path.glob(".all.docx.*.tmp"))


def test_written_files_follow_the_umask_and_keep_a_replaced_files_mode(cli, transcribed, workshop, tmp_path):
    os.umask(0o022)  # the subprocesses inherit it
    target = tmp_path / "S.txt"
    cli("export", "--workshop", workshop, "--session", "S", "--format", "txt", "-o", target, check=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o640)
    cli("export", "--workshop", workshop, "--session", "S", "--format", "txt", "-o", target, check=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    minutes = cli("export", "--workshop", workshop, "--session", "S", "--format", "docx", check=True)
    assert stat.S_IMODE(Path(minutes.stdout.strip()).stat().st_mode) == 0o644
    recordings = list((transcribed / "audio").iterdir())  # the audio copy of a transcription under umask 022
    assert recordings and all(stat.S_IMODE(recording.stat().st_mode) == 0o644 for recording in recordings)


def fill(disk: Path) -> None:
    """Fill the disk up to its last block."""
    with open(disk / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def test_a_full_disk_stores_all_or_nothing(cli, session_json, tmp_path, mount_point):
    disk = mount_point(size="256k")
    workshop = disk / "W.minutes"
    cli("import", session_json, "--workshop", workshop, check=True)
    fill(disk)
    # Importing until the disk is full: each attempt stores a whole session or nothing.
    for number in range(20):
        result = cli("import", session_json, "--workshop", workshop, "--session", f"T{number}")
        if result.returncode:
            assert "full" in assert_clean_failure(result)
            break
    listed = cli("sessions", "--workshop", workshop, check=True)  # reading works on a full disk
    (disk / "filler").unlink()
    titles = {t for (t,) in query(workshop / "workshop.sqlite", "SELECT title FROM sessions")}
    assert {line.split("\t")[0] for line in listed.stdout.splitlines()} == titles
    for title in titles:
        assert len(segment_rows(workshop, title)) == 2
    assert_sound(workshop)
    # An export onto the full disk fails cleanly and leaves nothing half-written.
    fill(disk)
    result = cli("export", "--workshop", workshop, "--session", "S", "--format", "json", "-o", disk / "S.json")
    assert "full" in assert_clean_failure(result).lower() or "space" in result.stderr
    assert not list(disk.glob("*S.json*"))
