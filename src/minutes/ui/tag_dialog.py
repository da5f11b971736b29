"""Dialogs for tags: tagging one span (:class:`TagDialog`) and editing the workshop's tag set (:class:`TagSetDialog`).

``TagDialog`` only returns the choice; the caller turns it into undoable commands through the Tagger.
``TagSetDialog`` writes each change to the store at once (like every other edit in Minutes), so closing it
never loses anything; each change is an operation of :mod:`minutes.operations.tags`, kept as an undo step
through ``record`` (Edit ▸ Undo takes it back once the dialog is closed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes.domain import Tag
from minutes.errors import MinutesError
from minutes.operations import tags as tag_ops
from minutes.store import WorkshopStore
from minutes.store.tagging import default_definition
from minutes.ui.dialogs.common import accepted, show_error, use_traditional_chinese_fonts
from minutes.ui.tagging import swatch_icon
from minutes.ui.undo import Record, no_undo


class TagChoice(NamedTuple):
    """What :meth:`TagDialog.ask` returns; ``owner`` and ``due`` matter for action items only."""

    tag_ids: list[int]
    comment: str
    confidential: bool
    owner: str = ""
    due: str = ""


# Colours offered to new tags, in the spirit of the default set: dark enough for white text on them.
_NEW_COLOURS = ("#35978f", "#8c510a", "#4d4d4d", "#9e0142", "#3f007d", "#00441b", "#08519c", "#a50026")
_QUOTE_LIMIT = 400  # characters of the tagged text shown above the choices


class TagDialog(QDialog):
    """Choose the tags, comment and confidentiality of one span of the transcript."""

    def __init__(self, store: WorkshopStore, segment_text: str, tags: Sequence[int] = (),
                 parent: QWidget | None = None, *, comment: str = "", confidential: bool = False,
                 owner: str = "", due: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag"))
        use_traditional_chinese_fonts(self)
        quote = segment_text.strip()
        if len(quote) > _QUOTE_LIMIT:
            quote = quote[:_QUOTE_LIMIT].rstrip() + "…"
        self.quote = QLabel(self.tr("“{0}”").format(quote) if quote else self.tr("(no text)"))
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setStyleSheet("color: palette(dark); font-style: italic;")
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tags")
        self.tag_list.setAccessibleName(self.tr("Tags"))
        chosen = set(tags)
        for number, tag in enumerate(store.tags(), 1):
            label = f"{tag.name}    Ctrl+{number}" if number <= 9 else tag.name
            item = QListWidgetItem(swatch_icon(tag.color), label)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag.id in chosen else Qt.CheckState.Unchecked)
            self.tag_list.addItem(item)
        # Clicking anywhere on a row toggles it, not only on the small check box.
        self._pressed: tuple[QListWidgetItem, Qt.CheckState] | None = None
        self.tag_list.itemPressed.connect(self._remember)
        self.tag_list.itemClicked.connect(self._toggle)
        self.comment = QLineEdit(comment)
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("Optional: why it matters, or the action and who owns it"))
        self.confidential = QCheckBox(self.tr("Confidential / off the record"))
        self.confidential.setObjectName("confidential")
        self.confidential.setToolTip(
            self.tr("Left out of the circulated minutes unless confidential material is included"))
        self.confidential.setChecked(confidential)
        # An action item's owner (a participant or an organisation, offered from the roster) and due date.
        self._action_ids = {t.id for t in store.tags()
                            if (d := default_definition(t.name)) is not None and d.key == "action_item"}
        self.owner = QLineEdit(owner)
        self.owner.setObjectName("owner")
        self.owner.setPlaceholderText(self.tr("Action item: who does it (a participant or an organisation)"))
        people = store.participants()
        names = sorted({p.name for p in people} | {p.organisation for p in people if p.organisation})
        self.owner.setCompleter(QCompleter(names, self.owner))
        self.due = QLineEdit(due)
        self.due.setObjectName("due")
        self.due.setPlaceholderText(self.tr("Action item: due date, e.g. 2024-09-30"))
        self.tag_list.itemChanged.connect(lambda _item: self._show_action_fields())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(QLabel(self.tr("&Tags:"), buddy=self.tag_list))
        layout.addWidget(self.tag_list, 1)
        layout.addWidget(QLabel(self.tr("&Comment:"), buddy=self.comment))
        layout.addWidget(self.comment)
        layout.addWidget(self.confidential)
        action_row = QHBoxLayout()
        action_row.addWidget(QLabel(self.tr("O&wner:"), buddy=self.owner))
        action_row.addWidget(self.owner, 2)
        action_row.addWidget(QLabel(self.tr("D&ue:"), buddy=self.due))
        action_row.addWidget(self.due, 1)
        layout.addLayout(action_row)
        self._show_action_fields()
        layout.addWidget(buttons)
        self.resize(420, 440)
        self.tag_list.setFocus()
        if self.tag_list.count():
            self.tag_list.setCurrentRow(0)

    def _remember(self, item: QListWidgetItem) -> None:
        self._pressed = (item, item.checkState())

    def _toggle(self, item: QListWidgetItem) -> None:
        # A click on the check box itself has been toggled by Qt before itemClicked; only a click elsewhere
        # on the row (its state unchanged since the press) is toggled here, so the whole row is a target.
        if self._pressed is not None and self._pressed[0] is item and self._pressed[1] == item.checkState():
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)
        self._pressed = None

    def checked_ids(self) -> list[int]:
        return [self.tag_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.tag_list.count())
                if self.tag_list.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, tag_ids: Sequence[int]) -> None:
        for row in range(self.tag_list.count()):
            item = self.tag_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in tag_ids
                               else Qt.CheckState.Unchecked)

    def _show_action_fields(self) -> None:
        is_action = bool(self._action_ids & set(self.checked_ids()))
        self.owner.setEnabled(is_action)
        self.due.setEnabled(is_action)

    def choice(self) -> TagChoice:
        is_action = bool(self._action_ids & set(self.checked_ids()))
        owner, due = (" ".join(self.owner.text().split()), self.due.text().strip()) if is_action else ("", "")
        return TagChoice(self.checked_ids(), self.comment.text().strip(), self.confidential.isChecked(), owner, due)

    @classmethod
    def ask(cls, store: WorkshopStore, segment_text: str, tags: Sequence[int] = (), parent: QWidget | None = None,
            *, comment: str = "", confidential: bool = False, owner: str = "",
            due: str = "") -> TagChoice | None:
        """Show the dialog modally; the choice, or None if cancelled."""
        dialog = cls(store, segment_text, tags, parent, comment=comment, confidential=confidential, owner=owner,
                     due=due)
        return dialog.choice() if accepted(dialog) else None


class TagSetDialog(QDialog):
    """Add, rename, recolour, reorder and delete the workshop's tags; each change is stored at once.

    Signals:
        tags_changed(): the tag set changed (rebuild the Ctrl+1…9 actions and refresh the panels).
    """

    tags_changed = Signal()

    # The questions the dialog asks are attributes so tests (and scripts) can answer them.
    ask_text: Callable[..., tuple[str, bool]] = staticmethod(QInputDialog.getText)
    ask_color: Callable[..., QColor] = staticmethod(QColorDialog.getColor)
    ask_yes_no: Callable[..., QMessageBox.StandardButton] = staticmethod(QMessageBox.question)

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.changed = False
        self.setWindowTitle(self.tr("Tags of this workshop"))
        use_traditional_chinese_fonts(self)
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tag_set")
        self.tag_list.setAccessibleName(self.tr("Tags"))
        self.tag_list.itemDoubleClicked.connect(lambda _item: self.rename_selected())
        self.tag_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        hint = QLabel(self.tr("The first nine tags have the shortcuts Ctrl+1 … Ctrl+9, in this order."))
        hint.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, slot in (("add", self.tr("&Add…"), self.add_new),
                                ("rename", self.tr("&Rename…"), self.rename_selected),
                                ("colour", self.tr("C&olour…"), self.recolour_selected),
                                ("up", self.tr("Move &up"), lambda: self.move_selected(-1)),
                                ("down", self.tr("Move do&wn"), lambda: self.move_selected(1)),
                                ("delete", self.tr("&Delete…"), self.delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.tag_list, 1)
        row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        self.resize(440, 380)
        self.refresh()

    # -- view ----------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.selected_id()
        self.tag_list.clear()
        for number, tag in enumerate(self.store.tags(), 1):
            item = QListWidgetItem(swatch_icon(tag.color), f"{tag.name}    Ctrl+{number}" if number <= 9 else tag.name)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setToolTip(tag.color)
            self.tag_list.addItem(item)
            if tag.id == current:
                self.tag_list.setCurrentItem(item)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.tag_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected_tag(self) -> Tag | None:
        chosen = self.selected_id()
        return next((t for t in self.store.tags() if t.id == chosen), None)

    def _update_buttons(self) -> None:
        row, count = self.tag_list.currentRow(), self.tag_list.count()
        for key in ("rename", "colour", "delete"):
            self.buttons[key].setEnabled(row >= 0)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < count - 1)

    def _done(self, select_id: int | None = None) -> None:
        self.changed = True
        self.refresh(select_id)
        self.tags_changed.emit()

    # -- changes (each one a store write) ------------------------------------------------------

    def add_tag(self, name: str, color: str | None = None) -> Tag | None:
        name = name.strip()
        if not name:
            return None
        if self.store.find_tag(name) is not None:
            show_error(self, self.tr('There is already a tag named "{0}". Choose another name.').format(name))
            return None
        used = {t.color.lower() for t in self.store.tags()}
        color = color or next((c for c in _NEW_COLOURS if c not in used), _NEW_COLOURS[0])
        try:
            done = tag_ops.add_tag(self.store, Tag(name=name, color=color))
        except MinutesError as exc:
            show_error(self, exc)
            return None
        self.record(done, self.tr("Add tag"))
        self._done(done.value.id)
        return done.value

    def rename_tag(self, tag_id: int, name: str) -> bool:
        try:
            self.record(tag_ops.rename_tag(self.store, tag_id, name), self.tr("Rename tag"))
        except MinutesError as exc:
            show_error(self, exc)
            return False
        self._done(tag_id)
        return True

    def recolour_tag(self, tag_id: int, color: str) -> None:
        self.record(tag_ops.recolour_tag(self.store, tag_id, color), self.tr("Change tag colour"))
        self._done(tag_id)

    def move_tag(self, tag_id: int, step: int) -> None:
        order = [t.id for t in self.store.tags()]
        row = order.index(tag_id)
        target = min(max(row + step, 0), len(order) - 1)
        if target != row:
            order.insert(target, order.pop(row))
            self.record(tag_ops.reorder_tags(self.store, order), self.tr("Move tag"))
            self._done(tag_id)

    def delete_tag(self, tag_id: int) -> None:
        self.record(tag_ops.delete_tag(self.store, tag_id), self.tr("Delete tag"))
        self._done()

    # -- button slots --------------------------------------------------------------------------

    def add_new(self) -> None:
        name, ok = self.ask_text(self, self.tr("Add tag"), self.tr("Name of the new tag:"))
        if ok:
            self.add_tag(name)

    def rename_selected(self) -> None:
        tag = self._selected_tag()
        if tag is not None:
            name, ok = self.ask_text(self, self.tr("Rename tag"), self.tr("New name:"), QLineEdit.EchoMode.Normal,
                                     tag.name)
            if ok and name.strip() and name.strip() != tag.name:
                self.rename_tag(tag.id, name)

    def recolour_selected(self) -> None:
        tag = self._selected_tag()
        if tag is not None:
            color = self.ask_color(QColor(tag.color), self, self.tr("Colour of {0}").format(tag.name))
            if color.isValid():
                self.recolour_tag(tag.id, color.name())

    def move_selected(self, step: int) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.move_tag(chosen, step)

    def delete_selected(self) -> None:
        tag = self._selected_tag()
        if tag is None:
            return
        uses = sum(tag.id in a.tag_ids for s in self.store.sessions() for a in self.store.annotations(s.id))
        detail = (self.tr("It is on {0} tagged item(s); they keep their other tags and comments.").format(uses)
                  if uses else self.tr("No item is tagged with it yet."))
        answer = self.ask_yes_no(self, self.tr("Delete tag"),
                                 self.tr('Delete the tag "{0}"? {1} This cannot be undone.').format(tag.name, detail))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_tag(tag.id)

    @classmethod
    def ask(cls, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> bool:
        """Show the dialog modally; True if the tag set was changed. Each change is kept through ``record``."""
        dialog = cls(store, parent, record)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()
