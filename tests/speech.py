"""Speech fixtures made at test time: real clips joined with silence, and espeak-ng voices."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import soundfile as sf

RATE = 16_000


def load(path: Path) -> np.ndarray:
    audio, rate = sf.read(path, dtype="float32")
    assert rate == RATE, f"{path} is not 16 kHz"
    return audio


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def join(*parts: np.ndarray) -> np.ndarray:
    return np.concatenate(parts).astype(np.float32)


def espeak(text: str, target: Path, voice: str = "en-us", speed: int = 150) -> Path:
    """Speak ``text`` with espeak-ng into a 16 kHz mono WAV file."""
    raw = target.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(target)], check=True)
    raw.unlink()
    return target
