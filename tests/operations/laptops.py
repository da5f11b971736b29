"""Workshops as the rapporteurs' laptops leave them: real recordings, speakers with voices, notes and a roster."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from minutes.audio import decode
from minutes.domain import Annotation, Participant, Segment, Session, Speaker
from minutes.jobs import add_media_session
from minutes.store import WorkshopStore

DATA = Path(__file__).resolve().parents[1] / "data"
CLIP_EN = DATA / "en_librispeech_1995-1837-0001.wav"
CLIP_ZH = DATA / "zh_aishell1_BAC009S0764W0121.wav"
CLIP_AMI = DATA / "multi_en_ami_debug_dev00.flac"


def add_recorded_session(store: WorkshopStore, title: str, clip: Path, *, who: Participant | None = None,
                         text: str = "We screen every returnee at the airport.") -> Session:
    """A session with ``clip`` as its recording, one named speaker with a voice, a segment and two notes."""
    session = add_media_session(store, decode.decode(clip), Session(title=title, language="en", date="2024-08-28"))
    person = who or store.add_participant(Participant("Dr. Chen Mei-ling", "Director", "National Immigration Agency",
                                                      "Taiwan"))
    speaker = store.add_speaker(session.id, Speaker("Speaker 1", participant_id=person.id))
    store.set_speaker_voice(speaker.id, np.linspace(-1.0, 1.0, 192, dtype=np.float32))
    store.add_segments(session.id, [Segment(0.2, 3.0, text, speaker.id, "en")])
    store.update_session(session.id, status="transcribed", transcribed_until=session.duration,
                         summary=f"Summary of {title}.")
    tags = {t.name: t.id for t in store.tags()}
    store.add_annotation(session.id, Annotation(0.2, 3.0, [tags["Prevention"]], "screening at airports"))
    store.add_annotation(session.id, Annotation(0.2, 3.0, [tags["Action item"]], "Circulate the protocol",
                                                owner="National Immigration Agency", due="2024-09-30"))
    return store.session(session.id)


def dump(root: Path) -> list[str]:
    """The whole database of a workshop as SQL, to compare states (opened after every writer is gone)."""
    conn = sqlite3.connect(root / "workshop.sqlite")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def audio_files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "audio").iterdir())
