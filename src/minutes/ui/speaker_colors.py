"""One colour per speaker of a session, the same in the transcript, the speakers dock, the key strategies and
the timeline, so a reader tells voices apart at a glance.

Colours follow the order of the session's speakers (first voice heard, first colour) from a palette that
stays distinct for colour-blind readers (Okabe–Ito first) and readable as text on white.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#b8860b", "#56b4e9", "#8c564b", "#6a3d9a",
           "#e31a1c", "#33a02c", "#1f78b4", "#7f7f7f")
NO_SPEAKER = "#9e9e9e"


def speaker_colors(speaker_ids: Iterable[int]) -> dict[int, QColor]:
    """Speaker id → colour, in the order given (the session's speakers by id)."""
    return {sid: QColor(PALETTE[i % len(PALETTE)]) for i, sid in enumerate(speaker_ids)}


@cache
def dot(color: str, size: int = 12) -> QIcon:
    """A round swatch of ``color`` for lists and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
