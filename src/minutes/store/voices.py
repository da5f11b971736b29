"""Speaker operations of the store: naming, merging, reassigning, and per-workshop voice profiles.

Speakers are entities of a session, not text in segments, so a speaker can be renamed to a participant of
the roster, merged into another, or given some of another's segments later. Voice profiles keep one
embedding per named participant so the same voice is proposed under that name in the next session; they
stay in the workshop database and can be deleted.

numpy is imported only where a voice is handled: every command opens the store, few touch a voice, and the
import would cost each of them a tenth of a second.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class SpeakerState:
    """A session's speakers as stored (rows), who speaks each of its segments, and the workshop's remembered
    voices: everything a speaker operation changes, so an undo can put it back exactly."""

    speakers: tuple[tuple[Any, ...], ...]
    segment_speakers: tuple[tuple[int | None, int], ...]
    voices: tuple[tuple[Any, ...], ...]


class VoiceOperations:
    """Mixed into :class:`~minutes.store.WorkshopStore`; uses its transaction and query helpers."""

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by WorkshopStore
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def assign_participant(self, speaker_id: int, participant_id: int | None, *, learn_voice: bool = True) -> None:
        """Name a speaker after a participant (None: anonymous again); remember the voice if asked."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE speakers SET participant_id = ?, proposed_participant_id = NULL, proposal_score = NULL "
                "WHERE id = ?",
                (participant_id, speaker_id),
            )
            row = conn.execute("SELECT embedding FROM speakers WHERE id = ?", (speaker_id,)).fetchone()
            if learn_voice and participant_id is not None and row is not None and row["embedding"] is not None:
                self._learn_voice(conn, participant_id, _vector(row["embedding"]))

    def merge_speakers(self, keep_id: int, merge_id: int) -> None:
        """Give all of ``merge_id``'s segments to ``keep_id`` and delete ``merge_id``."""
        if keep_id == merge_id:
            return
        with self.transaction() as conn:
            conn.execute("UPDATE segments SET speaker_id = ? WHERE speaker_id = ?", (keep_id, merge_id))
            conn.execute("DELETE FROM speakers WHERE id = ?", (merge_id,))

    def set_speaker_voice(self, speaker_id: int, embedding: np.ndarray) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE speakers SET embedding = ? WHERE id = ?", (_blob(embedding), speaker_id))

    def speaker_voice(self, speaker_id: int) -> np.ndarray | None:
        rows = self._query("SELECT embedding FROM speakers WHERE id = ?", (speaker_id,))
        return _vector(rows[0]["embedding"]) if rows and rows[0]["embedding"] is not None else None

    def propose(self, speaker_id: int, participant_id: int | None, score: float | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE speakers SET proposed_participant_id = ?, proposal_score = ? WHERE id = ?",
                (participant_id, score, speaker_id),
            )

    def proposals(self, session_id: int) -> dict[int, tuple[int, float]]:
        """Speaker id → (proposed participant id, similarity) for speakers not yet named."""
        rows = self._query(
            "SELECT id, proposed_participant_id, proposal_score FROM speakers WHERE session_id = ? "
            "AND participant_id IS NULL AND proposed_participant_id IS NOT NULL",
            (session_id,),
        )
        return {r["id"]: (r["proposed_participant_id"], r["proposal_score"]) for r in rows}

    def confirm_proposal(self, speaker_id: int) -> None:
        rows = self._query("SELECT proposed_participant_id FROM speakers WHERE id = ?", (speaker_id,))
        if rows and rows[0][0] is not None:
            self.assign_participant(speaker_id, rows[0][0])

    def learn_voice(self, participant_id: int, embedding: np.ndarray) -> int:
        """Add one sample of a participant's voice to their profile (created if new); returns the samples."""
        import numpy as np

        with self.transaction() as conn:
            self._learn_voice(conn, participant_id, np.asarray(embedding, dtype=np.float32))
            row = conn.execute("SELECT samples FROM voice_profiles WHERE participant_id = ?",
                               (participant_id,)).fetchone()
        return int(row["samples"])

    def enrolled_voices(self) -> list[tuple[str, str, int]]:
        """(name, organisation, samples) of every participant with a voice profile, by name."""
        rows = self._query(
            "SELECT p.name, p.organisation, v.samples FROM voice_profiles v JOIN participants p "
            "ON p.id = v.participant_id ORDER BY p.name COLLATE NOCASE, p.id"
        )
        return [(r["name"], r["organisation"], int(r["samples"])) for r in rows]

    def voice_profiles(self) -> Iterator[tuple[int, np.ndarray]]:
        """(participant id, L2-normalised embedding) of every remembered voice."""
        for row in self._query("SELECT participant_id, embedding FROM voice_profiles ORDER BY id"):
            yield row["participant_id"], _vector(row["embedding"])

    def adopt_voice_profile(self, participant_id: int, embedding: np.ndarray) -> bool:
        """Give a participant who has no remembered voice this one (from a merged workshop); True if stored."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO voice_profiles (participant_id, embedding) VALUES (?, ?)",
                (participant_id, _blob(embedding)),
            )
            return cursor.rowcount > 0

    def delete_voice_profile(self, participant_id: int | None = None) -> None:
        """Forget one participant's voice, or every voice of the workshop when None."""
        with self.transaction() as conn:
            if participant_id is None:
                conn.execute("DELETE FROM voice_profiles")
                conn.execute("UPDATE speakers SET embedding = NULL, proposed_participant_id = NULL")
            else:
                conn.execute("DELETE FROM voice_profiles WHERE participant_id = ?", (participant_id,))

    def speaker_state(self, session_id: int) -> SpeakerState:
        """What :meth:`restore_speaker_state` needs to undo a speaker operation in this session."""
        speakers = self._query("SELECT id, session_id, label, participant_id, embedding, proposed_participant_id, "
                               "proposal_score FROM speakers WHERE session_id = ? ORDER BY id", (session_id,))
        segments = self._query("SELECT speaker_id, id FROM segments WHERE session_id = ? ORDER BY id", (session_id,))
        voices = self._query("SELECT id, participant_id, embedding, samples FROM voice_profiles ORDER BY id")
        return SpeakerState(tuple(map(tuple, speakers)), tuple(map(tuple, segments)), tuple(map(tuple, voices)))

    def restore_speaker_state(self, session_id: int, state: SpeakerState) -> None:
        """Put a session's speakers, their segments and the remembered voices back as ``state`` recorded them
        (same ids), in one transaction."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM speakers WHERE session_id = ?", (session_id,))
            # A participant deleted from the roster since (outside the undo history) stays deleted.
            person = "(SELECT id FROM participants WHERE id = ?)"
            conn.executemany("INSERT INTO speakers (id, session_id, label, participant_id, embedding, "
                             f"proposed_participant_id, proposal_score) VALUES (?, ?, ?, {person}, ?, {person}, ?)",
                             state.speakers)
            conn.executemany("UPDATE segments SET speaker_id = ? WHERE id = ?", state.segment_speakers)
            conn.execute("DELETE FROM voice_profiles")
            conn.executemany("INSERT INTO voice_profiles (id, participant_id, embedding, samples) SELECT ?, ?, ?, ? "
                             "WHERE EXISTS (SELECT 1 FROM participants WHERE id = ?)",
                             [(*voice, voice[1]) for voice in state.voices])

    @staticmethod
    def _learn_voice(conn: sqlite3.Connection, participant_id: int, embedding: np.ndarray) -> None:
        row = conn.execute(
            "SELECT embedding, samples FROM voice_profiles WHERE participant_id = ?", (participant_id,)
        ).fetchone()
        if row is None:
            conn.execute("INSERT INTO voice_profiles (participant_id, embedding) VALUES (?, ?)",
                         (participant_id, _blob(embedding)))
            return
        # A running mean of normalised embeddings: each session's voice counts once.
        samples = row["samples"]
        mean = _normalise(_vector(row["embedding"]) * samples + embedding)
        conn.execute("UPDATE voice_profiles SET embedding = ?, samples = ? WHERE participant_id = ?",
                     (_blob(mean), samples + 1, participant_id))


def _normalise(vector: np.ndarray) -> np.ndarray:
    import numpy as np

    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _blob(vector: np.ndarray) -> bytes:
    import numpy as np

    return _normalise(np.asarray(vector, dtype=np.float32)).astype("<f4").tobytes()


def _vector(blob: bytes) -> np.ndarray:
    import numpy as np

    return np.frombuffer(blob, dtype="<f4").copy()


# Labels given to voices not yet named; kept here, in one place, so that a translation changes them all.
SPEAKER_LABEL = "Speaker {number}"
FLOOR_LABEL = "Participant from the floor {number}"


def speaker_label(index: int) -> str:
    """The anonymous label of the ``index``-th voice (0-based)."""
    return SPEAKER_LABEL.format(number=index + 1)


def floor_label(index: int) -> str:
    """The label of the ``index``-th voice heard once from the floor (0-based)."""
    return FLOOR_LABEL.format(number=index + 1)


def is_anonymous_label(label: str) -> bool:
    """True for a label :func:`speaker_label` gave ("Speaker 4"), which names nobody."""
    return re.fullmatch(r"Speaker \d+", label.strip()) is not None

