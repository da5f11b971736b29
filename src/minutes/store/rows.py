"""Rows copied out of the database and put back as they were, with the same ids: what an undo restores.

An operation that deletes (a participant, a tag, a new session) copies the rows the deletion takes with it
(through ``ON DELETE CASCADE`` and ``SET NULL`` too) before it deletes; its undo puts them back. Tables and
columns are named by the store's own code, never by a user.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rows:
    """Rows of one table: inserted again by :meth:`RowCopies.put_rows`, or, with ``update``, written over
    the rows still there (keyed by the first column), for a link a deletion only cleared."""

    table: str
    columns: tuple[str, ...]
    values: tuple[tuple[Any, ...], ...]
    update: bool = False


class RowCopies:
    """Mixed into :class:`~minutes.store.WorkshopStore`; uses its transaction and query helpers."""

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by WorkshopStore
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def copy_rows(self, table: str, where: str, keys: Sequence[Any], *, columns: Sequence[str] = (),
                  update: bool = False) -> Rows:
        """The rows of ``table`` whose ``where`` column holds one of ``keys`` (all their columns by default)."""
        marks = ", ".join("?" for _ in keys)
        wanted = ", ".join(columns) if columns else "*"
        rows = self._query(f"SELECT {wanted} FROM {table} WHERE {where} IN ({marks})", list(keys)) if keys else []
        names = tuple(columns) if columns else (tuple(rows[0].keys()) if rows else ())
        return Rows(table, names, tuple(tuple(row) for row in rows), update)

    def put_rows(self, *copies: Rows) -> None:
        """Put copied rows back, in order, in one transaction (a row whose id was taken since is refused)."""
        with self.transaction() as conn:
            for rows in copies:
                if not rows.values:
                    continue
                if rows.update:
                    key, *rest = rows.columns
                    sets = ", ".join(f"{name} = ?" for name in rest)
                    conn.executemany(f"UPDATE {rows.table} SET {sets} WHERE {key} = ?",
                                     [(*values[1:], values[0]) for values in rows.values])
                else:
                    marks = ", ".join("?" for _ in rows.columns)
                    conn.executemany(f"INSERT INTO {rows.table} ({', '.join(rows.columns)}) VALUES ({marks})",
                                     rows.values)
