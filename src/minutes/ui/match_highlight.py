"""Painting a transcript cell with the words a search found marked, as an editor's find does.

The cell is drawn by the style as usual (background, selection, focus) without its text, then the text is
laid out with :class:`QTextDocument` at the cell's width (it wraps like the plain cell) with each match on a
marker background: yellow, and orange in the segment the find bar is on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MATCH = QColor("#ffe066")  # a highlighter yellow; black text on it reads at over 15:1
CURRENT = QColor("#ffa94d")  # the match the find bar is on


def paint_matches(delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
                  index: QModelIndex, pattern: re.Pattern[str], current: bool) -> bool:
    """Paint the cell with its matches marked; False (nothing painted) when its text has no match."""
    text = index.data() or ""
    found = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    if not found:
        return False
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    style = opt.widget.style() if opt.widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
    document = QTextDocument()
    document.setDefaultFont(opt.font)
    document.setDocumentMargin(2)
    document.setPlainText(text)
    document.setTextWidth(area.width())
    mark = QTextCharFormat()
    mark.setBackground(CURRENT if current else MATCH)
    mark.setForeground(QColor("black"))
    cursor = QTextCursor(document)
    for start, end in found:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
    context = QAbstractTextDocumentLayout.PaintContext()
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
    painter.save()
    painter.translate(area.topLeft())
    painter.setClipRect(area.translated(-area.topLeft()))
    document.documentLayout().draw(painter, context)
    painter.restore()
    return True
