"""The workshop's participant roster: a sortable, filterable table edited in place, and the one-person editor.

Every change goes to the store the moment it is made (the store is the truth; there is no Save button), and
the table model follows with fine-grained signals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes.domain import PARTICIPANT_FIELDS, Participant
from minutes.errors import MinutesError
from minutes.operations.roster import import_roster, read_roster
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import MessageLine, ok_cancel_buttons, show_error, use_traditional_chinese_fonts
from minutes.ui.i18n import core_text

FIELDS = PARTICIPANT_FIELDS
# Both are translated where they are shown, in the context "RosterModel".
HEADERS = (QT_TRANSLATE_NOOP("RosterModel", "Name"), QT_TRANSLATE_NOOP("RosterModel", "Title"),
           QT_TRANSLATE_NOOP("RosterModel", "Organisation"), QT_TRANSLATE_NOOP("RosterModel", "Country"))
_HEADER_TIPS = (
    QT_TRANSLATE_NOOP("RosterModel",
                      "Full name as it should appear in the minutes; transcript speakers can be named after it"),
    QT_TRANSLATE_NOOP("RosterModel", "Job title or role, e.g. Prosecutor, Director"),
    QT_TRANSLATE_NOOP("RosterModel", "Agency, ministry or NGO"),
    QT_TRANSLATE_NOOP("RosterModel", "Country or territory the participant comes from"),
)
ID_ROLE = Qt.ItemDataRole.UserRole
_Index = QModelIndex | QPersistentModelIndex


def _header_tip(column: int) -> str:
    return QCoreApplication.translate("RosterModel", _HEADER_TIPS[column])


def same_person(a: Participant, b: Participant) -> bool:
    """True when two roster entries name the same person (same name and organisation, ignoring case)."""
    return (a.name.strip().casefold() == b.name.strip().casefold()
            and a.organisation.strip().casefold() == b.organisation.strip().casefold())


def describe(person: Participant) -> str:
    """The person's name with their organisation, as messages name them."""
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


class RosterModel(QAbstractTableModel):
    """The roster as a table: one row per participant, in store order; edits are written to the store at once.

    Signals:
        invalid: an edit was refused because of what was typed (the sentence says why).
        store_failed: the store could not write an edit (its plain sentence).
    """

    invalid = Signal(str)
    store_failed = Signal(str)

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._people: list[Participant] = store.participants()

    # -- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(FIELDS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self._people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(person, FIELDS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} — double-click or press F2 to edit").format(describe(person))
        if role == ID_ROLE:
            return person.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(FIELDS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(_HEADER_TIPS[section])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        person = self._people[index.row()]
        field = FIELDS[index.column()]
        text = str(value or "").strip()
        if text == getattr(person, field):
            return False
        if field == "name" and not text:
            self.invalid.emit(self.tr("{0} keeps their name: a participant needs one.").format(person.name))
            return False
        try:
            self.store.update_participant(person.id, **{field: text})
        except MinutesError as exc:
            self.store_failed.emit(core_text(exc))
            return False
        setattr(person, field, text)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    # -- our API -------------------------------------------------------------------------------

    def participant(self, row: int) -> Participant:
        """The participant shown in ``row`` (a copy is not made: do not change it)."""
        return self._people[row]

    def people(self) -> list[Participant]:
        """Everyone in the model, in row order."""
        return list(self._people)

    def row_of(self, participant_id: int) -> int:
        """The row of a participant id, or -1."""
        return next((i for i, p in enumerate(self._people) if p.id == participant_id), -1)

    def append(self, person: Participant) -> None:
        """Show a participant the store already holds."""
        row = len(self._people)
        self.beginInsertRows(QModelIndex(), row, row)
        self._people.append(person)
        self.endInsertRows()

    def remove(self, participant_ids: list[int]) -> None:
        """Delete participants from the store in one transaction, then from the table.

        Raises MinutesError (and leaves both unchanged) if the store cannot write.
        """
        with self.store.transaction():
            for participant_id in participant_ids:
                self.store.delete_participant(participant_id)
        for participant_id in participant_ids:
            row = self.row_of(participant_id)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._people[row]
                self.endRemoveRows()

    def reload(self) -> None:
        """Read the roster again from the store (after changes made elsewhere, such as an import)."""
        self.beginResetModel()
        self._people = self.store.participants()
        self.endResetModel()


class RosterProxy(QSortFilterProxyModel):
    """Sorting by any column and filtering on all of them, ignoring case, in the user's collation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)


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
                 *, name: str = "") -> None:
        super().__init__(parent)
        self.store = store
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
        self.name_edit.setToolTip(self.tr("{0}. Required.").format(_header_tip(0)))
        self.title_edit = QLineEdit(current.title)
        self.title_edit.setObjectName("title")
        self.title_edit.setToolTip(_header_tip(1))
        self.organisation_edit = QLineEdit(current.organisation)
        self.organisation_edit.setObjectName("organisation")
        self.organisation_edit.setToolTip(_header_tip(2))
        # Offer what the roster already says, so one agency is not spelt three ways in the minutes.
        self.organisation_edit.setCompleter(_completer([p.organisation for p in roster], self))
        self.country_edit = QLineEdit(current.country)
        self.country_edit.setObjectName("country")
        self.country_edit.setToolTip(_header_tip(3))
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
            *, name: str = "") -> Participant | None:
        """Show the dialog modally; the stored participant after OK, or None if cancelled.

        Args:
            store: the workshop to write to.
            participant_id: the participant to edit, or None to add one.
            parent: the window it belongs to.
            name: the name a new participant starts with (e.g. what was typed in a filter box).
        """
        dialog = cls(store, participant_id, parent, name=name)
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
                self.participant = self.store.add_participant(person)
            else:
                fields = {f: getattr(person, f) for f in FIELDS}
                self.store.update_participant(self.participant_id, **fields)
                self.participant = person
        except MinutesError as exc:
            show_error(self, exc)
            return
        super().accept()


class RosterDialog(QDialog):
    """The workshop's participant roster: add, edit in place, delete and import from CSV.

    Attributes:
        model: the roster table model (rows in store order).
        proxy: the sorted, filtered view of it shown in the table.
        changed: True once anything was written to the store, so a caller knows to refresh.
    """

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.changed = False
        self.setWindowTitle(self.tr("Participants"))
        use_traditional_chinese_fonts(self)

        self.model = RosterModel(store, self)
        self.proxy = RosterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, title, organisation or country"))
        self.filter_edit.setToolTip(self.tr("Show only participants whose details contain this text"))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label = QLabel(self.tr("&Filter:"))
        filter_label.setBuddy(self.filter_edit)

        self.table = QTableView()
        self.table.setObjectName("roster")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons, as in every other field
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setToolTip(self.tr("Double-click a cell or press F2 to edit it; Delete removes the selected people"))
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName("add")
        self.add_button.setToolTip(self.tr("Add a participant to the roster (Ctrl+N)"))
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("delete")
        self.delete_button.setToolTip(self.tr("Remove the selected participants from the roster (Delete)"))
        self.import_button = QPushButton(self.tr("&Import sheet…"))
        self.import_button.setObjectName("import")
        self.import_button.setToolTip(self.tr("Add or update participants from a registration sheet (CSV or Excel "
                                              ".xlsx) with columns such as name, title, organisation, country"))
        delete_action = QAction(self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(delete_action)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.message = MessageLine(self)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(
            self.tr("Close the roster; every change is already saved"))
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        for first, second in ((self.filter_edit, self.table), (self.table, self.add_button),
                              (self.add_button, self.delete_button), (self.delete_button, self.import_button),
                              (self.import_button, self.buttons)):
            QWidget.setTabOrder(first, second)

        self.filter_edit.textChanged.connect(self._filter)
        self.add_button.clicked.connect(self.add_participant)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_csv)
        self.model.invalid.connect(self.message.say)
        self.model.store_failed.connect(lambda text: show_error(self, text))
        self.model.dataChanged.connect(self._edited)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.proxy.layoutChanged, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_count()
        self._update_buttons()
        self.resize(900, 560)

    @classmethod
    def ask(cls, store: WorkshopStore, parent: QWidget | None = None) -> bool:
        """Show the roster modally; True if anything in it was changed."""
        dialog = cls(store, parent)
        dialog.exec()
        return dialog.changed

    # -- actions -------------------------------------------------------------------------------

    def add_participant(self) -> Participant | None:
        """Ask for a new participant and show them selected; the stored person, or None."""
        person = ParticipantDialog.ask(self.store, None, self)
        if person is None:
            return None
        self.model.append(person)
        self.changed = True
        self.status.setText(self.tr("Added {0}.").format(describe(person)))
        # The filter may hide the new row; clearing it shows the person just added.
        if not self.proxy.mapFromSource(self.model.index(self.model.row_of(person.id), 0)).isValid():
            self.filter_edit.clear()
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(self.model.row_of(person.id), 0)).row())
        return person

    def selected_people(self) -> list[Participant]:
        """The participants whose rows are selected, in the order shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.participant(self.proxy.mapToSource(self.proxy.index(row, 0)).row()) for row in rows]

    def delete_selected(self) -> int:
        """Delete the selected participants after the user confirms; how many were deleted."""
        people = self.selected_people()
        if not people or not self.confirm_delete(people):
            return 0
        try:
            self.model.remove([person.id for person in people])
        except MinutesError as exc:
            show_error(self, exc)
            return 0
        self.changed = True
        self.status.setText(self.tr("Removed {0}.").format(describe(people[0])) if len(people) == 1
                            else self.tr("Removed {0} participants.").format(len(people)))
        return len(people)

    def confirm_delete(self, people: list[Participant]) -> bool:
        """Ask before deleting, naming who goes and what it does to transcripts."""
        if len(people) == 1:
            who = describe(people[0])
        else:
            shown = ", ".join(describe(p) for p in people[:8])
            who = self.tr("these {0} participants ({1})").format(len(people),
                                                                 shown + (", …" if len(people) > 8 else ""))
        answer = QMessageBox.question(
            self, self.tr("Remove participant"),
            self.tr("Remove {0} from the roster?\n\nSpeakers named after them in transcripts become anonymous again, "
                    "and they are taken off the sessions' planned speakers. What they said stays in the "
                    "transcripts.").format(who),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose_csv(self) -> None:
        """Ask for a registration sheet (CSV or XLSX) and import it."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import participants"), "",
                                              self.tr("Registration sheets (*.csv *.xlsx);;All files (*)"))
        if name:
            self.import_csv(Path(name))

    def import_csv(self, path: Path) -> int:
        """Add or update participants from a registration sheet with the command line's rules
        (:mod:`minutes.operations.roster`); how many were added.

        A sheet that cannot be read at all is reported in a message box and nothing is imported; the rows it
        could not read are named in the status line.
        """
        try:
            sheet = read_roster(path)
            counts = import_roster(self.store, sheet.records).value
        except MinutesError as exc:
            show_error(self, exc)
            return 0
        self.model.reload()
        self.changed = self.changed or bool(counts.added or counts.updated)
        text = self.tr("{0}: {1} added, {2} updated, {3} skipped (already on the roster or repeated).").format(
            path.name, counts.added, counts.updated, counts.skipped)
        if sheet.problems:
            rows = ", ".join(f"{row} ({core_text(problem)})" for row, problem in sheet.problems[:10])
            more = "…" if len(sheet.problems) > 10 else ""
            text += " " + self.tr("Rows not read: {0}.").format(rows + more)
        self.status.setText(text)
        return counts.added

    # -- keeping the view in step --------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_count()

    def _edited(self) -> None:
        self.changed = True
        self.message.say("")

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(self.tr("{0} participants").format(total) if shown == total
                                 else self.tr("{0} of {1} shown").format(shown, total))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.table.selectionModel().hasSelection())
