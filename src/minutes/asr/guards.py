"""Guards against Whisper's failure modes on silence, noise and conversation.

Whisper can loop ("I hear that. I hear that. ...") and can invent stock phrases over silence. The
decoder thresholds catch much of it; these guards remove what gets through: phrases repeated inside a
segment, a segment repeating the previous ones, and well-known phantom phrases said with low confidence.
What they touched is recorded in ``Segment.flags`` (the ``FLAG_*`` names), so a reviewer is led to it.
"""

from __future__ import annotations

import re

from minutes.domain import Segment, Word

_MAX_PHRASE_WORDS = 8
_MIN_REPEATS = 3
_PHANTOMS = (
    "thank you for watching", "thanks for watching", "please subscribe", "subtitles by",
    "amara.org", "字幕由", "請不吝點贊", "请不吝点赞", "谢谢观看", "謝謝觀看", "優優獨播劇場",
)
FLAG_REPEAT = "repeat"  # the segment's line came again right after it, and the repeats were dropped
FLAG_PHANTOM = "phantom"  # a stock phantom phrase was dropped just before the segment
FLAG_LOOP = "loop"  # a phrase looping inside the segment was collapsed
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalised(text: str) -> str:
    """Lower-case text without punctuation or spaces, for comparing lines."""
    return _PUNCT.sub("", text.casefold())


def collapse_repeats(words: list[Word]) -> list[Word]:
    """Keep one copy of any phrase of up to eight words repeated three or more times in a row."""
    keys = [normalised(w.text) for w in words]
    kept: list[Word] = []
    i = 0
    while i < len(words):
        skipped = False
        for size in range(1, _MAX_PHRASE_WORDS + 1):
            phrase = keys[i : i + size]
            if len(phrase) < size or not any(phrase):
                break
            repeats = 1
            while keys[i + repeats * size : i + (repeats + 1) * size] == phrase:
                repeats += 1
            if repeats >= _MIN_REPEATS:
                kept.extend(words[i : i + size])
                i += repeats * size
                skipped = True
                break
        if not skipped:
            kept.append(words[i])
            i += 1
    return kept


def is_phantom(text: str, avg_logprob: float, no_speech_prob: float) -> bool:
    """A stock phrase Whisper invents over silence, said with little confidence."""
    key = text.casefold()
    doubtful = avg_logprob < -0.7 or no_speech_prob > 0.4
    return doubtful and any(p in key for p in _PHANTOMS)


class RepeatFilter:
    """Drops a segment whose text already appeared twice among the last few back-to-back segments.

    A decoding loop emits the same line again and again without a pause; people do say "Yes." twice,
    and "Thank you." a minute apart, so one repeat is let through and a pause resets the memory.
    """

    def __init__(self, window: int = 3, pause: float = 2.0) -> None:
        self._recent: list[str] = []
        self._window = window
        self._pause = pause
        self._last_end: float | None = None
        self._kept: Segment | None = None

    def accept(self, segment: Segment) -> bool:
        key = normalised(segment.text)
        if not key:
            return False
        if self._last_end is not None and segment.start - self._last_end > self._pause:
            self._recent = []
        self._last_end = segment.end
        if self._recent.count(key) >= 2:
            # The kept copy is where the loop was: flag it (the caller still holds it, unless already stored).
            if self._kept is not None and FLAG_REPEAT not in self._kept.flags:
                self._kept.flags.append(FLAG_REPEAT)
            return False
        self._recent = (self._recent + [key])[-self._window :]
        self._kept = segment
        return True
