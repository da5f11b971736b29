"""Adding one participant to the roster, or editing one, in a form; OK writes it as an undoable operation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from minutes.domain import Participant
from minutes.errors import MinutesError
from minutes.operations.roster import add_participant, edit_participant
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import MessageLine, ok_cancel_buttons, show_error, use_traditional_chinese_fonts
from minutes.ui.dialogs.roster_model import FIELDS, describe, header_tip, same_person
from minutes.ui.undo import Record, no_undo


def _completer(words: list[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(sorted({w for w in words if w}, key=str.casefold), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class ParticipantDialog(QDialog):
    """Add one participant to the roster, or edit one; OK writes to the store.

    Attributes:
        participant: the stored participant after OK, else None.
    """

    def __init__(self, store: WorkshopStore, participant_id: int | None = None, parent: QWidget | None = None,
                 *, name: str = "", record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.participant_id = participant_id
        self.participant: Participant | None = None
        roster = store.participants()
        self._others = [p for p in roster if p.id != participant_id]
        current = next((p for p in roster if p.id == participant_id), None) or Participant(name=name)
        self.setWindowTitle(self.tr("Edit participant") if participant_id is not None else self.tr("Add participant"))
        use_traditional_chinese_fonts(self)

        self.name_edit = QLineEdit(current.name)
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("e.g. 王小明 or Maria Santos"))
        self.name_edit.setToolTip(self.tr("{0}. Required.").format(header_tip(0)))
        self.title_edit = QLineEdit(current.title)
        self.title_edit.setObjectName("title")
        self.title_edit.setToolTip(header_tip(1))
        self.organisation_edit = QLineEdit(current.organisation)
        self.organisation_edit.setObjectName("organisation")
        self.organisation_edit.setToolTip(header_tip(2))
        # Offer what the roster already says, so one agency is not spelt three ways in the minutes.
        self.organisation_edit.setCompleter(_completer([p.organisation for p in roster], self))
        self.country_edit = QLineEdit(current.country)
        self.country_edit.setObjectName("country")
        self.country_edit.setToolTip(header_tip(3))
        self.country_edit.setCompleter(_completer([p.country for p in roster], self))

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Organisation:"), self.organisation_edit)
        form.addRow(self.tr("&Country:"), self.country_edit)
        self.message = MessageLine(self)
        self.buttons, self.ok_button = ok_cancel_buttons(
            self, self.tr("Save this participant to the workshop's roster"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for edit in (self.name_edit, self.organisation_edit):
            edit.textChanged.connect(self._validate)
        self._validate()
        self.resize(520, self.sizeHint().height())

    @classmethod
    def ask(cls, store: WorkshopStore, participant_id: int | None = None, parent: QWidget | None = None,
            *, name: str = "", record: Record = no_undo) -> Participant | None:
        """Show the dialog modally; the stored participant after OK, or None if cancelled.

        Args:
            store: the workshop to write to.
            participant_id: the participant to edit, or None to add one.
            parent: the window it belongs to.
            name: the name a new participant starts with (e.g. what was typed in a filter box).
            record: keeps the change as an undo step.
        """
        dialog = cls(store, participant_id, parent, name=name, record=record)
        dialog.exec()
        return dialog.participant

    def values(self) -> Participant:
        """The person as typed (with the id being edited, if any)."""
        return Participant(name=self.name_edit.text().strip(), title=self.title_edit.text().strip(),
                           organisation=self.organisation_edit.text().strip(),
                           country=self.country_edit.text().strip(), id=self.participant_id)

    def _validate(self) -> None:
        person = self.values()
        problem = ""
        if not person.name:
            problem = self.tr("A participant needs a name.")
        elif any(same_person(person, other) for other in self._others):
            problem = (self.tr("{0} is already on the roster. Edit that entry instead.") if person.organisation
                       else self.tr("{0} is already on the roster. Edit that entry instead, or give the "
                                    "organisation to tell namesakes apart.")).format(describe(person))
        self.message.say(problem)
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        """Write the participant, or keep the dialog open and say why it could not be written."""
        if not self.ok_button.isEnabled():
            return
        person = self.values()
        try:
            if self.participant_id is None:
                done = add_participant(self.store, person)
                self.participant = done.value
                self.record(done, self.tr("Add {0}").format(person.name))
            else:
                fields = {f: getattr(person, f) for f in FIELDS}
                self.record(edit_participant(self.store, self.participant_id, **fields),
                            self.tr("Edit {0}").format(person.name))
                self.participant = person
        except MinutesError as exc:
            show_error(self, exc)
            return
        super().accept()

