"""The workshop report: one Word document for the whole workshop, built on the session minutes' layout.

In order: a cover (title, dates, venue, organiser); a table of contents (a Word TOC field, refreshed when the
document is opened); the programme (sessions in agenda order with date, time, chair and rapporteur); the
workshop's executive summary; the key strategies across sessions grouped by tag, each item naming its
session, speaker and time; the recommendations and action items of every session, numbered, each with its
session (action items with owner and due date); each session's minutes in agenda order (a session not yet
approved says DRAFT where it starts); and the participants as an annex, grouped by country with counts.
Chatham House mode, off-the-record material, labels and template work as they do for session minutes,
because every session's content comes from :func:`~minutes.export.docx_content.session_content`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from minutes.domain import Participant, Session
from minutes.errors import InputError
from minutes.export import docx_layout as layout
from minutes.export.docx_content import LABELS, Entry, SessionContent, TagSection, names_scrubber, session_content
from minutes.export.docx_writer import (
    MinutesOptions,
    MinutesWriter,
    document_bytes,
    file_names,
    new_document,
    write_file,
)
from minutes.operations.agenda import programme
from minutes.store import WorkshopStore

REPORT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Workshop report",
        "contents": "Contents",
        "programme": "Programme",
        "session": "Session",
        "dates": "Dates",
        "organiser": "Organiser",
        "executive": "Executive summary",
        "across": "Key strategies across sessions",
        "consolidated": "Recommendations and action items",
        "annex": "Annex: Participants",
        "count": "{people} participants from {countries} countries",
        "no_country": "Country not given",
        "participants_col": "Participants",
    },
    "zh-TW": {
        "report": "工作坊報告",
        "contents": "目錄",
        "programme": "議程",
        "session": "場次",
        "dates": "日期",
        "organiser": "主辦單位",
        "executive": "執行摘要",
        "across": "跨場次重點策略",
        "consolidated": "建議與行動事項",
        "annex": "附件：與會者名單",
        "count": "共 {people} 位與會者，來自 {countries} 個國家",
        "no_country": "未填國家",
        "participants_col": "人數",
    },
}


def default_report_output(store: WorkshopStore) -> Path:
    """Where the report goes when no output is given: ``exports/TITLE report.docx``."""
    return store.exports_dir / file_names([f"{store.workshop().title} report"])[0]


def write_report(store: WorkshopStore, output: Path, options: MinutesOptions | None = None) -> Path:
    """Write the workshop report to ``output`` (replaced atomically) and return its path."""
    options = options or MinutesOptions()
    if options.labels not in LABELS:
        raise InputError(f'Unknown labels "{options.labels}"; use one of: {", ".join(LABELS)}.')
    sessions = programme(store.sessions())
    if not sessions:
        raise InputError(f"The workshop {store.root} has no sessions to report on.")
    output = Path(output).expanduser()
    write_file(output, _render(store, sessions, options))
    return output


def _render(store: WorkshopStore, sessions: list[Session], options: MinutesOptions) -> bytes:
    document = new_document(options.template)
    writer = _ReportWriter(document, options)
    workshop = store.workshop()
    contents = [session_content(store, s.id, labels=options.labels, chatham_house=options.chatham_house,
                                chatham_label=options.chatham_label, include_confidential=options.include_confidential,
                                annex=options.annex) for s in sessions]
    people = store.participants()
    scrub = names_scrubber(people, sessions, options.labels) if options.chatham_house else str
    writer.header_footer(workshop.title)  # DRAFT is said at each session that is not approved
    writer.cover(workshop.title, [(writer.report["dates"], workshop.dates), (writer.words["venue"], workshop.venue),
                                  (writer.report["organiser"], workshop.organiser)])
    writer.contents()
    writer.programme(contents)
    writer.heading(writer.report["executive"], 1)
    writer.text_block(scrub(workshop.summary))
    writer.across(contents)
    writer.consolidated(contents)
    for content in contents:
        writer.page_break()
        writer.session(content, workshop.title, single=False)
    writer.annex(people)
    writer.finish_contents()
    return document_bytes(document, title=workshop.title, subject=writer.report["report"], organiser=workshop.organiser)


class _ReportWriter(MinutesWriter):
    """The session minutes' writer, with the parts only the workshop report has."""

    def __init__(self, document, options: MinutesOptions) -> None:  # noqa: ANN001 - a python-docx Document
        super().__init__(document, options)
        self.report = REPORT_LABELS[options.labels]
        self._toc_start: Paragraph | None = None
        self._toc_end: Paragraph | None = None
        self._toc: list[tuple[str, str]] = []  # (text, bookmark) of each heading the contents list

    def cover(self, title: str, details: list[tuple[str, str]]) -> None:
        self.paragraph(title, style="Title")
        self.paragraph(self.report["report"], style="Subtitle")
        for label, value in details:
            if value.strip():
                paragraph = self.paragraph()
                layout.add_text(paragraph, f"{label}: ", self.east_asia, bold=True)
                layout.add_text(paragraph, value, self.east_asia)

    def contents(self) -> None:
        """A TOC field of the level-1 headings; Word refreshes it on opening (``updateFields``).

        Its result is written too, once the headings are known (:meth:`finish_contents`): one line per heading,
        linked to a bookmark on it, so a reader that does not refresh the field (LibreOffice shows the result
        Word last saved) still lists the contents. It has no page numbers: only a refresh can know them.
        """
        self.page_break()
        self.paragraph(self.report["contents"], style="Subtitle")
        self._toc_start = self.paragraph()
        _field_start(self._toc_start, 'TOC \\o "1-1" \\h \\z \\u')
        self._toc_end = self.paragraph()
        _field_char(self._toc_end, "end")
        settings = self.document.settings.element
        if settings.find(qn("w:updateFields")) is None:
            update = OxmlElement("w:updateFields")
            update.set(qn("w:val"), "true")
            settings.append(update)
        self.page_break()

    def heading(self, text: str, level: int, *, color: str | None = None) -> Paragraph:
        paragraph = super().heading(text, level, color=color)
        if self._toc_start is not None and level == 1:
            number = len(self._toc) + 1
            name = f"_Toc{number:06d}"
            start = OxmlElement("w:bookmarkStart")
            start.set(qn("w:id"), str(number))
            start.set(qn("w:name"), name)
            end = OxmlElement("w:bookmarkEnd")
            end.set(qn("w:id"), str(number))
            paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
            paragraph._p.append(end)
            self._toc.append((text, name))
        return paragraph

    def finish_contents(self) -> None:
        """Write the TOC's lines between its start and its end, now that every heading is known."""
        for text, bookmark in self._toc:
            paragraph = Paragraph(OxmlElement("w:p"), self._toc_end._parent)
            self._toc_end._p.addprevious(paragraph._p)
            paragraph.paragraph_format.space_after = Pt(4)
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), bookmark)
            link.set(qn("w:history"), "1")
            paragraph._p.append(link)
            run = layout.add_text(paragraph, text, self.east_asia)
            link.append(run._r)

    def programme(self, contents: list[SessionContent]) -> None:
        self.heading(self.report["programme"], 1)
        keys = ["date", "time", "session"] + ([] if self.options.chatham_house else ["chair", "rapporteur"])
        labels = {**self.words, "session": self.report["session"]}
        table = self.document.add_table(rows=1 + len(contents), cols=len(keys), style=self.table_style)
        for cell, key in zip(table.rows[0].cells, keys, strict=True):
            layout.cell_text(cell, labels[key], self.east_asia, bold=True)
        for row, content in zip(table.rows[1:], contents, strict=True):
            s = content.session
            values = {"date": s.date, "time": "–".join(t for t in (s.start, s.end) if t), "session": content.title,
                      "chair": s.chair, "rapporteur": s.rapporteur}
            for cell, key in zip(row.cells, keys, strict=True):
                layout.cell_text(cell, values[key], self.east_asia)
        layout.repeat_as_header(table)
        widths = [Cm(2.6), Cm(2.6), Cm(10.8)] if self.options.chatham_house else \
            [Cm(2.6), Cm(2.6), Cm(4.8), Cm(3.0), Cm(3.0)]
        layout.set_column_widths(table, widths)
        self.paragraph()

    def text_block(self, text: str) -> None:
        parts = [p.strip() for p in re.split(r"\n+", text.strip()) if p.strip()]
        for part in parts or [self.words["nothing"]]:
            self.paragraph(part, italic=None if parts else True)

    def across(self, contents: list[SessionContent]) -> None:
        """Key strategies of every session under one heading per tag, in the workshop's tag order."""
        self.heading(self.report["across"], 1)
        by_tag: dict[int, list[tuple[SessionContent, TagSection]]] = defaultdict(list)
        for content in contents:
            for section in content.strategies:
                by_tag[section.tag.id].append((content, section))
        if not by_tag:
            self.paragraph(self.words["nothing"], italic=True)
        order = sorted(by_tag, key=lambda tag_id: (by_tag[tag_id][0][1].tag.position, tag_id))
        for tag_id in order:
            first = by_tag[tag_id][0][1]
            self.heading(first.heading, 2, color=first.tag.color)
            for content, section in by_tag[tag_id]:
                for entry in section.entries:
                    self.attributed(entry, content.title)

    def attributed(self, entry: Entry, session_title: str) -> None:
        """An entry whose every quote (or note) names its session, speaker and time."""
        if entry.confidential:
            self.paragraph(self.words["confidential"].strip(), italic=True, color="#595959")
        for quote in entry.quotes:
            paragraph = self.paragraph(style="Quote")
            opening, closing = ("「", "」") if layout.mostly_cjk(quote.text) else ("“", "”")
            layout.add_text(paragraph, f"{opening}{quote.text}{closing}", self.east_asia)
            layout.add_text(paragraph, f" — {self.attribution(quote)} · {session_title}", self.east_asia,
                            italic=False, color="#595959")
            if quote.translation:
                self.translation(self.paragraph(style="Quote"), quote.translation)
        if entry.comment:
            paragraph = self.paragraph()
            layout.add_text(paragraph, self.words["note"], self.east_asia, bold=True)
            layout.add_text(paragraph, entry.comment, self.east_asia, italic=True)
            if not entry.quotes:
                layout.add_text(paragraph, f" — {session_title}", self.east_asia, color="#595959")

    def consolidated(self, contents: list[SessionContent]) -> None:
        """Every recommendation, then every action item, numbered across the workshop, each with its session."""
        self.heading(self.report["consolidated"], 1)
        self.heading(self.words["recommendations"], 2)
        number = 0
        for content in contents:
            texts = [*content.recommendations, *(_entry_text(e) for e in content.recommendation_entries)]
            for text in filter(None, texts):
                number += 1
                paragraph = self.numbered(number, text)
                layout.add_text(paragraph, f" — {content.title}", self.east_asia, color="#595959")
        if not number:
            self.paragraph(self.words["nothing"], italic=True)
        self.heading(self.words["action_items"], 2)
        number = 0
        for content in contents:
            for entry in content.action_items:
                number += 1
                self.numbered(number, _entry_text(entry), bold=True)
                self.owner_due(entry, f"{self.report['session']}: {content.title}")
        if not number:
            self.paragraph(self.words["nothing"], italic=True)

    def annex(self, people: list[Participant]) -> None:
        """The roster grouped by country with counts; under the Chatham House Rule, the counts only."""
        self.page_break()
        self.heading(self.report["annex"], 1)
        groups: dict[str, list[Participant]] = defaultdict(list)
        for person in people:
            groups[person.country.strip()].append(person)
        countries = sorted(groups, key=lambda c: (not c, c.casefold()))
        self.paragraph(self.report["count"].format(people=len(people), countries=len([c for c in countries if c])))
        if self.options.chatham_house:
            table = self.document.add_table(rows=1 + len(countries), cols=2, style=self.table_style)
            layout.cell_text(table.rows[0].cells[0], self.words["country"], self.east_asia, bold=True)
            layout.cell_text(table.rows[0].cells[1], self.report["participants_col"], self.east_asia, bold=True)
            for row, country in zip(table.rows[1:], countries, strict=True):
                layout.cell_text(row.cells[0], country or self.report["no_country"], self.east_asia)
                layout.cell_text(row.cells[1], str(len(groups[country])), self.east_asia)
            layout.set_column_widths(table, [Cm(10), Cm(4)])
            return
        for country in countries:
            members = groups[country]
            self.heading(f"{country or self.report['no_country']} ({len(members)})", 2)
            table = self.document.add_table(rows=1 + len(members), cols=3, style=self.table_style)
            for cell, key in zip(table.rows[0].cells, ("name", "title", "organisation"), strict=True):
                layout.cell_text(cell, self.words[key], self.east_asia, bold=True)
            for row, person in zip(table.rows[1:], members, strict=True):
                for cell, value in zip(row.cells, (person.name, person.title, person.organisation), strict=True):
                    layout.cell_text(cell, value, self.east_asia)
            layout.repeat_as_header(table)
            layout.set_column_widths(table, [Cm(5), Cm(4.5), Cm(6.5)])
            self.paragraph()


def _field_char(paragraph: Paragraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    """The beginning of a field whose result spans the paragraphs up to its ``end`` (as a TOC's does)."""
    _field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _field_char(paragraph, "separate")


def _entry_text(entry: Entry) -> str:
    """What a recommendation or action item says: its comment, else the words quoted."""
    return entry.comment.strip() or " ".join(q.text for q in entry.quotes)
