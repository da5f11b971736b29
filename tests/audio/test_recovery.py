"""Unfinished recordings: found by their stale marker, repaired to valid FLAC, after a real kill -9."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from minutes.audio.recovery import find_unfinished, marker_path, repair, write_marker

from .conftest import DEVICE, REPO, SPEECH, load_mono16k, locate

CHILD = Path(__file__).with_name("record_child.py")


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _truncated_flac(path: Path, seconds: float, keep_fraction: float) -> np.ndarray:
    """A FLAC cut short the way kill -9 leaves it: header says 'length unknown', tail mid-frame."""
    rng = np.random.default_rng(0)
    audio = np.clip(0.3 * rng.standard_normal(int(seconds * 16000)), -0.99, 0.99).astype(np.float32)
    with open(path, "w+b") as fh, sf.SoundFile(fh, "w", 16000, 1, format="FLAC", subtype="PCM_16") as out:
        out.write(audio)
        out.flush()
        fh.flush()
        data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep_fraction)])
    return audio


def test_find_unfinished_only_reports_dead_recorders(tmp_path: Path) -> None:
    live, dead, torn, done = (tmp_path / f"{n}.flac" for n in ("live", "dead", "torn", "done"))
    for audio in (live, dead, torn, done):
        audio.write_bytes(b"")
    write_marker(live, {"samplerate": 16000})  # this very process: still recording
    marker_path(dead).write_text(json.dumps({"pid": _dead_pid(), "samplerate": 16000}))
    marker_path(torn).write_text('{"pid": ')  # crash while the marker itself was being written
    assert find_unfinished(tmp_path) == [dead, torn]


def test_find_unfinished_ignores_a_recycled_pid(tmp_path: Path) -> None:
    audio = tmp_path / "old.flac"
    audio.write_bytes(b"")
    marker_path(audio).write_text(json.dumps({"pid": os.getpid(), "proc_start": 1}))
    assert find_unfinished(tmp_path) == [audio]


def test_repair_keeps_every_decodable_frame(tmp_path: Path) -> None:
    path = tmp_path / "cut.flac"
    audio = _truncated_flac(path, 10.0, 0.8)
    marker_path(path).write_text(json.dumps({"pid": _dead_pid(), "samplerate": 16000}))
    duration = repair(path)
    assert 7.0 < duration < 8.5
    info = sf.info(str(path))
    assert info.frames == round(duration * 16000) and info.format == "FLAC"
    repaired, _ = sf.read(str(path), dtype="float32")
    np.testing.assert_allclose(repaired, audio[: len(repaired)], atol=1 / 32768 + 1e-6)
    assert not marker_path(path).exists()
    assert not list(tmp_path.glob("*.tmp"))


def test_repair_of_a_file_without_audio_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "early.flac"
    path.write_bytes(b"fLaC")  # killed before the first frame reached the disk
    marker_path(path).write_text(json.dumps({"pid": _dead_pid(), "samplerate": 16000, "channels": 1}))
    assert repair(path) == 0.0
    assert not path.exists() and not marker_path(path).exists()
    assert find_unfinished(tmp_path) == []


def test_kill_9_loses_at_most_two_seconds(vmic, tmp_path: Path, record_property) -> None:  # noqa: ANN001
    path = tmp_path / "killed.flac"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    child = subprocess.Popen([sys.executable, str(CHILD), str(path), DEVICE], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "recording", child.stderr.read()
        played_from = time.monotonic()
        player = vmic.play(SPEECH)
        time.sleep(5.0)
        played = time.monotonic() - played_from
        child.kill()  # SIGKILL: no handler, no flush, no close
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    player.terminate()
    player.wait(10)

    assert find_unfinished(tmp_path) == [path]
    duration = repair(path)
    assert find_unfinished(tmp_path) == []
    recorded, rate = sf.read(str(path), dtype="float32")
    assert rate == 16000 and len(recorded) == round(duration * rate)

    source = load_mono16k(SPEECH)
    start, correlation = locate(recorded, source[: 2 * 16000])
    assert correlation > 0.9
    kept = (len(recorded) - start) / 16000  # seconds of the clip that survived
    # paplay needs a moment to start, so "played" slightly overstates what reached the microphone.
    record_property("seconds_lost_after_kill_9", round(played - kept, 3))
    assert played - kept <= 2.0, f"lost {played - kept:.2f} s"
    tail = recorded[start:]
    _, tail_match = locate(np.concatenate([tail, np.zeros(16000, np.float32)]), source[: len(tail)])
    assert tail_match > 0.9  # what was kept is the clip itself, not noise
