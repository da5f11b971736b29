"""Off the record: which segments a confidential annotation covers — the one rule every export applies.

A rapporteur marks a span "off the record" with a confidential annotation (anchored to time, like every
annotation). The text of every segment sharing time with such a span is left out of everything meant for
circulation — Word minutes, their annex, and txt, SRT and WebVTT transcripts — unless the user asks for it
(``--include-confidential``). Only the JSON interchange file keeps it, with its flag, because it moves a
session between the rapporteur's own laptops.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from minutes.domain import Annotation, Segment
from minutes.store.tagging import overlaps


def segment_finder(segments: Sequence[Segment]) -> Callable[[float, float], list[int]]:
    """``within(start, end)``: the indices of the segments (in time order) sharing time with that span.

    Found by bisection on the start times, so tagging a long session costs no more than a short one.
    """
    starts = [s.start for s in segments]
    longest = max((s.end - s.start for s in segments), default=0.0)

    def within(start: float, end: float) -> list[int]:
        first, last = bisect_left(starts, start - max(longest, 0.0)), bisect_right(starts, end)
        return [i for i in range(first, last) if overlaps(segments[i].start, segments[i].end, start, end)]

    return within


def off_the_record(annotations: Sequence[Annotation], within: Callable[[float, float], list[int]]) -> set[int]:
    """Indices (as ``within`` gives them) of the segments under a confidential annotation."""
    return {i for a in annotations if a.confidential for i in within(a.start, a.end)}


def shown_segments(segments: Sequence[Segment], annotations: Sequence[Annotation]) -> list[Segment | None]:
    """The segments (in time order) with each run of off-the-record ones replaced by one None."""
    hidden = off_the_record(annotations, segment_finder(segments))
    shown: list[Segment | None] = []
    for i, segment in enumerate(segments):
        if i not in hidden:
            shown.append(segment)
        elif not shown or shown[-1] is not None:
            shown.append(None)
    return shown
