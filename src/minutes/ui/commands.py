"""Undo commands over the store: every transcript edit is one QUndoCommand.

One command shape serves every edit: replace some segments by others. ``redo`` asks the store to swap
them in one transaction and ``undo`` swaps them back, re-using the same ids, so the store (the truth)
and the view stay identical through any sequence of undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from minutes.domain import Segment
from minutes.store import WorkshopStore

Notify = Callable[[list[int], list[Segment]], None]


class ReplaceSegments(QUndoCommand):
    """Replace ``before`` by ``after`` in one session; ``notify(removed_ids, added)`` updates the view."""

    def __init__(self, store: WorkshopStore, session_id: int, before: list[Segment], after: list[Segment],
                 text: str, notify: Notify) -> None:
        super().__init__(text)
        self._store = store
        self._session_id = session_id
        self._before = list(before)
        self._after = list(after)
        self._notify = notify

    def redo(self) -> None:
        self._after = self._store.replace_segments(self._session_id, [s.id for s in self._before], self._after)
        self._notify([s.id for s in self._before], self._after)

    def undo(self) -> None:
        self._before = self._store.replace_segments(self._session_id, [s.id for s in self._after], self._before)
        self._notify([s.id for s in self._after], self._before)

    @property
    def after(self) -> list[Segment]:
        return list(self._after)
