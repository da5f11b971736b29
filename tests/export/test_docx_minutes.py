"""What the Word minutes say: reopened with python-docx and read back."""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from minutes.domain import Annotation, Segment, Session, Speaker
from minutes.export.docx_layout import has_cjk
from minutes.export.docx_minutes import MinutesOptions, write_minutes
from tests.export.conftest import NAMES, SECRET, SECRET_ZH, WORKSHOP_TITLE, body_text, open_docx, package_text

W_EAST_ASIA = qn("w:eastAsia")


def export(store, session_ids, tmp_path, name="minutes.docx", **options):
    path = tmp_path / name
    assert write_minutes(store, session_ids, path, MinutesOptions(**options)) == [path]
    return open_docx(path), path


def headings(document, level=None):
    return [(p.style.name, p.text) for p in document.paragraphs
            if p.style.name.startswith("Heading") and (level is None or p.style.name == f"Heading {level}")]


def test_single_session_structure_and_title_block(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path)
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Session 1: Atypical victims under forced criminality"
    assert WORKSHOP_TITLE in document.paragraphs[1].text
    assert [text for _, text in headings(document, 1)] == [
        "Participants", "Summary", "Key strategies", "Recommendations", "Action items"]
    block = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert block == {
        "Date": "2024-08-28", "Time": "09:30–11:00", "Venue": "Taipei International Convention Center, Room 201",
        "Chair / moderator": "Ms. Maria Santos", "Rapporteur": "Mr. James Walker",
    }


def test_participants_table_lists_the_sessions_named_speakers(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path)
    table = document.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Name", "Title", "Organisation", "Country"]
    assert rows[1:] == [
        ["Dr. Chen Mei-ling", "Director", "National Immigration Agency", "Taiwan"],
        ["Mr. James Walker", "Researcher", "University of Leeds", "United Kingdom"],
        ["Ms. Maria Santos", "Prosecutor", "Department of Justice", "Philippines"],
        ["林志明", "科長", "內政部移民署", "Taiwan"],
    ]
    assert table.style.name == "Minutes Table"
    assert "Absent Person" not in body_text(document)  # on the roster, never spoke


def test_key_strategies_grouped_by_tag_in_tag_order_with_attributed_quotes(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path)
    assert [text for _, text in headings(document, 2)] == [
        "■ Prevention", "■ Protection", "■ Prosecution", "■ Partnership"]
    text = body_text(document)
    prevention = text.split("■ Prevention")[1].split("■ Protection")[0]
    assert ("“We screen every returnee from scam compounds at the airport. Screening is done in their own "
            "language.” — Dr. Chen Mei-ling, 00:00:08") in prevention
    assert "Note: Airport screening model" in prevention
    protection = text.split("■ Protection")[1].split("■ Prosecution")[0]
    assert "「我們與非政府組織合作，提供被害人安置與心理輔導。」 — 林志明, 00:00:22" in protection
    # A two-tag annotation is listed under both tags.
    assert "NGO shelters" in text.split("■ Partnership")[1]
    # The quote paragraphs use the template's Quote style.
    assert any(p.style.name == "Quote" and "financial evidence" in p.text for p in document.paragraphs)
    # Reordering the tags reorders the sections.
    ids = {t.name: t.id for t in store.tags()}
    store.reorder_tags([ids["Partnership"], ids["Prosecution"]])
    document, _ = export(store, sessions[:1], tmp_path, "again.docx")
    assert [text for _, text in headings(document, 2)] == [
        "■ Partnership", "■ Prosecution", "■ Prevention", "■ Protection"]


def test_recommendations_and_action_items(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path)
    text = body_text(document)
    recommendations = text.split("\nRecommendations\n")[1].split("\nAction items\n")[0]
    assert "1.Joint screening protocol for returnees" in recommendations  # the number is followed by a tab
    assert "2.Hotline in Tagalog and Vietnamese" in recommendations
    assert "We recommend a regional data-sharing agreement." in recommendations  # tagged Recommendation
    actions = text.split("\nAction items\n")[1]
    assert actions.startswith("1.Circulate the draft protocol")
    assert "I will circulate the draft protocol by September.” — Speaker 5, 00:01:02" in actions
    # Recommendation and Action item have their own sections, not a key-strategy heading.
    assert "■ Recommendation" not in text and "■ Action item" not in text


def test_annex_only_when_asked(store, sessions, tmp_path):
    without, _ = export(store, sessions[:1], tmp_path)
    assert "Annex: Full transcript" not in body_text(without)
    document, _ = export(store, sessions[:1], tmp_path, "annex.docx", annex=True)
    text = body_text(document)
    assert headings(document, 1)[-1] == ("Heading 1", "Annex: Full transcript")
    annex = text.split("Annex: Full transcript")[1]
    assert "00:00:00  Ms. Maria Santos: Good morning, I am Maria Santos and I will chair this session." in annex
    # Consecutive segments of one speaker are one turn.
    assert ("00:00:08  Dr. Chen Mei-ling: We screen every returnee from scam compounds at the airport. "
            "Screening is done in their own language.") in annex
    assert "00:00:22  林志明: 我們與非政府組織合作" in annex
    assert annex.count("[Remarks off the record omitted]") == 1


def test_confidential_material_left_out_by_default(store, sessions, tmp_path):
    _, path = export(store, sessions[:1], tmp_path, annex=True)
    everything = package_text(path)
    for secret in (SECRET, SECRET_ZH, "Informant risk"):
        assert secret not in everything
    document = open_docx(path)
    text = body_text(document)
    # The Prosecution annotation overlaps the confidential span: only its other segment is quoted.
    prosecution = text.split("■ Prosecution")[1].split("■ Partnership")[0]
    assert "Prosecutors need financial evidence" in prosecution and "請不要公開" not in prosecution
    assert "■ Challenge" not in text  # its only annotation is confidential


def test_confidential_material_included_when_asked(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path, annex=True, include_confidential=True)
    text = body_text(document)
    assert SECRET in text and SECRET_ZH in text
    challenge = text.split("■ Challenge")[1]
    assert "[Confidential]" in challenge and "Informant risk" in challenge
    assert "[Remarks off the record omitted]" not in text


def test_chatham_house_names_nobody(store, sessions, tmp_path):
    _, path = export(store, sessions, tmp_path, annex=True, chatham_house=True)
    everything = package_text(path)
    for name in (*NAMES, "Santos", "Walker", "Mei-ling", "Speaker 5", "志明"):
        assert name not in everything, name
    document = open_docx(path)
    text = body_text(document)
    assert "Chatham House Rule" in text
    assert "Participants" not in [t for _, t in headings(document)]
    assert "— A participant, 00:00:08" in text
    assert "Prosecutors need financial evidence, as Dr. [name withheld] said." in text
    assert "Thank you, [name withheld]." in text
    assert "Chair / moderator" not in text and "Rapporteur" not in text


def test_chatham_house_by_country(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path, chatham_house=True, chatham_label="country")
    text = body_text(document)
    assert "— A representative of Taiwan, 00:00:08" in text
    assert "— A representative of the Philippines, 00:00:45" in text
    assert "— A participant, 00:01:02" in text  # not linked to a participant: no country known
    assert not any(name in text for name in NAMES)


def test_traditional_chinese_labels_and_east_asian_fonts(store, sessions, tmp_path):
    document, path = export(store, sessions[:1], tmp_path, labels="zh-TW", annex=True)
    assert [t for _, t in headings(document, 1)] == [
        "與會者", "摘要", "重點策略", "建議事項", "行動事項", "附件：逐字稿"]
    assert [t for _, t in headings(document, 2)] == ["■ 預防", "■ 保護", "■ 起訴", "■ 夥伴關係"]
    assert [c.text for c in document.tables[1].rows[0].cells] == ["姓名", "職稱", "機關（構）", "國家"]
    assert {row.cells[0].text for row in document.tables[0].rows} == {"日期", "時間", "地點", "主持人", "紀錄"}
    assert "備註：" in body_text(document)
    # Every run holding Chinese names the East Asian font itself, and so does the Normal style.
    chinese_runs = [r for p in document.paragraphs for r in p.runs if has_cjk(r.text)]
    chinese_runs += [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs
                     for r in p.runs if has_cjk(r.text)]
    assert len(chinese_runs) > 20
    for run in chinese_runs:
        fonts = run._r.rPr.rFonts
        assert fonts is not None and fonts.get(W_EAST_ASIA) == "Microsoft JhengHei", run.text
        assert run._r.rPr.find(qn("w:lang")).get(W_EAST_ASIA) == "zh-TW"
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(W_EAST_ASIA) == "Microsoft JhengHei"
    for level in (1, 2, 3):
        assert document.styles[f"Heading {level}"].element.rPr.rFonts.get(W_EAST_ASIA) == "Microsoft JhengHei"
    footer = document.sections[0].footer.paragraphs[0]
    assert re.sub(r"\s+", " ", footer.text) == "第 1 頁，共 1 頁"


def test_header_and_page_x_of_y_footer(store, sessions, tmp_path):
    document, _ = export(store, sessions[:1], tmp_path)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == f"DRAFT · {WORKSHOP_TITLE}"  # minutes not approved say so
    store.update_session(sessions[0], review_status="approved")
    approved, _ = export(store, sessions[:1], tmp_path)
    assert approved.sections[0].header.paragraphs[0].text == WORKSHOP_TITLE
    footer = section.footer.paragraphs[0]
    instructions = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    kinds = [el.get(qn("w:fldCharType")) for el in footer._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    assert footer.text.startswith("Page ") and " of " in footer.text
    # A4 and the template's margins.
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm, 1) == 2.5


def test_combined_report_and_one_file_per_session(store, sessions, tmp_path):
    path = tmp_path / "report.docx"
    assert write_minutes(store, sessions, path, MinutesOptions()) == [path]
    document = open_docx(path)
    assert document.paragraphs[0].style.name == "Title" and document.paragraphs[0].text == WORKSHOP_TITLE
    assert [t for _, t in headings(document, 1)] == [
        "Session 1: Atypical victims under forced criminality", "Session 2: Forced labour and organ harvesting"]
    assert "■ Good practice" in [t for _, t in headings(document, 3)]
    assert "Independent inspections at sea" in body_text(document)

    folder = tmp_path / "each"
    written = write_minutes(store, sessions, folder, MinutesOptions(), combined=False)
    assert [p.name for p in written] == ["Session 1 Atypical victims under forced criminality.docx",
                                         "Session 2 Forced labour and organ harvesting.docx"]
    assert sorted(folder.iterdir()) == sorted(written)
    second = open_docx(written[1])
    assert second.paragraphs[0].text == "Session 2: Forced labour and organ harvesting"
    assert "Atypical victims" not in body_text(second)
    quote = "“Good practice exists in Thailand.” — Mr. James Walker, 00:00:09"
    assert quote in body_text(second)


def test_long_annex_keeps_every_turn_in_order_and_the_section_last(store, tmp_path):
    # The annex is built with elements appended in place (linear time); Word must still find every turn, in
    # order, with its speaker and fonts, and the section properties (page setup) must stay the body's last child.
    session = store.add_session(Session(title="Long day", duration=4000.0, status="transcribed"))
    speakers = [store.add_speaker(session.id, Speaker(f"Speaker {i + 1}")).id for i in range(3)]
    texts = [f"Point {i} on\tshelters." if i % 3 else f"第{i}點：被害人保護。" for i in range(1000)]
    store.add_segments(session.id, [Segment(i * 2.0, i * 2.0 + 1.5, text, speakers[i % 3], "en")
                                    for i, text in enumerate(texts)])
    store.add_annotation(session.id, Annotation(1000.0, 1003.0, [], "", confidential=True))
    document, _ = export(store, [session.id], tmp_path, annex=True)
    annex = [p for p in document.paragraphs if re.match(r"\d\d:\d\d:\d\d  ", p.text)]
    shown = [t for i, t in enumerate(texts) if not 1000.0 <= i * 2.0 < 1003.0]
    assert [p.text.split(": ", 1)[1] for p in annex] == shown
    assert [p.runs[1].text for p in annex[:3]] == ["Speaker 1: ", "Speaker 2: ", "Speaker 3: "]
    assert annex[0].runs[1].bold and annex[0].runs[2]._r.rPr.rFonts.get(W_EAST_ASIA)
    assert "[Remarks off the record omitted]" in [p.text for p in document.paragraphs]
    assert document.element.body[-1].tag == qn("w:sectPr")


def label_speaker(store, speaker_id: int, label: str) -> None:  # noqa: ANN001
    """A speaker named in the label only, as a session imported from another laptop may have one."""
    with store.transaction() as conn:
        conn.execute("UPDATE speakers SET label = ? WHERE id = ?", (label, speaker_id))


def test_participants_are_the_chair_the_planned_speakers_and_the_named_voices_heard(store, sessions, tmp_path):
    from minutes.domain import Speaker

    session_id = sessions[0]
    people = {p.name: p for p in store.participants()}
    store.update_session(session_id, chair="Amb. Outside Roster")
    store.set_session_participants(session_id, [people["Absent Person"].id])  # planned, silent so far
    speakers = {s.label: s for s in store.speakers(session_id)}
    label_speaker(store, speakers["Speaker 5"].id, "Ms. Nguyen Thi Lan")  # named, not on the roster
    store.add_speaker(session_id, Speaker("Speaker 6", people["Absent Person"].id))  # linked, never heard
    document, path = export(store, [session_id], tmp_path)
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows][1:]
    assert [row[0] for row in rows] == ["Absent Person", "Amb. Outside Roster", "Dr. Chen Mei-ling",
                                        "Mr. James Walker", "Ms. Maria Santos", "Ms. Nguyen Thi Lan", "林志明"]
    assert rows[0] == ["Absent Person", "Observer", "Nowhere", "Nowhere"]  # a roster entry brings its details
    assert rows[1] == ["Amb. Outside Roster", "", "", ""]


def test_unnamed_voices_quoted_in_the_minutes_are_found(store, sessions):
    from minutes.export.docx_content import unnamed_speakers

    title = store.session(sessions[0]).title
    assert unnamed_speakers(store, sessions) == {title: ["Speaker 5"]}  # quoted under "Action item"
    assert unnamed_speakers(store, sessions, chatham_house=True) == {}  # nobody is named anyway
    # Not quoted once the tag goes, unless the annex prints the whole transcript.
    action = next(a for a in store.annotations(sessions[0]) if a.start == 62.0)
    store.update_annotation(action.id, tag_ids=[])
    assert unnamed_speakers(store, sessions) == {}
    assert unnamed_speakers(store, sessions, annex=True) == {title: ["Speaker 5"]}
    anonymous = next(s for s in store.speakers(sessions[0]) if s.label == "Speaker 5")
    label_speaker(store, anonymous.id, "Ms. Nguyen Thi Lan")
    assert unnamed_speakers(store, sessions, annex=True) == {}


def test_minutes_with_nothing_written_yet_say_so_instead_of_a_blank_page(store, sessions, tmp_path):
    empty = store.add_session(Session(title="Not written yet", duration=10.0, status="transcribed"))
    document, _ = export(store, [empty.id], tmp_path)
    nothing = "No summary, key strategies, recommendations or action items have been written for this session yet."
    assert nothing in body_text(document)
    written, _ = export(store, sessions[:1], tmp_path, "written.docx")
    assert nothing not in body_text(written)
    chinese, _ = export(store, [empty.id], tmp_path, "zh.docx", labels="zh-TW")
    assert "本場次尚未撰寫摘要、重點策略、建議事項或行動事項。" in body_text(chinese)
