"""The workshop glossary dialog: names, organisations and terms the speech model should spell right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from minutes.errors import MinutesError
from minutes.operations.workshop import set_glossary
from minutes.store import WorkshopStore
from minutes.text.glossary import read_glossary_file, unique_terms
from minutes.ui.dialogs.common import accepted, ok_cancel_buttons, show_error, use_traditional_chinese_fonts
from minutes.ui.undo import Record, no_undo


class GlossaryDialog(QDialog):
    """One term per line, most important first; OK stores the list (transcriptions from then on use it)."""

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.setWindowTitle(self.tr("Workshop glossary"))
        use_traditional_chinese_fonts(self)
        intro = QLabel(self.tr(
            "Names, organisations and terms said in the sessions, one per line, the most important first "
            "(for example: forced criminality, 人口販運, National Immigration Agency). Minutes gives them to "
            "the speech model, with the names on the participant roster, so it spells them right. "
            "Chinese terms are written in the workshop's script."))
        intro.setWordWrap(True)
        self.terms_edit = QPlainTextEdit("\n".join(store.glossary()))
        self.terms_edit.setObjectName("terms")
        self.terms_edit.setPlaceholderText(self.tr("One name or term per line"))
        self.import_button = QPushButton(self.tr("&Add from file…"))
        self.import_button.setToolTip(self.tr("Add the terms of a text file (one per line, or separated by commas)"))
        self.import_button.clicked.connect(self._add_from_file)
        buttons, _ok = ok_cancel_buttons(self, self.tr("Keep this glossary for the workshop"))
        buttons.addButton(self.import_button, buttons.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.terms_edit, 1)
        layout.addWidget(buttons)
        self.resize(520, 460)

    def terms(self) -> list[str]:
        """The listed terms, one per line (a comma may be part of a name here, unlike in imported files)."""
        return unique_terms(self.terms_edit.toPlainText().splitlines())

    def add_terms(self, terms: list[str]) -> None:
        """Append ``terms`` after those already listed, leaving out the ones already there."""
        known = {t.casefold() for t in self.terms()}
        new = [t for t in terms if t.casefold() not in known]
        if new:
            current = self.terms_edit.toPlainText().rstrip("\n")
            self.terms_edit.setPlainText("\n".join([current, *new] if current else new))

    def _add_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Add glossary terms"), "",
                                              self.tr("Text files (*.txt *.csv);;All files (*)"))
        if not name:
            return
        try:
            self.add_terms(read_glossary_file(Path(name)))
        except MinutesError as exc:
            show_error(self, exc)

    def accept(self) -> None:
        try:
            self.record(set_glossary(self.store, self.terms()), self.tr("Edit glossary"))
        except MinutesError as exc:
            show_error(self, exc)
            return
        super().accept()

    @classmethod
    def ask(cls, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> bool:
        """Show the dialog modally; True if the glossary was stored (and kept through ``record``)."""
        return accepted(cls(store, parent, record))
