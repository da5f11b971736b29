"""CAM++ speaker embeddings for fixed-length windows of speech, computed in batches.

Windows start on the 10 ms fbank grid so that one fbank pass over the span of a batch can be sliced into the
(overlapping) windows instead of recomputing features twice per sample. Each window's features are
mean-normalised on their own, as CAM++ was trained, and the embeddings are L2-normalised for cosine scoring.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import fbank, models

BATCH = 32


def _embed_batch(audio: np.ndarray, starts: np.ndarray, num_feat_frames: int) -> np.ndarray:
    first = int(starts[0]) // fbank.FRAME_SHIFT
    last = int(starts[-1]) // fbank.FRAME_SHIFT + num_feat_frames
    span = audio[first * fbank.FRAME_SHIFT : (last - 1) * fbank.FRAME_SHIFT + fbank.FRAME_LENGTH]
    feats = fbank.fbank(span)
    batch = np.empty((starts.shape[0], num_feat_frames, fbank.NUM_MEL_BINS), dtype=np.float32)
    for i, s in enumerate(starts):
        j = int(s) // fbank.FRAME_SHIFT - first
        batch[i] = fbank.cmn(feats[j : j + num_feat_frames])
    emb = models.run_embedding(batch).astype(np.float32)
    return emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-8)


def embed_windows(
    audio: np.ndarray,
    starts: np.ndarray,
    window_samples: int,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> np.ndarray:
    """L2-normalised embeddings ``(len(starts), 192)`` of windows ``audio[s : s + window_samples]``.

    ``starts`` must be sorted multiples of 160 samples with every window inside ``audio``.
    """
    starts = np.asarray(starts, dtype=np.int64)
    num_feat_frames = fbank.num_frames(window_samples)
    out = np.zeros((starts.shape[0], 192), dtype=np.float32)
    for b in range(0, starts.shape[0], BATCH):
        if cancelled is not None and cancelled():
            raise InterruptedError("diarization cancelled")
        out[b : b + BATCH] = _embed_batch(audio, starts[b : b + BATCH], num_feat_frames)
        if progress is not None:
            progress(min(1.0, (b + BATCH) / starts.shape[0]))
    return out
