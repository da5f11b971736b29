"""One undo history for the window: the open session's edits and the workshop's changes, in the order made.

The session editor keeps an undo stack for the transcript, its tags and its speakers, emptied when another
session is shown. Changes to the workshop (roster, tag set, agenda sessions, details, glossary, notes) go on
the window's :class:`WorkshopUndo` stack, which lasts as long as the workshop is open. Both are
:class:`StampedUndoStack`\\ s: each step is stamped when it is made, so :class:`UndoHistory` can undo the
latest step of either (Ctrl+Z after editing the roster undoes that edit, wherever the focus is) and redo in
the reverse order. As in one history, a new step on either stack ends what either could redo.

A workshop change is an operation of :mod:`minutes.operations` that has already run and returned its
``OpResult`` with ``undo``; :class:`OperationCommand` keeps the latest undo or redo function of it.
"""

from __future__ import annotations

import itertools
import logging
import sys
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from minutes.errors import MinutesError
from minutes.operations.changes import OpChanges, OpResult

log = logging.getLogger(__name__)
_stamps = itertools.count(1)  # one order for every stack of the process


class Record(Protocol):
    """Keeps an operation that has run as an undo step named ``text`` (see :meth:`WorkshopUndo.record`)."""

    def __call__(self, done: OpResult[Any], text: str, *, merge: int = -1) -> None: ...


def no_undo(_done: OpResult[Any], _text: str, *, merge: int = -1) -> None:
    """The ``record`` of a dialog used outside the window: the change is made and kept, with no undo step."""


class StampedUndoStack(QUndoStack):
    """A QUndoStack that knows when each of its steps was made (a macro is one step).

    Signals:
        stepped: a new step was made (not an undo or a redo).
    """

    stepped = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stamps: list[int] = []
        self._depth = 0
        self._redo_end: int | None = None  # steps from here on may not be redone

    def push(self, command: QUndoCommand) -> None:  # noqa: D102 - QUndoStack's
        super().push(command)
        if not self._depth:
            self._stamp()

    def beginMacro(self, text: str) -> None:  # noqa: N802, D102 - Qt override
        super().beginMacro(text)
        self._depth += 1

    def endMacro(self) -> None:  # noqa: N802, D102 - Qt override
        super().endMacro()
        self._depth -= 1
        if not self._depth:
            self._stamp()

    def clear(self) -> None:  # noqa: D102 - QUndoStack's
        super().clear()
        self._stamps = []
        self._redo_end = None

    def _stamp(self) -> None:
        # The step just made is the last one (a step merged into the one before replaces its stamp).
        self._stamps = [*self._stamps[:self.count() - 1], next(_stamps)]
        self._redo_end = None
        self.stepped.emit()

    def drop_redo(self) -> None:
        """Make the steps Redo would make again unreachable: a later step was made on another stack.

        QUndoStack discards them only on its own next push, so the limit is kept here.
        """
        if self.can_redo():
            self._redo_end = self.index()

    def can_redo(self) -> bool:
        """Whether there is a step to redo that no later step has ended."""
        return self.canRedo() and (self._redo_end is None or self.index() < self._redo_end)

    def undo_stamp(self) -> int | None:
        """When the step Undo would take back was made."""
        return self._stamp_of(self.index() - 1) if self.canUndo() else None

    def redo_stamp(self) -> int | None:
        """When the step Redo would make again was first made."""
        return self._stamp_of(self.index()) if self.can_redo() else None

    def _stamp_of(self, index: int) -> int:
        # A step being made (the stack announces it before push or endMacro returns) is the newest.
        return self._stamps[index] if index < len(self._stamps) else sys.maxsize


class OperationCommand(QUndoCommand):
    """A workshop operation that has run, made undoable. A step that cannot be taken (the workshop changed
    outside the history since) is reported and leaves the store as it is.

    ``merge`` names steps that fold into one (the notes of one session, saved as they are typed).
    """

    def __init__(self, done: OpResult[Any], text: str, notify: Callable[[OpChanges], None],
                 report: Callable[[MinutesError], None], merge: int = -1) -> None:
        super().__init__(text)
        self._undo, self._redo = done.undo, None
        self._done = True
        self._notify, self._report, self._merge = notify, report, merge

    def id(self) -> int:  # noqa: D102 - Qt override
        return self._merge

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802, D102 - Qt override
        # The earlier undo is kept: it puts back what was there before the first of the steps.
        return isinstance(other, OperationCommand) and self._done and other._done

    def redo(self) -> None:
        if not self._done and self._redo is not None and self._step(self._redo):
            self._done = True

    def undo(self) -> None:
        if self._done and self._undo is not None and self._step(self._undo):
            self._done = False

    def _step(self, step: Callable[[], OpResult[Any]]) -> bool:
        try:
            result = step()
        except MinutesError as exc:
            log.warning("%s not taken: %s", self.text(), exc)
            self._report(exc)
            return False
        if self._done:
            self._redo = result.undo
        else:
            self._undo = result.undo
        self._notify(result.changes)
        return True


class WorkshopUndo(StampedUndoStack):
    """The workshop's changes as undo steps: ``record(result, text)`` after an operation has run."""

    def __init__(self, notify: Callable[[OpChanges], None], report: Callable[[MinutesError], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notify, self.report = notify, report

    def record(self, done: OpResult[Any], text: str, *, merge: int = -1) -> None:
        """Announce what ``done`` changed and keep it as an undo step (when it changed anything)."""
        if not done.changes.anything:
            return
        self.notify(done.changes)
        if done.undo is not None:
            self.push(OperationCommand(done, text, self.notify, self.report, merge))


class UndoHistory(QObject):
    """Undo and Redo over the workshop's stack and the open session's, latest step first.

    Signals:
        changed: what Undo or Redo would do may have changed.
    """

    changed = Signal()

    def __init__(self, workshop: WorkshopUndo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workshop = workshop
        self.session: StampedUndoStack | None = None
        workshop.indexChanged.connect(self.changed)
        workshop.stepped.connect(self._end_redo)

    def set_session_stack(self, stack: StampedUndoStack | None) -> None:
        if self.session is not None:
            self.session.indexChanged.disconnect(self.changed)
            self.session.stepped.disconnect(self._end_redo)
        self.session = stack
        if stack is not None:
            stack.indexChanged.connect(self.changed)
            stack.stepped.connect(self._end_redo)
        self.changed.emit()

    def _end_redo(self) -> None:
        for stack in self._stacks():
            stack.drop_redo()
        self.changed.emit()

    def _stacks(self) -> list[StampedUndoStack]:
        return [self.workshop] + ([self.session] if self.session is not None else [])

    def _undo_stack(self) -> StampedUndoStack | None:
        stamped = [(stack.undo_stamp(), stack) for stack in self._stacks() if stack.canUndo()]
        return max(stamped, key=lambda pair: pair[0])[1] if stamped else None

    def _redo_stack(self) -> StampedUndoStack | None:
        stamped = [(stack.redo_stamp(), stack) for stack in self._stacks() if stack.can_redo()]
        return min(stamped, key=lambda pair: pair[0])[1] if stamped else None

    def undo(self) -> None:
        stack = self._undo_stack()
        if stack is not None:
            stack.undo()

    def redo(self) -> None:
        stack = self._redo_stack()
        if stack is not None:
            stack.redo()

    def can_undo(self) -> bool:
        return self._undo_stack() is not None

    def can_redo(self) -> bool:
        return self._redo_stack() is not None

    def undo_text(self) -> str:
        stack = self._undo_stack()
        return stack.undoText() if stack is not None else ""

    def redo_text(self) -> str:
        stack = self._redo_stack()
        return stack.redoText() if stack is not None else ""
