"""Embed every other window inside long stretches of one voice, where the segmentation hears no other.

Embedding the 1 s windows is most of diarization's work, and in a workshop most of the speech is long
statements by one person, where neighbouring windows say the same thing. A stretch counts as one voice when
no segmentation chunk heard a change of speaker, or two at once, anywhere in it (see
:attr:`.segmentation.SegmentationResult.change`; a chunk tracks its speakers across pauses too). Inside such a
stretch, long enough that one window more or less cannot decide whether the voice counts as a speaker, every
other window is left out at first. A left-out window then takes a copy of the embedding before it when the
windows on both sides of it agree; a copy weighs in the clustering exactly like a second window of that voice,
so the speech of each voice keeps its weight. Where the two sides disagree after all (a change the
segmentation missed), the window is embedded too.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from minutes.audio.source import AudioSource

from .embedding import embed_windows
from .segmentation import FRAME_STEP_SAMPLES


def skippable(starts: np.ndarray, win: int, change: np.ndarray, min_stretch: float, max_gap: float) -> np.ndarray:
    """Which windows (sorted sample ``starts``, ``win`` samples long) may be left out at first: every other one
    inside each run of windows at most ``max_gap`` samples apart, at least ``min_stretch`` samples long, with no
    ``change`` frame from its first window's start to its last window's end. Each has kept windows on both sides.
    """
    n = starts.shape[0]
    skip = np.zeros(n, dtype=bool)
    if n < 3:
        return skip
    changes = np.concatenate([[0], np.cumsum(change, dtype=np.int64)])
    first = starts[:-1] // FRAME_STEP_SAMPLES
    last = np.minimum(-(-(starts[1:] + win) // FRAME_STEP_SAMPLES), change.shape[0])
    clean = (np.diff(starts) <= max_gap) & (changes[last] == changes[first])
    padded = np.concatenate([[False], clean, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    for a, b in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        # Clean pairs a..b-1 join windows a..b into one stretch.
        if starts[b] + win - starts[a] >= min_stretch:
            skip[a + 1 : b : 2] = True
    return skip


def embed_sparse(
    source: AudioSource,
    starts: np.ndarray,
    win: int,
    change: np.ndarray,
    *,
    min_stretch: float,
    max_gap: float,
    agreement: float,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, int]:
    """Embeddings of all windows as :func:`.embedding.embed_windows` gives them, computed for the windows
    that :func:`skippable` does not leave out, and for those left out whose two neighbours' similarity is
    below ``agreement``; the others copy the window before them. Also returns how many windows were embedded.
    """
    report = progress or (lambda _f: None)
    skip = skippable(starts, win, change, min_stretch, max_gap)
    kept = np.flatnonzero(~skip)
    emb = np.zeros((starts.shape[0], 192), dtype=np.float32)
    share = kept.size / max(starts.shape[0], 1)
    emb[kept] = embed_windows(source, starts[kept], win, progress=lambda f: report(share * f), cancelled=cancelled)
    left_out = np.flatnonzero(skip)
    agree = np.sum(emb[left_out - 1] * emb[left_out + 1], axis=1) >= agreement
    emb[left_out[agree]] = emb[left_out[agree] - 1]
    redo = left_out[~agree]
    if redo.size:
        emb[redo] = embed_windows(source, starts[redo], win, progress=lambda f: report(share + (1 - share) * f),
                                  cancelled=cancelled)
    report(1.0)
    return emb, kept.size + redo.size
