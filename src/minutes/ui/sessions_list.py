"""The list of the workshop's sessions at the left of the window, with date, length, status and review state as
tooltip; a reviewed or approved session says so after its title."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.ui.secretariat import review_name

# A session's status as the tooltip shows it ("transcribed" shows nothing).
STATUSES = {
    "new": QT_TRANSLATE_NOOP("MainWindow", "new"),
    "recording": QT_TRANSLATE_NOOP("MainWindow", "recording"),
    "recorded": QT_TRANSLATE_NOOP("MainWindow", "recorded"),
    "transcribing": QT_TRANSLATE_NOOP("MainWindow", "transcribing"),
    "cancelled": QT_TRANSLATE_NOOP("MainWindow", "cancelled"),
}


class SessionsList(QListWidget):
    """The sessions of one store; ``currentItemChanged`` tells which one to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: WorkshopStore | None = None
        self.setObjectName("sessions")
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def current_session_id(self) -> int | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def reload(self, select_id: int | None = None) -> None:
        """List the sessions again and select ``select_id`` (else the current one, else the first)."""
        current = select_id if select_id is not None else self.current_session_id()
        self.blockSignals(True)
        self.clear()
        for session in self.store.sessions() if self.store else []:
            marked = session.review_status in ("reviewed", "approved")  # drafts, the default, carry no mark
            item = QListWidgetItem(f"{session.title}  ({review_name(session.review_status)})" if marked
                                   else session.title)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            parts = [session.date or QCoreApplication.translate("MainWindow", "no date"),
                     QCoreApplication.translate("MainWindow", "{0} min").format(f"{session.duration / 60:.0f}")]
            if session.status != "transcribed":
                status = STATUSES.get(session.status)
                parts.append(QCoreApplication.translate("MainWindow", status) if status else session.status)
            review = review_name(session.review_status)
            if session.reviewed_by:
                review = QCoreApplication.translate("MainWindow", "{0} by {1}").format(review, session.reviewed_by)
            parts.append(review)
            item.setToolTip(" · ".join(parts))
            self.addItem(item)
        self.blockSignals(False)
        rows = [i for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) == current]
        self.setCurrentRow(rows[0] if rows else (0 if self.count() else -1))
        if not self.count():
            self.currentItemChanged.emit(None, None)

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        if changes.sessions:
            self.reload()
