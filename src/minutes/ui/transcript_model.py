"""The transcript of one session as a Qt table model: time, speaker, text."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from minutes.domain import Segment
from minutes.export.transcript import clock

_HEADERS = ("Time", "Speaker", "Text")
_Index = QModelIndex | QPersistentModelIndex


class TranscriptModel(QAbstractTableModel):
    """Rows are segments in time order; segments arriving from a worker are appended in place."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._names: dict[int, str] = {}

    def set_segments(self, segments: list[Segment], names: dict[int, str]) -> None:
        self.beginResetModel()
        self._segments = list(segments)
        self._names = dict(names)
        self.endResetModel()

    def append_segments(self, segments: list[Segment]) -> None:
        if not segments:
            return
        first = len(self._segments)
        self.beginInsertRows(QModelIndex(), first, first + len(segments) - 1)
        self._segments.extend(segments)
        self.endInsertRows()

    def segment(self, row: int) -> Segment:
        return self._segments[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        segment = self._segments[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return clock(segment.start)[:8]
            if index.column() == 1:
                return self._names.get(segment.speaker_id, "") if segment.speaker_id is not None else ""
            return segment.text
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{clock(segment.start)} – {clock(segment.end)} ({segment.language or '?'})"
        return None
