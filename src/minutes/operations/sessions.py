"""Use cases of sessions: which session a file goes to, and giving an agenda session its recording.

A session planned on the agenda has no recording until one is recorded or imported for it; a file given
for it is attached, not refused. A session that has a recording takes only that same recording again
(which resumes its transcription).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from minutes import jobs
from minutes.domain import Session, SessionStatus
from minutes.errors import StoreError
from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore


def awaits_recording(store: WorkshopStore, session: Session) -> bool:
    """True for a session with no recording and no transcript yet: an agenda session, ready for its audio."""
    return not session.audio_file and store.segment_count(session.id) == 0


def attach_recording(store: WorkshopStore, session: Session, audio: np.ndarray | Path,
                     language: str | None = None, *, cancelled: Callable[[], bool] | None = None
                     ) -> OpResult[Session]:
    """Store decoded audio, or stream a media file, as the recording of a session that has none, or change
    nothing."""
    if not awaits_recording(store, session):
        raise StoreError(f'The session "{session.title}" already has a recording or a transcript.')
    relative = f"audio/{jobs.audio_file_name(session.title)}"
    target = store.root / relative
    duration = jobs.write_recording(audio, target, cancelled=cancelled)
    fields = {"audio_file": relative, "duration": duration, "transcribed_until": 0.0, "status": SessionStatus.NEW}
    if language:
        fields["language"] = language
    try:
        store.update_session(session.id, **fields)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return OpResult(store.session(session.id), OpChanges(sessions=True, session_id=session.id))


def session_for_file(store: WorkshopStore, title: str, audio: np.ndarray | Path, *, keep_audio: bool = True,
                     language: str | None = None, cancelled: Callable[[], bool] | None = None
                     ) -> OpResult[Session]:
    """The session titled ``title`` to transcribe ``audio`` into: a new one, the agenda session of that title
    (the audio attached), or the one that already has this recording (to resume). A session with another
    recording is refused. ``audio`` is decoded samples or a media file, which is streamed into the workshop
    block by block (and, to compare it with a stored recording, decoded without being kept)."""
    existing = store.find_session(title)
    if existing is None:
        session = Session(title=title, language=language or "auto")
        if keep_audio:
            session = jobs.add_media_session(store, audio, session, cancelled=cancelled)
        else:
            session.duration = jobs.audio_duration(audio)
            session = store.add_session(session)
        return OpResult(session, OpChanges(sessions=True, session_id=session.id))
    if awaits_recording(store, existing):
        return attach_recording(store, existing, audio, language, cancelled=cancelled)
    if not jobs.audio_matches(existing, jobs.audio_duration(audio)):
        raise StoreError(
            f'The workshop already has a session titled "{title}" with another recording. '
            "Choose another title with --session."
        )
    return OpResult(existing, OpChanges())


def save_session(store: WorkshopStore, session_id: int | None, fields: dict[str, str],
                 participant_ids: Sequence[int]) -> OpResult[int]:
    """Add an agenda session (``session_id`` None) or change one's details (``title``, ``date``, ``start``,
    ``end``, ``venue``, ``chair``, ``rapporteur``, ``language``) and its planned speakers, in one transaction;
    the session's id. Undoing an addition removes the session while it is still without a recording."""
    with store.transaction():
        if session_id is None:
            new_id = store.add_session(Session(**fields)).id
            store.set_session_participants(new_id, participant_ids)
            return OpResult(new_id, OpChanges(sessions=True, session_id=new_id),
                            lambda: _remove_new_session(store, new_id))
        session = store.session(session_id)
        old = {name: getattr(session, name) for name in fields}
        old_ids = [person.id for person in store.session_participants(session_id)]
        store.update_session(session_id, **fields)
        store.set_session_participants(session_id, participant_ids)
    return OpResult(session_id, OpChanges(sessions=True, session_id=session_id),
                    lambda: save_session(store, session_id, old, old_ids))


def _remove_new_session(store: WorkshopStore, session_id: int) -> OpResult[int]:
    """Undo adding an agenda session; one given a recording or a transcript since is kept."""
    session = store.session(session_id)
    if not awaits_recording(store, session):
        raise StoreError(f'The session "{session.title}" has a recording or a transcript now, so adding it is not '
                         "undone. Delete it with Session ▸ Delete session if it should go.")
    with store.transaction():
        copies = (store.copy_rows("sessions", "id", [session_id]),
                  store.copy_rows("session_participants", "session_id", [session_id]))
        store.delete_session(session_id)

    def undo() -> OpResult[int]:
        store.put_rows(*copies)
        return OpResult(session_id, OpChanges(sessions=True, session_id=session_id),
                        lambda: _remove_new_session(store, session_id))

    return OpResult(session_id, OpChanges(sessions=True, session_id=session_id), undo)


def set_notes(store: WorkshopStore, session_id: int, summary: str, recommendations: Sequence[str]) -> OpResult[None]:
    """A session's summary and recommendations (one numbered item each in the minutes)."""
    session = store.session(session_id)
    store.update_session(session_id, summary=summary, recommendations=list(recommendations))
    return OpResult(None, OpChanges(notes=True, session_id=session_id),
                    lambda: set_notes(store, session_id, session.summary, session.recommendations))


def delete_session(store: WorkshopStore, session_id: int) -> OpChanges:
    """Delete a session with its transcript, tags and recording file (it cannot be undone)."""
    audio = store.audio_path(store.session(session_id))
    store.delete_session(session_id)
    if audio is not None:
        audio.unlink(missing_ok=True)
    return OpChanges(sessions=True, session_id=session_id)
