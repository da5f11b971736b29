"""Fit the heights of the transcript rows on screen to their wrapped text.

Letting the header size every row (``ResizeToContents``) measures all of them on each change: a 3,000-row
session then takes seconds to open and to undo a replace-all. Only the rows in view (and a few beyond) are
measured, when the view scrolls, is resized or its rows change; the others keep the default height until
they come into view.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QTableView

MARGIN_ROWS = 5  # measured beyond the bottom edge, so a small scroll shows fitted rows at once


class VisibleRowHeights(QObject):
    """Keeps the visible rows of ``table`` as tall as their text needs."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self._model: QAbstractItemModel | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # once per batch of changes, after the event loop has settled them
        self._timer.timeout.connect(self.fit)
        table.verticalScrollBar().valueChanged.connect(self.schedule)
        table.horizontalHeader().sectionResized.connect(self.schedule)

    def set_model(self, model: QAbstractItemModel | None) -> None:
        """Follow ``model`` (the one the table shows) from now on."""
        if self._model is not None:
            for signal in (self._model.rowsInserted, self._model.dataChanged, self._model.modelReset,
                           self._model.layoutChanged):
                signal.disconnect(self.schedule)
        self._model = model
        if model is not None:
            for signal in (model.rowsInserted, model.dataChanged, model.modelReset, model.layoutChanged):
                signal.connect(self.schedule)
        self.schedule()

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def fit(self) -> None:
        if self._model is None or not self._model.rowCount():
            return
        count = self._model.rowCount()
        for _ in range(3):  # fitting a row moves the ones below it: repeat until the view holds still
            first = max(self.table.rowAt(0), 0)
            last = self.table.rowAt(self.table.viewport().height() - 1)
            last = count - 1 if last < 0 else min(count - 1, last + MARGIN_ROWS)
            before = [self.table.rowHeight(row) for row in range(first, last + 1)]
            for row in range(first, last + 1):
                self.table.resizeRowToContents(row)
            if before == [self.table.rowHeight(row) for row in range(first, last + 1)]:
                break
