"""Glossary spelling: names and terms of the workshop put into a transcript without letting them steer it.

Giving Whisper the glossary as hotwords during the transcription itself (measured with
``bench/bench_languages.py`` and ``tests/test_chinese.py``, Whisper base) spells names right but changes
everything else: segments grow to 20–30 s because Whisper writes fewer timestamps after a list, speech at
the end of a chunk is lost, and over the silent tail of a chunk Whisper copies the list into the text or
loops through its temperature fallbacks (ten times slower on a mixed-language session). So the
transcript comes from a pass without hints, and :func:`respell` decodes the same audio once more with
the hint as hotwords and without timestamps (one decode per window: no tail to loop over), and takes
only glossary terms from that second text. Where it writes a term (exactly, or nearly: "Ma Shyh-Yuan"
for "Maa Shyh-Yuan") and the first text has other words in that place, those words are replaced by the
term as the glossary spells it, keeping their times, provided they can be a mishearing of it: about as
many letters, a quarter of them in common (or for Han, about as many characters). Nothing else of the
first pass changes, and no word is added where the first pass heard nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import accumulate
from typing import TYPE_CHECKING

import numpy as np

from minutes.domain import Segment, Word
from minutes.text.chinese import convert, has_han

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]|[^\W_\u3400-\u4dbf\u4e00-\u9fff]+")
MIN_FOUND = 0.8  # how closely the hinted text must spell a term to count as writing it (difflib ratio)
MIN_LIKENESS = 0.25  # letters in common between the misheard words and the term (difflib ratio)


@dataclass(frozen=True)
class _Token:
    key: str  # compared form: lower case, Han characters in Simplified script
    start: int  # character span in the text it was found in
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(_key(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    return convert(token, "simplified").casefold() if has_han(token) else token.casefold()


def hinted_text(model: WhisperModel, audio: np.ndarray, language: str, hint: str, *, beam_size: int = 5) -> str:
    """What Whisper hears in ``audio`` with the glossary ``hint`` as hotwords (no timestamps, so no tail loops)."""
    pieces, _info = model.transcribe(
        audio,
        language=language,
        beam_size=beam_size,
        hotwords=hint,
        without_timestamps=True,
        condition_on_previous_text=False,
        vad_filter=True,
        vad_parameters={"min_silence_duration_ms": 500},
    )
    return " ".join(piece.text.strip() for piece in pieces)


def respell(model: WhisperModel, audio: np.ndarray, segments: list[Segment], language: str, hint: str | None,
            terms: Sequence[str], *, beam_size: int = 5) -> list[Segment]:
    """``segments`` (transcribed from ``audio``) with misheard glossary ``terms`` spelt as the glossary does."""
    if not hint or not terms or not any(s.words for s in segments):
        return segments
    return apply_terms(segments, hinted_text(model, audio, language, hint, beam_size=beam_size), terms)


def apply_terms(segments: list[Segment], hinted: str, terms: Sequence[str]) -> list[Segment]:
    """Replace, in ``segments``, the words that ``hinted`` (the same speech heard with the glossary) writes as
    one of ``terms``; see the module docstring for when a replacement is made."""
    joined = ["".join(word.text for word in segment.words) for segment in segments]
    offsets = [0, *accumulate(len(text) for text in joined)]
    plain = "".join(joined)
    ours, theirs = _tokens(plain), _tokens(hinted)
    blocks = SequenceMatcher(None, [t.key for t in ours], [t.key for t in theirs], autojunk=False).get_opcodes()
    candidates: list[tuple[float, int, int, str]] = []  # (likeness, first, last token of ours, term)
    for term in terms:
        wanted = "".join(t.key for t in _tokens(term))  # words run together: "Mae Sot" ≈ "me, Sot"
        for first, last in _occurrences(theirs, wanted):
            span = _counterpart(blocks, ours, theirs, first, last)
            if span is None:
                continue
            likeness = _likeness("".join(t.key for t in ours[span[0] : span[1]]), wanted)
            if likeness >= MIN_LIKENESS:
                candidates.append((likeness, *span, term))
    edits: dict[int, list[tuple[int, int, str]]] = {}  # segment → character spans of its words, and the term
    taken: list[tuple[int, int]] = []
    for _score, first, last, term in sorted(candidates, key=lambda c: -c[0]):
        begin, end = ours[first].start, ours[last - 1].end
        index = bisect_right(offsets, begin) - 1
        if end > offsets[index + 1] or any(a < end and begin < b for a, b in taken):
            continue  # across two segments, or already replaced by a likelier term
        taken.append((begin, end))
        edits.setdefault(index, []).append((begin - offsets[index], end - offsets[index], term))
    result = list(segments)
    for index, spans in edits.items():
        words = list(segments[index].words)
        for begin, end, term in sorted(spans, reverse=True):
            words = _replace_span(words, begin, end, term)
        result[index] = replace(segments[index], words=words, text="".join(w.text for w in words).strip())
    return result


def _replace_span(words: list[Word], begin: int, end: int, term: str) -> list[Word]:
    """``words`` with the characters ``begin:end`` of their joined text replaced by ``term``; the words
    touched become one word spanning their times."""
    bounds = [0, *accumulate(len(word.text) for word in words)]
    inside = [i for i in range(len(words)) if bounds[i] < end and begin < bounds[i + 1]]
    first, last = inside[0], inside[-1]
    text = "".join(word.text for word in words)
    spelt = text[bounds[first] : begin] + term + text[end : bounds[last + 1]]
    merged = Word(words[first].start, words[last].end, spelt, min(words[i].probability for i in inside))
    return [*words[:first], merged, *words[last + 1 :]]


def _occurrences(tokens: list[_Token], wanted: str) -> list[tuple[int, int]]:
    """Token spans of ``tokens`` that spell ``wanted`` (keys run together), exactly or nearly
    (:data:`MIN_FOUND`: "Ma Shyh-Yuan" for "Maa Shyh-Yuan"), not overlapping, best first."""
    found: list[tuple[float, int, int]] = []
    for first in range(len(tokens)):
        text = ""
        for last in range(first + 1, len(tokens) + 1):
            text += tokens[last - 1].key
            if len(text) > 1.5 * len(wanted) + 2:
                break
            likeness = 1.0 if text == wanted else SequenceMatcher(None, text, wanted).ratio()
            if likeness >= MIN_FOUND:
                found.append((likeness, first, last))
    kept: list[tuple[int, int]] = []
    for _likeness, first, last in sorted(found, key=lambda f: -f[0]):
        if all(last <= a or b <= first for a, b in kept):
            kept.append((first, last))
    return kept


def _counterpart(blocks: list[tuple[str, int, int, int, int]], ours: list[_Token], theirs: list[_Token],
                 first: int, last: int) -> tuple[int, int] | None:
    """The run of our tokens that tokens ``first:last`` of the hinted text stand for, or None when we have
    them already (all equal) or nothing there (an insertion).

    Within a block that differs, the term's share of the hinted letters is mapped onto our letters in
    proportion ("Huang Yi-Chun, Academia Sinica" over "Guanyi Chahama Kadeemya Siddhika"): our tokens
    whose middle falls inside it are the counterpart.
    """
    found: list[int] = []
    changed = False
    for tag, a1, a2, b1, b2 in blocks:
        if b1 == b2 or b2 <= first or b1 >= last:
            continue
        if tag == "equal":
            found += [a1 + b - b1 for b in range(max(b1, first), min(b2, last))]
            continue
        changed = True
        if a1 == a2:
            continue  # inserted: nothing of ours to replace
        theirs_at = [0, *accumulate(len(t.key) for t in theirs[b1:b2])]
        ours_at = [0, *accumulate(len(t.key) for t in ours[a1:a2])]
        scale = ours_at[-1] / max(theirs_at[-1], 1)
        low, high = theirs_at[max(b1, first) - b1] * scale, theirs_at[min(b2, last) - b1] * scale
        found += [a1 + i for i in range(a2 - a1) if low <= (ours_at[i] + ours_at[i + 1]) / 2 < high]
    if not changed or not found:
        return None
    return min(found), max(found) + 1


def _likeness(misheard: str, wanted: str) -> float:
    """How well ``misheard`` (token keys run together) can be a mishearing of ``wanted``: for Han, having
    about as many characters (homophones share none); else the share of letters in the same order, for
    about as many letters ("suit eye" for "Tzu Chi" shares few: the ear, not the eye, confused them)."""
    if has_han(wanted):
        return 1.0 if abs(len(misheard) - len(wanted)) <= 1 else 0.0
    if not 0.5 <= len(misheard) / len(wanted) <= 2:
        return 0.0
    return SequenceMatcher(None, misheard, wanted).ratio()
