"""Reading a participant roster from a CSV file (no Qt here, so the command line could share it).

The file is UTF-8 (a byte-order mark, as Excel writes, is fine) with a header row naming the columns
``name``, ``title``, ``organisation`` and ``country`` in any order; only ``name`` is required. Any problem
raises :class:`~minutes.errors.InputError` with a sentence naming the line, and nothing is returned, so a
caller imports all of a file or none of it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from minutes.domain import Participant
from minutes.errors import InputError

COLUMNS = ("name", "title", "organisation", "country")
# Spellings people use in the header for the same columns.
_HEADER_ALIASES = {"organization": "organisation", "org": "organisation", "affiliation": "organisation",
                   "position": "title"}


def read_roster_csv(path: Path) -> list[Participant]:
    """The participants listed in the CSV file at ``path``, in file order."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            f"Line {line} of {path.name} is not UTF-8 text. Save the file as \"CSV UTF-8\" and import it again; "
            "nothing was imported."
        ) from exc
    return parse_roster_csv(text, path.name)


def parse_roster_csv(text: str, name: str = "the file") -> list[Participant]:
    """The participants in CSV ``text``; ``name`` is how messages refer to the file."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise InputError(f"{name} is empty. It needs a header row (name,title,organisation,country) "
                             "and one line per participant; nothing was imported.")
        columns = [_HEADER_ALIASES.get(cell.strip().casefold(), cell.strip().casefold()) for cell in header]
        unknown = [cell for cell, column in zip(header, columns, strict=True) if column not in COLUMNS]
        if unknown or "name" not in columns or len(set(columns)) != len(columns):
            raise InputError(
                f"Line 1 of {name} should be the header name,title,organisation,country but reads "
                f"\"{','.join(header)}\". Fix it and import again; nothing was imported."
            )
        people = []
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank lines, often at the end of a file, are not participants
            if len(row) != len(columns):
                raise InputError(
                    f"Line {line} of {name} has {len(row)} values but the header names {len(columns)}. "
                    "Put values holding commas in double quotes, fix the line and import again; nothing was imported."
                )
            values = {column: cell.strip() for column, cell in zip(columns, row, strict=True)}
            if not values["name"]:
                raise InputError(f"Line {line} of {name} has no name. Fix the line and import again; "
                                 "nothing was imported.")
            people.append(Participant(**values))
    except csv.Error as exc:
        raise InputError(f"Line {reader.line_num} of {name} is not valid CSV ({exc}). Fix the line and import "
                         "again; nothing was imported.") from exc
    return people
