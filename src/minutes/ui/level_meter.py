"""The recorder panel's level meter: a peak bar that rises at once and falls slowly."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0
_FALL_DB_PER_UPDATE = 1.5  # at ~15 updates/s the bar falls ~22 dB/s, like a peak programme meter
_ZONES = ((-12.0, QColor("#3a9d4a")), (-3.0, QColor("#d9a21b")), (0.0, QColor("#d23c2a")))


class LevelMeter(QWidget):
    """A horizontal peak meter from −60 to 0 dBFS: green, amber above −12, red above −3.

    ``set_level`` takes the latest block's peak; the bar rises at once and falls slowly, so speech reads as
    a steady bar instead of a flicker. ``level`` is the last raw value given (for tests and tooltips).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = FLOOR_DB
        self._shown = FLOOR_DB
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Input level"))
        self.setToolTip(self.tr("Input level (peak). Speech should move it into the green, rarely into the red."))

    def set_level(self, dbfs: float) -> None:
        self.level = max(FLOOR_DB, min(0.0, dbfs))
        self._shown = max(self.level, self._shown - _FALL_DB_PER_UPDATE)
        self.setAccessibleDescription(self.tr("{0} dBFS").format(f"{self.level:.0f}"))
        self.update()

    def reset(self) -> None:
        self.level = self._shown = FLOOR_DB
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(220, 14)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(80, 10)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802, ARG002 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        palette = self.palette()
        painter.setPen(QPen(palette.mid().color()))
        painter.setBrush(palette.base())
        painter.drawRoundedRect(frame, 3, 3)
        inner = frame.adjusted(2, 2, -2, -2)
        fraction = (self._shown - FLOOR_DB) / -FLOOR_DB
        if fraction > 0 and self.isEnabled():
            colour = next(c for limit, c in _ZONES if self._shown <= limit)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(inner.left(), inner.top(), inner.width() * fraction, inner.height()), 2, 2)
        # Marks at −12 and −3 dBFS show where the colour changes, so "too quiet" is visible at a glance.
        painter.setPen(QPen(palette.mid().color()))
        for limit, _ in _ZONES[:-1]:
            x = inner.left() + inner.width() * (limit - FLOOR_DB) / -FLOOR_DB
            painter.drawLine(int(x), int(inner.top()), int(x), int(inner.bottom()))
        painter.end()
