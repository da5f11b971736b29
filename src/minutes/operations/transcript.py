"""The writes of the session editor's undo steps: segments replaced, annotations added, changed and removed,
and a session's speakers put back as they were.

The window's undo commands (``minutes.ui.commands``, ``minutes.ui.tagging``) call these, never the store,
so the window only reads the store. Each returns what it changed (and what it stored, where ids are new).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from minutes.domain import Annotation, Segment
from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore
from minutes.store.voices import SpeakerState


def replace_segments(store: WorkshopStore, session_id: int, remove_ids: Sequence[int], add: Iterable[Segment]
                     ) -> OpResult[list[Segment]]:
    """Swap some of a session's segments for others in one transaction; the segments as stored."""
    stored = store.replace_segments(session_id, remove_ids, add)
    return OpResult(stored, OpChanges(segments=True, session_id=session_id))


def put_back_speakers(store: WorkshopStore, session_id: int, state: SpeakerState) -> OpChanges:
    """Put a session's speakers, who speaks each segment and the remembered voices back as ``state`` holds them."""
    store.restore_speaker_state(session_id, state)
    return OpChanges(speakers=True, voices=True, segments=True, session_id=session_id)


def add_annotation(store: WorkshopStore, session_id: int, annotation: Annotation) -> OpResult[Annotation]:
    """Tag, comment on or mark off the record a span of a session; the annotation as stored (its new id)."""
    stored = store.add_annotation(session_id, annotation)
    return OpResult(stored, OpChanges(annotations=True, session_id=session_id))


def update_annotation(store: WorkshopStore, session_id: int, annotation_id: int, value: Annotation) -> OpChanges:
    """Give an annotation the tags, comment, confidentiality, owner, due date and span of ``value``."""
    store.update_annotation(annotation_id, tag_ids=value.tag_ids, comment=value.comment,
                            confidential=value.confidential, owner=value.owner, due=value.due,
                            start=value.start, end=value.end)
    return OpChanges(annotations=True, session_id=session_id)


def delete_annotation(store: WorkshopStore, session_id: int, annotation_id: int) -> OpChanges:
    store.delete_annotation(annotation_id)
    return OpChanges(annotations=True, session_id=session_id)
