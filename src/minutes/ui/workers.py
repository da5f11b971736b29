"""Long work off the GUI thread: transcription, the final pass after recording, translation.

Each :class:`Job` runs in a QThread and talks to the window only through signals. Whisper
runs in a thread, not a child process: CTranslate2 and onnxruntime release the GIL while they compute,
so the event loop stays responsive, segments reach the store and the view without serialising them,
and Cancel is honoured between segments (at most a few seconds). The model is loaded once and shared.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal

from minutes import jobs
from minutes.asr import registry
from minutes.asr.pipeline import TranscribeOptions
from minutes.errors import Cancelled, MinutesError
from minutes.export.transcript import clock
from minutes.operations.sessions import session_for_file
from minutes.operations.transcribing import transcribe_with_speakers
from minutes.speaker_labelling import SpeakerCount
from minutes.store import WorkshopStore
from minutes.ui.i18n import core_text

log = logging.getLogger(__name__)
# Where a file's transcription stands when each phase ends: read and stored, transcribed; speakers take the rest.
_READ, _TEXT = 0.05, 0.9


class ModelProvider:
    """Loads a Whisper model once per spec and hands the same instance to every job.

    Every model is loaded on one loader thread that lives as long as the provider: CTranslate2 computes
    several times slower with a model whose loading thread has ended (measured here: 72 s instead of 14 s
    for a 9-second clip), which is what happened when each job's thread loaded the model and ended.
    """

    def __init__(self) -> None:
        self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-loader")
        self._loaded: dict[str, object] = {}
        self.display_name = ""

    def preload(self, spec: str | None) -> None:
        """Start loading the model now, so the first job finds it ready (loading takes ~0.5 s, importing
        faster-whisper more). A failure is only logged: the job that needs the model reports it."""

        def logged(future: Future) -> None:
            if future.exception() is not None:
                log.info("the speech model could not be loaded in advance", exc_info=future.exception())

        self._loader.submit(self._load, spec).add_done_callback(logged)

    def get(self, spec: str | None):  # noqa: ANN201 - faster_whisper.WhisperModel
        """The model for ``spec``, loaded on the loader thread (waiting for a load under way)."""
        return self._loader.submit(self._load, spec).result()

    def _load(self, spec: str | None):  # noqa: ANN202 - runs on the loader thread only, one call at a time
        source = registry.resolve(spec)
        if source.path_or_name not in self._loaded:
            self._loaded[source.path_or_name] = registry.load(source)
        self.display_name = source.display_name
        return self._loaded[source.path_or_name]


class Job(QObject):
    """One piece of long work for :func:`start_in_thread`: subclasses implement :meth:`work`.

    Exactly one outcome is emitted: ``finished`` with what ``work`` returned, ``cancelled``, or ``failed``
    with one plain sentence (unexpected errors are logged whole and named in that sentence). ``result``
    keeps the value too, for a caller that waited on the thread and will not see the queued signal in time.
    """

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    # Completes "Could not …" in messages about unexpected errors. Subclasses mark theirs with
    # QT_TRANSLATE_NOOP("Job", …): it is translated where it is shown (:meth:`what_text`).
    what = QT_TRANSLATE_NOOP("Job", "finish the work")

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()
        self.result: object = None

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if Cancel was pressed."""
        if self._stop.is_set():
            raise Cancelled

    def work(self) -> object:
        raise NotImplementedError

    def what_text(self) -> str:
        """``what`` in the interface language."""
        return QCoreApplication.translate("Job", self.what)

    def run(self) -> None:
        try:
            self.result = self.work()
        except Cancelled:
            self.cancelled.emit()
        except MinutesError as exc:
            self.failed.emit(core_text(exc))
        except OSError as exc:
            self.failed.emit(QCoreApplication.translate("Job", "Could not {0} ({1}).")
                             .format(self.what_text(), exc.strerror or exc))
        except Exception as exc:  # noqa: BLE001 - a bug: logged whole, shown as one sentence
            log.exception("Could not %s", self.what)
            self.failed.emit(QCoreApplication.translate("Job", "Could not {0} ({1}). The details are in the log file.")
                             .format(self.what_text(), f"{type(exc).__name__}: {exc}"))
        else:
            self.finished.emit(self.result)


class BackgroundCall(Job):
    """Runs one callable off the GUI thread (opening a device, stopping a recording).

    ``what`` is already in the interface language (the caller translates it).
    """

    def __init__(self, call: Callable[[], object], what: str) -> None:
        super().__init__()
        self._call = call
        self.what = what

    def what_text(self) -> str:
        return self.what

    def work(self) -> object:
        return self._call()


class ModelJob(Job):
    """A job on one session of a store that needs the speech model (loaded through ``models``)."""

    def __init__(self, store: WorkshopStore, models: ModelProvider, session_id: int | None, *,
                 model_spec: str | None = None, options: TranscribeOptions | None = None,
                 speakers: SpeakerCount | None = None) -> None:
        super().__init__()
        self._store = store
        self._models = models
        self.session_id = session_id
        self._model_spec = model_spec
        self._options = options or TranscribeOptions()
        self._speakers = speakers

    def load_model(self, at: float = 0.0):  # noqa: ANN201 - faster_whisper.WhisperModel
        """The speech model, said in the progress (at ``at``); raises Cancelled if Cancel was pressed meanwhile."""
        self.progress.emit(at, QCoreApplication.translate("Job", "Loading the speech model…"))
        model = self._models.get(self._model_spec)
        self.check()
        return model


class TranscriptionJob(ModelJob):
    """Import (optional), transcribe from where it stopped, and label speakers of one session.

    With ``media`` and no ``session_id`` the file makes a new session; with both, it becomes the recording of
    that (agenda) session. Finishes with the session's id.
    """

    segments_ready = Signal(object)
    session_created = Signal(int)
    what = QT_TRANSLATE_NOOP("Job", "transcribe the session")

    def __init__(self, store: WorkshopStore, models: ModelProvider, *, session_id: int | None = None,
                 media: Path | None = None, title: str = "", model_spec: str | None = None,
                 options: TranscribeOptions | None = None, speakers: SpeakerCount | None = None) -> None:
        super().__init__(store, models, session_id, model_spec=model_spec, options=options, speakers=speakers)
        self._media = media
        self._title = title

    def work(self) -> int:
        if self._media is not None:
            self.progress.emit(0.0, self.tr("Reading {name}…").format(name=self._media.name))
            # Streamed into the workshop's FLAC block by block: a 3-hour file is never held in memory. An agenda
            # session (``session_id``) receives its recording; otherwise the file makes a new session.
            title = self._store.session(self.session_id).title if self.session_id is not None else self._title
            session = session_for_file(self._store, title, self._media, language=self._options.language,
                                       cancelled=self.is_cancelled).value
            self.check()
            self.session_id = session.id
            self.session_created.emit(session.id)
            self.progress.emit(_READ, self.tr("Reading {name}…").format(name=self._media.name))
        session = self._store.session(self.session_id)
        model = self.load_model(_READ)
        path = self._store.audio_path(session)
        if path is None or not path.is_file():
            raise MinutesError(self.tr('The session "{0}" has no recording to transcribe.').format(session.title))
        # Phases, so the bar moves from the start: finding speech, each chunk and the audio done so far, the
        # speakers.
        if jobs.needs_transcription(session):
            self.progress.emit(_READ, self.tr("Finding speech…"))
        total = clock(session.duration)[:8]
        finding = self.tr("Finding who spoke when…")
        where = {"chunk": 1, "chunks": 1, "fraction": session.transcribed_until / max(session.duration, 1e-9)}

        def transcribed(fraction: float) -> None:
            where["fraction"] = fraction
            done = clock(fraction * session.duration)[:8]
            self.progress.emit(_READ + fraction * (_TEXT - _READ),
                               self.tr("Transcribing… chunk {0} of {1}, {2} of {3}").format(
                                   where["chunk"], where["chunks"], done, total))

        def chunk_started(number: int, count: int) -> None:
            where.update(chunk=number, chunks=count)
            transcribed(where["fraction"])

        session = transcribe_with_speakers(
            self._store, session, model, self._options, self._speakers, again=True,
            on_segments=self.segments_ready.emit, progress=transcribed, chunk_started=chunk_started,
            speakers_progress=lambda f: self.progress.emit(_TEXT + f * (1 - _TEXT), finding),
            cancelled=self.is_cancelled)
        self.progress.emit(1.0, self.tr("Done"))
        return session.id


class FinalPassJob(ModelJob):
    """Replace a recorded session's provisional live text with the full transcription (and speakers).

    Finishes with the session's id. A cancelled pass leaves the session resumable (Transcribe / resume).
    """

    what = QT_TRANSLATE_NOOP("Job", "transcribe the recording")

    def work(self) -> int:
        from minutes.recording import final_pass

        model = self.load_model()
        transcribing = self.tr("Transcribing the recording…")
        session = final_pass(self._store, self._store.session(self.session_id), model, self._options,
                             self._speakers, cancelled=self.is_cancelled,
                             progress=lambda f: self.progress.emit(f, transcribing))
        self.progress.emit(1.0, self.tr("Done"))
        return session.id


class TranslationJob(ModelJob):
    """Translate a session's non-English segments into English (stored beside the original).

    Finishes with the number of segments translated; what was translated before a Cancel is kept.
    """

    what = QT_TRANSLATE_NOOP("Job", "translate the session")

    def work(self) -> int:
        from minutes.asr.translation import translate_session

        model = self.load_model()
        translating = self.tr("Translating into English…")
        return translate_session(self._store, self._store.session(self.session_id), model,
                                 progress=lambda f: self.progress.emit(f, translating),
                                 cancelled=self.is_cancelled)


# Jobs whose thread has not ended yet. The window's outcome slot runs on the GUI thread while the job's
# ``run`` may still be returning from the emit on its own thread; if that slot dropped the last reference,
# the job would be deleted under the running emit (a segfault seen once in the recorder tests).
_RUNNING: set[QObject] = set()


def start_in_thread(job: QObject, parent: QObject) -> QThread:
    """Run ``job.run`` in a new QThread that ends (and is deleted) when the job reports an outcome.

    The job is kept alive here until its thread has ended, whatever its callers keep.
    """
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    for outcome in (job.finished, job.failed, job.cancelled):
        outcome.connect(thread.quit)
    _RUNNING.add(job)
    thread.finished.connect(partial(_RUNNING.discard, job))
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
