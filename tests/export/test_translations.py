"""English translations of non-English segments in every export: text, subtitles and the Word minutes."""

from __future__ import annotations

from dataclasses import replace

from minutes.domain import Segment
from minutes.export.docx_minutes import MinutesOptions, write_minutes
from minutes.export.transcript import render
from minutes.store import WorkshopStore
from tests.export.conftest import body_text, open_docx, package_text

SHELTERS = "We work with NGOs to give victims shelter and counselling, as Maria Santos proposed."
SECRET_EN = "Please do not reveal the identity of the informant."


def translate(store: WorkshopStore, session_id: int, starting: float, english: str) -> None:
    segment = next(s for s in store.segments(session_id) if s.start == starting)
    store.replace_segments(session_id, [segment.id], [replace(segment, translation=english)])


def test_text_and_subtitles_show_the_english_under_the_line():
    segments = [Segment(0.0, 2.0, "Good morning.", language="en"),
                Segment(2.0, 4.5, "人口販運防制", language="zh", translation="Preventing human\ntrafficking")]
    assert render("txt", segments).splitlines() == [
        "[00:00:00.000 --> 00:00:02.000] Good morning.",
        "[00:00:02.000 --> 00:00:04.500] 人口販運防制",
        "    EN: Preventing human trafficking",
    ]
    assert render("srt", segments).split("\n\n")[1] == (
        "2\n00:00:02,000 --> 00:00:04,500\n人口販運防制\nPreventing human trafficking\n")
    assert render("vtt", segments, {7: "林志明"}).split("\n\n")[-1] == (
        "00:00:02.000 --> 00:00:04.500\n人口販運防制\nPreventing human trafficking\n")
    named = [replace(segments[1], speaker_id=7)]
    assert render("vtt", named, {7: "林志明"}).endswith("<v 林志明>人口販運防制\nPreventing human trafficking\n")


def test_word_minutes_give_the_english_of_quotes_and_of_the_transcript(store, sessions, tmp_path):
    translate(store, sessions[0], 22.0, SHELTERS)
    translate(store, sessions[0], 38.0, SECRET_EN)  # off the record: must stay out with its original
    path = tmp_path / "minutes.docx"
    write_minutes(store, sessions[:1], path, MinutesOptions(annex=True))
    document = open_docx(path)
    paragraphs = [p.text for p in document.paragraphs]
    quote = paragraphs.index("「我們與非政府組織合作，提供被害人安置與心理輔導。」 — 林志明, 00:00:22")
    assert paragraphs[quote + 1] == f"English: {SHELTERS}"
    assert document.paragraphs[quote + 1].style.name == "Quote"
    turn = next(i for i, text in enumerate(paragraphs) if text.startswith("00:00:22  林志明: 我們與非政府組織合作"))
    assert paragraphs[turn + 1] == f"English: {SHELTERS}"
    body = body_text(document)
    # Quoted under Protection and under Partnership, once in the annex; English remarks get no "English:".
    assert body.count("English: ") == body.count(f"English: {SHELTERS}") == 3
    assert SECRET_EN not in package_text(path)

    write_minutes(store, sessions[:1], path, MinutesOptions(annex=True, chatham_house=True, labels="zh-TW"))
    text = body_text(open_docx(path))
    assert "英譯：We work with NGOs to give victims shelter and counselling, as ［姓名不公開］ proposed." in text
    assert "Santos" not in package_text(path)


def test_a_quote_mixing_languages_gets_a_whole_english_version(store, sessions, tmp_path):
    session_id = sessions[0]
    chen = next(s for s in store.segments(session_id) if s.start == 8.0).speaker_id
    mandarin = next(s for s in store.segments(session_id) if s.start == 22.0)
    store.replace_segments(session_id, [mandarin.id], [replace(mandarin, speaker_id=chen, translation=SHELTERS)])
    path = tmp_path / "minutes.docx"
    write_minutes(store, sessions[:1], path, MinutesOptions(annex=True))
    paragraphs = [p.text for p in open_docx(path).paragraphs]
    turn = next(i for i, text in enumerate(paragraphs) if text.startswith("00:00:08  Dr. Chen Mei-ling: We screen"))
    assert paragraphs[turn].endswith("their own language. 我們與非政府組織合作，提供被害人安置與心理輔導。")
    assert paragraphs[turn + 1] == ("English: We screen every returnee from scam compounds at the airport. "
                                    f"Screening is done in their own language. {SHELTERS}")
