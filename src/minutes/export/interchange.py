"""The JSON interchange format, ``minutes.session`` version 1: one session, complete.

It carries the session's metadata, the workshop's participants, the session's speakers, its segments
with word times, the workshop's tags, the session's annotations, summary and recommendations, so a
session transcribed on one laptop can be merged into the workshop on another. Ids inside a file only
link its parts; on import they are mapped to new ids. Fields may be added in later versions, never
renamed; readers ignore fields they do not know. See ``docs/interchange.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from minutes import __version__
from minutes.domain import Annotation, Participant, Segment, Session, Speaker, Tag, Word
from minutes.errors import InputError
from minutes.store import WorkshopStore

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
        "tags": [{"id": t.id, "name": t.name, "color": t.color} for t in store.tags()],
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


def _parse(data: Any, title: str | None) -> _Parsed:
    _expect(isinstance(data, dict), "the file does not hold a JSON object")
    _expect(data.get("format") == FORMAT, f'it is not a Minutes session (its "format" is not "{FORMAT}")')
    version = data.get("version")
    _expect(isinstance(version, int) and version >= 1, '"version" must be a whole number of 1 or more')
    meta = _obj(data.get("session", {}), "session")
    session = Session(
        title=(title or _text(meta, "title", "session")).strip(),
        date=_text(meta, "date", "session"), start=_text(meta, "start", "session"),
        end=_text(meta, "end", "session"), venue=_text(meta, "venue", "session"),
        chair=_text(meta, "chair", "session"), rapporteur=_text(meta, "rapporteur", "session"),
        language=_text(meta, "language", "session") or "auto",
        summary=_text(data, "summary", "file"),
        status="transcribed",
    )
    _expect(bool(session.title), 'the session has no "title" (give one with --session TITLE)')
    recommendations = data.get("recommendations") or []
    _expect(isinstance(recommendations, list) and all(isinstance(r, str) for r in recommendations),
            '"recommendations" must be a list of texts')
    session.recommendations = recommendations
    parsed = _Parsed(session)
    for i, item in enumerate(_list(data, "participants")):
        where = f"participants[{i}]"
        item = _obj(item, where)
        name = _text(item, "name", where)
        _expect(bool(name.strip()), f'{where} has no "name"')
        parsed.participants[item.get("id")] = Participant(
            name=name, title=_text(item, "title", where), organisation=_text(item, "organisation", where),
            country=_text(item, "country", where),
        )
    for i, item in enumerate(_list(data, "speakers")):
        where = f"speakers[{i}]"
        item = _obj(item, where)
        parsed.speakers[item.get("id")] = (Speaker(label=_text(item, "label", where) or f"Speaker {i + 1}"),
                                          item.get("participant"))
    ends = []
    for i, item in enumerate(_list(data, "segments")):
        where = f"segments[{i}]"
        item = _obj(item, where)
        start, end = _time(item, "start", where), _time(item, "end", where)
        _expect(end >= start, f"{where} ends before it starts")
        words = []
        for j, word in enumerate(item.get("words") or []):
            wwhere = f"{where}.words[{j}]"
            word = _obj(word, wwhere)
            prob = word.get("probability", 1.0)
            words.append(Word(_time(word, "start", wwhere), _time(word, "end", wwhere), _text(word, "text", wwhere),
                              float(prob) if isinstance(prob, int | float) else 1.0))
        parsed.segments.append((
            Segment(start=start, end=end, text=_text(item, "text", where), language=_text(item, "language", where),
                    provisional=bool(item.get("provisional", False)), words=words,
                    translation=_text(item, "translation", where), checked=item.get("checked") is True,
                    flags=_flags(item, where)),
            item.get("speaker"),
        ))
        ends.append(end)
    session.duration = float(meta.get("duration") or 0) if isinstance(meta.get("duration"), int | float) else 0.0
    session.duration = max([session.duration, *ends])
    session.transcribed_until = session.duration
    for i, item in enumerate(_list(data, "tags")):
        where = f"tags[{i}]"
        item = _obj(item, where)
        name = _text(item, "name", where)
        _expect(bool(name.strip()), f'{where} has no "name"')
        parsed.tags[item.get("id")] = Tag(name=name, color=_text(item, "color", where) or "#808080")
    for i, item in enumerate(_list(data, "annotations")):
        where = f"annotations[{i}]"
        item = _obj(item, where)
        tag_keys = item.get("tags") or []
        _expect(isinstance(tag_keys, list), f'{where}."tags" must be a list of tag ids')
        unknown = [k for k in tag_keys if k not in parsed.tags]
        _expect(not unknown, f"{where} names tags that are not in \"tags\": {unknown}")
        parsed.annotations.append((
            Annotation(start=_time(item, "start", where), end=_time(item, "end", where),
                       comment=_text(item, "comment", where), confidential=bool(item.get("confidential", False)),
                       owner=_text(item, "owner", where), due=_text(item, "due", where)),
            tag_keys,
        ))
    known_speakers = set(parsed.speakers)
    for i, (_, key) in enumerate(parsed.segments):
        _expect(key is None or key in known_speakers, f'segments[{i}] names speaker {key!r}, not in "speakers"')
    return parsed


def _expect(condition: bool, problem: str) -> None:
    if not condition:
        raise InputError(f"Cannot import: {problem}.")


def _obj(value: Any, where: str) -> dict:
    _expect(isinstance(value, dict), f"{where} must be a JSON object")
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    _expect(isinstance(value, list), f'"{key}" must be a list')
    return value


def _text(item: dict, key: str, where: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    _expect(isinstance(value, str), f'{where}."{key}" must be text')
    return value


def _flags(item: dict, where: str) -> list[str]:
    value = item.get("flags") or []
    _expect(isinstance(value, list) and all(isinstance(f, str) for f in value),
            f'{where}."flags" must be a list of texts')
    return value


def _time(item: dict, key: str, where: str) -> float:
    value = item.get(key)
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
    _expect(ok, f'{where}."{key}" must be a number of seconds (0 or more)')
    return float(value)
