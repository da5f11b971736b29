"""The main window: the open workshop's sessions and the selected session's transcript."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
)

from minutes import __version__
from minutes.errors import MinutesError
from minutes.store import WorkshopStore
from minutes.ui.transcript_model import TranscriptModel

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """A view of one workshop store; it reads the store and never holds data the store lacks."""

    def __init__(self) -> None:
        super().__init__()
        self.store: WorkshopStore | None = None
        self.sessions = QListWidget()
        self.sessions.setObjectName("sessions")
        self.transcript = TranscriptModel(self)
        self.table = QTableView()
        self.table.setObjectName("transcript")
        self.table.setModel(self.transcript)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.placeholder = QLabel("Open or create a workshop (File ▸ Open workshop…).")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter()
        splitter.addWidget(self.sessions)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self.sessions.currentItemChanged.connect(self._show_session)
        self._build_menus()
        self._update_title()
        self.statusBar().showMessage("Ready")
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 700)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open workshop…", self, shortcut=QKeySequence.StandardKey.Open)
        open_action.setStatusTip("Open a workshop folder (*.minutes)")
        open_action.triggered.connect(self._choose_workshop)
        new_action = QAction("&New workshop…", self, shortcut=QKeySequence.StandardKey.New)
        new_action.setStatusTip("Create a workshop folder")
        new_action.triggered.connect(self._create_workshop)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([new_action, open_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Minutes", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def open_workshop(self, path: Path, *, create: bool) -> bool:
        """Open ``path`` (creating it if asked); shows a dialog and returns False on failure."""
        try:
            store = WorkshopStore.open(path, create=create)
        except MinutesError as exc:
            self.show_error(str(exc))
            return False
        if self.store is not None:
            self.store.close()
        self.store = store
        self._update_title()
        self._reload_sessions()
        self.statusBar().showMessage(f"Opened {store.root}", 5000)
        return True

    def _reload_sessions(self) -> None:
        self.sessions.clear()
        if self.store is None:
            return
        for session in self.store.sessions():
            item = QListWidgetItem(session.title)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.sessions.addItem(item)
        if self.sessions.count():
            self.sessions.setCurrentRow(0)
        else:
            self.transcript.set_segments([], {})

    def _show_session(self, item: QListWidgetItem | None) -> None:
        if item is None or self.store is None:
            self.transcript.set_segments([], {})
            return
        session_id = item.data(Qt.ItemDataRole.UserRole)
        self.transcript.set_segments(self.store.segments(session_id), self.store.speaker_names(session_id))
        self.table.resizeRowsToContents()

    def _update_title(self) -> None:
        name = self.store.workshop().title if self.store else ""
        self.setWindowTitle(f"Minutes — {name}" if name else "Minutes")

    def _choose_workshop(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open workshop")
        if folder:
            self.open_workshop(Path(folder), create=False)

    def _create_workshop(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New workshop", "Workshop.minutes", "Workshops (*.minutes)")
        if name:
            path = Path(name)
            self.open_workshop(path if path.suffix == ".minutes" else path.with_suffix(".minutes"), create=True)

    def _about(self) -> None:
        from PySide6 import __version__ as pyside_version

        QMessageBox.about(self, "About Minutes",
                          f"<b>Minutes {__version__}</b><br>Offline transcripts and minutes of workshop sessions."
                          f"<br>Qt for Python {pyside_version}")

    def show_error(self, message: str) -> None:
        log.warning("shown to the user: %s", message)
        QMessageBox.warning(self, "Minutes", message)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        QSettings().setValue("window/geometry", self.saveGeometry())
        if self.store is not None:
            self.store.close()
            self.store = None
        super().closeEvent(event)
