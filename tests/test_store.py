"""The workshop store: folder layout, schema version, transactions, locking, round trips."""

from __future__ import annotations

import sqlite3

import pytest

from minutes.domain import Annotation, Participant, Segment, Session, Speaker, Tag, Word
from minutes.errors import LockedError, StoreError
from minutes.store import WorkshopStore
from minutes.store.schema import SCHEMA_VERSION


def test_create_makes_the_folder_layout_and_schema(tmp_path):
    root = tmp_path / "Workshop2024.minutes"
    with WorkshopStore.open(root, create=True) as store:
        assert store.workshop().title == "Workshop2024"
    assert (root / "workshop.sqlite").is_file()
    assert (root / "audio").is_dir() and (root / "exports").is_dir()
    version = sqlite3.connect(root / "workshop.sqlite").execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION


def test_opening_a_missing_or_foreign_folder_fails_clearly(tmp_path):
    with pytest.raises(StoreError, match="not a Minutes workshop"):
        WorkshopStore.open(tmp_path / "nothing.minutes")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"x")
    with pytest.raises(StoreError, match="already holds other files"):
        WorkshopStore.open(tmp_path / "photos", create=True)
    (tmp_path / "file.minutes").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        WorkshopStore.open(tmp_path / "file.minutes", create=True)


def test_a_newer_schema_is_refused(tmp_path):
    root = tmp_path / "W.minutes"
    WorkshopStore.open(root, create=True).close()
    conn = sqlite3.connect(root / "workshop.sqlite")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version of Minutes"):
        WorkshopStore.open(root)


def test_only_one_writer_but_readers_are_welcome(tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as writer:
        writer.add_session(Session(title="S1"))
        with pytest.raises(LockedError, match="open for writing in another"):
            WorkshopStore.open(root)
        with WorkshopStore.open(root, read_only=True) as reader:
            assert [s.title for s in reader.sessions()] == ["S1"]
            with pytest.raises(StoreError, match="read-only"):
                reader.add_session(Session(title="S2"))
    WorkshopStore.open(root).close()  # released on close


def test_segments_round_trip_with_words(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        session = store.add_session(Session(title="Session 1: Atypical victims", date="2024-08-28",
                                            recommendations=["Share data"]))
        speaker = store.add_speaker(session.id, Speaker(label="Speaker 1"))
        words = [Word(1.0, 1.4, " Good", 0.9), Word(1.4, 1.9, " morning.", 0.8)]
        store.add_segments(session.id, [
            Segment(1.0, 1.9, "Good morning.", speaker_id=speaker.id, language="en", words=words),
            Segment(2.5, 3.0, "人口販運", language="zh", provisional=True),
        ])
        got = store.segments(session.id)
        assert [s.text for s in got] == ["Good morning.", "人口販運"]
        assert got[0].words == words and got[0].speaker_id == speaker.id
        assert got[1].provisional and got[1].language == "zh"
        assert store.session(session.id).recommendations == ["Share data"]
        assert store.speaker_names(session.id) == {speaker.id: "Speaker 1"}


def test_a_failed_transaction_changes_nothing(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        session = store.add_session(Session(title="S1"))
        with pytest.raises(RuntimeError), store.transaction():
            store.add_segments(session.id, [Segment(0, 1, "kept?")])
            store.update_session(session.id, transcribed_until=1.0)
            raise RuntimeError("power cut")
        assert store.segments(session.id) == []
        assert store.session(session.id).transcribed_until == 0


def test_duplicate_titles_are_refused(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        store.add_session(Session(title="S1"))
        with pytest.raises(StoreError, match="already exists"):
            store.add_session(Session(title="S1"))
        with pytest.raises(StoreError, match='No session titled "S9".*"S1"'):
            store.session_by_title("S9")


def test_participants_tags_and_annotations(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        chen = store.add_participant(Participant(name="Dr. Chen", organisation="NIA", country="Taiwan"))
        assert store.find_participant("dr. chen") == chen
        session = store.add_session(Session(title="S1"))
        speaker = store.add_speaker(session.id, Speaker(label="Speaker 2", participant_id=chen.id))
        assert store.speaker_names(session.id) == {speaker.id: "Dr. Chen"}
        seeded = [t.name for t in store.tags()]
        prevention = store.add_tag(Tag(name="Victim identification", color="#2e7d32"))
        action = store.add_tag(Tag(name="Data sharing"))
        note = store.add_annotation(session.id, Annotation(4.0, 9.5, [action.id, prevention.id], "follow up", True))
        assert store.annotations(session.id) == [note]
        assert [t.name for t in store.tags()] == [*seeded, "Victim identification", "Data sharing"]
        assert seeded[:4] == ["Prevention", "Protection", "Prosecution", "Partnership"]


def test_data_survives_a_killed_writer(tmp_path):
    """Each change is committed when it is made: a writer that never closes loses nothing."""
    import subprocess
    import sys

    root = tmp_path / "W.minutes"
    script = (
        "import os, sys\n"
        "from minutes.store import WorkshopStore\n"
        "from minutes.domain import Session, Segment\n"
        f"store = WorkshopStore.open({str(root)!r}, create=True)\n"
        "s = store.add_session(Session(title='S1'))\n"
        "store.add_segments(s.id, [Segment(0, 1, 'first')])\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False)
    with WorkshopStore.open(root) as store:  # the lock died with the process
        assert [s.text for s in store.segments(store.session_by_title("S1").id)] == ["first"]


def test_review_checks_flags_and_action_fields_round_trip(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        store.update_workshop(summary="Three days on victim protection.")
        session = store.add_session(Session(title="Opening"))
        store.update_session(session.id, review_status="approved", reviewed_by="Li", reviewed_at="2026-12-01T10:00")
        [segment] = store.add_segments(session.id, [Segment(0, 1, "Hello", checked=True, flags=["loop"])])
        action = store.add_annotation(session.id, Annotation(0, 1, owner="Ministry of Justice", due="2027-03-01"))
        store.update_annotation(action.id, due="2027-04-01")
    with WorkshopStore.open(tmp_path / "W.minutes", read_only=True) as store:
        assert store.workshop().summary == "Three days on victim protection."
        stored = store.session(session.id)
        assert (stored.review_status, stored.reviewed_by, stored.reviewed_at) == ("approved", "Li", "2026-12-01T10:00")
        [read] = store.segments(session.id)
        assert read.checked and read.flags == ["loop"] and read.id == segment.id
        [note] = store.annotations(session.id)
        assert (note.owner, note.due) == ("Ministry of Justice", "2027-04-01")
        assert store.annotations_in(session.id, 0, 1)[0].owner == "Ministry of Justice"
