"""A workshop with two sessions to write minutes of: tags, participants, English and Mandarin, off the record."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document

from minutes.domain import Annotation, Participant, Segment, Session, Speaker
from minutes.export.interchange import import_session
from minutes.store import WorkshopStore
from minutes.store.tagging import TagOperations

# WorkshopStore mixes TagOperations in once it is wired; until then the tests add it themselves.
Store = WorkshopStore if issubclass(WorkshopStore, TagOperations) else type("Store", (WorkshopStore, TagOperations), {})

WORKSHOP_TITLE = "2024 International Workshop on Strategies for Combating Human Trafficking"
NAMES = ("Chen Mei-ling", "Maria Santos", "James Walker", "林志明")
SECRET = "the informant in Sihanoukville"
SECRET_ZH = "線人的身分"


def tag_ids(store: WorkshopStore) -> dict[str, int]:
    return {t.name: t.id for t in store.tags()}


def fill_first_session(store: WorkshopStore) -> Session:
    chen = store.add_participant(Participant("Dr. Chen Mei-ling", "Director", "National Immigration Agency",
                                             "Taiwan"))
    santos = store.add_participant(Participant("Ms. Maria Santos", "Prosecutor", "Department of Justice",
                                               "Philippines"))
    walker = store.add_participant(Participant("Mr. James Walker", "Researcher", "University of Leeds",
                                               "United Kingdom"))
    lin = store.add_participant(Participant("林志明", "科長", "內政部移民署", "Taiwan"))
    store.add_participant(Participant("Absent Person", "Observer", "Nowhere", "Nowhere"))  # never speaks
    session = store.add_session(Session(
        title="Session 1: Atypical victims under forced criminality", date="2024-08-28", start="09:30",
        end="11:00", venue="Taipei International Convention Center, Room 201", chair="Ms. Maria Santos",
        rapporteur="Mr. James Walker", language="auto", duration=120.0, status="transcribed",
        summary="The panel discussed victims forced into online scams.\nDr. Chen described screening at airports.",
        recommendations=["Joint screening protocol for returnees", "Hotline in Tagalog and Vietnamese"],
    ))
    s_chen = store.add_speaker(session.id, Speaker("Speaker 1", chen.id))
    s_santos = store.add_speaker(session.id, Speaker("Speaker 2", santos.id))
    s_walker = store.add_speaker(session.id, Speaker("Speaker 3", walker.id))
    s_lin = store.add_speaker(session.id, Speaker("Speaker 4", lin.id))
    s_anon = store.add_speaker(session.id, Speaker("Speaker 5"))
    store.add_segments(session.id, [
        Segment(0.0, 8.0, "Good morning, I am Maria Santos and I will chair this session.", s_santos.id, "en"),
        Segment(8.0, 15.0, "We screen every returnee from scam compounds at the airport.", s_chen.id, "en"),
        Segment(15.0, 22.0, "Screening is done in their own language.", s_chen.id, "en"),
        Segment(22.0, 30.0, "我們與非政府組織合作，提供被害人安置與心理輔導。", s_lin.id, "zh"),
        Segment(30.0, 38.0, f"Off the record, we learned it from {SECRET}.", s_walker.id, "en"),
        Segment(38.0, 45.0, f"請不要公開{SECRET_ZH}。", s_lin.id, "zh"),
        Segment(45.0, 55.0, "Prosecutors need financial evidence, as Dr. Chen said.", s_santos.id, "en"),
        Segment(55.0, 62.0, "We recommend a regional data-sharing agreement.", s_walker.id, "en"),
        Segment(62.0, 70.0, "Thank you, Maria. I will circulate the draft protocol by September.", s_anon.id, "en"),
    ])
    ids = tag_ids(store)
    store.add_annotation(session.id, Annotation(8.0, 22.0, [ids["Prevention"]], "Airport screening model"))
    store.add_annotation(session.id, Annotation(22.0, 30.0, [ids["Protection"], ids["Partnership"]], "NGO shelters"))
    store.add_annotation(session.id, Annotation(30.0, 45.0, [], "", confidential=True))
    # Overlaps the confidential span: only its non-confidential segment may be quoted.
    store.add_annotation(session.id, Annotation(38.0, 55.0, [ids["Prosecution"]], "Follow the money"))
    store.add_annotation(session.id, Annotation(55.0, 62.0, [ids["Recommendation"]], ""))
    store.add_annotation(session.id, Annotation(62.0, 70.0, [ids["Action item"]], "Circulate the draft protocol"))
    # A confidential annotation with a tag: not listed at all by default.
    store.add_annotation(session.id, Annotation(30.0, 38.0, [ids["Challenge"]], "Informant risk", confidential=True))
    return store.session(session.id)


def second_session_json() -> dict:
    """A session transcribed on another laptop, in the interchange format."""
    return {
        "format": "minutes.session", "version": 1,
        "session": {"title": "Session 2: Forced labour and organ harvesting", "date": "2024-08-28",
                    "start": "11:15", "end": "12:30", "venue": "Room 201", "chair": "Mr. James Walker",
                    "rapporteur": "Ms. Maria Santos", "duration": 60.0},
        "participants": [{"id": 7, "name": "Mr. James Walker", "title": "Researcher",
                          "organisation": "University of Leeds", "country": "United Kingdom"}],
        "speakers": [{"id": 1, "label": "Speaker 1", "participant": 7}],
        "segments": [
            {"start": 1.0, "end": 9.0, "speaker": 1, "language": "en",
             "text": "Fishing fleets need independent labour inspections."},
            {"start": 9.0, "end": 16.0, "speaker": 1, "language": "en", "text": "Good practice exists in Thailand."},
        ],
        "tags": [{"id": 1, "name": "Good practice", "color": "#01665e"}],
        "annotations": [{"start": 9.0, "end": 16.0, "tags": [1], "comment": "Port-in port-out controls",
                         "confidential": False}],
        "summary": "Forced labour at sea.",
        "recommendations": ["Independent inspections at sea"],
    }


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "Workshop2024.minutes", create=True) as opened:
        opened.update_workshop(title=WORKSHOP_TITLE, dates="28 August 2024", venue="Taipei",
                               organiser="Ministry of the Interior")
        opened.seed_default_tags()
        yield opened


@pytest.fixture
def sessions(store: WorkshopStore) -> list[int]:
    first = fill_first_session(store)
    second = import_session(store, second_session_json())
    return [first.id, second.id]


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def package_text(path: Path) -> str:
    """Every XML part of the .docx (body, header, footer, properties…) as one string."""
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml")
                       or n.endswith(".rels"))


def body_text(document: Document) -> str:
    """The visible text of the body: paragraphs and table cells, in order, one line each."""
    lines = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif block.tag.endswith("}tbl"):
            for row in block.iter():
                if row.tag.endswith("}tr"):
                    cells = [c for c in row if c.tag.endswith("}tc")]
                    lines.append(" | ".join("".join(t.text or "" for t in c.iter() if t.tag.endswith("}t"))
                                            for c in cells))
    return "\n".join(lines)
