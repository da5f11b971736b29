"""SQLite plumbing: connections in WAL mode, one transaction per change, migrations, error mapping.

SQLite's own failures (disk full, read-only folder, locked, corrupt) are the user's problem, not bugs;
:func:`translate` turns them into a :class:`~minutes.errors.StoreError` with a plain sentence. Every
statement's parameters pass through :func:`~minutes.store.clean.clean_parameters` on the way in, whatever
path the write came from: no text a document cannot hold is ever stored. (Times are checked by the store
methods that write them.)
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from minutes.errors import StoreError
from minutes.store.clean import clean_parameters
from minutes.store.schema import MIGRATIONS, SCHEMA_VERSION


class CleanConnection(sqlite3.Connection):
    """A connection whose statements get their parameters cleaned (see :mod:`minutes.store.clean`)."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return super().execute(sql, clean_parameters(parameters))

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        return super().executemany(sql, (clean_parameters(p) for p in parameters))


def connect(path: Path, *, read_only: bool = False, immutable: bool = False) -> sqlite3.Connection:
    """Open the workshop database with the settings every connection needs.

    ``immutable`` reads a database on media nothing can write to (see :mod:`minutes.store.reading`).
    """
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}{'&immutable=1' if immutable else ''}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10,
                               factory=CleanConnection)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """Run the block as one write transaction: all of it is stored, or none of it."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        # SQLite may already have rolled back by itself (disk full, I/O error).
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise translate(exc, path) from exc
        raise


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse to write to a damaged database: writing would spread the damage (SQLite's quick_check)."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    if found != ["ok"]:
        raise StoreError(
            f"The workshop database {path} is damaged ({found[0]}); Minutes will not write to it. "
            f"Restore the workshop folder {path.parent} from a copy (a backup)."
        )


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, refusing databases from a newer Minutes."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The workshop {path.parent} was written by a newer version of Minutes (schema {version}). "
            "Update Minutes to open it."
        )
    if version == SCHEMA_VERSION:
        return
    with transaction(conn, path):
        for number in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction, so the migration is split into statements.
    return [s.strip() for s in script.split(";") if s.strip()]


def _nearly_full(folder: Path) -> bool:
    """True if the disk holding ``folder`` has (next to) no space left: SQLite then often says "disk I/O error"."""
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """Map an SQLite failure to a message for the user."""
    text = str(exc).lower()
    where = path.parent
    if "full" in text or ("disk i/o error" in text and _nearly_full(where)):
        return StoreError(f"The disk holding {where} is full. Free some space and try again; nothing was lost.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"The workshop {where} is read-only. Copy it to a writable folder to change it.")
    if "locked" in text or "busy" in text:
        return StoreError(f"The workshop {where} is busy in another program. Try again in a moment.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"{path} is damaged or is not a Minutes workshop database. "
            f"Restore the workshop folder {where} from a copy (a backup)."
        )
    if "unable to open" in text:
        return StoreError(f"Cannot open {path}: check that the folder exists and can be written.")
    return StoreError(f"The workshop database {path} failed: {exc}.")
