"""Transcript edits as pure functions on segments: change text, split, merge, find and replace.

Each function returns new segments and leaves its arguments alone, so an undo command can keep the
before and after states and hand them to :meth:`WorkshopStore.replace_segments`. Word times are kept
where the words still match the text and spread over the segment by length where they no longer do,
so the audio of any part of an edited segment can still be found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from minutes.domain import Segment, Word
from minutes.text.chinese import has_han

_TOKEN = re.compile(r"\s*[\u3400-\u4dbf\u4e00-\u9fff]|\s*[^\s\u3400-\u4dbf\u4e00-\u9fff]+")


def tokens(text: str) -> list[str]:
    """Words with their leading spaces; each Han character is a token, as Whisper times them."""
    return _TOKEN.findall(text)


def retime(text: str, start: float, end: float, old_words: list[Word]) -> list[Word]:
    """Word times for ``text``: the old ones if the words still line up, else spread by length."""
    pieces = tokens(text)
    if len(pieces) == len(old_words):
        return [replace(w, text=p) for w, p in zip(old_words, pieces, strict=True)]
    total = sum(len(p.strip()) for p in pieces) or 1
    words, at = [], start
    for piece in pieces:
        length = (end - start) * len(piece.strip()) / total
        words.append(Word(round(at, 3), round(at + length, 3), piece, 1.0))
        at += length
    return words


def edit_text(segment: Segment, text: str) -> Segment:
    """The segment with new text (an edit makes provisional text final)."""
    return replace(segment, text=text, provisional=False, words=retime(text, segment.start, segment.end, segment.words))


def split(segment: Segment, position: int) -> tuple[Segment, Segment]:
    """Cut the segment's text at character ``position``; the time is cut where that word starts."""
    text = segment.text
    position = max(1, min(position, len(text) - 1))
    left_text, right_text = text[:position].rstrip(), text[position:].lstrip()
    words = segment.words if segment.words else retime(text, segment.start, segment.end, [])
    left_count = len(tokens(left_text))
    if 0 < left_count < len(words):
        cut = words[left_count].start
    else:
        cut = segment.start + (segment.end - segment.start) * position / max(len(text), 1)
    cut = min(max(cut, segment.start), segment.end)
    left = replace(segment, id=None, end=cut, text=left_text, provisional=False,
                   words=retime(left_text, segment.start, cut, words[:left_count]))
    right = replace(segment, id=None, start=cut, text=right_text, provisional=False,
                    words=retime(right_text, cut, segment.end, words[left_count:]))
    return left, right


def time_span(segment: Segment, first: int, last: int) -> tuple[float, float]:
    """The time of the characters ``first:last`` of the segment's text: from the first word they touch to
    the end of the last one (word times where the words match the text, else spread by length).
    Nothing selected means the whole segment."""
    text = segment.text
    first, last = max(0, min(first, last)), min(len(text), max(first, last))
    if first == last:
        return segment.start, segment.end
    words = retime(text, segment.start, segment.end, segment.words)
    touched, at = [], 0
    for word in words:
        begin, at = at, at + len(word.text)
        if begin < last and at > first and word.text.strip():
            touched.append(word)
    if not touched:
        return segment.start, segment.end
    return max(segment.start, touched[0].start), min(segment.end, touched[-1].end)


def merge(first: Segment, second: Segment) -> Segment:
    """One segment from two neighbours; the first one's speaker and language win."""
    joiner = "" if has_han(first.text[-1:]) and has_han(second.text[:1]) else " "
    text = f"{first.text.rstrip()}{joiner}{second.text.lstrip()}"
    return replace(first, id=None, end=max(first.end, second.end), text=text, provisional=False,
                   words=list(first.words) + list(second.words))


def find_pattern(needle: str, *, match_case: bool = False, whole_words: bool = False) -> re.Pattern[str]:
    """The compiled search for ``needle`` as typed (not a regular expression)."""
    body = re.escape(needle)
    if whole_words:
        body = rf"\b{body}\b"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def replace_all(segments: list[Segment], needle: str, replacement: str, *, match_case: bool = False,
                whole_words: bool = False) -> list[tuple[Segment, Segment]]:
    """(before, after) for every segment whose text changes."""
    if not needle:
        return []
    pattern = find_pattern(needle, match_case=match_case, whole_words=whole_words)
    changes = []
    for segment in segments:
        text = pattern.sub(lambda _m: replacement, segment.text)
        if text != segment.text:
            changes.append((segment, edit_text(segment, text)))
    return changes
