"""A clean two-voice test clip: single-speaker English and Mandarin utterances alternating.

LibriVox *Sense and Sensibility* (one English reader, public domain) and AISHELL-1 speaker S0764 (Mandarin,
Apache-2.0) utterances are joined with 0.6 s of silence between them. The reference turn of each utterance is
its extent after trimming the leading and trailing silence, so the reference does not count the recordings' own
silent margins as speech. A 20 ms frame counts as sound when it is within 35 dB of the loudest frame and at least
8 dB above the noise floor (10th percentile): the AISHELL recordings have a noise floor only ~22 dB below speech.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

SAMPLE_RATE = 16000
GAP_S = 0.6
# (file stem, speaker label) in playing order.
PARTS = [
    ("en_librivox_sense_and_sensibility_0870", "en_reader"),
    ("zh_aishell1_BAC009S0764W0121", "zh_S0764"),
    ("en_librivox_sense_and_sensibility_0890", "en_reader"),
    ("zh_aishell1_BAC009S0764W0122", "zh_S0764"),
]


def speech_extent(audio: np.ndarray, range_db: float = 35.0, above_noise_db: float = 8.0) -> tuple[float, float]:
    """Start and end (s) of the sounding part of ``audio`` (see the module docstring)."""
    hop = SAMPLE_RATE // 50
    n = audio.shape[0] // hop
    energy = 10 * np.log10(np.mean(audio[: n * hop].reshape(n, hop) ** 2, axis=1) + 1e-12)
    threshold = max(energy.max() - range_db, np.percentile(energy, 10) + above_noise_db)
    loud = np.flatnonzero(energy > threshold)
    return loud[0] * hop / SAMPLE_RATE, (loud[-1] + 1) * hop / SAMPLE_RATE


def build_two_voice(audio_dir: Path) -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """The joined clip (float32, 16 kHz) and its reference turns ``(start, end, label)``."""
    pieces: list[np.ndarray] = []
    ref: list[tuple[float, float, str]] = []
    offset = 0.0
    gap = np.zeros(int(GAP_S * SAMPLE_RATE), dtype=np.float32)
    for stem, label in PARTS:
        audio, sr = sf.read(str(Path(audio_dir) / f"{stem}.wav"), dtype="float32", always_2d=True)
        assert sr == SAMPLE_RATE
        audio = audio[:, 0]
        start, end = speech_extent(audio)
        ref.append((round(offset + start, 3), round(offset + end, 3), label))
        pieces += [audio, gap]
        offset += (audio.shape[0] + gap.shape[0]) / SAMPLE_RATE
    return np.concatenate(pieces), ref
