"""Hostile input for the fault suite: documents, text and values an adversary (or a broken tool) hands over,
and the checks every command must pass on them.

Generators are deterministic (a seeded random), so a failure names a case that can be run again.
"""

from __future__ import annotations

import copy
import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Every character class the store must never keep: C0 controls, DEL, C1 controls, lone surrogates and
# non-characters. Tab and line feed are meaningful and stay.
CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x80, 0x9F])
ODD = ["\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"]
NASTY_TEXT = [
    "a\x00b", "tab\there", "line\nbreak", "v\x0btab", "form\x0cfeed", "\x1f\x1e", "del\x7f", "\x85nel", "\ud800x",
    "\ufffe", "x" * 100_000, "", " ", "\u202eevil", "e\u0301", "😀" * 50, "CON", "../..", "a/b\\c", "NUL.txt",
    "<w:t>&amp;</w:t>", "{PAGE}", "%s %d", "\r\n", "名" * 300,
]
# Values of every JSON type, and numbers no field can hold.
WRONG_VALUES: list[Any] = [
    None, True, False, 0, -1, 1.5, 10**400, -(10**30), float("inf"), float("-inf"), float("nan"), 1e308, "",
    "text", "\x00", [], [1], [[1]], {}, {"a": 1}, {"id": 1},
]


def base_document() -> dict[str, Any]:
    """A valid ``minutes.session`` document using every field of the format."""
    return {
        "format": "minutes.session", "version": 1, "generator": "test",
        "workshop": {"title": "W", "dates": "", "venue": "", "organiser": ""},
        "session": {"title": "Hostile", "date": "2024-08-28", "start": "09:30", "end": "11:00", "venue": "Room",
                    "chair": "Ms. Santos", "rapporteur": "Mr. Lee", "language": "en", "duration": 10.0},
        "participants": [{"id": 1, "name": "Dr. Chen", "title": "Director", "organisation": "NIA",
                          "country": "Taiwan"}],
        "speakers": [{"id": 3, "label": "Speaker 1", "participant": 1}, {"id": 4, "label": "Speaker 2",
                                                                        "participant": None}],
        "segments": [
            {"id": 10, "start": 0.5, "end": 2.0, "speaker": 3, "language": "en", "text": "Good morning.",
             "provisional": False, "translation": "",
             "words": [{"start": 0.5, "end": 1.0, "text": "Good", "probability": 0.9},
                       {"start": 1.0, "end": 2.0, "text": "morning.", "probability": 0.8}]},
            {"id": 11, "start": 2.5, "end": 5.0, "speaker": 4, "language": "zh", "text": "我們加強篩檢。",
             "provisional": False, "translation": "We screen.", "words": []},
        ],
        "tags": [{"id": 1, "name": "Hostile tag", "color": "#2e7d32"}],
        "annotations": [{"id": 1, "start": 0.5, "end": 4.0, "tags": [1], "comment": "note", "confidential": False},
                        {"id": 2, "start": 2.5, "end": 5.0, "tags": [], "comment": "", "confidential": True}],
        "summary": "A summary.",
        "recommendations": ["One", "Two"],
    }


def field_paths(value: Any, path: tuple = ()) -> Iterator[tuple]:
    """Every path (tuple of keys and indexes) inside a JSON value, the value itself first."""
    yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from field_paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from field_paths(inner, (*path, index))


def with_value(document: dict, path: tuple, value: Any) -> dict:
    """A copy of ``document`` with the value at ``path`` replaced."""
    changed = copy.deepcopy(document)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


def mutations(seed: int, count: int) -> Iterator[tuple[str, dict]]:
    """``count`` documents, each the base one with one to three fields given a hostile value."""
    rng = random.Random(seed)
    base = base_document()
    paths = [p for p in field_paths(base) if p]
    values = [*WRONG_VALUES, *NASTY_TEXT, *ODD]
    for n in range(count):
        document, changes = base, []
        for _ in range(rng.randint(1, 3)):
            live = [p for p in field_paths(document) if p]
            path = rng.choice(live if rng.random() < 0.5 else [p for p in paths if p in live] or live)
            value = rng.choice(values)
            document = with_value(document, path, value)
            changes.append(f"{'.'.join(map(str, path))}={value!r:.30}")
        yield f"{n}: {'; '.join(changes)}", document


def to_json(document: Any) -> str:
    """JSON text as a careless writer would produce it: NaN and Infinity allowed, lone surrogates escaped."""
    return json.dumps(document, allow_nan=True)


def nested(depth: int) -> str:
    return '{"format": "minutes.session", "version": 1, "x": ' + "[" * depth + "]" * depth + "}"


# -- running commands and checking what they left -------------------------------------------------------


def minutes(*args: object, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``minutes`` command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "minutes", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=os.environ.copy(), errors="backslashreplace")


def assert_one_line_error(result: subprocess.CompletedProcess[str], *naming: str) -> str:
    """Exit status 1, and stderr exactly one ``minutes: error:`` line that names the problem."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("minutes: error: "), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for words in naming:
        assert words in lines[0], (words, lines[0])
    return lines[0]


def assert_success(result: subprocess.CompletedProcess[str]) -> None:
    """Exit status 0, and no traceback or error on stderr (warnings and summaries for the user are fine)."""
    assert result.returncode == 0, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert not any(line.startswith("minutes: error:") for line in result.stderr.splitlines()), result.stderr


def snapshot(workshop: Path) -> dict[str, Any]:
    """Every row of every table, and every file of the folder (SQLite's own side files and the lock aside)."""
    files = sorted(str(p.relative_to(workshop)) for p in workshop.rglob("*")
                   if p.is_file() and not p.name.endswith(("-wal", "-shm", ".lock")))
    conn = sqlite3.connect(f"file:{workshop / 'workshop.sqlite'}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        rows = {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()
    return {"files": files, "rows": rows}
