"""Plain data of a workshop: sessions, participants, speakers, segments, words, tags and annotations.

These classes carry no behaviour that touches disk or Qt; the store reads and writes them. Times are
seconds (float) on the session recording's clock. ``id`` is ``None`` until the store assigns one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass
class Workshop:
    title: str = ""
    dates: str = ""
    venue: str = ""
    organiser: str = ""
    language: str = "auto"
    script: str = ""
    summary: str = ""


@dataclass
class Participant:
    name: str
    title: str = ""
    organisation: str = ""
    country: str = ""
    id: int | None = None


# A participant's fields in the order a roster lists them (sheets, the roster dialog, the minutes' list).
PARTICIPANT_FIELDS = ("name", "title", "organisation", "country")


class SessionStatus(StrEnum):
    """Where a session's audio and transcription stand (stored as the value)."""

    NEW = "new"  # planned, or its audio is in and nothing is transcribed yet
    RECORDING = "recording"
    RECORDED = "recorded"  # capture ended; the live transcript awaits the final pass
    TRANSCRIBING = "transcribing"  # started, or interrupted by a crash: resumable
    LABELLING = "labelling"  # transcribed; its speakers are still to be found
    TRANSLATING = "translating"  # transcribed; English translations are being added
    TRANSCRIBED = "transcribed"
    CANCELLED = "cancelled"  # stopped by the user: resumable


@dataclass
class Session:
    title: str
    date: str = ""
    start: str = ""
    end: str = ""
    venue: str = ""
    chair: str = ""
    rapporteur: str = ""
    language: str = "auto"
    audio_file: str = ""
    duration: float = 0.0
    transcribed_until: float = 0.0
    status: str = SessionStatus.NEW
    summary: str = ""
    recommendations: list[str] = field(default_factory=list)
    position: int = 0
    review_status: str = "draft"
    reviewed_by: str = ""
    reviewed_at: str = ""
    id: int | None = None

    @property
    def approved(self) -> bool:
        """Approved minutes are final; any other review state prints DRAFT on them."""
        return self.review_status == "approved"


@dataclass
class Speaker:
    label: str
    participant_id: int | None = None
    id: int | None = None


@dataclass
class Word:
    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass
class Segment:
    start: float
    end: float
    text: str
    speaker_id: int | None = None
    language: str = ""
    provisional: bool = False
    words: list[Word] = field(default_factory=list)
    translation: str = ""
    checked: bool = False
    flags: list[str] = field(default_factory=list)
    id: int | None = None


@dataclass
class Tag:
    name: str
    color: str = "#808080"
    position: int = 0
    id: int | None = None


@dataclass
class Annotation:
    start: float
    end: float
    tag_ids: list[int] = field(default_factory=list)
    comment: str = ""
    confidential: bool = False
    owner: str = ""
    due: str = ""
    id: int | None = None


REVIEW_STATUSES = ("draft", "reviewed", "approved")
