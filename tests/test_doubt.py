"""Doubt made visible: doubtful words, segment flags from the guards and the labelling, and the places a
reviewer jumps between."""

from __future__ import annotations

from types import SimpleNamespace

from minutes.asr.guards import FLAG_LOOP, FLAG_PHANTOM, FLAG_REPEAT, RepeatFilter
from minutes.asr.pipeline import to_segments
from minutes.audio.source import ArraySource
from minutes.domain import Segment, Word
from minutes.doubt import (
    FLAG_LANGUAGE_SWITCH,
    FLAG_NO_TEXT,
    FLAG_OVERLAP,
    FLAG_PROPOSED_SPEAKER,
    doubtful_places,
    doubtful_words,
    flagged_share,
    next_place,
    previous_place,
    segment_doubt,
    speech_spans,
    untranscribed,
)
from minutes.speakers import overlap_spans
from tests import speech


def said(*words: tuple[str, float], at: float = 0.0) -> list[Word]:
    """Words half a second each from ``at``, with the given probabilities."""
    return [Word(at + i * 0.5, at + i * 0.5 + 0.4, text, p) for i, (text, p) in enumerate(words)]


def test_words_below_the_threshold_are_doubtful_punctuation_never():
    words = said((" The", 0.9), (" Rapporteur", 0.3), (" said", 0.6), (" ,", 0.1))
    assert doubtful_words(words, 0.5) == (1,)
    assert doubtful_words(words, 0.7) == (1, 2)


def test_mixed_han_and_latin_words_are_a_language_switch():
    mixed = Segment(0, 2, "我們的 NGO 夥伴", words=said(("我", 1), ("們", 1), ("的", 1), (" NGO", 1), ("夥", 1)))
    plain = Segment(0, 2, "我們的夥伴", words=said(("我", 1), ("們", 1)))
    english = Segment(0, 2, "Our partners", words=said((" Our", 1), (" partners", 1)))
    assert FLAG_LANGUAGE_SWITCH in segment_doubt(mixed).flags
    assert not segment_doubt(plain) and not segment_doubt(english)


def test_stored_flags_and_unconfirmed_speakers_flag_the_segment():
    segment = Segment(0, 2, "Yes.", speaker_id=7, words=said((" Yes.", 0.95)), flags=[FLAG_REPEAT, "unknown"])
    doubt = segment_doubt(segment, unconfirmed_speakers={7})
    assert doubt.flags == (FLAG_REPEAT, FLAG_PROPOSED_SPEAKER)
    assert segment_doubt(segment, unconfirmed_speakers={8}).flags == (FLAG_REPEAT,)


def test_places_are_runs_of_doubtful_words_or_whole_flagged_segments_in_time_order():
    words = said((" a", 0.2), (" b", 0.3), (" c", 0.9), (" d", 0.9), (" e", 0.9), (" f", 0.1), at=10.0)
    unsure = Segment(10.0, 13.0, "a b c d e f", words=words, id=1)
    overlapped = Segment(2.0, 4.0, "Both talk", words=said((" Both", 0.99), (" talk", 0.99), at=2.0),
                         flags=[FLAG_OVERLAP], id=2)
    sure = Segment(20.0, 21.0, "Fine", words=said((" Fine", 0.99), at=20.0), id=3)
    places = doubtful_places([unsure, overlapped, sure])
    assert [(p.segment_id, p.first, p.last, p.flags) for p in places] == [
        (2, 0, 0, (FLAG_OVERLAP,)), (1, 0, 2, ()), (1, 5, 6, ())]
    assert places[1].start == 10.0 and places[1].end == words[1].end
    assert next_place(places, 10.0) is places[2] and next_place(places, 12.6) is None
    assert previous_place(places, 10.0) is places[0] and previous_place(places, 2.0) is None
    assert abs(flagged_share(places, 100.0) - (2.0 + 0.9 + 0.4) / 100.0) < 1e-9


def piece(text: str, *words: str, avg_logprob: float = -0.2, no_speech_prob: float = 0.01):
    """A faster-whisper segment as the pipeline receives it."""
    timed = [SimpleNamespace(start=i * 0.3, end=i * 0.3 + 0.25, word=w, probability=0.9) for i, w in enumerate(words)]
    return SimpleNamespace(text=text, start=0.0, end=len(words) * 0.3, words=timed, avg_logprob=avg_logprob,
                           no_speech_prob=no_speech_prob)


def test_the_pipeline_records_which_guard_touched_a_segment():
    looped = piece("we agreed I hear that I hear that I hear that", " we", " agreed", *[" I", " hear", " that"] * 3)
    phantom = piece("Thank you for watching", " Thank", " you", " for", " watching", avg_logprob=-1.2)
    after = piece("Next item", " Next", " item")
    out = list(to_segments([looped, phantom, after], lambda t: t, "en", None))
    assert [s.text for s in out] == ["we agreed I hear that", "Next item"]
    assert out[0].flags == [FLAG_LOOP] and out[1].flags == [FLAG_PHANTOM]


def test_a_dropped_repeat_flags_the_copy_that_was_kept():
    guard = RepeatFilter()
    lines = [Segment(i, i + 1, "I hear that.") for i in range(4)]
    kept = [s for s in lines if guard.accept(s)]
    assert len(kept) == 2 and kept[-1].flags == [FLAG_REPEAT] and kept[0].flags == []


def test_overlap_spans_are_where_two_speakers_talk_at_once():
    turns = [(0.0, 5.0, 0), (4.0, 6.0, 1), (5.5, 9.0, 0), (8.9, 12.0, 1), (20.0, 22.0, 0), (21.0, 23.0, 0)]
    assert overlap_spans(turns) == [(4.0, 5.0), (5.5, 6.0)]


def test_speech_without_text_is_a_place():
    segments = [Segment(0.0, 3.0, "a", id=1), Segment(3.5, 5.0, "b", id=2), Segment(12.0, 14.0, "c", id=3)]
    speech = [(0.0, 5.2), (6.0, 9.0), (11.0, 14.5), (20.0, 20.5)]
    found = untranscribed(speech, segments)
    assert [(p.segment_id, p.start, p.end, p.flags) for p in found] == [
        (None, 6.0, 9.0, (FLAG_NO_TEXT,)), (None, 11.0, 12.0, (FLAG_NO_TEXT,))]


def test_voice_activity_finds_the_speech_of_a_recording(data):
    clip = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    audio = ArraySource(speech.join(speech.silence(3.0), clip, speech.silence(4.0), clip))
    spans = speech_spans(audio, window=10.0)  # windows cut the second clip: it is joined again
    length = len(clip) / speech.RATE
    assert len(spans) == 2
    assert abs(spans[0][0] - 3.0) < 0.6 and abs(spans[0][1] - (3.0 + length)) < 0.6
    assert abs(spans[1][0] - (7.0 + length)) < 0.6 and abs(spans[1][1] - (7.0 + 2 * length)) < 0.6
