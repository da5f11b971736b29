"""The workshop glossary turned into Whisper decoding hints, one per chunk language.

Whisper spells names it has never seen by ear ("Tzu Chi" comes out as "Tsukai", "Hualien" as "New
Alien", "Maa Shyh-Yuan" as "Mahayun"). Giving it the workshop's own names and terms fixes most of them.
The terms come from the workshop glossary (``store.glossary()``) and the roster (participant names and
organisations); they are written in the session's script, so the hint never pulls Whisper towards the
other script, and split by script, because an English speaker never says Han characters and Latin
terms in a Mandarin hint are mostly wasted budget (except acronyms such as IOM, which Mandarin speakers
do say).

The hint of a language is given to Whisper as ``hotwords`` in a second decode of the speech, from which
:mod:`minutes.asr.spelling` takes only the glossary terms (why not during the transcription itself is
explained there). Hotwords rather than an initial prompt: faster-whisper puts them in front of every 30 s
window, and keeps the *first* tokens of an over-long hint (our most relevant terms) where it keeps the
*last* tokens of an over-long prompt.

Budget: Whisper's prompt holds at most 223 tokens (half its 448-token context, minus one); we stop at
:data:`TOKEN_BUDGET` so nothing is cut mid-name, keeping the most relevant terms first (see :func:`rank_terms`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.errors import InputError
from minutes.text.chinese import convert, has_han

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

    from minutes.domain import Participant, Session
    from minutes.store import WorkshopStore

TOKEN_BUDGET = 200
MAX_TERM_CHARS = 60  # longer "terms" are sentences pasted by mistake; they would eat the whole budget
GLOSSARY_FILE_BYTES = 50_000_000  # a glossary of a million long terms; a bigger file is the wrong file
MAX_CANDIDATES = 2000  # ranking stops here, so a glossary of 100 000 lines costs no more than one of 2 000
ENGLISH = "en"
CHINESE = "zh"
OTHER = "*"  # any other language, or a chunk whose language could not be detected

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")
_SEPARATOR = {ENGLISH: ", ", CHINESE: "、", OTHER: ", "}
# A label before the list and a full stop after it tell Whisper where the hint ends: a bare list of names
# made it *continue the list* into the transcript (measured: 16/22 names right, 1 leaked; labelled: 17, 0).
_FRAME = {ENGLISH: ("Names and terms of the workshop: ", "."), CHINESE: ("工作坊的人名與詞彙：", "。"),
          OTHER: ("Names and terms of the workshop: ", ".")}

TokenCounter = Callable[[str], int]


@dataclass(frozen=True)
class Hints:
    """Decoding hints per chunk language: Whisper language code (or :data:`OTHER`) → the hint text, and
    the terms it lists (those a transcript may be respelt with)."""

    by_language: dict[str, str] = field(default_factory=dict)
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def for_language(self, language: str | None) -> str | None:
        """The hint for a chunk in ``language``; None when there is nothing to say.

        A language with its own entry keeps it even when empty: a glossary without Han terms gives
        Mandarin chunks no hint rather than a list of English names.
        """
        key = language if language in self.by_language else OTHER
        return self.by_language.get(key) or None

    def terms_for(self, language: str | None) -> tuple[str, ...]:
        """The terms listed in :meth:`for_language`'s hint."""
        return self.terms.get(language if language in self.by_language else OTHER, ())

    def __bool__(self) -> bool:
        return any(self.by_language.values())


def estimate_tokens(text: str) -> int:
    """A conservative token count without a tokenizer: Whisper's byte-level BPE spends up to two tokens
    on a Han character and about one per three Latin characters (names split into short pieces)."""
    han = sum(1 for ch in text if has_han(ch))
    return 2 * han + (len(text) - han + 2) // 3


def model_token_counter(model: WhisperModel) -> TokenCounter:
    """Count tokens exactly as faster-whisper will encode the hint (with its leading space)."""
    tokenizer = model.hf_tokenizer

    def count(text: str) -> int:
        return len(tokenizer.encode(" " + text, add_special_tokens=False).ids)

    return count


def unique_terms(terms: Iterable[str]) -> list[str]:
    """Terms with their spaces tidied, blanks dropped, and repeats (case-insensitively) kept once."""
    seen: set[str] = set()
    kept: list[str] = []
    for term in terms:
        term = " ".join(str(term).split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            kept.append(term)
    return kept


def clean_terms(terms: Iterable[str]) -> list[str]:
    """:func:`unique_terms` without over-long lines, stopping at :data:`MAX_CANDIDATES`."""
    kept: list[str] = []
    for term in unique_terms(terms):
        if len(term) > MAX_TERM_CHARS:
            continue
        kept.append(term)
        if len(kept) >= MAX_CANDIDATES:
            break
    return kept


def rank_terms(glossary: Sequence[str], roster: Sequence[Participant], planned: Sequence[Participant] = (),
               context: str = "") -> list[str]:
    """The candidate terms, most relevant first.

    1. the session's planned speakers and their organisations (they will surely be named);
    2. glossary terms that the session's title or summary mentions;
    3. the rest of the glossary, in the secretariat's order (they put the important ones first);
    4. everyone else on the roster, and their organisations.
    """
    def people(persons: Sequence[Participant]) -> list[str]:
        return [part for p in persons for part in (p.name, p.organisation) if part]

    context_key = context.casefold()
    # The whole glossary is searched (a substring test per term is cheap even for 100 000 terms), so a term
    # the session is about counts even when the secretariat appended it at the very end.
    mentioned = [t for t in glossary if t.strip() and t.strip().casefold() in context_key] if context_key else []
    return clean_terms([*people(planned), *mentioned, *glossary[:MAX_CANDIDATES], *people(roster)])


def split_terms(terms: Sequence[str], script: str) -> dict[str, list[str]]:
    """Terms for each chunk language, Han ones written in ``script``.

    A term mixing scripts (``馬世元 Maa Shyh-Yuan``) gives its Han part to Chinese chunks and its Latin
    part to the others.
    """
    split: dict[str, list[str]] = {ENGLISH: [], CHINESE: [], OTHER: []}
    for term in terms:
        if not has_han(term):
            split[ENGLISH].append(term)
            split[OTHER].append(term)
            if _ACRONYM.match(term):
                split[CHINESE].append(term)  # Mandarin speakers say "IOM" and "ECPAT" as letters
            continue
        # Han (and other non-Latin letters); punctuation such as "（" or "·" only separates.
        han = "".join(ch if has_han(ch) or (not ch.isascii() and ch.isalpha()) else " " for ch in term).split()
        latin = " ".join("".join(ch if ch.isascii() else " " for ch in term).split()).strip(" ,;()-")
        split[CHINESE].append(convert("".join(han), script))
        if latin and re.search(r"[A-Za-z]{2,}", latin):
            split[ENGLISH].append(latin)
            split[OTHER].append(latin)
    # Acronyms come after the Han terms in Chinese hints: the Han names are the ones Whisper misspells.
    split[CHINESE] = sorted(split[CHINESE], key=lambda t: not has_han(t))
    return {language: clean_terms(found) for language, found in split.items()}


def fit(terms: Sequence[str], separator: str, budget: int = TOKEN_BUDGET,
        count: TokenCounter = estimate_tokens) -> list[str]:
    """As many whole terms, in order, as fit in ``budget`` tokens once joined by ``separator``."""
    kept: list[str] = []
    used = 0
    for term in terms:
        cost = count(term) + (count(separator.strip()) if kept and separator.strip() else 0)
        if used + cost > budget:
            if cost > budget // 4:
                continue  # one long term must not starve the shorter ones after it
            break
        kept.append(term)
        used += cost
    return kept


def build_hints(terms: Sequence[str], script: str, *, budget: int = TOKEN_BUDGET,
                count: TokenCounter = estimate_tokens) -> Hints:
    """Hints for English, Chinese and other chunks from ranked ``terms``."""
    hints: dict[str, str] = {}
    listed: dict[str, tuple[str, ...]] = {}
    for language, found in split_terms(terms, script).items():
        head, tail = (convert(part, script) for part in _FRAME[language])
        listed[language] = tuple(fit(found, _SEPARATOR[language], budget - count(head + tail), count))
        hints[language] = f"{head}{_SEPARATOR[language].join(listed[language])}{tail}" if listed[language] else ""
    return Hints(hints, listed)


def session_hints(store: WorkshopStore, session: Session | None, script: str, *,
                  model: WhisperModel | None = None, budget: int = TOKEN_BUDGET,
                  extra_terms: Sequence[str] = ()) -> Hints:
    """The hints for transcribing ``session`` of the workshop in ``store``.

    ``extra_terms`` (e.g. from a ``--glossary FILE``) rank right after the session's planned speakers.
    Pass ``model`` to count tokens with its own tokenizer; without it a conservative estimate is used.
    """
    planned = store.session_participants(session.id) if session is not None and session.id is not None else []
    context = f"{session.title} {session.summary}" if session is not None else ""
    terms = rank_terms([*extra_terms, *store.glossary()], store.participants(), planned, context)
    if not terms:
        return Hints()
    count = model_token_counter(model) if model is not None else estimate_tokens
    return build_hints(terms, script, budget=budget, count=count)


def parse_glossary(text: str) -> list[str]:
    """Terms from the text of a glossary file: one per line (commas, semicolons, tabs and 、 also separate
    terms, so a spreadsheet column or a pasted list works too); ``#`` starts a comment."""
    terms: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        terms.extend(re.split(r"[,;、，；\t]", line))
    return unique_terms(terms)


def read_glossary_file(path: Path) -> list[str]:
    """The terms of a UTF-8 glossary file (see :func:`parse_glossary`); InputError if it cannot be read."""
    from minutes.fileio import read_input

    raw = read_input(path, limit=GLOSSARY_FILE_BYTES, what="a text file with one term per line")
    try:
        text = raw.decode("utf-8-sig")  # -sig: Notepad's byte order mark is no term
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text; save the glossary as UTF-8, one term per line.") from None
    return parse_glossary(text)


def edit_terms(terms: Sequence[str], *, add: Sequence[str] = (), remove: Sequence[str] = ()) -> list[str]:
    """``terms`` with ``add`` appended (repeats ignored, case-insensitively) and ``remove`` taken out.

    Raises InputError, changing nothing, for a term to remove that is not there.
    """
    kept = unique_terms([*terms, *add])
    there = {t.casefold() for t in kept}
    unwanted = unique_terms(remove)
    missing = [t for t in unwanted if t.casefold() not in there]
    if missing:
        listing = ", ".join(f'"{t}"' for t in missing)
        raise InputError(f"Not in the glossary: {listing}. Run 'minutes glossary --workshop DIR' to list it.")
    gone = {t.casefold() for t in unwanted}
    return [t for t in kept if t.casefold() not in gone]
