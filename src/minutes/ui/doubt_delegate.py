"""Paints the transcript's text with its doubt visible: words below the threshold shaded and underlined, a
marker in the margin for flagged segments (orange) and checked ones (green), the speaker's colour on the edge.

Only rows on screen are painted and measured, so a 3,000-segment session opens as fast as without doubt. The
text is laid out with a QTextDocument for both painting and measuring, so the row heights fit what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from minutes.domain import Segment
from minutes.doubt import DEFAULT_THRESHOLD, Doubt, segment_doubt
from minutes.operations.checking import word_offsets
from minutes.ui.marked_text import draw_document, marked_document

SHADE = QColor("#ffe3bf")
UNDERLINE = QColor("#d9480f")
FLAGGED = QColor("#f08c00")
CHECKED = QColor("#2f9e44")
MARGIN = 10  # left of the text: the speaker's colour, then the flag or check marker
_PAD = 3
_CACHED = 400  # rows with doubt kept laid out: a few screens' worth
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
        self._documents: dict[tuple, QTextDocument] = {}  # laid-out rows with doubt, for paint and size

    def doubt(self, segment: Segment) -> Doubt:
        if not self.shown:
            return Doubt()
        return segment_doubt(segment, self.threshold, self.unconfirmed)

    def _spans(self, segment: Segment | None, text: str) -> tuple[tuple[int, int], ...]:
        """Character spans of the doubtful words in ``text`` (none if the words no longer match it)."""
        if segment is None or segment.text != text:
            return ()
        doubtful = self.doubt(segment).words
        offsets = word_offsets(segment) if doubtful else None
        return tuple(offsets[i] for i in doubtful) if offsets else ()

    def _document(self, option: QStyleOptionViewItem, spans: tuple[tuple[int, int], ...], width: float
                  ) -> QTextDocument:
        key = (option.text, spans, int(width), option.font.key())
        document = self._documents.get(key)
        if document is not None:
            return document
        marked = QTextCharFormat()
        marked.setBackground(SHADE)
        marked.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        marked.setUnderlineColor(UNDERLINE)
        marked.setForeground(QColor("#1a1a1a"))  # readable on the shade in a selected row too
        document = marked_document(option.text, option.font, max(width, 20.0), spans, marked, margin=_PAD)
        if len(self._documents) >= _CACHED:
            self._documents.pop(next(iter(self._documents)))
        self._documents[key] = document
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        segment = self.segment_of(index)
        spans = self._spans(segment, opt.text)
        rect = opt.rect
        if not spans:
            # No doubtful word: Qt draws the row as usual, right of the margin.
            plain = QStyleOptionViewItem(option)
            plain.rect = rect.adjusted(MARGIN, 0, 0, 0)
            QStyledItemDelegate.paint(self, painter, plain, index)
            background = QStyleOptionViewItem(opt)
            background.rect = QRect(rect.left(), rect.top(), MARGIN, rect.height())
            background.text = ""
            self._style(opt).drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, opt.widget)
        else:
            text, opt.text = opt.text, ""
            self._style(opt).drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
            opt.text = text
        self.paint_marks(painter, rect, segment)
        if not spans:
            return
        document = self._document(opt, spans, rect.width() - MARGIN)
        draw_document(painter, document, opt, QRectF(rect.left() + MARGIN, rect.top(), rect.width() - MARGIN,
                                                     rect.height()))

    def paint_marks(self, painter: QPainter, rect: QRect, segment: Segment | None) -> None:
        """The speaker's colour on the left edge, then an orange dot if flagged or a green one if checked."""
        if segment is None:
            return
        painter.save()
        color = self.speaker_color(segment.speaker_id)
        if color is not None:
            painter.fillRect(QRectF(rect.left(), rect.top() + 1, 3, rect.height() - 2), color)
        marker = FLAGGED if self.doubt(segment).flags else CHECKED if segment.checked else None
        if marker is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(marker)
            painter.drawEllipse(QRectF(rect.left() + 4, rect.top() + _PAD + 4, 5, 5))
        painter.restore()

    @staticmethod
    def _style(option: QStyleOptionViewItem) -> QStyle:
        return option.widget.style() if option.widget is not None else QApplication.style()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 - Qt override
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.rect.width() if opt.rect.width() > 0 else 400
        spans = self._spans(self.segment_of(index), opt.text)
        if not spans:
            plain = QStyleOptionViewItem(option)
            plain.rect = option.rect.adjusted(0, 0, -MARGIN, 0)
            size = QStyledItemDelegate.sizeHint(self, plain, index)
            return QSize(size.width() + MARGIN, size.height())
        document = self._document(opt, spans, width - MARGIN)
        return QSize(int(document.idealWidth()) + MARGIN, int(document.size().height()) + 1)
