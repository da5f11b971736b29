"""Reading a JSON document nobody vouches for: the file itself, then each field, by its path.

A file handed over on a USB stick may be empty, not UTF-8, nested 100,000 levels deep, hold a number of
5,000 digits, ``NaN`` or ``Infinity``, or put a list where a name should be. :func:`load_json` turns every
such file into an :class:`~minutes.errors.InputError`; the field readers check one field each and name it
by its path (``segments[3]."start"``) in the message, so the user knows what to fix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from minutes.errors import InputError
from minutes.fileio import read_input
from minutes.store.clean import MAX_SECONDS, is_color, is_time, one_line

JSON_FILE_BYTES = 1_000_000_000  # a session of 100,000 segments with word times is about 100 MB
_LONGEST_INT = 30  # digits; longer integers are read as floats (infinite), which no field accepts


class DocumentError(InputError):
    """A field of the document is missing or wrong; the message names its path."""


def load_json(path: Path, *, what: str = "a JSON file") -> Any:
    """The JSON value in the file at ``path``, or an InputError saying in plain words why there is none."""
    raw = read_input(path, limit=JSON_FILE_BYTES, what=what)
    if not raw.strip():
        raise InputError(f"{path} is empty; it should be {what}. Export it again.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not {what}: it is not UTF-8 text.") from None
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == _TOO_DEEP:
            raise InputError(f"{path} cannot be read as {what}: its {_TOO_DEEP}.") from None
        raise InputError(f"{path} is not {what}: {exc.msg} at line {exc.lineno}, column {exc.colno}.") from None


def loads(text: str) -> Any:
    """``json.loads`` for a document nobody vouches for: an integer of more than 30 digits reads as infinity
    (which no field accepts, where Python would refuse to convert it at all), and nesting too deep for the
    parser is a JSONDecodeError like any other malformed JSON, not a RecursionError."""
    try:
        return json.loads(text, parse_int=_int)
    except RecursionError:
        raise json.JSONDecodeError(_TOO_DEEP, text, 0) from None


_TOO_DEEP = "lists or objects nest too deeply"


def _int(digits: str) -> int | float:
    # Python refuses to convert more than 4,300 digits at all; no field needs more than a few.
    return int(digits) if len(digits) <= _LONGEST_INT else float(digits)


def expect(condition: bool, problem: str) -> None:
    if not condition:
        raise DocumentError(f"Cannot import: {problem}.")


def show(value: Any) -> str:
    """A short, printable rendering of a value for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def obj(value: Any, where: str) -> dict:
    expect(isinstance(value, dict), f"{where} must be a JSON object, not {show(value)}")
    return value


def items(data: dict, key: str, where: str = "") -> list:
    """The list at ``key`` (empty when absent or null)."""
    value = data.get(key)
    if value is None:
        return []
    expect(isinstance(value, list), f'{where}"{key}" must be a list')
    return value


def text(item: dict, key: str, where: str) -> str:
    """The text at ``key`` ("" when absent or null)."""
    value = item.get(key)
    if value is None:
        return ""
    expect(isinstance(value, str), f'{where}."{key}" must be text, not {show(value)}')
    return value


def texts(item: dict, key: str, where: str) -> list[str]:
    """A list of texts (empty when absent or null)."""
    values = items(item, key, f"{where}.")
    for i, value in enumerate(values):
        expect(isinstance(value, str), f'{where}."{key}"[{i}] must be text, not {show(value)}')
    return values


def name(item: dict, key: str, where: str) -> str:
    """A required one-line text (a name or a title)."""
    value = one_line(text(item, key, where))
    expect(bool(value), f'{where} has no "{key}"')
    return value


def seconds(item: dict, key: str, where: str, *, default: float | None = None) -> float:
    """A time in seconds: a finite number from 0 to 7 days (required unless a ``default`` is given)."""
    value = item.get(key)
    if value is None and default is not None:
        return default
    expect(is_time(value), f'{where}."{key}" must be a number of seconds from 0 to {MAX_SECONDS} (7 days), '
                           f"not {show(value)}")
    return float(value)


def flag(item: dict, key: str, where: str) -> bool:
    """A true/false field (false when absent or null)."""
    value = item.get(key)
    if value is None:
        return False
    expect(isinstance(value, bool), f'{where}."{key}" must be true or false, not {show(value)}')
    return value


def probability(item: dict, key: str, where: str) -> float:
    """A number from 0 to 1 (1 when absent or null)."""
    value = item.get(key)
    if value is None:
        return 1.0
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
    expect(ok, f'{where}."{key}" must be a number from 0 to 1, not {show(value)}')
    return float(value)


def color(item: dict, key: str, where: str, default: str) -> str:
    value = item.get(key)
    if value is None or value == "":
        return default
    expect(is_color(value), f'{where}."{key}" must be a colour written #rrggbb (such as #2e7d32), not {show(value)}')
    return value.lower()


def key_of(item: dict, where: str, seen: dict[Any, str]) -> Any:
    """The ``id`` that links this part of the file to others: a whole number or a text, used once.

    A part without an id gets a private key of its own (nothing can refer to it). ``seen`` maps the ids
    met so far to where they were met.
    """
    value = item.get("id")
    if value is None:
        return ("no id", where)
    expect(is_key(value), f'{where}."id" must be a whole number or a text, not {show(value)}')
    expect(value not in seen, f'{where} repeats the "id" {show(value)} of {seen.get(value)}')
    seen[value] = where
    return value


def is_key(value: Any) -> bool:
    """True for what may be an id: a whole number (not true/false) or a text."""
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, str)
