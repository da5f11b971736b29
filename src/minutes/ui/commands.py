"""Undo commands over the store: every transcript edit and speaker change is one QUndoCommand.

Transcript edits have one shape: replace some segments by others. ``redo`` asks the store to swap
them in one transaction and ``undo`` swaps them back, re-using the same ids, so the store (the truth)
and the view stay identical through any sequence of undo and redo.

Speaker changes (naming, merging, a new speaker, enrolling or forgetting a voice) run an operation of
:mod:`minutes.operations.speakers` once, outside the stack (so a failure is reported and nothing is
pushed); the command then holds the session's speaker state before and after it, and undo and redo put
one of those states back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from minutes.domain import Segment
from minutes.operations import transcript
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.store.voices import SpeakerState

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
        self._after = transcript.replace_segments(self._store, self._session_id, [s.id for s in self._before],
                                                  self._after).value
        self._notify([s.id for s in self._before], self._after)

    def undo(self) -> None:
        self._before = transcript.replace_segments(self._store, self._session_id, [s.id for s in self._after],
                                                   self._before).value
        self._notify([s.id for s in self._after], self._before)

    @property
    def after(self) -> list[Segment]:
        return list(self._after)


class SpeakerOperation(QUndoCommand):
    """A speaker operation that has just run, made undoable: ``before`` is the session's speaker state before
    it; the first redo records the state after it. ``notify(changes)`` follows every redo and undo."""

    def __init__(self, store: WorkshopStore, session_id: int, before: SpeakerState, changes: OpChanges, text: str,
                 notify: Callable[[OpChanges], None]) -> None:
        super().__init__(text)
        self._store = store
        self._session_id = session_id
        self._before = before
        self._after: SpeakerState | None = None
        self._changes = changes
        self._notify = notify

    def redo(self) -> None:
        if self._after is None:
            self._after = self._store.speaker_state(self._session_id)
        else:
            transcript.put_back_speakers(self._store, self._session_id, self._after)
        self._notify(self._changes)

    def undo(self) -> None:
        transcript.put_back_speakers(self._store, self._session_id, self._before)
        self._notify(self._changes)
