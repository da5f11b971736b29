"""Tagging the transcript: undoable annotation commands, the :class:`Tagger` that pushes them, Ctrl+1…9.

Annotations are anchored to time (start/end seconds), not to segment ids, so a tag survives text edits,
splits, merges and the final re-transcription. Every change is a QUndoCommand pushed on the session
editor's undo stack, so one Undo covers transcript edits and tags alike.

The store gives a re-added annotation a new id, so commands do not hold ids directly: each holds an
:class:`Anchor`, shared by every command about the same annotation, whose ``id`` follows it through
delete → undo (re-add) → redo. Without this, undoing a delete and then an earlier edit would address an
id that no longer exists.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QUndoCommand, QUndoStack

from minutes.domain import Annotation, Tag
from minutes.operations import transcript
from minutes.store import WorkshopStore

Notify = Callable[[int], None]
"""Called with the session id after a command changed that session's annotations."""

SAME_SPAN = 1e-3  # seconds; spans this close are "the same span" (times round-trip through REAL columns)


class Anchor:
    """The current store id of one annotation; ``None`` while the annotation is deleted."""

    __slots__ = ("__weakref__", "id")

    def __init__(self, annotation_id: int | None = None) -> None:
        self.id = annotation_id


class AddAnnotation(QUndoCommand):
    """Add ``annotation`` to a session; undo deletes it again."""

    def __init__(self, store: WorkshopStore, session_id: int, annotation: Annotation, anchor: Anchor,
                 notify: Notify, text: str | None = None) -> None:
        super().__init__(text if text is not None else QCoreApplication.translate("Tagger", "Tag"))
        self._store, self._session_id, self._notify = store, session_id, notify
        self._annotation = replace(annotation, id=None)
        self.anchor = anchor

    def redo(self) -> None:
        self.anchor.id = transcript.add_annotation(self._store, self._session_id, self._annotation).value.id
        self._notify(self._session_id)

    def undo(self) -> None:
        transcript.delete_annotation(self._store, self._session_id, self.anchor.id)
        self.anchor.id = None
        self._notify(self._session_id)


class UpdateAnnotation(QUndoCommand):
    """Change an annotation from ``old`` to ``new`` (tags, comment, confidentiality and span)."""

    def __init__(self, store: WorkshopStore, session_id: int, anchor: Anchor, old: Annotation, new: Annotation,
                 notify: Notify, text: str | None = None) -> None:
        super().__init__(text if text is not None else QCoreApplication.translate("Tagger", "Change tags"))
        self._store, self._session_id, self._notify = store, session_id, notify
        self.anchor, self._old, self._new = anchor, old, new

    def _write(self, value: Annotation) -> None:
        transcript.update_annotation(self._store, self._session_id, self.anchor.id, value)
        self._notify(self._session_id)

    def redo(self) -> None:
        self._write(self._new)

    def undo(self) -> None:
        self._write(self._old)


class DeleteAnnotation(QUndoCommand):
    """Delete an annotation; undo adds it back (under a new id, which the anchor follows)."""

    def __init__(self, store: WorkshopStore, session_id: int, anchor: Anchor, annotation: Annotation,
                 notify: Notify, text: str | None = None) -> None:
        super().__init__(text if text is not None else QCoreApplication.translate("Tagger", "Remove tag"))
        self._store, self._session_id, self._notify = store, session_id, notify
        self.anchor, self._annotation = anchor, replace(annotation, id=None)

    def redo(self) -> None:
        transcript.delete_annotation(self._store, self._session_id, self.anchor.id)
        self.anchor.id = None
        self._notify(self._session_id)

    def undo(self) -> None:
        self.anchor.id = transcript.add_annotation(self._store, self._session_id, self._annotation).value.id
        self._notify(self._session_id)


def is_empty(annotation: Annotation) -> bool:
    """An annotation with no tag, no comment and not off the record says nothing: it is removed instead."""
    return not annotation.tag_ids and not annotation.comment.strip() and not annotation.confidential


class Tagger(QObject):
    """Tags spans of a session's recording through undo commands on ``undo_stack``.

    Signals:
        changed(int): a session's annotations changed (by a command, its undo or its redo).
    """

    changed = Signal(int)

    def __init__(self, store: WorkshopStore, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        # Weak: an anchor lives as long as a command on the stack refers to it.
        self._anchors: weakref.WeakSet[Anchor] = weakref.WeakSet()
        # Asked before every change: the window confirms changing an approved session (and reopens its review).
        self.may_edit: Callable[[int], bool] = lambda _session_id: True

    # -- lookups -------------------------------------------------------------------------------

    def annotation_at(self, session_id: int, start: float, end: float) -> Annotation | None:
        """The annotation of exactly this span (within :data:`SAME_SPAN`), if there is one."""
        for annotation in self.store.annotations_in(session_id, start, end):
            if abs(annotation.start - start) <= SAME_SPAN and abs(annotation.end - end) <= SAME_SPAN:
                return annotation
        return None

    def annotation(self, session_id: int, annotation_id: int) -> Annotation | None:
        return next((a for a in self.store.annotations(session_id) if a.id == annotation_id), None)

    def _anchor(self, annotation_id: int | None) -> Anchor:
        found = next((a for a in self._anchors if a.id is not None and a.id == annotation_id), None)
        if found is None:
            found = Anchor(annotation_id)
            self._anchors.add(found)
        return found

    def _notify(self, session_id: int) -> None:
        self.changed.emit(session_id)

    # -- commands ------------------------------------------------------------------------------

    def add(self, session_id: int, annotation: Annotation, text: str | None = None) -> Annotation:
        if not self.may_edit(session_id):
            return annotation
        command = AddAnnotation(self.store, session_id, annotation, self._anchor(None), self._notify,
                                text if text is not None else self.tr("Tag"))
        self.undo_stack.push(command)
        return replace(annotation, id=command.anchor.id)

    def update(self, session_id: int, old: Annotation, new: Annotation, text: str | None = None) -> Annotation:
        """Change ``old`` into ``new``; a change that leaves nothing (see :func:`is_empty`) deletes it."""
        if is_empty(new):
            self.delete(session_id, old, self.tr("Remove tag"))
            return replace(new, id=None)
        if _same(old, new) or not self.may_edit(session_id):
            return old
        self.undo_stack.push(UpdateAnnotation(self.store, session_id, self._anchor(old.id), old, new,
                                              self._notify, text if text is not None else self.tr("Change tags")))
        return new

    def delete(self, session_id: int, annotation: Annotation, text: str | None = None) -> None:
        if not self.may_edit(session_id):
            return
        self.undo_stack.push(DeleteAnnotation(self.store, session_id, self._anchor(annotation.id), annotation,
                                              self._notify, text if text is not None else self.tr("Remove tag")))

    def delete_annotation(self, session_id: int, annotation_id: int) -> None:
        annotation = self.annotation(session_id, annotation_id)
        if annotation is not None:
            self.delete(session_id, annotation)

    def edit_annotation(self, session_id: int, annotation_id: int, *, tag_ids: Sequence[int], comment: str,
                        confidential: bool, owner: str | None = None, due: str | None = None) -> None:
        """Set an annotation's tags, comment and confidentiality exactly (as the tag dialog returns them), and
        an action item's owner and due date when given."""
        old = self.annotation(session_id, annotation_id)
        if old is not None:
            new = replace(old, tag_ids=sorted(set(tag_ids)), comment=comment.strip(), confidential=confidential,
                          owner=old.owner if owner is None else owner, due=old.due if due is None else due)
            self.update(session_id, old, new, self.tr("Edit tag"))

    # -- what the window calls -----------------------------------------------------------------

    def tag_span(self, session_id: int, start: float, end: float, tag_ids: Sequence[int], comment: str = "",
                 confidential: bool | None = None, owner: str = "", due: str = "") -> Annotation | None:
        """Tag ``start``–``end`` with ``tag_ids`` (added to an annotation of exactly that span, if any).

        A non-empty ``comment`` replaces the old one; ``confidential`` ``None`` leaves it as it was.
        Returns the annotation as stored, or None if nothing was left to store.
        """
        start, end = min(start, end), max(start, end)
        existing = self.annotation_at(session_id, start, end)
        if existing is None:
            new = Annotation(start=start, end=end, tag_ids=sorted(set(tag_ids)), comment=comment.strip(),
                             confidential=bool(confidential), owner=owner, due=due)
            return None if is_empty(new) else self.add(session_id, new, _label(self.store, tag_ids, self.tr("Tag")))
        new = replace(existing, tag_ids=sorted({*existing.tag_ids, *tag_ids}),
                      comment=comment.strip() or existing.comment,
                      confidential=existing.confidential if confidential is None else confidential,
                      owner=owner or existing.owner, due=due or existing.due)
        return self.update(session_id, existing, new, _label(self.store, tag_ids, self.tr("Tag")))

    def toggle_tag(self, session_id: int, start: float, end: float, tag_id: int) -> bool:
        """Ctrl+1…9: add ``tag_id`` to the span's annotation, or take it off if it has it. True if now tagged."""
        existing = self.annotation_at(session_id, start, end)
        if existing is None:
            self.add(session_id, Annotation(start=min(start, end), end=max(start, end), tag_ids=[tag_id]),
                     _label(self.store, [tag_id], self.tr("Tag")))
            return True
        if tag_id in existing.tag_ids:
            self.update(session_id, existing, replace(existing, tag_ids=[t for t in existing.tag_ids if t != tag_id]),
                        _label(self.store, [tag_id], self.tr("Untag")))
            return False
        self.update(session_id, existing, replace(existing, tag_ids=sorted({*existing.tag_ids, tag_id})),
                    _label(self.store, [tag_id], self.tr("Tag")))
        return True

    def set_confidential(self, session_id: int, start: float, end: float, confidential: bool) -> None:
        """Mark a span off the record, or put back on the record everything off the record that overlaps it.

        Unmarking looks at overlapping annotations, not only the exact span, because the segment that was
        marked may since have been split or merged and no longer has the marked span.
        """
        start, end = min(start, end), max(start, end)
        if confidential:
            existing = self.annotation_at(session_id, start, end)
            text = self.tr("Mark off the record")
            if existing is None:
                self.add(session_id, Annotation(start=start, end=end, confidential=True), text)
            elif not existing.confidential:
                self.update(session_id, existing, replace(existing, confidential=True), text)
            return
        marked = [a for a in self.store.annotations_in(session_id, start, end) if a.confidential]
        if not marked:
            return
        self.undo_stack.beginMacro(self.tr("Put back on the record"))
        try:
            for annotation in marked:
                self.update(session_id, annotation, replace(annotation, confidential=False),
                            self.tr("Put on the record"))
        finally:
            self.undo_stack.endMacro()

    def is_confidential(self, session_id: int, start: float, end: float) -> bool:
        """True if any part of the span is off the record."""
        return any(a.confidential for a in self.store.annotations_in(session_id, start, end))


def _same(a: Annotation, b: Annotation) -> bool:
    return (sorted(a.tag_ids), a.comment, a.confidential, a.owner, a.due, a.start, a.end) == (
        sorted(b.tag_ids), b.comment, b.confidential, b.owner, b.due, b.start, b.end)


def _label(store: WorkshopStore, tag_ids: Sequence[int], verb: str) -> str:
    """Undo text such as "Tag Prevention" (the Edit menu shows "Undo Tag Prevention")."""
    names = {t.id: t.name for t in store.tags()}
    chosen = [names[t] for t in tag_ids if t in names]
    return f"{verb} {', '.join(chosen)}" if chosen else verb


# -- shortcuts and icons -------------------------------------------------------------------------

def shortcut_actions(parent: QObject, tags: Sequence[Tag],
                     on_tag: Callable[[int], None] | None = None) -> list[QAction]:
    """Actions "Tag as Prevention" (Ctrl+1) … for the first nine tags; ``data()`` is the tag id.

    With ``on_tag``, triggering an action calls ``on_tag(tag_id)``; otherwise connect ``triggered`` yourself.
    """
    actions = []
    for number, tag in enumerate(tags[:9], 1):
        text = QCoreApplication.translate("Tagger", "Tag as {0}").format(tag.name)
        action = QAction(swatch_icon(tag.color), text, parent)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.setData(tag.id)
        action.setStatusTip(QCoreApplication.translate(
            "Tagger", "Tag the selected segment or text as {0} (press again to remove the tag)").format(tag.name))
        action.setObjectName(f"tag_action_{number}")
        if on_tag is not None:
            action.triggered.connect(lambda _checked=False, tag_id=tag.id: on_tag(tag_id))
        actions.append(action)
    return actions


def swatch_icon(color: str, size: int = 14) -> QIcon:
    """A rounded square of a tag's colour, for lists, trees and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(color).darker(130))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3)
    painter.end()
    return QIcon(pixmap)


def lock_icon(size: int = 14, color: str = "#8a1c1c") -> QIcon:
    """A padlock drawn by hand: emoji fonts are often missing on the offline laptops Minutes runs on."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = painter.pen()
    pen.setColor(QColor(color))
    pen.setWidthF(size / 9)
    painter.setPen(pen)
    painter.drawArc(QRectF(size * 0.28, size * 0.08, size * 0.44, size * 0.6), 0, 180 * 16)
    painter.drawLine(QPointF(size * 0.28, size * 0.38), QPointF(size * 0.28, size * 0.48))
    painter.drawLine(QPointF(size * 0.72, size * 0.38), QPointF(size * 0.72, size * 0.48))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(QRectF(size * 0.15, size * 0.45, size * 0.7, size * 0.5), 1.5, 1.5)
    painter.end()
    return QIcon(pixmap)
