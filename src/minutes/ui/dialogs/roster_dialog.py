"""The workshop's participant roster: a sortable, filterable table edited in place, with add, delete and
import from a registration sheet.

Every change goes to the store the moment it is made (the store is the truth; there is no Save button) as an
operation of :mod:`minutes.operations.roster`, kept through ``record`` as an undo step of the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from minutes.domain import Participant
from minutes.errors import MinutesError
from minutes.operations.roster import import_roster, read_roster
from minutes.store import WorkshopStore
from minutes.ui.dialogs.common import MessageLine, show_error, use_traditional_chinese_fonts
from minutes.ui.dialogs.participant_dialog import ParticipantDialog
from minutes.ui.dialogs.roster_model import RosterModel, RosterProxy, describe
from minutes.ui.i18n import core_text
from minutes.ui.undo import Record, no_undo


class RosterDialog(QDialog):
    """The workshop's participant roster: add, edit in place, delete and import from CSV.

    Attributes:
        model: the roster table model (rows in store order).
        proxy: the sorted, filtered view of it shown in the table.
        changed: True once anything was written to the store, so a caller knows to refresh.
    """

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.changed = False
        self.setWindowTitle(self.tr("Participants"))
        use_traditional_chinese_fonts(self)

        self.model = RosterModel(store, self, record)
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
    def ask(cls, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> bool:
        """Show the roster modally; True if anything in it was changed. Each change is kept through ``record``."""
        dialog = cls(store, parent, record)
        dialog.exec()
        return dialog.changed

    # -- actions -------------------------------------------------------------------------------

    def add_participant(self) -> Participant | None:
        """Ask for a new participant and show them selected; the stored person, or None."""
        person = ParticipantDialog.ask(self.store, None, self, record=self.record)
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
            done = import_roster(self.store, sheet.records)
        except MinutesError as exc:
            show_error(self, exc)
            return 0
        counts = done.value
        self.record(done, self.tr("Import {0}").format(path.name))
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
