"""Use cases of a session's speakers: the speaker who is a given person (made when there is none yet), a new
voice, naming a speaker after a participant, confirming a proposed name, merging two, and forgetting a
participant's remembered voice.

Each returns what it changed. The window runs them inside an undo command that records the session's
speaker state before and after (:meth:`~minutes.store.WorkshopStore.speaker_state`), so every one of them
can be undone, merges included.
"""

from __future__ import annotations

from minutes.domain import Participant, Speaker
from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore
from minutes.store.voices import speaker_label


def speaker_for_person(store: WorkshopStore, session_id: int, participant_id: int) -> OpResult[int]:
    """The id of the session's speaker who is this participant; a new speaker named after them if none is."""
    speakers = store.speakers(session_id)
    found = next((s.id for s in speakers if s.participant_id == participant_id), None)
    if found is not None:
        return OpResult(found, OpChanges())
    made = store.add_speaker(session_id, Speaker(speaker_label(len(speakers)), participant_id))
    return OpResult(made.id, OpChanges(speakers=True, session_id=session_id))


def speaker_for_name(store: WorkshopStore, session_id: int, name: str) -> OpResult[int]:
    """The session's speaker for a typed name: the roster's person of that name, added to the roster if new."""
    person = store.find_participant(name.strip())
    changes = OpChanges()
    if person is None:
        person = store.add_participant(Participant(name=name.strip()))
        changes = OpChanges(participants=True)
    found = speaker_for_person(store, session_id, person.id)
    return OpResult(found.value, changes | found.changes)


def new_voice(store: WorkshopStore, session_id: int) -> OpResult[int]:
    """A new unnamed speaker ("Speaker 4") in the session."""
    made = store.add_speaker(session_id, Speaker(speaker_label(len(store.speakers(session_id)))))
    return OpResult(made.id, OpChanges(speakers=True, session_id=session_id))


def _changed(session_id: int, *, segments: bool = False) -> OpChanges:
    return OpChanges(speakers=True, voices=True, segments=segments, session_id=session_id)


def name_speaker(store: WorkshopStore, session_id: int, speaker_id: int, participant_id: int | None) -> OpChanges:
    """Name a speaker after a participant of the roster (None: anonymous again), remembering the voice."""
    store.assign_participant(speaker_id, participant_id)
    return _changed(session_id)


def name_speaker_as(store: WorkshopStore, session_id: int, speaker_id: int, name: str) -> OpChanges:
    """Name a speaker after someone not on the roster yet: they join it (and stay when the naming is undone)."""
    person = store.add_participant(Participant(name=name))
    return name_speaker(store, session_id, speaker_id, person.id) | OpChanges(participants=True)


def confirm_speaker(store: WorkshopStore, session_id: int, speaker_id: int) -> OpChanges:
    """Accept the name proposed for a speaker (the same voice was named in an earlier session)."""
    store.confirm_proposal(speaker_id)
    return _changed(session_id)


def merge_speakers(store: WorkshopStore, session_id: int, keep_id: int, merge_id: int) -> OpChanges:
    """Give every segment of ``merge_id`` to ``keep_id``, which then is the only one of the two."""
    store.merge_speakers(keep_id, merge_id)
    return _changed(session_id, segments=True)


def forget_voice(store: WorkshopStore, session_id: int, participant_id: int) -> OpChanges:
    """Delete the remembered voice of a participant: later sessions no longer propose their name."""
    store.delete_voice_profile(participant_id)
    return _changed(session_id)
