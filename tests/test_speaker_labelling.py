"""Speakers as entities of a session: labelling after transcription, naming, merging, moving, and
voices remembered across the sessions of a workshop."""

from __future__ import annotations

from dataclasses import replace

import pytest

from minutes import jobs
from minutes import speakers as engine
from minutes.asr.guards import FLAG_LOOP
from minutes.asr.pipeline import TranscribeOptions
from minutes.domain import Participant, Session
from minutes.doubt import FLAG_OVERLAP
from minutes.speaker_labelling import SpeakerCount, label_speakers
from minutes.store import WorkshopStore
from tests import speech


def two_voices(data, english: str, mandarin: str):
    en = speech.load(data / f"{english}.wav")
    zh = speech.load(data / f"{mandarin}.wav")
    return speech.join(en, speech.silence(1.0), zh, speech.silence(1.0), en), len(en) / speech.RATE


def transcribed(store, model, audio, title):
    session = jobs.add_media_session(store, audio, Session(title=title))
    return jobs.transcribe_session(store, session, model, TranscribeOptions(language=None, script="traditional"),
                                   audio=audio)


@pytest.fixture
def workshop(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        yield store


def test_each_segment_gets_one_of_the_voices(workshop, model, data):
    audio, english_end = two_voices(data, "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121")
    session = transcribed(workshop, model, audio, "S1")
    speakers = label_speakers(workshop, session, audio, SpeakerCount())
    assert [s.label for s in speakers] == ["Speaker 1", "Speaker 2"]
    segments = workshop.segments(session.id)
    by_language = {(s.language, s.speaker_id) for s in segments}
    assert by_language == {("en", speakers[0].id), ("zh", speakers[1].id)}, segments
    assert "sorrow" in " ".join(s.text for s in segments)


def test_exact_count_is_honoured(workshop, model, data):
    audio, _ = two_voices(data, "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121")
    session = transcribed(workshop, model, audio, "S1")
    assert len(label_speakers(workshop, session, audio, SpeakerCount(exact=3))) == 3


def test_name_and_merge(workshop, model, data):
    audio, _ = two_voices(data, "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121")
    session = transcribed(workshop, model, audio, "S1")
    first, second = label_speakers(workshop, session, audio, SpeakerCount())
    chen = workshop.add_participant(Participant("Dr. Chen", organisation="NIA"))
    workshop.assign_participant(second.id, chen.id)
    assert workshop.speaker_names(session.id)[second.id] == "Dr. Chen"

    workshop.merge_speakers(first.id, second.id)
    assert [s.id for s in workshop.speakers(session.id)] == [first.id]
    assert {s.speaker_id for s in workshop.segments(session.id)} == {first.id}


def test_a_named_voice_is_proposed_in_the_next_session_and_can_be_forgotten(workshop, model, data):
    audio1, _ = two_voices(data, "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121")
    s1 = transcribed(workshop, model, audio1, "Session 1")
    _, mandarin_1 = label_speakers(workshop, s1, audio1, SpeakerCount())
    chen = workshop.add_participant(Participant("Dr. Chen"))
    workshop.assign_participant(mandarin_1.id, chen.id)  # the confirm step remembers the voice

    # Same Mandarin speaker (AISHELL S0764), another English speaker.
    audio2, _ = two_voices(data, "en_librivox_sense_and_sensibility_0890", "zh_aishell1_BAC009S0764W0122")
    s2 = transcribed(workshop, model, audio2, "Session 2")
    english_2, mandarin_2 = label_speakers(workshop, s2, audio2, SpeakerCount())
    proposals = workshop.proposals(s2.id)
    assert set(proposals) == {mandarin_2.id}, proposals
    assert proposals[mandarin_2.id][0] == chen.id
    assert workshop.speaker_names(s2.id)[mandarin_2.id] == "Speaker 2"  # not named until confirmed
    workshop.confirm_proposal(mandarin_2.id)
    assert workshop.speaker_names(s2.id)[mandarin_2.id] == "Dr. Chen"

    workshop.delete_voice_profile(chen.id)
    assert list(workshop.voice_profiles()) == []


def test_cli_json_carries_speakers(cli, data, tmp_path):
    audio, _ = two_voices(data, "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121")
    import json

    import soundfile as sf

    wav = tmp_path / "panel.wav"
    sf.write(wav, audio, speech.RATE)
    doc = json.loads(cli("transcribe", wav, "--format", "json", "--speakers", "2", check=True).stdout)
    assert [s["label"] for s in doc["speakers"]] == ["Speaker 1", "Speaker 2"]
    ids = {s["id"] for s in doc["speakers"]}
    assert {seg["speaker"] for seg in doc["segments"]} == ids
    text = cli("transcribe", wav, check=True).stdout
    assert "Speaker 1: " in text and "Speaker 2: " in text


def test_cli_diarize_writes_rttm(cli, data, tmp_path):
    audio, _ = two_voices(data, "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121")
    import soundfile as sf

    wav = tmp_path / "panel two.wav"
    sf.write(wav, audio, speech.RATE)
    out = tmp_path / "panel.rttm"
    cli("diarize", wav, "--min-speakers", "1", "--max-speakers", "4", "-o", out, check=True)
    lines = out.read_text().splitlines()
    assert lines
    names = set()
    for line in lines:
        fields = line.split()
        assert len(fields) == 10 and fields[0] == "SPEAKER" and fields[1] == "panel_two"
        assert float(fields[3]) >= 0 and float(fields[4]) > 0
        names.add(fields[7])
    assert len(names) == 2
    three = cli("diarize", wav, "--speakers", "3", check=True).stdout
    assert len({line.split()[7] for line in three.splitlines()}) == 3
    bad = cli("diarize", wav, "--speakers", "2", "--max-speakers", "3")
    assert bad.returncode == 1 and "either --speakers" in bad.stderr


def test_labelling_flags_overlapping_speech_and_keeps_checks_and_guard_flags(workshop, model, data):
    audio = speech.load(data / "multi_en_ami_debug_trn08.flac")
    session = jobs.add_media_session(workshop, audio, Session(title="Meeting"))
    session = jobs.transcribe_session(workshop, session, model, TranscribeOptions(language="en"), audio=audio)
    first = workshop.segments(session.id)[0]
    workshop.replace_segments(session.id, [first.id], [replace(first, checked=True, flags=[FLAG_LOOP])])
    label_speakers(workshop, session, audio, SpeakerCount())
    after = workshop.segments(session.id)
    overlaps = engine.overlap_spans(engine.diarize(audio).turns)
    flagged = [s for s in after if FLAG_OVERLAP in s.flags]
    assert flagged and overlaps
    assert all(any(a < s.end and b > s.start for a, b in overlaps) for s in flagged)
    pieces = [s for s in after if first.start <= s.start < first.end]
    assert pieces and all(s.checked and FLAG_LOOP in s.flags for s in pieces)
    assert not any(s.checked for s in after if s.start >= first.end)
