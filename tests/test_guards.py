"""Guards against repetition loops and phantom phrases."""

from minutes.asr.guards import RepeatFilter, collapse_repeats, is_phantom
from minutes.domain import Segment, Word


def words(text: str) -> list[Word]:
    return [Word(i, i + 1, f" {w}") for i, w in enumerate(text.split())]


def test_a_looping_phrase_is_kept_once():
    looped = words("so we agreed I hear that. I hear that. I hear that. I hear that. thanks")
    assert "".join(w.text for w in collapse_repeats(looped)).strip() == "so we agreed I hear that. thanks"


def test_ordinary_repetition_is_left_alone():
    said = words("no no we will we will act")
    assert collapse_repeats(said) == said


def test_repeated_segments_are_dropped_after_one_repeat():
    guard = RepeatFilter()
    said = ["Yes.", "yes", "Yes!", "Next point.", ""]
    results = [guard.accept(Segment(i, i + 1, text)) for i, text in enumerate(said)]
    assert results == [True, True, False, True, False]


def test_the_same_words_after_a_pause_are_kept():
    guard = RepeatFilter()
    assert all(guard.accept(Segment(t, t + 1, "Thank you.")) for t in (0, 30, 60, 90))


def test_phantom_phrases_need_low_confidence():
    assert is_phantom("Thank you for watching!", avg_logprob=-1.2, no_speech_prob=0.1)
    assert not is_phantom("Thank you for watching!", avg_logprob=-0.2, no_speech_prob=0.05)
    assert not is_phantom("We thank the delegates.", avg_logprob=-1.2, no_speech_prob=0.9)
