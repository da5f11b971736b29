"""Session packages (``TITLE.minutes-session``): one session with its recording, in a zip any tool opens.

A package holds ``session.json`` (the interchange v1 document, unchanged), ``recording.flac`` (the session's
recording, when it has one), ``voices.json`` (when any voice is known: each speaker's voice, in the document's
order, and the remembered voices of the roster, so that a voice enrolled on a rapporteur's laptop is recognised
where the package goes) and ``manifest.json``: the format, version, generator and the SHA-256 and size of
every other member. Reading trusts nothing in the zip: only the members the manifest lists may be there, each
is read as a stream and refused past its stated size (a zip bomb stops there), every hash must match, and
only then is anything written: the recording is staged and the session stored in one transaction.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

from minutes import __version__
from minutes.domain import Participant, Session, SessionStatus
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
VOICES_MEMBER = "voices.json"
MANIFEST_MEMBER = "manifest.json"

MAX_MANIFEST_BYTES = 1 << 20
MAX_SESSION_BYTES = 512 << 20  # a 3-hour session with word times is some tens of MB
MAX_AUDIO_BYTES = 8 << 30  # 16 kHz mono FLAC: about 1 GB per 24 hours
MAX_VOICES_BYTES = 64 << 20  # a voice is a few kB of JSON: room for a roster of thousands
_LIMITS = {SESSION_MEMBER: MAX_SESSION_BYTES, AUDIO_MEMBER: MAX_AUDIO_BYTES, VOICES_MEMBER: MAX_VOICES_BYTES}

CHANGED = OpChanges(sessions=True, segments=True, speakers=True, participants=True, tags=True, annotations=True,
                    voices=True)


def default_package_name(session: Session) -> str:
    return f"{safe_stem(session.title, 'session')}{SUFFIX}"


def export_package(store: WorkshopStore, session: Session, output: Path) -> Path:
    """Write ``session`` with its recording to the package ``output`` (replaced atomically)."""
    document = json.dumps(export_session(store, session), ensure_ascii=False, indent=1).encode("utf-8")
    members = [{"name": SESSION_MEMBER, "size": len(document), "sha256": hashlib.sha256(document).hexdigest()}]
    voices = _voices_document(store, session)
    if voices is not None:
        members.append({"name": VOICES_MEMBER, "size": len(voices), "sha256": hashlib.sha256(voices).hexdigest()})
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
            if voices is not None:
                archive.writestr(VOICES_MEMBER, voices)
            if audio is not None:  # FLAC is compressed already
                archive.write(audio, AUDIO_MEMBER, compress_type=zipfile.ZIP_STORED)

    output = Path(output).expanduser()
    atomic_write(output, write)
    return output


def _voices_document(store: WorkshopStore, session: Session) -> bytes | None:
    """``voices.json`` for the package, or None when no voice of the session or the roster is known."""
    speakers = [store.speaker_voice(s.id) for s in store.speakers(session.id)]
    people = {p.id: p for p in store.participants()}
    profiles = [{"name": people[pid].name, "organisation": people[pid].organisation, "voice": _listed(voice)}
                for pid, voice in store.voice_profiles() if pid in people]
    if not profiles and all(voice is None for voice in speakers):
        return None
    document = {"speakers": [None if voice is None else _listed(voice) for voice in speakers], "profiles": profiles}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _listed(voice: np.ndarray) -> list[float]:
    return [round(float(x), 7) for x in voice]  # float32 needs no more digits


@dataclass
class PackageVoices:
    """What ``voices.json`` carries: each speaker's voice (None where unknown), in the document's order, and
    the remembered voices of roster participants (as participants to find by name and organisation)."""

    speakers: list[np.ndarray | None]
    profiles: list[tuple[Participant, np.ndarray]]

    def apply(self, store: WorkshopStore, session: Session) -> None:
        """Give the imported session's speakers their voices, and participants here without a remembered voice
        the package's (one already known here is kept)."""
        for speaker, voice in zip(store.speakers(session.id), self.speakers, strict=False):
            if voice is not None:
                store.set_speaker_voice(speaker.id, voice)
        for person, voice in self.profiles:
            found = store.find_participant(person.name, person.organisation)
            if found is not None:
                store.adopt_voice_profile(found.id, voice)


    def all(self) -> list[np.ndarray]:
        return [v for v in self.speakers if v is not None] + [v for _, v in self.profiles]


def check_voice_length(store: WorkshopStore, voices: list[np.ndarray], source: object) -> None:
    """Refuse voices that another speaker model made (their length differs from the voices here)."""
    known = next(iter(store.voice_profiles()), None)
    if known is not None and any(v.shape[0] != known[1].shape[0] for v in voices):
        raise InputError(f"The voices in {source} come from another speaker model than this workshop's (their "
                         "length differs). Nothing was changed.")


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

    def voices(self) -> PackageVoices:
        """The voices of ``voices.json`` (none when the package has no such member), verified and checked."""
        if VOICES_MEMBER not in self.members:
            return PackageVoices([], [])

        def refuse(problem: str) -> InputError:
            return InputError(f"{self.path}: {VOICES_MEMBER} {problem}; it is not what Minutes writes. Nothing "
                              "was imported.")

        try:
            data = loads(self._read_member(VOICES_MEMBER).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise refuse("is not JSON") from exc
        if not isinstance(data, dict) or not isinstance(data.get("speakers"), list) \
                or not isinstance(data.get("profiles"), list):
            raise refuse('needs a "speakers" list and a "profiles" list')
        speakers = [None if item is None else _voice(item, refuse) for item in data["speakers"]]
        profiles = []
        for item in data["profiles"]:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip() \
                    or not isinstance(item.get("organisation", ""), str):
                raise refuse("has a profile without a name")
            person = Participant(item["name"], "", item.get("organisation", ""), "")
            profiles.append((person, _voice(item.get("voice"), refuse)))
        voices = PackageVoices(speakers, profiles)
        if len({v.shape[0] for v in voices.all()}) > 1:
            raise refuse("holds voices of different lengths")
        return voices

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


def _voice(item: Any, refuse: Callable[[str], InputError]) -> np.ndarray:
    """One voice: a list of 16 to 4,096 finite numbers, not all zero, as the unit vector it stands for."""
    ok = isinstance(item, list) and 16 <= len(item) <= 4096 and all(
        isinstance(x, (int, float)) and not isinstance(x, bool) for x in item)
    voice = np.asarray(item, dtype=np.float32) if ok else None
    if voice is None or not np.all(np.isfinite(voice)) or not np.any(voice):
        raise refuse("has a voice that is not a list of 16 to 4,096 numbers")
    return voice / np.linalg.norm(voice)


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
    voices = package.voices()
    check_voice_length(store, voices.all(), package.path)
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
            voices.apply(store, session)
            incoming.place_all()
    session = store.session(session.id)
    return OpResult(session, CHANGED)


def _title_of(data: Any) -> str:
    meta = data.get("session") if isinstance(data, dict) else None
    title = meta.get("title") if isinstance(meta, dict) else None
    return title if isinstance(title, str) else "session"
