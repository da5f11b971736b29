"""The numpy Kaldi fbank against reference numbers from torchaudio.compliance.kaldi.fbank.

``data/fbank_ref.npy`` holds ``torchaudio.compliance.kaldi.fbank(wave, num_mel_bins=80, dither=0.0)`` of
``data/fbank_ref_input.npy`` (the first 1.5 s of a LibriVox clip), written once by
``tools/convert_speaker_models.py`` in a torch venv.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from minutes.speakers import fbank

HERE = Path(__file__).parent / "data"


def test_matches_torchaudio_kaldi_fbank():
    wave = np.load(HERE / "fbank_ref_input.npy")
    ref = np.load(HERE / "fbank_ref.npy")
    got = fbank.fbank(wave)
    assert got.shape == ref.shape == (148, 80)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, ref, atol=2e-3, rtol=0)
    assert float(np.mean(np.abs(got - ref))) < 1e-4


def test_silence_hits_the_float32_floor():
    # Kaldi floors mel energies at float32 epsilon before the log; digital silence must not give -inf.
    feats = fbank.fbank(np.zeros(4000, np.float32))
    np.testing.assert_allclose(feats, np.log(np.finfo(np.float32).eps), rtol=1e-6)


def test_frame_count_and_short_input():
    assert fbank.num_frames(16000) == 98
    assert fbank.num_frames(399) == 0
    assert fbank.fbank(np.zeros(100, np.float32)).shape == (0, 80)
    assert fbank.fbank(np.zeros(16000, np.float32)).shape == (98, 80)


def test_cmn_zero_mean():
    feats = fbank.cmn(fbank.fbank(np.load(HERE / "fbank_ref_input.npy")))
    np.testing.assert_allclose(feats.mean(axis=0), 0.0, atol=1e-4)


def test_sparse_mel_filters_equal_the_dense_ones():
    wave = np.load(HERE / "fbank_ref_input.npy")
    power = np.abs(np.fft.rfft(wave[: 98 * 160].reshape(98, 160), n=fbank.N_FFT, axis=1)).astype(np.float32) ** 2
    np.testing.assert_allclose(fbank._mel_energies(power), power @ fbank._mel_banks(), rtol=1e-5, atol=1e-6)
