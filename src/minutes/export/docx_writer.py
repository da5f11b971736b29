"""The Word document writer shared by the session minutes and the workshop report (python-docx, no Qt).

:class:`MinutesWriter` appends the parts of minutes (title block, participants, key strategies with attributed
quotes, recommendations, action items, transcript) to a document made by :func:`new_document` on the default
template or a user's letterhead; :func:`document_bytes` gives the finished document with properties that name
the workshop and never a person; :func:`write_file` writes it atomically (a failed export leaves the previous
file as it was); :func:`file_names` makes safe, distinct file names from titles.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from minutes.domain import PARTICIPANT_FIELDS
from minutes.errors import InputError
from minutes.export import docx_layout as layout
from minutes.export.docx_content import LABELS, ChathamLabel, Entry, LabelLanguage, Quote, SessionContent
from minutes.fileio import atomic_write, safe_stem
from minutes.store.clean import one_line

TABLE_STYLE = "Minutes Table"
"""The table style of the default template (a grid with a shaded header row)."""

# Styles the layout uses; a user's template that lacks some gets them from the default template.
_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote", "Header", "Footer",
           TABLE_STYLE)
# The styles paragraphs are given by name: a template must not define these as another type of style.
_PARAGRAPH_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote")
_GREY = "#595959"  # 7:1 against white: readable for timestamps and notes
_DRAFT = "#B00020"  # a dark red that keeps 6:1 against white
_PROPERTY_LENGTH = 255


@dataclass
class MinutesOptions:
    """How the minutes are written.

    Attributes:
        chatham_house: attribute no remark and name no participant (the Chatham House Rule).
        include_confidential: also show annotations marked confidential and the text under them.
        annex: add the full transcript, with times and speakers, after each session.
        template: a .docx whose styles, page setup, header and footer are used (its body is dropped);
            None for the default template.
        labels: language of headings and table headers, "en" or "zh-TW".
        chatham_label: under the Chatham House Rule, "participant" ("a participant") or "country" ("a
            representative of <country>", where the speaker's country is known).
    """

    chatham_house: bool = False
    include_confidential: bool = False
    annex: bool = False
    template: Path | None = None
    labels: LabelLanguage = "en"
    chatham_label: ChathamLabel = "participant"


def document_bytes(document: Document, *, title: str, subject: str, organiser: str) -> bytes:
    """The document's bytes, with properties that name the workshop and never a person."""
    props = document.core_properties
    props.title = _property(title)
    props.subject = _property(subject)
    props.author = _property(organiser) or "Minutes"  # never a person: a letterhead's author is dropped too
    props.last_modified_by = "Minutes"
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _property(text: str) -> str:
    """A document property: one line of at most 255 characters, the most Word's file format allows."""
    text = one_line(text)
    return text if len(text) <= _PROPERTY_LENGTH else text[: _PROPERTY_LENGTH - 1] + "…"


def new_document(template: Path | None) -> Document:
    default = layout.open_template(layout.default_template_path())
    if template is None:
        return default
    document = layout.open_template(template)
    wrong = layout.misdefined_styles(document, _PARAGRAPH_STYLES, WD_STYLE_TYPE.PARAGRAPH)
    if wrong:
        listing = ", ".join(f'"{name}" as a {kind} style' for name, kind in wrong.items())
        raise InputError(
            f"The template {template} defines {listing}; the minutes need paragraph styles by these names. "
            "Change or rename them in Word (Styles pane), or export without --template."
        )
    layout.ensure_styles(document, default, _STYLES)
    return document


class MinutesWriter:
    """Appends the parts of the minutes to a document, in the label language and its fonts."""

    def __init__(self, document: Document, options: MinutesOptions) -> None:
        self.document = document
        self.options = options
        self.words = LABELS[options.labels]
        self.east_asia = layout.east_asia_font(document)
        self.table_style = TABLE_STYLE if layout.style_exists(document, TABLE_STYLE, WD_STYLE_TYPE.TABLE) else None
        self._new_page = False
        self._body = document.element.body
        self._section = self._body.find(qn("w:sectPr"))  # the body's last child: paragraphs go before it
        self._style_ids: dict[str, str | None] = {}

    # -- primitives --

    def paragraph(self, text: str = "", *, style: str | None = None, bold: bool | None = None,
                  italic: bool | None = None, color: str | None = None) -> Paragraph:
        paragraph = self._add(style)
        if text:
            layout.add_text(paragraph, text, self.east_asia, bold=bold, italic=italic, color=color)
        return paragraph

    def heading(self, text: str, level: int, *, color: str | None = None) -> Paragraph:
        paragraph = self._add(f"Heading {level}")
        if color:  # a colour swatch beside the tag name; the name itself carries the meaning
            layout.add_text(paragraph, "■ ", self.east_asia, color=color)
        layout.add_text(paragraph, text, self.east_asia)
        return paragraph

    def page_break(self) -> None:
        # "Page break before" on the next paragraph, not a paragraph holding a break: that one would leave an
        # empty line at the top of the new page.
        self._new_page = True

    def _add(self, style: str | None) -> Paragraph:
        # Not document.add_paragraph: it searches the whole body for the section properties to insert before,
        # which made the export quadratic in the number of paragraphs (12,000 segments took 7 s).
        p = self._body.makeelement(qn("w:p"), {})
        if self._section is not None:
            self._section.addprevious(p)
        else:
            self._body.append(p)
        paragraph = Paragraph(p, self.document._body)
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            p.style = self._style_ids[style]
        if self._new_page:
            paragraph.paragraph_format.page_break_before = True
            self._new_page = False
        return paragraph

    def header_footer(self, workshop_title: str, *, draft: bool = False) -> None:
        """The workshop title in the page header (after DRAFT while minutes are not approved), page X of Y below."""
        section = self.document.sections[0]
        header = layout.first_empty_paragraph(section.header.paragraphs) or section.header.add_paragraph()
        if draft:
            layout.add_text(header, f"{self.words['draft']} · ", self.east_asia, bold=True, color=_DRAFT)
        layout.add_text(header, workshop_title, self.east_asia)
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)
        for footer in footers:
            paragraph = layout.first_empty_paragraph(footer.paragraphs) or footer.add_paragraph()
            layout.add_page_x_of_y(paragraph, self.words["page"], self.east_asia)

    # -- sections --

    def session(self, content: SessionContent, workshop_title: str, *, single: bool) -> None:
        top = 1 if single else 2  # level of the sections below the session title
        if single:
            self.paragraph(content.title, style="Title")
            self.paragraph(f"{workshop_title} · {self.words['minutes']}", style="Subtitle")
        else:
            self.heading(content.title, 1)
            if content.draft:  # in a report of several sessions, each draft says so where it starts
                self.paragraph(self.words["draft_note"], bold=True, color=_DRAFT)
        self.details(content.details)
        if self.options.chatham_house:
            self.paragraph(self.words["chatham"], italic=True)
        if content.participants:
            self.heading(self.words["participants"], top)
            self.participants(content)
        if content.summary.strip():
            self.heading(self.words["summary"], top)
            for part in re.split(r"\n\s*\n|\n", content.summary.strip()):
                self.paragraph(part.strip())
        if content.strategies:
            self.heading(self.words["strategies"], top)
            for section in content.strategies:
                self.heading(section.heading, top + 1, color=section.tag.color)
                for entry in section.entries:
                    self.entry(entry)
        if content.recommendations or content.recommendation_entries:
            self.heading(self.words["recommendations"], top)
            for number, text in enumerate(content.recommendations, 1):
                self.numbered(number, text)
            for entry in content.recommendation_entries:
                self.entry(entry)
        if content.action_items:
            self.heading(self.words["action_items"], top)
            for number, entry in enumerate(content.action_items, 1):
                self.entry(entry, number=number)
        written = (content.summary.strip() or content.strategies or content.recommendations
                   or content.recommendation_entries or content.action_items)
        if not written:  # a blank page would pass for minutes with nothing to say; say that nothing is written yet
            self.paragraph(self.words["nothing_yet"], italic=True)
        if self.options.annex:
            self.page_break()
            self.heading(self.words["annex"], top)
            self.transcript(content.transcript)

    def details(self, rows: list[tuple[str, str]]) -> None:
        if not rows:
            return
        table = self.document.add_table(rows=len(rows), cols=2)
        for row, (label, value) in zip(table.rows, rows, strict=True):
            layout.cell_text(row.cells[0], label, self.east_asia, bold=True)
            layout.cell_text(row.cells[1], value, self.east_asia)
        layout.set_column_widths(table, [Cm(4), Cm(12)])
        self.paragraph()  # a table directly followed by a heading looks cramped in Word

    def participants(self, content: SessionContent) -> None:
        headers = [self.words[k] for k in PARTICIPANT_FIELDS]
        table = self.document.add_table(rows=1 + len(content.participants), cols=4, style=self.table_style)
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            layout.cell_text(cell, text, self.east_asia, bold=True)
        for row, person in zip(table.rows[1:], content.participants, strict=True):
            values = (person.name, person.title, person.organisation, person.country)
            for cell, text in zip(row.cells, values, strict=True):
                layout.cell_text(cell, text, self.east_asia)
        layout.repeat_as_header(table)
        layout.set_column_widths(table, [Cm(4.2), Cm(3.6), Cm(5.2), Cm(3)])
        self.paragraph()

    def numbered(self, number: int, text: str, *, bold: bool | None = None) -> Paragraph:
        # Numbers are written as text with a hanging indent: list numbering would need numbering definitions
        # that a user's letterhead may not have.
        paragraph = self.paragraph()
        paragraph.paragraph_format.left_indent = Cm(0.75)
        paragraph.paragraph_format.first_line_indent = Cm(-0.75)
        layout.add_text(paragraph, f"{number}.\t", self.east_asia)
        layout.add_text(paragraph, text, self.east_asia, bold=bold)
        return paragraph

    def entry(self, entry: Entry, *, number: int | None = None) -> None:
        """An annotation: for action items the comment (the action) first, else the quotes first."""
        marker = self.words["confidential"] if entry.confidential else ""
        if number is not None:
            paragraph = self.numbered(number, entry.comment or "", bold=True)
            if marker:
                layout.add_text(paragraph, f" {marker}", self.east_asia, italic=True, color=_GREY)
            self.owner_due(entry)
        elif marker:
            self.paragraph(marker.strip(), italic=True, color=_GREY)
        for quote in entry.quotes:
            self.quote(quote)
        if entry.comment and number is None:
            paragraph = self.paragraph()
            layout.add_text(paragraph, self.words["note"], self.east_asia, bold=True)
            layout.add_text(paragraph, entry.comment, self.east_asia, italic=True)
            paragraph.paragraph_format.space_after = Pt(10)

    def owner_due(self, entry: Entry, extra: str = "") -> None:
        """``Owner: … · Due: …`` under an action item, in grey, when it has either (``extra`` is appended)."""
        parts = [f"{self.words[key]}{value}" for key, value in (("owner", entry.owner), ("due", entry.due)) if value]
        if parts or extra:
            paragraph = self.paragraph(" · ".join([*parts, *([extra] if extra else [])]), color=_GREY)
            paragraph.paragraph_format.left_indent = Cm(0.75)

    def quote(self, quote: Quote) -> None:
        paragraph = self.paragraph(style="Quote")
        opening, closing = ("「", "」") if layout.mostly_cjk(quote.text) else ("“", "”")
        layout.add_text(paragraph, f"{opening}{quote.text}{closing}", self.east_asia)
        layout.add_text(paragraph, f" — {self.attribution(quote)}", self.east_asia, italic=False, color=_GREY)
        if quote.translation:
            self.translation(self.paragraph(style="Quote"), quote.translation)

    def attribution(self, quote: Quote) -> str:
        comma = "，" if self.options.labels == "zh-TW" else ", "
        speaker = quote.speaker[:1].upper() + quote.speaker[1:]
        return f"{speaker}{comma}{quote.timestamp}" if speaker else quote.timestamp

    def transcript(self, turns: list[Quote | None]) -> None:
        for turn in turns:
            if turn is None:
                self.paragraph(self.words["omitted"], italic=True, color=_GREY)
                continue
            paragraph = self.paragraph()
            layout.add_text(paragraph, f"{turn.timestamp}  ", self.east_asia, color=_GREY)
            if turn.speaker:
                name = turn.speaker[:1].upper() + turn.speaker[1:]
                layout.add_text(paragraph, f"{name}: ", self.east_asia, bold=True)
            layout.add_text(paragraph, turn.text, self.east_asia)
            if turn.translation:
                english = self.paragraph()
                english.paragraph_format.left_indent = Cm(0.75)
                self.translation(english, turn.translation)

    def translation(self, paragraph: Paragraph, english: str) -> None:
        """``English: …`` in grey italics: the translation under a quote or a turn of the transcript."""
        layout.add_text(paragraph, self.words["english"], self.east_asia, italic=True, color=_GREY)
        layout.add_text(paragraph, english, self.east_asia, italic=True, color=_GREY)


def write_file(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, lambda handle: handle.write(data))
    except InputError as exc:
        if isinstance(exc.__cause__, PermissionError):
            raise InputError(
                f"Cannot write {path}: it is read-only or open in another program. "
                "Close it (for example in Word) and export again; the previous file was left as it was."
            ) from exc
        raise


def file_names(titles: Sequence[str]) -> list[str]:
    """Safe, distinct .docx file names from titles (characters Windows forbids become spaces)."""
    names: list[str] = []
    for title in titles:
        stem = safe_stem(title, "minutes")
        candidate, n = stem, 2
        while f"{candidate}.docx".casefold() in {x.casefold() for x in names}:
            candidate, n = f"{stem} ({n})", n + 1
        names.append(f"{candidate}.docx")
    return names
