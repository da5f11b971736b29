"""Checking a transcript: checked segments stored, words corrected with their timing, corrections applied
to the other occurrences, and the glossary taught the right spelling."""

from __future__ import annotations

import pytest

from minutes.domain import Segment, Session, Word
from minutes.operations import checking, transcript
from minutes.store import WorkshopStore


def english(start: float, text: str, probability: float = 0.4, id: int | None = None) -> Segment:
    words = [Word(start + i, start + i + 0.8, f" {w}", probability) for i, w in enumerate(text.split())]
    return Segment(start, words[-1].end, text, words=words, id=id)


@pytest.fixture
def session(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        session = store.add_session(Session(title="S1"))
        store.add_segments(session.id, [
            english(0.0, "Thank you, Mr. Wong Lee."),
            english(10.0, "Mr. Wong Lee spoke of Taipei."),
            english(20.0, "Nobody was wrong."),
            Segment(30.0, 32.0, "王力說得對", language="zh",
                    words=[Word(30.0 + i * 0.4, 30.3 + i * 0.4, ch, 0.3) for i, ch in enumerate("王力說得對")]),
        ])
        yield store, session.id


def test_checked_segments_are_stored_and_counted_by_duration(session):
    store, session_id = session
    first, second, third, fourth = store.segments(session_id)
    assert checking.checked_share(store.segments(session_id)) == 0.0
    store_changes(store, session_id, checking.marked([first, third]))
    stored = store.segments(session_id)
    assert [s.checked for s in stored] == [True, False, True, False]
    durations = [s.end - s.start for s in stored]
    assert checking.checked_share(stored) == pytest.approx((durations[0] + durations[2]) / sum(durations))
    store_changes(store, session_id, checking.marked([stored[0]], checked=False))
    assert [s.checked for s in store.segments(session_id)] == [False, False, True, False]
    assert checking.marked(store.segments(session_id)[2:3]) == []  # already checked: nothing to change


def store_changes(store, session_id, changes) -> None:  # noqa: ANN001 - test helper
    """Store (before, after) pairs as the review's undo step does."""
    transcript.replace_segments(store, session_id, [b.id for b, _ in changes], [a for _, a in changes])


def test_a_corrected_word_keeps_its_timing_and_becomes_certain(session):
    store, session_id = session
    segment = store.segments(session_id)[0]
    assert checking.words_text(segment, 3, 5) == "Wong Lee."
    fixed = checking.correct_words(segment, 3, 4, "Wang")
    assert fixed.text == "Thank you, Mr. Wang Lee."
    assert [w.text for w in fixed.words] == [" Thank", " you,", " Mr.", " Wang", " Lee."]
    assert [(w.start, w.end) for w in fixed.words] == [(w.start, w.end) for w in segment.words]
    assert fixed.words[3].probability == 1.0 and fixed.words[4].probability == 0.4
    two = checking.correct_words(segment, 3, 5, "Wang Li.")
    assert two.text == "Thank you, Mr. Wang Li." and two.words[4].end == segment.words[4].end


def test_a_correction_reaches_every_occurrence_but_not_inside_other_words(session):
    store, session_id = session
    first, second, third, fourth = store.segments(session_id)
    fixed = checking.correct_words(first, 3, 5, "Wang Li.")
    changes = checking.corrected_everywhere(store.segments(session_id), "Wong Lee", "Wang Li", skip=[first.id])
    assert [(b.id, a.text) for b, a in changes] == [(second.id, "Mr. Wang Li spoke of Taipei.")]
    after = changes[0][1]
    assert [w.text for w in after.words[:3]] == [" Mr.", " Wang", " Li"]
    assert after.words[1].start == second.words[1].start and after.words[2].end == second.words[2].end
    assert not checking.corrected_everywhere([third], "wrong", "wrong")
    store_changes(store, session_id, [(first, fixed), *changes])
    assert [s.text for s in store.segments(session_id)][:3] == [
        "Thank you, Mr. Wang Li.", "Mr. Wang Li spoke of Taipei.", "Nobody was wrong."]


def test_han_corrections_replace_characters_with_their_times(session):
    store, session_id = session
    chinese = store.segments(session_id)[3]
    changes = checking.corrected_everywhere([chinese], "王力", "王立")
    after = changes[0][1]
    assert after.text == "王立說得對"
    assert [w.text for w in after.words] == list("王立說得對")
    assert [w.start for w in after.words] == [w.start for w in chinese.words]
    assert [w.probability for w in after.words] == [1.0, 1.0, 0.3, 0.3, 0.3]


def test_the_glossary_learns_the_right_spelling_once(session):
    store, _ = session
    store.set_glossary(["Taipei"])
    assert checking.add_to_glossary(store, " Wang Li ").changes.glossary
    assert not checking.add_to_glossary(store, "Wang Li").changes.glossary
    assert store.glossary() == ["Taipei", "Wang Li"]
