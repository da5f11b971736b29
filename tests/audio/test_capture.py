"""Recorder end to end through the PulseAudio virtual microphone, plus the resampler on its own."""

from __future__ import annotations

import time

import numpy as np
import pytest
import soundfile as sf

from minutes.audio.capture import Recorder, Resampler, State
from minutes.audio.recovery import marker_path

from .conftest import DEVICE, SPEECH, load_mono16k, locate, wait_until


@pytest.mark.parametrize("rate", [48000, 44100, 22050, 8000])
def test_resampler_is_exact_in_time_and_blocks_do_not_matter(rate: int) -> None:
    t = np.arange(2 * rate) / rate
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    whole = Resampler(rate, 16000).process(tone)
    streamed = Resampler(rate, 16000)
    rng = np.random.default_rng(1)
    pieces, i = [], 0
    while i < len(tone):
        n = int(rng.integers(1, 2000))
        pieces.append(streamed.process(tone[i : i + n]))
        i += n
    joined = np.concatenate(pieces)
    assert len(joined) == len(whole) == pytest.approx(2 * 16000, abs=40)
    np.testing.assert_allclose(joined, whole, atol=1e-6)
    ideal = 0.5 * np.sin(2 * np.pi * 440 * np.arange(len(whole)) / 16000)
    assert np.max(np.abs(whole[300:-300] - ideal[300:-300])) < 1e-3  # no delay, no gain error


def test_resampler_removes_what_16_khz_cannot_hold() -> None:
    t = np.arange(48000) / 48000
    alias = Resampler(48000, 16000).process(np.sin(2 * np.pi * 9000 * t).astype(np.float32))
    assert np.sqrt(np.mean(alias[500:-500] ** 2)) < 1e-3  # a 9 kHz tone would fold to 7 kHz


def test_recording_contains_the_played_audio(vmic, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "session.flac"
    errors: list[str] = []
    states: list[State] = []
    recorder = Recorder(path, DEVICE, on_error=errors.append, on_state=states.append)
    recorder.start()
    assert marker_path(path).is_file()
    assert (recorder.samplerate, recorder.channels) == (16000, 1)  # the device accepts 16 kHz mono
    assert wait_until(lambda: recorder.elapsed > 0.1, 10), "no audio arrived from the virtual microphone"
    flowing, flowing_at = recorder.elapsed, time.monotonic()
    player = vmic.play(SPEECH)
    loud = []
    while player.poll() is None:
        loud.append(recorder.level.rms_dbfs)
        time.sleep(0.1)
    assert player.returncode == 0, player.stderr.read()
    time.sleep(0.4)
    wall = time.monotonic() - flowing_at
    duration = recorder.stop()

    assert errors == [] and states == [State.RECORDING, State.STOPPED]
    assert not marker_path(path).exists()
    info = sf.info(str(path))
    assert (info.samplerate, info.channels, info.format, info.subtype) == (16000, 1, "FLAC", "PCM_16")
    assert info.frames / info.samplerate == pytest.approx(duration, abs=1e-6)
    assert duration == pytest.approx(flowing + wall, abs=0.5)  # nothing lost or invented
    assert max(loud) > -40 > min(loud[:1] + [-120.0])  # the meter moved with the speech

    recorded, _ = sf.read(str(path), dtype="float32")
    source = load_mono16k(SPEECH)
    lag, correlation = locate(recorded, source)
    assert correlation > 0.9, f"recording does not match the played clip (r={correlation:.2f})"
    assert lag + len(source) <= len(recorded) + 160  # the whole clip is in the file


def test_pause_excludes_the_paused_time(vmic, tmp_path) -> None:  # noqa: ANN001
    recorder = Recorder(tmp_path / "paused.flac", DEVICE)
    recorder.start()
    assert wait_until(lambda: recorder.elapsed > 0.1, 10)
    start = recorder.elapsed
    time.sleep(1.0)
    recorder.pause()
    assert recorder.state is State.PAUSED
    time.sleep(0.3)  # let blocks captured before the pause reach the file
    at_pause = recorder.elapsed
    time.sleep(1.5)
    assert recorder.elapsed == pytest.approx(at_pause, abs=0.01)
    recorder.resume()
    time.sleep(1.0)
    duration = recorder.stop()
    assert duration == pytest.approx(start + 2.0, abs=0.35)
    assert sf.info(str(tmp_path / "paused.flac")).duration == pytest.approx(duration, abs=1e-3)


@pytest.mark.parametrize("how", ["audio server killed", "microphone module unloaded"])
def test_device_lost_mid_recording_stops_cleanly(vmic, tmp_path, how: str) -> None:  # noqa: ANN001
    path = tmp_path / "unplugged.flac"
    errors: list[str] = []
    recorder = Recorder(path, DEVICE, on_error=errors.append)
    recorder.start()
    assert wait_until(lambda: recorder.elapsed > 0.1, 10)
    player = vmic.play(SPEECH)
    time.sleep(1.5)
    if how == "audio server killed":
        vmic.kill()
    else:
        # Unloading only the virtual source would just move the stream to vsink.monitor (PulseAudio
        # rescues streams); removing the sink removes every source, like unplugging the only mic.
        vmic.unload("module-null-sink")
    assert wait_until(lambda: recorder.state is State.FAILED, 8), f"recorder still {recorder.state}"
    player.wait(10)
    assert len(errors) == 1
    message = errors[0]
    assert DEVICE in message and message.endswith(".") and "\n" not in message
    assert "saved" in message
    assert not marker_path(path).exists()
    duration = recorder.stop()  # harmless after a failure
    assert duration == pytest.approx(sf.info(str(path)).duration, abs=1e-3)
    assert duration > 1.0
    recorded, _ = sf.read(str(path), dtype="float32")
    assert np.max(np.abs(recorded)) > 0.05  # the speech before the failure is in the file
