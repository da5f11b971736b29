"""Record a session into a workshop: the FLAC in ``audio/``, provisional live segments in the store.

Used by ``minutes record`` and by the window's recorder panel. Capture writes to disk first; the live
transcriber reads behind it and each provisional segment is stored the moment it is found, so a crash
keeps both the audio (repaired on the next open) and the live text. After Stop, :func:`final_pass`
replaces the provisional text with a full-quality transcription with speakers, keeping any segment the
rapporteur edited meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from minutes import jobs
from minutes.asr.live import LiveTranscriber
from minutes.asr.pipeline import TranscribeOptions
from minutes.audio.capture import Recorder, State
from minutes.audio.recovery import find_unfinished, repair
from minutes.domain import Segment, Session, SessionStatus, Word
from minutes.operations.sessions import awaits_recording
from minutes.store import WorkshopStore
from minutes.text.glossary import session_hints

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

    from minutes.speaker_labelling import SpeakerCount


class SessionRecorder:
    """One recording of one new session, or of an agenda session still without a recording: start, pause,
    resume, stop.

    The live transcriber spells the terms of the workshop's glossary and roster, and ``extra_terms`` (a
    ``--glossary`` file), as :func:`~minutes.text.glossary.session_hints` gives them; ``self.glossary``
    keeps them for the final pass.
    """

    def __init__(self, store: WorkshopStore, title: str, model: WhisperModel, *, device: str | None = None,
                 language: str | None = None, script: str = "simplified", extra_terms: Sequence[str] = (),
                 on_segment: Callable[[Segment], None] | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        planned = store.find_session(title)
        if planned is not None and not awaits_recording(store, planned):
            store.check_title_free(title)
        self.store = store
        self.on_segment = on_segment
        self.on_error = on_error
        self.planned = planned  # an agenda session receiving its recording: kept (emptied again) if start fails
        relative = f"audio/{jobs.audio_file_name(title)}"
        if planned is None:
            self.session = store.add_session(Session(title=title, language=language or "auto", audio_file=relative,
                                                     status=SessionStatus.RECORDING))
        else:
            language = language or (None if planned.language in ("", "auto") else planned.language)
            store.update_session(planned.id, audio_file=relative, status=SessionStatus.RECORDING, duration=0.0,
                                 transcribed_until=0.0)
            self.session = store.session(planned.id)
        self.recorder = Recorder(store.root / relative, device, on_error=self._failed)
        self.glossary = session_hints(store, self.session, script, model=model, extra_terms=extra_terms)
        self.live = LiveTranscriber(model, language, self._arrived, script=script, glossary=self.glossary)
        self.recorder.add_tap(self.live.feed)

    @property
    def path(self) -> Path:
        return self.recorder.path

    def start(self) -> None:
        self.live.start()
        try:
            self.recorder.start()
        except BaseException:
            self.live.stop()
            if self.planned is None:
                self.store.delete_session(self.session.id)
            else:
                self.store.update_session(self.session.id, audio_file="", status=self.planned.status)
            raise

    def pause(self) -> None:
        self.recorder.pause()

    def resume(self) -> None:
        self.recorder.resume()

    @property
    def running(self) -> bool:
        return self.recorder.state in (State.RECORDING, State.PAUSED)

    def stop(self) -> Session:
        """Stop capture, let the live transcriber finish what it heard, and close the session."""
        duration = self.recorder.stop() if self.running else self.recorder.elapsed
        self.live.stop()
        self.store.update_session(self.session.id, duration=duration, status=SessionStatus.RECORDED)
        return self.store.session(self.session.id)

    def _arrived(self, start: float, end: float, text: str, language: str, words: list[Word], flags: list[str]
                 ) -> None:
        segment = Segment(start=start, end=end, text=text, language=language, provisional=True, words=words,
                          flags=flags)
        stored = self.store.add_segments(self.session.id, [segment])[0]
        if self.on_segment is not None:
            self.on_segment(stored)

    def _failed(self, message: str) -> None:
        if self.on_error is not None:
            self.on_error(message)


def recover_recordings(store: WorkshopStore) -> list[tuple[Session, float]]:
    """Repair recordings left unfinished by a crash; returns each session with the seconds kept."""
    recovered = []
    by_file = {s.audio_file: s for s in store.sessions()}
    for path in find_unfinished(store.audio_dir):
        seconds = repair(path)
        session = by_file.get(f"audio/{path.name}")
        if session is None:
            continue
        if seconds > 0:
            store.update_session(session.id, duration=seconds, status=SessionStatus.RECORDED)
        else:
            store.update_session(session.id, audio_file="", duration=0.0, status=SessionStatus.NEW)
        recovered.append((store.session(session.id), seconds))
    return recovered


def final_pass(store: WorkshopStore, session: Session, model: WhisperModel, options: TranscribeOptions,
               speakers: SpeakerCount | None, *, progress: Callable[[float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> Session:
    """Replace the provisional live text with the final transcription (and speakers), or finish one that a
    Cancel, Ctrl-C or crash cut short.

    The live segments Whisper was sure of are kept and the rest of the speech is decoded again
    (:mod:`minutes.asr.reuse`); each finished stretch replaces its live text in one transaction, so the live
    text stays readable ahead of the pass and what is finished survives a cancel. Segments the rapporteur
    edited meanwhile are kept.
    """
    from minutes.speaker_labelling import label_speakers

    audio = jobs.session_audio(store, session)  # read a window at a time: memory does not grow with the length
    if jobs.needs_transcription(session):
        session = jobs.transcribe_session(store, session, model, options, audio=audio, progress=progress,
                                          cancelled=cancelled, label_next=speakers is not None)
    if speakers is not None and session.status == SessionStatus.LABELLING:
        label_speakers(store, session, audio, speakers, cancelled=cancelled)
    return store.session(session.id)


def unfinished_final_pass(store: WorkshopStore, title: str) -> Session | None:
    """The recorded session ``title`` whose full transcription (or speakers) a crash or Ctrl-C cut short."""
    session = store.find_session(title)
    if session is None or not session.audio_file or session.duration <= 0:
        return None
    return session if session.status in (SessionStatus.RECORDED, SessionStatus.TRANSCRIBING, SessionStatus.CANCELLED,
                                             SessionStatus.LABELLING) else None
