"""Long work off the GUI thread: decoding, transcription and speaker labelling of a session.

A :class:`TranscriptionJob` runs in a QThread and talks to the window only through signals. Whisper
runs in a thread, not a child process: CTranslate2 and onnxruntime release the GIL while they compute,
so the event loop stays responsive, segments reach the store and the view without serialising them,
and Cancel is honoured between segments (at most a few seconds). The model is loaded once and shared.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from minutes import jobs
from minutes.asr import registry
from minutes.asr.pipeline import TranscribeOptions
from minutes.audio import decode
from minutes.domain import Session
from minutes.errors import Cancelled, MinutesError
from minutes.speaker_labelling import SpeakerCount, label_speakers
from minutes.store import WorkshopStore

log = logging.getLogger(__name__)


class ModelProvider:
    """Loads a Whisper model once per spec and hands the same instance to every job."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: dict[str, object] = {}
        self.display_name = ""

    def get(self, spec: str | None):  # noqa: ANN201 - faster_whisper.WhisperModel
        with self._lock:
            source = registry.resolve(spec)
            if source.path_or_name not in self._loaded:
                self._loaded[source.path_or_name] = registry.load(source)
            self.display_name = source.display_name
            return self._loaded[source.path_or_name]


class TranscriptionJob(QObject):
    """Import (optional), transcribe from where it stopped, and label speakers of one session."""

    progress = Signal(float, str)
    segments_ready = Signal(object)
    session_created = Signal(int)
    finished = Signal(int)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, store: WorkshopStore, models: ModelProvider, *, session_id: int | None = None,
                 media: Path | None = None, title: str = "", model_spec: str | None = None,
                 options: TranscribeOptions | None = None, speakers: SpeakerCount | None = None) -> None:
        super().__init__()
        self._store = store
        self._models = models
        self._session_id = session_id
        self._media = media
        self._title = title
        self._model_spec = model_spec
        self._options = options or TranscribeOptions()
        self._speakers = speakers
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            self._run()
        except Cancelled:
            self.cancelled.emit()
        except MinutesError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug: logged whole, shown as one sentence
            log.exception("transcription job failed")
            self.failed.emit(f"Transcription failed unexpectedly ({type(exc).__name__}: {exc}). "
                             "The details are in the log file.")

    def _run(self) -> None:
        audio = None
        if self._media is not None:
            self.progress.emit(0.0, f"Reading {self._media.name}…")
            audio = decode.decode(self._media)
            self._check()
            session = jobs.add_media_session(self._store, audio, Session(title=self._title,
                                                                         language=self._options.language or "auto"))
            self._session_id = session.id
            self.session_created.emit(session.id)
        session = self._store.session(self._session_id)
        self.progress.emit(0.0, "Loading the speech model…")
        model = self._models.get(self._model_spec)
        self._check()
        if audio is None:
            path = self._store.audio_path(session)
            if path is None or not path.is_file():
                raise MinutesError(f'The session "{session.title}" has no recording to transcribe.')
            audio = decode.read_flac(path)
        if session.status != "transcribed":
            session = jobs.transcribe_session(
                self._store, session, model, self._options, audio=audio,
                on_segments=self.segments_ready.emit,
                progress=lambda f: self.progress.emit(f * 0.9, "Transcribing…"),
                cancelled=self._stop.is_set,
            )
        if self._speakers is not None:
            self.progress.emit(0.9, "Finding who spoke when…")
            label_speakers(self._store, session, audio, self._speakers,
                           progress=lambda f: self.progress.emit(0.9 + f * 0.1, "Finding who spoke when…"),
                           cancelled=self._stop.is_set)
        self.progress.emit(1.0, "Done")
        self.finished.emit(session.id)

    def _check(self) -> None:
        if self._stop.is_set():
            raise Cancelled


def start_in_thread(job: QObject, parent: QObject) -> QThread:
    """Run ``job.run`` in a new QThread that ends (and is deleted) when the job reports an outcome."""
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    for outcome in (job.finished, job.failed, job.cancelled):
        outcome.connect(thread.quit)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
