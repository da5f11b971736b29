"""A strip under the player showing the whole session along its time: tags on top, speech coloured by speaker
in the middle, doubtful places below, and the playhead. Clicking or dragging on it seeks.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from minutes.export.transcript import clock
from minutes.ui.speaker_colors import NO_SPEAKER

DOUBT = QColor("#f08c00")
CHECKED = QColor("#2f9e44")
_TAG_ROW, _SPEECH_ROW, _DOUBT_ROW = (2, 8), (12, 14), (28, 5)


class TimelineStrip(QWidget):
    """Paints spans given in seconds; ``seek_requested`` carries the seconds under a click."""

    seek_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMinimumHeight(36)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Session timeline"))
        self.setWhatsThis(self.tr("The session along its time: tags, speakers, doubtful places. Click to play from "
                                  "there."))
        self.duration = 0.0
        self.position = 0.0
        self._speech: list[tuple[float, float, QColor, bool]] = []
        self._tags: list[tuple[float, float, QColor]] = []
        self._doubts: list[tuple[float, float]] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(400, 36)

    def set_duration(self, seconds: float) -> None:
        self.duration = max(seconds, 0.0)
        self.update()

    def set_speech(self, spans: Iterable[tuple[float, float, QColor | None, bool]]) -> None:
        """(start, end, speaker colour or None, checked) of each segment."""
        self._speech = [(a, b, c if c is not None else QColor(NO_SPEAKER), checked) for a, b, c, checked in spans]
        self.update()

    def set_tags(self, spans: Iterable[tuple[float, float, QColor]]) -> None:
        self._tags = list(spans)
        self.update()

    def set_doubts(self, spans: Iterable[tuple[float, float]]) -> None:
        self._doubts = list(spans)
        self.update()

    def set_position(self, seconds: float) -> None:
        if abs(seconds - self.position) * self._scale() >= 1 or seconds == 0:
            self.position = seconds
            self.update()

    def seconds_at(self, x: float) -> float:
        return min(max(x / self._scale(), 0.0), self.duration) if self.duration else 0.0

    def _scale(self) -> float:
        return self.width() / self.duration if self.duration > 0 else 0.0

    def _span(self, start: float, end: float, row: tuple[int, int]) -> QRectF:
        scale = self._scale()
        return QRectF(start * scale, row[0], max((end - start) * scale, 1.0), row[1])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self.duration <= 0:
            return
        for start, end, color in self._tags:
            painter.fillRect(self._span(start, end, _TAG_ROW), color)
        for start, end, color, checked in self._speech:
            painter.fillRect(self._span(start, end, _SPEECH_ROW), color)
            if checked:
                painter.fillRect(self._span(start, end, (_SPEECH_ROW[0] + _SPEECH_ROW[1], 2)), CHECKED)
        for start, end in self._doubts:
            painter.fillRect(self._span(start, end, _DOUBT_ROW), DOUBT)
        x = self.position * self._scale()
        painter.setPen(QPen(self.palette().text().color(), 2))
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.duration > 0:
            self.seek_requested.emit(self.seconds_at(event.position().x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.duration <= 0:
            return
        seconds = self.seconds_at(event.position().x())
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.seek_requested.emit(seconds)
        QToolTip.showText(event.globalPosition().toPoint(), clock(seconds)[:8], self)
