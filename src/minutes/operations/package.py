"""Session packages (``TITLE.minutes-session``): one session with its recording, in a zip any tool opens.

A package holds ``session.json`` (the interchange v1 document, unchanged), ``recording.flac`` (the session's
recording, when it has one) and ``manifest.json``: the format, version, generator and the SHA-256 and size of
every other member. Reading trusts nothing in the zip: only the members the manifest lists may be there, each
is read as a stream and refused past its stated size (a zip bomb stops there), every hash must match, and
only then is anything written: the recording is staged and the session stored in one transaction.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import soundfile as sf

from minutes import __version__
from minutes.domain import Session, SessionStatus
from minutes.errors import InputError
from minutes.export.interchange import export_session, import_session
from minutes.export.json_fields import loads
from minutes.fileio import atomic_write, safe_stem
from minutes.operations.changes import OpChanges, OpResult
from minutes.operations.incoming import Incoming, check_free_space, incoming_audio
from minutes.operations.workshop import adopt_workshop_details
from minutes.store import WorkshopStore

SUFFIX = ".minutes-session"
FORMAT = "minutes.session-package"
VERSION = 1
SESSION_MEMBER = "session.json"
AUDIO_MEMBER = "recording.flac"
MANIFEST_MEMBER = "manifest.json"

MAX_MANIFEST_BYTES = 1 << 20
MAX_SESSION_BYTES = 512 << 20  # a 3-hour session with word times is some tens of MB
MAX_AUDIO_BYTES = 8 << 30  # 16 kHz mono FLAC: about 1 GB per 24 hours
_LIMITS = {SESSION_MEMBER: MAX_SESSION_BYTES, AUDIO_MEMBER: MAX_AUDIO_BYTES}

CHANGED = OpChanges(sessions=True, segments=True, speakers=True, participants=True, tags=True, annotations=True)


def default_package_name(session: Session) -> str:
    return f"{safe_stem(session.title, 'session')}{SUFFIX}"


def export_package(store: WorkshopStore, session: Session, output: Path) -> Path:
    """Write ``session`` with its recording to the package ``output`` (replaced atomically)."""
    document = json.dumps(export_session(store, session), ensure_ascii=False, indent=1).encode("utf-8")
    members = [{"name": SESSION_MEMBER, "size": len(document), "sha256": hashlib.sha256(document).hexdigest()}]
    audio = store.recording(session) if session.audio_file else None
    if audio is not None:
        digest = hashlib.sha256()
        with open(audio, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        members.append({"name": AUDIO_MEMBER, "size": audio.stat().st_size, "sha256": digest.hexdigest()})
    manifest = {"format": FORMAT, "version": VERSION, "generator": f"Minutes {__version__}",
                "session": session.title, "members": members}

    def write(handle) -> None:  # noqa: ANN001 - a binary file object
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.writestr(SESSION_MEMBER, document)
            if audio is not None:  # FLAC is compressed already
                archive.write(audio, AUDIO_MEMBER, compress_type=zipfile.ZIP_STORED)

    output = Path(output).expanduser()
    atomic_write(output, write)
    return output


@dataclass
class Package:
    """A package whose manifest was read and checked; members are read (and verified) on demand."""

    path: Path
    manifest: dict[str, Any]
    members: dict[str, dict[str, Any]]

    @property
    def has_audio(self) -> bool:
        return AUDIO_MEMBER in self.members

    def session_data(self) -> Any:
        """The interchange document, verified against its hash."""
        raw = self._read_member(SESSION_MEMBER)
        try:
            return loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{self.path}: {SESSION_MEMBER} is not a JSON file ({exc}). Nothing was imported.") \
                from exc

    def stage_audio(self, incoming: Incoming, title: str) -> tuple[str, float]:
        """Copy the recording into the workshop (verified); its relative path and duration in seconds."""
        entry = self.members[AUDIO_MEMBER]
        check_free_space(incoming.store, entry["size"])
        with self._open(AUDIO_MEMBER) as stream:
            staged = incoming.stage(stream, title, limit=entry["size"], expected_sha256=entry["sha256"],
                                    what=f"{self.path}: {AUDIO_MEMBER}")
        if staged.size != entry["size"]:
            raise InputError(f"{self.path}: {AUDIO_MEMBER} is shorter than its manifest says. Nothing was imported.")
        try:
            info = sf.info(str(staged.temporary))
        except (sf.LibsndfileError, RuntimeError) as exc:
            raise InputError(f"{self.path}: {AUDIO_MEMBER} is not a FLAC recording. Nothing was imported.") from exc
        return staged.relative, info.frames / info.samplerate

    def _read_member(self, name: str) -> bytes:
        entry = self.members[name]
        with self._open(name) as stream:
            data = stream.read(entry["size"] + 1)
        if len(data) != entry["size"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise InputError(f"{self.path}: {name} does not match its SHA-256 in the manifest: the package was "
                             "changed or damaged after it was written. Nothing was imported.")
        return data

    def _open(self, name: str) -> io.BufferedIOBase:
        try:
            archive = zipfile.ZipFile(self.path)
            return _ClosingStream(archive, archive.open(name))
        except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError) as exc:
            raise InputError(f"{self.path}: cannot read {name} ({exc}). Nothing was imported.") from exc


class _ClosingStream(io.BufferedIOBase):
    """A member's stream that closes its archive too; read errors of a damaged zip become InputError."""

    def __init__(self, archive: zipfile.ZipFile, stream: io.BufferedIOBase) -> None:
        self._archive, self._stream = archive, stream

    def read(self, size: int | None = -1) -> bytes:
        try:
            return self._stream.read(size)
        except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:  # zlib errors are raised as such
            raise InputError(f"The package is damaged ({exc}). Nothing was imported.") from exc

    def close(self) -> None:
        self._stream.close()
        self._archive.close()
        super().close()


def is_package(path: Path) -> bool:
    return path.is_file() and zipfile.is_zipfile(path)


def read_package(path: Path) -> Package:
    """Open a package and check its manifest and member list; raise InputError on anything amiss."""
    path = Path(path).expanduser()

    def refuse(problem: str) -> InputError:
        return InputError(f"{path} is not a usable session package: {problem}. Nothing was imported.")

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = [info.filename for info in infos]
            if len(names) != len(set(names)):
                raise refuse("it holds two members of the same name")
            if MANIFEST_MEMBER not in names:
                raise refuse(f"it has no {MANIFEST_MEMBER}")
            with archive.open(MANIFEST_MEMBER) as stream:
                raw = stream.read(MAX_MANIFEST_BYTES + 1)
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError) as exc:
        raise refuse(f"it is not a readable zip file ({exc})") from exc
    if len(raw) > MAX_MANIFEST_BYTES:
        raise refuse(f"{MANIFEST_MEMBER} is too large")
    try:
        manifest = loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise refuse(f"{MANIFEST_MEMBER} is not JSON") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refuse(f'{MANIFEST_MEMBER} does not say "format": "{FORMAT}"')
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse('"version" in the manifest must be a whole number of 1 or more')
    listed = manifest.get("members")
    if not isinstance(listed, list):
        raise refuse('the manifest has no "members" list')
    members: dict[str, dict[str, Any]] = {}
    for entry in listed:
        ok = (isinstance(entry, dict) and isinstance(entry.get("name"), str)
              and isinstance(entry.get("sha256"), str) and len(entry["sha256"]) == 64
              and isinstance(entry.get("size"), int) and not isinstance(entry["size"], bool) and entry["size"] >= 0)
        if not ok:
            raise refuse('each entry of "members" needs a "name", a "size" and a 64-digit "sha256"')
        members[entry["name"]] = {"size": entry["size"], "sha256": entry["sha256"].lower()}
    unlisted = sorted(set(names) - set(members) - {MANIFEST_MEMBER})
    if unlisted:
        raise refuse(f"members not listed in the manifest: {', '.join(unlisted[:5])}")
    missing = sorted(set(members) - set(names))
    if missing:
        raise refuse(f"members listed in the manifest are missing: {', '.join(missing[:5])}")
    if SESSION_MEMBER not in members:
        raise refuse(f"it has no {SESSION_MEMBER}")
    for name, limit in _LIMITS.items():
        if name in members and members[name]["size"] > limit:
            raise refuse(f"{name} is larger than Minutes accepts ({limit >> 20} MB)")
    return Package(path, manifest, members)


def import_package(store: WorkshopStore, package: Package, *, title: str | None = None,
                   adopt_details: bool = False) -> OpResult[Session]:
    """Add the package's session with its recording to ``store``: all of it, or nothing. With
    ``adopt_details`` (a workshop the import created) the workshop takes the source's details."""
    data = package.session_data()
    with incoming_audio(store) as incoming:
        audio = package.stage_audio(incoming, title or _title_of(data)) if package.has_audio else None
        with store.transaction():
            if adopt_details and isinstance(data, dict):
                adopt_workshop_details(store, data.get("workshop"))
            session = import_session(store, data, title=title)
            if audio is not None:
                relative, seconds = audio
                store.update_session(session.id, audio_file=relative, duration=max(seconds, session.duration))
                if not store.segment_count(session.id):  # recorded, not transcribed yet: Transcribe starts it
                    store.update_session(session.id, status=SessionStatus.NEW, transcribed_until=0.0)
            incoming.place_all()
    session = store.session(session.id)
    return OpResult(session, CHANGED)


def _title_of(data: Any) -> str:
    meta = data.get("session") if isinstance(data, dict) else None
    title = meta.get("title") if isinstance(meta, dict) else None
    return title if isinstance(title, str) else "session"
