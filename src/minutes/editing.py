"""Transcript edits as pure functions on segments: change text, split, merge, find and replace.

Each function returns new segments and leaves its arguments alone, so an undo command can keep the
before and after states and hand them to :meth:`WorkshopStore.replace_segments`. Word times are kept
where the words still match the text and spread over the segment by length where they no longer do,
so the audio of any part of an edited segment can still be found.

A word's text keeps Whisper's convention: it starts with a space when it starts a word, so a segment
whose first word has none continues a word cut at the segment's start (see :func:`merge`).
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
    """Word times for ``text``: the old ones if the words still line up, else spread by length.

    The first word keeps the leading space that says it starts a word (a segment's text has none).
    """
    pieces = tokens(text)
    if pieces and not has_han(pieces[0]) and _starts_word(old_words):
        pieces[0] = " " + pieces[0].lstrip()
    if len(pieces) == len(old_words):
        return [replace(w, text=p) for w, p in zip(old_words, pieces, strict=True)]
    total = sum(len(p.strip()) for p in pieces) or 1
    words, at = [], start
    for piece in pieces:
        length = (end - start) * len(piece.strip()) / total
        words.append(Word(round(at, 3), round(at + length, 3), piece, 1.0))
        at += length
    return words


def _starts_word(words: list[Word]) -> bool:
    """True unless the first word is the rest of a word cut at the segment's start."""
    return not words or words[0].text[:1].isspace() or has_han(words[0].text[:1])


def edit_text(segment: Segment, text: str) -> Segment:
    """The segment with new text (an edit makes provisional text final)."""
    return replace(segment, text=text, provisional=False, words=retime(text, segment.start, segment.end, segment.words))


def split(segment: Segment, position: int) -> tuple[Segment, Segment]:
    """Cut the segment's text at character ``position``; the time is cut where that word starts, or inside
    the word (in proportion to its letters) when the cut falls inside one."""
    text = segment.text
    position = max(1, min(position, len(text) - 1))
    left_text, right_text = text[:position].rstrip(), text[position:].lstrip()
    words = segment.words if segment.words else retime(text, segment.start, segment.end, [])
    left_count = len(tokens(left_text))
    inside = _inside_word(text, position) and len(tokens(text)) == len(words)
    if inside:
        word = words[left_count - 1]
        letters = word.text.strip()
        head = len(tokens(left_text)[-1].strip())
        cut = round(word.start + (word.end - word.start) * head / max(len(letters), 1), 3)
        left_words = [*words[: left_count - 1], replace(word, end=cut, text=word.text[: len(word.text) - len(letters)]
                                                        + letters[:head])]
        right_words = [replace(word, start=cut, text=letters[head:]), *words[left_count:]]
    else:
        if 0 < left_count < len(words):
            cut = words[left_count].start
        else:
            cut = segment.start + (segment.end - segment.start) * position / max(len(text), 1)
        left_words, right_words = words[:left_count], words[left_count:]
    cut = min(max(cut, segment.start), segment.end)
    left = replace(segment, id=None, end=cut, text=left_text, provisional=False,
                   words=retime(left_text, segment.start, cut, left_words))
    right = replace(segment, id=None, start=cut, text=right_text, provisional=False,
                    words=retime(right_text, cut, segment.end, right_words))
    return left, right


def _inside_word(text: str, position: int) -> bool:
    """True if ``position`` falls between two letters of one (non-Han) word."""
    before, after = text[position - 1 : position], text[position : position + 1]
    return bool(before and after) and not (before.isspace() or after.isspace() or has_han(before) or has_han(after))


def time_span(segment: Segment, first: int, last: int) -> tuple[float, float]:
    """The time of the characters ``first:last`` of the segment's text: from the first word they touch to
    the end of the last one (word times where the words match the text, else spread by length).
    Nothing selected means the whole segment."""
    text = segment.text
    first, last = max(0, min(first, last)), min(len(text), max(first, last))
    if first == last:
        return segment.start, segment.end
    words = retime(text, segment.start, segment.end, segment.words)
    touched, at = [], len(text) - sum(len(w.text) for w in words)  # the first word's leading space is not in text
    for word in words:
        begin, at = at, at + len(word.text)
        if begin < last and at > first and word.text.strip():
            touched.append(word)
    if not touched:
        return segment.start, segment.end
    return max(segment.start, touched[0].start), min(segment.end, touched[-1].end)


def merge(first: Segment, second: Segment) -> Segment:
    """One segment from two neighbours; the first one's speaker and language win. Chinese joins without a
    space, and so does a word cut in two (see :func:`cut_inside_word`)."""
    glued = has_han(first.text[-1:]) and has_han(second.text[:1]) or cut_inside_word(first, second)
    text = f"{first.text.rstrip()}{'' if glued else ' '}{second.text.lstrip()}"
    words = list(first.words) + list(second.words)
    if glued and first.words and second.words and not has_han(second.text[:1]):
        words[len(first.words) - 1 : len(first.words) + 1] = [
            replace(first.words[-1], end=second.words[0].end, text=first.words[-1].text + second.words[0].text.strip())]
    elif second.words and not glued:
        words[len(first.words)] = replace(second.words[0], text=" " + second.words[0].text.lstrip())
    return replace(first, id=None, end=max(first.end, second.end), text=text, provisional=False, words=words)


def cut_inside_word(first: Segment, second: Segment) -> bool:
    """True if ``first`` ends inside a word that ``second`` finishes: their words touch in time (no gap),
    the last one of ``first`` ends on a letter and the first one of ``second`` does not start a word."""
    if not first.words or not second.words:
        return False
    last, rest = first.words[-1], second.words[0]
    return (abs(rest.start - last.end) < 0.01 and last.text[-1:].isalnum() and rest.text[:1].isalnum()
            and not has_han(rest.text[:1]))


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
