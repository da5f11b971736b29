"""Voices enrolled from a short sample ("this is Dr. Chen" at a moment of a session), and the enrolled list.

Enrolling embeds a few seconds of the session's stored audio around the moment given (the stretch of the
transcript segment there, at most ``SAMPLE_S`` seconds) and adds it to the participant's voice profile. Every
session is then offered the name again, so voices already labelled get the proposal at once, and later
sessions propose it by themselves, with a similarity the user confirms.

A name that is on the roster (the same name, ignoring case and spacing, or failing that the one roster name
that contains it) is that participant. A name that is not on the roster is added to it: the user has just
said who is speaking, and the roster is where the names of speakers live; the command says that it did so.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.audio.source import AudioSource, FileSource
from minutes.domain import Participant, Session
from minutes.errors import InputError
from minutes.operations.changes import OpChanges, OpResult
from minutes.speaker_labelling import propose_participants
from minutes.speakers import voice_sample
from minutes.store import WorkshopStore

SAMPLE_S = 8.0  # seconds of speech embedded around the moment; a few seconds are enough for CAM++
MIN_SAMPLE_S = 3.0  # a segment shorter than this is widened to this, centred on the moment


@dataclass(frozen=True)
class Enrolment:
    """What :func:`enrol_voice` did: whose voice, whether they were added to the roster, the profile's size."""

    participant: Participant
    added_to_roster: bool
    samples: int
    start: float
    end: float


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_or_add_participant(store: WorkshopStore, name: str) -> tuple[Participant, bool]:
    """The roster participant called ``name`` (see the module docstring), or a new one; and whether new."""
    key = _key(name)
    if not key:
        raise InputError("Give the name of the person speaking (a participant of the roster).")
    people = store.participants()
    same = [p for p in people if _key(p.name) == key] or [p for p in people if key in _key(p.name)]
    if len(same) > 1:
        listing = "; ".join(f"{p.name} ({p.organisation or 'no organisation'})" for p in same)
        raise InputError(f'"{name}" matches several participants of the roster: {listing}. '
                         "Give the full name as the roster spells it.")
    if same:
        return same[0], False
    return store.add_participant(Participant(name=" ".join(name.split()))), True


def _sample_span(store: WorkshopStore, session: Session, at: float, duration: float) -> tuple[float, float]:
    """The part of the session to embed: the segment spoken at ``at``, at most SAMPLE_S around it."""
    start, end = at - SAMPLE_S / 2, at + SAMPLE_S / 2
    for segment in store.segments(session.id):
        if segment.start <= at <= segment.end:
            start, end = max(start, segment.start), min(end, segment.end)
            break
    if end - start < MIN_SAMPLE_S:
        start, end = at - MIN_SAMPLE_S / 2, at + MIN_SAMPLE_S / 2
    return max(0.0, start), min(duration, end)


def enrol_voice(
    store: WorkshopStore, name: str, session: Session, at: float, *, source: AudioSource | None = None
) -> OpResult[Enrolment]:
    """Add the voice heard at ``at`` seconds of ``session`` to ``name``'s voice profile.

    ``source`` is the session's audio (default: its stored recording, read only around the moment).
    """
    if source is None:
        path = store.audio_path(session)
        if path is None or not path.is_file():
            raise InputError(f'The session "{session.title}" has no stored recording to take a voice from.')
        source = FileSource(path)
    if not 0 <= at < source.duration:
        raise InputError(f'{at:g} s is outside the session "{session.title}" (0 to {source.duration:.0f} s).')
    start, end = _sample_span(store, session, at, source.duration)
    voice = voice_sample(source, start, end)
    if voice is None:
        raise InputError(f'No speech around {at:g} s of "{session.title}"; give a moment when {name} is speaking.')
    person, added = find_or_add_participant(store, name)
    samples = store.learn_voice(person.id, voice)
    for other in store.sessions():
        propose_participants(store, other.id)
    return OpResult(Enrolment(person, added, samples, start, end),
                    OpChanges(voices=True, speakers=True, participants=added))


def enrolled_voices(store: WorkshopStore) -> list[tuple[str, str, int]]:
    """(name, organisation, samples) of each participant whose voice is enrolled, by name."""
    return store.enrolled_voices()
