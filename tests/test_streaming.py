"""Bounded memory: files are streamed into the workshop's FLAC, and the pipeline reads it a window at a time.

Real audio throughout; the block sizes are made small so that a few seconds of speech span several blocks.
"""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
import soundfile as sf
from faster_whisper.audio import decode_audio
from faster_whisper.vad import VadOptions, get_speech_timestamps

from minutes import jobs
from minutes.asr import detection, pipeline
from minutes.asr.pipeline import TranscribeOptions, transcribe
from minutes.audio import decode, vad
from minutes.audio.source import ArraySource, FileSource
from minutes.domain import Segment, Session
from minutes.errors import Cancelled, InputError
from minutes.store import WorkshopStore
from tests import speech
from tests.scoring import wer


class LargestRead:
    """An AudioSource that remembers the longest stretch it was asked for."""

    def __init__(self, source) -> None:  # noqa: ANN001
        self.source = source
        self.largest = 0.0

    @property
    def duration(self) -> float:
        return self.source.duration

    def read(self, start: float, end: float) -> np.ndarray:
        samples = self.source.read(start, end)
        self.largest = max(self.largest, len(samples) / 16000)
        return samples


def run(model, audio, **options) -> list[Segment]:  # noqa: ANN001, ANN003
    found: list[Segment] = []
    transcribe(model, audio, TranscribeOptions(**options), lambda segments, _until: found.extend(segments))
    return found


def encode(samples: np.ndarray, path: Path, codec: str) -> Path:
    """``samples`` (16 kHz mono) as a 44.1 kHz stereo file in ``codec``, as a phone or a camera writes it."""
    pcm = (samples * 32767).astype(np.int16)[None, :]
    upsample = av.AudioResampler(format="s16", layout="stereo", rate=44100)
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=44100, layout="stereo")
        for at in range(0, pcm.shape[1], 1600):
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(pcm[:, at:at + 1600]), format="s16", layout="mono")
            frame.sample_rate = 16000
            for resampled in upsample.resample(frame):
                for packet in stream.encode(resampled):
                    container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path


@pytest.mark.parametrize("codec, suffix", [("aac", "m4a"), ("pcm_s16le", "wav")])
def test_a_file_streamed_into_flac_has_the_samples_faster_whisper_decodes(data, tmp_path, codec, suffix,
                                                                          monkeypatch):
    media = encode(speech.load(data / "en_librispeech_1995-1837-0001.wav"), tmp_path / f"talk.{suffix}", codec)
    blocks = []
    real_blocks = decode.blocks
    monkeypatch.setattr(decode, "blocks", lambda path: (blocks.append(len(b)) or b
                                                        for b in real_blocks(path, block_seconds=1.0)))
    seconds = decode.copy_to_flac(media, tmp_path / "copy.flac")
    copy, rate = sf.read(tmp_path / "copy.flac", dtype="float32")
    expected = decode_audio(str(media))
    assert rate == 16000 and seconds == pytest.approx(len(expected) / 16000)
    np.testing.assert_array_equal(copy, expected)
    assert len(blocks) > 5 and max(blocks) < 2 * 16000, "decoded a block at a time"
    assert decode.decoded_duration(media) == seconds


def test_a_failed_or_cancelled_copy_leaves_no_file(tmp_path, data):
    notes = tmp_path / "notes.mp3"
    notes.write_text("not a recording\n" * 50)
    with pytest.raises(InputError, match="not an audio or video file"):
        decode.copy_to_flac(notes, tmp_path / "out" / "a.flac")
    with pytest.raises(Cancelled):
        decode.copy_to_flac(data / "en_librispeech_1995-1837-0001.wav", tmp_path / "out" / "b.flac",
                            cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []


def test_speech_regions_read_in_blocks_match_faster_whispers_vad(data, monkeypatch):
    monkeypatch.setattr(vad, "BLOCK_WINDOWS", 97)  # 3.1 s blocks, not aligned with anything in the audio
    english = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    audio = speech.join(english, speech.silence(1.5), speech.load(data / "zh_aishell1_BAC009S0764W0121.wav"),
                        speech.silence(0.7), english, speech.silence(2.5), english)
    for silence_ms in (500, 2000):
        options = VadOptions(min_silence_duration_ms=silence_ms)
        expected = [(r["start"], r["end"]) for r in get_speech_timestamps(audio, options)]
        source = LargestRead(ArraySource(audio))
        assert vad.speech_regions(source, options) == expected and len(expected) > 2
        assert source.largest <= 97 * 512 / 16000
        later = [(r["start"] + 80000, r["end"] + 80000) for r in get_speech_timestamps(audio[80000:], options)]
        assert vad.speech_regions(source, options, start=5.0) == later


def test_one_language_from_a_file_source_gives_what_plain_faster_whisper_gives(model, data, tmp_path):
    clip = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    audio = speech.join(clip, speech.silence(3), clip)
    sf.write(tmp_path / "s.flac", audio, 16000, format="FLAC", subtype="PCM_16")
    stored = sf.read(tmp_path / "s.flac", dtype="float32")[0]
    ours = run(model, FileSource(tmp_path / "s.flac"), language="en")
    pieces, _ = model.transcribe(stored, language="en", beam_size=5, word_timestamps=True, vad_filter=True,
                                 vad_parameters={"min_silence_duration_ms": 500}, condition_on_previous_text=False,
                                 hallucination_silence_threshold=2.0)
    plain = list(pieces)
    # The same speech regions and the same samples reach the model; int8 matrix products may still round
    # differently from one call to the next, which can move a segment boundary and with it a word or two of
    # a 60-word transcript ("cotton" / "cut in" was seen), so the words are compared with that margin.
    assert wer(" ".join(p.text for p in plain), " ".join(s.text for s in ours)) <= 0.1
    ours_words = [w for s in ours for w in s.words]
    plain_words = [w for p in plain for w in p.words]
    assert abs(ours_words[0].start - plain_words[0].start) < 0.1
    assert abs(ours_words[-1].end - plain_words[-1].end) < 0.1
    assert ours_words[-1].end > len(audio) / 16000 - 1.0, "the clip after the pause is on the recording's clock"


def test_the_pipeline_never_reads_more_than_a_block(model, data, monkeypatch):
    monkeypatch.setattr(pipeline, "BLOCK_SPEECH_SECONDS", 10.0)
    monkeypatch.setattr(vad, "BLOCK_WINDOWS", 100)
    english = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    mandarin = speech.load(data / "zh_aishell1_BAC009S0764W0121.wav")
    audio = ArraySource(speech.join(english, speech.silence(2), mandarin, speech.silence(2), english))
    for language in ("en", None):
        source = LargestRead(audio)
        segments = run(model, source, language=language, script="traditional")
        assert source.largest <= 10.0 + 1e-3, source.largest
        text = " ".join(s.text for s in segments).lower()
        assert text.count("sorrow") == 2, text
    assert [s.language for s in segments][0] == "en" and "zh" in {s.language for s in segments}


def test_transcribe_session_reads_the_workshop_copy_and_resumes(model, data, tmp_path):
    clip = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    media = tmp_path / "talk.wav"
    sf.write(media, speech.join(clip, speech.silence(31), clip), 16000)
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        session = jobs.add_media_session(store, media, Session(title="Talk"))
        assert isinstance(jobs.session_audio(store, session), FileSource)
        options = TranscribeOptions(language="en")
        with pytest.raises(Cancelled):
            jobs.transcribe_session(store, session, model, options,
                                    cancelled=lambda: store.session(session.id).transcribed_until > 0)
        first = store.segments(session.id)
        session = jobs.transcribe_session(store, store.session(session.id), model, options)
        texts = [s.text for s in store.segments(session.id)]
        assert first and texts[: len(first)] == [s.text for s in first]
        assert sum("sorrow" in t.lower() for t in texts) == 2, texts


def test_languages_are_read_per_utterance_from_one_encoder_pass_that_the_decoding_reuses(model, data, monkeypatch):
    english = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    mandarin = speech.load(data / "zh_aishell1_BAC009S0764W0121.wav")
    encoder = detection.reusable_encoder(model)
    calls = []
    real = encoder._encode
    monkeypatch.setattr(encoder, "_encode", lambda features: calls.append(features.shape) or real(features))
    window = np.concatenate([english, mandarin, english])
    found = detection.window_languages(model, window, [len(english), len(mandarin), len(english)])
    assert [language for language, _ in found] == ["en", "zh", "en"]
    assert len(calls) == 1
    encoder.forget()

    calls.clear()
    segments = run(model, english, language=None)
    assert {s.language for s in segments} == {"en"} and "sorrow" in segments[0].text.lower()
    assert len(calls) == 1, "the window was encoded once: for detection, and that output decoded"
