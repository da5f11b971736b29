"""The workshop report under the session minutes' options: Chatham House, off the record, labels, template."""

from __future__ import annotations

from minutes.export.docx_minutes import MinutesOptions
from minutes.export.docx_report import write_report
from tests.export.conftest import NAMES, SECRET, SECRET_ZH, body_text, open_docx, package_text
from tests.export.test_docx_files import letterhead


def report(store, tmp_path, **options):
    path = write_report(store, tmp_path / "report.docx", MinutesOptions(**options))
    return open_docx(path), path


def headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_parts_in_order_with_counts_and_consolidated_numbering(store, sessions, tmp_path):
    store.update_workshop(summary="The workshop agreed on joint screening.")
    document, _ = report(store, tmp_path)
    text = body_text(document)
    assert headings(document, 1) == [
        "Programme", "Executive summary", "Key strategies across sessions", "Recommendations and action items",
        "Session 1: Atypical victims under forced criminality", "Session 2: Forced labour and organ harvesting",
        "Annex: Participants"]
    assert "The workshop agreed on joint screening." in text
    # Recommendations of both sessions, numbered across the workshop, each naming its session.
    numbered = [p.text for p in document.paragraphs if p.text[:3] in ("1.\t", "2.\t", "3.\t", "4.\t")]
    assert "3.\tWe recommend a regional data-sharing agreement. — Session 1: Atypical victims under forced " \
           "criminality" in numbered
    assert "4.\tIndependent inspections at sea — Session 2: Forced labour and organ harvesting" in numbered
    # Strategies across sessions: Good practice (from session 2) sits under its tag, naming session and speaker.
    across = text[text.rindex("Key strategies across sessions"):text.rindex("Recommendations and action items")]
    assert "Good practice" in across and "Mr. James Walker, 00:00:09 · Session 2" in across
    assert "Dr. Chen Mei-ling, 00:00:08 · Session 1" in across
    # Roster grouped by country with counts; both sessions are drafts.
    assert "5 participants from 4 countries" in text and "Taiwan (2)" in headings(document, 2)
    assert text.count("DRAFT: these minutes have not been approved yet.") == 2
    assert SECRET not in text and SECRET_ZH not in text  # off the record stays out


def test_chatham_house_names_nobody(store, sessions, tmp_path):
    store.update_workshop(summary="Ms. Maria Santos opened the workshop.")
    document, path = report(store, tmp_path, chatham_house=True)
    everything = package_text(path)
    for name in (*NAMES, "Dr. Chen"):
        assert name not in everything, name
    assert "[name withheld] opened the workshop." in body_text(document)
    assert [c.text for c in document.tables[0].rows[0].cells] == ["Date", "Time", "Session"]
    annex = document.tables[-1]
    assert [c.text for c in annex.rows[0].cells] == ["Country", "Participants"]
    assert ["Taiwan", "2"] in [[c.text for c in row.cells] for row in annex.rows]


def test_confidential_kept_when_asked_and_chinese_labels(store, sessions, tmp_path):
    document, _ = report(store, tmp_path, include_confidential=True, labels="zh-TW")
    text = body_text(document)
    assert SECRET in text
    assert headings(document, 1)[:4] == ["議程", "執行摘要", "跨場次重點策略", "建議與行動事項"]
    assert "附件：與會者名單" in headings(document, 1)


def test_a_letterhead_template(store, sessions, tmp_path):
    template = tmp_path / "letterhead.docx"
    letterhead(template)
    document, _ = report(store, tmp_path, template=template)
    assert document.sections[0].header.paragraphs[0].text == "MINISTRY OF THE INTERIOR — LETTERHEAD"
    assert "Dear colleague" not in body_text(document)
    assert document.styles["Normal"].font.name == "Georgia"


def test_command_line_report(store, sessions, tmp_path, cli):
    store.close()
    out = cli("export", "--workshop", store.root, "--report", "--format", "docx", check=True).stdout.strip()
    assert out.endswith("report.docx") and "/exports/" in out
    refused = cli("export", "--workshop", store.root, "--report", "--format", "json")
    assert refused.returncode == 1 and "--format docx" in refused.stderr
