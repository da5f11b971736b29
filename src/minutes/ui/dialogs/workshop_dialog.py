"""The workshop dialog: title, dates, venue, organiser, default language and Chinese script."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from minutes.domain import Workshop
from minutes.errors import MinutesError
from minutes.operations.workshop import edit_workshop
from minutes.store import WorkshopStore
from minutes.text.chinese import TRADITIONAL, ScriptChoice
from minutes.ui.dialogs.common import (
    MessageLine,
    language_combo,
    ok_cancel_buttons,
    script_combo,
    show_error,
    use_traditional_chinese_fonts,
)
from minutes.ui.undo import Record, no_undo


class WorkshopDialog(QDialog):
    """Edit the open workshop's own fields; OK writes them all in one store call.

    Attributes:
        workshop: the workshop as stored after OK, else None.
    """

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None, *,
                 new_workshop: ScriptChoice | None = None, record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.workshop: Workshop | None = None
        current = store.workshop()
        self.setWindowTitle(self.tr("New workshop") if new_workshop else self.tr("Workshop"))
        use_traditional_chinese_fonts(self)

        self.title_edit = QLineEdit(current.title)
        self.title_edit.setObjectName("title")
        self.title_edit.setCursorPosition(0)  # a long title shows its start, not its end
        self.title_edit.setPlaceholderText(
            self.tr("e.g. International Workshop on Strategies for Combating Human Trafficking"))
        self.title_edit.setToolTip(self.tr("The workshop's name, printed at the top of the minutes. Required."))
        self.dates_edit = QLineEdit(current.dates)
        self.dates_edit.setObjectName("dates")
        self.dates_edit.setPlaceholderText(self.tr("e.g. 28–29 August 2024"))
        self.dates_edit.setToolTip(
            self.tr("When the workshop takes place, written as it should appear in the minutes."))
        self.venue_edit = QLineEdit(current.venue)
        self.venue_edit.setObjectName("venue")
        self.venue_edit.setPlaceholderText(self.tr("e.g. Taipei International Convention Center"))
        self.venue_edit.setToolTip(self.tr("Where the workshop takes place."))
        self.organiser_edit = QLineEdit(current.organiser)
        self.organiser_edit.setObjectName("organiser")
        self.organiser_edit.setPlaceholderText(
            self.tr("e.g. Ministry of the Interior, National Immigration Agency"))
        self.organiser_edit.setToolTip(self.tr("Who hosts the workshop."))
        self.language_combo = language_combo(current.language, self)
        self.language_combo.setObjectName("language")
        self.language_combo.setToolTip(self.tr("Language new sessions start with; each session can choose its own.")
                                       + "\n" + self.language_combo.toolTip())
        self.script_combo = script_combo(current.script, self)
        self.script_combo.setObjectName("script")

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Dates:"), self.dates_edit)
        form.addRow(self.tr("&Venue:"), self.venue_edit)
        form.addRow(self.tr("&Organiser:"), self.organiser_edit)
        form.addRow(self.tr("Default &language:"), self.language_combo)
        form.addRow(self.tr("Chinese &script:"), self.script_combo)
        self.script_note = QLabel(self._script_sentence(new_workshop) if new_workshop else "")
        self.script_note.setObjectName("script_note")
        self.script_note.setWordWrap(True)
        self.script_note.setVisible(new_workshop is not None)
        form.addRow("", self.script_note)
        self.message = MessageLine(self)
        self.buttons, self.ok_button = ok_cancel_buttons(self, self.tr("Save the workshop's details"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        # The combos were created before the line edits, so Qt's default tab order (creation order) is wrong.
        chain = (self.title_edit, self.dates_edit, self.venue_edit, self.organiser_edit, self.language_combo,
                 self.script_combo, self.buttons)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.title_edit.setFocus()

        self.title_edit.textChanged.connect(self._validate)
        self._validate()
        self.resize(640, self.sizeHint().height())

    @classmethod
    def ask(cls, store: WorkshopStore, parent: QWidget | None = None, *,
            new_workshop: ScriptChoice | None = None, record: Record = no_undo) -> Workshop | None:
        """Show the dialog modally; the stored workshop after OK, or None if cancelled. For a workshop just
        created, ``new_workshop`` is the script it was given, which the dialog explains."""
        dialog = cls(store, parent, new_workshop=new_workshop, record=record)
        dialog.exec()
        return dialog.workshop

    def _script_sentence(self, choice: ScriptChoice) -> str:
        """Why the new workshop writes Chinese in the script it does, so nobody finds out from a transcript."""
        if choice.source == "interface":
            return self.tr("Chinese will be written in Traditional characters, as the interface is in Traditional "
                           "Chinese.")
        if choice.source == "locale":
            if choice.script == TRADITIONAL:
                return self.tr("Chinese will be written in Traditional characters, as this computer is set to "
                               "Traditional Chinese.")
            return self.tr("Chinese will be written in Simplified characters, as this computer is set to "
                           "Simplified Chinese. Choose Traditional for a Taiwan workshop.")
        return self.tr("Chinese will be written in Simplified characters, as nothing on this computer names a "
                       "script. Choose Traditional for a Taiwan workshop.")

    def _validate(self) -> None:
        problem = "" if self.title_edit.text().strip() else self.tr("The workshop needs a title.")
        self.message.say(problem)
        self.ok_button.setEnabled(not problem)

    def values(self) -> dict[str, str]:
        """The fields as the store names them."""
        return {
            "title": self.title_edit.text().strip(),
            "dates": self.dates_edit.text().strip(),
            "venue": self.venue_edit.text().strip(),
            "organiser": self.organiser_edit.text().strip(),
            "language": self.language_combo.currentData(),
            "script": self.script_combo.currentData(),
        }

    def accept(self) -> None:
        """Write the workshop, or keep the dialog open and say why it could not be written."""
        if not self.ok_button.isEnabled():  # Enter in a field reaches here even while OK is disabled
            return
        try:
            self.record(edit_workshop(self.store, **self.values()), self.tr("Edit workshop details"))
            self.workshop = self.store.workshop()
        except MinutesError as exc:
            show_error(self, exc)
            return
        super().accept()
