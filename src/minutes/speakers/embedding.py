"""CAM++ speaker embeddings for fixed-length windows of speech, computed in batches.

Windows start on the 10 ms fbank grid so that one fbank pass over a run of adjacent or overlapping windows can
be sliced into the windows instead of recomputing features. Audio is read from the source one run of a batch
at a time, so memory does not depend on the length of the session; batches are scored by up to two threads
(:mod:`.pipeline`). Each window's features are mean-normalised on their own, as CAM++ was trained, and the
embeddings are L2-normalised for cosine scoring.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from minutes.audio.source import AudioSource

from . import fbank, models, pipeline

BATCH = 8  # onnxruntime keeps the peak working memory of every run at once: two runs of 8 cost less than one of 16


def _run_features(source: AudioSource, starts: np.ndarray, num_feat_frames: int) -> np.ndarray:
    """Mean-normalised fbank of each window of a run whose windows touch or overlap."""
    first = int(starts[0]) // fbank.FRAME_SHIFT
    last = int(starts[-1]) // fbank.FRAME_SHIFT + num_feat_frames
    begin = first * fbank.FRAME_SHIFT
    end = (last - 1) * fbank.FRAME_SHIFT + fbank.FRAME_LENGTH
    span = source.read(begin / fbank.SAMPLE_RATE, end / fbank.SAMPLE_RATE)
    feats = fbank.fbank(span)
    out = np.empty((starts.shape[0], num_feat_frames, fbank.NUM_MEL_BINS), dtype=np.float32)
    for i, s in enumerate(starts):
        j = int(s) // fbank.FRAME_SHIFT - first
        out[i] = fbank.cmn(feats[j : j + num_feat_frames])
    return out


def _batch_features(source: AudioSource, starts: np.ndarray, window_samples: int, num_feat_frames: int) -> np.ndarray:
    # Windows more than a window apart (across a pause) are read separately, never the silence between them.
    breaks = np.flatnonzero(np.diff(starts) > window_samples) + 1
    return np.concatenate([_run_features(source, run, num_feat_frames) for run in np.split(starts, breaks)])


def _embed(feats: np.ndarray) -> np.ndarray:
    emb = models.run_embedding(feats).astype(np.float32)
    return emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-8)


def embed_windows(
    source: AudioSource,
    starts: np.ndarray,
    window_samples: int,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> np.ndarray:
    """L2-normalised embeddings ``(len(starts), 192)`` of the windows of ``window_samples`` at sample ``starts``.

    ``starts`` must be sorted multiples of 160 samples with every window inside the audio.
    """
    starts = np.asarray(starts, dtype=np.int64)
    num_feat_frames = fbank.num_frames(window_samples)
    out = np.zeros((starts.shape[0], 192), dtype=np.float32)
    offsets = range(0, starts.shape[0], BATCH)
    batches = (_batch_features(source, starts[b : b + BATCH], window_samples, num_feat_frames) for b in offsets)
    for b, emb in zip(offsets, pipeline.ordered_map(_embed, batches, cancelled=cancelled), strict=True):
        out[b : b + BATCH] = emb
        if progress is not None:
            progress(min(1.0, (b + BATCH) / starts.shape[0]))
    return out
