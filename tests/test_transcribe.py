"""The transcription pipeline on real speech through the bundled model."""

from __future__ import annotations

import numpy as np
import pytest

from minutes import jobs
from minutes.asr import detection
from minutes.asr.detection import LanguageTrack
from minutes.asr.pipeline import TranscribeOptions, transcribe
from minutes.domain import Segment, Session
from minutes.errors import Cancelled
from minutes.store import WorkshopStore
from minutes.text.chinese import convert
from tests import speech
from tests.scoring import cer_zh, wer


def run(model, audio, **options) -> list[Segment]:
    found: list[Segment] = []
    transcribe(model, audio, TranscribeOptions(**options), lambda segs, _until: found.extend(segs))
    return found


def check_times(segments: list[Segment], duration: float) -> None:
    starts = [s.start for s in segments]
    assert starts == sorted(starts), "segments out of order"
    for seg in segments:
        assert 0 <= seg.start <= seg.end <= duration + 0.05
        assert seg.words, "every segment carries word times"
        word_starts = [w.start for w in seg.words]
        assert word_starts == sorted(word_starts)
        assert seg.start - 0.01 <= seg.words[0].start and seg.words[-1].end <= seg.end + 0.01


@pytest.mark.parametrize("clip", ["en_librispeech_1995-1837-0001", "en_librivox_sense_and_sensibility_0890"])
def test_english_read_speech(model, data, clip):
    audio = speech.load(data / f"{clip}.wav")
    segments = run(model, audio, language="en")
    hypothesis = " ".join(s.text for s in segments)
    assert wer((data / f"{clip}.txt").read_text(), hypothesis) <= 0.10, hypothesis
    check_times(segments, len(audio) / speech.RATE)
    assert {s.language for s in segments} == {"en"}


def test_language_is_detected_per_chunk(model, data):
    english = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    mandarin = speech.load(data / "zh_aishell1_BAC009S0764W0121.wav")
    audio = speech.join(english, speech.silence(25), mandarin)
    segments = run(model, audio, language=None, script="traditional")
    languages = [s.language for s in segments]
    assert languages[0] == "en" and languages[-1] == "zh", languages


def test_no_segment_spans_an_utterance_in_the_other_language(model, data):
    # One Whisper window: Mandarin, an English sentence, Mandarin, the English sentence that continues it.
    # Each language is decoded from its own utterances joined; Whisper ran the two English sentences into
    # one segment timed across the Mandarin between them, and began the second Mandarin one in the first.
    clips = ["zh_aishell1_BAC009S0764W0122", "en_librivox_sense_and_sensibility_0880", "zh_aishell1_BAC009S0764W0121",
             "en_librivox_sense_and_sensibility_0890"]
    parts = []
    for clip, pause in zip(clips, [0.6, 1.2, 2.0, 0.8], strict=True):
        parts += [speech.load(data / f"{clip}.wav"), speech.silence(pause)]
    segments = run(model, speech.join(*parts), language=None)
    runs = [s.language for i, s in enumerate(segments) if i == 0 or segments[i - 1].language != s.language]
    assert runs == ["zh", "en", "zh", "en"], [(s.start, s.end, s.language, s.text) for s in segments]
    for before, after in zip(segments, segments[1:], strict=False):
        assert before.end <= after.start + 0.05, (before, after)
    check_times(segments, sum(len(p) for p in parts) / speech.RATE)
    english = [s for s in segments if s.language == "en"]
    assert "young man" in english[0].text and "selfish" in english[-1].text


ENGLISH = ["en_librispeech_1995-1837-0001", "en_librivox_sense_and_sensibility_0870",
           "en_librivox_sense_and_sensibility_0880", "en_librivox_sense_and_sensibility_0890"]


def read_speech(data, clips: list[str]) -> np.ndarray:
    """The clips in turn, with the short pauses of a conversation between them."""
    pauses = [0.6, 1.2, 0.8, 2.0]
    return speech.join(*[part for i, clip in enumerate(clips)
                         for part in (speech.load(data / f"{clip}.wav"), speech.silence(pauses[i % len(pauses)]))])


def encoder_passes(model, monkeypatch) -> list[int]:
    """The encoder passes made from now on (one entry each), counted where the model's encoder is called."""
    encoder = detection.reusable_encoder(model)
    passes: list[int] = []
    real = encoder._encode
    monkeypatch.setattr(encoder, "_encode", lambda features: passes.append(1) or real(features))
    return passes


class _CountedDecoder:
    """The model's CTranslate2 Whisper, each decoder call (``generate``) counted."""

    def __init__(self, whisper, calls: list[int]) -> None:  # noqa: ANN001
        self._whisper, self._calls = whisper, calls

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._whisper, name)

    def generate(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        self._calls.append(1)
        return self._whisper.generate(*args, **kwargs)


def decoder_calls(model, monkeypatch) -> list[int]:
    """The decoder calls made from now on (one entry each, temperature fallbacks included)."""
    calls: list[int] = []
    monkeypatch.setattr(model, "model", _CountedDecoder(model.model, calls))
    return calls


def test_automatic_language_on_english_costs_the_encoder_passes_of_english_given(model, data, monkeypatch):
    # About 80 s of English speech, a few Whisper windows. Each utterance's language is read from the encoder
    # output of the window that decodes it, the language never changes, so the block is decoded exactly as
    # with the language given (cut into windows of at most 30 s, the auto path needed 5 passes to 3).
    audio = read_speech(data, (ENGLISH * 3)[:-1])
    passes = encoder_passes(model, monkeypatch)
    given = run(model, audio, language="en")
    given_passes = len(passes)
    passes.clear()
    automatic = run(model, audio, language=None)
    assert given_passes >= 2 and len(passes) == given_passes
    assert [(s.text, s.language) for s in automatic] == [(s.text, s.language) for s in given]


def test_mandarin_met_inside_an_english_block_is_decoded_in_mandarin(model, data):
    # Over 30 s of English, then a Mandarin answer, then English: the Mandarin lies in a later Whisper window
    # of the block, so it is found from that window's encoder output as the English is decoded.
    english = read_speech(data, ENGLISH + ENGLISH[:2])
    mandarin = read_speech(data, ["zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122"])
    after = read_speech(data, ENGLISH[3:])
    segments = run(model, speech.join(english, mandarin, after), language=None, script="simplified")
    runs = [s.language for i, s in enumerate(segments) if i == 0 or segments[i - 1].language != s.language]
    assert runs == ["en", "zh", "en"], [(s.start, s.language, s.text) for s in segments]
    heard = "".join(s.text for s in segments if s.language == "zh")
    reference = "".join((data / f"{clip}.txt").read_text().strip()
                        for clip in ["zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122"])
    assert cer_zh(reference, heard) <= 0.35, heard
    assert "selfish" in segments[-1].text
    check_times(segments, (len(english) + len(mandarin) + len(after)) / speech.RATE)


TURNS = ["en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121", "en_librivox_sense_and_sensibility_0870",
         "zh_aishell1_BAC009S0764W0122", "en_librivox_sense_and_sensibility_0890", "zh_aishell1_BAC009S0764W0121",
         "en_librivox_sense_and_sensibility_0880", "zh_aishell1_BAC009S0764W0122", "en_librispeech_1995-1837-0001",
         "zh_aishell1_BAC009S0764W0121", "en_librivox_sense_and_sensibility_0890", "zh_aishell1_BAC009S0764W0122"]


def test_a_language_change_at_every_turn_costs_two_passes_a_window(model, data, monkeypatch):
    # About 75 s of questions and answers, the language changing at every turn, so every Whisper window holds
    # both. Each window is read once, then each language's utterances are decoded together as they fill a
    # window: 7 encoder passes and 5 decoder calls (decoding each window's utterances per language made 7 and
    # 10, and its turns did not come out en, zh, en, zh ... order), and one more the first time Mandarin is
    # met, to confirm it on that utterance alone.
    audio = read_speech(data, TURNS)
    passes = encoder_passes(model, monkeypatch)
    calls = decoder_calls(model, monkeypatch)
    segments = run(model, audio, language=None, script="simplified")
    assert len(passes) <= 8 and len(calls) <= 5, (len(passes), len(calls))
    turns: list[list[Segment]] = []
    for segment in segments:
        if turns and turns[-1][-1].language == segment.language:
            turns[-1].append(segment)
        else:
            turns.append([segment])
    assert [turn[0].language for turn in turns] == ["en", "zh"] * 6, [(s.start, s.language, s.text) for s in segments]
    check_times(segments, len(audio) / speech.RATE)
    for clip, turn in zip(TURNS, turns, strict=True):
        if (data / f"{clip}.txt").exists():
            said, reference = " ".join(s.text for s in turn), (data / f"{clip}.txt").read_text()
            assert (cer_zh if clip.startswith("zh") else wer)(reference, said) <= 0.35, (clip, said)


def test_language_changes_only_on_a_sure_detection_or_to_a_language_already_sure():
    track = LanguageTrack()
    # A mumbled English aside heard as Welsh stays English; a sure Mandarin answer switches, and later a
    # less sure Mandarin fragment is taken, Mandarin having been sure before.
    assert track.follow([("en", 0.99), ("cy", 0.86), None, ("en", 0.7)]) == ["en", None, None, "en"]
    assert track.follow([("zh", 0.99), ("en", 0.95), ("zh", 0.66), ("cy", 0.54)]) == ["zh", "en", "zh", None]
    # Before any language was sure, the first likely one is taken and can be replaced by another.
    fresh = LanguageTrack()
    assert fresh.follow([("cy", 0.6), ("en", 0.8), ("fr", 0.4)]) == ["cy", "en", None]


def test_a_language_new_to_the_session_must_be_sure_on_the_utterance_alone():
    # A meeting's aside, read from its stretch of a joined window, was Welsh at 0.95; encoded on its own, 0.53.
    alone = {0: ("cy", 0.53), 1: ("zh", 0.99)}
    asked: list[int] = []

    def confirm(i: int):  # noqa: ANN202
        asked.append(i)
        return alone[i]

    track = LanguageTrack()
    assert track.follow([("en", 0.99), ("en", 0.97)], confirm) == ["en", "en"]  # the first language: no question
    assert asked == []
    assert track.follow([("cy", 0.95), ("zh", 0.98)], confirm) == [None, "zh"]
    assert asked == [0, 1] and track.sure == {"en", "zh"}
    # Mandarin is sure now: later Mandarin and English need no second look.
    assert track.follow([("en", 0.95), ("zh", 0.93)], confirm) == ["en", "zh"]
    assert asked == [0, 1]


@pytest.mark.parametrize("clip", ["zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122"])
def test_mandarin_in_traditional_script(model, data, clip):
    segments = run(model, speech.load(data / f"{clip}.wav"), language="zh", script="traditional")
    text = "".join(s.text for s in segments)
    assert text and convert(text, "traditional") == text, f"Simplified characters left in {text}"
    assert cer_zh((data / f"{clip}.txt").read_text(), text) <= 0.35, text


def test_mandarin_in_simplified_script(model, data):
    segments = run(model, speech.load(data / "zh_aishell1_BAC009S0764W0121.wav"), language="zh", script="simplified")
    text = "".join(s.text for s in segments)
    assert text and convert(text, "simplified") == text


def test_silence_and_noise_produce_no_text(model):
    rng = np.random.default_rng(7)
    noise = (rng.standard_normal(speech.RATE * 8) * 0.003).astype(np.float32)
    assert run(model, speech.join(speech.silence(10), noise)) == []


def test_long_pause_between_utterances_stays_empty(model, data):
    # Two different readings: the same clip twice is joined into one Whisper window, whose decoder now and
    # then reads a sentence heard twice in a row only once (a Whisper trait, not what is tested here).
    clip = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    after = speech.load(data / "en_librivox_sense_and_sensibility_0890.wav")
    audio = speech.join(clip, speech.silence(40), after)
    segments = run(model, audio, language="en")
    gap_start, gap_end = len(clip) / speech.RATE, len(clip) / speech.RATE + 40
    assert not [s for s in segments if s.start > gap_start + 1 and s.end < gap_end - 1]
    assert [s for s in segments if s.end < gap_start + 1 and "sorrow" in s.text.lower()]
    assert [s for s in segments if s.start > gap_end - 1 and "selfish" in s.text.lower()]


def test_generated_voice(model, tmp_path):
    wav = speech.espeak("The international workshop on combating human trafficking opens today in Taipei.",
                        tmp_path / "voice.wav")
    segments = run(model, speech.load(wav), language="en")
    hypothesis = " ".join(s.text for s in segments)
    assert wer("the international workshop on combating human trafficking opens today in taipei", hypothesis) <= 0.3


def test_progress_rises_to_one(model, data):
    audio = speech.load(data / "en_librivox_sense_and_sensibility_0890.wav")
    seen: list[float] = []
    transcribe(model, audio, TranscribeOptions(language="en"), lambda *_: None, progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0


def test_cancel_keeps_the_finished_part_and_a_rerun_resumes(model, data, tmp_path):
    clip = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    # Three readings 30 s apart: the first hand-over comes at the second reading, and the third is still to come
    # when Cancel is seen, however Whisper cuts the readings into segments.
    audio = speech.join(clip, speech.silence(30), clip, speech.silence(30), clip)
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        session = jobs.add_media_session(store, audio, Session(title="S1"))
        options = TranscribeOptions(language="en")
        stop_after_first_chunk = lambda: store.session(session.id).transcribed_until > 0  # noqa: E731
        with pytest.raises(Cancelled):
            jobs.transcribe_session(store, session, model, options, cancelled=stop_after_first_chunk)
        session = store.session(session.id)
        first_part = store.segments(session.id)
        assert session.status == "cancelled" and first_part
        assert 0 < session.transcribed_until < session.duration and jobs.is_resumable(session)

        session = jobs.transcribe_session(store, session, model, options)
        texts = [s.text for s in store.segments(session.id)]
        assert session.status == "transcribed"
        assert texts[: len(first_part)] == [s.text for s in first_part]
        assert sum("sorrow" in t.lower() for t in texts) == 3, texts


def test_each_chunk_is_announced_with_its_number_and_the_count(model, data, monkeypatch):
    """The window's "chunk i of n": blocks of 3 s of speech make several chunks of one short clip."""
    from minutes.asr import pipeline

    monkeypatch.setattr(pipeline, "BLOCK_SPEECH_SECONDS", 3.0)
    audio = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    started: list[tuple[int, int]] = []
    transcribe(model, audio, TranscribeOptions(language="en"), lambda *_: None,
               chunk_started=lambda number, count: started.append((number, count)))
    count = started[0][1]
    assert count > 1 and started == [(number, count) for number in range(1, count + 1)]
