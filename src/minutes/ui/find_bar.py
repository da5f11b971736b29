"""Find and replace across the open session (a bar under the transcript, like an editor's)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    """Emits what to find or replace; the window asks the session editor to do it."""

    find_requested = Signal(str, bool, bool, bool)  # needle, match case, whole words, backwards
    replace_all_requested = Signal(str, str, bool, bool)  # needle, replacement, match case, whole words

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_edit = QLineEdit(placeholderText=self.tr("Find"))
        self.find_edit.setObjectName("find")
        self.replace_edit = QLineEdit(placeholderText=self.tr("Replace with"))
        self.replace_edit.setObjectName("replace")
        self.match_case = QCheckBox(self.tr("Match case"))
        self.whole_words = QCheckBox(self.tr("Whole words"))
        self.previous_button = QPushButton(self.tr("Previous"))
        self.next_button = QPushButton(self.tr("Next"))
        self.replace_button = QPushButton(self.tr("Replace all"))
        self.replace_button.setToolTip(self.tr("Replace in every segment of the session (one undo step)"))
        self.status = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.find_edit, self.previous_button, self.next_button, self.replace_edit,
                       self.replace_button, self.match_case, self.whole_words, self.status):
            layout.addWidget(widget)
        self.find_edit.returnPressed.connect(lambda: self._find(backwards=False))
        self.next_button.clicked.connect(lambda: self._find(backwards=False))
        self.previous_button.clicked.connect(lambda: self._find(backwards=True))
        self.replace_button.clicked.connect(self._replace_all)

    def open(self) -> None:
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def _find(self, *, backwards: bool) -> None:
        self.find_requested.emit(self.find_edit.text(), self.match_case.isChecked(), self.whole_words.isChecked(),
                                 backwards)

    def _replace_all(self) -> None:
        self.replace_all_requested.emit(self.find_edit.text(), self.replace_edit.text(), self.match_case.isChecked(),
                                        self.whole_words.isChecked())

    def show_result(self, text: str) -> None:
        self.status.setText(text)
