"""Reading registration sheets (CSV or XLSX) whose headers people typed: the roster and the agenda share it.

CSV may be UTF-8 with or without a byte-order mark, UTF-16 with one, or Big5/CP950 (common in Taiwan); it
may be separated by commas, semicolons or tabs. XLSX is read with openpyxl (the first sheet; merged cells
give every cell they cover the merged value; a formula gives the value Excel saved with it, or nothing).
The header row is the first of the first ten rows in which the required column is found, so a title line
above the table does no harm. Headers are matched loosely: case, spaces and punctuation do not matter,
words in brackets are ignored, and each column has synonyms (English and Chinese).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes.errors import InputError

MAX_FILE_BYTES = 64 << 20
MAX_UNPACKED_BYTES = 512 << 20  # an XLSX is a zip: refuse one that would unpack into more than this
MAX_ROWS = 200_000
MAX_CELL = 1000
HEADER_SEARCH = 10


@dataclass
class Sheet:
    """The data rows of a sheet under its matched columns: ``rows`` are (row number as shown, {column: text})."""

    name: str
    columns: dict[str, int]
    rows: list[tuple[int, dict[str, str]]]


@dataclass
class SheetRead:
    """What a reader made of a sheet: the records, the row each came from, and the rows it could not read."""

    records: list[Any] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_sheet(path: Path, synonyms: Mapping[str, Sequence[str]], required: str, describe: str, *,
               alternative: Sequence[str] = ()) -> Sheet:
    """The table of ``path`` with its columns matched to ``synonyms``; refuse a sheet without ``required``
    (or, when given, without all the ``alternative`` columns, such as first and last name).

    ``describe`` names the columns in messages, e.g. "name, title, organisation, country".
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise InputError(f"{path}: no such file. Check the name and the folder.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"{path} is larger than {MAX_FILE_BYTES >> 20} MB; a registration sheet is much smaller. "
                         "Save only the table and import it again.")
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        grid = _xlsx_rows(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        grid = _csv_rows(path)
    elif suffix == ".xls":
        raise InputError(f"{path} is an old Excel 97-2003 workbook. Open it in Excel or LibreOffice, save it as "
                         ".xlsx (or CSV) and import that.")
    else:
        raise InputError(f"{path}: give a CSV (.csv) or Excel (.xlsx) file.")
    if not any(any(cell for cell in row) for _, row in grid):
        raise InputError(f"{path.name} is empty. It needs a header row ({describe}) and one row per entry; "
                         "nothing was imported.")
    lookup = _synonym_table(synonyms)
    for index, (_, row) in enumerate(grid[:HEADER_SEARCH]):
        columns = match_header(row, lookup)
        if required in columns or (alternative and set(alternative) <= set(columns)):
            return Sheet(path.name, columns, [(number, {c: _cell(cells, i) for c, i in columns.items()})
                                              for number, cells in grid[index + 1:] if any(cells)])
    first = next(row for _, row in grid if any(row))
    raise InputError(f"{path.name} has no {required} column (its first row reads \"{' | '.join(first)[:200]}\"). "
                     f"Name the columns {describe} in the first row and import again; nothing was imported.")


def match_header(row: Sequence[str], lookup: Mapping[str, str]) -> dict[str, int]:
    """column → index for the header cells that name a known column (the first cell wins a column)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        column = _match(cell, lookup)
        if column is not None and column not in found:
            found[column] = index
    return found


def normalise(text: str) -> str:
    """Lower case, brackets dropped, punctuation and runs of spaces made single spaces; full-width folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


def _synonym_table(synonyms: Mapping[str, Sequence[str]]) -> dict[str, str]:
    return {normalise(word): column for column, words in synonyms.items() for word in (column, *words)}


def _match(cell: str, lookup: Mapping[str, str]) -> str | None:
    key = normalise(cell)
    if not key:
        return None
    if key in lookup:
        return lookup[key]
    # "Participant's full name", "Name of organisation": the longest synonym found in the header wins.
    padded = f" {key} "
    hits = [word for word in lookup if (f" {word} " in padded if word.isascii() else word in key)]
    return lookup[max(hits, key=len)] if hits else None


def _cell(cells: Sequence[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


# -- CSV --------------------------------------------------------------------------------------


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    text = _decode(raw, path)
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise InputError(f"{path.name} has more than {MAX_ROWS} rows; split it and import the parts.")
            rows.append((reader.line_num, [_text(cell) for cell in row]))
    except csv.Error as exc:
        raise InputError(f"Line {reader.line_num} of {path.name} is not valid CSV ({exc}). Fix the line and "
                         "import again; nothing was imported.") from exc
    return rows


def _decode(raw: bytes, path: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path.name} is neither UTF-8 nor Big5 text. Save it as \"CSV UTF-8\" (or as .xlsx) and "
                     "import it again; nothing was imported.")


# -- XLSX -------------------------------------------------------------------------------------


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    import openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path.name} is not an Excel .xlsx file. Save it from Excel as .xlsx (or CSV) and "
                         "import it again.") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(f"{path.name} would unpack into more than {MAX_UNPACKED_BYTES >> 20} MB; it is not a "
                         "registration sheet Minutes can read.")
    try:
        workbook = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds (KeyError, ValueError, zip and XML errors)
        raise InputError(f"{path.name} cannot be read as an Excel workbook ({type(exc).__name__}). Open it in "
                         "Excel or LibreOffice, save it as .xlsx and import it again.") from exc
    try:
        sheet = workbook.worksheets[0]
        if sheet.max_row > MAX_ROWS:
            raise InputError(f"{path.name} has more than {MAX_ROWS} rows; split it and import the parts.")
        merged = {}
        for cells in sheet.merged_cells.ranges:
            value = sheet.cell(cells.min_row, cells.min_col).value
            for row in range(cells.min_row, cells.max_row + 1):
                for col in range(cells.min_col, cells.max_col + 1):
                    merged[(row, col)] = value
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            rows.append((number, [_text(merged.get((number, col), value)) for col, value in enumerate(values, 1)]))
        return rows
    finally:
        workbook.close()


def _text(value: Any) -> str:
    """A cell as text: dates as ISO dates, times as HH:MM, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)[:MAX_CELL]
    # Control characters have no place in a name or a title; tabs and line breaks become single spaces.
    return " ".join("".join(ch if ch.isprintable() or ch.isspace() else " " for ch in text).split())
