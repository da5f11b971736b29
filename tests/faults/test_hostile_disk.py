"""A full disk under the workshop: the audio copy and the import fail with one line, no traceback from
libsndfile's callbacks, no half-written file, and the workshop as it was (tests run as root in CI: a small
tmpfs is mounted for each test)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from minutes.audio.decode import write_flac
from minutes.audio.sink import SoundSink
from minutes.errors import StoreError
from minutes.export.interchange import import_session
from minutes.store import WorkshopStore
from tests.audio.conftest import pulse, vmic  # noqa: F401 - the virtual microphone, for the recording test
from tests.faults.hostile_data import assert_one_line_error, base_document, minutes, snapshot


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    """A 2 MB tmpfs, unmounted afterwards."""
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(disk: Path, leave: int) -> None:
    """Fill the disk, then free ``leave`` bytes."""
    filler = disk / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    with open(filler, "r+b") as handle:
        handle.truncate(max(0, filler.stat().st_size - leave))


def _workshop_on(disk: Path) -> Path:
    path = disk / "W.minutes"
    with WorkshopStore.open(path, create=True) as store:
        import_session(store, base_document(), title="Existing")
    return path


def test_write_flac_on_a_full_disk_raises_one_error_and_prints_nothing(small_disk, capfd):
    _fill(small_disk, leave=8192)
    noise = np.random.default_rng(0).uniform(-0.5, 0.5, 16000 * 5).astype(np.float32)  # does not compress
    with pytest.raises(StoreError, match="No space left"):
        write_flac(noise, small_disk / "audio" / "copy.flac")
    assert capfd.readouterr().err == ""
    assert sorted(p.name for p in (small_disk / "audio").iterdir()) == []


def test_sound_sink_keeps_the_error_of_a_write_inside_libsndfile(small_disk, capfd):
    _fill(small_disk, leave=4096)
    with SoundSink(small_disk / "x.flac", "w+b") as sink:
        with sf.SoundFile(sink, "w", 16000, 1, format="FLAC", subtype="PCM_16") as flac:
            flac.write(np.random.default_rng(1).uniform(-0.5, 0.5, 16000 * 3).astype(np.float32))
        assert isinstance(sink.error, OSError)
        with pytest.raises(OSError):
            sink.sync()
    assert capfd.readouterr().err == ""


def test_transcribe_onto_a_full_disk_prints_one_line(small_disk, data):
    workshop = _workshop_on(small_disk)
    before = snapshot(workshop)
    _fill(small_disk, leave=16384)
    result = minutes("transcribe", data / "en_librispeech_1995-1837-0001.wav", "--workshop", workshop,
                     "--session", "New", "--speakers", "none")
    assert_one_line_error(result, "No space left")
    assert "Exception ignored" not in result.stderr
    (small_disk / "filler").unlink()  # reading the workshop back needs room for SQLite's side files
    assert snapshot(workshop) == before
    assert not list((workshop / "audio").glob(".tmp-*"))


def test_import_onto_a_full_disk_prints_one_line(small_disk, tmp_path):
    workshop = _workshop_on(small_disk)
    document = base_document()
    document["segments"] = [{"start": i, "end": i + 0.5, "text": "word " * 200} for i in range(400)]
    file = tmp_path / "big.json"
    file.write_text(json.dumps(document))
    before = snapshot(workshop)
    _fill(small_disk, leave=4096)
    result = minutes("import", file, "--workshop", workshop)
    assert_one_line_error(result, "full")
    (small_disk / "filler").unlink()  # reading the workshop back needs room for SQLite's side files
    assert snapshot(workshop) == before


def test_recording_onto_a_full_disk_stops_with_one_sentence(vmic, small_disk, capfd):  # noqa: F811 - the fixture
    """The microphone writes through libsndfile's callbacks too: the disk filling up mid-recording stops it
    with one plain sentence and keeps what was written; no traceback from a callback reaches stderr."""
    from minutes.audio.capture import Recorder, State
    from tests.audio.conftest import DEVICE, SPEECH, wait_until

    _fill(small_disk, leave=24_000)
    errors: list[str] = []
    recorder = Recorder(small_disk / "talk.flac", DEVICE, on_error=errors.append)
    recorder.start()
    assert wait_until(lambda: recorder.elapsed > 0.1, 10)
    player = vmic.play(SPEECH)
    assert wait_until(lambda: recorder.state is State.FAILED, 15), f"still {recorder.state}"
    player.wait(15)
    recorder.stop()
    assert len(errors) == 1 and "No space left on device" in errors[0] and "\n" not in errors[0]
    assert "Exception ignored" not in capfd.readouterr().err
