"""Fixtures for the speaker diarization tests: the recordings in tests/data, diarized once per run."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from minutes.speakers import Diarization, diarize, read_rttm
from tests.speakers.two_voice import build_two_voice

DATA = Path(__file__).resolve().parents[1] / "data"
AMI = ["multi_en_ami_debug_dev00", "multi_en_ami_debug_dev01", "multi_en_ami_debug_trn07", "multi_en_ami_debug_trn08"]


def load(path: Path) -> np.ndarray:
    audio, sr = sf.read(str(path), dtype="float32", always_2d=True)
    assert sr == 16000, path
    return audio[:, 0]


@cache
def ami_clip(name: str) -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    return load(DATA / f"{name}.flac"), read_rttm(DATA / f"{name}.rttm")


@cache
def ami_result(name: str) -> Diarization:
    return diarize(ami_clip(name)[0])


@pytest.fixture(scope="session")
def two_voice() -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """English and Mandarin read speech alternating (two voices), with its reference turns."""
    return build_two_voice(DATA)


@pytest.fixture(scope="session")
def one_voice() -> np.ndarray:
    """Two LibriVox utterances by the same reader, joined with a pause (12.4 s, one voice)."""
    parts = [load(DATA / f"en_librivox_sense_and_sensibility_{n}.wav") for n in ("0870", "0890")]
    return np.concatenate([parts[0], np.zeros(8000, np.float32), parts[1]])
