"""Letterhead templates that cannot be used: a clear line naming the problem (or the style), never an internal
error; templates that lack parts the minutes can do without still export."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from minutes.export.docx_layout import default_template_path
from tests.faults.hostile_data import assert_one_line_error, assert_success, minutes, snapshot
from tests.faults.test_hostile_export import _small_workshop


@pytest.fixture(scope="module")
def workshop(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "T.minutes"
    _small_workshop(path)
    return path


def _retyped(path: Path, name: str, kind: WD_STYLE_TYPE) -> Path:
    document = docx.Document()
    style = document.styles[name]
    style.element.getparent().remove(style.element)
    document.styles.add_style(name, kind)
    document.save(str(path))
    return path


def _rezipped(path: Path, change) -> Path:  # noqa: ANN001 - change(name, data) -> bytes | None
    with zipfile.ZipFile(default_template_path()) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            data = change(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
    return path


def _export(workshop: Path, template: Path, out: Path):  # noqa: ANN202
    return minutes("export", "--workshop", workshop, "--session", "Session", "--format", "docx", "--annex",
                   "--template", template, "-o", out)


@pytest.mark.parametrize(("style", "kind", "called"), [
    ("Heading 1", WD_STYLE_TYPE.TABLE, "table"),
    ("Heading 2", WD_STYLE_TYPE.CHARACTER, "character"),
    ("Title", WD_STYLE_TYPE.TABLE, "table"),
    ("Quote", WD_STYLE_TYPE.TABLE, "table"),
    ("Subtitle", WD_STYLE_TYPE.LIST, "list"),
])
def test_a_style_of_the_wrong_type_is_named(workshop, tmp_path, style, kind, called):
    out = tmp_path / "out.docx"
    before = snapshot(workshop)
    result = _export(workshop, _retyped(tmp_path / "bad.docx", style, kind), out)
    assert_one_line_error(result, f'"{style}" as a {called} style', "--template")
    assert not out.exists() and snapshot(workshop) == before


def test_a_style_the_minutes_never_name_may_have_any_type(workshop, tmp_path):
    out = tmp_path / "out.docx"
    assert_success(_export(workshop, _retyped(tmp_path / "odd.docx", "Normal", WD_STYLE_TYPE.CHARACTER), out))
    assert "Said." in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


UNUSABLE = {
    "empty": lambda p: p.write_bytes(b"") or p,
    "text": lambda p: p.write_text("Dear colleagues") or p,
    "a zip of something else": lambda p: _rezipped(p, lambda n, d: d if n == "[Content_Types].xml" else None),
    "styles part gone": lambda p: _rezipped(p, lambda n, d: None if n == "word/styles.xml" else d),
    "damaged styles XML": lambda p: _rezipped(p, lambda n, d: b"<w:styles" if n == "word/styles.xml" else d),
    "damaged document XML": lambda p: _rezipped(p, lambda n, d: d[:50] if n == "word/document.xml" else d),
    "a folder": lambda p: p.mkdir() or p,
    "a device": lambda p: Path("/dev/zero"),
    "missing": lambda p: p,
}


@pytest.mark.parametrize("name", UNUSABLE)
def test_an_unusable_template_gets_one_line(workshop, tmp_path, name):
    out = tmp_path / "out.docx"
    template = UNUSABLE[name](tmp_path / "letterhead.docx")
    assert_one_line_error(_export(workshop, template, out), "template")
    assert not out.exists()


USABLE = {
    "no page setup": lambda p: _rezipped(p, lambda n, d: d.replace(b"<w:sectPr", b"<w:ignored").replace(
        b"</w:sectPr>", b"</w:ignored>") if n == "word/document.xml" else d),
    "no header or footer parts": lambda p: _rezipped(p, lambda n, d: None if n.startswith(("word/header",
                                                                                            "word/footer")) else d),
}


@pytest.mark.parametrize("name", USABLE)
def test_a_template_missing_optional_parts_still_exports(workshop, tmp_path, name):
    out = tmp_path / "out.docx"
    result = _export(workshop, USABLE[name](tmp_path / "letterhead.docx"), out)
    if result.returncode == 1:  # refusing is fine, as long as it is one clear line
        assert_one_line_error(result, "template")
        return
    assert_success(result)
    assert "Said." in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
