"""Reading a workshop that cannot be read in place: read-only media and older schemas.

A database in WAL mode needs its ``-shm`` file to be read, and SQLite cannot create one on read-only
media (a USB stick handed to the secretariat, a write-protected share). A cleanly closed workshop there
(no ``-wal`` left) is read with ``immutable=1``, which tells SQLite that nothing can change the file. When
committed changes still sit in a ``-wal`` file, or the schema is older than this version's, the database
is copied to a scratch folder and read from there (the copy replays the WAL and is migrated), so reading
never needs to write to the workshop.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from minutes.errors import StoreError
from minutes.store import database


@dataclass
class Source:
    """Where and how a read-only store opens its connections."""

    path: Path
    immutable: bool = False
    scratch: Path | None = None

    def connect(self) -> sqlite3.Connection:
        return database.connect(self.path, read_only=True, immutable=self.immutable)

    def cleanup(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def prepare(db: Path) -> Source | None:
    """None when ``db`` can be read in place; otherwise the source to read it from."""
    version, error = _probe(db, immutable=False)
    if error is None and version == database.SCHEMA_VERSION:
        return None
    if error is not None:
        if not _cannot_open_in_place(error):
            raise database.translate(error, db)
        if not _has_content(db.with_name(db.name + "-wal")):
            version, error = _probe(db, immutable=True)
            if error is not None:
                raise database.translate(error, db)
            if version == database.SCHEMA_VERSION:
                return Source(db, immutable=True)
    return _snapshot(db)


def _probe(db: Path, *, immutable: bool) -> tuple[int | None, sqlite3.Error | None]:
    suffix = "&immutable=1" if immutable else ""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro{suffix}", uri=True, timeout=10)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return None, exc
    return version, None


def _cannot_open_in_place(error: sqlite3.Error) -> bool:
    """True for the errors of a database whose ``-shm`` file cannot be made (read-only media, a full disk)."""
    text = str(error).lower()
    return any(sign in text for sign in ("unable to open", "readonly", "read-only", "disk i/o error", "full"))


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _snapshot(db: Path) -> Source:
    """Copy the database (and its WAL) to a scratch folder and bring the copy to the current schema."""
    scratch = Path(tempfile.mkdtemp(prefix="minutes-read-"))
    copy = scratch / db.name
    try:
        shutil.copyfile(db, copy)
        wal = db.with_name(db.name + "-wal")
        if _has_content(wal):
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            database.migrate(conn, db)
        except sqlite3.Error as exc:
            raise database.translate(exc, db) from exc
        finally:
            conn.close()
    except OSError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise StoreError(f"Cannot read the workshop database {db}: {exc.strerror}.") from exc
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return Source(copy, scratch=scratch)
