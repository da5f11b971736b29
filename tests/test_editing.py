"""Transcript edits as pure functions."""

from minutes.domain import Segment, Word
from minutes.editing import edit_text, merge, replace_all, split, time_span, tokens


def segment() -> Segment:
    words = [Word(1.0, 1.5, " We", 0.9), Word(1.5, 2.0, " need", 0.9), Word(2.0, 2.6, " joint", 0.9),
             Word(2.6, 3.4, " inspections.", 0.9)]
    return Segment(1.0, 3.4, "We need joint inspections.", speaker_id=2, language="en", words=words, id=7)


def test_split_at_a_word_uses_its_time():
    left, right = split(segment(), len("We need "))
    assert (left.text, right.text) == ("We need", "joint inspections.")
    assert (left.start, left.end, right.start, right.end) == (1.0, 2.0, 2.0, 3.4)
    assert left.speaker_id == right.speaker_id == 2 and left.id is None
    assert [w.text.strip() for w in right.words] == ["joint", "inspections."]


def test_merge_restores_the_text_and_times():
    left, right = split(segment(), len("We need "))
    joined = merge(left, right)
    assert joined.text == "We need joint inspections."
    assert (joined.start, joined.end) == (1.0, 3.4)
    assert [w.start for w in joined.words] == [1.0, 1.5, 2.0, 2.6]


def test_chinese_merges_without_a_space_and_splits_per_character():
    a = Segment(0, 1, "人口販運", language="zh")
    b = Segment(1, 2, "防制", language="zh")
    assert merge(a, b).text == "人口販運防制"
    assert len(tokens("人口販運 and trafficking")) == 6
    left, right = split(merge(a, b), 4)
    assert (left.text, right.text) == ("人口販運", "防制")
    assert 0 < left.end < 2


def test_editing_keeps_word_times_when_words_line_up():
    edited = edit_text(segment(), "We need joint inspection.")
    assert [w.start for w in edited.words] == [1.0, 1.5, 2.0, 2.6]
    edited = edit_text(segment(), "Joint inspections are needed now, said the delegate.")
    assert edited.words[0].start == 1.0 and abs(edited.words[-1].end - 3.4) < 1e-3
    assert not edited.provisional


def test_replace_all_is_literal_and_case_aware():
    segs = [segment(), Segment(4, 5, "Joint (JOINT) task force.", id=8)]
    changes = replace_all(segs, "joint", "combined")
    assert [after.text for _, after in changes] == ["We need combined inspections.", "combined (combined) task force."]
    assert replace_all(segs, "joint", "combined", match_case=True)[1:] == []
    assert replace_all(segs, "(JOINT)", "[J]", match_case=True)[0][1].text == "Joint [J] task force."


def test_time_span_of_a_selection_follows_the_words():
    segment = Segment(10.0, 14.0, "forced criminality is rising", words=[
        Word(10.0, 10.5, " forced"), Word(10.6, 11.8, " criminality"), Word(11.9, 12.2, " is"),
        Word(12.3, 13.9, " rising")])
    start = segment.text.index("criminality")
    assert time_span(segment, start, start + len("criminality")) == (10.6, 11.8)
    assert time_span(segment, start + 3, len(segment.text)) == (10.6, 13.9), "a partly selected word counts"
    assert time_span(segment, 5, 5) == (10.0, 14.0), "no characters selected: the whole segment"
    chinese = Segment(0.0, 3.0, "人口販運", words=[Word(0.0, 0.6, "人"), Word(0.6, 1.2, "口"), Word(1.2, 2.0, "販"),
                                                  Word(2.0, 3.0, "運")])
    assert time_span(chinese, 2, 4) == (1.2, 3.0)


def test_merge_joins_a_word_cut_in_two_without_a_space():
    """Whisper (or a split at the cursor) cut "right" in two: no gap between the halves, and the second
    half does not start a word (no leading space), so the merge writes "right", not "ri ght"."""
    first = Segment(1.0, 3.2, "turn ri", words=[Word(1.0, 1.5, " turn"), Word(2.9, 3.2, " ri")])
    second = Segment(3.2, 4.0, "ght now", words=[Word(3.2, 3.5, "ght"), Word(3.6, 4.0, " now")])
    joined = merge(first, second)
    assert joined.text == "turn right now"
    assert [(w.text, w.start, w.end) for w in joined.words] == [
        (" turn", 1.0, 1.5), (" right", 2.9, 3.5), (" now", 3.6, 4.0)]


def test_merge_keeps_the_space_between_whole_words_even_when_their_times_touch():
    first = Segment(1.0, 2.0, "I think", words=[Word(1.0, 1.4, " I"), Word(1.4, 2.0, " think")])
    second = Segment(2.0, 2.5, "that", words=[Word(2.0, 2.5, " that")])
    assert merge(first, second).text == "I think that"
    apart = Segment(3.5, 4.0, "ght", words=[Word(3.5, 4.0, "ght")])  # a gap: two words after all
    assert merge(Segment(1.0, 3.2, "ri", words=[Word(2.9, 3.2, " ri")]), apart).text == "ri ght"
    # Split between words, the right part edited: its first word still starts a word.
    left, right = split(segment(), len("We need "))
    right = edit_text(right, "joint inspection.")
    assert merge(left, right).text == "We need joint inspection."


def test_split_inside_a_word_cuts_its_time_and_merge_puts_it_back():
    left, right = split(segment(), len("We need jo"))
    assert (left.text, right.text) == ("We need jo", "int inspections.")
    assert 2.0 < left.end == right.start < 2.6  # inside "joint" (2.0–2.6), in proportion to its letters
    assert [w.text for w in right.words] == ["int", " inspections."]
    joined = merge(left, right)
    assert joined.text == "We need joint inspections."
    assert [(w.text, w.start, w.end) for w in joined.words] == [(w.text, w.start, w.end) for w in segment().words]
