"""Atomic file writes: a file is either written completely or left as it was."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from minutes.errors import InputError


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, fsync it, then move it into place."""
    path = path.expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name to write to.")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror}. Choose another folder.") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}. Nothing was written.") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write(path, lambda handle: handle.write(text.encode("utf-8")))


def safe_stem(title: str, fallback: str) -> str:
    """A file name stem made from a title: characters Windows forbids become spaces, at most 100 characters."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", title)
    return re.sub(r"\s+", " ", stem).strip(" .")[:100] or fallback
