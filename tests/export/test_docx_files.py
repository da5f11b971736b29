"""Writing the minutes: atomic replacement, templates, file names and a long session."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from minutes.domain import Segment, Session, Speaker
from minutes.errors import InputError, MinutesError
from minutes.export import docx_writer
from minutes.export.docx_layout import default_template_path
from minutes.export.docx_minutes import MinutesOptions, default_output, write_minutes
from tests.export.conftest import WORKSHOP_TITLE, body_text, open_docx


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_failed_replace_keeps_the_previous_file(store, sessions, tmp_path, monkeypatch):
    path = tmp_path / "minutes.docx"
    write_minutes(store, sessions[:1], path)
    before = path.read_bytes()

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")  # what Windows says while Word holds the file

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(MinutesError, match="open in another program") as caught:
        write_minutes(store, sessions, path)
    assert str(caught.value).count(str(path)) == 1 and "\n" not in str(caught.value)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_disk_full_midway_keeps_the_previous_file(store, sessions, tmp_path, monkeypatch):
    path = tmp_path / "minutes.docx"
    write_minutes(store, sessions[:1], path)
    before = path.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError, match="No space left on device"):
        write_minutes(store, sessions, path)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_failure_while_building_writes_nothing(store, sessions, tmp_path, monkeypatch):
    path = tmp_path / "minutes.docx"
    write_minutes(store, sessions[:1], path)
    before = path.read_bytes()

    def broken(*args, **kwargs):
        raise RuntimeError("a bug while laying out")

    monkeypatch.setattr(docx_writer.MinutesWriter, "transcript", broken)
    with pytest.raises(RuntimeError):
        write_minutes(store, sessions, path, MinutesOptions(annex=True))
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_unusable_outputs(store, sessions, tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        write_minutes(store, sessions, tmp_path)
    with pytest.raises(InputError, match="Cannot write"):
        write_minutes(store, sessions, tmp_path / "missing" / "minutes.docx")
    (tmp_path / "a file").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        write_minutes(store, sessions, tmp_path / "a file", combined=False)
    with pytest.raises(InputError, match="at least one session"):
        write_minutes(store, [], tmp_path / "none.docx")
    with pytest.raises(InputError, match="labels"):
        write_minutes(store, sessions, tmp_path / "x.docx", MinutesOptions(labels="fr"))


@pytest.mark.parametrize("content", [b"just some text", b"PK\x03\x04 not really a zip", "zip"])
def test_a_template_that_is_not_a_docx_is_refused_plainly(store, sessions, tmp_path, content):
    template = tmp_path / "letterhead.docx"
    if content == "zip":
        with zipfile.ZipFile(template, "w") as archive:
            archive.writestr("hello.txt", "a zip, but not a Word document")
    else:
        template.write_bytes(content)
    with pytest.raises(InputError) as caught:
        write_minutes(store, sessions, tmp_path / "out.docx", MinutesOptions(template=template))
    assert str(caught.value) == (f"The template {template} is not a Word document (.docx). "
                                 "Open it in Word and save it as .docx.")
    assert not (tmp_path / "out.docx").exists()
    with pytest.raises(InputError, match="does not exist"):
        write_minutes(store, sessions, tmp_path / "out.docx", MinutesOptions(template=tmp_path / "nope.docx"))


def letterhead(path):
    """A user's letterhead: its own fonts, a header line, body text to drop, and few styles defined."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Georgia"
    document.styles["Normal"].font.size = Pt(12)
    section = document.sections[0]
    section.header.paragraphs[0].text = "MINISTRY OF THE INTERIOR — LETTERHEAD"
    document.add_paragraph("Dear colleague, this body text must not appear in the minutes.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "nor this table"
    styles = document.styles.element
    for style in list(styles.findall(qn("w:style"))):
        if style.get(qn("w:styleId")) in ("Heading3", "Quote", "QuoteChar", "Subtitle"):
            styles.remove(style)
    document.save(str(path))


def test_a_letterhead_template(store, sessions, tmp_path):
    template = tmp_path / "letterhead.docx"
    letterhead(template)
    path = tmp_path / "out.docx"
    write_minutes(store, sessions, path, MinutesOptions(template=template))
    document = open_docx(path)
    text = body_text(document)
    assert "Dear colleague" not in text and "nor this table" not in text
    assert document.paragraphs[0].text == WORKSHOP_TITLE
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["MINISTRY OF THE INTERIOR — LETTERHEAD", f"DRAFT · {WORKSHOP_TITLE}"]  # not yet approved
    assert document.styles["Normal"].font.name == "Georgia"  # the letterhead's styles are used
    # Styles it lacked came from the default template.
    assert any(p.style.name == "Heading 3" for p in document.paragraphs)
    assert any(p.style.name == "Quote" for p in document.paragraphs)
    assert document.tables[1].style.name == "Minutes Table"


def test_the_default_template_and_the_tool_that_builds_it():
    import runpy

    module = runpy.run_path(str(default_template_path().parents[2] / "tools" / "make_template.py"))
    built = docx.Document(io.BytesIO(module["build"]()))
    shipped = docx.Document(str(default_template_path()))
    for template in (built, shipped):
        names = {s.name for s in template.styles}
        assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote", "Header", "Footer",
                "Minutes Table"} <= names
        assert template.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "Microsoft JhengHei"
        assert round(template.sections[0].page_height.cm, 1) == 29.7
        assert body_text(template) == ""


def test_default_output_is_the_exports_folder(store, sessions):
    assert default_output(store, sessions[:1]) == store.exports_dir / (
        "Session 1 Atypical victims under forced criminality.docx")
    assert default_output(store, sessions).parent == store.exports_dir
    assert default_output(store, sessions, combined=False) == store.exports_dir


def test_a_long_session(store, tmp_path):
    session = store.add_session(Session("Plenary", duration=9000.0))
    speakers = [store.add_speaker(session.id, Speaker(f"Speaker {i + 1}")).id for i in range(6)]
    store.add_segments(session.id, [
        Segment(i * 3.0, i * 3.0 + 2.5, f"Sentence number {i} about victim protection 人口販運防制 {i}.",
                speakers[(i // 4) % 6], "en")
        for i in range(3000)
    ])
    path = tmp_path / "long.docx"
    write_minutes(store, [session.id], path, MinutesOptions(annex=True))
    annex = body_text(open_docx(path)).split("Annex: Full transcript")[1]
    assert annex.count("Sentence number") == 3000
    assert len([line for line in annex.splitlines() if line.strip()]) == 750  # four segments per turn
