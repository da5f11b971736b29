"""The batch transcription pipeline: voice activity → Whisper with word times → guarded segments.

The audio is cut at pauses found by Silero VAD into chunks of at most ~30 s (one Whisper window).
Each chunk is transcribed on its own, in the given language or, with automatic detection, in the
language detected for that chunk (a Mandarin answer between English questions stays Mandarin).
Finished chunks are handed to ``on_chunk`` together with the time up to which the audio is done, so
the caller can store them in one transaction: a crash keeps the finished part, and a rerun resumes
from ``start_at``. Progress is reported after every segment and cancellation is checked as often.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from minutes.asr.guards import RepeatFilter, collapse_repeats, is_phantom
from minutes.audio.decode import SAMPLE_RATE
from minutes.domain import Segment, Word
from minutes.errors import Cancelled
from minutes.text.chinese import convert

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

CHUNK_SECONDS = 30.0


@dataclass
class TranscribeOptions:
    """Decoding settings; the defaults are the ones Minutes uses for final transcripts."""

    language: str | None = None
    script: str = "simplified"
    beam_size: int = 5
    initial_prompt: str | None = None
    vad_min_silence_ms: int = 1000


ChunkCallback = Callable[[list[Segment], float], None]


def speech_chunks(audio: np.ndarray, min_silence_ms: int = 1000) -> list[tuple[int, int]]:
    """Sample ranges of speech, grouped at pauses into chunks of at most ~30 s of span."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    regions = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=min_silence_ms))
    limit = int(CHUNK_SECONDS * SAMPLE_RATE)
    chunks: list[tuple[int, int]] = []
    for region in regions:
        start, end = region["start"], region["end"]
        if chunks and end - chunks[-1][0] <= limit:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return chunks


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
    for first, last in speech_chunks(audio[offset:], options.vad_min_silence_ms):
        chunk_start = (offset + first) / SAMPLE_RATE
        segments = []
        for segment in _transcribe_chunk(model, audio[offset + first : offset + last], chunk_start, options):
            if cancelled is not None and cancelled():
                raise Cancelled
            if repeats.accept(segment):
                segments.append(segment)
            if progress is not None:
                progress(min(segment.end / total, 1.0))
        on_chunk(segments, (offset + last) / SAMPLE_RATE)
    on_chunk([], total)
    if progress is not None:
        progress(1.0)


def _transcribe_chunk(model: WhisperModel, samples: np.ndarray, at: float, options: TranscribeOptions):  # noqa: ANN202
    """Yield the chunk's segments with times on the recording's clock."""
    pieces, info = model.transcribe(
        samples,
        language=options.language,
        beam_size=options.beam_size,
        word_timestamps=True,
        vad_filter=True,
        vad_parameters={"min_silence_duration_ms": 500},
        condition_on_previous_text=False,
        initial_prompt=options.initial_prompt,
        hallucination_silence_threshold=2.0,
    )
    language = options.language or info.language
    for piece in pieces:
        words = collapse_repeats(
            [Word(at + w.start, at + w.end, w.word, w.probability) for w in piece.words or []]
        )
        text = "".join(w.text for w in words).strip() if words else piece.text.strip()
        if not text or is_phantom(text, piece.avg_logprob, piece.no_speech_prob):
            continue
        if language == "zh":
            text = convert(text, options.script)
            words = [Word(w.start, w.end, convert(w.text, options.script), w.probability) for w in words]
        start = words[0].start if words else at + piece.start
        end = words[-1].end if words else at + piece.end
        yield Segment(start=round(start, 3), end=round(max(end, start), 3), text=text, language=language, words=words)
