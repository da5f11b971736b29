"""What an operation changed, so views refresh what they show and nothing else (Anki's ``OpChanges``), and
how to take it back.

An operation the window can undo returns its :class:`OpResult` with ``undo``: a function that puts the store
back as it was and returns, in its own result, the ``undo`` that makes the change again. Undo and redo are
thus the same kind of step, and the window's undo stack only keeps the latest one (see ``minutes.ui.undo``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class OpChanges:
    """Which parts of the workshop an operation touched; ``session_id`` narrows per-session parts."""

    workshop: bool = False
    sessions: bool = False
    segments: bool = False
    speakers: bool = False
    participants: bool = False
    tags: bool = False
    annotations: bool = False
    glossary: bool = False
    voices: bool = False
    notes: bool = False  # a session's summary and recommendations
    session_id: int | None = None

    def __or__(self, other: OpChanges) -> OpChanges:
        merged = {f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)
                  if f.name != "session_id"}
        same = self.session_id == other.session_id
        return OpChanges(**merged, session_id=self.session_id if same else None)

    @property
    def anything(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "session_id")


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """An operation's result together with what it changed."""

    value: T
    changes: OpChanges
    undo: Callable[[], OpResult[Any]] | None = None


def undo_all(results: Sequence[OpResult[Any]], transaction: Callable[[], AbstractContextManager[Any]]
             ) -> Callable[[], OpResult[None]]:
    """Undo several results as one step, the latest first, in one transaction; its undo redoes them all."""

    def undo() -> OpResult[None]:
        with transaction():
            done = [result.undo() for result in reversed(results) if result.undo is not None]
        changes = OpChanges()
        for result in done:
            changes |= result.changes
        return OpResult(None, changes, undo_all(done, transaction))

    return undo
