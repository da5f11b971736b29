"""Audio read in windows, so that memory is bounded by the window and not by the session.

An :class:`AudioSource` is 16 kHz mono float32 audio with a known duration, read a stretch at a time. The
pipeline, the speaker labelling and the final pass after a recording all take one, so a 3-hour session
costs no more memory than a 10-minute one. :class:`ArraySource` wraps samples already in memory (short
clips, tests); :class:`FileSource` seeks in a file that libsndfile reads (the workshop's FLAC copies,
WAV) and never holds more than the stretch asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
import soundfile as sf

SAMPLE_RATE = 16_000


@runtime_checkable
class AudioSource(Protocol):
    """16 kHz mono float32 audio read by time."""

    @property
    def duration(self) -> float:
        """Length in seconds."""
        ...

    def read(self, start: float, end: float) -> np.ndarray:
        """The samples from ``start`` to ``end`` seconds (clipped to the audio; empty if outside it)."""
        ...


def _bounds(start: float, end: float, total: int) -> tuple[int, int]:
    first = min(max(int(round(start * SAMPLE_RATE)), 0), total)
    last = min(max(int(round(end * SAMPLE_RATE)), first), total)
    return first, last


class ArraySource:
    """Samples already in memory."""

    def __init__(self, samples: np.ndarray) -> None:
        self.samples = np.asarray(samples, dtype=np.float32)

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE

    def read(self, start: float, end: float) -> np.ndarray:
        first, last = _bounds(start, end, len(self.samples))
        return self.samples[first:last]


class FileSource:
    """A 16 kHz file that libsndfile can seek in (FLAC, WAV), read a window at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        info = sf.info(str(self.path))
        if info.samplerate != SAMPLE_RATE:
            raise ValueError(f"{self.path} is at {info.samplerate} Hz; a FileSource reads 16 kHz audio")
        self._frames = int(info.frames)

    @property
    def duration(self) -> float:
        return self._frames / SAMPLE_RATE

    def read(self, start: float, end: float) -> np.ndarray:
        first, last = _bounds(start, end, self._frames)
        if last <= first:
            return np.zeros(0, dtype=np.float32)
        with sf.SoundFile(str(self.path)) as handle:
            handle.seek(first)
            block = handle.read(last - first, dtype="float32", always_2d=True)
        return block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]


def as_source(audio: AudioSource | np.ndarray) -> AudioSource:
    """``audio`` as a source: samples in memory are wrapped, a source is returned as it is."""
    return ArraySource(audio) if isinstance(audio, np.ndarray) else audio


def windows(source: AudioSource, length: float, *, overlap: float = 0.0,
            start: float = 0.0) -> Iterator[tuple[float, np.ndarray]]:
    """Yield ``(offset, samples)`` windows of ``length`` seconds covering ``source`` from ``start``."""
    step = length - overlap
    if step <= 0:
        raise ValueError("the overlap must be shorter than the window")
    offset = start
    while offset < source.duration:
        yield offset, source.read(offset, offset + length)
        offset += step
