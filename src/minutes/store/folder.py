"""The life of a workshop folder on disk: created atomically, never half-made, never removed with work in it.

- :func:`build_atomically` makes a complete, empty workshop in a hidden sibling folder and renames it into
  place, so another process sees either no workshop or a whole one. Two commands creating the same
  workshop at once both end up in the one folder that won the rename (the second waits for the lock).
- :func:`holds_nothing` says whether a folder that looks like an unfinished workshop (a database that is
  empty, left by a crash during creation under older versions) has nothing of the user's in it, so that
  initialising it loses nothing.
- :func:`discard` removes a workshop this process created and stored nothing in (a command that failed
  before storing anything leaves no trace); the caller holds the workshop's lock, so no other writer can be
  using it.
- :func:`remove_stale_temporaries` deletes what a killed writer left behind in ``audio/``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from minutes.fileio import glob_escape, umask

log = logging.getLogger(__name__)

DB_NAME = "workshop.sqlite"
LOCK_NAME = "workshop.lock"
AUDIO_DIR = "audio"
EXPORTS_DIR = "exports"
# Files SQLite keeps beside the database; they hold nothing of the user's when the database holds nothing.
_DB_COMPANIONS = ("-wal", "-shm", "-journal")
# What a killed writer leaves in audio/: the FLAC copy being written, a repair, a recording marker.
_AUDIO_TEMPORARIES = (".tmp-*.flac", "*.repair.tmp", "*.recording.tmp")
_CREATING = ".creating-"
_DISCARDED = ".discarded-"
# A sibling being built whose builder is gone is removed after this long (the builder holds a lock on it
# meanwhile; the age covers the instant between making the folder and locking it).
_STALE_BUILD_SECONDS = 2.0


def build_atomically(root: Path, initialise: Callable[[Path], None]) -> bool:
    """Create the workshop ``root`` by building it in a sibling folder and renaming that into place.

    ``initialise(folder)`` fills the sibling (database, sub-folders). Returns True if this call created
    ``root``, False if another process created it first (the sibling is then thrown away). An empty folder
    at ``root`` is replaced. Raises OSError when the parent folder cannot be written.
    """
    parent = root.parent
    parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(root)
    building = Path(tempfile.mkdtemp(prefix=f".{root.name}{_CREATING}", dir=parent))
    building.chmod(0o777 & ~umask())  # mkdtemp makes it private; a workshop folder follows the umask
    guard = _lock_folder(building)
    try:
        initialise(building)
        return _publish(building, root)
    finally:
        if guard is not None:
            os.close(guard)
        shutil.rmtree(building, ignore_errors=True)


def _publish(building: Path, root: Path) -> bool:
    try:
        os.rename(building, root)  # replaces an empty folder on POSIX; fails if root holds anything
        return True
    except OSError:
        if not root.is_dir() or any(root.iterdir()):
            return False
    # An empty folder the platform would not replace (Windows): remove it and try once more.
    with suppress(OSError):
        root.rmdir()
    try:
        os.rename(building, root)
    except OSError:
        return False
    return True


def holds_nothing(root: Path, *, database_checked: bool = False) -> bool:
    """True if ``root`` holds nothing but an empty (or no) database, empty sub-folders and our lock file.

    With ``database_checked`` the caller has already found the database free of anything of the user's.
    """
    for entry in root.iterdir():
        name = entry.name
        if name in (LOCK_NAME, DB_NAME) or any(name == DB_NAME + suffix for suffix in _DB_COMPANIONS):
            continue
        if name in (AUDIO_DIR, EXPORTS_DIR) and entry.is_dir() and not _user_files(entry):
            continue
        return False
    return database_checked or database_is_blank(root / DB_NAME)


def database_is_blank(db: Path) -> bool:
    """True if the database file is missing, empty, or holds no tables (a creation that never finished)."""
    try:
        if db.stat().st_size == 0:
            return not _has_content(db.with_name(db.name + "-wal"))
    except FileNotFoundError:
        return True
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # unreadable: damaged, which is not the same as empty


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _user_files(folder: Path) -> list[Path]:
    temporaries = {p for pattern in _AUDIO_TEMPORARIES for p in folder.glob(pattern)}
    return [p for p in folder.iterdir() if p not in temporaries]


def discard(root: Path, *, keep_empty_folder: bool) -> None:
    """Remove a workshop this process created and holds the lock of, which stores nothing.

    It is first renamed out of the way, so no other process can open it half-removed. With
    ``keep_empty_folder`` an empty folder is left at ``root`` (the user had made it).
    """
    gone = Path(tempfile.mkdtemp(prefix=f".{root.name}{_DISCARDED}", dir=root.parent))
    try:
        os.replace(root, gone / root.name)
    except OSError as exc:
        log.warning("could not remove the unused new workshop %s: %s", root, exc)
        gone.rmdir()
        return
    if keep_empty_folder:
        with suppress(OSError):
            root.mkdir()
    shutil.rmtree(gone, ignore_errors=True)


def remove_stale_temporaries(root: Path) -> None:
    """Delete temporary audio files a killed writer left; call only while holding the workshop's lock."""
    audio = root / AUDIO_DIR
    for pattern in _AUDIO_TEMPORARIES:
        for path in audio.glob(pattern):
            log.info("removing %s, left by an interrupted run", path)
            with suppress(OSError):
                path.unlink()


def _lock_folder(folder: Path) -> int | None:
    """Hold an advisory lock on ``folder`` while it is being built (None where folders cannot be locked)."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _remove_stale_builds(root: Path) -> None:
    """Remove siblings of ``root`` that a killed process was building or removing (locked ones are in use)."""
    name = glob_escape(root.name)
    siblings = [*root.parent.glob(f".{name}{_CREATING}*"), *root.parent.glob(f".{name}{_DISCARDED}*")]
    for sibling in siblings:
        try:
            if time.time() - sibling.stat().st_mtime < _STALE_BUILD_SECONDS:
                continue
        except OSError:
            continue
        guard = _lock_folder(sibling)
        if guard is None:
            continue
        try:
            log.info("removing %s, left by an interrupted creation", sibling)
            shutil.rmtree(sibling, ignore_errors=True)
        finally:
            os.close(guard)
