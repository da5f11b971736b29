"""Speech activity, overlap and local speaker count from pyannote segmentation-3.0.

The model looks at 10 s chunks and outputs, per 16.875 ms frame, powerset probabilities over at most three
local speakers with at most two at once: classes ``{}, {0}, {1}, {2}, {0,1}, {0,2}, {1,2}``. Chunks slide over
the session (as pyannote does) and are read from the audio source and scored in small batches, by up to two
threads (:mod:`.pipeline`), so memory does not grow with session length beyond the per-frame result arrays.
Overlapping chunk outputs are averaged with a Hamming weight because the model is least reliable at chunk edges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from minutes.audio.source import AudioSource

from . import models, pipeline

SAMPLE_RATE = 16000
CHUNK_SAMPLES = 160_000  # the 10 s the model was trained on
FRAME_STEP_SAMPLES = 270  # SincNet stride 10 x three max-pools of 3
FRAME_STEP = FRAME_STEP_SAMPLES / SAMPLE_RATE
FRAME_DURATION = 991 / SAMPLE_RATE  # receptive field of one output frame
BATCH = 1  # onnxruntime keeps the peak working memory of every run at once: 8 chunks cost 140 MB more than 2

# Powerset class -> which of the 3 local speakers are active.
POWERSET = np.array(
    [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]], dtype=np.float32
)


@dataclass
class SegmentationResult:
    """Frame-level output on the global grid of ``FRAME_STEP`` seconds.

    ``speech``: probability that anyone speaks; ``overlap``: probability that two speak at once;
    ``max_local_speakers``: the most distinct speakers any one chunk saw (a lower bound for clustering);
    ``change``: True on frames where some chunk heard a voice other than the one it heard last (a turn
    starting, across a pause too) or two voices at once. Between such frames every chunk heard one voice.
    ``local[c]`` is chunk ``c``'s most likely powerset class on each of its frames (which of its three local
    speakers speak), and ``chunk_frames[c]`` the global frame its first frame falls on.
    """

    speech: np.ndarray
    overlap: np.ndarray
    max_local_speakers: int
    change: np.ndarray
    local: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.uint8))
    chunk_frames: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))


def _chunk_starts(num_samples: int, step_samples: int) -> list[int]:
    if num_samples <= CHUNK_SAMPLES:
        return [0]
    starts = list(range(0, num_samples - CHUNK_SAMPLES + 1, step_samples))
    if starts[-1] + CHUNK_SAMPLES < num_samples:
        starts.append(num_samples - CHUNK_SAMPLES)  # last chunk flush with the end, no padding needed
    return starts


def _local_speaker_count(probs: np.ndarray, min_active_s: float) -> int:
    """Local speakers whose most likely frames add up to at least ``min_active_s`` in this chunk."""
    best = POWERSET[np.argmax(probs, axis=-1)]  # (frames, 3)
    active_s = best.sum(axis=0) * FRAME_STEP
    return int(np.sum(active_s >= min_active_s))


def _changes(probs: np.ndarray) -> np.ndarray:
    """Frames of one chunk where its most likely local speaker differs from the last one it heard, or where
    it hears two at once."""
    best = np.argmax(probs, axis=-1)
    changed = best >= 4
    single = np.flatnonzero((best >= 1) & (best <= 3))
    if single.size > 1:
        turn = best[single[1:]] != best[single[:-1]]
        changed[single[1:][turn]] = True
    return changed


def _chunks(source: AudioSource, batch_starts: list[int]) -> np.ndarray:
    # One read per batch: its chunks overlap, so the span is a few chunks long, not BATCH of them.
    span = source.read(batch_starts[0] / SAMPLE_RATE, (batch_starts[-1] + CHUNK_SAMPLES) / SAMPLE_RATE)
    chunks = np.zeros((len(batch_starts), CHUNK_SAMPLES), dtype=np.float32)
    for i, s in enumerate(batch_starts):
        piece = span[s - batch_starts[0] : s - batch_starts[0] + CHUNK_SAMPLES]
        chunks[i, : piece.shape[0]] = piece
    return chunks


def _probabilities(chunks: np.ndarray) -> np.ndarray:
    return np.exp(models.run_segmentation(chunks).astype(np.float64))


def segment(
    source: AudioSource,
    *,
    step_s: float = 2.5,
    min_local_active_s: float = 1.0,
    speech_max_weight: float = 0.0,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SegmentationResult:
    """Run segmentation-3.0 over the whole 16 kHz mono ``source`` in overlapping 10 s chunks."""
    num_samples = int(round(source.duration * SAMPLE_RATE))
    num_frames = max(1, int(np.ceil(max(num_samples, 1) / FRAME_STEP_SAMPLES)))
    frames_per_chunk = int(models.run_segmentation(np.zeros((1, CHUNK_SAMPLES), np.float32)).shape[1])
    weight = np.hamming(frames_per_chunk).astype(np.float64) + 1e-3

    acc_speech = np.zeros(num_frames + frames_per_chunk, dtype=np.float64)
    acc_overlap = np.zeros_like(acc_speech)
    acc_weight = np.zeros_like(acc_speech)
    max_speech = np.zeros_like(acc_speech)
    change = np.zeros(acc_speech.shape, dtype=bool)
    max_count = 0
    local: list[np.ndarray] = []
    chunk_frames: list[int] = []

    starts = _chunk_starts(num_samples, int(step_s * SAMPLE_RATE))
    batches = [starts[b : b + BATCH] for b in range(0, len(starts), BATCH)]
    chunked = (_chunks(source, batch_starts) for batch_starts in batches)
    done = 0
    for batch_starts, probs in zip(batches, pipeline.ordered_map(_probabilities, chunked, cancelled=cancelled),
                                   strict=True):
        for i, s in enumerate(batch_starts):
            p = probs[i]
            first = int(round(s / FRAME_STEP_SAMPLES))
            sl = slice(first, first + p.shape[0])
            acc_speech[sl] += weight * (1.0 - p[:, 0])
            acc_overlap[sl] += weight * p[:, 4:].sum(axis=1)
            acc_weight[sl] += weight
            np.maximum(max_speech[sl], 1.0 - p[:, 0], out=max_speech[sl])
            change[sl] |= _changes(p)
            max_count = max(max_count, _local_speaker_count(p, min_local_active_s))
            local.append(np.argmax(p, axis=-1).astype(np.uint8))
            chunk_frames.append(first)
        done += len(batch_starts)
        if progress is not None:
            progress(min(1.0, done / len(starts)))

    acc_weight = np.maximum(acc_weight[:num_frames], 1e-9)
    mean_speech = acc_speech[:num_frames] / acc_weight
    speech = (1.0 - speech_max_weight) * mean_speech + speech_max_weight * max_speech[:num_frames]
    return SegmentationResult(
        speech=speech.astype(np.float32),
        overlap=(acc_overlap[:num_frames] / acc_weight).astype(np.float32),
        max_local_speakers=max_count,
        change=change[:num_frames],
        local=np.stack(local),
        chunk_frames=np.asarray(chunk_frames, dtype=np.int64),
    )
