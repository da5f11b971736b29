"""A stored session's transcript as the text of a file: txt, srt, vtt or the JSON interchange format."""

from __future__ import annotations

import json

from minutes.domain import Session
from minutes.export.interchange import export_session
from minutes.export.transcript import render
from minutes.store import WorkshopStore


def names_to_show(store: WorkshopStore, session: Session) -> dict[int, str]:
    """Speaker names for text exports: none when one anonymous voice speaks throughout."""
    speakers = store.speakers(session.id)
    if len(speakers) == 1 and speakers[0].participant_id is None:
        return {}
    return store.speaker_names(session.id)


def render_session(store: WorkshopStore, session: Session, fmt: str) -> str:
    """The whole file for ``fmt``."""
    if fmt == "json":
        return json.dumps(export_session(store, session), ensure_ascii=False, indent=2) + "\n"
    return render(fmt, store.segments(session.id), names_to_show(store, session))
