"""Build the default Word template of the minutes, ``resources/templates/minutes.docx``.

Run it after changing the look of the minutes and commit the file it writes:

    .venv/bin/python tools/make_template.py

It starts from python-docx's own template and sets A4 pages, fonts (Arial for Latin text, Microsoft
JhengHei for Chinese, with zh-TW as the East Asian language so LibreOffice falls back to Noto Sans CJK TC),
Title, Subtitle, Heading 1–3, Quote, Header and Footer styles, the "Minutes Table" table style, and an empty
header and footer paragraph that the export fills in. Zip entry dates are fixed so the file only changes
when its content does.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from minutes.export.docx_layout import DEFAULT_EAST_ASIA_FONT, set_style_fonts  # noqa: E402

OUTPUT = ROOT / "resources" / "templates" / "minutes.docx"
LATIN_FONT = "Arial"
NAVY = RGBColor(0x1F, 0x38, 0x64)
BLUE = RGBColor(0x2E, 0x54, 0x96)
GREY = RGBColor(0x59, 0x59, 0x59)

TABLE_STYLE_XML = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="MinutesTable">
  <w:name w:val="Minutes Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="1F3864"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EF"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def build() -> bytes:
    document = docx.Document()
    styles = document.styles

    # Document defaults: named fonts instead of theme fonts, zh-TW for East Asian text.
    defaults = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    set_style_fonts(defaults, LATIN_FONT, DEFAULT_EAST_ASIA_FONT)
    defaults.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-TW")

    def style(name: str, size: float, *, bold: bool = False, color: RGBColor | None = None,
              before: float = 0, after: float = 6, keep: bool = False):  # noqa: ANN202
        s = styles[name]
        set_style_fonts(s.element.get_or_add_rPr(), LATIN_FONT, DEFAULT_EAST_ASIA_FONT)
        s.font.size = Pt(size)
        s.font.bold = bold
        s.font.italic = False
        s.font.color.rgb = color
        s.paragraph_format.space_before = Pt(before)
        s.paragraph_format.space_after = Pt(after)
        if keep:
            s.paragraph_format.keep_with_next = True
        return s

    normal = style("Normal", 10.5, after=6)
    normal.paragraph_format.line_spacing = 1.2
    title = style("Title", 22, bold=True, color=NAVY, after=2)
    _remove_child(title.element.pPr, "w:pBdr")  # python-docx's Title has a rule under it; the subtitle has one
    subtitle = style("Subtitle", 12, color=GREY, after=14)
    _remove_child(subtitle.element.rPr, "w:spacing")  # python-docx's Subtitle is letter-spaced
    _bottom_border(subtitle.element.get_or_add_pPr(), "1F3864", 8)
    style("Heading 1", 15, bold=True, color=NAVY, before=18, after=6, keep=True)
    style("Heading 2", 12.5, bold=True, color=BLUE, before=12, after=4, keep=True)
    style("Heading 3", 11, bold=True, color=BLUE, before=10, after=3, keep=True)
    quote = style("Quote", 10.5, color=RGBColor(0x26, 0x26, 0x26), after=4)
    quote.paragraph_format.left_indent = Cm(0.6)
    quote.paragraph_format.right_indent = Cm(0)
    _left_border(quote.element.get_or_add_pPr(), "8EA9DB", 18)
    header = style("Header", 8.5, color=GREY, after=0)
    _bottom_border(header.element.get_or_add_pPr(), "A6A6A6", 4)
    footer = style("Footer", 8.5, color=GREY, after=0)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles.element.append(parse_xml(TABLE_STYLE_XML))

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4, the paper size in Taiwan
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.5)
    section.header_distance = section.footer_distance = Cm(1.25)
    section.header.paragraphs[0].style = styles["Header"]
    section.footer.paragraphs[0].style = styles["Footer"]

    props = document.core_properties
    props.title = "Minutes"
    props.author = props.last_modified_by = "Minutes"
    props.created = props.modified = datetime(2024, 1, 1)
    props.revision = 1

    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_dates(buffer.getvalue())


_AFTER_PBDR = ("shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
               "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
               "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
               "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")


def _remove_child(parent, tag: str) -> None:  # noqa: ANN001
    if parent is not None:
        for child in parent.findall(qn(tag)):
            parent.remove(child)


def _border(ppr, side: str, color: str, size: int) -> None:  # noqa: ANN001
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # Word rejects pPr children out of schema order: pBdr goes before shd, tabs, spacing, ind, jc….
        ppr.insert_element_before(borders, *(f"w:{t}" for t in _AFTER_PBDR))
    element = OxmlElement(f"w:{side}")
    element.set(qn("w:val"), "single")
    element.set(qn("w:sz"), str(size))
    element.set(qn("w:space"), "4" if side == "left" else "1")
    element.set(qn("w:color"), color)
    borders.append(element)


def _bottom_border(ppr, color: str, size: int) -> None:  # noqa: ANN001
    _border(ppr, "bottom", color, size)


def _left_border(ppr, color: str, size: int) -> None:  # noqa: ANN001
    _border(ppr, "left", color, size)


def _fixed_dates(data: bytes) -> bytes:
    """Rewrite the zip with fixed entry dates, so rebuilding an unchanged template gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> int:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
