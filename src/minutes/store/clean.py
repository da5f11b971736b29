"""What the store accepts: text that any document format can hold, finite times within reason, real colours.

Text reaches the workshop from many doors (JSON import, command-line arguments, edits in the window, roster
sheets, glossary files, the speech model). Control characters, lone surrogates and non-characters among it
break Word export ("All strings must be XML compatible") and SQLite's UTF-8 encoding, so :func:`clean_text`
takes them out. It is applied to every text parameter of every SQL statement (see
:mod:`minutes.store.database`), so no write path can forget it; exports apply it again to what older
databases may already hold. Tabs and line breaks stay where they mean something; a vertical tab or form feed
(Word's manual line and page breaks, pasted) becomes a line break. :func:`one_line` is for names and titles.

Times are seconds on a session's clock: finite, from 0 to :data:`MAX_SECONDS`; what is read back goes through
:func:`stored_time`, so a database an older version damaged still lists and exports.
"""

from __future__ import annotations

import math
import re

from minutes.errors import StoreError

MAX_SECONDS = 7 * 24 * 3600
"""The longest time a session may last or a segment may start at: a week, far beyond any recording."""

_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85]")
# C0 controls but tab and line feed, DEL, C1 controls, lone surrogates, and Unicode non-characters.
_UNWANTED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def clean_text(text: str) -> str:
    """``text`` without characters no document can hold; line breaks normalised to ``\\n``."""
    if text.isprintable():  # the common case, checked in C
        return text
    return _UNWANTED.sub("", _BREAKS.sub("\n", text))


def one_line(text: str) -> str:
    """A name or title: :func:`clean_text`, with runs of spaces, tabs and line breaks made one space."""
    return " ".join(clean_text(text).split())


def is_color(value: object) -> bool:
    """True for a colour written ``#rrggbb``."""
    return isinstance(value, str) and _COLOR.fullmatch(value) is not None


def check_color(value: str) -> str:
    """The colour in lower case, or a StoreError for anything but ``#rrggbb``."""
    if not is_color(value):
        raise StoreError(f'"{one_line(str(value))[:40]}" is not a colour; give it as #rrggbb, e.g. #2166ac.')
    return value.lower()


def is_time(value: object) -> bool:
    """True for a number of seconds a session can hold: finite, from 0 to :data:`MAX_SECONDS`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, int):
        return 0 <= value <= MAX_SECONDS  # compared as an int: a 400-digit int does not fit a float
    return math.isfinite(value) and 0 <= value <= MAX_SECONDS


def stored_time(value: object) -> float:
    """A time read back from the database, made usable whatever an older Minutes (which let ``Infinity`` in)
    or another tool wrote: nothing, a negative or a non-number reads as 0, anything beyond
    :data:`MAX_SECONDS` (infinity too) as :data:`MAX_SECONDS`."""
    if type(value) is float and 0.0 <= value <= MAX_SECONDS:
        return value  # the common case, quickly: every word of every segment passes here when a session opens
    if isinstance(value, bool) or not isinstance(value, int | float) or not value >= 0:  # NaN fails >= too
        return 0.0
    return float(min(value, MAX_SECONDS))


def check_span(start: float, end: float, what: str) -> None:
    """Raise a StoreError unless ``start`` and ``end`` are times (see :func:`is_time`) with ``end >= start``."""
    if type(start) is float and type(end) is float and 0.0 <= start <= end <= MAX_SECONDS:
        return  # the common case, quickly (NaN fails the comparisons; infinity the bound)
    if not (is_time(start) and is_time(end)):
        raise StoreError(f"The times of {what} ({start!r}, {end!r}) are not seconds from 0 to {MAX_SECONDS} "
                         "(7 days); nothing was stored.")
    if end < start:
        raise StoreError(f"{what[:1].upper()}{what[1:]} ends ({end:.3f} s) before it starts ({start:.3f} s); "
                         "nothing was stored.")


def clean_parameters(parameters: object) -> object:
    """SQL parameters with every text cleaned (see :func:`clean_text`); other values as they are."""
    if isinstance(parameters, dict):
        return {key: clean_text(v) if isinstance(v, str) else v for key, v in parameters.items()}
    return tuple(clean_text(v) if isinstance(v, str) else v for v in parameters)  # type: ignore[union-attr]
