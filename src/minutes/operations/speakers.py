"""Use cases of a session's speakers: the speaker who is a given person, made when there is none yet."""

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
