"""The transcript of the open session: the player, the table, the find bar, and what the Edit menu does to them.

The view shows a :class:`~minutes.ui.session_editor.SessionEditor` (the model and its undo stack) and turns
the user's selection into edits: split at the text cursor, merge, delete, change speaker, find and replace.
It also works out what a tag applies to (:meth:`TranscriptView.tag_target`) and follows playback.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes.domain import Segment
from minutes.operations.changes import OpChanges
from minutes.ui.commands import SpeakerOperation
from minutes.ui.doubt_delegate import MARGIN, DoubtDelegate
from minutes.ui.find_bar import FindBar
from minutes.ui.match_highlight import paint_matches
from minutes.ui.player import PlayerBar
from minutes.ui.row_heights import VisibleRowHeights
from minutes.ui.session_editor import SessionEditor
from minutes.ui.tag_menu import Target
from minutes.ui.transcript_model import LANGUAGE, SPEAKER, TEXT, TIME, SegmentRole

LIVE_TAG_SECONDS = 10.0  # while recording with nothing selected, a tag covers what was said this long ago

LiveClock = Callable[[int], "float | None"]
"""Seconds recorded so far if the session with this id is being recorded, else None."""


class _TextDelegate(DoubtDelegate):
    """Paints the text with its doubt (or with what Find found, while it is open); remembers the open line
    editor so Split can cut at its cursor."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, lambda index: index.data(SegmentRole))
        self.editor: QLineEdit | None = None
        self.editing_row = -1
        self.pattern: re.Pattern[str] | None = None  # what the find bar looks for, while it is open
        self.current_row = -1  # the row the find bar is on

    def paint(self, painter, option, index) -> None:  # noqa: ANN001, N802 - Qt override
        if self.pattern is not None:
            shifted = QStyleOptionViewItem(option)
            shifted.rect = option.rect.adjusted(MARGIN, 0, 0, 0)  # beside the speaker and review marks
            if paint_matches(self, painter, shifted, index, self.pattern, index.row() == self.current_row):
                self.paint_marks(painter, option.rect, index.data(SegmentRole))
                return
        super().paint(painter, option, index)

    def createEditor(self, parent, option, index):  # noqa: ANN001, ANN201, N802 - Qt override
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            self.editor, self.editing_row = editor, index.row()
            editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.editor, self.editing_row = None, -1


class _TimeDelegate(QStyledItemDelegate):
    """The time under the row's marks, not beside them, so tags do not widen the column."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802 - Qt's
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class TranscriptView(QWidget):
    """Player above the transcript table, find bar below.

    Signals:
        message(str): a sentence for the status bar (why an edit could not be made).
    """

    message = Signal(str)
    changed = Signal(object)  # OpChanges an edit made beyond the transcript (a speaker added to the roster…)

    def __init__(self, live_clock: LiveClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._live_clock = live_clock
        self.editor: SessionEditor | None = None
        self.table = QTableView()
        self.table.setObjectName("transcript")
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.row_heights = VisibleRowHeights(self.table)
        self.text_delegate = _TextDelegate(self.table)
        self.table.setItemDelegateForColumn(TEXT, self.text_delegate)
        self.table.setItemDelegateForColumn(TIME, _TimeDelegate(self.table))
        self.table.doubleClicked.connect(self._double_clicked)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.find_requested.connect(self.find)
        self.find_bar.replace_requested.connect(self.replace)
        self.find_bar.replace_all_requested.connect(self.replace_all)
        self.find_bar.closed.connect(self._find_closed)
        self.player = PlayerBar()
        self.player.position_changed.connect(self._follow_playback)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_session")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(24)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty_label)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.player)
        column.addWidget(self.body, 1)
        column.addWidget(self.find_bar)
        self.update_empty()

    def set_editor(self, editor: SessionEditor | None) -> None:
        """Show ``editor``'s session (or nothing); the caller closes the previous editor."""
        self.editor = editor
        self.table.setModel(editor.model if editor else None)
        self.row_heights.set_model(editor.model if editor else None)
        if editor is not None:
            header = self.table.horizontalHeader()
            # The narrow columns fit what the visible rows and a sample of 200 others hold: Qt's default (1,000
            # rows) cost 0.6 s of a 3,000-segment session's opening, for times and names of the same width.
            header.setResizeContentsPrecision(200)
            for column in (TIME, SPEAKER, LANGUAGE):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
            for signal in (editor.model.rowsInserted, editor.model.rowsRemoved, editor.model.modelReset):
                signal.connect(self.update_empty)
        self.update_empty()

    def update_empty(self) -> None:
        """An empty session says what to do next instead of showing an empty table."""
        editor = self.editor
        if editor is not None and editor.model.rowCount():
            self.body.setCurrentWidget(self.table)
            return
        if editor is None:
            text = self.tr("Select a session, or add one with Session ▸ Import audio or video…")
        elif self._live_clock(editor.session_id) is not None:
            text = self.tr("Recording… what is said appears here a few seconds after each sentence.")
        elif editor.store.session(editor.session_id).audio_file:
            text = self.tr("Nothing transcribed yet: Session ▸ Transcribe / resume (Ctrl+T).")
        else:
            text = self.tr("Nothing recorded yet. Record this session with the Recorder (Ctrl+R), or give it a "
                           "recording with Session ▸ Import audio or video…")
        self.empty_label.setText(text)
        self.body.setCurrentWidget(self.empty_label)

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        """Show what an operation changed in the open session: text, speaker names, tags."""
        editor = self.editor
        if editor is None or changes.session_id not in (None, editor.session_id):
            return
        if changes.segments:
            editor.reload()
        elif changes.speakers or changes.participants:
            editor.refresh_names()
        if changes.annotations or changes.tags:
            editor.model.set_annotations(editor.store.annotations(editor.session_id),
                                         {t.id: t for t in editor.store.tags()})

    # -- selection -----------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()}) if self.editor else []

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _chosen_rows(self) -> list[int]:
        """The selected rows, else the current one, else none."""
        return [r for r in self.selected_rows() or [self.current_row()] if r >= 0]

    def chosen_segment(self) -> Segment | None:
        """The first selected (else the current) segment of the open session, if any."""
        rows = self._chosen_rows()
        return self.editor.model.segment(rows[0]) if self.editor is not None and rows else None

    def tag_target(self) -> Target | None:
        """What a tag applies to: the selected text being edited, else the selected segments, else (while
        recording) what was said in the last few seconds."""
        from minutes.editing import time_span

        if self.editor is None:
            return None
        session_id = self.editor.session_id
        delegate = self.text_delegate
        if delegate.editor is not None and delegate.editing_row >= 0 and delegate.editor.hasSelectedText():
            segment = self.editor.model.segment(delegate.editing_row)
            first = delegate.editor.selectionStart()
            last = first + len(delegate.editor.selectedText())
            start, end = time_span(segment, first, last)
            return Target(session_id, start, end, delegate.editor.selectedText())
        rows = self._chosen_rows()
        if rows:
            segments = [self.editor.model.segment(r) for r in rows]
            return Target(session_id, min(s.start for s in segments), max(s.end for s in segments),
                          " ".join(s.text for s in segments))
        now = self._live_clock(session_id)
        if now is not None:
            count = self.editor.model.rowCount()
            last = self.editor.model.segment(count - 1) if count else None
            recent = last is not None and now - last.start < 2 * LIVE_TAG_SECONDS
            start = last.start if recent else now - LIVE_TAG_SECONDS
            return Target(session_id, max(0.0, start), now, last.text if last is not None else "")
        return None

    # -- edits ---------------------------------------------------------------------------------

    def split(self) -> None:
        if self.editor is None:
            return
        delegate = self.text_delegate
        if delegate.editor is not None and delegate.editing_row >= 0:
            row, text, position = delegate.editing_row, delegate.editor.text(), delegate.editor.cursorPosition()
            self.table.closePersistentEditor(self.table.model().index(row, TEXT))
            delegate.editor.blockSignals(True)
            self.table.setFocus()
        else:
            row = self.current_row()
            if row < 0:
                return
            text = None
            position = len(self.editor.model.segment(row).text) // 2
        if not self.editor.split(row, position, text):
            self.message.emit(self.tr("Put the cursor inside the text to split there"))

    def merge(self) -> None:
        row = self.current_row()
        if self.editor is not None and row >= 0 and not self.editor.merge_with_next(row):
            self.message.emit(self.tr("The last segment has no next one to merge with"))

    def delete(self) -> None:
        if self.editor is not None:
            self.editor.delete(self.selected_rows() or [self.current_row()])

    def change_speaker(self) -> None:
        """Give the chosen rows to a voice of the session, a planned speaker, anyone on the roster or a new name."""
        from minutes.ui.dialogs.speaker_dialog import SpeakerDialog

        if self.editor is None:
            return
        rows = self._chosen_rows()
        if not rows:
            return
        editor = self.editor
        before = editor.store.speaker_state(editor.session_id)
        chosen = SpeakerDialog.ask(editor.store, editor.session_id, editor.model.segment(rows[0]).speaker_id, self)
        if chosen is None:
            return
        # The dialog may have made a speaker (or a participant): one undo step takes back that and the change.
        text = self.tr("Change speaker")
        editor.undo_stack.beginMacro(text)
        if chosen.changes.anything:
            editor.undo_stack.push(SpeakerOperation(editor.store, editor.session_id, before, chosen.changes, text,
                                                    self._speakers_changed))
        editor.set_speaker(rows, chosen.value)
        editor.undo_stack.endMacro()

    def _speakers_changed(self, changes: OpChanges) -> None:
        if self.editor is not None:
            self.editor.refresh_names()
        self.changed.emit(changes)

    def find(self, needle: str, match_case: bool, whole_words: bool, backwards: bool) -> None:
        """Go to the next (or previous) segment holding ``needle``; every match in view is marked, the words
        themselves rather than the whole row."""
        if self.editor is None:
            return
        from minutes.editing import find_pattern

        self.text_delegate.pattern = find_pattern(needle, match_case=match_case, whole_words=whole_words) \
            if needle else None
        row = self.editor.find(needle, self.current_row(), match_case=match_case, whole_words=whole_words,
                               backwards=backwards)
        self.text_delegate.current_row = row
        self.table.viewport().update()
        if row < 0:
            self.find_bar.show_result(self.tr("Not found"))
            return
        self.find_bar.show_result("")
        index = self.table.model().index(row, TEXT)
        self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.Clear)
        self.table.scrollTo(index)

    def replace(self, needle: str, replacement: str, match_case: bool, whole_words: bool) -> None:
        """Replace in the segment the find bar is on (found first if it is not on one), then find the next."""
        if self.editor is None or not needle:
            return
        row = self.current_row()
        if row >= 0:
            self.editor.replace_in(row, needle, replacement, match_case=match_case, whole_words=whole_words)
        self.find(needle, match_case, whole_words, False)

    def replace_all(self, needle: str, replacement: str, match_case: bool, whole_words: bool) -> None:
        if self.editor is not None:
            count = self.editor.replace_all(needle, replacement, match_case=match_case, whole_words=whole_words)
            self.find_bar.show_result(self.tr("{count} segment(s) changed").format(count=count))
            self.table.viewport().update()

    def _find_closed(self) -> None:
        self.text_delegate.pattern, self.text_delegate.current_row = None, -1
        self.table.viewport().update()
        self.table.setFocus()

    # -- playback and live text ----------------------------------------------------------------

    def jump_to(self, seconds: float) -> None:
        """Show the segment spoken at ``seconds`` and put the player there."""
        if self.editor is None:
            return
        row = self.editor.model.row_at(seconds)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.editor.model.index(row, TEXT), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.player.seek(seconds)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (TIME, SPEAKER, LANGUAGE):
            self.play_row(index.row())

    def play_selected(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.play_row(row)

    def play_row(self, row: int) -> None:
        if self.editor is not None:
            self.player.play_from(self.editor.model.segment(row).start)

    def _follow_playback(self, seconds: float) -> None:
        if self.editor is None:
            return
        row = self.editor.model.row_at(seconds)
        self.editor.model.set_playing_row(row)
        if row >= 0 and self.text_delegate.editor is None:
            self.table.scrollTo(self.editor.model.index(row, TEXT))

    def add_live(self, segment) -> None:  # noqa: ANN001 - minutes.domain.Segment
        """A segment of the session being recorded, shown at the end (following it unless text is edited)."""
        if self.editor is not None and self._live_clock(self.editor.session_id) is not None:
            self.editor.add_arrived([segment])
            if self.text_delegate.editor is None:
                self.table.scrollToBottom()
