"""Windowed audio sources read the same samples as the whole file, a stretch at a time."""

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from minutes.audio.source import ArraySource, FileSource, windows

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def flac(tmp_path: Path) -> tuple[Path, np.ndarray]:
    samples, rate = sf.read(DATA / "en_librispeech_1995-1837-0001.wav", dtype="float32")
    assert rate == 16000
    path = tmp_path / "clip.flac"
    sf.write(path, samples, rate, format="FLAC", subtype="PCM_16")
    stored, _ = sf.read(path, dtype="float32")
    return path, stored


def test_file_source_reads_the_stretch_asked_for(flac: tuple[Path, np.ndarray]) -> None:
    path, whole = flac
    source = FileSource(path)
    assert source.duration == pytest.approx(len(whole) / 16000)
    np.testing.assert_array_equal(source.read(1.0, 2.5), whole[16000:40000])
    assert len(source.read(source.duration - 0.5, source.duration + 10)) == 8000
    assert source.read(source.duration + 1, source.duration + 2).size == 0


def test_windows_cover_the_audio_once(flac: tuple[Path, np.ndarray]) -> None:
    path, whole = flac
    for source in (FileSource(path), ArraySource(whole)):
        pieces = list(windows(source, 3.0))
        assert [offset for offset, _ in pieces] == pytest.approx([3.0 * i for i in range(len(pieces))])
        np.testing.assert_array_equal(np.concatenate([samples for _, samples in pieces]), whole)


def test_file_source_refuses_other_rates(tmp_path: Path) -> None:
    path = tmp_path / "x.wav"
    sf.write(path, np.zeros(4410, dtype=np.float32), 44100)
    with pytest.raises(ValueError, match="44100"):
        FileSource(path)
