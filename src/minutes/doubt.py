"""Where a transcript deserves the reviewer's ear: doubtful words and flagged segments.

Whisper gives every word a probability; words below a threshold are *doubtful*. A segment is also flagged
as a whole when the pipeline's guards touched it (stored in ``Segment.flags`` by the pipeline and the speaker
labelling), when its words switch between Han and Latin script, and when its speaker is a voice proposal
nobody has confirmed. :func:`doubtful_places` turns these into the places a reviewer jumps between (F8),
in time order: a flagged segment is one place, otherwise each run of doubtful words is one.

Word probabilities cannot show what Whisper left out: an utterance it dropped has no words at all. Measured
on degraded bilingual speech (bench/bench_review.py), such dropped utterances were most of the errors, so
:func:`untranscribed` also makes a place of every stretch where voice activity detection hears speech that
no segment covers (:func:`speech_spans` finds the speech).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from minutes.asr.guards import FLAG_LOOP, FLAG_PHANTOM, FLAG_REPEAT
from minutes.audio.source import SAMPLE_RATE, AudioSource, windows
from minutes.domain import Segment, Word
from minutes.errors import Cancelled

# Chosen with bench/bench_review.py on degraded bilingual speech: with 0.5 (and speech without text) the places
# held 94 % of the wrong words in 28 % of the audio; 0.4–0.6 differ by a few points, 0.3 missed more.
DEFAULT_THRESHOLD = 0.5
FLAG_OVERLAP = "overlap"  # speaker turns overlap inside the segment (set by the speaker labelling)
FLAG_LANGUAGE_SWITCH = "language_switch"  # Han and Latin words in one segment (computed)
FLAG_PROPOSED_SPEAKER = "proposed_speaker"  # its speaker is an unconfirmed voice proposal (computed)
FLAG_NO_TEXT = "no_text"  # speech was heard here and no segment holds it (computed from voice activity)
MIN_UNTRANSCRIBED_SECONDS = 1.0  # shorter stretches of speech without text are breaths, coughs, VAD edges
STORED_FLAGS = (FLAG_REPEAT, FLAG_PHANTOM, FLAG_LOOP, FLAG_OVERLAP)
# Doubtful words closer than this are one place: a reviewer listens to them in one go.
JOIN_GAP_SECONDS = 1.0

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
_WORDLIKE = re.compile(r"\w")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class Doubt:
    """What is doubtful in one segment: indexes of words below the threshold, and segment-level flags."""

    words: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.flags)


@dataclass(frozen=True)
class Place:
    """A doubtful stretch of a segment: ``first:last`` word indexes (empty for the whole segment)."""

    segment_id: int | None
    start: float
    end: float
    first: int = 0
    last: int = 0
    flags: tuple[str, ...] = ()


def doubtful_words(words: Iterable[Word], threshold: float = DEFAULT_THRESHOLD) -> tuple[int, ...]:
    """Indexes of the words said with a probability below ``threshold`` (punctuation-only words never)."""
    return tuple(i for i, w in enumerate(words) if w.probability < threshold and _WORDLIKE.search(w.text))


def switches_language(segment: Segment) -> bool:
    """True if the segment mixes Han characters with Latin words of two letters or more."""
    return bool(_HAN.search(segment.text) and _LATIN.search(segment.text))


def segment_doubt(segment: Segment, threshold: float = DEFAULT_THRESHOLD,
                  unconfirmed_speakers: Collection[int] = ()) -> Doubt:
    """The doubtful words and flags of one segment; ``unconfirmed_speakers`` are proposed, not confirmed."""
    flags = [f for f in segment.flags if f in STORED_FLAGS]
    if switches_language(segment):
        flags.append(FLAG_LANGUAGE_SWITCH)
    if segment.speaker_id is not None and segment.speaker_id in unconfirmed_speakers:
        flags.append(FLAG_PROPOSED_SPEAKER)
    return Doubt(doubtful_words(segment.words, threshold), tuple(dict.fromkeys(flags)))


def doubtful_places(segments: Iterable[Segment], threshold: float = DEFAULT_THRESHOLD,
                    unconfirmed_speakers: Collection[int] = ()) -> list[Place]:
    """Every doubtful place of a session in time order (see the module docstring)."""
    places: list[Place] = []
    for segment in segments:
        doubt = segment_doubt(segment, threshold, unconfirmed_speakers)
        if doubt.flags:
            places.append(Place(segment.id, segment.start, segment.end, flags=doubt.flags))
            continue
        for first, last in _runs(segment.words, doubt.words):
            places.append(Place(segment.id, segment.words[first].start, segment.words[last - 1].end, first, last))
    places.sort(key=lambda p: (p.start, p.end))
    return places


def _runs(words: list[Word], doubtful: tuple[int, ...]) -> list[tuple[int, int]]:
    """Doubtful word indexes grouped into ``(first, last)`` runs, joining those less than a second apart."""
    runs: list[tuple[int, int]] = []
    for i in doubtful:
        if runs and words[i].start - words[runs[-1][1] - 1].end < JOIN_GAP_SECONDS:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def next_place(places: list[Place], after: float) -> Place | None:
    """The first place starting after ``after`` seconds (F8), or None past the last one."""
    return next((p for p in places if p.start > after + 1e-3), None)


def previous_place(places: list[Place], before: float) -> Place | None:
    """The last place starting before ``before`` seconds (Shift+F8), or None before the first one."""
    return next((p for p in reversed(places) if p.start < before - 1e-3), None)


def flagged_share(places: Iterable[Place], duration: float) -> float:
    """The share of ``duration`` seconds that the places cover (overlaps counted once)."""
    if duration <= 0:
        return 0.0
    covered, reach = 0.0, 0.0
    for place in sorted(places, key=lambda p: p.start):
        start = max(place.start, reach)
        if place.end > start:
            covered += place.end - start
        reach = max(reach, place.end)
    return min(covered / duration, 1.0)


def untranscribed(speech: Iterable[tuple[float, float]], segments: Iterable[Segment],
                  min_seconds: float = MIN_UNTRANSCRIBED_SECONDS) -> list[Place]:
    """Places where there was speech (``(start, end)`` spans in time order) and no segment covers it."""
    covered = sorted((s.start, s.end) for s in segments)
    places: list[Place] = []
    index = 0
    for start, end in speech:
        cursor = start
        while index < len(covered) and covered[index][1] <= cursor:
            index += 1
        probe = index
        while probe < len(covered) and covered[probe][0] < end:
            if covered[probe][0] - cursor >= min_seconds:
                places.append(Place(None, cursor, covered[probe][0], flags=(FLAG_NO_TEXT,)))
            cursor = max(cursor, covered[probe][1])
            probe += 1
        if end - cursor >= min_seconds:
            places.append(Place(None, cursor, end, flags=(FLAG_NO_TEXT,)))
    return places


def speech_spans(source: AudioSource, join_gap: float = 0.5, window: float = 600.0,
                 cancelled: Callable[[], bool] | None = None) -> list[tuple[float, float]]:
    """Where Silero VAD (bundled with faster-whisper) hears speech, read ``window`` seconds at a time; spans
    closer than ``join_gap`` are joined. Raises Cancelled when asked to stop between windows."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    spans: list[tuple[float, float]] = []
    options = VadOptions(min_silence_duration_ms=500)
    for offset, samples in windows(source, window):
        if cancelled is not None and cancelled():
            raise Cancelled
        for found in get_speech_timestamps(samples, options):
            start, end = offset + found["start"] / SAMPLE_RATE, offset + found["end"] / SAMPLE_RATE
            if spans and start - spans[-1][1] < join_gap:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans
