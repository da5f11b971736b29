"""Low-level python-docx helpers for the Word minutes: templates, styles, fonts, fields and tables.

python-docx covers paragraphs, runs and tables but not field codes, East Asian fonts or copying styles
between documents, so those are written here as WordprocessingML elements. Nothing here knows about
sessions or minutes.
"""

from __future__ import annotations

import copy
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from minutes.errors import InputError
from minutes.paths import resources_dir
from minutes.store.clean import clean_text, is_color

DEFAULT_EAST_ASIA_FONT = "Microsoft JhengHei"
"""The Traditional Chinese UI font of every Windows since Vista (and of Office for Mac); LibreOffice and
fontconfig fall back to Noto Sans CJK TC for it when the text is marked zh-TW."""

# Han ideographs (with extensions and compatibility forms), CJK punctuation, Bopomofo and full-width forms:
# characters Word draws with the w:eastAsia font.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uffef\U00020000-\U0003134f]"
)


def default_template_path() -> Path:
    return resources_dir() / "templates" / "minutes.docx"


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


# -- templates and styles ------------------------------------------------------------------------


def open_template(path: Path) -> Document:
    """The template as a document with its styles, page setup, header and footer but an empty body.

    Raises InputError with a plain sentence when ``path`` is missing or is not a Word .docx file.
    """
    path = path.expanduser()
    if path.exists() and not path.is_file():
        raise InputError(f"The template {path} is a folder or a device. Give the path of a Word .docx file.")
    if not path.is_file():
        raise InputError(f"The template {path} does not exist. Give the path of a Word .docx file.")
    problem = f"The template {path} is not a Word document (.docx). Open it in Word and save it as .docx."
    if not zipfile.is_zipfile(path):
        raise InputError(problem)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds (ValueError, KeyError, PackageNotFoundError)
        raise InputError(problem) from exc
    if not document.element.body.findall(qn("w:sectPr")):
        document.element.body.append(OxmlElement("w:sectPr"))  # a page setup of Word's defaults
    clear_body(document)
    return document


def clear_body(document: Document) -> None:
    """Remove the body's paragraphs, tables and other content, keeping the final section properties."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def ensure_styles(document: Document, source: Document, names: Iterable[str]) -> None:
    """Copy the named styles (and the styles they are based on or linked to) that ``document`` lacks.

    A letterhead saved by Word defines only the styles it uses; the minutes need headings, Quote and the
    table style, so those come from the default template.
    """
    target = document.styles.element
    have = {s.get(qn("w:styleId")) for s in target.findall(qn("w:style"))}
    by_id = {s.get(qn("w:styleId")): s for s in source.styles.element.findall(qn("w:style"))}
    wanted = []
    for name in names:
        if _has_style(document, name):
            continue
        try:
            wanted.append(source.styles[name].style_id)
        except KeyError:
            continue
    while wanted:
        style_id = wanted.pop()
        if style_id in have or style_id not in by_id:
            continue
        element = copy.deepcopy(by_id[style_id])
        target.append(element)
        have.add(style_id)
        for ref in ("w:basedOn", "w:link", "w:next"):
            found = element.find(qn(ref))
            if found is not None:
                wanted.append(found.get(qn("w:val")))


def _has_style(document: Document, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def east_asia_font(document: Document) -> str:
    """The East Asian font the document's Normal style (or its defaults) names, else the default one."""
    for rpr in (document.styles["Normal"].element.rPr, _default_rpr(document)):
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    return DEFAULT_EAST_ASIA_FONT


def _default_rpr(document: Document):  # noqa: ANN202 - an lxml element
    return document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")


def set_style_fonts(style_rpr, latin: str | None, east_asia: str | None) -> None:  # noqa: ANN001
    """Name the fonts of a style's run properties, dropping theme fonts (Word prefers those to names)."""
    fonts = style_rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    if latin:
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
        fonts.set(qn("w:cs"), latin)
    if east_asia:
        fonts.set(qn("w:eastAsia"), east_asia)


# -- runs ----------------------------------------------------------------------------------------


def add_text(
    paragraph: Paragraph,
    text: str,
    east_asia: str,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    color: str | None = None,
) -> Run:
    """Append a run; a run holding Chinese gets the East Asian font and the zh-TW language on itself.

    The run is built as elements directly: python-docx's property setters each search the run for their
    place and its text setter walks the text a character at a time, which made a long annex slow. The text
    is cleaned again (a database written by an older Minutes may hold control characters that XML cannot),
    and a colour that is not ``#rrggbb`` is left out rather than failing the export.
    """
    text = clean_text(text)
    p = paragraph._p
    r = p.makeelement(_W["r"], {})
    properties = []
    cjk = has_cjk(text)
    if cjk:
        fonts = r.makeelement(_W["rFonts"], {_W["eastAsia"]: east_asia})
        if mostly_cjk(text):
            fonts.set(_W["hint"], "eastAsia")
        properties.append(fonts)
    for tag, value in (("b", bold), ("i", italic)):
        if value is not None:
            properties.append(r.makeelement(_W[tag], {} if value else {_W["val"]: "0"}))
    if color and is_color(color):
        properties.append(r.makeelement(_W["color"], {_W["val"]: color.lstrip("#").upper()}))
    if cjk:
        properties.append(r.makeelement(_W["lang"], {_W["eastAsia"]: "zh-TW"}))
    if properties:
        r_pr = r.makeelement(_W["rPr"], {})
        r_pr.extend(properties)
        r.append(r_pr)
    for piece in _BREAKS.split(text):
        if piece in ("\t", "\n", "\r"):
            r.append(r.makeelement(_W["tab"] if piece == "\t" else _W["br"], {}))
        elif piece:
            t = r.makeelement(_W["t"], {})
            t.text = piece
            if piece[0].isspace() or piece[-1].isspace():
                t.set(_PRESERVE, "preserve")
            r.append(t)
    p.append(r)
    return Run(r, paragraph)


_W = {name: qn(f"w:{name}") for name in ("r", "rPr", "rFonts", "eastAsia", "hint", "b", "i", "val", "color", "lang",
                                          "tab", "br", "t")}
_PRESERVE = qn("xml:space")
_BREAKS = re.compile(r"([\t\n\r])")
_SPACE = re.compile(r"\s")


def mostly_cjk(text: str) -> bool:
    """True if most of the characters that are not spaces are Chinese."""
    visible = len(text) - len(_SPACE.findall(text))
    return sum(1 for ch in _CJK.findall(text) if not ch.isspace()) * 2 > visible


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``…); Word and LibreOffice compute it when laying out."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def add_page_x_of_y(paragraph: Paragraph, pattern: str, east_asia: str) -> None:
    """Write ``pattern`` (e.g. ``"Page {PAGE} of {NUMPAGES}"``) with the braces replaced by fields."""
    for piece in re.split(r"(\{PAGE\}|\{NUMPAGES\})", pattern):
        if piece in ("{PAGE}", "{NUMPAGES}"):
            add_field(paragraph, piece.strip("{}"))
        elif piece:
            add_text(paragraph, piece, east_asia)


def first_empty_paragraph(paragraphs: Sequence[Paragraph]) -> Paragraph | None:
    """A paragraph with no text and no drawing (a letterhead's logo stays where it is)."""
    for paragraph in paragraphs:
        if not paragraph.text.strip() and not paragraph._p.xpath(".//w:drawing | .//w:pict"):
            return paragraph
    return None


# -- tables --------------------------------------------------------------------------------------


def set_column_widths(table: Table, widths: Sequence[Emu]) -> None:
    """Fix column widths in the grid (read by LibreOffice) and on every cell (read by Word)."""
    table.autofit = False
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        column.set(qn("w:w"), str(int(width.twips if hasattr(width, "twips") else width)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def repeat_as_header(table: Table) -> None:
    """Repeat the first row at the top of every page the table runs onto."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def cell_text(cell: _Cell, text: str, east_asia: str, *, bold: bool | None = None) -> None:
    """Replace a cell's text with one run (cells start with one empty paragraph)."""
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    add_text(paragraph, text, east_asia, bold=bold)


def misdefined_styles(document: Document, names: Iterable[str], kind: WD_STYLE_TYPE) -> dict[str, str]:
    """The named styles that ``document`` defines as another type than ``kind``: name → that type, in words."""
    wrong = {}
    for name in names:
        try:
            found = document.styles[name].type
        except KeyError:
            continue
        if found != kind:
            wrong[name] = _STYLE_TYPES.get(found, "other")
    return wrong


_STYLE_TYPES = {WD_STYLE_TYPE.PARAGRAPH: "paragraph", WD_STYLE_TYPE.CHARACTER: "character",
                WD_STYLE_TYPE.TABLE: "table", WD_STYLE_TYPE.LIST: "list"}


def style_exists(document: Document, name: str, kind: WD_STYLE_TYPE) -> bool:
    try:
        return document.styles[name].type == kind
    except KeyError:
        return False
