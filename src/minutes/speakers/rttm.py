"""Read and write NIST RTTM speaker turns.

Each line is ``SPEAKER <file-id> 1 <start> <duration> <NA> <NA> <speaker> <NA> <NA>`` with times in seconds.
Written speaker names are ``SPEAKER_00``, ``SPEAKER_01``, … unless a naming function is given.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

RttmTurn = tuple[float, float, str]


def _default_name(speaker: object) -> str:
    return f"SPEAKER_{speaker:02d}" if isinstance(speaker, int) else str(speaker)


def format_rttm(
    turns: Iterable[tuple[float, float, object]],
    file_id: str,
    name: Callable[[object], str] = _default_name,
) -> str:
    """RTTM text (one line per turn, newline-terminated) for ``(start, end, speaker)`` turns."""
    if not file_id or any(c.isspace() for c in file_id):
        raise ValueError(f"RTTM file id must be one non-empty token, got {file_id!r}")
    lines = []
    for start, end, speaker in sorted(turns, key=lambda t: (t[0], t[1])):
        label = name(speaker)
        if not label or any(c.isspace() for c in label):
            raise ValueError(f"RTTM speaker name must be one token, got {label!r}")
        dur = max(0.0, float(end) - float(start))
        lines.append(f"SPEAKER {file_id} 1 {float(start):.3f} {dur:.3f} <NA> <NA> {label} <NA> <NA>\n")
    return "".join(lines)


def write_rttm(
    turns: Iterable[tuple[float, float, object]],
    path_or_file: str | Path | TextIO,
    file_id: str,
    name: Callable[[object], str] = _default_name,
) -> None:
    """Write turns as RTTM to a path or an open text file."""
    text = format_rttm(turns, file_id, name)
    if isinstance(path_or_file, (str, Path)):
        Path(path_or_file).write_text(text, encoding="utf-8")
    else:
        path_or_file.write(text)


def parse_rttm(text: str, file_id: str | None = None) -> list[RttmTurn]:
    """``(start, end, speaker)`` turns of SPEAKER lines (of ``file_id`` only, if given), sorted by start."""
    turns: list[RttmTurn] = []
    for lineno, line in enumerate(io.StringIO(text), 1):
        fields = line.split()
        if not fields or fields[0].startswith(";"):
            continue
        if fields[0] != "SPEAKER":
            continue  # other RTTM record types (SPKR-INFO, LEXEME, …) carry no turns
        if len(fields) < 8:
            raise ValueError(f"RTTM line {lineno}: expected at least 8 fields, got {len(fields)}")
        if file_id is not None and fields[1] != file_id:
            continue
        start, dur = float(fields[3]), float(fields[4])
        turns.append((start, start + dur, fields[7]))
    return sorted(turns, key=lambda t: (t[0], t[1]))


def read_rttm(path: str | Path, file_id: str | None = None) -> list[RttmTurn]:
    """Turns from an RTTM file; see :func:`parse_rttm`."""
    return parse_rttm(Path(path).read_text(encoding="utf-8"), file_id)
