"""Reading a participant roster from a CSV file (no widgets here, so the command line could share it).

The file is UTF-8 (a byte-order mark, as Excel writes, is fine) with a header row naming the columns
``name``, ``title``, ``organisation`` and ``country`` in any order; only ``name`` is required. Any problem
raises :class:`~minutes.errors.InputError` with a sentence naming the line, and nothing is returned, so a
caller imports all of a file or none of it. The sentences are translated (``QCoreApplication.translate``)
when an interface translation is installed, and stay English otherwise.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from minutes.domain import Participant
from minutes.errors import InputError

COLUMNS = ("name", "title", "organisation", "country")
# Spellings people use in the header for the same columns.
_HEADER_ALIASES = {"organization": "organisation", "org": "organisation", "affiliation": "organisation",
                   "position": "title"}
_CONTEXT = "RosterCsv"  # the translation context of the sentences below


def _error(message: str, **values: object) -> InputError:
    """An InputError with ``message`` (marked for translation) translated, then filled with ``values``."""
    return InputError(QCoreApplication.translate(_CONTEXT, message).format(**values))


def read_roster_csv(path: Path) -> list[Participant]:
    """The participants listed in the CSV file at ``path``, in file order."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("RosterCsv", "Cannot read {path}: {reason}."), path=path,
                     reason=exc.strerror) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _error(QT_TRANSLATE_NOOP(
            "RosterCsv", "Line {line} of {name} is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it "
            "again; nothing was imported."), line=line, name=path.name) from exc
    return parse_roster_csv(text, path.name)


def parse_roster_csv(text: str, name: str | None = None) -> list[Participant]:
    """The participants in CSV ``text``; ``name`` is how messages refer to the file (default "the file")."""
    name = name or QCoreApplication.translate("RosterCsv", "the file")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise _error(QT_TRANSLATE_NOOP(
                "RosterCsv", "{name} is empty. It needs a header row (name,title,organisation,country) and one line "
                "per participant; nothing was imported."), name=name)
        columns = [_HEADER_ALIASES.get(cell.strip().casefold(), cell.strip().casefold()) for cell in header]
        unknown = [cell for cell, column in zip(header, columns, strict=True) if column not in COLUMNS]
        if unknown or "name" not in columns or len(set(columns)) != len(columns):
            raise _error(QT_TRANSLATE_NOOP(
                "RosterCsv", "Line 1 of {name} should be the header name,title,organisation,country but reads "
                "\"{header}\". Fix it and import again; nothing was imported."), name=name, header=",".join(header))
        people = []
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines, often at the end of a file, are not participants
            if len(row) != len(columns):
                raise _error(QT_TRANSLATE_NOOP(
                    "RosterCsv", "Line {line} of {name} has {values} values but the header names {columns}. Put "
                    "values holding commas in double quotes, fix the line and import again; nothing was imported."),
                    line=line, name=name, values=len(row), columns=len(columns))
            values = {column: cell.strip() for column, cell in zip(columns, row, strict=True)}
            if not values["name"]:
                raise _error(QT_TRANSLATE_NOOP(
                    "RosterCsv", "Line {line} of {name} has no name. Fix the line and import again; nothing was "
                    "imported."), line=line, name=name)
            people.append(Participant(**values))
    except csv.Error as exc:
        raise _error(QT_TRANSLATE_NOOP(
            "RosterCsv", "Line {line} of {name} is not valid CSV ({error}). Fix the line and import again; nothing "
            "was imported."), line=reader.line_num, name=name, error=exc) from exc
    return people
