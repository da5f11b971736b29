"""The list of the workshop's sessions at the left of the window: each title (with its review state once
reviewed or approved) over its date, duration, recording/transcription state and review state."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from minutes.domain import Session, SessionStatus
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.ui.secretariat import review_name

# A session's status and review state as the list shows them under its title.
STATUSES = {
    SessionStatus.NEW: QT_TRANSLATE_NOOP("MainWindow", "new"),
    SessionStatus.TRANSCRIBED: QT_TRANSLATE_NOOP("MainWindow", "transcribed"),
    SessionStatus.RECORDING: QT_TRANSLATE_NOOP("MainWindow", "recording"),
    SessionStatus.RECORDED: QT_TRANSLATE_NOOP("MainWindow", "recorded"),
    SessionStatus.TRANSCRIBING: QT_TRANSLATE_NOOP("MainWindow", "transcribing"),
    SessionStatus.LABELLING: QT_TRANSLATE_NOOP("MainWindow", "labelling speakers"),
    SessionStatus.TRANSLATING: QT_TRANSLATE_NOOP("MainWindow", "translating"),
    SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("MainWindow", "cancelled"),
}
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 1


class SessionsList(QListWidget):
    """The sessions of one store; ``currentItemChanged`` tells which one to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: WorkshopStore | None = None
        self.setObjectName("sessions")
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_SessionDelegate(self))

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
            details = " · ".join(session_details(session))
            item.setData(DETAILS_ROLE, details)
            item.setToolTip(details)
            self.addItem(item)
        self.blockSignals(False)
        rows = [i for i in range(self.count()) if self.item(i).data(Qt.ItemDataRole.UserRole) == current]
        self.setCurrentRow(rows[0] if rows else (0 if self.count() else -1))
        if not self.count():
            self.currentItemChanged.emit(None, None)

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        if changes.sessions:
            self.reload()


def session_details(session: Session) -> list[str]:
    """Date, duration, recording/transcription state and review state (and by whom), in the interface language."""
    translate = QCoreApplication.translate
    status = STATUSES.get(session.status)
    review = review_name(session.review_status)
    if session.reviewed_by:
        review = translate("MainWindow", "{0} by {1}").format(review, session.reviewed_by)
    details = [session.date or translate("MainWindow", "no date")]
    if session.duration > 0:  # a session not recorded yet has no length to show: its state says "new"
        details.append(duration_text(session.duration))
    return [*details, translate("MainWindow", status) if status else session.status, review]


def duration_text(seconds: float) -> str:
    """A session's length as a reader says it: 9 s, 45 min, 1 h 30 min."""
    translate = QCoreApplication.translate
    minutes = round(seconds / 60)
    if seconds < 60:
        return translate("MainWindow", "{0} s").format(f"{seconds:.0f}")
    if minutes < 60:
        return translate("MainWindow", "{0} min").format(minutes)
    return translate("MainWindow", "{0} h {1} min").format(minutes // 60, minutes % 60)


class _SessionDelegate(QStyledItemDelegate):
    """The title as the list draws it, and the details in a smaller grey line under it."""

    def _details_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + QFontMetrics(self._details_font(option)).height() + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        details = index.data(DETAILS_ROLE) or ""
        line = QFontMetrics(self._details_font(option)).height() + 2
        title = QStyleOptionViewItem(option)
        title.rect = QRect(option.rect.left(), option.rect.top(), option.rect.width(), option.rect.height() - line)
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        super().paint(painter, title, index)
        painter.save()
        painter.setFont(self._details_font(option))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected
                                            else QPalette.ColorRole.PlaceholderText))
        rect = QRect(option.rect.left() + 4, option.rect.bottom() - line, option.rect.width() - 8, line)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(details, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
