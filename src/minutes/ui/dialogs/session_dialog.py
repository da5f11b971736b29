"""The agenda-session dialog: title, date, times, room, chair, rapporteur, language and planned speakers."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from minutes.domain import Participant, Session
from minutes.errors import MinutesError
from minutes.operations.sessions import save_session
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import (
    AUTO,
    MessageLine,
    language_combo,
    ok_cancel_buttons,
    show_error,
    use_traditional_chinese_fonts,
)
from minutes.ui.dialogs.participant_dialog import ParticipantDialog
from minutes.ui.undo import Record, no_undo

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_FORMAT = "yyyy-MM-dd"  # ISO, as stored; also unambiguous for a dozen countries reading it
TIME_FORMAT = "HH:mm"
DEFAULT_START = QTime(9, 0)
DEFAULT_LENGTH_S = 90 * 60  # the workshop's sessions are about an hour and a half


def speaker_label(person: Participant) -> str:
    """How a participant is listed among the planned speakers: name, then title, organisation, country."""
    details = ", ".join(part for part in (person.title, person.organisation, person.country) if part)
    return f"{person.name} — {details}" if details else person.name


class SessionDialog(QDialog):
    """Add an agenda session, or edit one; OK writes the session and its planned speakers in one transaction.

    Attributes:
        speaker_ids: the checked participants in speaking order (the order they were ticked in).
    """

    def __init__(self, store: WorkshopStore, session_id: int | None = None, parent: QWidget | None = None,
                 record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self._session_id = session_id
        self._saved = False
        if session_id is None:
            current = self._new_session_defaults()
            self.speaker_ids: list[int] = []
        else:
            current = store.session(session_id)
            self.speaker_ids = [p.id for p in store.session_participants(session_id)]
        self.setWindowTitle(self.tr("New session") if session_id is None else self.tr("Edit session"))
        use_traditional_chinese_fonts(self)
        roster = store.participants()

        self.title_edit = QLineEdit(current.title)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("e.g. Session 1: Atypical Victims of Human Trafficking"))
        self.title_edit.setCursorPosition(0)  # a long title shows its start ("Session 1: …"), not its end
        self.title_edit.setToolTip(self.tr("The session's title on the agenda and in the minutes. Required, and "
                                           "different from every other session's."))

        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setToolTip(self.tr("Day of the session; press Alt+Down or click the arrow for a calendar."))
        self.no_date_check = QCheckBox(self.tr("No d&ate"))
        self.no_date_check.setObjectName("no_date")
        self.no_date_check.setToolTip(self.tr("Tick when the session's day is not known yet; no date is stored."))
        date = QDate.fromString(current.date, Qt.DateFormat.ISODate)
        self.date_edit.setDate(date if date.isValid() else QDate.currentDate())
        self.no_date_check.setChecked(not date.isValid())

        self.start_edit = QTimeEdit()
        self.start_edit.setObjectName("start")
        self.start_edit.setDisplayFormat(TIME_FORMAT)
        self.start_edit.setToolTip(self.tr("When the session starts (24-hour clock, local time)."))
        self.end_edit = QTimeEdit()
        self.end_edit.setObjectName("end")
        self.end_edit.setDisplayFormat(TIME_FORMAT)
        self.end_edit.setToolTip(self.tr("When the session ends; after it starts."))
        self.no_time_check = QCheckBox(self.tr("No t&ime"))
        self.no_time_check.setObjectName("no_time")
        self.no_time_check.setToolTip(self.tr("Tick when the session's times are not known yet; no times are stored."))
        start = QTime.fromString(current.start, TIME_FORMAT)
        end = QTime.fromString(current.end, TIME_FORMAT)
        self.start_edit.setTime(start if start.isValid() else DEFAULT_START)
        self.end_edit.setTime(end if end.isValid() else self.start_edit.time().addSecs(DEFAULT_LENGTH_S))
        self.no_time_check.setChecked(not (start.isValid() and end.isValid()))

        self.room_edit = QLineEdit(current.venue)
        self.room_edit.setObjectName("room")
        self.room_edit.setPlaceholderText(self.tr("e.g. Room 201, 2nd floor"))
        self.room_edit.setToolTip(self.tr("Room the session is held in."))
        names = [p.name for p in roster]
        self.chair_combo = self._person_combo(
            "chair", names, current.chair,
            self.tr("Who chairs or moderates the session: pick from the roster or type a name."))
        self.rapporteur_combo = self._person_combo(
            "rapporteur", names, current.rapporteur,
            self.tr("Who writes the session's minutes: pick from the roster or type a name."))
        self.language_combo = language_combo(current.language, self)
        self.language_combo.setObjectName("language")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Title:"), self.title_edit)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.no_date_check)
        date_row.addStretch(1)
        form.addRow(self.tr("&Date:"), date_row)
        form.labelForField(date_row).setBuddy(self.date_edit)
        time_row = QHBoxLayout()
        time_row.addWidget(self.start_edit)
        to_label = QLabel(self.tr("t&o"))
        to_label.setBuddy(self.end_edit)
        time_row.addWidget(to_label)
        time_row.addWidget(self.end_edit)
        time_row.addWidget(self.no_time_check)
        time_row.addStretch(1)
        form.addRow(self.tr("Ti&me:"), time_row)
        form.labelForField(time_row).setBuddy(self.start_edit)
        form.addRow(self.tr("&Room:"), self.room_edit)
        form.addRow(self.tr("&Chair / moderator:"), self.chair_combo)
        form.addRow(self.tr("Ra&pporteur:"), self.rapporteur_combo)
        form.addRow(self.tr("&Language:"), self.language_combo)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("speaker_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter the roster"))
        self.filter_edit.setToolTip(self.tr("Show only participants whose name, title, organisation or country "
                                            "contains this text"))
        self.filter_edit.setClearButtonEnabled(True)
        self.speaker_list = QListWidget()
        self.speaker_list.setObjectName("speakers")
        self.speaker_list.setToolTip(self.tr("Tick who is planned to speak (Space ticks the selected one). They "
                                             "speak in the order they were ticked; transcript speakers are named "
                                             "from this list."))
        self.speaker_list.setUniformItemSizes(True)
        # Long organisation names are cut with "…" (the tooltip has all of it) rather than scrolled sideways.
        self.speaker_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.speaker_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for person in roster:
            self._add_item(person, checked=person.id in self.speaker_ids)
        self.add_person_button = QPushButton(self.tr("Add participa&nt…"))
        self.add_person_button.setObjectName("add_participant")
        self.add_person_button.setToolTip(self.tr("Add someone to the workshop's roster and tick them as a speaker"))
        self.order_label = QLabel()
        self.order_label.setObjectName("order")
        self.order_label.setWordWrap(True)
        self.order_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        speakers_box = QGroupBox(self.tr("Planned &speakers"))
        box_layout = QVBoxLayout(speakers_box)
        box_layout.addWidget(self.filter_edit)
        box_layout.addWidget(self.speaker_list, 1)
        box_layout.addWidget(self.order_label)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_person_button)
        box_layout.addLayout(add_row)
        # The group's mnemonic moves the focus to its first child, the filter box, which is where a search starts.

        self.message = MessageLine(self)
        self.buttons, self.ok_button = ok_cancel_buttons(self, self.tr("Save the session and its planned speakers"))

        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addWidget(speakers_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        chain = (self.title_edit, self.date_edit, self.no_date_check, self.start_edit, self.end_edit,
                 self.no_time_check, self.room_edit, self.chair_combo, self.rapporteur_combo, self.language_combo,
                 self.filter_edit, self.speaker_list, self.add_person_button, self.buttons)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.title_edit.textChanged.connect(self._validate)
        self.no_date_check.toggled.connect(self._update_enabled)
        self.no_time_check.toggled.connect(self._update_enabled)
        self.start_edit.timeChanged.connect(self._validate)
        self.end_edit.timeChanged.connect(self._validate)
        self.filter_edit.textChanged.connect(self._filter)
        self.speaker_list.itemChanged.connect(self._speaker_toggled)
        self.add_person_button.clicked.connect(self.add_participant)
        self._update_enabled()
        self._update_order()
        self.resize(960, 560)

    @classmethod
    def ask(cls, store: WorkshopStore, session_id: int | None = None, parent: QWidget | None = None,
            record: Record = no_undo) -> int | None:
        """Show the dialog modally; the id of the session written after OK, or None if cancelled.

        Args:
            store: the workshop to write to.
            session_id: the session to edit, or None for a new one.
            parent: the window it belongs to.
            record: keeps the change as an undo step.
        """
        try:
            dialog = cls(store, session_id, parent, record)
        except MinutesError as exc:  # e.g. the session was deleted since the list was drawn
            show_error(parent, exc)
            return None
        dialog.exec()
        return dialog.session_id if dialog._saved else None

    @property
    def session_id(self) -> int | None:
        """The session being edited, or after OK the one created; None for a new session not yet saved."""
        return self._session_id

    # -- building ------------------------------------------------------------------------------

    def _new_session_defaults(self) -> Session:
        """A new session follows the last one on the agenda: same day and room, starting when it ends."""
        sessions = self.store.sessions()
        language = self.store.workshop().language or AUTO
        last = sessions[-1] if sessions else Session(title="", date=QDate.currentDate().toString(Qt.DateFormat.ISODate))
        start = QTime.fromString(last.end, TIME_FORMAT)
        start = start if start.isValid() else DEFAULT_START
        end = start.addSecs(DEFAULT_LENGTH_S)
        if end <= start:  # the clock wrapped past midnight; the user sees the problem and picks the times
            end = QTime(23, 59)
        return Session(title="", date=last.date, start=start.toString(TIME_FORMAT), end=end.toString(TIME_FORMAT),
                       venue=last.venue, language=language)

    def _person_combo(self, name: str, names: list[str], current: str, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # a typed name is stored as text, not on the roster
        combo.addItems(names)
        combo.setCurrentText(current)
        combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setToolTip(tip)
        return combo

    def _add_item(self, person: Participant, *, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(speaker_label(person))
        item.setData(ID_ROLE, person.id)
        item.setData(NAME_ROLE, person.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setToolTip(speaker_label(person))
        # Keep the roster's alphabetical order when someone is added while the dialog is open.
        row = next((i for i in range(self.speaker_list.count())
                    if self.speaker_list.item(i).text().casefold() > item.text().casefold()),
                   self.speaker_list.count())
        self.speaker_list.insertItem(row, item)
        return item

    # -- behaviour -----------------------------------------------------------------------------

    def add_participant(self) -> Participant | None:
        """Add someone to the roster (in the participant dialog) and tick them; the new person, or None."""
        person = ParticipantDialog.ask(self.store, None, self, name=self.filter_edit.text().strip(),
                                       record=self.record)
        if person is None:
            return None
        with QSignalBlocker(self.speaker_list):
            item = self._add_item(person, checked=True)
        self.speaker_ids.append(person.id)
        for combo in (self.chair_combo, self.rapporteur_combo):
            text = combo.currentText()  # adding an item must not replace what was typed
            combo.addItem(person.name)
            combo.setCurrentText(text)
        self.filter_edit.clear()
        self.speaker_list.setCurrentItem(item)
        self.speaker_list.scrollToItem(item)
        self._update_order()
        return person

    def _speaker_toggled(self, item: QListWidgetItem) -> None:
        person_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked and person_id not in self.speaker_ids:
            self.speaker_ids.append(person_id)
        elif item.checkState() != Qt.CheckState.Checked and person_id in self.speaker_ids:
            self.speaker_ids.remove(person_id)
        self._update_order()

    def _update_order(self) -> None:
        names = {self.speaker_list.item(i).data(ID_ROLE): self.speaker_list.item(i).data(NAME_ROLE)
                 for i in range(self.speaker_list.count())}
        if self.speaker_ids:
            order = "; ".join(f"{n}. {names[pid]}" for n, pid in enumerate(self.speaker_ids, 1))
            self.order_label.setText(self.tr("Speaking order: {0}").format(order))
        elif self.speaker_list.count():
            self.order_label.setText(self.tr("No planned speakers ticked."))
        else:
            self.order_label.setText(self.tr("The roster is empty: add participants to plan speakers."))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.speaker_list.count()):
            item = self.speaker_list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _update_enabled(self) -> None:
        self.date_edit.setEnabled(not self.no_date_check.isChecked())
        self.start_edit.setEnabled(not self.no_time_check.isChecked())
        self.end_edit.setEnabled(not self.no_time_check.isChecked())
        self._validate()

    def problem(self) -> str:
        """Why the session cannot be saved as it stands, or an empty string."""
        title = self.title_edit.text().strip()
        if not title:
            return self.tr("The session needs a title.")
        other = self.store.find_session(title)
        if other is not None and other.id != self._session_id:
            return self.tr('A session titled "{0}" already exists. Choose another title.').format(title)
        if not self.no_time_check.isChecked() and self.end_edit.time() <= self.start_edit.time():
            return self.tr("The session must end after it starts.")
        return ""

    def _validate(self) -> None:
        problem = self.problem()
        self.message.say(problem)
        self.ok_button.setEnabled(not problem)

    def values(self) -> dict[str, str]:
        """The session's fields as the store names them."""
        timed = not self.no_time_check.isChecked()
        return {
            "title": self.title_edit.text().strip(),
            "date": "" if self.no_date_check.isChecked() else self.date_edit.date().toString(Qt.DateFormat.ISODate),
            "start": self.start_edit.time().toString(TIME_FORMAT) if timed else "",
            "end": self.end_edit.time().toString(TIME_FORMAT) if timed else "",
            "venue": self.room_edit.text().strip(),
            "chair": self.chair_combo.currentText().strip(),
            "rapporteur": self.rapporteur_combo.currentText().strip(),
            "language": self.language_combo.currentData(),
        }

    def accept(self) -> None:
        """Write the session and its speakers in one transaction, or keep the dialog open and say why not."""
        self._validate()  # the store may have changed since the last keystroke
        if not self.ok_button.isEnabled():
            return
        fields = self.values()
        try:
            done = save_session(self.store, self._session_id, fields, self.speaker_ids)
        except MinutesError as exc:
            show_error(self, exc)
            return
        session_id = done.value
        self.record(done, self.tr("Add session") if self._session_id is None else self.tr("Edit session"))
        self._session_id = session_id
        self._saved = True
        super().accept()
