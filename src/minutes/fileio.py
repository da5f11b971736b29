"""Files the user gives and files we write: bounded reads, atomic writes, safe names.

A file is either written completely or left as it was. A file given to read must be a regular file (or a pipe) of
a sane size: a device (``/dev/zero``) or a file of gigabytes would otherwise hang or exhaust memory.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from minutes.errors import InputError
from minutes.store.clean import clean_text


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
    """A file name stem made from a title that is safe on every platform.

    Characters Windows forbids (and control characters) become spaces; leading and trailing dots and spaces
    go (a leading dot hides the file, Windows drops trailing ones); names Windows reserves for devices (CON,
    NUL, COM1… with any extension, in any case) get an underscore; the stem is cut to 100 characters and
    :data:`STEM_BYTES` bytes of UTF-8, so that the name, a "(2)" and the temporary name of an atomic write
    stay within the 255 bytes file systems allow. A title with nothing left gives ``fallback``.
    """
    stem = " ".join(re.sub(r'[<>:"/\\|?*]', " ", clean_text(title)).split()).strip(" .")
    stem = stem[:100].encode("utf-8")[:STEM_BYTES].decode("utf-8", "ignore").strip(" .")
    base, dot, rest = stem.partition(".")
    if _RESERVED.fullmatch(base.rstrip()):
        stem = f"{base.rstrip()}_{dot}{rest}"
    return stem or fallback


STEM_BYTES = 150
_RESERVED = re.compile(r"(?i)(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])")


def read_input(path: Path, *, limit: int, what: str) -> bytes:
    """The bytes of a file given by the user, who meant ``what`` ("a glossary"); InputError unless it is a
    regular file or a pipe, of at most ``limit`` bytes."""
    path = Path(path).expanduser()
    try:
        if path.is_dir():
            raise InputError(f"{path} is a folder; give {what}.")
        if path.exists() and not (path.is_file() or path.is_fifo()):  # a pipe is read up to the limit
            raise InputError(f"{path} is a device, not a file; give {what}.")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file. Check the name and the folder.") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}.") from exc
    if len(data) > limit:
        raise InputError(f"{path} is larger than {limit // 1_000_000} MB, far more than {what} holds. "
                         "Check that it is the right file.")
    return data
