"""What an operation changed, so views refresh what they show and nothing else (Anki's ``OpChanges``)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

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
