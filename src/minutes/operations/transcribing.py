"""Transcribing a session with its speakers: the one sequence the command line and the window both run.

A file first becomes a session (:func:`minutes.operations.sessions.session_for_file`: a new one, the agenda
session of that title, or the one being resumed); :func:`transcribe_with_speakers` then transcribes what is
left of its recording and finds who spoke when.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from minutes import jobs
from minutes.domain import Segment, Session, SessionStatus
from minutes.store import WorkshopStore

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

    from minutes.asr.pipeline import TranscribeOptions
    from minutes.audio.source import AudioSource
    from minutes.speaker_labelling import SpeakerCount


def transcribe_with_speakers(store: WorkshopStore, session: Session, model: WhisperModel | None,
                             options: TranscribeOptions | None, speakers: SpeakerCount | None, *, again: bool = False,
                             on_segments: Callable[[list[Segment]], None] | None = None,
                             progress: Callable[[float], None] | None = None,
                             chunk_started: Callable[[int, int], None] | None = None,
                             speakers_progress: Callable[[float], None] | None = None,
                             cancelled: Callable[[], bool] | None = None) -> Session:
    """Transcribe the rest of a session's recording (resuming where it stopped), then, with ``speakers``, find
    who spoke when: for a session waiting for its speakers, or, with ``again``, for any session (the window's
    Transcribe / resume finds them afresh). ``model`` and ``options`` are needed only while the session is not
    transcribed; ``chunk_started(number, count)`` is told as each chunk of the speech left begins. Returns the
    session as stored."""
    from minutes.speaker_labelling import label_speakers

    audio: AudioSource | None = None  # read a window at a time, and only if there is work to do
    if jobs.needs_transcription(session):
        audio = jobs.session_audio(store, session)
        if model is None or options is None:
            raise ValueError("a session left to transcribe needs the model and its options")
        session = jobs.transcribe_session(store, session, model, options, audio=audio, on_segments=on_segments,
                                          progress=progress, cancelled=cancelled, label_next=speakers is not None,
                                          chunk_started=chunk_started)
    if speakers is not None and (again or session.status == SessionStatus.LABELLING):
        if speakers_progress is not None:
            speakers_progress(0.0)
        label_speakers(store, session, audio or jobs.session_audio(store, session), speakers,
                       progress=speakers_progress, cancelled=cancelled)
        session = store.session(session.id)
    return session
