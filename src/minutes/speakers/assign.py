"""Give transcript words a speaker from diarization turns, and split segments where the speaker changes.

Each word takes the speaker whose turns overlap it for the longest time (the idea of WhisperX's
``assign_word_speakers``); a word that no turn touches takes the speaker of the nearest turn, since the
speech detector and the recogniser disagree by a few hundred milliseconds at pauses. A segment whose words
belong to several speakers is split at each change, keeping the original text (spacing, punctuation) by cutting
it at the words' positions. :func:`overlap_spans` tells where two speakers talk at once, which a reviewer
should listen to.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate

TurnLike = tuple[float, float, int]


@dataclass(frozen=True)
class Word:
    """One recognised word; ``text`` may carry the recogniser's leading space (faster-whisper does)."""

    start: float
    end: float
    text: str
    speaker: int | None = None


@dataclass(frozen=True)
class Segment:
    """A transcript segment; ``speaker`` is None until :func:`assign_speakers` sets it."""

    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    speaker: int | None = None


# Output segments are plain Segments with ``speaker`` set; the alias documents intent at call sites.
SpeakerSegment = Segment


def _as_word(w: Word | tuple[float, float, str]) -> Word:
    return w if isinstance(w, Word) else Word(float(w[0]), float(w[1]), str(w[2]))


class _TurnIndex:
    """Turns in order of start, with the latest end reached so far: the turns a word may overlap, or the nearest
    ones, are found by bisection instead of a scan of every turn (a 90-minute session has thousands of turns and
    tens of thousands of words)."""

    def __init__(self, turns: Iterable[TurnLike]) -> None:
        self.turns = sorted((float(a), float(b), int(s)) for a, b, s in turns)
        self.starts = [t[0] for t in self.turns]
        self.reach = list(accumulate((t[1] for t in self.turns), max))

    def speaker_for(self, start: float, end: float) -> int | None:
        turns, reach = self.turns, self.reach
        if not turns:
            return None
        later = bisect_left(self.starts, end)  # turns before this index start before the word ends
        overlap: dict[int, float] = {}
        j = later - 1
        while j >= 0 and reach[j] > start:
            t_start, t_end, spk = turns[j]
            ov = min(end, t_end) - max(start, t_start)
            if ov > 0:
                overlap[spk] = overlap.get(spk, 0.0) + ov
            j -= 1
        if overlap:
            # Ties go to the lower speaker id so the result does not depend on turn order.
            return max(sorted(overlap), key=lambda s: overlap[s])
        # The nearest turns: those ending last among the earlier ones, and those starting first among the later.
        nearest: list[TurnLike] = []
        if later:
            reached = min(reach[later - 1], start) - _EPSILON
            j = later - 1
            while j >= 0 and reach[j] >= reached:
                if turns[j][1] >= reached:
                    nearest.append(turns[j])
                j -= 1
        j = later
        while j < len(turns) and turns[j][0] <= turns[later][0] + _EPSILON:
            nearest.append(turns[j])
            j += 1

        def distance(turn: TurnLike) -> float:
            return max(turn[0] - end, start - turn[1], 0.0)

        return min(nearest, key=lambda t: (distance(t), t[2]))[2]


_EPSILON = 1e-6  # seconds: a margin so that rounding never leaves a nearest turn out of the candidates


def speaker_for(start: float, end: float, turns: Iterable[TurnLike]) -> int | None:
    """Speaker overlapping ``[start, end]`` the longest; else the nearest turn's; None without turns."""
    return _TurnIndex(turns).speaker_for(start, end)


def _cut_points(text: str, words: Sequence[Word]) -> list[int] | None:
    """Character offset in ``text`` where each word starts, or None if the words cannot be found in order."""
    cursor, points = 0, []
    for w in words:
        token = w.text.strip()
        pos = text.find(token, cursor) if token else cursor
        if pos < 0:
            return None
        points.append(pos)
        cursor = pos + len(token)
    return points


def _join(words: Sequence[Word]) -> str:
    # Recognisers that keep spacing in word text (faster-whisper, and CJK without spaces) join as-is;
    # bare tokens get single spaces.
    if any(w.text[:1].isspace() for w in words):
        return "".join(w.text for w in words).strip()
    return " ".join(w.text.strip() for w in words if w.text.strip())


def _split(seg: Segment, words: list[Word]) -> list[Segment]:
    runs: list[list[Word]] = []
    for w in words:
        if runs and runs[-1][-1].speaker == w.speaker:
            runs[-1].append(w)
        else:
            runs.append([w])
    if len(runs) == 1:
        return [replace(seg, words=words, speaker=words[0].speaker)]
    points = _cut_points(seg.text, words)
    out: list[Segment] = []
    index = 0
    for i, run in enumerate(runs):
        if points is not None:
            lo = points[index] if i else 0
            hi = points[index + len(run)] if i < len(runs) - 1 else len(seg.text)
            text = seg.text[lo:hi].strip()
        else:
            text = _join(run)
        start = seg.start if i == 0 else run[0].start
        end = seg.end if i == len(runs) - 1 else run[-1].end
        out.append(Segment(start=start, end=max(start, end), text=text, words=run, speaker=run[0].speaker))
        index += len(run)
    return out


def assign_speakers(
    segments: Iterable[Segment], turns: Iterable[TurnLike]
) -> list[Segment]:
    """New segments, each spoken by one speaker, with every word's ``speaker`` set.

    ``turns`` are ``(start, end, speaker)`` (e.g. ``Diarization.turns``). Segments without words take the
    speaker that overlaps them most. With no turns at all, speakers stay None.
    """
    index = _TurnIndex(turns)
    out: list[Segment] = []
    for seg in segments:
        words = [_as_word(w) for w in seg.words]
        if not words:
            out.append(replace(seg, words=[], speaker=index.speaker_for(seg.start, seg.end)))
            continue
        words = [replace(w, speaker=index.speaker_for(w.start, w.end)) for w in words]
        out.extend(_split(seg, words))
    return out


def overlap_spans(turns: Iterable[TurnLike], min_seconds: float = 0.2) -> list[tuple[float, float]]:
    """Stretches where turns of two different speakers overlap for at least ``min_seconds``, in time order."""
    spans: list[tuple[float, float]] = []
    active: list[TurnLike] = []
    for turn in sorted((float(a), float(b), int(s)) for a, b, s in turns):
        active = [t for t in active if t[1] > turn[0]]
        for other in active:
            end = min(other[1], turn[1])
            if other[2] != turn[2] and end - turn[0] >= min_seconds:
                spans.append((turn[0], end))
        active.append(turn)
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
