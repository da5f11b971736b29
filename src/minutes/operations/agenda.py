"""The agenda from the programme sheet: sessions with no recording yet, and the programme order.

:func:`read_agenda` reads a CSV or XLSX programme (see :mod:`minutes.operations.sheets`): a title column is
required; date, start, end (or one time column such as "09:30-11:00"), venue, chair and rapporteur are
optional. :func:`import_agenda` creates a session for each new title, with no recording (rapporteurs record
into it later), and updates the details of a session whose title matches; a title repeated in the sheet is
skipped. :func:`programme` is the order the agenda, the report and the programme table use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from minutes.domain import Session
from minutes.messages import N_
from minutes.operations.changes import OpChanges, OpResult
from minutes.operations.roster import ImportCounts
from minutes.operations.sheets import SheetRead, read_sheet
from minutes.store import WorkshopStore

FIELDS = ("date", "start", "end", "venue", "chair", "rapporteur")
SYNONYMS = {
    "title": ("session", "session title", "session name", "topic", "subject", "agenda item", "item", "programme",
              "program", "panel", "場次", "主題", "議題", "議程", "題目", "場次名稱", "講題"),
    "date": ("day", "日期"),
    "start": ("start time", "starts", "begins", "from", "開始", "開始時間", "起"),
    "end": ("end time", "ends", "until", "to", "finish", "結束", "結束時間", "迄"),
    "time": ("times", "time slot", "slot", "時間", "時段"),
    "venue": ("room", "location", "place", "hall", "地點", "會議室", "場地"),
    "chair": ("chairperson", "chairman", "chairwoman", "moderator", "facilitator", "chaired by", "主持人", "主持"),
    "rapporteur": ("note taker", "notetaker", "recorder", "minutes", "紀錄", "記錄", "紀錄人", "記錄人"),
}
_DESCRIBE = "date, start, end, title, venue, chair, rapporteur"
_RANGE = re.compile(r"^\s*(\d{1,2}[:.：]\d{2})\s*(?:-|–|—|~|～|to|至)\s*(\d{1,2}[:.：]\d{2})\s*$")
MAX_TITLE = 300


def read_agenda(path: Path) -> SheetRead:
    """The sessions of a programme sheet (``records``: Session objects), with the rows it could not read."""
    sheet = read_sheet(path, SYNONYMS, "title", _DESCRIBE)
    result = SheetRead()
    for number, values in sheet.rows:
        title = values.get("title", "")
        if not title:
            result.problems.append((number, N_("the title is missing")))
            continue
        if len(title) > MAX_TITLE:
            result.problems.append((number, N_(f"the title is longer than {MAX_TITLE} characters")))
            continue
        start, end = values.get("start", ""), values.get("end", "")
        span = _RANGE.match(values.get("time", ""))
        if span and not (start or end):
            start, end = span.groups()
        elif not start and values.get("time"):
            start = values["time"]
        result.records.append(Session(title=title, date=values.get("date", ""), start=_clock(start),
                                      end=_clock(end), venue=values.get("venue", ""),
                                      chair=values.get("chair", ""), rapporteur=values.get("rapporteur", "")))
        result.row_numbers.append(number)
    return result


def import_agenda(store: WorkshopStore, rows: Sequence[Session]) -> OpResult[ImportCounts]:
    """Create or update the sessions of ``rows`` in one transaction; recordings are never touched."""
    added = updated = skipped = 0
    seen: set[str] = set()
    with store.transaction():
        for row in rows:
            if row.title in seen:
                skipped += 1
                continue
            seen.add(row.title)
            found = store.find_session(row.title)
            if found is None:
                store.add_session(Session(title=row.title, **{f: getattr(row, f) for f in FIELDS}))
                added += 1
                continue
            changes = {f: getattr(row, f) for f in FIELDS if getattr(row, f) and getattr(row, f) != getattr(found, f)}
            if changes:
                store.update_session(found.id, **changes)
                updated += 1
            else:
                skipped += 1
    return OpResult(ImportCounts(added, updated, skipped), OpChanges(sessions=bool(added or updated)))


def programme(sessions: Sequence[Session]) -> list[Session]:
    """Sessions in programme order: by date and start time; undated ones after, in the order they were added."""
    return sorted(sessions, key=lambda s: (not s.date, s.date, not s.start, _clock(s.start), s.position, s.id or 0))


def _clock(text: str) -> str:
    """"9:30", "09.30", "9：30" → "09:30"; anything else is kept as it was written."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.：](\d{2})(?::\d{2})?\s*", text)
    return f"{int(match[1]):02d}:{match[2]}" if match else text.strip()
