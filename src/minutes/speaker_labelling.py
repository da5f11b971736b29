"""Label a stored session's segments with speakers: diarize, split segments at speaker changes, store
the speakers as entities with their voices, and propose participants whose remembered voice matches.

What the workshop knows is used: the agenda's chair and planned speakers of the session are a lower bound on
the number of voices; voices enrolled in earlier sessions (voice profiles) are matched first, speech window by
speech window before the rest is clustered, and proposed with that confidence for the user to confirm; clusters
of one enrolled voice are joined (a long session can split one person in two); a voice heard only once, briefly,
and matching nobody is labelled as a participant from the floor rather than left among the panel's voices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from minutes import speakers as engine
from minutes.audio.source import AudioSource
from minutes.domain import Segment, Session, SessionStatus, Speaker, Word
from minutes.doubt import FLAG_OVERLAP
from minutes.errors import Cancelled
from minutes.store import WorkshopStore
from minutes.store.voices import floor_label, speaker_label

# CAM++ cosine similarity of one person's voice across sessions is typically 0.6–0.8 and of two different
# people below 0.5; a proposal also needs a margin over the runner-up so that look-alike voices are not named.
PROPOSAL_THRESHOLD = 0.6
PROPOSAL_MARGIN = 0.05
# Joining two of a session's voices into one enrolled person is not undone by a click as a proposal is, so
# it needs both to match that person clearly better than a proposal does (far-field voices of two people
# can be as alike as 0.7).
JOIN_THRESHOLD = 0.75
# A question from the floor: one stretch of speech (own pauses shorter than FLOOR_GAP_S), under FLOOR_MAX_S in
# all, in a session long enough for the idea to mean something (in a short clip every voice is brief).
FLOOR_MAX_S = 60.0
FLOOR_GAP_S = 15.0
FLOOR_MIN_SESSION_S = 300.0


@dataclass(frozen=True)
class SpeakerCount:
    """How many speakers to look for: exactly ``exact``, or between ``low`` and ``high``."""

    exact: int | None = None
    low: int = 1
    high: int = 30

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
    audio: np.ndarray | AudioSource,
    count: SpeakerCount,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Speaker]:
    """Replace the session's speakers and segment attribution with a fresh diarization; returns speakers.

    ``audio`` is the session's 16 kHz mono audio, an :class:`AudioSource` (read in windows) or an array. A
    session waiting for its speakers (status ``labelling``) is ``transcribed`` once they are stored.
    """
    planned = planned_speakers(store, session)
    low, high = count.low, max(count.high, count.low)
    if count.exact is None and planned > low:
        low, high = planned, max(high, planned)
    people = [p for p, _ in store.voice_profiles()]
    profiles = _profiles(store)
    try:
        result = engine.diarize(audio, num_speakers=count.exact, min_speakers=low, max_speakers=high,
                                enrolled=profiles, progress=progress, cancelled=cancelled)
    except InterruptedError as exc:
        raise Cancelled from exc
    turns, embeddings = join_enrolled(result.turns, result.embeddings, profiles)
    # The voice each diarized speaker became (joining renumbers them), for the people matched before clustering.
    became = {t.speaker: j.speaker for t, j in zip(result.turns, turns, strict=True)}
    known = {became[k]: (people[p], score) for k, (p, score) in result.enrolled.items() if k in became}
    old = store.segments(session.id)
    probability = {(w.start, w.end): w.probability for s in old for w in s.words}
    split = engine.assign_speakers(
        [engine.Segment(s.start, s.end, s.text, [engine.Word(w.start, w.end, w.text) for w in s.words])
         for s in old],
        turns,
    )
    origin = _origin_lookup(old)
    overlapped = _overlap_test(engine.overlap_spans(turns))
    provisional = {s.start for s in old if s.provisional}
    floor = floor_voices(turns, embeddings, profiles, planned) - set(known)
    with store.transaction() as conn:
        conn.execute("UPDATE segments SET speaker_id = NULL WHERE session_id = ?", (session.id,))
        conn.execute("DELETE FROM speakers WHERE session_id = ?", (session.id,))
        conn.execute("DELETE FROM segments WHERE session_id = ?", (session.id,))
        ids = {}
        numbers = {True: 0, False: 0}
        for voice in _first_appearance(split):
            from_floor = voice in floor
            label = floor_label(numbers[True]) if from_floor else speaker_label(numbers[False])
            numbers[from_floor] += 1
            speaker = store.add_speaker(session.id, Speaker(label=label))
            if voice < embeddings.shape[0]:
                store.set_speaker_voice(speaker.id, embeddings[voice])
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
        for voice, (person, score) in known.items():
            # Matched window by window before clustering: the proposal the user confirms, with that confidence.
            if voice in ids:
                store.propose(ids[voice], person, score)
        if store.session(session.id).status == SessionStatus.LABELLING:
            store.update_session(session.id, status=SessionStatus.TRANSCRIBED)
    return store.speakers(session.id)


def planned_speakers(store: WorkshopStore, session: Session) -> int:
    """How many distinct people the agenda puts in the session: its chair and its planned speakers."""
    if session.id is None:
        return 0
    names = {p.name.strip().casefold() for p in store.session_participants(session.id)}
    if session.chair.strip():
        names.add(session.chair.strip().casefold())
    return len(names)


def _profiles(store: WorkshopStore) -> np.ndarray:
    voices = [v for _, v in store.voice_profiles()]
    return np.stack(voices) if voices else np.zeros((0, 192), dtype=np.float32)


def _best_profile(voice: np.ndarray, profiles: np.ndarray) -> tuple[int, float] | None:
    """The profile clearly closest to ``voice`` (above the threshold, ahead of the runner-up), if any."""
    if profiles.shape[0] == 0:
        return None
    scores = profiles @ voice
    best = int(np.argmax(scores))
    runner_up = float(np.max(np.delete(scores, best))) if len(scores) > 1 else -1.0
    if scores[best] >= PROPOSAL_THRESHOLD and scores[best] - runner_up >= PROPOSAL_MARGIN:
        return best, float(scores[best])
    return None


def join_enrolled(
    turns: list[engine.Turn], embeddings: np.ndarray, profiles: np.ndarray
) -> tuple[list[engine.Turn], np.ndarray]:
    """Join the voices that clearly match one enrolled profile (``JOIN_THRESHOLD``) into one voice, the one
    heard first.

    Voices are renumbered ``0..k-1`` by first appearance; a joined voice's embedding is the mean of its parts
    weighted by their speech.
    """
    matched: dict[int, int] = {}
    target: dict[int, int] = {}
    for voice in range(embeddings.shape[0]):
        best = _best_profile(embeddings[voice], profiles)
        sure = best is not None and best[1] >= JOIN_THRESHOLD
        target[voice] = matched.setdefault(best[0], voice) if sure else voice
    if all(target[v] == v for v in target):
        return turns, embeddings
    speech = np.zeros(embeddings.shape[0])
    for t in turns:
        speech[t.speaker] += t.end - t.start
    joined = np.zeros_like(embeddings)
    for voice, into in target.items():
        joined[into] += speech[voice] * embeddings[voice]
    order = sorted({target[v] for v in target}, key=lambda v: min((t.start for t in turns if target[t.speaker] == v),
                                                                  default=np.inf))
    number = {v: i for i, v in enumerate(order)}
    merged = [engine.Turn(t.start, t.end, number[target[t.speaker]]) for t in turns]
    vectors = joined[order]
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)
    return merged, vectors.astype(np.float32)


def floor_voices(
    turns: list[engine.Turn], embeddings: np.ndarray, profiles: np.ndarray, planned: int = 0
) -> set[int]:
    """The voices to label as participants from the floor.

    A voice from the floor is heard once (one stretch: its own pauses are all shorter than ``FLOOR_GAP_S``),
    for less than ``FLOOR_MAX_S`` in all, and matches no enrolled voice. The ``planned`` voices that speak
    most are taken to be the agenda's chair and panel and are never from the floor, and nobody is in a
    recording shorter than ``FLOOR_MIN_SESSION_S``.
    """
    if not turns or max(t.end for t in turns) - min(t.start for t in turns) < FLOOR_MIN_SESSION_S:
        return set()
    spans: dict[int, list[engine.Turn]] = {}
    for t in sorted(turns):
        spans.setdefault(t.speaker, []).append(t)
    speech = {v: sum(t.end - t.start for t in ts) for v, ts in spans.items()}
    panel = set(sorted(speech, key=lambda v: -speech[v])[:planned])
    brief = {v for v, ts in spans.items() if speech[v] < FLOOR_MAX_S
             and all(b.start - a.end < FLOOR_GAP_S for a, b in zip(ts, ts[1:], strict=False))}
    if not planned and brief == set(spans):
        # Nobody holds the floor (a recording joined from many short takes, a round of introductions): there is
        # no panel for these voices to be the floor of.
        return set()
    floor = set()
    for voice in brief - panel:
        if not (voice < embeddings.shape[0] and _best_profile(embeddings[voice], profiles) is not None):
            floor.add(voice)
    return floor


def propose_participants(store: WorkshopStore, session_id: int) -> None:
    """For each anonymous speaker, propose the participant whose remembered voice is clearly the closest."""
    people = [p for p, _ in store.voice_profiles()]
    profiles = _profiles(store)
    for speaker in store.speakers(session_id):
        voice = store.speaker_voice(speaker.id)
        if speaker.participant_id is not None or voice is None:
            continue
        best = _best_profile(voice, profiles)
        if best is not None:
            store.propose(speaker.id, people[best[0]], best[1])


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
