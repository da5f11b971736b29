"""Edits of the open session's transcript, as undoable store commands, and search.

The window calls these methods from its actions and the model's inline editor; each one builds the new
segments with :mod:`minutes.editing` and pushes a :class:`ReplaceSegments` command on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from minutes import editing
from minutes.domain import Segment
from minutes.store import WorkshopStore
from minutes.ui.commands import ReplaceSegments
from minutes.ui.speaker_names import shown_names
from minutes.ui.transcript_model import TranscriptModel
from minutes.ui.undo import StampedUndoStack


class SessionEditor(QObject):
    """The transcript of one session: its model, its undo stack, and the edits a transcriber makes."""

    changed = Signal()

    def __init__(self, store: WorkshopStore, session_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.undo_stack = StampedUndoStack(self)
        self.model = TranscriptModel(self)
        self.model.edit_text = self.edit_text
        # Asked before every edit: the window confirms editing an approved session (and reopens its review).
        self.may_edit: Callable[[], bool] = lambda: True
        self.reload()

    def close(self) -> None:
        """Drop the undo history now: its Python commands must not outlive the interpreter's shutdown."""
        self.undo_stack.clear()
        self.deleteLater()

    def reload(self) -> None:
        self.model.set_segments(self.store.segments(self.session_id), shown_names(self.store, self.session_id))

    def refresh_names(self) -> None:
        self.model.set_names(shown_names(self.store, self.session_id))

    def _notify(self, removed: list[int], added: list[Segment]) -> None:
        self.model.apply(removed, added)
        self.changed.emit()

    def _push(self, before: list[Segment], after: list[Segment], text: str) -> None:
        if not self.may_edit():
            return
        self.undo_stack.push(ReplaceSegments(self.store, self.session_id, before, after, text, self._notify))

    # -- edits ---------------------------------------------------------------------------------

    def apply(self, changes: list[tuple[Segment, Segment]], text: str) -> None:
        """Store ``(before, after)`` pairs made by an operation as one undoable edit named ``text``."""
        if changes:
            self._push([b for b, _ in changes], [a for _, a in changes], text)

    def edit_text(self, row: int, text: str) -> None:
        old = self.model.segment(row)
        self._push([old], [editing.edit_text(old, text)], self.tr("Edit text"))

    def split(self, row: int, position: int, text: str | None = None) -> bool:
        """Split a row at a character position (of ``text``, the editor's text, if it was being edited)."""
        old = self.model.segment(row)
        source = editing.edit_text(old, text) if text is not None and text != old.text else old
        if not 0 < position < len(source.text):
            return False
        left, right = editing.split(source, position)
        if not left.text or not right.text:
            return False
        self._push([old], [left, right], self.tr("Split segment"))
        return True

    def merge_with_next(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount() - 1:
            return False
        first, second = self.model.segment(row), self.model.segment(row + 1)
        self._push([first, second], [editing.merge(first, second)], self.tr("Merge segments"))
        return True

    def delete(self, rows: list[int]) -> None:
        doomed = [self.model.segment(r) for r in sorted(set(rows))]
        if doomed:
            self._push(doomed, [], self.tr("Delete segment") if len(doomed) == 1
                       else self.tr("Delete {0} segments").format(len(doomed)))

    def set_speaker(self, rows: list[int], speaker_id: int | None) -> None:
        before = [self.model.segment(r) for r in sorted(set(rows))]
        after = [replace(s, speaker_id=speaker_id) for s in before]
        if before:
            self._push(before, after, self.tr("Change speaker"))

    def replace_all(self, needle: str, replacement: str, *, match_case: bool = False,
                    whole_words: bool = False) -> int:
        changes = editing.replace_all(self.model.segments(), needle, replacement, match_case=match_case,
                                      whole_words=whole_words)
        if changes:
            self._push([b for b, _ in changes], [a for _, a in changes],
                       self.tr("Replace “{0}” ({1})").format(needle, len(changes)))
        return len(changes)

    def replace_in(self, row: int, needle: str, replacement: str, *, match_case: bool = False,
                   whole_words: bool = False) -> bool:
        """Replace the matches in one row (one undo step); False if it has none."""
        changes = editing.replace_all([self.model.segment(row)], needle, replacement, match_case=match_case,
                                      whole_words=whole_words)
        if changes:
            self._push([changes[0][0]], [changes[0][1]], self.tr("Replace “{0}” ({1})").format(needle, 1))
        return bool(changes)

    def find(self, needle: str, after_row: int, *, match_case: bool = False, whole_words: bool = False,
             backwards: bool = False) -> int:
        """The next row (wrapping around) whose text matches, or -1."""
        if not needle:
            return -1
        pattern = editing.find_pattern(needle, match_case=match_case, whole_words=whole_words)
        count = self.model.rowCount()
        step = -1 if backwards else 1
        for offset in range(1, count + 1):
            row = (after_row + step * offset) % count
            if pattern.search(self.model.segment(row).text):
                return row
        return -1

    # -- segments arriving from a worker (not undoable: they are new material) ------------------

    def add_arrived(self, segments: list[Segment]) -> None:
        self.model.apply([], segments)
