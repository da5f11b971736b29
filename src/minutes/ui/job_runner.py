"""Runs one long :class:`~minutes.ui.workers.Job` at a time for the window: its thread, progress and Cancel.

The window asks for work to be done and hears how it ended; it never handles threads (Picard's
``run_task``, Anki's ``QueryOp``). The runner owns the status bar's progress bar and Cancel button, and
:meth:`JobRunner.cancel` can wait (with a time limit) for the thread to stop, for closing the workshop.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from minutes.ui.workers import Job, start_in_thread

WAIT_MS = 30_000  # how long closing waits for a cancelled job to reach a point where it can stop


class JobRunner(QObject):
    """One job at a time, shown in ``status_bar``.

    Signals:
        busy_changed(): a job started or ended (actions depending on it are re-enabled).
        finished(job, result), failed(job, message), cancelled(job): how the job ended; the runner is idle again.
    """

    busy_changed = Signal()
    finished = Signal(object, object)
    failed = Signal(object, str)
    cancelled = Signal(object)

    def __init__(self, status_bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status_bar
        self.job: Job | None = None
        self.thread: QThread | None = None
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this transcription; what is finished is kept"))
        self.cancel_button.clicked.connect(lambda: self.cancel())
        self.cancel_button.hide()
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, job: Job) -> None:
        """Run ``job`` in its own thread; connect its own signals (segments, …) before calling this."""
        self.job = job
        job.progress.connect(self._progress)
        # Bound methods of this QObject, not lambdas: the job emits on its thread, these run on the GUI thread.
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.thread = start_in_thread(job, self)
        self.busy_changed.emit()

    def cancel(self, *, wait: bool = False) -> None:
        """Ask the job to stop; with ``wait``, block until its thread ends (or :data:`WAIT_MS` passes)."""
        if self.job is None:
            return
        self.job.cancel()
        if wait and self.thread is not None:
            self.thread.quit()
            self.thread.wait(WAIT_MS)
            self._idle()

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self._status.showMessage(f"{message} {fraction:.0%}")

    def _idle(self) -> None:
        self.job = None
        self.thread = None
        self.progress.hide()
        self.cancel_button.hide()
        self._status.clearMessage()  # "Loading the speech model… 0%" must not outlive the job that said it
        self.busy_changed.emit()

    def _current(self) -> Job | None:
        """The job that sent the outcome being handled, if it is still the one running (not one given up on
        when the workshop closed)."""
        job = self.sender()
        if job is None or job is not self.job:
            return None
        self._idle()
        return job

    def _finished(self, result: object) -> None:
        if (job := self._current()) is not None:
            self.finished.emit(job, result)

    def _failed(self, message: str) -> None:
        if (job := self._current()) is not None:
            self.failed.emit(job, message)

    def _cancelled(self) -> None:
        if (job := self._current()) is not None:
            self.cancelled.emit(job)
