"""What the final pass after a recording can take from the live text instead of decoding the audio again.

The live transcriber (:mod:`minutes.asr.live`) flags the segments Whisper decoded without doubt
(:data:`~minutes.asr.live.FLAG_LIVE_SURE`: first temperature, high average log-probability, little chance
of no speech, in a language detected or given). Such a segment is kept by the final pass when its words
are sure too (:func:`is_trusted`) and its language is one the session is spoken in (:func:`known_languages`).
Everything else the voice detector hears — doubtful live segments, and speech the live pass skipped when it
fell behind or never finished — is decoded again at full quality (:func:`to_decode`), a little wider than
the gap so Whisper hears whole words, and what that decode writes inside a kept segment is dropped
(:func:`trim`). Kept segments keep their word timings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from minutes.asr.live import FLAG_LIVE_SURE
from minutes.audio.source import SAMPLE_RATE
from minutes.domain import Segment
from minutes.text.chinese import CHINESE_LANGUAGES, convert

from .pipeline import Region, convert_words

MIN_MEAN_PROBABILITY = 0.75  # mean probability of a kept segment's words
DOUBTFUL_WORD = 0.4  # a word below this probability is doubtful ...
MAX_DOUBTFUL_SHARE = 0.15  # ... and a kept segment has at most this share of them
MIN_LANGUAGE_SHARE = 0.1  # with automatic language, a language holding less of the live speech is not trusted
EDGE_SECONDS = 0.2  # audio of the kept neighbours decoded with a gap, so its first and last words are whole
MIN_GAP_SECONDS = 0.6  # a shorter stretch between kept segments (or at their edge) is a pause, not speech


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


def to_decode(regions: Iterable[Region], kept: Sequence[Segment]) -> list[Region]:
    """The speech ``regions`` (samples) less the stretches of the ``kept`` segments (sorted by start), each
    remaining stretch widened by :data:`EDGE_SECONDS` into its kept neighbours; a stretch shorter than
    :data:`MIN_GAP_SECONDS` next to a kept segment is a pause between words and is left out."""
    spans = [(int(k.start * SAMPLE_RATE), int(k.end * SAMPLE_RATE)) for k in kept]
    edge, shortest = int(EDGE_SECONDS * SAMPLE_RATE), int(MIN_GAP_SECONDS * SAMPLE_RATE)
    found: list[Region] = []
    for first, last in regions:
        gaps: list[tuple[int, int, bool, bool]] = []  # (start, end, after a kept span, before a kept span)
        at, after = first, False
        for start, end in spans:
            if end <= first or start >= last:
                continue
            if start > at:
                gaps.append((at, start, after, True))
            at, after = max(at, end), True
        if at < last:
            gaps.append((at, last, after, False))
        for start, end, left, right in gaps:
            if end - start >= shortest or not (left or right):
                found.append((max(first, start - edge) if left else start, min(last, end + edge) if right else end))
    return _merged(found)


def _merged(regions: list[Region]) -> list[Region]:
    merged: list[Region] = []
    for first, last in sorted(regions):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def trim(segments: Iterable[Segment], kept: Sequence[Segment]) -> list[Segment]:
    """Decoded ``segments`` without the words whose middle lies inside a kept segment (the widened edges of
    :func:`to_decode` hear a little of them); a segment left without words is dropped."""
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
