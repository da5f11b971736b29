"""Merging another workshop (a folder, or a session package) into this one, with the recordings.

Every source session goes through the JSON interchange, so a merge matches participants (name and
organisation) and tags (name) exactly as ``import`` does and gets the same validation. On top of that a
merge brings each session's recording, its speakers' voices, the voice profiles of the roster, the roster
itself and the glossary. It is planned first (:func:`plan_merge`, which the window shows as a preview):

- a session whose title is new here is added;
- a session already here with the same recording (same bytes), or an empty source session, is skipped, so
  merging the same source twice changes nothing;
- a session of the agenda that is still empty here (no recording, no transcript) is filled in, keeping the
  details the agenda gave it;
- any other session of the same title is a conflict, and the whole merge is refused.

The source is only read: its database is copied to a temporary folder first (a workshop on a read-only USB
stick cannot be opened in place, see NOTES), and its recordings are read where they are. All writes happen
in one transaction, after the recordings were staged (:mod:`minutes.operations.incoming`), so an error or a
``kill -9`` leaves the target as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from minutes.domain import Participant, Session, SessionStatus
from minutes.errors import InputError
from minutes.export.interchange import export_session, import_session
from minutes.operations.changes import OpChanges, OpResult
from minutes.operations.incoming import Incoming, check_free_space, file_sha256, incoming_audio
from minutes.operations.package import Package, check_voice_length, is_package, read_package
from minutes.operations.workshop import adopt_workshop_details
from minutes.store import WorkshopStore, is_workshop
from minutes.store.workshop_store import DB_NAME

CHANGED = OpChanges(workshop=True, sessions=True, segments=True, speakers=True, participants=True, tags=True,
                    annotations=True, glossary=True, voices=True)


@dataclass
class SourceSession:
    """One session of the source: its interchange document and, if any, its recording and voices."""

    title: str
    data: dict[str, Any]
    audio_size: int | None = None  # None: no recording
    voices: list[np.ndarray | None] = field(default_factory=list)  # per speaker, in the document's order
    # Where its transcription stands (the interchange has no such field: a package's session counts as
    # transcribed when it has segments).
    status: str = "transcribed"
    transcribed_until: float | None = None
    _audio_path: Path | None = None
    _package: Package | None = None
    _sha256: str | None = None

    @property
    def empty(self) -> bool:
        return self.audio_size is None and not self.data.get("segments") and not self.data.get("annotations")

    def sha256(self) -> str | None:
        if self.audio_size is None:
            return None
        if self._sha256 is None:
            self._sha256 = file_sha256(self._audio_path) if self._audio_path else None
        return self._sha256

    def stage(self, incoming: Incoming) -> str:
        """Copy the recording into the target; the relative path the session will reference."""
        if self._package is not None:
            return self._package.stage_audio(incoming, self.title)[0]
        try:
            stream: BinaryIO = open(self._audio_path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f'Cannot read the recording of "{self.title}" ({self._audio_path}): {exc.strerror}. '
                             "Nothing was merged.") from exc
        with stream:
            return incoming.stage(stream, self.title, limit=self.audio_size,
                                  what=f'the recording of "{self.title}"').relative


@dataclass
class Source:
    """What a merge reads: the workshop's details, roster, glossary, voice profiles and sessions."""

    name: str
    details: dict[str, str]
    participants: list[Participant]
    glossary: list[str]
    voice_profiles: list[tuple[Participant, np.ndarray]]
    sessions: list[SourceSession]


@dataclass
class MergePlan:
    """What a merge will do, session by session (titles), before it writes anything."""

    source: Source
    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)  # empty agenda sessions here that get the source's content
    skipped: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    new_participants: list[str] = field(default_factory=list)
    new_terms: list[str] = field(default_factory=list)

    @property
    def nothing_to_do(self) -> bool:
        return not (self.added or self.filled or self.new_participants or self.new_terms)


@contextmanager
def open_source(path: Path) -> Iterator[Source]:
    """Read a workshop folder or a session package, never writing to it."""
    path = Path(path).expanduser()
    if is_workshop(path):
        with _copied_workshop(path) as store:
            yield _folder_source(store, path)
    elif is_package(path):
        yield _package_source(read_package(path))
    elif not path.exists():
        raise InputError(f"{path}: no such file or folder. Give a workshop folder (NAME.minutes) or a session "
                         "package (.minutes-session).")
    else:
        raise InputError(f"{path} is neither a Minutes workshop folder nor a session package (.minutes-session).")


def plan_merge(store: WorkshopStore, source: Source) -> MergePlan:
    """Decide, without writing, what merging ``source`` into ``store`` does."""
    plan = MergePlan(source)
    for item in source.sessions:
        here = store.find_session(item.title)
        if here is None:
            plan.added.append(item.title)
        elif item.empty or _same_recording(store, here, item):
            plan.skipped.append(item.title)
        elif _is_empty(store, here):
            plan.filled.append(item.title)
        else:
            plan.conflicts.append(item.title)
    plan.new_participants = [p.name for p in source.participants if store.find_participant(p.name, p.organisation)
                             is None]
    have = {t.casefold() for t in store.glossary()}
    plan.new_terms = [t for t in source.glossary if t.casefold() not in have]
    return plan


def merge(store: WorkshopStore, plan: MergePlan, *, adopt_details: bool = False) -> OpResult[MergePlan]:
    """Carry out ``plan`` in one transaction; with ``adopt_details`` (a new workshop) take the source's
    title, dates, venue and organiser."""
    if plan.conflicts:
        names = ", ".join(f'"{t}"' for t in plan.conflicts)
        raise InputError(
            f"Cannot merge {plan.source.name}: {names} already exist here with a different recording. Rename the "
            "session here (in the window: Session ▸ Edit session…) or in the source, then merge again. "
            "Nothing was merged.")
    items = {item.title: item for item in plan.source.sessions}
    incoming_items = [items[t] for t in plan.added + plan.filled]
    check_voice_length(store, [v for item in incoming_items for v in item.voices if v is not None]
                       + [v for _, v in plan.source.voice_profiles], plan.source.name)
    check_free_space(store, sum(item.audio_size or 0 for item in incoming_items))
    with incoming_audio(store) as incoming:
        audio = {item.title: item.stage(incoming) for item in incoming_items if item.audio_size is not None}
        with store.transaction():
            if adopt_details:
                adopt_workshop_details(store, plan.source.details)
            for person in plan.source.participants:
                if store.find_participant(person.name, person.organisation) is None:
                    store.add_participant(Participant(person.name, person.title, person.organisation, person.country))
            for title in plan.added:
                _add_session(store, items[title], audio.get(title, ""))
            for title in plan.filled:
                _fill_session(store, items[title], audio.get(title, ""))
            if plan.new_terms:
                store.set_glossary([*store.glossary(), *plan.new_terms])
            for person, embedding in plan.source.voice_profiles:
                found = store.find_participant(person.name, person.organisation)
                if found is not None:
                    store.adopt_voice_profile(found.id, embedding)
            incoming.place_all()
    return OpResult(plan, CHANGED if not plan.nothing_to_do or adopt_details else OpChanges())


# -- the source -------------------------------------------------------------------------------


@contextmanager
def _copied_workshop(path: Path) -> Iterator[WorkshopStore]:
    """The source workshop's database copied to a temporary folder and opened there (the source is not
    touched, so it may be read-only or on removable media)."""
    with tempfile.TemporaryDirectory(prefix="minutes-merge-") as scratch:
        copy = Path(scratch) / "source.minutes"
        copy.mkdir()
        try:
            for suffix in ("", "-wal"):
                original = path / f"{DB_NAME}{suffix}"
                if original.exists():
                    shutil.copyfile(original, copy / original.name)
        except OSError as exc:
            raise InputError(f"Cannot read the workshop {path}: {exc.strerror}. Nothing was merged.") from exc
        with WorkshopStore.open(copy) as store:
            yield store


def _folder_source(store: WorkshopStore, root: Path) -> Source:
    workshop = store.workshop()
    people = {p.id: p for p in store.participants()}
    profiles = [(people[pid], voice) for pid, voice in store.voice_profiles() if pid in people]
    sessions = []
    for session in store.sessions():
        item = SourceSession(session.title, export_session(store, session), status=session.status,
                             transcribed_until=session.transcribed_until)
        audio = root / session.audio_file if session.audio_file else None
        if audio is not None and audio.is_file():
            item.audio_size, item._audio_path = audio.stat().st_size, audio
        item.voices = [store.speaker_voice(s.id) for s in store.speakers(session.id)]
        sessions.append(item)
    details = {"title": workshop.title, "dates": workshop.dates, "venue": workshop.venue,
               "organiser": workshop.organiser}
    return Source(str(root), details, list(people.values()), store.glossary(), profiles, sessions)


def _package_source(package: Package) -> Source:
    data = package.session_data()
    if not isinstance(data, dict):
        raise InputError(f"{package.path}: session.json does not hold a JSON object. Nothing was merged.")
    meta = data.get("session") if isinstance(data.get("session"), dict) else {}
    title = meta.get("title") if isinstance(meta.get("title"), str) else ""
    if not title.strip():
        raise InputError(f"{package.path}: the session has no title. Nothing was merged.")
    voices = package.voices()
    item = SourceSession(title.strip(), data, voices=voices.speakers)
    if package.has_audio:
        entry = package.members["recording.flac"]
        item.audio_size, item._package, item._sha256 = entry["size"], package, entry["sha256"]
    return Source(str(package.path), data.get("workshop") or {}, [], [], voices.profiles, [item])


# -- comparing and writing sessions -------------------------------------------------------------


def _same_recording(store: WorkshopStore, here: Session, item: SourceSession) -> bool:
    path = store.audio_path(here)
    if path is None or not path.is_file():
        return item.audio_size is None and not _is_empty(store, here) and \
            abs(here.duration - float(item.data["session"].get("duration") or 0)) < 0.05
    if item.audio_size is None or path.stat().st_size != item.audio_size:
        return False
    return file_sha256(path) == item.sha256()


def _is_empty(store: WorkshopStore, session: Session) -> bool:
    return (not session.audio_file and not store.segment_count(session.id) and not store.speakers(session.id)
            and not store.annotations(session.id))


def _add_session(store: WorkshopStore, item: SourceSession, audio: str) -> Session:
    session = import_session(store, item.data)
    if audio:
        store.update_session(session.id, audio_file=audio)
    if item.transcribed_until is not None and item.status != SessionStatus.TRANSCRIBED:
        # A recording not (fully) transcribed yet: Transcribe resumes it here. One still being recorded
        # there is, here, a recording whose transcription was stopped.
        unfinished = (SessionStatus.RECORDING, SessionStatus.TRANSCRIBING)
        status = SessionStatus.CANCELLED if item.status in unfinished else item.status
        store.update_session(session.id, status=status, transcribed_until=item.transcribed_until)
    elif item.transcribed_until is None and audio and not item.data.get("segments"):
        store.update_session(session.id, status=SessionStatus.NEW, transcribed_until=0.0)
    for speaker, voice in zip(store.speakers(session.id), item.voices, strict=False):
        if voice is not None:
            store.set_speaker_voice(speaker.id, voice)
    return session


def _fill_session(store: WorkshopStore, item: SourceSession, audio: str) -> None:
    """The agenda session here gets the source's transcript and recording; its own details stay."""
    here = store.find_session(item.title)
    planned = [p.id for p in store.session_participants(here.id)]
    store.delete_session(here.id)
    session = _add_session(store, item, audio)
    kept = {name: getattr(here, name) for name in ("date", "start", "end", "venue", "chair", "rapporteur",
                                                   "summary") if getattr(here, name)}
    store.update_session(session.id, position=here.position, **kept)
    if planned:
        store.set_session_participants(session.id, planned)
