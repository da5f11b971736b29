"""Word-level speaker assignment and splitting of transcript segments."""

from __future__ import annotations

import random

from minutes.speakers import Segment, Turn, Word, assign_speakers
from minutes.speakers.assign import speaker_for

TURNS = [Turn(0.0, 4.0, 0), Turn(4.0, 8.0, 1), Turn(9.0, 10.0, 0)]


def test_word_takes_the_speaker_it_overlaps_most():
    assert speaker_for(3.5, 4.2, TURNS) == 0
    assert speaker_for(3.9, 4.6, TURNS) == 1
    # Overlapping turns: the longer overlap wins.
    assert speaker_for(1.0, 2.0, [Turn(0, 1.2, 0), Turn(1.1, 3, 1)]) == 1


def test_word_without_overlap_takes_nearest_turn():
    assert speaker_for(8.3, 8.5, TURNS) == 1
    assert speaker_for(8.7, 8.9, TURNS) == 0
    assert speaker_for(20.0, 21.0, TURNS) == 0
    assert speaker_for(1.0, 2.0, []) is None


def test_segment_is_split_where_the_speaker_changes():
    seg = Segment(
        2.0, 6.0, " Yes, I agree. What about costs?",
        [Word(2.0, 2.4, " Yes,"), Word(2.5, 2.8, " I"), Word(2.8, 3.6, " agree."),
         Word(4.2, 4.6, " What"), Word(4.6, 5.0, " about"), Word(5.0, 5.8, " costs?")],
    )
    out = assign_speakers([seg], TURNS)
    assert [(s.speaker, s.text) for s in out] == [(0, "Yes, I agree."), (1, "What about costs?")]
    assert (out[0].start, out[0].end) == (2.0, 3.6)
    assert (out[1].start, out[1].end) == (4.2, 6.0)
    assert [w.speaker for w in out[0].words] == [0, 0, 0]
    assert [w.speaker for w in out[1].words] == [1, 1, 1]


def test_tuples_bare_tokens_and_cjk():
    # Words given as tuples with bare tokens; text found in the segment text keeps its punctuation.
    seg = Segment(3.0, 5.0, "好的 那么我们开始", [(3.0, 3.5, "好的"), (4.1, 4.5, "那么"), (4.5, 5.0, "我们开始")])
    out = assign_speakers([seg], TURNS)
    assert [(s.speaker, s.text) for s in out] == [(0, "好的"), (1, "那么我们开始")]
    # Word text that is not in the segment text falls back to joining the words.
    odd = Segment(3.0, 5.0, "something else", [(3.0, 3.5, "hello"), (4.1, 4.5, "world")])
    assert [s.text for s in assign_speakers([odd], TURNS)] == ["hello", "world"]


def test_one_speaker_segment_is_kept_whole_and_wordless_segments_use_their_span():
    seg = Segment(0.5, 2.0, "Hello there.", [Word(0.5, 1.0, " Hello"), Word(1.0, 2.0, " there.")])
    empty = Segment(4.5, 7.0, "[music]")
    out = assign_speakers([seg, empty], TURNS)
    assert [(s.speaker, s.text, s.start, s.end) for s in out] == [
        (0, "Hello there.", 0.5, 2.0),
        (1, "[music]", 4.5, 7.0),
    ]
    assert out[0].words[0].speaker == 0


def test_no_turns_leaves_speakers_unknown():
    seg = Segment(0.0, 1.0, "hi", [Word(0.0, 1.0, "hi")])
    out = assign_speakers([seg], [])
    assert out[0].speaker is None and out[0].words[0].speaker is None


def test_alternating_words_split_into_several_segments():
    turns = [Turn(0, 1, 0), Turn(1, 2, 1), Turn(2, 3, 0)]
    seg = Segment(0, 3, "a b c", [(0.1, 0.9, " a"), (1.1, 1.9, " b"), (2.1, 2.9, " c")])
    out = assign_speakers([seg], turns)
    assert [(s.speaker, s.text) for s in out] == [(0, "a"), (1, "b"), (0, "c")]


def every_turn_speaker_for(start: float, end: float, turns: list[Turn]) -> int | None:
    """The rule itself, by looking at every turn: longest overlap (ties to the lower id), else nearest turn."""
    if not turns:
        return None
    overlap: dict[int, float] = {}
    for t in turns:
        ov = min(end, t.end) - max(start, t.start)
        if ov > 0:
            overlap[t.speaker] = overlap.get(t.speaker, 0.0) + ov
    if overlap:
        return max(sorted(overlap), key=lambda s: overlap[s])
    return min(turns, key=lambda t: (max(t.start - end, start - t.end, 0.0), t.speaker)).speaker


def test_the_indexed_lookup_gives_what_looking_at_every_turn_gives():
    """Turns are looked up by bisection (a 90-minute session took 10 s with a scan of every turn per word);
    overlapping turns, gaps, ties of distance, words of no length and words past either end all agree."""
    rng = random.Random(7)
    for _ in range(200):
        turns, t = [], rng.choice([0.0, 0.5])
        for _ in range(rng.randint(0, 12)):
            t += rng.choice([-1.0, -0.25, 0.0, 0.5, 1.0, 2.0])  # overlaps, touching turns and gaps
            length = rng.choice([0.5, 1.0, 3.0, 7.5])
            turns.append(Turn(max(t, 0.0), max(t, 0.0) + length, rng.randint(0, 3)))
            t = max(t, 0.0) + length
        rng.shuffle(turns)
        for _ in range(30):
            start = rng.choice([rng.uniform(-2.0, t + 2.0), float(rng.randint(0, int(t) + 2)) / 2])
            end = start + rng.choice([0.0, 0.25, 0.5, 1.0, 4.0])
            assert speaker_for(start, end, turns) == every_turn_speaker_for(start, end, turns), (start, end, turns)
