"""Change speaker: whom the selected segments are given to, chosen among the session's voices, its planned
speakers and the whole roster, or typed as a new name (added to the roster)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from minutes.operations import speakers as ops
from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import MessageLine, ok_cancel_buttons, use_traditional_chinese_fonts
from minutes.ui.speaker_names import shown_label

SPEAKER, PERSON, NEW_VOICE = "speaker", "participant", "new"


class SpeakerDialog(QDialog):
    """One editable list: the session's speakers, then its planned speakers, then the rest of the roster.

    Attributes:
        result_value: after OK, the speaker id and what choosing it changed; else None.
    """

    def __init__(self, store: WorkshopStore, session_id: int, current: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.session_id = store, session_id
        self.result_value: OpResult[int] | None = None
        self.setWindowTitle(self.tr("Change speaker"))
        use_traditional_chinese_fonts(self)

        self.combo = QComboBox()
        self.combo.setObjectName("speaker")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setToolTip(self.tr("Pick a voice of this session, a planned speaker or anyone on the roster; "
                                      "or type a new name, which is added to the roster."))
        self._fill(current)
        form = QFormLayout()
        form.addRow(self.tr("&Speaker:"), self.combo)
        self.message = MessageLine(self)
        self.buttons, self.ok_button = ok_cancel_buttons(self, self.tr("Give the selected segments to this speaker"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Whom are the selected segments spoken by?")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.combo.setFocus()
        self.resize(460, self.sizeHint().height())

    def _fill(self, current: int | None) -> None:
        people = {p.id: p for p in self.store.participants()}
        speakers = self.store.speakers(self.session_id)
        names = self.store.speaker_names(self.session_id)
        taken = {s.participant_id for s in speakers if s.participant_id is not None}
        for speaker in speakers:
            self.combo.addItem(shown_label(names[speaker.id]), f"{SPEAKER}:{speaker.id}")
        planned = [p for p in self.store.session_participants(self.session_id) if p.id not in taken]
        if planned:
            self.combo.insertSeparator(self.combo.count())
        for person in planned:
            self.combo.addItem(self.tr("{0} (planned speaker)").format(person.name), f"{PERSON}:{person.id}")
        others = [p for p in people.values() if p.id not in taken and p not in planned]
        if others:
            self.combo.insertSeparator(self.combo.count())
        for person in others:
            label = f"{person.name} — {person.organisation}" if person.organisation else person.name
            self.combo.addItem(label, f"{PERSON}:{person.id}")
        self.combo.insertSeparator(self.combo.count())
        self.combo.addItem(self.tr("Another voice, not named yet"), f"{NEW_VOICE}:")
        self.combo.setCurrentIndex(max(self.combo.findData(f"{SPEAKER}:{current}"), 0))

    def choice(self) -> tuple[str, int | str | None]:
        """What is chosen: (``speaker``, id), (``participant``, id), (``new``, None), or (``name``, typed text)."""
        text = self.combo.currentText().strip()
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.combo.itemData(index):
            kind, _, number = self.combo.itemData(index).partition(":")
            return kind, int(number) if number else None
        return ("name", text)

    def accept(self) -> None:
        kind, value = self.choice()
        if kind == "name" and not value:
            self.message.say(self.tr("Choose a speaker, or type a name."))
            return
        if kind == SPEAKER:
            self.result_value = OpResult(value, OpChanges())
        elif kind == PERSON:
            self.result_value = ops.speaker_for_person(self.store, self.session_id, value)
        elif kind == NEW_VOICE:
            self.result_value = ops.new_voice(self.store, self.session_id)
        else:
            self.result_value = ops.speaker_for_name(self.store, self.session_id, value)
        super().accept()

    @classmethod
    def ask(cls, store: WorkshopStore, session_id: int, current: int | None = None,
            parent: QWidget | None = None) -> OpResult[int] | None:
        """Show the dialog modally; the chosen speaker's id (and what choosing it changed), or None."""
        dialog = cls(store, session_id, current, parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()
