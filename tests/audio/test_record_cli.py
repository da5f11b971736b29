"""``minutes record`` and ``minutes devices`` from outside, on the virtual microphone."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import soundfile as sf

from minutes.audio.devices import list_input_devices
from tests import speech
from tests.audio.conftest import DEVICE, SPEECH, SPEECH_WORDS, wait_until


def minutes(*args: object) -> list[str]:
    return [sys.executable, "-m", "minutes", *map(str, args)]


def start_recording(workshop, *extra: object) -> subprocess.Popen:  # noqa: ANN001
    proc = subprocess.Popen(minutes("record", "--workshop", workshop, "--session", "Panel", "--device", DEVICE,
                                    "--language", "en", *extra),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    line = proc.stderr.readline()
    assert line.startswith('Recording "Panel"'), line + proc.stderr.read()
    return proc


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(minutes(*args), capture_output=True, text=True, timeout=300, env=os.environ.copy())


def test_devices_lists_the_virtual_microphone(vmic) -> None:  # noqa: ANN001
    result = run("devices")
    assert result.returncode == 0 and DEVICE in result.stdout
    assert len(result.stdout.splitlines()) == len(list_input_devices())


def test_record_prints_live_lines_and_keeps_the_session(vmic, tmp_path) -> None:  # noqa: ANN001
    workshop = tmp_path / "W.minutes"
    proc = start_recording(workshop, "--duration", 14, "--no-final")
    vmic.play(SPEECH).wait(30)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    live = out.lower()
    assert sum(word in live for word in SPEECH_WORDS) >= 4, out + err
    assert out.splitlines()[0].startswith("[00:00:")
    listing = run("sessions", "--workshop", workshop).stdout.splitlines()
    assert len(listing) == 1 and listing[0].startswith("Panel\t-\t00:00:1")
    doc = json.loads(run("export", "--workshop", workshop, "--session", "Panel", "--format", "json").stdout)
    assert doc["segments"] and all(seg["provisional"] for seg in doc["segments"])
    audio = sf.info(next((workshop / "audio").glob("*.flac")))
    assert 13 <= audio.duration <= 15


def test_after_stop_the_final_pass_replaces_live_text(vmic, tmp_path) -> None:  # noqa: ANN001
    workshop = tmp_path / "W.minutes"
    proc = start_recording(workshop, "--duration", 12)
    vmic.play(SPEECH).wait(30)
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    doc = json.loads(run("export", "--workshop", workshop, "--session", "Panel", "--format", "json").stdout)
    assert doc["segments"] and not any(seg["provisional"] for seg in doc["segments"])
    assert doc["speakers"] and all(seg["speaker"] is not None for seg in doc["segments"])
    text = " ".join(seg["text"] for seg in doc["segments"]).lower()
    assert sum(word in text for word in SPEECH_WORDS) >= 4, text


def test_a_killed_recording_is_recovered_by_the_next_command(vmic, tmp_path) -> None:  # noqa: ANN001
    workshop = tmp_path / "W.minutes"
    proc = start_recording(workshop, "--no-final")
    # The device can take a moment to deliver its first block after a stream ends; time from there.
    assert wait_until(lambda: sum(p.stat().st_size for p in (workshop / "audio").glob("*.flac")) > 0, 10)
    player = vmic.play(SPEECH)
    time.sleep(6)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    player.wait(30)
    result = run("sessions", "--workshop", workshop)
    assert 'recovered the unfinished recording of "Panel"' in result.stderr
    title, _, duration = result.stdout.splitlines()[0].split("\t")[:3]
    assert title == "Panel" and duration >= "00:00:04"
    assert "recovered" not in run("sessions", "--workshop", workshop).stderr  # once only


def test_an_unplugged_microphone_stops_cleanly_and_keeps_the_file(vmic, tmp_path) -> None:  # noqa: ANN001
    workshop = tmp_path / "W.minutes"
    proc = start_recording(workshop, "--no-final")
    vmic.play(SPEECH)
    time.sleep(4)
    vmic.kill()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "minutes: error:" in err and "saved" in err and "Traceback" not in err
    flac = next((workshop / "audio").glob("*.flac"))
    assert sf.info(flac).duration >= 2
    listing = run("sessions", "--workshop", workshop).stdout
    assert listing.startswith("Panel\t") and "recorded" in listing
    assert not list((workshop / "audio").glob("*.recording"))


def test_live_and_final_text_spell_names_from_the_glossary(vmic, tmp_path) -> None:  # noqa: ANN001
    """The workshop glossary and a --glossary file guide both passes (the plain model writes "Tsukai"
    and "New Alien" here: see tests/test_chinese.py)."""
    workshop = tmp_path / "W.minutes"
    assert run("glossary", "--workshop", workshop, "--add", "Tzu Chi").returncode == 0
    terms = tmp_path / "terms.txt"
    terms.write_text("Hualien\n", encoding="utf-8")
    names = speech.espeak("The Tzu Chi Foundation supports survivors in Hualien.", tmp_path / "names.wav")
    proc = start_recording(workshop, "--duration", 7, "--glossary", terms)
    vmic.play(names).wait(30)
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert "Tzu Chi" in out and "Hualien" in out, out  # the live lines
    doc = json.loads(run("export", "--workshop", workshop, "--session", "Panel", "--format", "json").stdout)
    final = " ".join(seg["text"] for seg in doc["segments"])
    assert not any(seg["provisional"] for seg in doc["segments"])
    assert "Tzu Chi" in final and "Hualien" in final, final
