"""Deleting a session takes its recording with it."""

from __future__ import annotations

import numpy as np

from minutes import jobs
from minutes.domain import Segment, Session
from minutes.operations.sessions import delete_session
from minutes.store import WorkshopStore


def test_delete_session_removes_the_recording(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        kept = jobs.add_media_session(store, np.zeros(16000, np.float32), Session(title="Kept"))
        gone = jobs.add_media_session(store, np.zeros(16000, np.float32), Session(title="Gone"))
        store.add_segments(gone.id, [Segment(0.0, 1.0, "Hello.")])
        audio = store.audio_path(gone)
        assert audio.is_file()
        changes = delete_session(store, gone.id)
        assert changes.sessions and changes.session_id == gone.id
        assert [s.title for s in store.sessions()] == ["Kept"]
        assert not audio.exists() and store.audio_path(kept).is_file()
