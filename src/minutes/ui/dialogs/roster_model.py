"""The roster as a table model: a participant per row, edited in place, sorted and filtered by a proxy.

Every change goes to the store the moment it is made (the store is the truth; there is no Save button), as
an undoable operation, and the table model follows with fine-grained signals.
"""

from __future__ import annotations

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
from PySide6.QtWidgets import QWidget

from minutes.domain import PARTICIPANT_FIELDS, Participant
from minutes.errors import MinutesError
from minutes.operations.roster import delete_participants, edit_participant
from minutes.store import WorkshopStore
from minutes.ui.i18n import core_text
from minutes.ui.undo import Record, no_undo

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


def header_tip(column: int) -> str:
    return QCoreApplication.translate("RosterModel", _HEADER_TIPS[column])


def same_person(a: Participant, b: Participant) -> bool:
    """True when two roster entries name the same person (same name and organisation, ignoring case)."""
    return (a.name.strip().casefold() == b.name.strip().casefold()
            and a.organisation.strip().casefold() == b.organisation.strip().casefold())


def describe(person: Participant) -> str:
    """The person's name with their organisation, as messages name them."""
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


class RosterModel(QAbstractTableModel):
    """The roster as a table: one row per participant, in store order; edits are written to the store at once,
    each an operation of :mod:`minutes.operations.roster` kept through ``record`` as an undo step.

    Signals:
        invalid: an edit was refused because of what was typed (the sentence says why).
        store_failed: the store could not write an edit (its plain sentence).
    """

    invalid = Signal(str)
    store_failed = Signal(str)

    def __init__(self, store: WorkshopStore, parent: QWidget | None = None, record: Record = no_undo) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
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
            self.record(edit_participant(self.store, person.id, **{field: text}),
                        self.tr("Edit {0}").format(person.name))
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
        done = delete_participants(self.store, participant_ids)
        self.record(done, self.tr("Remove participants"))
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

