"""Session ▸ Import, Transcribe / resume and Translate: which job to run, and what to say when it ends.

The jobs themselves (:mod:`minutes.ui.workers`) run in the window's :class:`~minutes.ui.job_runner.JobRunner`;
when one ends, the window announces what it changed so the views refresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from minutes.asr.pipeline import TranscribeOptions
from minutes.errors import MinutesError
from minutes.operations.changes import OpChanges
from minutes.operations.sessions import awaits_recording
from minutes.speaker_labelling import SpeakerCount
from minutes.text.chinese import default_script
from minutes.ui.workers import FinalPassJob, Job, TranscriptionJob, TranslationJob

if TYPE_CHECKING:
    from minutes.ui.main_window import MainWindow

MEDIA_PATTERNS = "*.wav *.mp3 *.m4a *.flac *.ogg *.opus *.aac *.wma *.mp4 *.mkv *.mov *.webm"
# The jobs whose outcome this controller reports; the runner's signals carry every job's.
OWN_JOBS = (TranscriptionJob, TranslationJob, FinalPassJob)
# What a finished transcription or translation may have changed in its session.
TRANSCRIBED = dict(segments=True, speakers=True)


class Transcription(QObject):
    """Starts transcription and translation jobs for the window and reports how they ended."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.runner.finished.connect(self._finished)
        window.runner.failed.connect(self._failed)
        window.runner.cancelled.connect(self._cancelled)

    def ask_import(self) -> None:
        """Ask for a recording and a session title, then import and transcribe it."""
        window = self._window
        media_filter = self.tr("Audio and video") + f" ({MEDIA_PATTERNS});;" + self.tr("All files") + " (*)"
        name, _ = QFileDialog.getOpenFileName(window, self.tr("Import a recording"), "", media_filter)
        if not name:
            return
        path = Path(name)
        current = window.current_session_id()
        planned = window.store.session(current) if current is not None else None
        if planned is not None and awaits_recording(window.store, planned):
            answer = self.ask_attach(planned.title)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Yes:
                self.import_media(path, planned.title, into=planned.id)
                return
        title, ok = QInputDialog.getText(window, self.tr("New session"), self.tr("Session title:"), text=path.stem)
        if ok and title.strip():
            self.import_media(path, title.strip())

    def ask_attach(self, title: str) -> QMessageBox.StandardButton:
        """Yes: the recording is the selected agenda session's; No: a new session; Cancel: neither."""
        return QMessageBox.question(
            self._window, self.tr("Import a recording"),
            self.tr("Is this the recording of the agenda session “{0}”? Yes gives it to that session; No adds a "
                    "new session.").format(title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)

    def import_media(self, path: Path, title: str, *, language: str | None = None, into: int | None = None) -> None:
        """Add a session from ``path`` (or, ``into`` an agenda session's id, give it that session) and
        transcribe it in the background."""
        window = self._window
        if window.store is None or window.runner.busy:
            return
        if into is None:
            try:
                window.store.check_title_free(title)  # now, not after the file is read
            except MinutesError as exc:
                window.show_error(exc)
                return
        if into is not None and language is None:
            planned = window.store.session(into).language
            language = None if planned in ("", "auto") else planned
        self._start(TranscriptionJob(window.store, window.models, media=path, title=title, session_id=into,
                                     model_spec=window.settings.model(), options=self._options(language),
                                     speakers=SpeakerCount()))

    def transcribe(self, session_id: int | None) -> None:
        """Transcribe a session from where it stopped; a recording's provisional text gets the final pass."""
        window = self._window
        if window.store is None or session_id is None or window.runner.busy:
            return
        if window.live_clock(session_id) is not None:
            window.statusBar().showMessage(
                self.tr("This session is being recorded; it is transcribed in full after Stop"), 5000)
            return
        session = window.store.session(session_id)
        path = window.store.audio_path(session)
        if path is None or not path.is_file():
            # Said at once: no model is loaded and no progress shown for a session that has nothing to transcribe.
            window.statusBar().showMessage(
                self.tr("“{0}” has no recording yet: record it with the Recorder, or give it one with Session ▸ "
                        "Import audio or video…").format(session.title), 10000)
            return
        language = None if session.language == "auto" else session.language
        if any(s.provisional for s in window.store.segments(session_id)):
            # A recording with its live transcript: the final pass replaces the provisional text.
            self._start(FinalPassJob(window.store, window.models, session_id, model_spec=window.settings.model(),
                                     options=self._options(language), speakers=SpeakerCount()))
            return
        self._start(TranscriptionJob(window.store, window.models, session_id=session_id,
                                     model_spec=window.settings.model(), options=self._options(language),
                                     speakers=SpeakerCount()))

    def translate(self, session_id: int | None) -> None:
        window = self._window
        if window.store is not None and session_id is not None and not window.runner.busy:
            self._start(TranslationJob(window.store, window.models, session_id, model_spec=window.settings.model()))

    def _options(self, language: str | None) -> TranscribeOptions:
        workshop = self._window.store.workshop()
        chosen = language or workshop.language
        # Stored languages are codes the dialogs or the command line already checked; not normalising them
        # here keeps faster-whisper's first import (150 ms) off the GUI thread: the job imports it.
        return TranscribeOptions(language=None if chosen in ("", "auto") else chosen,
                                 script=default_script(workshop.script, workshop.language))

    def _start(self, job: Job) -> None:
        if isinstance(job, TranscriptionJob):
            job.session_created.connect(self._session_created)
            job.segments_ready.connect(self._segments_arrived)
        self._window.runner.start(job)

    def _session_created(self, session_id: int) -> None:
        self._window.reload_sessions(select_id=session_id)

    def _segments_arrived(self, segments) -> None:  # noqa: ANN001 - list of minutes.domain.Segment
        editor = self._window.editor
        if editor is not None and segments and editor.session_id == self._window.current_session_id():
            editor.add_arrived(segments)

    def _rewritten(self, job: Job) -> None:
        """A job rewrote its session's segments and speakers (new ids): the undo history no longer applies."""
        editor = self._window.editor
        if editor is not None and editor.session_id == job.session_id:
            editor.undo_stack.clear()

    def _finished(self, job: Job, result: object) -> None:
        if not isinstance(job, OWN_JOBS):  # another feature's job (a merge) reports itself
            return
        window = self._window
        self._rewritten(job)
        if isinstance(job, TranslationJob):
            window.statusBar().showMessage(self.tr("{0} segment(s) translated into English").format(result), 8000)
        else:
            window.statusBar().showMessage(self.tr("Transcription finished"), 5000)
        window.announce(OpChanges(**TRANSCRIBED, session_id=job.session_id))
        window.reload_sessions(select_id=job.session_id)

    def _failed(self, job: Job, message: str) -> None:
        if not isinstance(job, OWN_JOBS):  # another feature's job (a merge) reports itself
            return
        self._rewritten(job)
        self._window.reload_sessions()
        self._window.show_error(message)

    def _cancelled(self, job: Job) -> None:
        if not isinstance(job, OWN_JOBS):  # another feature's job (a merge) reports itself
            return
        window = self._window
        self._rewritten(job)
        window.reload_sessions()
        if isinstance(job, TranslationJob):
            window.announce(OpChanges(segments=True, session_id=job.session_id))
            window.statusBar().showMessage(self.tr("Translation cancelled; the translated segments are kept"), 8000)
        else:
            window.statusBar().showMessage(
                self.tr("Transcription cancelled; the finished part is kept (Ctrl+T resumes)"), 8000)
