"""The Key strategies panel: every tagged item of the open session, grouped by tag in the tag set's order.

Each group row shows the tag's colour and how many items it holds; each item shows the time, who spoke
(the speakers of the segments under the annotation's span), what they said and the rapporteur's comment.
Items are found by time, like the annotations themselves, so they follow the transcript through edits.
Activating an item (double-click or Enter) asks the window to jump there in the transcript and the audio.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from minutes.domain import Annotation, Segment, Tag
from minutes.export.confidential import segment_finder
from minutes.export.transcript import clock
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import use_traditional_chinese_fonts
from minutes.ui.speaker_colors import dot, speaker_colors
from minutes.ui.speaker_names import shown_names
from minutes.ui.tag_dialog import TagDialog
from minutes.ui.tagging import Tagger, lock_icon, swatch_icon

TIME, SPEAKER, TEXT, COMMENT = range(4)
# Translated where they are shown, in the context "StrategiesPanel".
HEADERS = (QT_TRANSLATE_NOOP("StrategiesPanel", "Time"), QT_TRANSLATE_NOOP("StrategiesPanel", "Speaker"),
           QT_TRANSLATE_NOOP("StrategiesPanel", "What was said"), QT_TRANSLATE_NOOP("StrategiesPanel", "Comment"))
AnnotationRole = Qt.ItemDataRole.UserRole + 1  # annotation id, on every column of an item row
StartRole = Qt.ItemDataRole.UserRole + 2  # seconds to jump to
TagRole = Qt.ItemDataRole.UserRole + 3  # tag id (0 for the untagged groups), on group rows
OFF_THE_RECORD = QT_TRANSLATE_NOOP("StrategiesPanel", "off the record")
_OFF_RECORD_BRUSH = QBrush(QColor("#8a1c1c"))
_TEXT_LIMIT = 140  # characters kept in the cell, which wraps (a few lines in a dock); the tooltip has it all
_NARROW, _NARROWER = 520, 360  # panel widths (px) below which the comment, then the speaker column, give way
_UNTAGGED, _NOTES = -1, -2  # group keys of off-the-record items and comments without a tag


@dataclass
class Item:
    """One annotation as the panel shows it."""

    annotation: Annotation
    speakers: str
    text: str
    speaker_id: int | None = None  # the first speaker under the span, whose colour the row shows

    def matches(self, needle: str, tag_names: str) -> bool:
        off_the_record = (f"{OFF_THE_RECORD} {QCoreApplication.translate('StrategiesPanel', OFF_THE_RECORD)}"
                          if self.annotation.confidential else "")
        haystack = " ".join((self.speakers, self.text, self.annotation.comment, tag_names, off_the_record))
        return needle in haystack.casefold()


def session_items(store: WorkshopStore, session_id: int) -> list[Item]:
    """The session's annotations, each with the speakers and text of the segments under its span."""
    segments = store.segments(session_id, words=False)  # text and speakers are enough: no word timings to parse
    names = shown_names(store, session_id)
    within = segment_finder(segments)
    items = []
    for annotation in store.annotations(session_id):
        under = [segments[i] for i in within(annotation.start, annotation.end)]
        first = next((s.speaker_id for s in under if s.speaker_id is not None), None)
        items.append(Item(annotation, _speakers(under, names), " ".join(s.text.strip() for s in under), first))
    return items


def _speakers(segments: list[Segment], names: dict[int, str]) -> str:
    ids = dict.fromkeys(s.speaker_id for s in segments if s.speaker_id is not None)
    return ", ".join(names.get(i, "") for i in ids if names.get(i))


class _WrappingDelegate(QStyledItemDelegate):
    """Quote cells as tall as their text wrapped at the column's width (the view paints them wrapped, but
    measures rows one line high unless told)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint(option, index)
        width = self.view.columnWidth(index.column()) - 8  # the style's text margins
        text = index.data() or ""
        if width <= 0 or not text:
            return hint
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))


class StrategiesPanel(QWidget):
    """The tagged items of one session, by tag.

    Signals:
        jump_requested(float): the user activated an item; go to this time in the transcript and audio.
    """

    jump_requested = Signal(float)

    # The tag dialog is an attribute so tests can answer it.
    ask_tags: Callable[..., tuple | None] = staticmethod(TagDialog.ask)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: WorkshopStore | None = None
        self.session_id: int | None = None
        self.tagger: Tagger | None = None
        self._collapsed: set[int] = set()  # group keys the user folded, kept across refreshes
        self._colors: dict[int, QColor] = {}
        use_traditional_chinese_fonts(self)
        self.filter = QLineEdit()
        self.filter.setObjectName("strategies_filter")
        self.filter.setPlaceholderText(self.tr("Filter by words, speaker, comment or tag"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _text: self.refresh())
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr(header) for header in HEADERS])
        self.tree = QTreeView()
        self.tree.setObjectName("strategies")
        self.tree.setModel(self.model)
        # Quotes wrap: in a dock at laptop width (1366 px) one elided line showed a few words of each.
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setItemDelegateForColumn(TEXT, _WrappingDelegate(self.tree))
        # Row heights depend on the quote column's width; the view measures them again when it changes.
        self.tree.header().sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_menu)
        self.tree.activated.connect(self._activated)
        self.tree.collapsed.connect(lambda index: self._collapsed.add(index.data(TagRole)))
        self.tree.expanded.connect(lambda index: self._collapsed.discard(index.data(TagRole)))
        header = self.tree.header()
        # Sized for a dock: the quote takes the room there is and the rest stays visible, with no sideways
        # scrolling; cells are elided and their tooltips hold everything.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SPEAKER, 90)
        header.resizeSection(COMMENT, 115)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(dark);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """In a narrow dock the quote keeps its room: the comment and then the speaker columns give way (both
        stay in each row's tooltip), so nothing needs scrolling sideways."""
        width = self.width()
        self.tree.setColumnHidden(COMMENT, width < _NARROW)
        self.tree.setColumnHidden(SPEAKER, width < _NARROWER)

    # -- content -------------------------------------------------------------------------------

    def show_session(self, store: WorkshopStore | None, session_id: int | None, tagger: Tagger | None = None) -> None:
        """Show a session (or nothing); ``tagger`` makes Edit and Delete undoable on the window's stack."""
        self.store, self.session_id = store, session_id
        if tagger is not self.tagger and (tagger is not None or store is None):
            if self.tagger is not None:
                # The old tagger may already be gone with its session editor; then so is the connection.
                with contextlib.suppress(RuntimeError):
                    self.tagger.changed.disconnect(self._tags_changed)
            self.tagger = tagger
            if tagger is not None:
                tagger.changed.connect(self._tags_changed)
        self.refresh()

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        """Redraw when the tag set changed (its own session's annotations arrive through the tagger)."""
        if changes.tags:
            self.refresh()

    def _tags_changed(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild from the store (annotations, segment text, speaker names and tags may all have changed)."""
        selected = self.selected_annotation_id()
        self.model.removeRows(0, self.model.rowCount())
        if self.store is None or self.session_id is None:
            self._show_empty(self.tr("No session is open."))
            return
        tags = self.store.tags()
        self._colors = speaker_colors(s.id for s in self.store.speakers(self.session_id))
        needle = self.filter.text().strip().casefold()
        tag_names = {t.id: t.name for t in tags}
        groups: dict[int, list[Item]] = {t.id: [] for t in tags}
        groups[_UNTAGGED], groups[_NOTES] = [], []
        all_items = session_items(self.store, self.session_id)
        for item in all_items:
            names = " ".join(tag_names.get(t, "") for t in item.annotation.tag_ids)
            if needle and not item.matches(needle, names.casefold()):
                continue
            keys = [t for t in item.annotation.tag_ids if t in groups]
            if not keys:
                keys = [_UNTAGGED if item.annotation.confidential else _NOTES]
            for key in keys:
                groups[key].append(item)
        extra = (Tag(self.tr("Off the record (no tag)"), "#8a1c1c", id=_UNTAGGED),
                 Tag(self.tr("Notes (no tag)"), "#808080", id=_NOTES))
        for tag in (*tags, *extra):
            if groups[tag.id]:
                self._add_group(tag, groups[tag.id])
        if self.model.rowCount():
            self.tree.show()
            self.empty.hide()
        elif all_items:
            self._show_empty(self.tr("Nothing tagged matches the filter."))
        else:
            self._show_empty(self.tr("Nothing tagged yet. Select a segment in the transcript and press Ctrl+1 … "
                                     "Ctrl+9 to tag it, or use Tag… for tags and a comment."))
        self._select(selected)

    def _show_empty(self, message: str) -> None:
        self.empty.setText(message)
        self.empty.show()
        self.tree.hide()

    def _add_group(self, tag: Tag, items: list[Item]) -> None:
        group = QStandardItem(swatch_icon(tag.color), f"{tag.name} ({len(items)})")
        group.setData(tag.id, TagRole)
        font = QFont(self.font())
        font.setBold(True)
        group.setFont(font)
        group.setToolTip(self.tr("{0}: {1} item(s)").format(tag.name, len(items)))
        for item in items:
            group.appendRow(self._row(item))
        self.model.appendRow(group)
        self.tree.setFirstColumnSpanned(group.row(), QModelIndex(), True)
        self.tree.setExpanded(group.index(), tag.id not in self._collapsed)

    def _row(self, item: Item) -> list[QStandardItem]:
        annotation = item.annotation
        text = item.text if len(item.text) <= _TEXT_LIMIT else item.text[:_TEXT_LIMIT] + "…"
        comment = annotation.comment
        if annotation.confidential:
            off_the_record = self.tr(OFF_THE_RECORD)
            comment = f"{off_the_record}: {comment}" if comment else off_the_record
        cells = [QStandardItem(clock(annotation.start)[:8]), QStandardItem(item.speakers),
                 QStandardItem(text or self.tr("(no transcript here)")), QStandardItem(comment)]
        tip = f"{clock(annotation.start)} – {clock(annotation.end)}  {item.speakers}\n{item.text}"
        if annotation.comment:
            tip += "\n\n" + self.tr("Comment: {0}").format(annotation.comment)
        if annotation.confidential:
            tip += "\n\n" + self.tr("Confidential / off the record: left out of circulated minutes.")
            cells[COMMENT].setIcon(lock_icon())  # on the comment, so the times stay aligned
            cells[COMMENT].setForeground(_OFF_RECORD_BRUSH)
            italic = QFont(self.font())
            italic.setItalic(True)
            cells[TEXT].setFont(italic)
        color = self._colors.get(item.speaker_id)
        if color is not None:
            cells[SPEAKER].setIcon(dot(color.name()))
            cells[SPEAKER].setForeground(color)
        for cell in cells:
            cell.setData(annotation.id, AnnotationRole)
            cell.setData(annotation.start, StartRole)
            cell.setToolTip(tip)
        return cells

    # -- selection and activation --------------------------------------------------------------

    def selected_annotation_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(AnnotationRole) if index.isValid() else None

    def _select(self, annotation_id: int | None) -> None:
        if annotation_id is None:
            return
        for row in range(self.model.rowCount()):
            group = self.model.item(row)
            for child in range(group.rowCount()):
                if group.child(child).data(AnnotationRole) == annotation_id:
                    self.tree.setCurrentIndex(group.child(child).index())
                    return

    def _activated(self, index: QModelIndex) -> None:
        start = index.data(StartRole)
        if start is not None:
            self.jump_requested.emit(float(start))

    def item_indexes(self) -> list[QModelIndex]:
        """The first-column index of every item row, in display order (for tests and keyboard tools)."""
        return [self.model.item(row).child(child).index() for row in range(self.model.rowCount())
                for child in range(self.model.item(row).rowCount())]

    # -- context menu --------------------------------------------------------------------------

    def _show_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.tree.indexAt(position))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(position))
            menu.deleteLater()

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of an item row: jump, edit, delete; None on group rows and empty space."""
        annotation_id, start = index.data(AnnotationRole), index.data(StartRole)
        if annotation_id is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("&Go to"), lambda: self.jump_requested.emit(float(start)))
        edit = menu.addAction(self.tr("&Edit tags and comment…"), lambda: self.edit_annotation(annotation_id))
        delete = menu.addAction(self.tr("&Remove"), lambda: self.delete_annotation(annotation_id))
        edit.setEnabled(self.tagger is not None)
        delete.setEnabled(self.tagger is not None)
        return menu

    def edit_annotation(self, annotation_id: int) -> None:
        if self.tagger is None or self.store is None or self.session_id is None:
            return
        annotation = self.tagger.annotation(self.session_id, annotation_id)
        if annotation is None:
            return
        item = next((i for i in session_items(self.store, self.session_id) if i.annotation.id == annotation_id),
                    None)
        choice = self.ask_tags(self.store, item.text if item else "", annotation.tag_ids, self,
                               comment=annotation.comment, confidential=annotation.confidential,
                               owner=annotation.owner, due=annotation.due)
        if choice is not None:
            tag_ids, comment, confidential, *action = choice  # owner and due, when the dialog gives them
            owner, due = action or (None, None)
            self.tagger.edit_annotation(self.session_id, annotation_id, tag_ids=tag_ids, comment=comment,
                                        confidential=confidential, owner=owner, due=due)

    def delete_annotation(self, annotation_id: int) -> None:
        if self.tagger is not None and self.session_id is not None:
            self.tagger.delete_annotation(self.session_id, annotation_id)
