"""The batch transcription pipeline: voice activity → Whisper with word times → guarded segments.

The recording is an :class:`~minutes.audio.source.AudioSource` read a stretch at a time, so memory is
bounded by the chunk and not by the session: Silero VAD runs over it in blocks
(:func:`minutes.audio.vad.speech_regions`), and only the speech of the chunk being decoded is in memory.
The speech is decoded in blocks of a few minutes, packed into Whisper windows as plain faster-whisper
packs them. With automatic detection each utterance's language is read from the encoder output of the
window that decodes it (:class:`~minutes.asr.detection.BlockLanguages`): a block is decoded in the
language of the utterances before, so English-only audio costs what it costs with the language given.
From a window holding an utterance in another language on, each window is read before it is decoded; the
utterances of windows holding two languages are decoded per language (a Mandarin answer between English
questions stays Mandarin), each language's utterances joined until they fill a window, so where the
language changes at every turn a stretch of speech costs a reading and a decoding pass, not a window per
turn; a window in one language goes back to block decoding. Chinese is written in the session's script,
and with a workshop glossary the terms Whisper misheard are spelt in (:mod:`minutes.asr.spelling`).
Finished segments are handed to ``on_chunk`` at least every ~30 s of audio, together with the time up to
which the audio is done, so the caller can store them in one transaction: a crash keeps the finished
part, and a rerun resumes from ``start_at``. Progress is reported after every segment and cancellation is
checked as often; ``chunk_started`` hears the number and count of each block as it begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from minutes.asr.detection import (
    SAMPLES_PER_FEATURE_FRAME,
    BlockLanguages,
    LanguageChange,
    LanguageTrack,
)
from minutes.asr.guards import FLAG_LOOP, FLAG_PHANTOM, RepeatFilter, collapse_repeats, is_phantom
from minutes.asr.spelling import respell
from minutes.audio.source import SAMPLE_RATE, AudioSource, as_source
from minutes.audio.vad import speech_regions
from minutes.domain import Segment, Word
from minutes.errors import Cancelled
from minutes.text.chinese import CHINESE_LANGUAGES, convert
from minutes.text.glossary import Hints

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

CHUNK_SECONDS = 30.0
BLOCK_SPEECH_SECONDS = 300.0
"""Speech decoded per Whisper call: the windows are packed as plain faster-whisper packs
them, at the cost of one part-filled window per block, and memory stays bounded by the block."""
SPELLING_PAD_SECONDS = 0.3
LEAD_IN_SECONDS = 1.0


@dataclass
class TranscribeOptions:
    """Decoding settings; the defaults are the ones Minutes uses for final transcripts."""

    language: str | None = None
    script: str = "simplified"
    beam_size: int = 5
    initial_prompt: str | None = None
    vad_min_silence_ms: int = 500
    # The workshop glossary, whose terms are spelt into the transcript (see minutes.asr.spelling).
    # None: :func:`minutes.jobs.transcribe_session` fills in the workshop's; Hints() means none.
    glossary: Hints | None = None


ChunkCallback = Callable[[list[Segment], float], None]
Region = tuple[int, int]


@dataclass(frozen=True)
class Chunk:
    """Speech ``regions`` (samples on the recording's clock) to transcribe in ``language`` (None: detect)."""

    regions: tuple[Region, ...]
    language: str | None
    # Where the regions skip other speech (end of the region before, start of the one after, in seconds): a
    # segment is cut there, so none spans an utterance of another language that lies between two of these.
    breaks: tuple[tuple[float, float], ...] = ()

    @property
    def first(self) -> int:
        return self.regions[0][0]

    @property
    def last(self) -> int:
        return self.regions[-1][1]


def find_speech(source: AudioSource, options: TranscribeOptions, *, start_at: float = 0.0,
                cancelled: Callable[[], bool] | None = None) -> list[Region]:
    """Speech regions from ``start_at`` s, none longer than a block (a longer one is cut into blocks)."""
    from faster_whisper.vad import VadOptions

    found = speech_regions(source, VadOptions(min_silence_duration_ms=options.vad_min_silence_ms),
                           start=start_at, cancelled=cancelled)
    limit = int(BLOCK_SPEECH_SECONDS * SAMPLE_RATE)
    return [(at, min(at + limit, last)) for first, last in found for at in range(first, last, limit)]


def plan_blocks(regions: list[Region], language: str | None) -> list[Chunk]:
    """Consecutive regions grouped into blocks of at most :data:`BLOCK_SPEECH_SECONDS` of speech (a longer
    region stands alone)."""
    limit = int(BLOCK_SPEECH_SECONDS * SAMPLE_RATE)
    groups: list[list[Region]] = []
    speech = 0
    for region in regions:
        length = region[1] - region[0]
        if not groups or speech + length > limit:
            groups.append([])
            speech = 0
        groups[-1].append(region)
        speech += length
    return [Chunk(tuple(group), language) for group in groups]


def _fill_gaps(languages: list[str | None], before: str | None) -> list[str | None]:
    """Give undecided utterances the language of the one before (``before`` for the first), else the next."""
    filled = list(languages)
    for i in range(len(filled)):
        filled[i] = filled[i] or (filled[i - 1] if i else before)
    for i in range(len(filled) - 2, -1, -1):
        filled[i] = filled[i] or filled[i + 1]
    return filled


Work = Iterator[tuple[int, Iterable[Segment]]]
"""Pieces of work in time order: the sample where each ends, and its segments (lazily decoded, in order)."""


def _one_language(model: WhisperModel, source: AudioSource, blocks: list[Chunk], options: TranscribeOptions
                  ) -> Work:
    for chunk in blocks:
        yield chunk.last, _transcribe_chunk(model, source, chunk, options)


def _each_in_its_language(model: WhisperModel, source: AudioSource, blocks: list[Chunk],
                          options: TranscribeOptions) -> Work:
    track = LanguageTrack()
    for chunk in blocks:
        yield chunk.last, _in_their_languages(model, source, chunk.regions, track, options)


def _in_their_languages(model: WhisperModel, source: AudioSource, regions: tuple[Region, ...], track: LanguageTrack,
                        options: TranscribeOptions) -> Iterator[Segment]:
    """A block decoded in the language of the utterances before, each window's utterances read from its
    encoder output (:mod:`minutes.asr.detection`). From a window holding another language on, each window is
    read before it is decoded: the utterances of windows holding two languages wait in a :class:`_Mixed`
    stretch, decoded once per language when either language has a window's worth, a segment cut where it
    would span one of the other language; a window in one language ends the stretch, and the block goes
    on from it in that language, its encoder output reused."""
    parts = [source.read(first / SAMPLE_RATE, last / SAMPLE_RATE) for first, last in regions]
    speech = np.concatenate(parts)
    reading = BlockLanguages(model, speech, [len(p) for p in parts], track)
    mixed = _Mixed()
    at = 0
    try:
        while at < len(regions):
            if mixed.waiting:
                window = reading.read_ahead(at)
                if len({reading.languages[i] for i in window} - {None}) > 1:
                    yield from mixed.add(model, source, [regions[i] for i in window],
                                         [reading.languages[i] for i in window], options)
                    at = window[-1] + 1
                    continue
                yield from mixed.decode(model, source, options)
            try:
                chunk = Chunk(regions, reading.start(at))
                begin = reading.seek(at) * SAMPLES_PER_FEATURE_FRAME / SAMPLE_RATE
                yield from reading.decoding(_transcribe_chunk(model, source, chunk, options, speech, begin=begin))
                at = len(regions)
            except LanguageChange as change:
                window = reading.shown(change.seek)
                first = window[0]
                clipped = (regions[first][0] + max(0, change.seek * SAMPLES_PER_FEATURE_FRAME - reading.starts[first]),
                           regions[first][1])
                yield from mixed.add(model, source, [clipped, *(regions[i] for i in window[1:])],
                                     [reading.languages[i] for i in window], options, reading.language)
                at = window[-1] + 1
        yield from mixed.decode(model, source, options)
    finally:
        reading.forget()


class _Mixed:
    """Consecutive utterances of windows that hold two languages, decoded per language: each language's
    utterances are joined and decoded when they fill a Whisper window, so English answers between Mandarin
    questions cost the windows their speech fills and not one per turn. Decoded segments are held until
    no utterance before them is waiting, so they are handed on in time order."""

    def __init__(self) -> None:
        self.regions: list[Region] = []
        self.languages: list[str | None] = []
        self._told: list[bool] = []
        self._places: list[int] = []  # each utterance's place in the stretch: a gap in them is a break
        self._held: list[Segment] = []
        self._added = 0

    @property
    def waiting(self) -> bool:
        return bool(self.regions or self._held)

    def add(self, model: WhisperModel, source: AudioSource, regions: list[Region], told: list[str | None],
            options: TranscribeOptions, before: str | None = None) -> list[Segment]:
        """Queue a window's utterances with their languages as read (None: not told); a language whose
        waiting speech would go over a Whisper window is decoded first. The segments no waiting utterance
        precedes any more."""
        languages = _fill_gaps(told, self.languages[-1] if self.languages else before)
        for language in dict.fromkeys(languages):
            waiting = self._speech(language)
            coming = sum(b - a for (a, b), other in zip(regions, languages, strict=True) if other == language)
            if waiting and waiting + coming > CHUNK_SECONDS * SAMPLE_RATE:
                self._decode(model, source, options, language)
        self.regions += regions
        self.languages += languages
        self._told += [language is not None for language in told]
        self._places += range(self._added, self._added + len(regions))
        self._added += len(regions)
        first = self.regions[0][0] / SAMPLE_RATE if self.regions else float("inf")
        ready = [segment for segment in self._held if segment.start < first]
        self._held = [segment for segment in self._held if segment.start >= first]
        return sorted(ready, key=lambda segment: segment.start)

    def decode(self, model: WhisperModel, source: AudioSource, options: TranscribeOptions) -> list[Segment]:
        """All that waits decoded, once per language, and handed on in time order."""
        for language in dict.fromkeys(self.languages):
            self._decode(model, source, options, language)
        found, self._held = self._held, []
        return sorted(found, key=lambda segment: segment.start)

    def _decode(self, model: WhisperModel, source: AudioSource, options: TranscribeOptions, language: str | None
                ) -> None:
        """The waiting utterances in ``language`` decoded together, a segment cut where it would span one of
        the others; taken off the queue.

        Whisper now and then ends a window after the first of the utterances joined in it, as if the rest
        were silence: an utterance whose language was told (so it is speech) but that got no word is decoded
        alone.
        """
        group = [i for i, other in enumerate(self.languages) if other == language]
        breaks = tuple((self.regions[a][1] / SAMPLE_RATE, self.regions[b][0] / SAMPLE_RATE)
                       for a, b in zip(group, group[1:], strict=False) if self._places[b] != self._places[a] + 1)
        chunk = Chunk(tuple(self.regions[i] for i in group), language, breaks)
        found = list(_transcribe_chunk(model, source, chunk, options))
        for i in group:
            if self._told[i] and not _heard(self.regions[i], found):
                found += _transcribe_chunk(model, source, Chunk((self.regions[i],), language), options)
        self._held += found
        kept = [i for i, other in enumerate(self.languages) if other != language]
        self.regions = [self.regions[i] for i in kept]
        self.languages = [self.languages[i] for i in kept]
        self._told = [self._told[i] for i in kept]
        self._places = [self._places[i] for i in kept]

    def _speech(self, language: str | None) -> int:
        return sum(b - a for (a, b), other in zip(self.regions, self.languages, strict=True) if other == language)


def _heard(region: Region, segments: list[Segment]) -> bool:
    """Whether a word of ``segments`` lies in ``region``."""
    first, last = region[0] / SAMPLE_RATE, region[1] / SAMPLE_RATE
    return any(word.start < last and word.end > first for segment in segments for word in segment.words)


def transcribe(
    model: WhisperModel,
    audio: AudioSource | np.ndarray,
    options: TranscribeOptions,
    on_chunk: ChunkCallback,
    *,
    start_at: float = 0.0,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk_started: Callable[[int, int], None] | None = None,
    regions: list[Region] | None = None,
) -> None:
    """Transcribe ``audio`` from ``start_at`` seconds; see the module docstring for the protocol.

    ``regions`` (samples, from ``start_at`` on) are the stretches to decode instead of all the speech the
    VAD finds (the final pass after a recording decodes only what the live text leaves doubtful).

    ``audio`` is read a chunk at a time (a :class:`~minutes.audio.source.FileSource` keeps a 3-hour
    session out of memory); samples already in memory are accepted too.
    """
    source = as_source(audio)
    total = source.duration
    if regions is None:
        regions = find_speech(source, options, start_at=start_at, cancelled=cancelled)
    pieces = plan_blocks(regions, options.language)
    if options.language:
        work = _one_language(model, source, pieces, options)
    else:
        work = _each_in_its_language(model, source, pieces, options)
    repeats = RepeatFilter()
    for number, (end, found) in enumerate(work, 1):
        if chunk_started is not None:
            chunk_started(number, len(pieces))
        segments: list[Segment] = []
        handed_over = start_at
        for segment in found:
            if cancelled is not None and cancelled():
                raise Cancelled
            if repeats.accept(segment):
                segments.append(segment)
            if progress is not None:
                progress(min(segment.end / total, 1.0))
            if segment.end - handed_over >= CHUNK_SECONDS:
                on_chunk(_spelt(model, source, segments, options), segment.end)
                segments, handed_over = [], segment.end
        on_chunk(_spelt(model, source, segments, options), end / SAMPLE_RATE)
        start_at = end / SAMPLE_RATE
    on_chunk([], total)
    if progress is not None:
        progress(1.0)


def _spelt(model: WhisperModel, source: AudioSource, segments: list[Segment], options: TranscribeOptions
           ) -> list[Segment]:
    """``segments`` with the glossary's terms spelt in, from a second decode of their stretch of audio
    (one per run of segments in one language)."""
    if not segments or not options.glossary:
        return segments
    spelt: list[Segment] = []
    for run in _runs(segments):
        language = run[0].language
        samples = source.read(run[0].start - SPELLING_PAD_SECONDS, run[-1].end + SPELLING_PAD_SECONDS)
        spelt += respell(model, samples, run, language, options.glossary.for_language(language),
                         options.glossary.terms_for(language), beam_size=options.beam_size)
    return spelt


def _runs(segments: list[Segment]) -> list[list[Segment]]:
    runs: list[list[Segment]] = []
    for segment in segments:
        if runs and runs[-1][-1].language == segment.language:
            runs[-1].append(segment)
        else:
            runs.append([segment])
    return runs


def _transcribe_chunk(model: WhisperModel, source: AudioSource, chunk: Chunk, options: TranscribeOptions,
                      speech: np.ndarray | None = None, *, begin: float = 0.0) -> Iterator[Segment]:
    """Yield the chunk's segments with times on the recording's clock.

    The chunk's speech regions are joined and decoded without the pauses between them (from ``begin``
    seconds of the joined speech on), then the times are put back, as faster-whisper's own VAD filter does.
    """
    from faster_whisper.transcribe import restore_speech_timestamps

    if speech is None:
        speech = np.concatenate([source.read(first / SAMPLE_RATE, last / SAMPLE_RATE)
                                 for first, last in chunk.regions])
    pieces, info = model.transcribe(
        speech,
        language=chunk.language,
        beam_size=options.beam_size,
        word_timestamps=True,
        vad_filter=False,
        condition_on_previous_text=False,
        initial_prompt=options.initial_prompt,
        hallucination_silence_threshold=2.0,
        clip_timestamps=[begin],
    )
    restored = restore_speech_timestamps(pieces, [{"start": a, "end": b} for a, b in chunk.regions], SAMPLE_RATE)
    for segment in to_segments(restored, lambda t: t, chunk.language or info.language, options.script):
        yield from _cut(segment, chunk.breaks)


def _cut(segment: Segment, breaks: tuple[tuple[float, float], ...]) -> list[Segment]:
    """``segment`` cut where its words cross a break, each part in its own utterance.

    Whisper stretches the first words after a join back over the pause before it, so a word can be timed
    in the utterance before the join. A word goes with the utterance where it ends, and the opening words
    of a segment that goes on across a break, ending in the last second before it, with the utterance
    after; a word so moved is timed as if it had been read on the far side of the join.
    """
    if not breaks or not segment.words:
        return [segment]
    sides = [sum(end < word.end for end, _ in breaks) for word in segment.words]
    later = next((side for side in sides if side > sides[0]), None)
    if later is not None and segment.words[0].end > breaks[later - 1][0] - LEAD_IN_SECONDS:
        sides = [max(side, later) for side in sides]
    parts: dict[int, list[Word]] = {}
    for word, side in zip(segment.words, sides, strict=True):
        if side and word.start < breaks[side - 1][0]:
            shift = breaks[side - 1][1] - breaks[side - 1][0]
            word = replace(word, start=word.start + shift, end=word.end + shift)
        parts.setdefault(side, []).append(word)
    if len(parts) == 1 and parts[sides[0]] == segment.words:
        return [segment]
    texts = ["".join(w.text for w in part).strip() for part in parts.values()]
    return [replace(segment, start=part[0].start, end=max(part[-1].end, part[0].start), text=text, words=part,
                    flags=segment.flags if n == 0 else [])
            for n, (part, text) in enumerate(zip(parts.values(), texts, strict=True)) if text]


def to_segments(pieces: Iterable, clock: Callable[[float], float], language: str, script: str | None
                ) -> Iterator[Segment]:
    """faster-whisper segments as guarded domain segments, times mapped to the recording by ``clock``;
    what the guards did is in each segment's ``flags`` (a dropped phantom phrase flags the next segment)."""
    pending: list[str] = []
    for piece in pieces:
        heard = [Word(clock(w.start), clock(w.end), w.word, w.probability) for w in piece.words or []]
        words = collapse_repeats(heard)
        text = "".join(w.text for w in words).strip() if words else piece.text.strip()
        if not text:
            continue
        if is_phantom(text, piece.avg_logprob, piece.no_speech_prob):
            pending = [FLAG_PHANTOM]
            continue
        if piece.no_speech_prob > 0.6 and piece.avg_logprob < -0.8:
            continue  # Whisper itself doubts there was speech
        if language in CHINESE_LANGUAGES and script:
            text = convert(text, script)
            words = convert_words(words, script)
        start = words[0].start if words else clock(piece.start)
        end = words[-1].end if words else clock(piece.end)
        flags = pending + ([FLAG_LOOP] if len(words) < len(heard) else [])
        pending = []
        yield Segment(start=round(start, 3), end=round(max(end, start), 3), text=text, language=language,
                      words=words, flags=flags)


def convert_words(words: list[Word], script: str) -> list[Word]:
    """Words written in ``script``, converted as one text so phrase conversions (软件 → 軟體) match the
    segment's text; word by word only when a phrase changed length (U盘 → 隨身碟)."""
    joined = "".join(w.text for w in words)
    converted = convert(joined, script)
    if len(converted) != len(joined):
        return [replace(w, text=convert(w.text, script)) for w in words]
    result, at = [], 0
    for word in words:
        result.append(replace(word, text=converted[at : at + len(word.text)]))
        at += len(word.text)
    return result
