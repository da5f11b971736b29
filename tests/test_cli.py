"""The ``minutes`` command line, run as a subprocess: the contract scripts rely on."""

from __future__ import annotations

import json
import re
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
import soundfile as sf

from tests import speech

LINE = re.compile(r"^\[\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}\] .+$")
S1 = "Session 1: Atypical victims"


def test_version(cli):
    result = cli("--version", check=True)
    assert result.stdout.startswith("Minutes ")


def test_transcribe_prints_a_timed_transcript(cli, data):
    result = cli("transcribe", data / "en_librispeech_1995-1837-0001.wav", check=True)
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines), result.stdout
    assert "first great sorrow" in result.stdout.lower()
    assert result.stderr == ""


def test_workshop_sessions_export_and_import(cli, data, tmp_path):
    workshop = tmp_path / "Workshop2024.minutes"
    clip = data / "en_librispeech_1995-1837-0001.wav"
    result = cli("transcribe", clip, "--workshop", workshop, "--session", S1, "--language", "en",
                 "--format", "srt", check=True)
    assert result.stdout.startswith("1\n00:00:")
    assert len(list((workshop / "audio").glob("*.flac"))) == 1

    listing = cli("sessions", "--workshop", workshop, check=True).stdout.splitlines()
    assert listing == [f"{S1}\t-\t00:00:08\tdraft"]  # the fourth column: the review state

    for fmt in ("txt", "srt", "vtt", "json"):
        out = tmp_path / f"s1.{fmt}"
        cli("export", "--workshop", workshop, "--session", S1, "--format", fmt, "-o", out, check=True)
        assert "sorrow" in out.read_text(encoding="utf-8")
    assert (tmp_path / "s1.vtt").read_text().startswith("WEBVTT\n\n00:00:")
    exported = json.loads((tmp_path / "s1.json").read_text(encoding="utf-8"))
    assert exported["format"] == "minutes.session" and exported["version"] == 1
    assert exported["session"]["title"] == S1
    assert all(seg["words"] for seg in exported["segments"])

    other = tmp_path / "Merged.minutes"
    cli("import", tmp_path / "s1.json", "--workshop", other, check=True)
    again = json.loads(cli("export", "--workshop", other, "--session", S1, "--format", "json", check=True).stdout)
    assert again["segments"] == exported["segments"]
    assert again["session"] == exported["session"]

    repeat = cli("import", tmp_path / "s1.json", "--workshop", other)
    assert repeat.returncode == 1 and "--session" in repeat.stderr
    cli("import", tmp_path / "s1.json", "--workshop", other, "--session", "Session 1 (laptop B)", check=True)
    assert len(cli("sessions", "--workshop", other, check=True).stdout.splitlines()) == 2


def test_rerunning_a_finished_transcription_reprints_it(cli, data, tmp_path):
    args = ("transcribe", data / "en_librispeech_1995-1837-0001.wav", "--workshop", tmp_path / "W.minutes",
            "--session", S1)
    first = cli(*args, check=True).stdout
    assert cli(*args, check=True).stdout == first
    assert len(cli("sessions", "--workshop", tmp_path / "W.minutes", check=True).stdout.splitlines()) == 1


def assert_clean_failure(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    text = tmp_path / "notes.mp3"
    text.write_text("These are meeting notes, not a recording.\n" * 20)
    empty = tmp_path / "empty.wav"
    empty.touch()
    zero = tmp_path / "zero.wav"
    sf.write(zero, speech.silence(0), speech.RATE)
    return {
        "missing": (tmp_path / "nowhere.wav", "no such file"),
        # The decoder's exception name is no help to the user: the sentence goes straight on to what to do.
        "not audio": (text, "is not an audio or video file that Minutes can read. Use a common format"),
        "empty": (empty, "is empty"),
        "zero length": (zero, "contains no audio"),
    }


@pytest.mark.parametrize("case", ["missing", "not audio", "empty", "zero length"])
def test_bad_files_fail_cleanly_and_leave_the_store_alone(cli, data, tmp_path, case):
    workshop = tmp_path / "W.minutes"
    path, phrase = bad_inputs(tmp_path)[case]
    assert_clean_failure(cli("transcribe", path), phrase)
    assert_clean_failure(cli("transcribe", path, "--workshop", workshop, "--session", "S"), phrase)
    assert not workshop.exists()


def test_a_recording_without_speech_says_so_instead_of_printing_nothing(cli, data, tmp_path):
    quiet = tmp_path / "microphone off.wav"
    sf.write(quiet, speech.silence(20), speech.RATE)
    transcript = cli("transcribe", quiet, "--workshop", tmp_path / "W.minutes", "--session", "S", check=True)
    assert transcript.stdout == ""
    assert f"minutes: warning: no speech was found in {quiet}; the transcript is empty." in transcript.stderr
    rttm = cli("diarize", quiet, check=True)
    assert rttm.stdout == ""
    assert f"minutes: warning: no speech was found in {quiet}; the RTTM is empty." in rttm.stderr
    spoken = cli("transcribe", data / "en_librispeech_1995-1837-0001.wav", "--speakers", "none", check=True)
    assert "no speech" not in spoken.stderr


def test_unknown_language_fails_before_any_work(cli, data, tmp_path):
    result = cli("transcribe", data / "en_librispeech_1995-1837-0001.wav", "--language", "klingon",
                 "--workshop", tmp_path / "W.minutes")
    assert_clean_failure(result, "Unknown language 'klingon'")
    assert not (tmp_path / "W.minutes").exists()


def test_unknown_session_names_the_ones_there_are(cli, data, tmp_path):
    workshop = tmp_path / "W.minutes"
    cli("import", _minimal_json(tmp_path), "--workshop", workshop, check=True)
    result = cli("export", "--workshop", workshop, "--session", "Nope", "--format", "txt")
    assert_clean_failure(result, 'No session titled "Nope"', '"Opening"')


def _minimal_json(tmp_path: Path) -> Path:
    doc = {"format": "minutes.session", "version": 1, "session": {"title": "Opening"},
           "segments": [{"start": 0.5, "end": 2.0, "text": "Welcome to Taipei."}]}
    path = tmp_path / "opening.json"
    path.write_text(json.dumps(doc))
    return path


def fill(folder: Path) -> None:
    """Use up every free byte of the file system holding ``folder``."""
    try:
        with open(folder / "ballast", "wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
    except OSError:
        pass


@contextmanager
def tmpfs(where: Path, *, size: str = "1m", read_only: bool = False):
    where.mkdir()
    options = f"size={size}" + (",ro" if read_only else "")
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def test_read_only_destination(cli, data, tmp_path):
    with tmpfs(tmp_path / "ro", read_only=True) as ro:
        clip = data / "en_librispeech_1995-1837-0001.wav"
        assert_clean_failure(cli("transcribe", clip, "-o", ro / "out.txt"), "Read-only")
        assert_clean_failure(cli("transcribe", clip, "--workshop", ro / "W.minutes"), "Read-only")
        assert list(ro.iterdir()) == []


def test_full_destination_keeps_nothing_half_written(cli, data, tmp_path):
    clip = data / "en_librispeech_1995-1837-0001.wav"
    long_clip = tmp_path / "long.wav"
    sf.write(long_clip, speech.join(*[speech.load(clip)] * 8), speech.RATE)
    with tmpfs(tmp_path / "full", size="96k") as full:
        assert_clean_failure(cli("transcribe", long_clip, "--workshop", full / "W.minutes", "--session", "S"),
                             "full")
        result = cli("sessions", "--workshop", full / "W.minutes")
        assert result.stdout == "" and not list((full / "W.minutes" / "audio").glob("*"))

        workshop = tmp_path / "W.minutes"
        cli("import", _minimal_json(tmp_path), "--workshop", workshop, check=True)
        fill(full)
        result = cli("export", "--workshop", workshop, "--session", "Opening", "--format", "json",
                     "-o", full / "opening.json")
        assert_clean_failure(result, "No space left")
        assert not (full / "opening.json").exists()
        assert [p.name for p in full.iterdir() if p.name.startswith(".")] == []


def test_transcribe_attaches_the_file_to_an_agenda_session_without_a_recording(cli, data, tmp_path):
    from minutes.domain import Session
    from minutes.store import WorkshopStore

    workshop = tmp_path / "W.minutes"
    with WorkshopStore.open(workshop, create=True) as store:
        store.add_session(Session("Opening", date="2024-08-28", chair="Ms. Santos", language="en"))
    clip = data / "en_librispeech_1995-1837-0001.wav"
    result = cli("transcribe", clip, "--workshop", workshop, "--session", "Opening", "--speakers", "none",
                 check=True)
    assert "first great sorrow" in result.stdout.lower()
    assert 'agenda session "Opening"' in result.stderr
    assert cli("sessions", "--workshop", workshop, check=True).stdout.splitlines() == [
        "Opening\t2024-08-28\t00:00:08\tdraft"]
    with WorkshopStore.open(workshop, read_only=True) as store:
        session = store.session_by_title("Opening")
        assert session.chair == "Ms. Santos" and session.language == "en"  # the agenda's details stay
        assert store.audio_path(session).is_file()
    # It has its recording now: the same file again reprints it, another file is refused.
    assert cli("transcribe", clip, "--workshop", workshop, "--session", "Opening", "--speakers", "none",
               check=True).stdout == result.stdout
    other = data / "en_librivox_sense_and_sensibility_0890.wav"
    assert_clean_failure(cli("transcribe", other, "--workshop", workshop, "--session", "Opening"),
                         'already has a session titled "Opening" with another recording')
