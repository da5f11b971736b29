"""Paints the transcript's text with its doubt visible: words below the threshold shaded and underlined, a
marker in the margin for flagged segments (orange) and checked ones (green), the speaker's colour on the edge.

Only rows on screen are painted and measured, so a 3,000-segment session opens as fast as without doubt. The
text is laid out with a QTextDocument for both painting and measuring, so the row heights fit what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from minutes.domain import Segment
from minutes.doubt import DEFAULT_THRESHOLD, Doubt, segment_doubt
from minutes.operations.checking import word_offsets

SHADE = QColor("#ffe3bf")
UNDERLINE = QColor("#d9480f")
FLAGGED = QColor("#f08c00")
CHECKED = QColor("#2f9e44")
MARGIN = 10  # left of the text: the speaker's colour, then the flag or check marker
_PAD = 3
_Index = QModelIndex | QPersistentModelIndex


class DoubtDelegate(QStyledItemDelegate):
    """Draws one segment's text; ``segment_of(index)`` gives the segment, ``speaker_color(id)`` its colour."""

    def __init__(self, parent: QWidget, segment_of: Callable[[_Index], Segment | None]) -> None:
        super().__init__(parent)
        self.segment_of = segment_of
        self.threshold = DEFAULT_THRESHOLD
        self.unconfirmed: set[int] = set()
        self.speaker_color: Callable[[int | None], QColor | None] = lambda _sid: None
        self.shown = True

    def doubt(self, segment: Segment) -> Doubt:
        if not self.shown:
            return Doubt()
        return segment_doubt(segment, self.threshold, self.unconfirmed)

    def _document(self, option: QStyleOptionViewItem, segment: Segment | None, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(_PAD)
        document.setDefaultFont(option.font)
        document.setPlainText(option.text)
        document.setTextWidth(max(width, 20.0))
        if segment is not None and segment.text == option.text:
            spans = word_offsets(segment)
            marked = QTextCharFormat()
            marked.setBackground(SHADE)
            marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            marked.setUnderlineColor(UNDERLINE)
            marked.setForeground(QColor("#1a1a1a"))  # readable on the shade in a selected row too
            for index in self.doubt(segment).words if spans else ():
                cursor = QTextCursor(document)
                cursor.setPosition(spans[index][0])
                cursor.setPosition(spans[index][1], QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(marked)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        segment = self.segment_of(index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        opt.text = text
        rect = opt.rect
        painter.save()
        if segment is not None:
            color = self.speaker_color(segment.speaker_id)
            if color is not None:
                painter.fillRect(QRectF(rect.left(), rect.top() + 1, 3, rect.height() - 2), color)
            doubt = self.doubt(segment)
            marker = FLAGGED if doubt.flags else CHECKED if segment.checked else None
            if marker is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(marker)
                painter.drawEllipse(QRectF(rect.left() + 4, rect.top() + _PAD + 4, 5, 5))
        document = self._document(opt, segment, rect.width() - MARGIN)
        top = rect.top() + max((rect.height() - document.size().height()) / 2, 0)
        painter.translate(rect.left() + MARGIN, top)
        painter.setClipRect(QRectF(0, 0, rect.width() - MARGIN, rect.height()))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 - Qt override
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.rect.width() if opt.rect.width() > 0 else 400
        document = self._document(opt, self.segment_of(index), width - MARGIN)
        return QSize(int(document.idealWidth()) + MARGIN, int(document.size().height()) + 1)
