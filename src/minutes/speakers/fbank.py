"""Kaldi-style log-mel filterbank features in numpy, as the CAM++ speaker model expects.

Matches ``torchaudio.compliance.kaldi.fbank(wave, num_mel_bins=80, dither=0.0)`` (checked against reference
numbers in ``tests/speakers/test_fbank.py``): 25 ms Povey-windowed frames every 10 ms with ``snip_edges``, DC
offset removed and 0.97 pre-emphasis per frame, 512-point power spectrum, 80 triangular mel bins from 20 Hz to
Nyquist, natural log floored at float32 epsilon. CAM++ additionally wants each segment's features
mean-normalised over time, which :func:`cmn` does.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

SAMPLE_RATE = 16000
FRAME_LENGTH = 400  # 25 ms
FRAME_SHIFT = 160  # 10 ms
N_FFT = 512  # frame length rounded up to a power of two, as Kaldi does
NUM_MEL_BINS = 80
LOW_FREQ = 20.0
PREEMPH = 0.97
_EPS = float(np.finfo(np.float32).eps)


def num_frames(num_samples: int) -> int:
    """Number of fbank frames Kaldi makes from ``num_samples`` samples (``snip_edges=True``)."""
    if num_samples < FRAME_LENGTH:
        return 0
    return 1 + (num_samples - FRAME_LENGTH) // FRAME_SHIFT


@lru_cache(maxsize=1)
def _povey_window() -> np.ndarray:
    # Povey window = symmetric Hann raised to 0.85 (Kaldi feature-window.cc).
    n = np.arange(FRAME_LENGTH, dtype=np.float64)
    hann = 0.5 - 0.5 * np.cos(2.0 * np.pi * n / (FRAME_LENGTH - 1))
    return hann**0.85


def _mel(freq: np.ndarray | float) -> np.ndarray:
    return 1127.0 * np.log(1.0 + np.asarray(freq, dtype=np.float64) / 700.0)


@lru_cache(maxsize=1)
def _mel_banks() -> np.ndarray:
    """Triangular filters in the mel domain, shape ``(N_FFT // 2 + 1, NUM_MEL_BINS)`` (Kaldi mel-computations.cc)."""
    nyquist = SAMPLE_RATE / 2.0
    mel_low, mel_high = _mel(LOW_FREQ), _mel(nyquist)
    delta = (mel_high - mel_low) / (NUM_MEL_BINS + 1)
    bins = np.arange(NUM_MEL_BINS, dtype=np.float64)[:, None]
    left, center, right = mel_low + bins * delta, mel_low + (bins + 1) * delta, mel_low + (bins + 2) * delta
    fft_mel = _mel((SAMPLE_RATE / N_FFT) * np.arange(N_FFT // 2, dtype=np.float64))[None, :]
    up = (fft_mel - left) / (center - left)
    down = (right - fft_mel) / (right - center)
    banks = np.maximum(0.0, np.minimum(up, down))
    # Kaldi leaves the Nyquist bin out of every filter.
    banks = np.pad(banks, ((0, 0), (0, 1)))
    return np.ascontiguousarray(banks.T.astype(np.float32))


@lru_cache(maxsize=1)
def _mel_layers() -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """The mel filters as at most two sparse layers: every FFT bin lies under one or two neighbouring filters.

    Layer ``l`` holds, for each bin under at least ``l + 1`` filters, its ``l``-th filter and weight; the filters
    do not decrease along the bins, so each filter's bins are one run, summed by ``np.add.reduceat``. Each entry:
    (bins, weights, first position of each run, the run's filter).
    """
    banks = _mel_banks()
    active = banks > 0
    per_bin = active.sum(axis=1)
    layers = []
    for layer in range(int(per_bin.max())):
        bins = np.flatnonzero(per_bin > layer)
        filters = np.array([np.flatnonzero(active[k])[layer] for k in bins])
        runs = np.flatnonzero(np.concatenate([[True], np.diff(filters) > 0]))
        layers.append((bins, banks[bins, filters], runs, filters[runs]))
    return layers


def _mel_energies(power: np.ndarray) -> np.ndarray:
    """``power @ _mel_banks()`` without BLAS. For these small products (a 1 s window is 98 x 257 by 257 x 80)
    OpenBLAS wakes its threads, which then spin between calls on the cores the models run on: the features of
    4,300 one-second windows (a 90-minute session) took 18-33 CPU s with the product, 5 s without it."""
    mel = np.zeros((power.shape[0], NUM_MEL_BINS), dtype=np.float32)
    for bins, weights, runs, filters in _mel_layers():
        mel[:, filters] += np.add.reduceat(power[:, bins] * weights, runs, axis=1)
    return mel


def fbank(wave: np.ndarray) -> np.ndarray:
    """80-dim log-mel fbank of a mono 16 kHz float waveform (any scale), shape ``(frames, 80)``, float32.

    Not mean-normalised; see :func:`cmn`.
    """
    wave = np.asarray(wave, dtype=np.float32).reshape(-1)
    n = num_frames(wave.shape[0])
    if n == 0:
        return np.zeros((0, NUM_MEL_BINS), dtype=np.float32)
    idx = np.arange(FRAME_LENGTH)[None, :] + FRAME_SHIFT * np.arange(n)[:, None]
    frames = wave[idx].astype(np.float64)
    frames -= frames.mean(axis=1, keepdims=True)
    # Pre-emphasis; Kaldi treats the sample before the first one as equal to it.
    frames[:, 1:] -= PREEMPH * frames[:, :-1].copy()
    frames[:, 0] *= 1.0 - PREEMPH
    frames *= _povey_window()
    spec = np.fft.rfft(frames, n=N_FFT, axis=1)
    power = (spec.real**2 + spec.imag**2).astype(np.float32)
    mel = _mel_energies(power)
    return np.log(np.maximum(mel, _EPS)).astype(np.float32)


def cmn(feats: np.ndarray) -> np.ndarray:
    """Subtract the per-bin mean over time (the normalisation CAM++ was trained with)."""
    if feats.shape[0] == 0:
        return feats
    return feats - feats.mean(axis=0, keepdims=True)
