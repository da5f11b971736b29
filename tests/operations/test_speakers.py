"""Speaker operations without a window, and the speaker state an undo puts back."""

from __future__ import annotations

import numpy as np
import pytest

from minutes.domain import Participant, Segment, Session, Speaker
from minutes.operations import speakers
from minutes.store import WorkshopStore


@pytest.fixture
def store(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as opened:
        yield opened


def voice(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=192).astype(np.float32)


def test_merge_and_naming_are_undone_exactly(store):
    session = store.add_session(Session(title="Opening"))
    one = store.add_speaker(session.id, Speaker("Speaker 1"))
    two = store.add_speaker(session.id, Speaker("Speaker 2"))
    store.set_speaker_voice(two.id, voice(2))
    chen = store.add_participant(Participant("Dr. Chen", organisation="NIA"))
    store.add_segments(session.id, [Segment(0, 1, "Hello.", one.id), Segment(1, 2, "你好。", two.id)])
    start = store.speaker_state(session.id)

    changes = speakers.name_speaker(store, session.id, two.id, chen.id)
    assert changes.speakers and changes.session_id == session.id and not changes.segments
    assert [p for p, _ in store.voice_profiles()] == [chen.id]  # naming remembers the voice
    named = store.speaker_state(session.id)
    changes = speakers.merge_speakers(store, session.id, one.id, two.id)
    assert changes.segments
    assert [s.id for s in store.speakers(session.id)] == [one.id]
    assert {s.speaker_id for s in store.segments(session.id)} == {one.id}

    store.restore_speaker_state(session.id, named)
    assert store.speaker_names(session.id) == {one.id: "Speaker 1", two.id: "Dr. Chen"}
    assert [s.speaker_id for s in store.segments(session.id)] == [one.id, two.id]
    assert np.allclose(store.speaker_voice(two.id), voice(2) / np.linalg.norm(voice(2)), atol=1e-6)
    store.restore_speaker_state(session.id, start)
    assert store.speaker_state(session.id) == start
    assert list(store.voice_profiles()) == []


def test_new_name_joins_the_roster_and_forgetting_a_voice(store):
    session = store.add_session(Session(title="Opening"))
    speaker = store.add_speaker(session.id, Speaker("Speaker 1"))
    store.set_speaker_voice(speaker.id, voice(1))
    changes = speakers.name_speaker_as(store, session.id, speaker.id, "Ana Lima")
    assert changes.participants and changes.speakers
    [ana] = store.participants()
    assert ana.name == "Ana Lima" and store.speaker_names(session.id) == {speaker.id: "Ana Lima"}
    before = store.speaker_state(session.id)
    speakers.forget_voice(store, session.id, ana.id)
    assert list(store.voice_profiles()) == []
    store.restore_speaker_state(session.id, before)
    assert [p for p, _ in store.voice_profiles()] == [ana.id]
    # A participant deleted since (outside the undo history) is not brought back by an undo.
    store.delete_participant(ana.id)
    store.restore_speaker_state(session.id, before)
    assert list(store.voice_profiles()) == [] and store.speaker_names(session.id) == {speaker.id: "Speaker 1"}

    added = speakers.new_voice(store, session.id)
    assert store.speaker_names(session.id)[added.value] == "Speaker 2" and added.changes.speakers
