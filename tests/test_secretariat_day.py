"""The two-laptop day, end to end, as the secretariat lives it.

Two laptops each get the roster (a generated 300-row XLSX) and the agenda (a CSV), and record their sessions
from real clips. Laptop B hands over one session as a package; laptop A hands over its workshop folder. The
secretariat merges both into a new workshop, reviews, writes the executive summary and publishes the report,
which is reopened with python-docx and laid out by LibreOffice.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from minutes.domain import Annotation
from minutes.operations.workshop import set_workshop_summary
from minutes.store import WorkshopStore
from tests.operations.laptops import CLIP_AMI, CLIP_EN, CLIP_ZH, audio_files, dump

AGENDA = """Date,Time,Session,Room,Moderator,Rapporteur
2024-08-28,09:00-10:15,Session 1: Opening,Hall A,Ms. Participant 00003,Mr. Participant 00004
2024-08-28,14:00-15:30,Session 3: Victims under forced criminality,Room 201,Dr. Participant 00005,Ms. Participant 00006
2024-08-28,10:30-12:00,Session 2: Forced labour in fishing,Room 201,Dr. Participant 00001,Ms. Participant 00002
"""
TITLES = ("Session 1: Opening", "Session 2: Forced labour in fishing", "Session 3: Victims under forced criminality")
COUNTRIES = ("Taiwan", "Philippines", "Viet Nam", "Indonesia", "Thailand")


def registration_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Full name", "Position", "Agency", "Nationality"])
    for n in range(300):
        sheet.append([f"Participant {n:05d}", "Officer", f"Agency {n % 17}", COUNTRIES[n % 5]])
    workbook.save(path)
    return path


def laptop(cli, root: Path, sheet: Path, agenda: Path, recordings: dict[str, Path]) -> Path:
    cli("roster", "--workshop", root, "--import", sheet, check=True)
    cli("agenda", "--workshop", root, "--import", agenda, check=True)
    for title, clip in recordings.items():
        cli("transcribe", clip, "--workshop", root, "--session", title, "--language",
            "zh" if clip == CLIP_ZH else "en", "--speakers", "auto", check=True)
    return root


def annotate(root: Path, title: str, speaker_name: str) -> None:
    """The rapporteur names the first voice, tags a strategy, a recommendation and an action item."""
    with WorkshopStore.open(root) as store:
        session = store.session_by_title(title)
        store.update_workshop(title="Regional Workshop on Combating Human Trafficking", dates="28 August 2024",
                              venue="Taipei", organiser="National Immigration Agency")
        speaker = store.speakers(session.id)[0]
        store.assign_participant(speaker.id, store.find_participant(speaker_name).id)
        tags = {t.name: t.id for t in store.tags()}
        end = min(session.duration, 4.0)
        store.add_annotation(session.id, Annotation(0.0, end, [tags["Prevention"]], "screening at airports"))
        store.add_annotation(session.id, Annotation(0.0, end, [tags["Recommendation"]], "A joint protocol"))
        store.add_annotation(session.id, Annotation(0.0, end, [tags["Action item"]], f"Follow up on {title[:9]}",
                                                    owner="Agency 3", due="2024-09-30"))
        store.update_session(session.id, summary=f"The rapporteur's summary of {title}.")


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    """Both laptops, recorded and annotated (the slow part, done once; ``cli`` is function-scoped)."""
    root = tmp_path_factory.mktemp("day")

    def run(*args, check=False):
        result = subprocess.run([sys.executable, "-m", "minutes", *map(str, args)], capture_output=True, text=True,
                                timeout=600, env=os.environ.copy())
        if check and result.returncode:
            raise AssertionError(f"minutes {args} failed: {result.stderr}")
        return result

    sheet = registration_xlsx(root / "registration.xlsx")
    agenda = root / "agenda.csv"
    agenda.write_text(AGENDA, encoding="utf-8-sig")
    a = laptop(run, root / "laptop-a.minutes", sheet, agenda, {TITLES[0]: CLIP_EN, TITLES[2]: CLIP_AMI})
    b = laptop(run, root / "laptop-b.minutes", sheet, agenda, {TITLES[1]: CLIP_ZH})
    annotate(a, TITLES[0], "Participant 00010")
    annotate(a, TITLES[2], "Participant 00011")
    annotate(b, TITLES[1], "Participant 00012")
    package = root / "session2.minutes-session"
    run("export", "--workshop", b, "--session", TITLES[1], "--format", "package", "-o", package, check=True)
    return root, a, package


def test_the_two_laptop_day(day, cli, qtbot, tmp_path):
    _, a, package = day
    target = tmp_path / "Secretariat.minutes"
    first = cli("merge", a, "--workshop", target, check=True)
    assert first.stdout.splitlines() == [f"added\t{t}" for t in (TITLES[0], TITLES[2], TITLES[1])]
    second = cli("merge", package, "--workshop", target, check=True)
    assert second.stdout == f"filled\t{TITLES[1]}\n"  # the empty agenda session now has its recording

    with WorkshopStore.open(target, read_only=True) as store, WorkshopStore.open(a, read_only=True) as laptop_a:
        assert store.workshop().title == "Regional Workshop on Combating Human Trafficking"  # adopted
        assert len(store.participants()) == 300  # the same roster from both laptops, once
        for session in store.sessions():
            audio = store.audio_path(session)
            assert audio is not None and audio.is_file(), session.title
            assert store.segment_count(session.id) > 0
            names = set(store.speaker_names(session.id).values())
            assert names & {"Participant 00010", "Participant 00011", "Participant 00012"}, session.title
            assert {a.comment for a in store.annotations(session.id)} >= {"screening at airports",
                                                                          "A joint protocol"}
            assert [a.owner for a in store.annotations(session.id) if a.owner] == ["Agency 3"]
            if session.title != TITLES[1]:  # from laptop A's folder: speakers keep their voices
                original = laptop_a.session_by_title(session.title)
                assert len(store.speakers(session.id)) == len(laptop_a.speakers(original.id))
                assert all(store.speaker_voice(s.id) is not None for s in store.speakers(session.id))
        opening = store.session_by_title(TITLES[0])
        assert (opening.start, opening.end, opening.venue) == ("09:00", "10:15", "Hall A")
        ami_path = store.audio_path(store.session_by_title(TITLES[2]))

    # The merged recording plays in the window's player (offscreen; no sound card needed to advance).
    from minutes.ui.player import PlayerBar

    bar = PlayerBar()
    qtbot.addWidget(bar)
    bar.load(ami_path)
    bar.player.play()
    qtbot.waitUntil(lambda: bar.player.position() > 1000, timeout=15000)
    assert abs(bar.player.duration() - 30000) < 100
    bar.player.stop()

    before = dump(target), audio_files(target)
    assert cli("merge", a, "--workshop", target, check=True).stdout.startswith("unchanged\t")
    assert cli("merge", package, "--workshop", target, check=True).stdout == f"unchanged\t{TITLES[1]}\n"
    assert (dump(target), audio_files(target)) == before

    cli("review", "--workshop", target, "--session", TITLES[0], "--status", "approved", "--by", "Secretariat",
        check=True)
    listing = cli("sessions", "--workshop", target, check=True).stdout.splitlines()
    assert [line.split("\t")[3] for line in listing] == ["approved", "draft", "draft"]
    with WorkshopStore.open(target) as store:
        set_workshop_summary(store, "Three panels agreed on joint screening.\nThe report goes to the plenary.")
    report = tmp_path / "report.docx"
    out = cli("export", "--workshop", target, "--report", "--format", "docx", "-o", report, check=True)
    assert out.stdout.strip() == str(report)
    check_report(report)
    render(report, tmp_path)


def check_report(path: Path) -> None:
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    h1 = [text for style, text in paragraphs if style == "Heading 1"]
    assert h1 == h1_titles()
    assert paragraphs[0] == ("Title", "Regional Workshop on Combating Human Trafficking")
    body = document.element.body.xml
    assert 'TOC \\o "1-1"' in body and "updateFields" in document.settings.element.xml
    programme = document.tables[0]
    assert [c.text for c in programme.rows[0].cells] == ["Date", "Time", "Session", "Chair / moderator",
                                                         "Rapporteur"]
    assert [r.cells[2].text for r in programme.rows[1:]] == list(TITLES)
    assert programme.rows[1].cells[1].text == "09:00–10:15"
    texts = [text for _, text in paragraphs]
    drafts = [i for i, t in enumerate(texts) if t.startswith("DRAFT")]
    starts = [last(texts, t) for t in TITLES]  # the headings, not the lines of the contents
    assert [bisect(starts, i) for i in drafts] == [2, 3]  # under sessions 2 and 3, not under the approved one
    actions = [t for t in texts if t.startswith("Owner: Agency 3 · Due: 2024-09-30 · Session: ")]
    assert len(actions) == 3
    across = texts[last(texts, "Key strategies across sessions"):last(texts, "Recommendations and action items")]
    assert any(t.endswith(f"· {TITLES[2]}") and "Participant 00011" in t for t in across)
    annex = texts[last(texts, "Annex: Participants"):]
    assert annex[1] == "300 participants from 5 countries"
    assert [t for t in annex if re.fullmatch(r".+ \(\d+\)", t)] == [f"{c} (60)" for c in sorted(COUNTRIES)]


def h1_titles() -> list[str]:
    return ["Programme", "Executive summary", "Key strategies across sessions", "Recommendations and action items",
            *TITLES, "Annex: Participants"]


def last(texts: list[str], text: str) -> int:
    return len(texts) - 1 - texts[::-1].index(text)


def bisect(starts: list[int], index: int) -> int:
    return sum(1 for s in starts if s < index)


def render(path: Path, tmp_path: Path) -> None:
    """LibreOffice lays the report out: the contents are filled in, Chinese is drawn, pages are numbered."""
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    str(path)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "pdf" / "report.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    contents = next(page for page in pages if "Contents" in page and "Programme" in page)
    assert [line.strip() for line in contents.splitlines() if line.strip() in h1_titles()] == h1_titles()
    assert len(pages) > 6
    if os.environ.get("MINUTES_KEEP_RENDER"):  # to look at the pages: MINUTES_KEEP_RENDER=DIR pytest …
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), os.path.join(os.environ["MINUTES_KEEP_RENDER"],
                                                                                  "report")], check=True)
