"""A session's review: ``draft`` → ``reviewed`` → ``approved``, with who set it and when.

Minutes of a session that is not approved say DRAFT. Editing an approved session returns it to
``reviewed`` (:func:`reopen_if_approved`; the window asks first), so an approval always covers the text
that was approved.
"""

from __future__ import annotations

from datetime import datetime, timezone

from minutes.domain import REVIEW_STATUSES, Session
from minutes.errors import InputError
from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore

MAX_NAME = 200


def set_review(store: WorkshopStore, session_id: int, status: str, by: str = "") -> OpResult[Session]:
    """Set the review state of a session, recording who set it (may be blank) and when (UTC)."""
    if status not in REVIEW_STATUSES:
        raise InputError(f'Unknown review state "{status}"; use one of: {", ".join(REVIEW_STATUSES)}.')
    by = " ".join(by.split())
    if len(by) > MAX_NAME or not all(ch.isprintable() for ch in by):
        raise InputError(f"The reviewer's name must be printable text of at most {MAX_NAME} characters.")
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    store.update_session(session_id, review_status=status, reviewed_by=by, reviewed_at=now)
    return OpResult(store.session(session_id), OpChanges(sessions=True, session_id=session_id))


def reopen_if_approved(store: WorkshopStore, session_id: int, by: str = "") -> OpChanges:
    """After an edit of an approved session: it goes back to ``reviewed``; nothing happens otherwise."""
    if not store.session(session_id).approved:
        return OpChanges()
    return set_review(store, session_id, "reviewed", by).changes

