"""The rapporteur's notes of a session: its summary and its decisions / recommendations.

The summary is plain text (the Word minutes make one paragraph of each line); recommendations are a list
of lines, one numbered item each in the minutes. Both are saved to the store by themselves, half a second
after typing stops, when the editor loses focus, and on :meth:`NotesPanel.flush`, which the window calls
before it switches session, closes the workshop or quits, so no text is ever lost. Each save is an undo
step of the window (``record``); the saves of one session that follow each other make one step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes.errors import MinutesError
from minutes.operations.changes import OpChanges
from minutes.operations.sessions import set_notes
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import show_error, use_traditional_chinese_fonts
from minutes.ui.undo import Record, no_undo

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 500
_EDITABLE = (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemIsEnabled)


class NotesPanel(QWidget):
    """Summary and recommendations of one session, saved automatically.

    Signals:
        saved(int): the session's notes were written to the store.
    """

    saved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: WorkshopStore | None = None
        self.session_id: int | None = None
        self._dirty = False
        self._writable = False
        self._loading = False  # filling the editors from the store is not an edit
        self._error_shown = False  # one message box per failure streak, not one per keystroke
        use_traditional_chinese_fonts(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        # Asked before the first change of a session's notes: the window confirms changing an approved session.
        self.may_edit: Callable[[int], bool] = lambda _session_id: True
        self.record: Record = no_undo  # the window's undo history

        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setPlaceholderText(self.tr("Summary of the session, written by the rapporteur.\n\n"
                                                "Each line becomes a paragraph in the Word minutes."))
        self.summary.textChanged.connect(self._edited)
        self.summary.installEventFilter(self)

        self.recommendations = QListWidget()
        self.recommendations.setObjectName("recommendations")
        self.recommendations.setAccessibleName(self.tr("Decisions and recommendations"))
        self.recommendations.setWordWrap(True)
        self.recommendations.setAlternatingRowColors(True)
        self.recommendations.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.recommendations.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                             | QAbstractItemView.EditTrigger.EditKeyPressed
                                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.recommendations.setToolTip(self.tr("One decision or recommendation per line, numbered in this order "
                                                "in the minutes. Double-click or press F2 to edit; drag to reorder."))
        self.recommendations.itemChanged.connect(lambda _item: self._edited())
        self.recommendations.model().rowsMoved.connect(lambda *_: self._edited())
        self.recommendations.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.recommendations.installEventFilter(self)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, tip, slot in (
            ("add", self.tr("&Add"), self.tr("Add a decision or recommendation"), self.add_recommendation),
            ("remove", self.tr("&Remove"), self.tr("Remove the selected line"), self.remove_selected),
            ("up", self.tr("Up"), self.tr("Move the selected line up"), lambda: self.move_selected(-1)),
            ("down", self.tr("Down"), self.tr("Move the selected line down"), lambda: self.move_selected(1)),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel(self.tr("&Summary"), buddy=self.summary))
        layout.addWidget(self.summary, 3)
        layout.addWidget(QLabel(self.tr("&Decisions and recommendations"), buddy=self.recommendations))
        layout.addWidget(self.recommendations, 2)
        layout.addLayout(row)
        self.show_session(None, None)

    # -- session -------------------------------------------------------------------------------

    def show_session(self, store: WorkshopStore | None, session_id: int | None) -> None:
        """Show a session's notes (saving the previous session's first), or nothing."""
        self.flush()
        self.store, self.session_id = store, session_id
        self._loading = True
        try:
            session = store.session(session_id) if store is not None and session_id is not None else None
            self.summary.setPlainText(session.summary if session else "")
            self.recommendations.clear()
            for line in session.recommendations if session else []:
                self.recommendations.addItem(self._item(line))
        finally:
            self._loading = False
        self._dirty = False
        writable = session is not None and not store.read_only
        self.summary.setEnabled(session is not None)
        self.summary.setReadOnly(not writable)
        self.recommendations.setEnabled(session is not None)
        self._writable = writable
        self._update_buttons()

    def recommendation_lines(self) -> list[str]:
        """The recommendations as they will be stored: trimmed, blank lines left out."""
        lines = (self.recommendations.item(row).text().strip() for row in range(self.recommendations.count()))
        return [line for line in lines if line]

    # -- saving --------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading or self.session_id is None:
            return
        if not self._dirty and not self.may_edit(self.session_id):
            # Not confirmed (an approved session): the notes go back to what was approved.
            QTimer.singleShot(0, lambda: self.show_session(self.store, self.session_id))
            return
        self._dirty = True
        self.timer.start()  # restarting it is the debounce: save once typing pauses

    def flush(self) -> bool:
        """Write unsaved notes now; True if nothing is left unsaved."""
        self.timer.stop()
        self._commit_open_editor()
        if not self._dirty or self.store is None or self.session_id is None:
            return not self._dirty
        try:
            done = set_notes(self.store, self.session_id, self.summary.toPlainText().rstrip(),
                             self.recommendation_lines())
        except MinutesError as exc:
            # Keep the text in the editors and stay dirty, so the next pause or flush tries again.
            log.warning("notes of session %s not saved: %s", self.session_id, exc)
            if not self._error_shown:
                self._error_shown = True
                show_error(self, exc)
            return False
        self._dirty, self._error_shown = False, False
        self.record(done, self.tr("Edit notes"), merge=self.session_id)
        self.saved.emit(self.session_id)
        return True

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        """Show the notes again when an undo or redo changed them."""
        if not changes.notes or self.store is None or self.session_id is None \
                or changes.session_id not in (None, self.session_id):
            return
        session = self.store.session(self.session_id)
        if (session.summary, session.recommendations) != (self.summary.toPlainText().rstrip(),
                                                          self.recommendation_lines()):
            self.timer.stop()
            self._dirty = False
            self.show_session(self.store, self.session_id)

    def _commit_open_editor(self) -> None:
        """Take in a recommendation still being typed: closing the window must not drop it."""
        if self.recommendations.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit) and self.recommendations.isAncestorOf(editor):
            self.recommendations.commitData(editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self.flush()
        return super().eventFilter(watched, event)

    # -- recommendations -----------------------------------------------------------------------

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(_EDITABLE)
        return item

    def _update_buttons(self) -> None:
        row, count = self.recommendations.currentRow(), self.recommendations.count()
        writable = self._writable
        self.buttons["add"].setEnabled(writable)
        self.buttons["remove"].setEnabled(writable and row >= 0)
        self.buttons["up"].setEnabled(writable and row > 0)
        self.buttons["down"].setEnabled(writable and 0 <= row < count - 1)

    def add_recommendation(self, text: str = "", *, edit: bool = True) -> QListWidgetItem:
        """Append a line (after the selected one) and, from the button, open it for typing."""
        item = self._item(text)
        row = self.recommendations.currentRow()
        self.recommendations.insertItem(row + 1 if row >= 0 else self.recommendations.count(), item)
        self.recommendations.setCurrentItem(item)
        if text:
            self._edited()
        if edit:
            self.recommendations.editItem(item)
        self._update_buttons()
        return item

    def remove_selected(self) -> None:
        row = self.recommendations.currentRow()
        if row >= 0:
            self.recommendations.takeItem(row)
            self._edited()
            self._update_buttons()

    def move_selected(self, step: int) -> None:
        row = self.recommendations.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.recommendations.count():
            return
        item = self.recommendations.takeItem(row)
        self.recommendations.insertItem(target, item)
        self.recommendations.setCurrentItem(item)
        self._edited()
        self._update_buttons()
