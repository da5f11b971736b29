"""Find and replace across the open session (a bar under the transcript, like an editor's).

Esc closes it; the transcript then stops highlighting the matches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget


class FindBar(QWidget):
    """Emits what to find or replace; the transcript view asks the session editor to do it.

    Signals:
        find_requested(needle, match case, whole words, backwards): go to the next (or previous) match.
        replace_requested(needle, replacement, match case, whole words): replace in the current segment, then
            go to the next match.
        replace_all_requested(needle, replacement, match case, whole words): replace in every segment.
        closed(): the bar was closed (Esc or Close).
    """

    find_requested = Signal(str, bool, bool, bool)
    replace_requested = Signal(str, str, bool, bool)
    replace_all_requested = Signal(str, str, bool, bool)
    closed = Signal()

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
        self.replace_one_button = QPushButton(self.tr("Replace"))
        self.replace_one_button.setToolTip(self.tr("Replace in the current segment, then go to the next match"))
        self.replace_button = QPushButton(self.tr("Replace all"))
        self.replace_button.setToolTip(self.tr("Replace in every segment of the session (one undo step)"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        self.status = QLabel()
        # Two rows, find above replace as in an editor: on one row at 1366 px the buttons squeezed what is
        # typed to a few letters and widened the window.
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setVerticalSpacing(2)
        for column, widget in enumerate((self.find_edit, self.previous_button, self.next_button, self.match_case,
                                         self.whole_words, self.status)):
            layout.addWidget(widget, 0, column)
        layout.addWidget(self.close_button, 0, 6, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.replace_edit, 1, 0)
        layout.addWidget(self.replace_one_button, 1, 1)
        layout.addWidget(self.replace_button, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(5, 1)
        self.find_edit.returnPressed.connect(lambda: self._find(backwards=False))
        self.next_button.clicked.connect(lambda: self._find(backwards=False))
        self.previous_button.clicked.connect(lambda: self._find(backwards=True))
        self.replace_edit.returnPressed.connect(self._replace)
        self.replace_one_button.clicked.connect(self._replace)
        self.replace_button.clicked.connect(self._replace_all)
        self.close_button.clicked.connect(self.close_bar)

    def open(self) -> None:
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.status.clear()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _values(self) -> tuple[str, bool, bool]:
        return self.find_edit.text(), self.match_case.isChecked(), self.whole_words.isChecked()

    def _find(self, *, backwards: bool) -> None:
        needle, match_case, whole_words = self._values()
        self.find_requested.emit(needle, match_case, whole_words, backwards)

    def _replace(self) -> None:
        needle, match_case, whole_words = self._values()
        self.replace_requested.emit(needle, self.replace_edit.text(), match_case, whole_words)

    def _replace_all(self) -> None:
        needle, match_case, whole_words = self._values()
        self.replace_all_requested.emit(needle, self.replace_edit.text(), match_case, whole_words)

    def show_result(self, text: str) -> None:
        self.status.setText(text)
