"""The layers import only downwards: the core never imports Qt, and capturing audio never needs speech
recognition (the live transcriber lives with the pipeline, in ``minutes.asr``)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "minutes"


def imported(package: str) -> dict[str, set[str]]:
    """Module path → the modules it imports, for every module of ``minutes.<package>`` (or all, for "")."""
    found = {}
    for path in sorted((SRC / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(SRC))] = names
    return found


def test_the_core_never_imports_qt():
    for module, names in imported("").items():
        if not module.startswith("ui/"):
            assert not any(name.startswith("PySide6") for name in names), module


def test_audio_never_imports_speech_recognition():
    for module, names in imported("audio").items():
        assert not any(name.startswith("minutes.asr") for name in names), module
