"""Label a stored session's segments with speakers: diarize, split segments at speaker changes, store
the speakers as entities with their voices, and propose participants whose remembered voice matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from minutes import speakers as engine
from minutes.domain import Segment, Session, Speaker, Word
from minutes.doubt import FLAG_OVERLAP
from minutes.errors import Cancelled
from minutes.store import WorkshopStore
from minutes.store.voices import speaker_label

# CAM++ cosine similarity of one person's voice across sessions is typically 0.6–0.8 and of two different
# people below 0.5; a proposal also needs a margin over the runner-up so that look-alike voices are not named.
PROPOSAL_THRESHOLD = 0.6
PROPOSAL_MARGIN = 0.05


@dataclass(frozen=True)
class SpeakerCount:
    """How many speakers to look for: exactly ``exact``, or between ``low`` and ``high``."""

    exact: int | None = None
    low: int = 1
    high: int = 15

    @classmethod
    def parse(cls, value: str) -> SpeakerCount | None:
        """``auto``, ``none``, ``N`` or ``A-B``; None means do not label speakers."""
        value = value.strip().lower()
        if value == "none":
            return None
        if value == "auto":
            return cls()
        low, _, high = value.partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            raise ValueError(value)
        if high:
            return cls(low=int(low), high=int(high))
        return cls(exact=int(low))


def label_speakers(
    store: WorkshopStore,
    session: Session,
    audio: np.ndarray,
    count: SpeakerCount,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Speaker]:
    """Replace the session's speakers and segment attribution with a fresh diarization; returns speakers."""
    try:
        result = engine.diarize(audio, num_speakers=count.exact, min_speakers=count.low,
                                max_speakers=max(count.high, count.low), progress=progress, cancelled=cancelled)
    except InterruptedError as exc:
        raise Cancelled from exc
    old = store.segments(session.id)
    probability = {(w.start, w.end): w.probability for s in old for w in s.words}
    split = engine.assign_speakers(
        [engine.Segment(s.start, s.end, s.text, [engine.Word(w.start, w.end, w.text) for w in s.words])
         for s in old],
        result.turns,
    )
    origin = _origin_lookup(old)
    overlapped = _overlap_test(engine.overlap_spans(result.turns))
    provisional = {s.start for s in old if s.provisional}
    with store.transaction() as conn:
        conn.execute("UPDATE segments SET speaker_id = NULL WHERE session_id = ?", (session.id,))
        conn.execute("DELETE FROM speakers WHERE session_id = ?", (session.id,))
        conn.execute("DELETE FROM segments WHERE session_id = ?", (session.id,))
        order = _first_appearance(split)
        ids = {}
        for index, voice in enumerate(order):
            speaker = store.add_speaker(session.id, Speaker(label=speaker_label(index)))
            if voice < result.embeddings.shape[0]:
                store.set_speaker_voice(speaker.id, result.embeddings[voice])
            ids[voice] = speaker.id
        store.add_segments(session.id, [
            Segment(start=s.start, end=s.end, text=s.text.strip(), speaker_id=ids.get(s.speaker),
                    language=origin(s.start).language, provisional=s.start in provisional,
                    words=[Word(w.start, w.end, w.text, probability.get((w.start, w.end), 1.0)) for w in s.words],
                    checked=origin(s.start).checked,
                    flags=_flags(origin(s.start).flags, overlapped(s.start, s.end)))
            for s in split
        ])
        propose_participants(store, session.id)
    return store.speakers(session.id)


def propose_participants(store: WorkshopStore, session_id: int) -> None:
    """For each anonymous speaker, propose the participant whose remembered voice is clearly the closest."""
    profiles = list(store.voice_profiles())
    if not profiles:
        return
    people = np.array([p for p, _ in profiles])
    voices = np.stack([v for _, v in profiles])
    for speaker in store.speakers(session_id):
        voice = store.speaker_voice(speaker.id)
        if speaker.participant_id is not None or voice is None:
            continue
        scores = voices @ voice
        best = int(np.argmax(scores))
        runner_up = float(np.max(np.delete(scores, best))) if len(scores) > 1 else -1.0
        if scores[best] >= PROPOSAL_THRESHOLD and scores[best] - runner_up >= PROPOSAL_MARGIN:
            store.propose(speaker.id, int(people[best]), float(scores[best]))


def _first_appearance(segments: list[engine.Segment]) -> list[int]:
    seen: list[int] = []
    for seg in segments:
        if seg.speaker is not None and seg.speaker not in seen:
            seen.append(seg.speaker)
    return seen


def _origin_lookup(segments: list[Segment]) -> Callable[[float], Segment]:
    """The original segment a split piece starting at ``t`` came from (its language, flags, check)."""
    starts = [s.start for s in segments]

    def origin(t: float) -> Segment:
        index = int(np.searchsorted(starts, t + 1e-6, side="right")) - 1
        return segments[max(index, 0)]

    return origin


def _overlap_test(spans: list[tuple[float, float]]) -> Callable[[float, float], bool]:
    """Whether ``[start, end]`` meets a stretch of overlapping speech."""
    ends = [end for _, end in spans]

    def overlapped(start: float, end: float) -> bool:
        index = int(np.searchsorted(ends, start, side="right"))
        return index < len(spans) and spans[index][0] < end

    return overlapped


def _flags(flags: list[str], overlapped: bool) -> list[str]:
    """The original segment's flags, with the overlap flag from this labelling (not a previous one's)."""
    kept = [f for f in flags if f != FLAG_OVERLAP]
    return [*kept, FLAG_OVERLAP] if overlapped else kept
