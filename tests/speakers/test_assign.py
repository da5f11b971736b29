"""Word-level speaker assignment and splitting of transcript segments."""

from __future__ import annotations

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
