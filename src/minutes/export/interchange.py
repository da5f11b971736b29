"""The JSON interchange format, ``minutes.session`` version 1: one session, complete.

It carries the session's metadata, the workshop's participants, the session's speakers, its segments
with word times, the workshop's tags, the session's annotations, summary and recommendations, so a
session transcribed on one laptop can be merged into the workshop on another. Ids inside a file only
link its parts; on import they are mapped to new ids. Fields may be added in later versions, never
renamed; readers ignore fields they do not know. See ``docs/interchange.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutes import __version__
from minutes.domain import Annotation, Participant, Segment, Session, SessionStatus, Speaker, Tag, Word
from minutes.errors import InputError
from minutes.export import json_fields as f
from minutes.export.json_fields import load_json
from minutes.store import WorkshopStore
from minutes.store.clean import is_color, one_line

FORMAT = "minutes.session"
VERSION = 1


def export_session(store: WorkshopStore, session: Session) -> dict[str, Any]:
    """The whole session as a JSON-ready dict."""
    workshop = store.workshop()
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Minutes {__version__}",
        "workshop": {"title": workshop.title, "dates": workshop.dates, "venue": workshop.venue,
                     "organiser": workshop.organiser},
        "session": {
            "title": session.title, "date": session.date, "start": session.start, "end": session.end,
            "venue": session.venue, "chair": session.chair, "rapporteur": session.rapporteur,
            "language": session.language, "duration": round(session.duration, 3),
        },
        "participants": [
            {"id": p.id, "name": p.name, "title": p.title, "organisation": p.organisation, "country": p.country}
            for p in store.participants()
        ],
        "speakers": [
            {"id": s.id, "label": s.label, "participant": s.participant_id} for s in store.speakers(session.id)
        ],
        "segments": [
            {
                "id": s.id, "start": s.start, "end": s.end, "speaker": s.speaker_id, "language": s.language,
                "text": s.text, "provisional": s.provisional, "translation": s.translation, "checked": s.checked,
                "flags": s.flags,
                "words": [{"start": w.start, "end": w.end, "text": w.text.strip(), "probability": w.probability}
                          for w in s.words],
            }
            for s in store.segments(session.id)
        ],
        # A colour an older version let in is written as the default one, so the file stays importable.
        "tags": [{"id": t.id, "name": t.name, "color": t.color if is_color(t.color) else Tag.color}
                 for t in store.tags()],
        "annotations": [
            {"id": a.id, "start": a.start, "end": a.end, "tags": a.tag_ids, "comment": a.comment,
             "confidential": a.confidential, "owner": a.owner, "due": a.due}
            for a in store.annotations(session.id)
        ],
        "summary": session.summary,
        "recommendations": session.recommendations,
    }


@dataclass
class _Parsed:
    session: Session
    participants: dict[Any, Participant] = field(default_factory=dict)
    speakers: dict[Any, tuple[Speaker, Any]] = field(default_factory=dict)
    segments: list[tuple[Segment, Any]] = field(default_factory=list)
    tags: dict[Any, Tag] = field(default_factory=dict)
    annotations: list[tuple[Annotation, list[Any]]] = field(default_factory=list)


def import_session(store: WorkshopStore, data: Any, *, title: str | None = None) -> Session:
    """Create the session described by ``data`` in ``store``, in one transaction."""
    parsed = _parse(data, title)
    with store.transaction():
        if store.find_session(parsed.session.title) is not None:
            raise InputError(
                f'The workshop already has a session titled "{parsed.session.title}". '
                "Import it under another title with --session NEW_TITLE."
            )
        session = store.add_session(parsed.session)
        people = {}
        for key, person in parsed.participants.items():
            found = store.find_participant(person.name, person.organisation)
            people[key] = found.id if found else store.add_participant(person).id
        speakers = {}
        for key, (speaker, person_key) in parsed.speakers.items():
            speaker.participant_id = people.get(person_key)
            speakers[key] = store.add_speaker(session.id, speaker).id
        for segment, speaker_key in parsed.segments:
            segment.speaker_id = speakers.get(speaker_key)
        store.add_segments(session.id, [s for s, _ in parsed.segments])
        tags = {}
        for key, tag in parsed.tags.items():
            found = store.find_tag(tag.name)
            tags[key] = found.id if found else store.add_tag(Tag(name=tag.name, color=tag.color)).id
        for annotation, tag_keys in parsed.annotations:
            annotation.tag_ids = sorted({tags[k] for k in tag_keys if k in tags})
            store.add_annotation(session.id, annotation)
    return store.session(session.id)


def read_session_file(path: Path) -> Any:
    """The JSON document in ``path``, or an InputError saying why it cannot be one (see :func:`load_json`)."""
    return load_json(path, what="a Minutes session file (JSON)")


def _parse(data: Any, title: str | None) -> _Parsed:
    """Check the whole document, field by field, and build what it describes; nothing is written here."""
    f.expect(isinstance(data, dict), "the file does not hold a JSON object")
    f.expect(data.get("format") == FORMAT, f'it is not a Minutes session (its "format" is not "{FORMAT}")')
    version = data.get("version")
    f.expect(isinstance(version, int) and not isinstance(version, bool) and version >= 1,
             '"version" must be a whole number of 1 or more')
    meta = f.obj(data.get("session", {}), '"session"')
    where = '"session"'
    session = Session(
        title=one_line(title) if title is not None else f.name(meta, "title", where),
        date=f.text(meta, "date", where), start=f.text(meta, "start", where),
        end=f.text(meta, "end", where), venue=f.text(meta, "venue", where),
        chair=f.text(meta, "chair", where), rapporteur=f.text(meta, "rapporteur", where),
        language=f.text(meta, "language", where) or "auto",
        summary=f.text(data, "summary", "file"),
        status=SessionStatus.TRANSCRIBED,
    )
    f.expect(bool(session.title), 'the session has no "title" (give one with --session TITLE)')
    session.recommendations = f.items(data, "recommendations")
    for i, recommendation in enumerate(session.recommendations):
        f.expect(isinstance(recommendation, str), f"recommendations[{i}] must be text, not {f.show(recommendation)}")
    parsed = _Parsed(session)
    seen: dict[Any, str] = {}
    for i, item in enumerate(f.items(data, "participants")):
        where = f"participants[{i}]"
        item = f.obj(item, where)
        parsed.participants[f.key_of(item, where, seen)] = Participant(
            name=f.name(item, "name", where), title=f.text(item, "title", where),
            organisation=f.text(item, "organisation", where), country=f.text(item, "country", where),
        )
    seen = {}
    for i, item in enumerate(f.items(data, "speakers")):
        where = f"speakers[{i}]"
        item = f.obj(item, where)
        key = f.key_of(item, where, seen)
        person = _reference(item, "participant", where, parsed.participants, "participants")
        parsed.speakers[key] = (Speaker(label=one_line(f.text(item, "label", where)) or f"Speaker {i + 1}"), person)
    ends = []
    for i, item in enumerate(f.items(data, "segments")):
        where = f"segments[{i}]"
        item = f.obj(item, where)
        start, end = f.seconds(item, "start", where), f.seconds(item, "end", where)
        f.expect(end >= start, f"{where} ends before it starts")
        words = []
        for j, word in enumerate(f.items(item, "words", f"{where}.")):
            wwhere = f"{where}.words[{j}]"
            word = f.obj(word, wwhere)
            words.append(Word(f.seconds(word, "start", wwhere), f.seconds(word, "end", wwhere),
                              f.text(word, "text", wwhere), f.probability(word, "probability", wwhere)))
        speaker = _reference(item, "speaker", where, parsed.speakers, "speakers")
        parsed.segments.append((
            Segment(start=start, end=end, text=f.text(item, "text", where), language=f.text(item, "language", where),
                    provisional=f.flag(item, "provisional", where), words=words,
                    translation=f.text(item, "translation", where), checked=f.flag(item, "checked", where),
                    flags=f.texts(item, "flags", where)),
            speaker,
        ))
        ends.append(end)
    session.duration = max([f.seconds(meta, "duration", '"session"', default=0.0), *ends])
    session.transcribed_until = session.duration
    seen = {}
    for i, item in enumerate(f.items(data, "tags")):
        where = f"tags[{i}]"
        item = f.obj(item, where)
        parsed.tags[f.key_of(item, where, seen)] = Tag(name=f.name(item, "name", where),
                                                      color=f.color(item, "color", where, Tag.color))
    for i, item in enumerate(f.items(data, "annotations")):
        where = f"annotations[{i}]"
        item = f.obj(item, where)
        tag_keys = f.items(item, "tags", f"{where}.")
        for j, key in enumerate(tag_keys):
            f.expect(f.is_key(key), f"{where}.\"tags\"[{j}] must be a tag id, not {f.show(key)}")
        unknown = [k for k in tag_keys if k not in parsed.tags]
        f.expect(not unknown, f"{where} names tags that are not in \"tags\": {f.show(unknown)}")
        start, end = f.seconds(item, "start", where), f.seconds(item, "end", where)
        f.expect(end >= start, f"{where} ends before it starts")
        parsed.annotations.append((
            Annotation(start=start, end=end, comment=f.text(item, "comment", where),
                       confidential=f.flag(item, "confidential", where),
                       owner=f.text(item, "owner", where), due=f.text(item, "due", where)),
            tag_keys,
        ))
    return parsed


def _reference(item: dict, key: str, where: str, known: dict, part: str) -> Any:
    """The id at ``key`` (None when absent or null), which must be one of ``known``."""
    value = item.get(key)
    if value is not None:
        f.expect(f.is_key(value), f'{where}."{key}" must be an id or null, not {f.show(value)}')
        f.expect(value in known, f'{where} names {key} {f.show(value)}, not in "{part}"')
    return value
