"""Ctrl-C and kill -9 at each stage of a transcription into a new workshop: nothing finished is ever lost,
and the same command run again finishes the work (speakers included) without doubling anything."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.faults.conftest import (
    assert_clean_failure,
    assert_sound,
    interrupt,
    query,
    segment_rows,
    session_status,
    wait_until,
)

REFERENCE_WORDS = ("first great sorrow", "loss of the cotton")


def transcribe_args(clip: Path, workshop: Path, *extra: object) -> tuple:
    return ("transcribe", clip, "--workshop", workshop, "--session", "S", "--language", "en", *extra)


def assert_finished(workshop: Path, *, speakers: bool) -> None:
    """One complete transcript of the clip: every sentence once, labelled with speakers when asked."""
    assert_sound(workshop)
    assert session_status(workshop) == "transcribed"
    rows = segment_rows(workshop)
    text = " ".join(row[2] for row in rows)
    for words in REFERENCE_WORDS:
        assert text.count(words) == 1, text
    assert len({(row[0], row[1]) for row in rows}) == len(rows), "a segment was stored twice"
    if speakers:
        assert all(row[3] is not None for row in rows), "segments left without a speaker"


def test_ctrl_c_while_transcribing_keeps_the_new_workshop_and_the_rerun_finishes(start, cli, speech, tmp_path):
    workshop = tmp_path / "new.minutes"
    process = start(*transcribe_args(speech, workshop, "--speakers", "none"))
    wait_until(process, lambda: session_status(workshop) == "transcribing")
    _, err = interrupt(process, signal.SIGINT)
    if process.returncode == 130:
        assert "run the same command again to resume" in assert_clean_failure((130, err), code=130)
        assert workshop.is_dir(), "Ctrl-C removed a workshop holding the audio copy"
        assert session_status(workshop) in ("transcribing", "transcribed")
    rerun = cli(*transcribe_args(speech, workshop, "--speakers", "none"), check=True)
    assert "Traceback" not in rerun.stderr
    assert_finished(workshop, speakers=False)


def test_ctrl_c_while_labelling_speakers_keeps_the_transcript_and_the_rerun_labels(start, cli, speech, tmp_path):
    workshop = tmp_path / "new.minutes"
    process = start(*transcribe_args(speech, workshop))
    wait_until(process, lambda: session_status(workshop) == "labelling")
    _, err = interrupt(process, signal.SIGINT)
    if process.returncode == 130:
        assert_clean_failure((130, err), code=130)
        assert workshop.is_dir()
        assert session_status(workshop) == "labelling"
        assert len(segment_rows(workshop)) >= 2, "the finished transcript was lost"
        listed = cli("sessions", "--workshop", workshop, check=True).stdout
        assert listed.rstrip("\n").endswith("\tlabelling")
    cli(*transcribe_args(speech, workshop), check=True)
    assert_finished(workshop, speakers=True)


def test_kill_9_while_labelling_speakers_is_redone_by_the_rerun(start, cli, speech, tmp_path):
    workshop = tmp_path / "new.minutes"
    process = start(*transcribe_args(speech, workshop))
    wait_until(process, lambda: session_status(workshop) == "labelling")
    interrupt(process, signal.SIGKILL)
    status = session_status(workshop)
    assert status in ("labelling", "transcribed"), "speakers were not labelled, yet it says otherwise"
    if status == "labelling":
        assert query(workshop / "workshop.sqlite", "SELECT COUNT(*) FROM speakers") == [(0,)]
    cli(*transcribe_args(speech, workshop), check=True)
    assert_finished(workshop, speakers=True)


def test_kill_9_between_chunks_resumes_without_losing_or_doubling(start, cli, data, tmp_path):
    # English then Mandarin with the language detected: two chunks, each stored when finished.
    import numpy as np
    import soundfile as sf

    clips = [sf.read(data / name, dtype="float32")[0] for name in
             ("en_librispeech_1995-1837-0001.wav", "zh_aishell1_BAC009S0764W0121.wav")]
    clip = tmp_path / "two languages.wav"
    sf.write(clip, np.concatenate(clips), 16000)
    workshop = tmp_path / "new.minutes"
    args = ("transcribe", clip, "--workshop", workshop, "--session", "S", "--speakers", "none")
    process = start(*args)
    wait_until(process, lambda: bool(segment_rows(workshop)))
    interrupt(process, signal.SIGKILL)
    before = segment_rows(workshop)
    assert before, "the first chunk was not kept"
    cli(*args, check=True)
    after = segment_rows(workshop)
    assert after[: len(before)] == before, "finished segments changed or were lost"
    assert len({(row[0], row[1]) for row in after}) == len(after), "a segment was stored twice"
    assert {"en", "zh"} == {row[0] for row in query(workshop / "workshop.sqlite", "SELECT language FROM segments")}
    assert session_status(workshop) == "transcribed"
    assert_sound(workshop)


def test_ctrl_c_before_anything_is_stored_leaves_no_folder(start, speech, tmp_path):
    workshop = tmp_path / "new.minutes"
    process = start(*transcribe_args(speech, workshop, "--speakers", "none"))
    wait_until(process, lambda: workshop.is_dir())  # created, nothing stored yet
    _, err = interrupt(process, signal.SIGINT)
    if process.returncode != 130:
        return  # it finished before the signal: nothing to check but the usual
    assert_clean_failure((130, err), code=130)
    if workshop.exists():
        assert query(workshop / "workshop.sqlite", "SELECT COUNT(*) FROM sessions") == [(1,)], \
            "an empty new workshop was left behind"
        assert_sound(workshop)
    assert [p.name for p in tmp_path.iterdir() if p.name != workshop.name] == [], "temporary folders were left"



def test_record_run_again_finishes_a_final_pass_that_was_cut_short(cli, transcribed, tmp_path):
    # What Ctrl-C (or kill -9) during the final pass of 'minutes record' leaves: the recording, part of the
    # transcript and no speakers. The same command again finishes that instead of recording anew.
    import shutil
    import sqlite3

    workshop = tmp_path / "W.minutes"
    shutil.copytree(transcribed, workshop)
    conn = sqlite3.connect(workshop / "workshop.sqlite")
    with conn:
        conn.execute("DELETE FROM segments WHERE start_s > 1")
        conn.execute("UPDATE sessions SET status = 'transcribing', transcribed_until = 2.5")
    conn.close()
    result = cli("record", "--workshop", workshop, "--session", "S", "--language", "en", check=True)
    assert "Resuming" in result.stderr
    assert_finished(workshop, speakers=True)
    assert len(list((workshop / "audio").iterdir())) == 1


def test_kill_9_inside_one_language_block_keeps_what_was_handed_over_and_resumes_there(start, cli, data, tmp_path):
    # Automatic language decodes a whole block of one language (here the 2-minute English meeting) in one
    # Whisper call; its segments must still be stored every ~30 s, and a rerun must resume inside the block.
    clip = data / "multi_en_ami_concat_es2004a_tst.flac"
    workshop = tmp_path / "new.minutes"
    args = ("transcribe", clip, "--workshop", workshop, "--session", "S", "--speakers", "none")
    process = start(*args)
    wait_until(process, lambda: bool(segment_rows(workshop)))
    interrupt(process, signal.SIGKILL)
    before = segment_rows(workshop)
    cli(*args, check=True)
    after = segment_rows(workshop)
    assert 0 < len(before) < len(after), "the block was not stored a part at a time"
    assert after[: len(before)] == before, "finished segments changed or were lost"
    assert len({(row[0], row[1]) for row in after}) == len(after), "a segment was stored twice"
    assert {"en"} == {row[0] for row in query(workshop / "workshop.sqlite", "SELECT language FROM segments")}
    assert after[-1][1] > 110, "the rerun did not reach the end of the meeting"
    assert session_status(workshop) == "transcribed"
    assert_sound(workshop)
