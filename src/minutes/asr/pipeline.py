"""The batch transcription pipeline: voice activity → Whisper with word times → guarded segments.

With a given language the rest of the recording is transcribed in one pass, as plain faster-whisper
does. With automatic detection it is cut at pauses found by Silero VAD into chunks of at most ~30 s
(one Whisper window), each transcribed in the language detected for its utterances (a Mandarin answer
between English questions stays Mandarin). Chinese is written in the session's script, and with a
workshop glossary the terms Whisper misheard are spelt in (:mod:`minutes.asr.spelling`). Finished
segments are handed to ``on_chunk`` at least every ~30 s of audio, together with the time up to which
the audio is done, so the caller can store them in one transaction: a crash keeps the finished part,
and a rerun resumes from ``start_at``. Progress is reported after every segment and cancellation is
checked as often.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from minutes.asr.guards import FLAG_LOOP, FLAG_PHANTOM, RepeatFilter, collapse_repeats, is_phantom
from minutes.asr.spelling import respell
from minutes.audio.decode import SAMPLE_RATE
from minutes.domain import Segment, Word
from minutes.errors import Cancelled
from minutes.text.chinese import CHINESE_LANGUAGES, convert
from minutes.text.glossary import Hints

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

CHUNK_SECONDS = 30.0
SPELLING_PAD_SECONDS = 0.3
MIN_DETECT_SECONDS = 1.0


@dataclass
class TranscribeOptions:
    """Decoding settings; the defaults are the ones Minutes uses for final transcripts."""

    language: str | None = None
    script: str = "simplified"
    beam_size: int = 5
    initial_prompt: str | None = None
    vad_min_silence_ms: int = 1000
    # The workshop glossary, whose terms are spelt into the transcript (see minutes.asr.spelling).
    # None: :func:`minutes.jobs.transcribe_session` fills in the workshop's; Hints() means none.
    glossary: Hints | None = None


ChunkCallback = Callable[[list[Segment], float], None]


@dataclass(frozen=True)
class Chunk:
    """Samples ``first:last`` of the audio, to be transcribed in ``language`` (None: let Whisper detect)."""

    first: int
    last: int
    language: str | None


def plan_chunks(model: WhisperModel, audio: np.ndarray, options: TranscribeOptions,
                cancelled: Callable[[], bool] | None = None) -> list[Chunk]:
    """Speech cut at pauses into chunks of at most ~30 s span, each in one language.

    With automatic detection the language is detected per utterance, because one Whisper window holding
    English and Mandarin loses the Mandarin entirely; utterances too short to tell take their neighbour's.
    """
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    silence_ms = options.vad_min_silence_ms if options.language else 500
    found = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=silence_ms))
    regions = [(r["start"], r["end"]) for r in found]
    if options.language:
        languages: list[str | None] = [options.language] * len(regions)
    else:
        languages = []
        for start, end in regions:
            if cancelled is not None and cancelled():
                raise Cancelled
            languages.append(_detect(model, audio[start:end]))
        languages = _fill_gaps(languages)
    limit = int(CHUNK_SECONDS * SAMPLE_RATE)
    chunks: list[Chunk] = []
    for (start, end), language in zip(regions, languages, strict=True):
        if chunks and chunks[-1].language == language and end - chunks[-1].first <= limit:
            chunks[-1] = Chunk(chunks[-1].first, end, language)
        else:
            chunks.append(Chunk(start, end, language))
    return chunks


def _detect(model: WhisperModel, samples: np.ndarray) -> str | None:
    if len(samples) < MIN_DETECT_SECONDS * SAMPLE_RATE:
        return None
    language, probability, _ = model.detect_language(samples)
    return language if probability >= 0.5 else None


def _fill_gaps(languages: list[str | None]) -> list[str | None]:
    """Give undecided utterances the language of the one before (or after, at the start)."""
    filled = list(languages)
    for i in range(1, len(filled)):
        filled[i] = filled[i] or filled[i - 1]
    for i in range(len(filled) - 2, -1, -1):
        filled[i] = filled[i] or filled[i + 1]
    return filled


def transcribe(
    model: WhisperModel,
    audio: np.ndarray,
    options: TranscribeOptions,
    on_chunk: ChunkCallback,
    *,
    start_at: float = 0.0,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Transcribe ``audio`` from ``start_at`` seconds; see the module docstring for the protocol."""
    total = len(audio) / SAMPLE_RATE
    offset = int(start_at * SAMPLE_RATE)
    repeats = RepeatFilter()
    if options.language:
        # One language: a single pass over the rest, as plain faster-whisper does (its VAD packs the speech
        # into full windows); finished segments are still handed over every ~30 s of audio.
        chunks = [Chunk(0, len(audio) - offset, options.language)]
    else:
        chunks = plan_chunks(model, audio[offset:], options, cancelled)
    for chunk in chunks:
        chunk_start = (offset + chunk.first) / SAMPLE_RATE
        samples = audio[offset + chunk.first : offset + chunk.last]
        segments: list[Segment] = []
        handed_over = chunk_start
        for segment in _transcribe_chunk(model, samples, chunk_start, chunk.language, options):
            if cancelled is not None and cancelled():
                raise Cancelled
            if repeats.accept(segment):
                segments.append(segment)
            if progress is not None:
                progress(min(segment.end / total, 1.0))
            if segment.end - handed_over >= CHUNK_SECONDS:
                on_chunk(_spelt(model, audio, segments, options), segment.end)
                segments, handed_over = [], segment.end
        on_chunk(_spelt(model, audio, segments, options), (offset + chunk.last) / SAMPLE_RATE)
    on_chunk([], total)
    if progress is not None:
        progress(1.0)


def _spelt(model: WhisperModel, audio: np.ndarray, segments: list[Segment], options: TranscribeOptions
           ) -> list[Segment]:
    """``segments`` with the glossary's terms spelt in, from a second decode of their stretch of ``audio``."""
    if not segments or not options.glossary:
        return segments
    language = segments[0].language
    first = max(0, int((segments[0].start - SPELLING_PAD_SECONDS) * SAMPLE_RATE))
    last = min(len(audio), int((segments[-1].end + SPELLING_PAD_SECONDS) * SAMPLE_RATE))
    return respell(model, audio[first:last], segments, language, options.glossary.for_language(language),
                   options.glossary.terms_for(language), beam_size=options.beam_size)


def _transcribe_chunk(model: WhisperModel, samples: np.ndarray, at: float, language: str | None,
                      options: TranscribeOptions):  # noqa: ANN202
    """Yield the chunk's segments with times on the recording's clock."""
    pieces, info = model.transcribe(
        samples,
        language=language,
        beam_size=options.beam_size,
        word_timestamps=True,
        vad_filter=True,
        vad_parameters={"min_silence_duration_ms": 500},
        condition_on_previous_text=False,
        initial_prompt=options.initial_prompt,
        hallucination_silence_threshold=2.0,
    )
    yield from to_segments(pieces, lambda t: at + t, language or info.language, options.script)


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
