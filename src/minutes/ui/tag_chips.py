"""What a transcript row carries, drawn as one picture: a padlock when off the record, a chip with each tag's
name on its colour, and a speech bubble when a comment is attached.

A coloured square alone made readers learn eight colours; the chip says the tag's name. The padlock comes
first and never replaces the tags, so a tagged remark that is off the record shows both. Chips that would
make the picture wider than a line of about twenty characters go on the next line, so that marks do not
squeeze the transcript's text on a small screen. Pictures are cached by what they show, so thousands of rows
repaint cheaply.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QApplication

from minutes.domain import Tag
from minutes.ui.tagging import lock_icon

_GAP = 3  # pixels between marks
_ICON = 14  # the padlock and the bubble


def marks_pixmap(tags: Sequence[Tag], confidential: bool, commented: bool) -> QPixmap | None:
    """The row's marks as one picture, or None when it has none."""
    if not (tags or confidential or commented):
        return None
    return _draw(tuple((t.name, t.color) for t in tags), confidential, commented)


def _chip_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
    return font


@lru_cache(maxsize=1024)
def _draw(chips: tuple[tuple[str, str], ...], confidential: bool, commented: bool) -> QPixmap:
    font = _chip_font()
    metrics = QFontMetrics(font)
    height = max(metrics.height() + 4, _ICON)
    # (kind, tag name, colour, width) in drawing order
    marks = ([("lock", "", "", _ICON)] * confidential
             + [("chip", name, color, metrics.horizontalAdvance(name) + 10) for name, color in chips]
             + [("bubble", "", "", _ICON)] * commented)
    line_width = max(metrics.averageCharWidth() * 20, *(width for *_, width in marks))
    places, x, line = [], 0, 0
    for kind, name, color, width in marks:
        if x and x + width > line_width:
            x, line = 0, line + 1
        places.append((kind, name, color, QRectF(x, line * (height + _GAP) + 0.5, width, height - 1)))
        x += width + _GAP
    pixmap = QPixmap(int(max(rect.right() for *_, rect in places)) + 1, (line + 1) * (height + _GAP) - _GAP)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    for kind, name, color, rect in places:
        icon_y = rect.top() + (height - _ICON) / 2
        if kind == "lock":
            painter.drawPixmap(int(rect.left()), int(icon_y), lock_icon(_ICON).pixmap(_ICON, _ICON))
        elif kind == "bubble":
            _bubble(painter, rect.left(), icon_y)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(rect, height / 2 - 1, height / 2 - 1)
            painter.setPen(QColor("white"))  # every default tag colour reaches 4.5:1 against white
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, name)
    painter.end()
    return pixmap


def _bubble(painter: QPainter, x: float, y: float) -> None:
    """A speech bubble drawn by hand (emoji fonts are often missing on offline laptops)."""
    path = QPainterPath()
    path.addRoundedRect(QRectF(x + 0.5, y + 0.5, _ICON - 1, _ICON * 0.7), 3, 3)
    path.moveTo(QPointF(x + _ICON * 0.3, y + _ICON * 0.7))
    path.lineTo(QPointF(x + _ICON * 0.25, y + _ICON - 0.5))
    path.lineTo(QPointF(x + _ICON * 0.55, y + _ICON * 0.7))
    painter.setPen(QColor("#3c4043"))
    painter.setBrush(QColor("#fff8c4"))
    painter.drawPath(path.simplified())
