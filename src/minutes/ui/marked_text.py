"""A cell's text laid out with some spans marked, and painted the way the style paints plain text.

The find bar's matches and the review's doubtful words are both drawn this way: the style draws the cell
without its text (background, selection, focus), then a :class:`QTextDocument` at the cell's width draws the
text, wrapping like the plain cell, in the palette's text colour for a selected row or not.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem


def marked_document(text: str, font: QFont, width: float, spans: Iterable[tuple[int, int]], mark: QTextCharFormat,
                    margin: float = 0.0) -> QTextDocument:
    """``text`` laid out at ``width`` with each (start, end) span in ``mark``'s format."""
    document = QTextDocument()
    document.setDocumentMargin(margin)
    document.setDefaultFont(font)
    document.setPlainText(text)
    document.setTextWidth(width)
    cursor = QTextCursor(document)
    for start, end in spans:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
    return document


def draw_document(painter: QPainter, document: QTextDocument, option: QStyleOptionViewItem, area: QRectF) -> None:
    """Paint ``document`` in ``area`` of a cell, centred in its height when it is shorter, as plain text is."""
    top = area.top() + max(0.0, (area.height() - document.size().height()) / 2)
    context = QAbstractTextDocumentLayout.PaintContext()
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
    painter.save()
    painter.translate(area.left(), top)
    painter.setClipRect(QRectF(0, area.top() - top, area.width(), area.height()))
    document.documentLayout().draw(painter, context)
    painter.restore()
