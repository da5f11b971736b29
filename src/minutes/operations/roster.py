"""The roster from a registration sheet, and back: reading CSV/XLSX, importing with counts, exporting.

:func:`read_roster` turns a sheet (see :mod:`minutes.operations.sheets`) into participants and the rows it
could not read; :func:`import_roster` adds them to the workshop in one transaction. A participant already
there (same name, and the same organisation when both give one: the rule ``import`` uses) is updated with
the sheet's non-empty values, or skipped when nothing differs; a row repeated in the sheet is skipped. The
command line and the roster dialog both use these functions.

Adding, editing and deleting one participant are here too, each undoable (``OpResult.undo``): a deletion
copies what it takes with it (the sessions' planned speakers, the voice profile, the speakers named after
the person) so its undo puts everything back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from minutes.domain import PARTICIPANT_FIELDS, Participant
from minutes.errors import InputError, StoreError
from minutes.fileio import atomic_write
from minutes.messages import N_
from minutes.operations.changes import OpChanges, OpResult, undo_all
from minutes.operations.sheets import SheetRead, read_sheet
from minutes.store import WorkshopStore
from minutes.store.clean import clean_text

COLUMNS = PARTICIPANT_FIELDS
SYNONYMS = {
    "name": ("full name", "fullname", "participant", "participant name", "participants", "delegate",
             "delegate name", "attendee", "english name", "name in english", "姓名", "名字", "與會者", "與會者姓名",
             "英文姓名", "姓名 英文"),
    "title": ("job title", "position", "designation", "post", "rank", "role", "職稱", "職位", "職務"),
    "organisation": ("organization", "org", "affiliation", "agency", "institution", "ministry", "department",
                     "company", "employer", "office", "unit", "單位", "機關", "服務單位", "機構", "組織", "所屬機關",
                     "機關名稱", "機關 構", "服務機關"),
    "country": ("nationality", "economy", "country region", "country or region", "member state", "國家", "國籍",
                "國家地區", "國家 地區"),
    "first": ("first name", "given name", "forename", "名"),
    "last": ("last name", "surname", "family name", "姓"),
}
_DESCRIBE = "name, title, organisation, country"
MAX_NAME = 200


@dataclass(frozen=True)
class ImportCounts:
    """What an import did: rows added, rows that updated an entry, rows skipped as already there or repeated."""

    added: int = 0
    updated: int = 0
    skipped: int = 0


def read_roster(path: Path) -> SheetRead:
    """The participants of a CSV or XLSX registration sheet (``records``), with the rows it could not read."""
    sheet = read_sheet(path, SYNONYMS, "name", _DESCRIBE, alternative=("first", "last"))
    result = SheetRead()
    for number, values in sheet.rows:
        name = values.get("name") or " ".join(v for v in (values.get("first", ""), values.get("last", "")) if v)
        if not name:
            result.problems.append((number, N_("the name is missing")))
            continue
        if len(name) > MAX_NAME:
            result.problems.append((number, N_(f"the name is longer than {MAX_NAME} characters")))
            continue
        result.records.append(Participant(name, values.get("title", ""), values.get("organisation", ""),
                                          values.get("country", "")))
        result.row_numbers.append(number)
    return result


def import_roster(store: WorkshopStore, rows: Sequence[Participant]) -> OpResult[ImportCounts]:
    """Add or update the workshop roster from ``rows``, in one transaction."""
    added = updated = skipped = 0
    by_name: dict[str, list[Participant]] = {}
    for person in store.participants():
        by_name.setdefault(person.name.casefold(), []).append(person)
    seen: set[tuple[str, str]] = set()
    done: list[OpResult[object]] = []
    with store.transaction():
        for row in rows:
            key = (row.name.casefold(), row.organisation.casefold())
            if key in seen:
                skipped += 1
                continue
            seen.add(key)
            found = _find(by_name, row)
            if found is None:
                done.append(add_participant(store, Participant(row.name, row.title, row.organisation, row.country)))
                stored = done[-1].value
                by_name.setdefault(stored.name.casefold(), []).append(stored)
                added += 1
                continue
            changes = {f: getattr(row, f) for f in COLUMNS[1:]
                       if getattr(row, f) and getattr(row, f) != getattr(found, f)}
            if changes:
                done.append(_update(store, found, changes))
                for name, value in changes.items():
                    setattr(found, name, value)
                updated += 1
            else:
                skipped += 1
    counts = ImportCounts(added, updated, skipped)
    return OpResult(counts, OpChanges(participants=bool(added or updated)), undo_all(done, store.transaction))


_ROSTER = OpChanges(participants=True)
# A deletion also clears speakers' names and voice proposals, and the person's voice profile.
_DELETED = OpChanges(participants=True, speakers=True, voices=True)


def add_participant(store: WorkshopStore, person: Participant) -> OpResult[Participant]:
    """Add someone to the roster; the stored participant (with its id)."""
    stored = store.add_participant(person)
    return OpResult(stored, _ROSTER, lambda: delete_participants(store, [stored.id]))


def edit_participant(store: WorkshopStore, participant_id: int, **fields: str) -> OpResult[None]:
    """Change some of a participant's details (``name``, ``title``, ``organisation``, ``country``)."""
    person = next((p for p in store.participants() if p.id == participant_id), None)
    if person is None:
        raise StoreError(f"Participant {participant_id} is no longer on the roster.")
    return _update(store, person, fields)


def _update(store: WorkshopStore, person: Participant, fields: dict[str, str]) -> OpResult[None]:
    old = {name: getattr(person, name) for name in fields}
    store.update_participant(person.id, **fields)
    return OpResult(None, _ROSTER, lambda: edit_participant(store, person.id, **old))


def delete_participants(store: WorkshopStore, participant_ids: Sequence[int]) -> OpResult[None]:
    """Take people off the roster in one transaction: speakers named after them become anonymous again and
    they leave the sessions' planned speakers; what they said stays in the transcripts."""
    ids = list(participant_ids)
    with store.transaction():
        copies = (store.copy_rows("participants", "id", ids),
                  store.copy_rows("session_participants", "participant_id", ids),
                  store.copy_rows("voice_profiles", "participant_id", ids),
                  store.copy_rows("speakers", "participant_id", ids, columns=("id", "participant_id"), update=True),
                  store.copy_rows("speakers", "proposed_participant_id", ids,
                                  columns=("id", "proposed_participant_id", "proposal_score"), update=True))
        for participant_id in ids:
            store.delete_participant(participant_id)

    def undo() -> OpResult[None]:
        store.put_rows(*copies)
        return OpResult(None, _DELETED, lambda: delete_participants(store, ids))

    return OpResult(None, _DELETED, undo)


def _find(by_name: dict[str, list[Participant]], row: Participant) -> Participant | None:
    """The entry ``row`` stands for: :meth:`WorkshopStore.find_participant`'s rule, over an index."""
    for person in by_name.get(row.name.casefold(), []):
        if not row.organisation or not person.organisation or person.organisation == row.organisation:
            return person
    return None


def export_roster(store: WorkshopStore, path: Path) -> int:
    """Write the roster to a CSV (UTF-8 with a BOM, as Excel expects) or XLSX file; the number of rows."""
    path = Path(path).expanduser()
    people = store.participants()
    # Cleaned again: a database an older version wrote may hold control characters, which a worksheet refuses.
    rows = [[clean_text(v) for v in (p.name, p.title, p.organisation, p.country)] for p in people]
    suffix = path.suffix.casefold()
    if suffix == ".xlsx":
        import openpyxl
        from openpyxl.cell import WriteOnlyCell

        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet("Roster")
        for row in [list(COLUMNS), *rows]:
            cells = [WriteOnlyCell(sheet, value) for value in row]
            for cell in cells:
                cell.data_type = "s"  # text, even when it starts with "=": never a formula
            sheet.append(cells)
        atomic_write(path, workbook.save)
    elif suffix == ".csv":
        buffer = io.StringIO(newline="")
        csv.writer(buffer).writerows([list(COLUMNS), *([_safe_cell(v) for v in row] for row in rows)])
        atomic_write(path, lambda handle: handle.write(buffer.getvalue().encode("utf-8-sig")))
    else:
        raise InputError(f"{path}: the roster is written as .csv or .xlsx; give a file name ending in one of those.")
    return len(rows)


def _safe_cell(value: str) -> str:
    # Excel runs a CSV cell starting with = + - @ as a formula (CSV injection); a leading quote keeps it text.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value
