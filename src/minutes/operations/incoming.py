"""Recordings coming into a workshop from a package or another workshop, all-or-nothing.

Each recording is first copied to a hidden file in ``audio/`` (hashed while it is copied, and refused when
it exceeds its limit or does not match the hash it should have). Only inside the store transaction that
references them, right before it commits, are the copies renamed to their final names. A failure or a
``kill -9`` before the commit leaves the database as it was; the hidden copies it may leave behind are
swept by the next import or merge (which holds the workshop's write lock, so nothing else is copying).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from minutes.audio.recovery import fsync_dir
from minutes.errors import InputError, StoreError
from minutes.jobs import audio_file_name
from minutes.store import WorkshopStore

STAGING_PREFIX = ".tmp-incoming-"
_CHUNK = 1 << 20


@dataclass
class Staged:
    """A copied recording waiting for its transaction: ``relative`` is the name the session will reference."""

    temporary: Path
    final: Path
    relative: str
    sha256: str
    size: int


class Incoming:
    """The recordings staged for one import or merge; see :func:`incoming_audio`."""

    def __init__(self, store: WorkshopStore) -> None:
        self.store = store
        self.staged: list[Staged] = []
        self.placed: list[Path] = []

    def stage(self, source: BinaryIO, title: str, *, limit: int, expected_sha256: str | None = None,
              what: str = "the recording") -> Staged:
        """Copy ``source`` into a hidden file of ``audio/``; refuse more than ``limit`` bytes or a wrong hash."""
        folder = self.store.audio_dir
        temporary = folder / f"{STAGING_PREFIX}{uuid.uuid4().hex}.flac"
        digest, size = hashlib.sha256(), 0
        try:
            with open(temporary, "xb") as out:
                staged = Staged(temporary, temporary, "", "", 0)
                self.staged.append(staged)
                while chunk := source.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise InputError(f"{what} is larger than it says it is ({limit} bytes); "
                                         "the file is damaged or was made to harm. Nothing was written.")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise StoreError(f"Cannot copy {what} into {folder}: {exc.strerror or exc}. Nothing was written.") from exc
        if expected_sha256 is not None and digest.hexdigest() != expected_sha256:
            raise InputError(f"{what} does not match its SHA-256 in the manifest: the package was changed or "
                             "damaged after it was written. Nothing was imported.")
        name = audio_file_name(title)
        staged.final, staged.relative = folder / name, f"audio/{name}"
        staged.sha256, staged.size = digest.hexdigest(), size
        return staged

    def place_all(self) -> None:
        """Give every staged copy its final name; call inside the transaction, just before it commits."""
        for staged in self.staged:
            os.replace(staged.temporary, staged.final)
            self.placed.append(staged.final)
        if self.staged:
            fsync_dir(self.store.audio_dir)

    def discard(self) -> None:
        for staged in self.staged:
            staged.temporary.unlink(missing_ok=True)
        for path in self.placed:
            path.unlink(missing_ok=True)


@contextmanager
def incoming_audio(store: WorkshopStore) -> Iterator[Incoming]:
    """Stage recordings for one transaction; on any failure every copy made is removed again."""
    sweep(store)
    incoming = Incoming(store)
    try:
        yield incoming
    except BaseException:
        incoming.discard()
        raise


def sweep(store: WorkshopStore) -> None:
    """Remove the hidden copies an interrupted import or merge left behind."""
    for leftover in store.audio_dir.glob(f"{STAGING_PREFIX}*"):
        leftover.unlink(missing_ok=True)


def check_free_space(store: WorkshopStore, needed: int) -> None:
    """Refuse before copying when the disk cannot hold ``needed`` more bytes (with a margin)."""
    free = shutil.disk_usage(store.audio_dir).free
    if needed + (64 << 20) > free:
        raise StoreError(f"The disk holding {store.root} has {free / 2**30:.1f} GiB free; the recordings need "
                         f"{needed / 2**30:.1f} GiB. Free some space and try again; nothing was written.")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
