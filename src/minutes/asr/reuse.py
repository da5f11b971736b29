"""What the final pass after a recording can take from the live text instead of decoding the audio again.

The live transcriber (:mod:`minutes.asr.live`) flags the segments Whisper decoded without doubt
(:data:`~minutes.asr.live.FLAG_LIVE_SURE`: first temperature, high average log-probability, little chance
of no speech, in a language detected or given). Such a segment is kept by the final pass when its words
are sure too (:func:`is_trusted`) and its language is one the session is spoken in (:func:`known_languages`).
The speech the voice detector finds is decided utterance by utterance (:func:`plan`): one whose live text is
all trusted is not decoded again; one with a doubtful live segment, or with speech the live pass skipped
when it fell behind or never finished, is decoded again whole at full quality (decoding only the doubtful
stretch gave Whisper fragments without context, and it wrote worse text or none). What that decode writes
inside a kept segment is dropped (:func:`trim`). Kept segments keep their word timings.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace

from minutes.asr.live import FLAG_LIVE_SURE
from minutes.audio.source import SAMPLE_RATE
from minutes.domain import Segment
from minutes.text.chinese import CHINESE_LANGUAGES, convert

from .pipeline import BLOCK_SPEECH_SECONDS, Region, convert_words

MIN_MEAN_PROBABILITY = 0.75  # mean probability of a kept segment's words
DOUBTFUL_WORD = 0.4  # a word below this probability is doubtful ...
MAX_DOUBTFUL_SHARE = 0.15  # ... and a kept segment has at most this share of them
MIN_LANGUAGE_SHARE = 0.1  # with automatic language, a language holding less of the live speech is not trusted
MAX_UNHEARD_SECONDS = 1.5  # a longer stretch of an utterance without live text is decoded again


def known_languages(live: Sequence[Segment], given: str | None) -> set[str]:
    """The languages live segments may be kept in: the given one, or those holding a fair share of the speech."""
    if given:
        return {given}
    seconds: dict[str, float] = {}
    for segment in live:
        seconds[segment.language] = seconds.get(segment.language, 0.0) + segment.end - segment.start
    total = sum(seconds.values())
    return {language for language, length in seconds.items() if length >= MIN_LANGUAGE_SHARE * total > 0}


def is_trusted(segment: Segment, languages: set[str]) -> bool:
    """True if the final pass may keep this live segment as it is (see the module docstring)."""
    words = segment.words
    if not segment.provisional or FLAG_LIVE_SURE not in segment.flags or segment.language not in languages:
        return False
    if not words:
        return False
    mean = sum(w.probability for w in words) / len(words)
    doubtful = sum(w.probability < DOUBTFUL_WORD for w in words)
    return mean >= MIN_MEAN_PROBABILITY and doubtful <= MAX_DOUBTFUL_SHARE * len(words)


def as_final(segment: Segment, script: str) -> Segment:
    """A kept live segment as the final pass stores it: no longer provisional, in the session's script."""
    flags = [f for f in segment.flags if f != FLAG_LIVE_SURE]
    if segment.language in CHINESE_LANGUAGES and script:
        segment = replace(segment, text=convert(segment.text, script), words=convert_words(segment.words, script))
    return replace(segment, provisional=False, flags=flags, id=None)


def plan(regions: Iterable[Region], live: Sequence[Segment], languages: set[str]
         ) -> tuple[list[Segment], list[Region]]:
    """The live segments to keep and the speech ``regions`` (samples) to decode again.

    A region is decided whole, as the voice detector cut it (an utterance, between pauses): it is skipped when
    every live segment over it is trusted and they leave no stretch of it longer than :data:`MAX_UNHEARD_SECONDS`
    without text; otherwise it is decoded again whole, so Whisper hears the utterance as the full pass does.
    A trusted segment is kept unless most of it lies in a region decoded again.
    """
    ordered = sorted(live, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    longest = max((s.end - s.start for s in ordered), default=0.0)
    unheard = int(MAX_UNHEARD_SECONDS * SAMPLE_RATE)
    todo: list[Region] = []
    for first, last in regions:
        begin, end = first / SAMPLE_RATE, last / SAMPLE_RATE
        over = [s for s in ordered[bisect_left(starts, begin - longest) : bisect_left(starts, end)] if s.end > begin]
        if not over or not all(is_trusted(s, languages) for s in over):
            todo.append((first, last))
            continue
        at = first
        for segment in over:
            if int(segment.start * SAMPLE_RATE) - at > unheard:
                break
            at = max(at, int(segment.end * SAMPLE_RATE))
        else:
            if last - at <= unheard:
                continue
        todo.append((first, last))
    kept = [s for s in ordered if is_trusted(s, languages) and _inside(s, todo) <= 0.5 * (s.end - s.start)]
    return kept, todo


def _inside(segment: Segment, regions: list[Region]) -> float:
    """Seconds of ``segment`` inside ``regions`` (sorted)."""
    first = bisect_left(regions, (int(segment.start * SAMPLE_RATE) - int(BLOCK_SPEECH_SECONDS * SAMPLE_RATE),))
    seconds = 0.0
    for begin, end in regions[max(first, 0):]:
        if begin / SAMPLE_RATE >= segment.end:
            break
        seconds += max(0.0, min(end / SAMPLE_RATE, segment.end) - max(begin / SAMPLE_RATE, segment.start))
    return seconds


def trim(segments: Iterable[Segment], kept: Sequence[Segment]) -> list[Segment]:
    """Decoded ``segments`` without the words whose middle lies inside a kept segment (one reaching into an
    utterance decoded again); a segment left without words is dropped."""
    result = []
    for segment in segments:
        near = [k for k in kept if k.start < segment.end and k.end > segment.start]
        if not near:
            result.append(segment)
            continue
        words = [w for w in segment.words if not any(k.start <= (w.start + w.end) / 2 <= k.end for k in near)]
        if len(words) == len(segment.words):
            result.append(segment)
        elif words:
            text = "".join(w.text for w in words).strip()
            if text:
                result.append(replace(segment, start=words[0].start, end=words[-1].end, text=text, words=words))
    return result
