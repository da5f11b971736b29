"""The transcript of one session as a Qt table model: time, speaker, language, text.

Rows are segments in time order. Edits go through an ``editor`` callback (the session editor, which
wraps them in undo commands); the model only changes when the store did, through :meth:`apply`, with
fine-grained row signals so a three-hour transcript never resets while someone scrolls it.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from minutes.domain import Annotation, Segment, Tag
from minutes.export.transcript import clock
from minutes.store.tagging import overlaps
from minutes.ui.tag_chips import marks_pixmap

TIME, SPEAKER, LANGUAGE, TEXT = range(4)
_HEADERS = (QT_TRANSLATE_NOOP("TranscriptModel", "Time"), QT_TRANSLATE_NOOP("TranscriptModel", "Speaker"),
            QT_TRANSLATE_NOOP("TranscriptModel", "Lang"), QT_TRANSLATE_NOOP("TranscriptModel", "Text"))
_Index = QModelIndex | QPersistentModelIndex
SegmentRole = Qt.ItemDataRole.UserRole + 1
PLAYING = QBrush(QColor("#fff3c4"))
PROVISIONAL = QBrush(QColor("#7a7a7a"))
CONFIDENTIAL = QBrush(QColor("#f6e3e3"))


class TranscriptModel(QAbstractTableModel):
    """Segments of the open session; ``edit_text(row, text)`` is called for inline text edits."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._starts: list[tuple[float, int]] = []
        self._names: dict[int, str] = {}
        self._playing_row = -1
        self._annotations: list[Annotation] = []
        self._tags: dict[int, Tag] = {}
        self._marks: dict[tuple[float, float], _Marks] = {}  # by segment span; cleared when tags change
        self.edit_text: Callable[[int, str], None] | None = None
        self._speaker_colors: dict[int, QColor] = {}

    # -- content -------------------------------------------------------------------------------

    def set_segments(self, segments: list[Segment], names: dict[int, str]) -> None:
        self.beginResetModel()
        self._segments = sorted(segments, key=_key)
        self._starts = [_key(s) for s in self._segments]
        self._names = dict(names)
        self._playing_row = -1
        self.endResetModel()

    def set_speaker_colors(self, colors: dict[int, QColor]) -> None:
        """Write each speaker's name in its colour (the same as in the speakers dock and the timeline)."""
        self._speaker_colors = dict(colors)
        if self._segments:
            self.dataChanged.emit(self.index(0, SPEAKER), self.index(len(self._segments) - 1, SPEAKER))

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

    def set_annotations(self, annotations: list[Annotation], tags: dict[int, Tag]) -> None:
        """Show which segments are tagged (a chip with the tag's name), commented or off the record."""
        self._annotations = sorted(annotations, key=lambda a: a.start)
        self._tags = dict(tags)
        self._marks.clear()
        if self._segments:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._segments) - 1, TEXT))

    def marks(self, row: int) -> _Marks:
        """The tags and confidentiality of the annotations that share time with the row's segment."""
        segment = self._segments[row]
        key = (segment.start, segment.end)
        if key not in self._marks:
            found = [a for a in self._annotations if overlaps(segment.start, segment.end, a.start, a.end)]
            tags = [self._tags[t] for a in found for t in a.tag_ids if t in self._tags]
            unique = list({t.id: t for t in tags}.values())
            self._marks[key] = _Marks(unique, any(a.confidential for a in found),
                                      [a.comment for a in found if a.comment])
        return self._marks[key]

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
            return self.tr(_HEADERS[section])
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
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self._playing_row:
                return PLAYING
            return CONFIDENTIAL if self._annotations and self.marks(index.row()).confidential else None
        if role == Qt.ItemDataRole.DecorationRole and column == TIME and self._annotations:
            marks = self.marks(index.row())
            return marks_pixmap(marks.tags, marks.confidential, bool(marks.comments))
        if role == Qt.ItemDataRole.ForegroundRole and segment.provisional:
            return PROVISIONAL
        if role == Qt.ItemDataRole.ForegroundRole and column == SPEAKER and segment.speaker_id in self._speaker_colors:
            return self._speaker_colors[segment.speaker_id]
        if role == Qt.ItemDataRole.FontRole and segment.provisional:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            state = self.tr(" · provisional (live)") if segment.provisional else ""
            lines = [f"{clock(segment.start)} – {clock(segment.end)} · {segment.language or '?'}{state}"]
            if segment.translation:
                lines.append(self.tr("English: {0}").format(segment.translation))
            if self._annotations:
                marks = self.marks(index.row())
                if marks.tags:
                    lines.append(self.tr("Tags: {0}").format(", ".join(t.name for t in marks.tags)))
                if marks.confidential:
                    lines.append(self.tr("Off the record"))
                lines.extend(marks.comments)
            return "\n".join(lines)
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001, N802
        if role != Qt.ItemDataRole.EditRole or index.column() != TEXT or self.edit_text is None:
            return False
        text = str(value).strip()
        if not text or text == self._segments[index.row()].text:
            return False
        self.edit_text(index.row(), text)
        return True


@dataclass(frozen=True)
class _Marks:
    tags: list[Tag]
    confidential: bool
    comments: list[str]


def _key(segment: Segment) -> tuple[float, int]:
    return (segment.start, segment.id or 0)
