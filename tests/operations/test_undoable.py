"""Workshop operations return how to take them back: undo puts the workshop back as a new reader of the folder
sees it, and the undo's own undo makes the change again. Plain pytest, no window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from minutes.domain import Annotation, Participant, Session, Speaker, Tag
from minutes.errors import StoreError
from minutes.operations import roster, sessions, tags, workshop
from minutes.operations.changes import OpResult
from minutes.store import WorkshopStore


def on_disk(root: Path) -> tuple:
    with WorkshopStore.open(root, read_only=True) as store:
        ids = [s.id for s in store.sessions()]
        return (store.workshop(), store.participants(), store.enrolled_voices(), store.tags(), store.glossary(),
                store.sessions(), [store.session_participants(i) for i in ids], [store.speakers(i) for i in ids],
                [store.annotations(i) for i in ids])


@pytest.fixture
def store(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as opened:
        yield opened


def round_trip(store: WorkshopStore, change: Callable[[], OpResult]) -> OpResult:
    before = on_disk(store.root)
    done = change()
    after = on_disk(store.root)
    assert after != before and done.changes.anything
    redo = done.undo()
    assert on_disk(store.root) == before
    again = redo.undo()
    assert on_disk(store.root) == after
    assert again.undo is not None
    return done


def test_each_workshop_operation_is_undone_and_redone(store):
    chen = store.add_participant(Participant("Dr. Chen", organisation="NIA"))
    session = store.add_session(Session(title="Opening"))
    store.set_session_participants(session.id, [chen.id])
    store.add_speaker(session.id, Speaker("Speaker 1", chen.id))
    tag = store.tags()[0]
    store.add_annotation(session.id, Annotation(0.0, 1.0, tag_ids=[tag.id]))

    round_trip(store, lambda: roster.add_participant(store, Participant("Lin Mei")))
    round_trip(store, lambda: roster.edit_participant(store, chen.id, title="Director"))
    round_trip(store, lambda: roster.import_roster(store, [Participant("Dr. Chen", "Deputy", "NIA"),
                                                          Participant("Wang Li")]))
    round_trip(store, lambda: tags.add_tag(store, Tag("Victim support", "#35978f")))
    round_trip(store, lambda: tags.rename_tag(store, tag.id, "Prevention first"))
    round_trip(store, lambda: tags.recolour_tag(store, tag.id, "#123456"))
    round_trip(store, lambda: tags.reorder_tags(store, [store.tags()[-1].id]))
    round_trip(store, lambda: tags.delete_tag(store, tag.id))
    round_trip(store, lambda: sessions.save_session(store, None, {"title": "Panel 1"}, [chen.id]))
    round_trip(store, lambda: sessions.save_session(store, session.id, {"title": "Welcome", "venue": "Room 2"}, []))
    round_trip(store, lambda: sessions.set_notes(store, session.id, "Agreed.", ["Train officers."]))
    round_trip(store, lambda: workshop.edit_workshop(store, title="Regional Workshop", venue="Taipei"))
    round_trip(store, lambda: workshop.set_glossary(store, ["forced criminality", "人口販運"]))
    round_trip(store, lambda: roster.delete_participants(store, [chen.id]))  # planned and named: both come back


def test_an_undo_that_would_overwrite_a_later_change_is_refused(store):
    added = roster.add_participant(store, Participant("Lin Mei"))
    redo = added.undo()
    store.add_participant(Participant("Someone else"))  # takes the freed id, outside the undo history
    with pytest.raises(StoreError):
        redo.undo()
    assert [p.name for p in store.participants()] == ["Someone else"]
