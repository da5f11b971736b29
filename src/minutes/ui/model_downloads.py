"""Downloading a larger speech model from the window: one background job per model, owned by the window so
it goes on after the Preferences dialog closes and while the rest of the app is used.

:class:`ModelDownloads` runs the jobs and reports bytes; :class:`DownloadsBox` is the Preferences section
with a row per model (its state, a Download / Cancel button and a progress bar).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QThread, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QProgressBar, QPushButton, QWidget

from minutes.asr import download
from minutes.ui.workers import Job, start_in_thread

# What each model is worth to a secretariat, shown beside its name.
DESCRIPTIONS = {
    "small": QT_TRANSLATE_NOOP("DownloadsBox", "small — about 480 MB, clearly better on meetings, 2–3× slower"),
    "large-v3-turbo": QT_TRANSLATE_NOOP("DownloadsBox", "large-v3-turbo — about 1.6 GB, the most accurate, "
                                                        "needs a fast laptop"),
}


class DownloadJob(Job):
    """Downloads one model; ``bytes_done`` carries (model name, done, total)."""

    bytes_done = Signal(str, int, int)
    what = QT_TRANSLATE_NOOP("Job", "download the speech model")

    def __init__(self, name: str, hub: str | None = None) -> None:
        super().__init__()
        self.name = name
        self._hub = hub

    def work(self) -> object:
        return download.download(self.name, progress=lambda done, total: self.bytes_done.emit(self.name, done, total),
                                 cancelled=self.is_cancelled, hub=self._hub)


class ModelDownloads(QObject):
    """The window's model downloads, at most one per model at a time."""

    progress = Signal(str, int, int)
    done = Signal(str)
    failed = Signal(str, str)
    stopped = Signal(str)

    def __init__(self, parent: QObject | None = None, hub: str | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._running: dict[str, tuple[DownloadJob, QThread]] = {}
        self.last: dict[str, tuple[int, int]] = {}

    def is_running(self, name: str) -> bool:
        return name in self._running

    def start(self, name: str) -> None:
        if name in self._running:
            return
        job = DownloadJob(name, self.hub)
        # Slots of this object (not lambdas), so they run on the GUI thread, queued.
        job.bytes_done.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self._running[name] = (job, start_in_thread(job, self))

    def cancel(self, name: str) -> None:
        if name in self._running:
            self._running[name][0].cancel()

    def wait(self, timeout_ms: int = 5000) -> None:
        """Cancel every download and wait for them to stop (the window is closing)."""
        for job, thread in list(self._running.values()):
            job.cancel()
            thread.wait(timeout_ms)

    def _progress(self, name: str, done: int, total: int) -> None:
        self.last[name] = (done, total)
        self.progress.emit(name, done, total)

    def _finished(self, _path: object) -> None:
        self.done.emit(self._end())

    def _failed(self, message: str) -> None:
        self.failed.emit(self._end(), message)

    def _cancelled(self) -> None:
        self.stopped.emit(self._end())

    def _end(self) -> str:
        """Forget the job that sent the outcome; returns its model's name."""
        name = next(n for n, (job, _thread) in self._running.items() if job is self.sender())
        del self._running[name]
        self.last.pop(name, None)
        return name


class DownloadsBox(QGroupBox):
    """Preferences section: download ``small`` or ``large-v3-turbo`` with progress and Cancel."""

    def __init__(self, downloads: ModelDownloads, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Larger models (download once while online; they then work offline)"), parent)
        self.downloads = downloads
        self.rows: dict[str, tuple[QLabel, QProgressBar, QPushButton]] = {}
        grid = QGridLayout(self)
        for row, name in enumerate(download.MODELS):
            label = QLabel(self.tr(DESCRIPTIONS[name]))
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setObjectName(f"download-{name}")
            button = QPushButton()
            button.setObjectName(f"download-button-{name}")
            button.clicked.connect(lambda _checked=False, n=name: self._clicked(n))
            grid.addWidget(label, row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(button, row, 2)
            self.rows[name] = (label, bar, button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        grid.addWidget(self.status, len(download.MODELS), 0, 1, 3)
        grid.setColumnStretch(0, 1)
        downloads.progress.connect(self._progress)
        downloads.done.connect(lambda name: self._ended(name, self.tr("{0} is ready: choose it as the named "
                                                                      "model above.").format(name)))
        downloads.failed.connect(lambda name, message: self._ended(name, message))
        downloads.stopped.connect(lambda name: self._ended(name, self.tr("The download of {0} was cancelled; it "
                                                                         "continues where it stopped next time.")
                                                           .format(name)))
        for name in download.MODELS:
            self._show(name)

    def _clicked(self, name: str) -> None:
        if self.downloads.is_running(name):
            self.downloads.cancel(name)
        else:
            self.status.setText(self.tr("Downloading {0}. You can close this window and go on working.")
                                .format(name))
            self.downloads.start(name)
        self._show(name)

    def _progress(self, name: str, done: int, total: int) -> None:
        _label, bar, _button = self.rows[name]
        bar.setValue(int(1000 * done / total) if total else 0)
        bar.setFormat(self.tr("%1 of %2 MB").replace("%1", f"{done / 1e6:.0f}").replace("%2", f"{total / 1e6:.0f}"))

    def _ended(self, name: str, message: str) -> None:
        self.status.setText(message)
        self._show(name)

    def _show(self, name: str) -> None:
        _label, bar, button = self.rows[name]
        running = self.downloads.is_running(name)
        ready = download.is_downloaded(name)
        button.setText(self.tr("Cancel") if running else self.tr("Downloaded") if ready else self.tr("Download"))
        button.setEnabled(running or not ready)
        bar.setVisible(running or ready)
        if ready and not running:
            bar.setValue(1000)
            bar.setFormat(self.tr("on this computer"))
        elif running and name in self.downloads.last:
            self._progress(name, *self.downloads.last[name])
