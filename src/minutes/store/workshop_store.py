"""The workshop folder and its repository API.

A workshop is a folder ``NAME.minutes/`` holding ``workshop.sqlite``, ``audio/`` (one recording per
session) and ``exports/``. Copy the folder and you have copied everything. A writer holds an OS lock
on ``workshop.lock`` (released by the kernel even if the process dies), so two processes cannot write
one workshop; readers need no lock thanks to SQLite's WAL mode. Every change is one transaction.
A command that may create the workshop waits a little for the lock (:data:`CREATION_WAIT_SECONDS`): two
commands started together on a new workshop then both do their work, one after the other.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from minutes import interrupts
from minutes.domain import PARTICIPANT_FIELDS, Annotation, Participant, Segment, Session, Speaker, Tag, Word, Workshop
from minutes.errors import LockedError, StoreError
from minutes.fileio import refuse_workshop_files
from minutes.store import database, folder, reading
from minutes.store.clean import MAX_SECONDS, check_color, check_span, clean_text, is_time, one_line, stored_time
from minutes.store.folder import AUDIO_DIR, DB_NAME, EXPORTS_DIR, LOCK_NAME
from minutes.store.rows import RowCopies
from minutes.store.tagging import TagOperations, annotation_from_row
from minutes.store.voices import VoiceOperations

log = logging.getLogger(__name__)

_SESSION_COLUMNS = {
    "title": "title", "date": "date", "start": "starts_at", "end": "ends_at", "venue": "venue",
    "chair": "chair", "rapporteur": "rapporteur", "language": "language", "audio_file": "audio_file",
    "duration": "duration", "transcribed_until": "transcribed_until", "status": "status",
    "summary": "summary", "recommendations": "recommendations", "position": "position",
    "review_status": "review_status", "reviewed_by": "reviewed_by", "reviewed_at": "reviewed_at",
}
_WORKSHOP_FIELDS = ("title", "dates", "venue", "organiser", "language", "script", "summary")
_PARTICIPANT_FIELDS = PARTICIPANT_FIELDS
# Names, titles and short details are one line (a tab or line break in a title would break the tab-separated
# `minutes sessions` listing); summaries, comments, recommendations and transcript text keep their breaks.
_ONE_LINE = {"title", "date", "start", "end", "venue", "chair", "rapporteur", "language", "dates", "organiser",
             "script", "name", "organisation", "country", "status", "review_status", "reviewed_by", "reviewed_at",
             "audio_file"}
_TIMES = ("duration", "transcribed_until")
_LOCK_POLL_SECONDS = 0.05
CREATION_WAIT_SECONDS = 10.0
"""How long a command that may create the workshop waits for another writer to finish before saying it is busy:
long enough for the command that created it at the same moment to store its work, short enough for a user
whose workshop is open in the window to be told soon."""


def is_workshop(path: Path) -> bool:
    """True if ``path`` is a workshop folder."""
    return (path / DB_NAME).is_file()


class WorkshopStore(VoiceOperations, TagOperations, RowCopies):
    """Read and write one workshop folder.

    Open it with :meth:`open`; use it as a context manager so the lock is released. Each thread gets
    its own SQLite connection, so a worker can store segments while the window reads them.
    """

    def __init__(self, root: Path, *, read_only: bool, lock: FileLock | None) -> None:
        self.root = root
        self.read_only = read_only
        self._lock = lock
        self._db_path = root / DB_NAME
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_guard = threading.Lock()
        self._created = self._keep_empty_folder = False
        self._source: reading.Source | None = None

    # -- opening and closing -------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, read_only: bool = False,
             wait: float = 0.0) -> WorkshopStore:
        """Open (or with ``create``, create) the workshop folder at ``path``.

        Read-only opens work on read-only media and on older schemas (see :mod:`minutes.store.reading`);
        opens for writing refuse a damaged database, and wait up to ``wait`` seconds for another writer.
        """
        root = Path(path).expanduser()
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root} is a file, not a workshop folder. Choose another name.")
        if read_only:
            return cls._open_for_reading(root)
        return cls._open_for_writing(root, create=create, wait=wait)

    @classmethod
    @contextmanager
    def writing(cls, path: Path | str, *, create: bool = False) -> Iterator[WorkshopStore]:
        """Open a workshop for writing for the length of one piece of work, closing it afterwards.

        If the work fails (or is interrupted) and this call created the workshop, which still holds nothing,
        the workshop is removed again: a failure before anything is stored leaves no folder, and a failure
        after keeps everything stored. With ``create`` it waits for another writer up to
        :data:`CREATION_WAIT_SECONDS` (a Ctrl-C stops the wait).
        """
        store = None
        try:
            with interrupts.deferred():  # a Ctrl-C is raised only once there is a store to clean up
                store = cls.open(path, create=create, wait=CREATION_WAIT_SECONDS if create else 0.0)
            yield store
        except BaseException:
            if store is not None:
                with interrupts.deferred():
                    store.close(discard_if_unused=True)
            raise
        store.close()

    @classmethod
    def _open_for_writing(cls, root: Path, *, create: bool, wait: float) -> WorkshopStore:
        created = existed_empty = False
        if create and (not root.exists() or not any(root.iterdir())):
            refuse_workshop_files(root)  # a workshop inside another one's folder would be its stray files
            existed_empty = root.exists()
            try:
                created = folder.build_atomically(root, lambda where: cls._initialise(where, root.name))
            except OSError as exc:
                raise StoreError(f"Cannot create the workshop folder {root}: {exc.strerror}.") from exc
        elif not is_workshop(root) and not (create and folder.holds_nothing(root)):
            raise _not_a_workshop(root, create=create)
        store = cls(root, read_only=False, lock=_acquire_lock(root, wait))
        store._created, store._keep_empty_folder = created, existed_empty
        try:
            if folder.database_is_blank(store._db_path):
                # A creation that never finished (an older version, killed): take it over if it holds nothing.
                if not (create and folder.holds_nothing(root)):
                    raise _unfinished(root, damaged=not folder.holds_nothing(root))
                store._close_connections()
                cls._initialise(root, root.name)
            else:
                database.check_integrity(store._conn, store._db_path)
                database.migrate(store._conn, store._db_path)
            folder.remove_stale_temporaries(root)
            for sub in (AUDIO_DIR, EXPORTS_DIR):
                (root / sub).mkdir(exist_ok=True)
        except OSError as exc:
            store.close()
            raise StoreError(f"Cannot write the workshop folder {root}: {exc.strerror}.") from exc
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _initialise(cls, where: Path, name: str) -> None:
        """Make ``where`` an empty workshop titled after the folder ``name``."""
        for sub in (AUDIO_DIR, EXPORTS_DIR):
            (where / sub).mkdir(exist_ok=True)
        store = cls(where, read_only=False, lock=None)
        try:
            database.migrate(store._conn, store._db_path)
            store.update_workshop(title=name.removesuffix(".minutes"))
            store.seed_default_tags()
        finally:
            store.close()

    @classmethod
    def _open_for_reading(cls, root: Path) -> WorkshopStore:
        if not is_workshop(root):
            raise _not_a_workshop(root, create=False)
        if folder.database_is_blank(root / DB_NAME):
            raise _unfinished(root, damaged=not folder.holds_nothing(root))
        store = cls(root, read_only=True, lock=None)
        try:
            store._source = reading.prepare(store._db_path)
        except BaseException:
            store.close()
            raise
        return store

    def close(self, *, discard_if_unused: bool = False) -> None:
        """Close every connection and release the lock.

        With ``discard_if_unused``, a workshop this store created and that still holds nothing of the user's
        is removed first (while the lock is still held, so no other writer can be using it).
        """
        discard = discard_if_unused and self._created and self._lock is not None and self._holds_nothing()
        self._close_connections()
        if discard:
            folder.discard(self.root, keep_empty_folder=self._keep_empty_folder)
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._source is not None:
            self._source.cleanup()
            self._source = None

    @property
    def created(self) -> bool:
        """True if opening this store created the workshop (it did not exist, or was an empty folder)."""
        return self._created

    def _close_connections(self) -> None:
        with self._connections_guard:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def _holds_nothing(self) -> bool:
        """True if nothing of the user's was stored: no session, participant or glossary term, no file."""
        try:
            stored = self._query("SELECT (SELECT COUNT(*) FROM sessions) + (SELECT COUNT(*) FROM participants)"
                                 " + (SELECT COUNT(*) FROM glossary)")[0][0]
        except StoreError:
            return False
        return stored == 0 and folder.holds_nothing(self.root, database_checked=True)

    def __enter__(self) -> WorkshopStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = (self._source.connect() if self._source is not None
                    else database.connect(self._db_path, read_only=self.read_only))
            self._local.conn = conn
            with self._connections_guard:
                self._connections.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction on this thread's connection; nest store calls inside it freely."""
        if self.read_only:
            raise StoreError(f"The workshop {self.root} was opened read-only.")
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield self._conn
            finally:
                self._local.depth -= 1
            return
        self._local.depth = 1
        try:
            with database.transaction(self._conn, self._db_path) as conn:
                yield conn
        finally:
            self._local.depth = 0

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise database.translate(exc, self._db_path) from exc

    @property
    def audio_dir(self) -> Path:
        return self.root / AUDIO_DIR

    @property
    def exports_dir(self) -> Path:
        return self.root / EXPORTS_DIR

    def audio_path(self, session: Session) -> Path | None:
        """The absolute path of a session's recording, or None if it has none."""
        return self.root / session.audio_file if session.audio_file else None

    def recording(self, session: Session) -> Path:
        """The path of a session's recording, which must be there (StoreError when it is missing)."""
        path = self.audio_path(session)
        if path is None or not path.is_file():
            raise StoreError(f'The recording of "{session.title}" is missing from {self.audio_dir}. Restore the '
                             "file and try again.")
        return path

    # -- workshop ------------------------------------------------------------------------------

    def workshop(self) -> Workshop:
        row = self._query("SELECT * FROM workshop WHERE id = 1")[0]
        return Workshop(**{name: row[name] for name in _WORKSHOP_FIELDS})

    def update_workshop(self, **fields: str) -> None:
        _check_fields(fields, _WORKSHOP_FIELDS)
        fields = _one_line_fields(fields)
        with self.transaction() as conn:
            for name, value in fields.items():
                conn.execute(f"UPDATE workshop SET {name} = ? WHERE id = 1", (value,))

    # -- sessions ------------------------------------------------------------------------------

    def sessions(self) -> list[Session]:
        rows = self._query("SELECT * FROM sessions ORDER BY position, id")
        return [_session(row) for row in rows]

    def session(self, session_id: int) -> Session:
        rows = self._query("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise StoreError(f"Session {session_id} does not exist in {self.root}.")
        return _session(rows[0])

    def find_session(self, title: str) -> Session | None:
        wanted = one_line(title)
        rows = self._query("SELECT * FROM sessions WHERE title = ?", (wanted,))
        if not rows:  # a title stored by an older Minutes may hold characters that are cleaned away now
            rows = [row for row in self._query("SELECT * FROM sessions") if one_line(row["title"]) == wanted]
        return _session(rows[0]) if rows else None

    def session_by_title(self, title: str) -> Session:
        """The session with this exact title, or a StoreError listing the titles there are."""
        found = self.find_session(title)
        if found is None:
            titles = [s.title for s in self.sessions()]
            listing = "; ".join(f'"{t}"' for t in titles) if titles else "none"
            raise StoreError(f'No session titled "{title}" in {self.root}. Sessions there: {listing}.')
        return found

    def check_title_free(self, title: str) -> None:
        """Raise :class:`StoreError` if a session already has this title (a title names one session)."""
        if self.find_session(title) is not None:
            raise StoreError(f'A session titled "{title}" already exists in {self.root}. Choose another title.')

    def add_session(self, session: Session) -> Session:
        session = replace(session, **_one_line_fields(asdict(session)))
        if not session.title:
            raise StoreError("A session needs a title.")
        _check_times({name: getattr(session, name) for name in _TIMES})
        with self.transaction() as conn:
            self.check_title_free(session.title)
            values = _session_values(session)
            if not session.position:
                values["position"] = conn.execute(
                    "SELECT COALESCE(MAX(position), 0) + 1 FROM sessions"
                ).fetchone()[0]
            columns = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(f"INSERT INTO sessions ({columns}) VALUES ({marks})", list(values.values()))
            return self.session(cursor.lastrowid)

    def update_session(self, session_id: int, **fields: Any) -> None:
        _check_fields(fields, tuple(_SESSION_COLUMNS))
        fields = _one_line_fields(fields)
        _check_times({name: fields[name] for name in _TIMES if name in fields})
        if fields.get("title") == "":
            raise StoreError("A session needs a title.")
        if "recommendations" in fields:
            fields["recommendations"] = _recommendations_json(fields["recommendations"])
        with self.transaction() as conn:
            for name, value in fields.items():
                conn.execute(f"UPDATE sessions SET {_SESSION_COLUMNS[name]} = ? WHERE id = ?", (value, session_id))

    def delete_session(self, session_id: int) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    # -- participants --------------------------------------------------------------------------

    def participants(self) -> list[Participant]:
        rows = self._query("SELECT * FROM participants ORDER BY name COLLATE NOCASE, id")
        return [Participant(id=row["id"], **{n: row[n] for n in _PARTICIPANT_FIELDS}) for row in rows]

    def add_participant(self, participant: Participant) -> Participant:
        participant = replace(participant, **_one_line_fields(asdict(participant)))
        if not participant.name:
            raise StoreError("A participant needs a name.")
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO participants (name, title, organisation, country) VALUES (?, ?, ?, ?)",
                (participant.name, participant.title, participant.organisation, participant.country),
            )
        return Participant(**{**asdict(participant), "id": cursor.lastrowid})

    def find_participant(self, name: str, organisation: str = "") -> Participant | None:
        """The roster entry with this name (and organisation, when both sides give one)."""
        name, organisation = one_line(name), one_line(organisation)
        for person in self.participants():
            same_org = not organisation or not person.organisation or person.organisation == organisation
            if person.name.casefold() == name.casefold() and same_org:
                return person
        return None

    def update_participant(self, participant_id: int, **fields: str) -> None:
        _check_fields(fields, _PARTICIPANT_FIELDS)
        fields = _one_line_fields(fields)
        if fields.get("name") == "":
            raise StoreError("A participant needs a name.")
        with self.transaction() as conn:
            for name, value in fields.items():
                conn.execute(f"UPDATE participants SET {name} = ? WHERE id = ?", (value, participant_id))

    def delete_participant(self, participant_id: int) -> None:
        """Remove someone from the roster; speakers named after them become anonymous again."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))

    def session_participants(self, session_id: int) -> list[Participant]:
        """The session's planned speakers (from the agenda), in agenda order."""
        rows = self._query(
            "SELECT p.* FROM session_participants sp JOIN participants p ON p.id = sp.participant_id "
            "WHERE sp.session_id = ? ORDER BY sp.position, p.id",
            (session_id,),
        )
        return [Participant(id=row["id"], **{n: row[n] for n in _PARTICIPANT_FIELDS}) for row in rows]

    def set_session_participants(self, session_id: int, participant_ids: Sequence[int]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM session_participants WHERE session_id = ?", (session_id,))
            conn.executemany(
                "INSERT INTO session_participants (session_id, participant_id, position) VALUES (?, ?, ?)",
                [(session_id, pid, i) for i, pid in enumerate(dict.fromkeys(participant_ids))],
            )

    # -- speakers ------------------------------------------------------------------------------

    def speakers(self, session_id: int) -> list[Speaker]:
        rows = self._query("SELECT * FROM speakers WHERE session_id = ? ORDER BY id", (session_id,))
        return [Speaker(label=r["label"], participant_id=r["participant_id"], id=r["id"]) for r in rows]

    def add_speaker(self, session_id: int, speaker: Speaker) -> Speaker:
        speaker = replace(speaker, label=one_line(speaker.label))
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO speakers (session_id, label, participant_id) VALUES (?, ?, ?)",
                (session_id, speaker.label, speaker.participant_id),
            )
        return Speaker(label=speaker.label, participant_id=speaker.participant_id, id=cursor.lastrowid)

    def speaker_names(self, session_id: int) -> dict[int, str]:
        """Display name per speaker id: the participant's name if assigned, else the label."""
        rows = self._query(
            "SELECT s.id, s.label, p.name FROM speakers s LEFT JOIN participants p ON p.id = s.participant_id "
            "WHERE s.session_id = ?",
            (session_id,),
        )
        return {r["id"]: r["name"] or r["label"] for r in rows}

    # -- segments ------------------------------------------------------------------------------

    def segments(self, session_id: int, *, words: bool = True) -> list[Segment]:
        """The session's segments in time order; ``words=False`` leaves out their word timings (faster)."""
        rows = self._query(
            "SELECT * FROM segments WHERE session_id = ? ORDER BY start_s, id", (session_id,)
        )
        return [_segment(row, words) for row in rows]

    def segment_count(self, session_id: int) -> int:
        return self._query("SELECT COUNT(*) FROM segments WHERE session_id = ?", (session_id,))[0][0]

    def add_segments(self, session_id: int, segments: Iterable[Segment]) -> list[Segment]:
        return self.replace_segments(session_id, (), (replace(s, id=None) for s in segments))

    def replace_segments(self, session_id: int, remove_ids: Sequence[int], add: Iterable[Segment]) -> list[Segment]:
        """Remove some segments and add others in one transaction: the one primitive behind every edit.

        Added segments that carry an ``id`` are stored under that id again, so undo restores exactly
        what was there.
        """
        stored = []
        with self.transaction() as conn:
            conn.executemany("DELETE FROM segments WHERE id = ? AND session_id = ?",
                             [(i, session_id) for i in remove_ids])
            for seg in add:
                _check_segment(seg)
                if not (seg.text.isprintable() and seg.translation.isprintable()):
                    # Cleaned here too (not only on the way into SQL), so what is returned is what was stored.
                    seg = replace(seg, text=clean_text(seg.text), translation=clean_text(seg.translation))
                cursor = conn.execute(
                    "INSERT INTO segments (id, session_id, start_s, end_s, speaker_id, language, text, provisional,"
                    " words, translation, checked, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (seg.id, session_id, seg.start, seg.end, seg.speaker_id, seg.language, seg.text,
                     int(seg.provisional), _words_json(seg.words), seg.translation, int(seg.checked),
                     json.dumps(list(seg.flags))),
                )
                stored.append(replace(seg, words=list(seg.words), flags=list(seg.flags), id=cursor.lastrowid))
        return stored

    def segment(self, segment_id: int) -> Segment:
        rows = self._query("SELECT * FROM segments WHERE id = ?", (segment_id,))
        if not rows:
            raise StoreError(f"Segment {segment_id} no longer exists.")
        return _segment(rows[0])

    def delete_segments(self, session_id: int, *, provisional_only: bool = False) -> None:
        with self.transaction() as conn:
            extra = " AND provisional = 1" if provisional_only else ""
            conn.execute(f"DELETE FROM segments WHERE session_id = ?{extra}", (session_id,))

    # -- glossary -------------------------------------------------------------------------------

    def glossary(self) -> list[str]:
        """Names, organisations and terms of the workshop, in the order they were added."""
        return [r["term"] for r in self._query("SELECT term FROM glossary ORDER BY position, id")]

    def set_glossary(self, terms: Sequence[str]) -> None:
        """Replace the glossary; blank and repeated terms are dropped."""
        unique = list(dict.fromkeys(term for term in map(one_line, terms) if term))
        with self.transaction() as conn:
            conn.execute("DELETE FROM glossary")
            conn.executemany("INSERT INTO glossary (term, position) VALUES (?, ?)",
                             [(term, i) for i, term in enumerate(unique)])

    # -- tags and annotations ------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        rows = self._query("SELECT * FROM tags ORDER BY position, id")
        return [Tag(name=r["name"], color=r["color"], position=r["position"], id=r["id"]) for r in rows]

    def add_tag(self, tag: Tag) -> Tag:
        tag = replace(tag, name=one_line(tag.name), color=check_color(tag.color))
        if not tag.name:
            raise StoreError("A tag needs a name.")
        with self.transaction() as conn:
            position = tag.position or conn.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM tags"
            ).fetchone()[0]
            cursor = conn.execute(
                "INSERT INTO tags (name, color, position) VALUES (?, ?, ?)", (tag.name, tag.color, position)
            )
        return Tag(name=tag.name, color=tag.color, position=position, id=cursor.lastrowid)

    def find_tag(self, name: str) -> Tag | None:
        name = one_line(name).casefold()
        return next((t for t in self.tags() if t.name.casefold() == name), None)

    def annotations(self, session_id: int) -> list[Annotation]:
        rows = self._query("SELECT * FROM annotations WHERE session_id = ? ORDER BY start_s, id", (session_id,))
        links: dict[int, list[int]] = {}
        for link in self._query(
            "SELECT at.annotation_id, at.tag_id FROM annotation_tags at JOIN annotations a "
            "ON a.id = at.annotation_id WHERE a.session_id = ? ORDER BY at.tag_id",
            (session_id,),
        ):
            links.setdefault(link["annotation_id"], []).append(link["tag_id"])
        return [annotation_from_row(r, links.get(r["id"], [])) for r in rows]

    def add_annotation(self, session_id: int, annotation: Annotation) -> Annotation:
        check_span(annotation.start, annotation.end, "an annotation")
        annotation = replace(annotation, owner=one_line(annotation.owner), due=one_line(annotation.due))
        tag_ids = sorted(set(annotation.tag_ids))
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO annotations (session_id, start_s, end_s, comment, confidential, owner, due)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session_id, annotation.start, annotation.end, annotation.comment, int(annotation.confidential),
                 annotation.owner, annotation.due),
            )
            for tag_id in tag_ids:
                conn.execute(
                    "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", (cursor.lastrowid, tag_id)
                )
        return Annotation(**{**asdict(annotation), "tag_ids": tag_ids, "id": cursor.lastrowid})


def _acquire_lock(root: Path, wait: float) -> FileLock:
    """The workshop's write lock, waiting up to ``wait`` seconds for another writer to release it."""
    lock = FileLock(root / LOCK_NAME, timeout=0)
    deadline = time.monotonic() + wait
    waited = False
    while True:
        try:
            lock.acquire()
            return lock
        except Timeout as exc:
            if time.monotonic() >= deadline:
                raise LockedError(
                    f"The workshop {root} is open for writing in another Minutes window or command. "
                    "Close it there and try again."
                ) from exc
        except OSError as exc:
            raise StoreError(f"Cannot write the workshop folder {root}: {exc.strerror}.") from exc
        if not waited:
            log.info("waiting up to %.0f s for another writer of %s", wait, root)
            waited = True
        if interrupts.requested():
            raise KeyboardInterrupt
        time.sleep(_LOCK_POLL_SECONDS)


def _not_a_workshop(root: Path, *, create: bool) -> StoreError:
    if create:
        return StoreError(f"{root} already holds other files and is not a Minutes workshop. Choose a new folder.")
    return StoreError(
        f"{root} is not a Minutes workshop (it has no {DB_NAME}). "
        "Check the path, or create the workshop by transcribing or importing into it."
    )


def _unfinished(root: Path, *, damaged: bool) -> StoreError:
    if damaged:
        return StoreError(
            f"The workshop {root} is damaged: its database is empty but the folder holds recordings or other "
            "files. Restore the workshop folder from a copy (a backup)."
        )
    return StoreError(
        f"The workshop {root} is empty: it was interrupted while being created. "
        "Transcribe or import into it to use it."
    )


def _check_fields(fields: dict[str, Any], allowed: Sequence[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")


def _session_values(session: Session) -> dict[str, Any]:
    data = asdict(session)
    values = {column: data[name] for name, column in _SESSION_COLUMNS.items()}
    values["recommendations"] = _recommendations_json(session.recommendations)
    return values


def _one_line_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: one_line(value) if name in _ONE_LINE and isinstance(value, str) else value
            for name, value in fields.items()}


def _check_times(times: dict[str, Any]) -> None:
    for name, value in times.items():
        if not is_time(value):
            raise StoreError(f"A session's {name.replace('_', ' ')} must be seconds from 0 to {MAX_SECONDS} (7 days), "
                             f"not {value!r}; nothing was stored.")


def _check_segment(segment: Segment) -> None:
    check_span(segment.start, segment.end, "a segment")
    for word in segment.words:
        check_span(word.start, word.end, "a word")


def _recommendations_json(recommendations: Sequence[str]) -> str:
    # Cleaned one by one: the JSON text escapes control characters, so cleaning it whole would miss them.
    return json.dumps([clean_text(r) for r in recommendations], ensure_ascii=False)


def _session(row: sqlite3.Row) -> Session:
    fields = {name: row[column] for name, column in _SESSION_COLUMNS.items()}
    fields["recommendations"] = json.loads(fields["recommendations"] or "[]")
    for name in _TIMES:
        fields[name] = stored_time(fields[name])
    return Session(id=row["id"], **fields)


def _words_json(words: Sequence[Word]) -> str:
    return json.dumps(
        [[round(w.start, 3), round(w.end, 3), clean_text(w.text), round(w.probability, 3)] for w in words],
        ensure_ascii=False
    )


def _segment(row: sqlite3.Row, with_words: bool = True) -> Segment:
    words = [Word(start=stored_time(w[0]), end=stored_time(w[1]), text=w[2], probability=w[3])
             for w in (json.loads(row["words"]) if with_words else ())]
    return Segment(
        start=stored_time(row["start_s"]), end=stored_time(row["end_s"]), text=row["text"],
        speaker_id=row["speaker_id"],
        language=row["language"], provisional=bool(row["provisional"]), words=words,
        translation=row["translation"], checked=bool(row["checked"]), flags=json.loads(row["flags"]),
        id=row["id"],
    )
