"""The transcript of one session as a Qt table model: time, speaker, language, text.

Rows are segments in time order. Edits go through an ``editor`` callback (the session editor, which
wraps them in undo commands); the model only changes when the store did, through :meth:`apply`, with
fine-grained row signals so a three-hour transcript never resets while someone scrolls it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from minutes.domain import Segment
from minutes.export.transcript import clock

TIME, SPEAKER, LANGUAGE, TEXT = range(4)
_HEADERS = ("Time", "Speaker", "Lang", "Text")
_Index = QModelIndex | QPersistentModelIndex
SegmentRole = Qt.ItemDataRole.UserRole + 1
PLAYING = QBrush(QColor("#fff3c4"))
PROVISIONAL = QBrush(QColor("#7a7a7a"))


class TranscriptModel(QAbstractTableModel):
    """Segments of the open session; ``edit_text(row, text)`` is called for inline text edits."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._starts: list[tuple[float, int]] = []
        self._names: dict[int, str] = {}
        self._playing_row = -1
        self.edit_text: Callable[[int, str], None] | None = None

    # -- content -------------------------------------------------------------------------------

    def set_segments(self, segments: list[Segment], names: dict[int, str]) -> None:
        self.beginResetModel()
        self._segments = sorted(segments, key=_key)
        self._starts = [_key(s) for s in self._segments]
        self._names = dict(names)
        self._playing_row = -1
        self.endResetModel()

    def set_names(self, names: dict[int, str]) -> None:
        self._names = dict(names)
        if self._segments:
            self.dataChanged.emit(self.index(0, SPEAKER), self.index(len(self._segments) - 1, SPEAKER))

    def apply(self, removed_ids: list[int], added: list[Segment]) -> None:
        """Reflect a store change: rows removed by id, new rows inserted in time order."""
        removed = set(removed_ids)
        for row in sorted((r for r, s in enumerate(self._segments) if s.id in removed), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._segments[row]
            del self._starts[row]
            self.endRemoveRows()
        for segment in sorted(added, key=_key):
            row = bisect.bisect_right(self._starts, _key(segment))
            self.beginInsertRows(QModelIndex(), row, row)
            self._segments.insert(row, segment)
            self._starts.insert(row, _key(segment))
            self.endInsertRows()

    def segment(self, row: int) -> Segment:
        return self._segments[row]

    def segments(self) -> list[Segment]:
        return list(self._segments)

    def row_of(self, segment_id: int) -> int:
        return next((r for r, s in enumerate(self._segments) if s.id == segment_id), -1)

    def row_at(self, seconds: float) -> int:
        """The row playing at ``seconds`` (the last one started by then), or -1."""
        row = bisect.bisect_right(self._starts, (seconds, float("inf"))) - 1
        if row >= 0 and seconds <= self._segments[row].end + 0.5:
            return row
        return -1

    def set_playing_row(self, row: int) -> None:
        if row == self._playing_row:
            return
        old, self._playing_row = self._playing_row, row
        for changed in (old, row):
            if 0 <= changed < len(self._segments):
                self.dataChanged.emit(self.index(changed, 0), self.index(changed, TEXT),
                                      [Qt.ItemDataRole.BackgroundRole])

    # -- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == TEXT else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        segment = self._segments[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == TIME:
                return clock(segment.start)[:8]
            if column == SPEAKER:
                return self._names.get(segment.speaker_id, "") if segment.speaker_id is not None else ""
            if column == LANGUAGE:
                return segment.language
            return segment.text
        if role == SegmentRole:
            return segment
        if role == Qt.ItemDataRole.BackgroundRole and index.row() == self._playing_row:
            return PLAYING
        if role == Qt.ItemDataRole.ForegroundRole and segment.provisional:
            return PROVISIONAL
        if role == Qt.ItemDataRole.FontRole and segment.provisional:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            state = " · provisional (live)" if segment.provisional else ""
            return f"{clock(segment.start)} – {clock(segment.end)} · {segment.language or '?'}{state}"
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001, N802
        if role != Qt.ItemDataRole.EditRole or index.column() != TEXT or self.edit_text is None:
            return False
        text = str(value).strip()
        if not text or text == self._segments[index.row()].text:
            return False
        self.edit_text(index.row(), text)
        return True


def _key(segment: Segment) -> tuple[float, int]:
    return (segment.start, segment.id or 0)
