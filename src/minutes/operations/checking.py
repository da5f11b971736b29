"""Checking a transcript against its audio: mark segments checked, correct words keeping their timing,
correct once and fix everywhere, and teach the glossary the right spelling.

The functions that change segments come in two halves: a pure one returning ``(before, after)`` pairs,
which the window hands to its undo stack, and one that stores them (the command line and tests). A
correction keeps the corrected words' times (spread over the new words when their number changes) and
makes them certain (probability 1): a person has heard them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from minutes.domain import Segment, Word
from minutes.editing import edit_text, retime
from minutes.operations.changes import OpChanges, OpResult
from minutes.operations.workshop import set_glossary
from minutes.store import WorkshopStore
from minutes.text.chinese import has_han

Change = tuple[Segment, Segment]
_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")


def checked_share(segments: Iterable[Segment]) -> float:
    """The share of the session's speech (by duration) in checked segments; 0 without speech."""
    total = checked = 0.0
    for segment in segments:
        length = max(segment.end - segment.start, 0.0)
        total += length
        checked += length if segment.checked else 0.0
    return checked / total if total > 0 else 0.0


def marked(segments: Iterable[Segment], checked: bool = True) -> list[Change]:
    """(before, after) for each segment whose checked state changes."""
    return [(s, replace(s, checked=checked)) for s in segments if s.checked != checked]


def word_offsets(segment: Segment) -> list[tuple[int, int]] | None:
    """Where each word's text sits in the segment's text, or None if the words no longer match it."""
    cursor, spans = 0, []
    for word in segment.words:
        token = word.text.strip()
        at = segment.text.find(token, cursor)
        if at < 0:
            return None
        spans.append((at, at + len(token)))
        cursor = at + len(token)
    return spans


def replace_span(segment: Segment, first: int, last: int, text: str) -> Segment:
    """The segment with characters ``first:last`` of its text replaced, the touched words' timing kept."""
    spans = word_offsets(segment)
    new_text = segment.text[:first] + text + segment.text[last:]
    touched = [i for i, (a, b) in enumerate(spans or []) if a < max(last, first + 1) and b > first]
    if spans is None or not touched:
        return edit_text(segment, new_text)
    lo, hi = touched[0], touched[-1] + 1
    old = segment.words[lo:hi]
    lead = old[0].text[: len(old[0].text) - len(old[0].text.lstrip())]
    piece = lead + segment.text[spans[lo][0]:first] + text + segment.text[last:spans[hi - 1][1]]
    fresh = [replace(w, probability=1.0) for w in retime(piece, old[0].start, old[-1].end, old)]
    words: list[Word] = [*segment.words[:lo], *fresh, *segment.words[hi:]]
    return replace(segment, text=new_text, words=words, provisional=False)


def correct_words(segment: Segment, first: int, last: int, text: str) -> Segment:
    """Words ``first:last`` of the segment replaced by ``text`` (one word or several), timing kept."""
    spans = word_offsets(segment)
    if spans is None or not 0 <= first < last <= len(spans):
        raise ValueError("the words to correct are not in the segment's text")
    return replace_span(segment, spans[first][0], spans[last - 1][1], text.strip())


def words_text(segment: Segment, first: int, last: int) -> str:
    """The text of words ``first:last`` as it reads in the segment."""
    spans = word_offsets(segment)
    if spans is None or not 0 <= first < last <= len(spans):
        return "".join(w.text for w in segment.words[first:last]).strip()
    return segment.text[spans[first][0]:spans[last - 1][1]]


def occurrence_pattern(wrong: str) -> re.Pattern[str]:
    """The search for other occurrences of a wrong word, ignoring case: whole words for Latin script (even
    when they end in punctuation), as is for Han."""
    body = re.escape(wrong.strip())
    if not has_han(wrong):
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, re.IGNORECASE)


def core(wrong: str, right: str) -> tuple[str, str]:
    """The words of a correction without the punctuation around them ("Wong Lee." → "Wang Li." gives
    "Wong Lee" → "Wang Li"), so it is found before a comma as well as before a full stop."""
    return _PUNCTUATION.sub("", wrong), _PUNCTUATION.sub("", right)


def corrected_everywhere(segments: Iterable[Segment], wrong: str, right: str, *, skip: Iterable[int] = ()
                         ) -> list[Change]:
    """(before, after) for every segment holding ``wrong``, replaced by ``right`` with timing kept."""
    if not wrong.strip() or wrong.strip() == right.strip():
        return []
    pattern = occurrence_pattern(wrong)
    skipped = set(skip)
    changes = []
    for segment in segments:
        if segment.id in skipped:
            continue
        after = segment
        for match in reversed(list(pattern.finditer(segment.text))):
            after = replace_span(after, match.start(), match.end(), right.strip())
        if after is not segment:
            changes.append((segment, after))
    return changes


def add_to_glossary(store: WorkshopStore, term: str) -> OpResult[None]:
    """Add a term to the workshop glossary (the next transcription spells it so), undoably; nothing if it is
    there."""
    terms = store.glossary()
    if not term.strip() or term.strip() in terms:
        return OpResult(None, OpChanges())
    return set_glossary(store, [*terms, term.strip()])
