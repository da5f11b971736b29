"""A stored session's transcript as the text of a file: txt, srt, vtt or the JSON interchange format."""

from __future__ import annotations

import json

from minutes.domain import Session
from minutes.export.confidential import shown_segments
from minutes.export.interchange import export_session
from minutes.export.transcript import render
from minutes.store import WorkshopStore


def names_to_show(store: WorkshopStore, session: Session) -> dict[int, str]:
    """Speaker names for text exports: none when one anonymous voice speaks throughout."""
    speakers = store.speakers(session.id)
    if len(speakers) == 1 and speakers[0].participant_id is None:
        return {}
    return store.speaker_names(session.id)


def render_session(store: WorkshopStore, session: Session, fmt: str, *, include_confidential: bool = False) -> str:
    """The whole file for ``fmt``; off-the-record text is left out of txt, srt and vtt unless it is included
    (JSON, the interchange format, always keeps it with its flag)."""
    if fmt == "json":
        return json.dumps(export_session(store, session), ensure_ascii=False, indent=2) + "\n"
    segments = store.segments(session.id)
    shown = segments if include_confidential else shown_segments(segments, store.annotations(session.id))
    return render(fmt, shown, names_to_show(store, session))
