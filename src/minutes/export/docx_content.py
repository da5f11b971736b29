"""What the Word minutes of a session say, worked out before any of it is laid out.

This is where the rules live: confidential ("off the record") material is left out, segments are turned into
attributed quotes (with their English where segments were translated), tags are put in order and sorted into
sections, and under the Chatham House Rule speakers become "a participant" and participants' names are taken
out of every text. The layout (:mod:`minutes.export.docx_minutes`) only draws what :func:`session_content`
returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from minutes.domain import Annotation, Participant, Segment, Session, Speaker, Tag
from minutes.export.confidential import off_the_record, segment_finder
from minutes.export.docx_layout import has_cjk
from minutes.export.transcript import clock
from minutes.store import WorkshopStore
from minutes.store.tagging import default_definition
from minutes.store.voices import is_anonymous_label

LabelLanguage = Literal["en", "zh-TW"]
ChathamLabel = Literal["participant", "country"]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "minutes": "Minutes",
        "date": "Date",
        "time": "Time",
        "venue": "Venue",
        "chair": "Chair / moderator",
        "rapporteur": "Rapporteur",
        "participants": "Participants",
        "name": "Name",
        "title": "Title",
        "organisation": "Organisation",
        "country": "Country",
        "summary": "Summary",
        "strategies": "Key strategies",
        "recommendations": "Recommendations",
        "action_items": "Action items",
        "annex": "Annex: Full transcript",
        "note": "Note: ",
        "page": "Page {PAGE} of {NUMPAGES}",
        "chatham": "This session was held under the Chatham House Rule: remarks are not attributed and "
                   "participants are not named.",
        "confidential": "[Confidential] ",
        "omitted": "[Remarks off the record omitted]",
        "withheld": "[name withheld]",
        "a_participant": "a participant",
        "representative": "a representative of {country}",
        "nothing": "None recorded.",
        "english": "English: ",
        "speaker": "Speaker {0}",
        "draft": "DRAFT",
        "draft_note": "DRAFT: these minutes have not been approved yet.",
        "nothing_yet": "No summary, key strategies, recommendations or action items have been written for this "
                       "session yet.",
        "owner": "Owner: ",
        "due": "Due: ",
    },
    "zh-TW": {
        "minutes": "會議紀錄",
        "date": "日期",
        "time": "時間",
        "venue": "地點",
        "chair": "主持人",
        "rapporteur": "紀錄",
        "participants": "與會者",
        "name": "姓名",
        "title": "職稱",
        "organisation": "機關（構）",
        "country": "國家",
        "summary": "摘要",
        "strategies": "重點策略",
        "recommendations": "建議事項",
        "action_items": "行動事項",
        "annex": "附件：逐字稿",
        "note": "備註：",
        "page": "第 {PAGE} 頁，共 {NUMPAGES} 頁",
        "chatham": "本場次依查塔姆宮守則（Chatham House Rule）進行：發言不具名，亦不列出與會者姓名。",
        "confidential": "［機密］",
        "omitted": "［不公開發言已略去］",
        "withheld": "［姓名不公開］",
        "a_participant": "一位與會者",
        "representative": "{country}代表",
        "nothing": "無。",
        "english": "英譯：",
        "speaker": "講者 {0}",
        "draft": "草稿",
        "draft_note": "草稿：本紀錄尚未核定。",
        "nothing_yet": "本場次尚未撰寫摘要、重點策略、建議事項或行動事項。",
        "owner": "負責：",
        "due": "期限：",
    },
}

# Honorifics that are not part of a name, so "Dr. Chen" is also found as "Chen".
_HONORIFICS = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "h.e", "he", "sir", "dame", "ambassador",
               "judge", "hon", "rev"}


@dataclass
class Quote:
    """Consecutive words of one speaker: ``speaker`` is the attribution shown ("" when unknown).

    ``translation`` is the English of the quote when any of its segments was translated (the other
    segments give their own text), else "".
    """

    speaker: str
    start: float
    text: str
    translation: str = ""

    @property
    def timestamp(self) -> str:
        return clock(self.start)[:8]


@dataclass
class Entry:
    """One annotation as it appears in the minutes: its quotes, comment, and whether it is confidential."""

    annotation: Annotation
    quotes: list[Quote]
    comment: str
    confidential: bool = False
    owner: str = ""  # action items: who does it, and by when
    due: str = ""


@dataclass
class TagSection:
    tag: Tag
    heading: str
    entries: list[Entry]


@dataclass
class SessionContent:
    """Everything the minutes of one session show, already filtered, ordered and (if asked) anonymised.

    ``draft`` is true while the session is not approved: its minutes say DRAFT.
    """

    session: Session
    title: str
    details: list[tuple[str, str]]  # (label, value) rows of the title block that have a value
    participants: list[Participant]
    summary: str
    strategies: list[TagSection]
    recommendations: list[str]
    recommendation_entries: list[Entry]
    action_items: list[Entry]
    transcript: list[Quote | None] = field(default_factory=list)  # None marks omitted off-the-record remarks
    draft: bool = True


def session_content(
    store: WorkshopStore,
    session_id: int,
    *,
    labels: LabelLanguage = "en",
    chatham_house: bool = False,
    chatham_label: ChathamLabel = "participant",
    include_confidential: bool = False,
    annex: bool = False,
) -> SessionContent:
    """Work out what the minutes of ``session_id`` show under these options."""
    words = LABELS[labels]
    session = store.session(session_id)
    people = {p.id: p for p in store.participants()}
    speakers = store.speakers(session_id)
    segments = store.segments(session_id, words=False)  # the minutes quote text, never word times
    annotations = store.annotations(session_id)

    scrub = _scrubber(_names(people.values(), speakers, session), words["withheld"]) if chatham_house else _same
    attribution = _attributions(store, session_id, people, speakers, words, chatham_house, chatham_label)

    within = segment_finder(segments)
    hidden = _hidden(annotations, include_confidential, within)
    shown = [a for a in annotations if include_confidential or not a.confidential]

    def entry(annotation: Annotation) -> Entry:
        inside = [segments[i] for i in within(annotation.start, annotation.end) if i not in hidden]
        quotes = [_scrubbed(q, scrub) for q in _quotes(inside, attribution)]
        return Entry(annotation, quotes, scrub(annotation.comment), annotation.confidential,
                     scrub(annotation.owner), annotation.due)

    entries = {a.id: entry(a) for a in shown}
    strategies, recommended, actions = [], [], []
    for tag in store.tags():
        tagged = [entries[a.id] for a in shown if tag.id in a.tag_ids and (entries[a.id].quotes or
                                                                            entries[a.id].comment)]
        definition = default_definition(tag.name)
        role = definition.key if definition else ""
        if role == "recommendation":
            recommended.extend(tagged)
        elif role == "action_item":
            actions.extend(tagged)
        elif tagged:
            strategies.append(TagSection(tag, tag_heading(tag, labels), tagged))

    transcript: list[Quote | None] = []
    if annex:
        # Runs of shown segments become turns; each run of hidden ones leaves a single marker.
        run: list[Segment] = []
        for i, segment in enumerate(segments + [None]):  # the None flushes the last run
            if segment is not None and i not in hidden:
                run.append(segment)
                continue
            transcript.extend(_scrubbed(q, scrub) for q in _quotes(run, attribution))
            run = []
            if segment is not None and (not transcript or transcript[-1] is not None):
                transcript.append(None)

    details = [
        (words["date"], session.date),
        (words["time"], "–".join(t for t in (session.start, session.end) if t)),
        (words["venue"], session.venue),
    ]
    if not chatham_house:  # the chair and rapporteur are participants too
        details += [(words["chair"], session.chair), (words["rapporteur"], session.rapporteur)]
    return SessionContent(
        session=session,
        title=scrub(session.title),
        details=[(label, value) for label, value in details if value.strip()],
        participants=[] if chatham_house else _participants(store, session, people, speakers, segments),
        summary=scrub(session.summary),
        strategies=strategies,
        recommendations=[scrub(r) for r in session.recommendations if r.strip()],
        recommendation_entries=recommended,
        action_items=actions,
        transcript=transcript,
        draft=not session.approved,
    )


def unnamed_speakers(store: WorkshopStore, session_ids: Sequence[int], *, chatham_house: bool = False,
                     include_confidential: bool = False, annex: bool = False) -> dict[str, list[str]]:
    """Session title → the anonymous voices ("Speaker 4") its minutes would quote under these options:
    minutes to circulate should name who said what, so the export warns about these first."""
    if chatham_house:
        return {}  # nobody is named anyway
    found: dict[str, list[str]] = {}
    for session_id in session_ids:
        unnamed = {s.id: s.label for s in store.speakers(session_id)
                   if s.participant_id is None and is_anonymous_label(s.label)}
        if not unnamed:
            continue
        segments = store.segments(session_id, words=False)
        annotations = store.annotations(session_id)
        within = segment_finder(segments)
        hidden = _hidden(annotations, include_confidential, within)
        if annex:
            heard = {i for i in range(len(segments)) if i not in hidden}
        else:
            heard = {i for a in annotations if a.tag_ids and (include_confidential or not a.confidential)
                     for i in within(a.start, a.end) if i not in hidden}
        quoted = {segments[i].speaker_id for i in heard} & set(unnamed)
        if quoted:
            found[store.session(session_id).title] = [unnamed[i] for i in sorted(quoted)]
    return found


def _hidden(annotations: Sequence[Annotation], include_confidential: bool,
            within: Callable[[float, float], list[int]]) -> set[int]:
    """Indices of the segments under an off-the-record annotation (none when confidential text is kept)."""
    return set() if include_confidential else off_the_record(annotations, within)


def _participants(store: WorkshopStore, session: Session, people: dict[int | None, Participant],
                  speakers: Sequence[Speaker], segments: Sequence[Segment]) -> list[Participant]:
    """The session's chair, its planned speakers and every named speaker heard, each once, by name.

    The chair and a renamed voice that are not on the roster are listed by name only.
    """
    by_name = {p.name.strip().casefold(): p for p in people.values()}
    found: dict[str, Participant] = {}

    def add(person: Participant) -> None:
        found.setdefault(person.name.strip().casefold(), person)

    if session.chair.strip():
        add(by_name.get(session.chair.strip().casefold()) or Participant(session.chair.strip()))
    for person in store.session_participants(session.id):
        add(person)
    heard = {s.speaker_id for s in segments}
    for speaker in speakers:
        if speaker.id not in heard:
            continue
        if speaker.participant_id in people:
            add(people[speaker.participant_id])
        elif speaker.label.strip() and not is_anonymous_label(speaker.label):
            add(Participant(speaker.label.strip()))
    return sorted(found.values(), key=lambda p: p.name.casefold())


def names_scrubber(people: Sequence[Participant], sessions: Sequence[Session],
                   labels: LabelLanguage) -> Callable[[str], str]:
    """Under the Chatham House Rule: takes every form of the participants', chairs' and rapporteurs' names out
    of a workshop-level text (the executive summary)."""
    names = _names(people, [], Session(title=""))
    for session in sessions:
        names |= _names([], [], session)
    return _scrubber(names, LABELS[labels]["withheld"])


def tag_heading(tag: Tag, labels: LabelLanguage) -> str:
    """A tag's name in the label language: default tags are translated, the user's own stay as named."""
    definition = default_definition(tag.name)
    if definition is None:
        return tag.name
    return definition.names.get(labels, definition.name) if labels != "en" else definition.name


def _attributions(
    store: WorkshopStore,
    session_id: int,
    people: dict[int | None, Participant],
    speakers: Sequence,
    words: dict[str, str],
    chatham_house: bool,
    chatham_label: ChathamLabel,
) -> Callable[[int | None], str]:
    """speaker id → how the minutes name that speaker."""
    if not chatham_house:
        # An unnamed voice ("Speaker 4") is labelled in the minutes' language, like the rest of the page.
        names = {i: words["speaker"].format(name.split()[-1]) if is_anonymous_label(name) else name
                 for i, name in store.speaker_names(session_id).items()}
        return lambda speaker_id: names.get(speaker_id, "") if speaker_id is not None else ""
    country = {s.id: people[s.participant_id].country.strip() for s in speakers if s.participant_id in people}
    labels_are_english = words is LABELS["en"]

    def anonymous(speaker_id: int | None) -> str:
        where = country.get(speaker_id, "") if chatham_label == "country" else ""
        if not where:
            return words["a_participant"]
        if labels_are_english and _needs_article(where):
            where = f"the {where}"
        return words["representative"].format(country=where)

    return anonymous


# Country names said with "the" in English ("a representative of the Philippines").
_WITH_ARTICLE = ("united ", "republic of ", "kingdom of ", "state of ", "federation", "netherlands", "philippines",
                 "bahamas", "gambia", "maldives", "czech republic", "dominican republic", "central african",
                 "marshall islands", "solomon islands", "comoros", "seychelles", "holy see", "european union")


def _needs_article(country: str) -> bool:
    lowered = country.casefold()
    return not lowered.startswith("the ") and lowered.startswith(_WITH_ARTICLE)


def _quotes(segments: Sequence[Segment], attribution: Callable[[int | None], str]) -> list[Quote]:
    """Consecutive segments of the same speaker as one quote each."""
    quotes: list[Quote] = []
    english: list[str] = []  # per quote: each segment's translation, or its own text
    translated: list[bool] = []
    previous: int | None | object = object()
    for segment in segments:
        text = segment.text.strip()
        if not text:
            continue
        own = " ".join(segment.translation.split())
        if quotes and segment.speaker_id == previous:
            quotes[-1].text = _join(quotes[-1].text, text)
            english[-1] = _join(english[-1], own or text)
            translated[-1] = translated[-1] or bool(own)
        else:
            quotes.append(Quote(attribution(segment.speaker_id), segment.start, text))
            english.append(own or text)
            translated.append(bool(own))
        previous = segment.speaker_id
    for quote, text, has_translation in zip(quotes, english, translated, strict=True):
        quote.translation = text if has_translation else ""
    return quotes


def _scrubbed(quote: Quote, scrub: Callable[[str], str]) -> Quote:
    return Quote(quote.speaker, quote.start, scrub(quote.text), scrub(quote.translation))


def _join(left: str, right: str) -> str:
    """Join two pieces of transcript; Chinese is written without spaces between sentences."""
    if left and right and has_cjk(left[-1]) and has_cjk(right[0]):
        return left + right
    return f"{left} {right}"


def _same(text: str) -> str:
    return text


def _names(people: Sequence[Participant], speakers: Sequence, session: Session) -> set[str]:
    """Every form of a person's name to take out of texts under the Chatham House Rule."""
    found: set[str] = set()
    renamed = [s.label for s in speakers if not is_anonymous_label(s.label)]
    for name in [p.name for p in people] + renamed + [session.chair, session.rapporteur]:
        name = name.strip()
        if not name:
            continue
        found.add(name)
        if has_cjk(name):
            if len(name) >= 3:  # 陳美玲 is also called 美玲
                found.add(name[1:])
            continue
        tokens = [t for t in re.split(r"\s+", name) if t.strip(".").casefold() not in _HONORIFICS]
        if tokens:
            found.add(" ".join(tokens))
        # Surnames and given names on their own ("Chen", "Santos"): over-removal is the safe side here.
        found.update(t for t in tokens if len(t) >= 3 and t[0].isupper())
    return found


def _scrubber(names: set[str], replacement: str) -> Callable[[str], str]:
    if not names:
        return _same
    # Longest first, so "Dr. Chen Mei-ling" goes as a whole before "Chen" is tried.
    parts = [re.escape(n) if has_cjk(n) else rf"(?<!\w){re.escape(n)}(?!\w)"
             for n in sorted(names, key=len, reverse=True)]
    pattern = re.compile("|".join(parts), re.IGNORECASE)
    return lambda text: pattern.sub(replacement, text) if text else text
