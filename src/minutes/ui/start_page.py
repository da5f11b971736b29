"""The page shown when no workshop is open: create, open, or pick a recent workshop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    """Recent workshops and the two ways to begin."""

    open_recent = Signal(Path)
    new_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tagline = self.tr("Transcripts and minutes of workshop sessions, on this computer only.")
        title = QLabel(f"<h1>Minutes</h1><p>{tagline}</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent = QListWidget()
        self.recent.setObjectName("recent")
        self.recent.itemActivated.connect(lambda item: self.open_recent.emit(Path(item.data(Qt.ItemDataRole.UserRole))))
        new_button = QPushButton(self.tr("New workshop…"))
        new_button.clicked.connect(self.new_requested)
        open_button = QPushButton(self.tr("Open workshop…"))
        open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Recent workshops (double-click to open):")))
        layout.addWidget(self.recent)
        layout.addStretch()
        layout.setContentsMargins(120, 40, 120, 40)
        self.recent.setMaximumHeight(260)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}  —  {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
