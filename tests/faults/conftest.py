"""The fault-injection suite: real ``minutes`` commands attacked as an adversarial user would.

Commands run as subprocesses and are killed (SIGKILL, SIGINT) at moments found by polling the workshop
database, raced against each other, run on a full disk (a small tmpfs) and on read-only media (a
read-only bind mount), and pointed at damaged databases. After each attack :func:`assert_sound` checks
what must always hold: the workshop opens, SQLite's integrity check passes, and no stray file is left.
CI runs as root, so mounting needs no skip.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# How long to wait for a moment to attack; only a broken command takes this long.
POLL_TIMEOUT = 300.0
# Files a sound workshop folder may hold at its top level and in audio/.
WORKSHOP_FILES = {"workshop.sqlite", "workshop.sqlite-wal", "workshop.sqlite-shm", "workshop.lock", "audio", "exports"}


def minutes_command(*args: object) -> list[str]:
    return [sys.executable, "-m", "minutes", *map(str, args)]


@pytest.fixture
def start() -> Iterator[Callable[..., subprocess.Popen]]:
    """Start ``minutes ARGS`` in the background; every process still running at the end is killed."""
    started: list[subprocess.Popen] = []

    def run(*args: object) -> subprocess.Popen:
        process = subprocess.Popen(minutes_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, env=os.environ.copy())
        started.append(process)
        return process

    yield run
    for process in started:
        if process.poll() is None:
            process.kill()
            process.communicate()


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple] | None:
    """Rows of ``sql`` read from ``db`` as another process would, or None while it cannot be read."""
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def wait_until(process: subprocess.Popen, ready: Callable[[], bool]) -> bool:
    """Poll ``ready`` until it holds (True) or the process has ended (False)."""
    deadline = time.monotonic() + POLL_TIMEOUT
    while time.monotonic() < deadline:
        if ready():
            return True
        if process.poll() is not None:
            return ready()
        time.sleep(0.02)
    raise AssertionError("the moment to attack never came")


def session_status(workshop: Path, title: str = "S") -> str | None:
    rows = query(workshop / "workshop.sqlite", "SELECT status FROM sessions WHERE title = ?", (title,))
    return rows[0][0] if rows else None


def interrupt(process: subprocess.Popen, sig: signal.Signals) -> tuple[str, str]:
    """Send ``sig`` (if the process still runs) and return its output."""
    if process.poll() is None:
        process.send_signal(sig)
    return process.communicate(timeout=POLL_TIMEOUT)


def assert_sound(workshop: Path) -> None:
    """The workshop opens with Minutes, passes SQLite's integrity check and holds no stray file."""
    from minutes.store import WorkshopStore

    with WorkshopStore.open(workshop, read_only=True) as store:
        store.sessions()
    conn = sqlite3.connect(workshop / "workshop.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        audio_files = {row[0].removeprefix("audio/") for row in conn.execute("SELECT audio_file FROM sessions")}
    finally:
        conn.close()
    stray = {p.name for p in workshop.iterdir()} - WORKSHOP_FILES
    assert not stray, f"stray files in {workshop}: {stray}"
    stray_audio = {p.name for p in (workshop / "audio").iterdir()} - audio_files
    assert not stray_audio, f"stray files in {workshop / 'audio'}: {stray_audio}"
    assert not [p for p in workshop.parent.iterdir() if p.name.startswith(f".{workshop.name}.")], \
        "a temporary sibling of the workshop was left behind"


def assert_clean_failure(result: subprocess.CompletedProcess | tuple, *, code: int = 1) -> str:
    """The command failed with ``code`` and one ``minutes: error:`` line, no traceback; returns that line."""
    returncode, stderr = (result.returncode, result.stderr) if hasattr(result, "returncode") else result
    assert returncode == code, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), stderr
    return lines[0]


def segment_rows(workshop: Path, title: str = "S") -> list[tuple]:
    return query(workshop / "workshop.sqlite",
                 "SELECT g.start_s, g.end_s, g.text, g.speaker_id FROM segments g JOIN sessions s "
                 "ON s.id = g.session_id WHERE s.title = ? ORDER BY g.start_s", (title,)) or []


@pytest.fixture
def mount_point(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Mount something (tmpfs of a size, or a read-only bind of a folder); unmounted at the end."""
    mounted: list[Path] = []

    def mount(*, size: str | None = None, read_only_view_of: Path | None = None) -> Path:
        where = tmp_path / f"mnt{len(mounted)}"
        where.mkdir()
        if size is not None:
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)
        else:
            subprocess.run(["mount", "--bind", str(read_only_view_of), str(where)], check=True)
            subprocess.run(["mount", "-o", "remount,bind,ro", str(where)], check=True)
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture(scope="session")
def speech(tmp_path_factory: pytest.TempPathFactory, data: Path) -> Path:
    """A short English clip (8.7 s) of one reader."""
    return data / "en_librispeech_1995-1837-0001.wav"


@pytest.fixture(scope="session")
def transcribed(tmp_path_factory: pytest.TempPathFactory, speech: Path) -> Path:
    """A workshop holding :func:`speech` transcribed into session "S" (no speakers) by the real command under
    umask 022, made once: tests that start from a finished transcript take a copy (``shutil.copytree``)."""
    workshop = tmp_path_factory.mktemp("transcribed") / "W.minutes"
    previous = os.umask(0o022)
    try:
        subprocess.run(minutes_command("transcribe", speech, "--workshop", workshop, "--session", "S",
                                       "--language", "en", "--speakers", "none"),
                       check=True, capture_output=True, env=os.environ.copy())
    finally:
        os.umask(previous)
    return workshop


@pytest.fixture(scope="session")
def session_json(tmp_path_factory: pytest.TempPathFactory, data: Path) -> Path:
    """A session in the JSON interchange format, made once by the real commands (no model involved)."""
    import json

    folder = tmp_path_factory.mktemp("json")
    document = {
        "format": "minutes.session", "version": 1,
        "workshop": {"title": "W"},
        "session": {"title": "S", "language": "en", "duration": 8.73},
        "participants": [], "speakers": [{"id": 1, "label": "Speaker 1", "participant": None}],
        "segments": [
            {"id": 1, "start": 0.0, "end": 2.26, "speaker": 1, "language": "en",
             "text": "It was the first great sorrow of his life."},
            {"id": 2, "start": 2.66, "end": 8.54, "speaker": 1, "language": "en",
             "text": "It was not so much the loss of the cotton itself."},
        ],
    }
    path = folder / "session.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path
