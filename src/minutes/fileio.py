"""Files the user gives and files we write: where outputs may go, atomic writes, bounded reads, safe names.

- :func:`check_output` is the one rule for every output path (``-o`` of any command, the window's
  exports): it may not be, or resolve to (through links, ``..`` or letter case), a file the command
  reads, nor anything inside a workshop folder other than its ``exports/``; and its folder must take a
  new file. Commands call it before their work starts, so a long transcription is not run for nothing.
- :func:`read_input` reads a file given to read only if it is a regular file (or a pipe) of a sane size: a
  device (``/dev/zero``) or a file of gigabytes would otherwise hang or exhaust memory.
- :func:`atomic_write` writes a file completely or leaves it as it was. The new file gets the mode of the
  file it replaces, or the umask's mode for a new one, and temporary files that a killed run left beside
  the target are removed on the next write to it (each writer locks its own temporary file, so a live
  writer's file is never taken for a stale one).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from minutes.errors import InputError

# Names a workshop folder is recognised by, and the one sub-folder that takes the user's files
# (kept here: the store imports this module).
_WORKSHOP_MARKER = "workshop.sqlite"
_EXPORTS = "exports"


def check_output(
    path: Path, *, reads: Iterable[Path | None] = (), workshop: Path | None = None, folder: bool = False
) -> None:
    """Refuse an output ``path`` that would overwrite an input or a workshop's own files, or cannot be written.

    ``reads`` are the files the command reads; ``workshop`` is the workshop it works in (which may not
    exist yet). With ``folder``, ``path`` is a folder to write files into (created if needed).
    """
    path = path.expanduser()
    refuse_workshop_files(path, workshop=workshop)
    if workshop is not None and path.exists():
        reads = [*reads, *_workshop_files(workshop.expanduser())]
    for read in reads:
        if read is not None and _same_file(path, read.expanduser()):
            same = "" if _resolved(path) == _resolved(read) else f" (the same file as {read})"
            raise InputError(
                f"{path} is a file this command reads{same}: writing the output there would destroy it. "
                "Choose another output file."
            )
    if not folder and path.is_dir():
        raise InputError(f"{path} is a folder; give a file name for the output.")
    parent = path.parent if str(path.parent) else Path(".")
    if not folder and not parent.is_dir():
        raise InputError(f"Cannot write {path}: the folder {parent} does not exist.")
    if not folder:
        _probe_writable(path, parent)


def refuse_workshop_files(path: Path, *, workshop: Path | None = None) -> None:
    """Refuse ``path`` if it is a workshop folder or lies inside one anywhere but in its ``exports/``."""
    target = _resolved(path)
    extra = _resolved(workshop) if workshop is not None else None
    for ancestor in (target, *target.parents):
        if not (ancestor == extra or (ancestor / _WORKSHOP_MARKER).is_file()):
            continue
        inside = target.relative_to(ancestor).parts
        if inside and _is_exports(ancestor, inside[0]):
            return
        what = "is the workshop folder" if not inside else "is inside the workshop folder"
        raise InputError(
            f"{path} {what} {ancestor}, whose files only Minutes may write (writing there would destroy the "
            f"workshop). Choose a file outside it, or in its {_EXPORTS}/ folder."
        )


def _workshop_files(workshop: Path) -> list[Path]:
    """The files a workshop owns outside ``exports/`` (a link to one of them elsewhere is still one of them)."""
    found = []
    for folder in (workshop, workshop / "audio"):
        with suppress(OSError):
            found += [p for p in folder.iterdir() if p.is_file()]
    return found


def _is_exports(workshop: Path, name: str) -> bool:
    if name == _EXPORTS:
        return True
    exports = workshop / _EXPORTS
    return exports.exists() and (workshop / name).exists() and os.path.samefile(workshop / name, exports)


def _resolved(path: Path) -> Path:
    """``path`` made absolute with links and ``..`` resolved, as far as it exists."""
    return Path(os.path.realpath(path.expanduser()))


def _same_file(output: Path, read: Path) -> bool:
    if not read.exists():
        return False  # nothing there to overwrite
    try:
        return os.path.samefile(output, read)  # also through hard links, and letter case where it does not count
    except OSError:
        return _resolved(output) == _resolved(read)  # spelt through a folder that does not exist, then ".."


def _probe_writable(path: Path, parent: Path) -> None:
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror}. Choose another folder.") from exc
    os.close(fd)
    with suppress(OSError):
        os.unlink(probe)


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, fsync it, then move it into place."""
    path = path.expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name to write to.")
    refuse_workshop_files(path)
    if _is_special(path):
        _write_through(path, write)
        return
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temporaries(path)
    fd, tmp_name = _locked_temporary(path, folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            set_mode(handle.fileno(), path)
            os.fsync(handle.fileno())
            if os.name == "posix":
                os.replace(tmp_name, path)  # while the lock on the temporary file is still held
        if os.name != "posix":
            os.replace(tmp_name, path)  # Windows cannot rename an open file
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}. Nothing was written.") from exc
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _is_special(path: Path) -> bool:
    """True for a device, pipe or socket (``-o /dev/null``, a FIFO): renaming over it would replace it."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _write_through(path: Path, write: Callable[[BinaryIO], None]) -> None:
    try:
        with open(path, "wb") as handle:
            write(handle)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    atomic_write(path, lambda handle: handle.write(text.encode("utf-8")))


def set_mode(file: int | Path, path: Path) -> None:
    """Give the new ``file`` (a descriptor or a path), about to become ``path``, the mode of the file it replaces,
    else the umask's. (Temporary files are made 0600; without this every export would be its owner's only.)
    """
    if os.name != "posix":
        return
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~umask()
    os.chmod(file, mode)


def umask() -> int:
    """The process's umask (read without changing it where the system allows)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _locked_temporary(path: Path, folder: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``, locked so that no other run takes it for a stale one."""
    while True:
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise InputError(f"Cannot write {path}: {exc.strerror}. Choose another folder.") from exc
        if not _lock(fd, wait=True) or os.fstat(fd).st_nlink > 0:
            return fd, name
        os.close(fd)  # another run removed it as stale in the instant before it was locked: take a new one


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files of writes to ``path`` whose writer is gone (killed mid-write)."""
    folder = path.parent if str(path.parent) else Path(".")
    for leftover in folder.glob(f".{glob_escape(path.name)}.*.tmp"):
        try:
            fd = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _lock(fd, wait=False):
                leftover.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """Take an exclusive advisory lock on ``fd``; False if it is held elsewhere or locks are unsupported."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def glob_escape(name: str) -> str:
    """``name`` as a glob pattern that matches only itself."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def safe_stem(title: str, fallback: str) -> str:
    """A file name stem made from a title that is safe on every platform.

    Characters Windows forbids (and control characters) become spaces; leading and trailing dots and spaces
    go (a leading dot hides the file, Windows drops trailing ones); names Windows reserves for devices (CON,
    NUL, COM1… with any extension, in any case) get an underscore; the stem is cut to 100 characters and
    :data:`STEM_BYTES` bytes of UTF-8, so that the name, a "(2)" and the temporary name of an atomic write
    stay within the 255 bytes file systems allow. A title with nothing left gives ``fallback``.
    """
    from minutes.store.clean import clean_text  # here: the store imports this module

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
