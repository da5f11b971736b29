"""The final pass after a recording reuses the live text Whisper was sure of and decodes the rest again.

The live text comes from the real live transcriber over real clips (English, Mandarin, English), is stored as
the recorder stores it, and is then altered the way a session can leave it: a stretch the live pass skipped,
a segment it was unsure of. The final pass must keep the sure segments as they are (their words and timings),
decode everything else, keep a cancelled pass's finished part with the live text after it, and finish on a
second run without doubling anything.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from minutes import jobs
from minutes.asr.live import FLAG_LIVE_SURE, LiveTranscriber
from minutes.asr.pipeline import TranscribeOptions
from minutes.asr.reuse import is_trusted, known_languages, plan, trim
from minutes.domain import Segment, Session, SessionStatus, Word
from minutes.errors import Cancelled
from minutes.recording import final_pass
from minutes.store import WorkshopStore
from minutes.text.chinese import has_han
from tests import speech

RATE = speech.RATE
CLIPS = ("en_librivox_sense_and_sensibility_0870.wav", "zh_aishell1_BAC009S0764W0121.wav",
         "en_librivox_sense_and_sensibility_0890.wav", "zh_aishell1_BAC009S0764W0122.wav",
         "en_librispeech_1995-1837-0001.wav", "en_librivox_sense_and_sensibility_0870.wav")
DATA = Path(__file__).parent / "data"


def _word(start: float, end: float, text: str, probability: float = 0.95) -> Word:
    return Word(start, end, text, probability)


def _live(start: float, end: float, text: str = " a b", *, language: str = "en", probability: float = 0.95,
          sure: bool = True) -> Segment:
    middle = (start + end) / 2
    words = [_word(start, middle, " a", probability), _word(middle, end, " b", probability)]
    return Segment(start, end, text, language=language, provisional=True, words=words,
                   flags=[FLAG_LIVE_SURE] if sure else [])


def test_only_sure_live_segments_in_a_language_of_the_session_are_trusted() -> None:
    english = [_live(0, 10), _live(10, 20), _live(20, 21, language="ja")]
    languages = known_languages([*english, _live(30, 40, language="zh")], None)
    assert languages == {"en", "zh"}  # Japanese holds under a tenth of the live speech
    assert known_languages(english, "zh") == {"zh"}
    assert is_trusted(english[0], languages)
    assert not is_trusted(english[2], languages)
    assert not is_trusted(_live(0, 1, sure=False), languages)
    assert not is_trusted(_live(0, 1, probability=0.3), languages)
    assert not is_trusted(replace(english[0], words=[]), languages)
    assert not is_trusted(replace(english[0], provisional=False), languages)  # edited by the rapporteur


def test_an_utterance_is_decoded_again_unless_its_live_text_is_all_trusted() -> None:
    s = RATE
    languages = {"en"}
    live = [_live(2.0, 5.0), _live(5.3, 8.0),  # one utterance, all trusted
            _live(10.5, 11.0), _live(11.2, 13.0, sure=False),  # one doubtful segment
            _live(20.0, 22.0),  # trusted, but most of the utterance has no live text
            _live(40.0, 44.0)]  # trusted, in no utterance the voice detector found: kept
    regions = [(int(1.6 * s), int(8.4 * s)), (10 * s, 14 * s), (19 * s, 30 * s), (31 * s, 33 * s)]
    kept, decode = plan(regions, live, languages)
    assert decode == regions[1:]  # and the last one, where the live pass heard nothing
    assert kept == [live[0], live[1], live[5]]  # the trusted one inside a decoded utterance is decoded again
    assert plan(regions, [], languages) == ([], regions)


def test_decoded_words_heard_inside_a_kept_segment_are_dropped() -> None:
    kept = [_live(2.0, 5.0)]
    decoded = Segment(4.8, 7.0, " b c d", language="en",
                      words=[_word(4.8, 4.98, " b"), _word(5.1, 6.0, " c"), _word(6.0, 7.0, " d")])
    inside = Segment(2.5, 4.5, " a", language="en", words=[_word(2.5, 4.5, " a")])
    assert trim([decoded, inside], kept) == [replace(decoded, start=5.1, text="c d", words=decoded.words[1:])]


@pytest.fixture(scope="module")
def recording(model):  # noqa: ANN001, ANN201
    """The joined clips and the live transcriber's segments over them, found once."""
    parts = []
    for name in CLIPS:
        parts += [speech.silence(1.0), speech.load(DATA / name)]
    audio = speech.join(*parts, speech.silence(1.0))
    found: list[Segment] = []

    def arrived(start, end, text, language, words, flags) -> None:  # noqa: ANN001
        found.append(Segment(start, end, text, language=language, provisional=True, words=words, flags=flags))

    live = LiveTranscriber(model, None, arrived, script="traditional")
    live.start()
    for i in range(0, len(audio), 800):
        live.feed(audio[i : i + 800], i / RATE)
    live.stop()
    return audio, found


def _recorded(tmp_path, audio, live: list[Segment]) -> tuple[WorkshopStore, Session]:  # noqa: ANN001
    store = WorkshopStore.open(tmp_path / "W.minutes", create=True)
    session = jobs.add_media_session(store, audio, Session(title="Recorded", language="auto"))
    store.add_segments(session.id, live)
    store.update_session(session.id, status=SessionStatus.RECORDED)
    return store, store.session(session.id)


def _clip_spans() -> list[tuple[float, float]]:
    spans, at = [], 0.0
    for name in CLIPS:
        at += 1.0
        length = len(speech.load(DATA / name)) / RATE
        spans.append((at, at + length))
        at += length
    return spans


def test_sure_live_text_is_kept_and_the_rest_decoded_again(tmp_path, model, recording) -> None:  # noqa: ANN001
    audio, live = recording
    spans = _clip_spans()
    first, second = spans[0], spans[2]
    assert any(FLAG_LIVE_SURE in s.flags for s in live if first[0] <= s.start < first[1])
    changed = []
    for segment in live:
        if spans[1][0] - 0.5 <= segment.start < spans[1][1]:
            continue  # the Mandarin turn was skipped by a live pass that fell behind
        if first[0] <= segment.start < first[1] and FLAG_LIVE_SURE in segment.flags:
            segment = replace(segment, text="KEPT " + segment.text)  # kept as it is: the mark survives
        elif second[0] <= segment.start < second[1]:
            segment = replace(segment, text="DOUBTFUL", flags=[])  # Whisper was unsure: decoded again
        changed.append(segment)
    store, session = _recorded(tmp_path, audio, changed)
    with store:
        originals = [s for s in store.segments(session.id) if s.text.startswith("KEPT ")]
        final_pass(store, session, model, TranscribeOptions(script="traditional"), None)
        segments = store.segments(session.id)
        assert segments and not any(s.provisional or FLAG_LIVE_SURE in s.flags for s in segments)
        kept = [s for s in segments if s.text.startswith("KEPT ")]
        assert originals
        assert [(s.start, s.end, s.words) for s in kept] == [(s.start, s.end, s.words) for s in originals]
        assert "DOUBTFUL" not in " ".join(s.text for s in segments)
        redone = " ".join(s.text for s in segments if second[0] - 0.5 <= s.start < second[1]).casefold()
        assert "selfish" in redone or "disposed" in redone or "hearted" in redone, redone
        skipped = [s for s in segments if spans[1][0] - 0.5 <= s.start < spans[1][1]]
        assert skipped and all(s.language == "zh" and has_han(s.text) for s in skipped)
        assert all(a.end <= b.start + 0.05 for a, b in zip(segments, segments[1:], strict=False)), "doubled text"
        assert store.session(session.id).status == SessionStatus.TRANSCRIBED


def test_a_cancelled_final_pass_keeps_its_finished_part_and_the_live_text_after_it(
        tmp_path, model, recording) -> None:  # noqa: ANN001
    audio, live = recording
    doubtful = [replace(s, flags=[]) for s in live]  # nothing kept: every stretch is decoded, window by window
    store, session = _recorded(tmp_path, audio, doubtful)
    with store:
        with pytest.raises(Cancelled):
            final_pass(store, session, model, TranscribeOptions(script="traditional"), None,
                       cancelled=lambda: store.session(session.id).transcribed_until > 0)
        session = store.session(session.id)
        assert session.status == SessionStatus.CANCELLED
        assert 0 < session.transcribed_until < session.duration
        segments = store.segments(session.id)
        done = [s for s in segments if not s.provisional]
        assert done and all(s.start < session.transcribed_until for s in done)
        waiting = [s for s in segments if s.provisional]
        left = [(s.start, s.text) for s in doubtful if s.start >= session.transcribed_until]
        assert waiting and [(s.start, s.text) for s in waiting] == left
        final_pass(store, session, model, TranscribeOptions(script="traditional"), None)
        segments = store.segments(session.id)
        assert not any(s.provisional for s in segments)
        assert [(s.start, s.text) for s in segments[: len(done)]] == [(s.start, s.text) for s in done]
        assert all(a.end <= b.start + 0.05 for a, b in zip(segments, segments[1:], strict=False)), "doubled text"
        assert {"en", "zh"} <= {s.language for s in segments}
