"""Painting a transcript cell with the words a search found marked, as an editor's find does.

The cell is drawn by the style as usual (background, selection, focus) without its text, then the text is
laid out with :class:`QTextDocument` at the cell's width (it wraps like the plain cell) with each match on a
marker background: yellow, and orange in the segment the find bar is on.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QRectF
from PySide6.QtGui import QColor, QPainter, QTextCharFormat
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from minutes.ui.marked_text import draw_document, marked_document

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
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
    area.adjust(margin, 0, -margin, 0)  # the inset the style gives plain text, so marked rows line up
    mark = QTextCharFormat()
    mark.setBackground(CURRENT if current else MATCH)
    mark.setForeground(QColor("black"))
    draw_document(painter, marked_document(text, opt.font, area.width(), found, mark), opt, QRectF(area))
    return True
