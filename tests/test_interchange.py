"""The JSON interchange format: everything a session holds survives export → import."""

from __future__ import annotations

import json

import pytest

from minutes.domain import Annotation, Participant, Segment, Session, Speaker, Tag, Word
from minutes.errors import InputError
from minutes.export.interchange import export_session, import_session
from minutes.store import WorkshopStore


def filled_session(store: WorkshopStore) -> Session:
    chen = store.add_participant(Participant("Dr. Chen", "Director", "National Immigration Agency", "Taiwan"))
    store.add_participant(Participant("Ms. Santos", "Prosecutor", "DOJ", "Philippines"))
    session = store.add_session(Session(
        title="Session 2: Forced labour", date="2024-08-28", start="10:30", end="12:00", venue="Room 201",
        chair="Ms. Santos", rapporteur="Mr. Lee", language="en", duration=30.0, status="transcribed",
        summary="Panel on forced labour in fishing.", recommendations=["Joint inspections", "Hotline in Tagalog"],
    ))
    named = store.add_speaker(session.id, Speaker("Speaker 1", participant_id=chen.id))
    anonymous = store.add_speaker(session.id, Speaker("Speaker 2"))
    store.add_segments(session.id, [
        Segment(0.5, 2.0, "Good morning.", named.id, "en", words=[Word(0.5, 1.0, " Good", 0.9),
                                                                  Word(1.0, 2.0, " morning.", 0.8)]),
        Segment(2.5, 4.0, "人口販運防制", anonymous.id, "zh", translation="Preventing human trafficking",
                checked=True, flags=["overlap", "loop"]),
        Segment(5.0, 6.0, "Unattributed.", None, "en", provisional=True),
    ])
    prevention = store.find_tag("Prevention")  # from the default tag set every workshop starts with
    action = store.add_tag(Tag("Follow-up", "#c62828"))
    store.add_annotation(session.id, Annotation(0.5, 4.0, [prevention.id, action.id], "raise at plenary", True))
    return store.session(session.id)


def test_round_trip_into_another_workshop(tmp_path):
    with WorkshopStore.open(tmp_path / "A.minutes", create=True) as a:
        original = export_session(a, filled_session(a))
    text = json.dumps(original, ensure_ascii=False)
    with WorkshopStore.open(tmp_path / "B.minutes", create=True) as b:
        seeded = [t.name for t in b.tags()]  # the default tag set; Prevention and Action item are reused
        b.add_participant(Participant("Dr. Chen", organisation="National Immigration Agency"))
        imported = import_session(b, json.loads(text))
        again = export_session(b, imported)
        assert [t.name for t in b.tags()] == [*seeded, "Follow-up"] and "Prevention" in seeded
        assert len(b.participants()) == 2

    def comparable(doc: dict) -> dict:
        """Ids differ between workshops; everything they link must not."""
        speakers = {s["id"]: s for s in doc["speakers"]}
        people = {p["id"]: p["name"] for p in doc["participants"]}
        tags = {t["id"]: t["name"] for t in doc["tags"]}
        return {
            "session": doc["session"], "summary": doc["summary"], "recommendations": doc["recommendations"],
            "segments": [
                {**{k: v for k, v in s.items() if k not in ("id", "speaker")},
                 "speaker": (speakers[s["speaker"]]["label"], people.get(speakers[s["speaker"]]["participant"]))
                 if s["speaker"] is not None else None}
                for s in doc["segments"]
            ],
            "annotations": [{**{k: v for k, v in a.items() if k not in ("id", "tags")},
                             "tags": sorted(tags[t] for t in a["tags"])} for a in doc["annotations"]],
            "participants": sorted(people.values()),
        }

    assert comparable(again) == comparable(original)
    assert [s["translation"] for s in again["segments"]] == ["", "Preventing human trafficking", ""]
    assert [(s["checked"], s["flags"]) for s in again["segments"]] == [
        (False, []), (True, ["overlap", "loop"]), (False, [])]


def test_rename_on_import_and_refuse_duplicates(tmp_path):
    with WorkshopStore.open(tmp_path / "A.minutes", create=True) as a:
        doc = export_session(a, filled_session(a))
        with pytest.raises(InputError, match="already has a session titled"):
            import_session(a, doc)
        assert import_session(a, doc, title="Session 2 (laptop B)").title == "Session 2 (laptop B)"


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d.update(format="other"), "not a Minutes session"),
    (lambda d: d.update(version="1"), '"version"'),
    (lambda d: d["segments"][0].update(start="soon"), 'segments[0]."start" must be a number'),
    (lambda d: d["segments"][0].update(end=0.1), "segments[0] ends before it starts"),
    (lambda d: d["segments"][1].update(speaker=99), "segments[1] names speaker 99"),
    (lambda d: d["annotations"][0].update(tags=[42]), "annotations[0] names tags"),
    (lambda d: d.update(segments={}), '"segments" must be a list'),
    (lambda d: d["session"].update(title=""), "no \"title\""),
    (lambda d: d["segments"][0].update(flags="loop"), 'segments[0]."flags" must be a list'),
])
def test_bad_files_name_the_problem_and_change_nothing(tmp_path, change, problem):
    with WorkshopStore.open(tmp_path / "A.minutes", create=True) as a:
        doc = export_session(a, filled_session(a))
    change(doc)
    with WorkshopStore.open(tmp_path / "B.minutes", create=True) as b:
        seeded = b.tags()
        with pytest.raises(InputError, match=problem.replace("[", r"\[").replace("]", r"\]")):
            import_session(b, doc)
        assert b.sessions() == [] and b.participants() == [] and b.tags() == seeded


def test_unknown_fields_from_newer_versions_are_ignored(tmp_path):
    doc = {"format": "minutes.session", "version": 3, "session": {"title": "S", "mood": "tense"},
           "segments": [{"start": 0, "end": 1, "text": "Hi", "emotion": "calm"}], "future": {}}
    with WorkshopStore.open(tmp_path / "A.minutes", create=True) as a:
        session = import_session(a, doc)
        assert [(s.text, s.checked, s.flags) for s in a.segments(session.id)] == [("Hi", False, [])]
