"""The window's Tags menu: one keystroke per tag (Ctrl+1…9), Tag with comment…, Off the record, the tag set.

What gets tagged is asked of the window each time (:class:`Target`): the selected text of the segment being
edited, the selected segments, or, while recording with nothing selected, the moment just heard. The
menu only turns that span into undoable :class:`~minutes.ui.tagging.Tagger` commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from minutes.store import WorkshopStore
from minutes.ui.tag_dialog import TagDialog, TagSetDialog
from minutes.ui.tagging import Tagger, shortcut_actions
from minutes.ui.undo import Record, no_undo


@dataclass(frozen=True)
class Target:
    """A span of a session's recording to tag, with the words it covers (shown in the tag dialog)."""

    session_id: int
    start: float
    end: float
    text: str


class TagMenu(QObject):
    """Fills ``menu`` and tags the :class:`Target` that ``target()`` returns.

    Signals:
        message(str): a sentence for the status bar (nothing to tag, or what was tagged).

    Attributes:
        record: keeps each change of the tag set as an undo step (the window's), which announces it.
    """

    message = Signal(str)

    def __init__(self, menu: QMenu, target: Callable[[], Target | None], window: QWidget) -> None:
        super().__init__(window)
        self.menu = menu
        self._target = target
        self._window = window
        self.store: WorkshopStore | None = None
        self.tagger: Tagger | None = None
        self.record: Record = no_undo
        self.dialog_action = self._action(self.tr("Tag with &comment…"), "Ctrl+Shift+T", self.tag_with_dialog,
                                          self.tr("Choose tags and write a comment for the selection"))
        self.confidential_action = self._action(self.tr("&Off the record"), "Ctrl+Shift+O", self.toggle_confidential,
                                                self.tr("Mark the selection confidential: left out of the minutes "
                                                        "unless asked for (press again to put it back)"))
        self.tag_set_action = self._action(self.tr("Edit tag &set…"), None, self.edit_tag_set,
                                           self.tr("Add, rename, recolour and reorder the workshop's tags"))
        self.tag_actions: list[QAction] = []
        self.rebuild()

    def _action(self, text: str, key: str | None, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(text, self._window)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def set_session(self, store: WorkshopStore | None, tagger: Tagger | None) -> None:
        """Tag through ``tagger`` (None: no session open) in the workshop of ``store``."""
        changed_store = store is not self.store
        self.store, self.tagger = store, tagger
        if changed_store:
            self.rebuild()
        self._update_enabled()

    def rebuild(self) -> None:
        """Recreate the Ctrl+1…9 actions from the tag set, in its order."""
        for action in self.tag_actions:
            action.deleteLater()
        tags = self.store.tags() if self.store is not None else []
        self.tag_actions = shortcut_actions(self._window, tags, self.tag)
        self.menu.clear()
        self.menu.addActions(self.tag_actions)
        if self.tag_actions:
            self.menu.addSeparator()
        self.menu.addActions([self.dialog_action, self.confidential_action])
        self.menu.addSeparator()
        self.menu.addAction(self.tag_set_action)
        self._update_enabled()

    def _update_enabled(self) -> None:
        for action in (*self.tag_actions, self.dialog_action, self.confidential_action):
            action.setEnabled(self.tagger is not None)
        self.tag_set_action.setEnabled(self.store is not None)

    def _aim(self) -> Target | None:
        target = self._target() if self.tagger is not None else None
        if target is None:
            self.message.emit(self.tr("Select a segment (or some of its text) to tag first"))
        return target

    # -- actions -------------------------------------------------------------------------------

    def tag(self, tag_id: int) -> None:
        """Ctrl+1…9: add the tag to the target, or take it off if it has it."""
        target = self._aim()
        if target is None:
            return
        name = next((t.name for t in self.store.tags() if t.id == tag_id), "")
        if self.tagger.toggle_tag(target.session_id, target.start, target.end, tag_id):
            self.message.emit(self.tr("Tagged as {0}").format(name))
        else:
            self.message.emit(self.tr("Tag {0} removed").format(name))

    def tag_with_dialog(self) -> None:
        target = self._aim()
        if target is None:
            return
        existing = self.tagger.annotation_at(target.session_id, target.start, target.end)
        choice = TagDialog.ask(self.store, target.text, existing.tag_ids if existing else (), self._window,
                               comment=existing.comment if existing else "",
                               confidential=existing.confidential if existing else False,
                               owner=existing.owner if existing else "", due=existing.due if existing else "")
        if choice is None:
            return
        tag_ids, comment, confidential, *action = choice  # owner and due, when the dialog gives them
        owner, due = action or (None, None)
        if existing is not None:
            self.tagger.edit_annotation(target.session_id, existing.id, tag_ids=tag_ids, comment=comment,
                                        confidential=confidential, owner=owner, due=due)
        else:
            self.tagger.tag_span(target.session_id, target.start, target.end, tag_ids, comment, confidential,
                                 owner or "", due or "")

    def toggle_confidential(self) -> None:
        target = self._aim()
        if target is None:
            return
        now = not self.tagger.is_confidential(target.session_id, target.start, target.end)
        self.tagger.set_confidential(target.session_id, target.start, target.end, now)
        self.message.emit(self.tr("Marked off the record") if now else self.tr("Put back on the record"))

    def edit_tag_set(self) -> None:
        if self.store is not None:
            TagSetDialog.ask(self.store, self._window, self.record)
