"""Live transcription: utterance cutting, back-pressure and guards, and the real thing through the mic."""

from __future__ import annotations

import resource
import threading
import time
from itertools import pairwise
from types import SimpleNamespace

import numpy as np
import pytest

from minutes.allocator import keep_scratch_memory
from minutes.asr.live import LiveTranscriber, Segmenter, StreamingVad, Utterance
from minutes.audio.capture import Recorder

from .conftest import DEVICE, SPEECH, SPEECH_WORDS, load_mono16k, wait_until

RATE = 16000


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def _cut(audio: np.ndarray, **options) -> list[Utterance]:  # noqa: ANN003
    found: list[Utterance] = []
    segmenter, vad = Segmenter(found.append, **options), StreamingVad()
    segmenter.restart(0)
    for i in range(0, len(audio), 800):  # 50 ms blocks, as the recorder delivers them
        block = audio[i : i + 800]
        segmenter.push(block, vad(block))
    segmenter.flush()
    return found


def test_utterances_are_cut_at_pauses_with_recording_times() -> None:
    speech = load_mono16k(SPEECH)
    audio = np.concatenate([_silence(1.0), speech, _silence(1.5), speech, _silence(1.0)])
    utterances = _cut(audio)
    assert len(utterances) == 2
    second_start = (1.0 + len(speech) / RATE + 1.5) * RATE
    assert abs(utterances[0].start - 1.0 * RATE) < 0.5 * RATE
    assert abs(utterances[1].start - second_start) < 0.5 * RATE
    for utterance in utterances:
        assert 6.0 < len(utterance.audio) / RATE < 8.0
        np.testing.assert_array_equal(utterance.audio, audio[utterance.start : utterance.end])


def test_long_speech_is_cut_at_the_maximum_length() -> None:
    speech = load_mono16k(SPEECH)
    utterances = _cut(np.concatenate([speech, speech]), max_utterance_s=4.0)
    assert len(utterances) >= 3
    assert all(len(u.audio) <= 4.0 * RATE for u in utterances)
    assert all(a.end <= b.start for a, b in pairwise(utterances))


class SlowModel:
    """Stands in for WhisperModel: takes ``delay`` s per call and says what it was given."""

    def __init__(self, delay: float, text: str = " Some words.") -> None:
        self.delay, self.text, self.calls = delay, text, []
        self.model = SimpleNamespace(is_multilingual=False)  # language detection answers English at once

    def transcribe(self, audio: np.ndarray, **options):  # noqa: ANN003, ANN201
        self.calls.append((len(audio) / RATE, options))
        time.sleep(self.delay)
        seconds = len(audio) / RATE
        words = [SimpleNamespace(start=0.1, end=seconds - 0.1, word=self.text, probability=0.9)]
        segment = SimpleNamespace(start=0.0, end=seconds, text=self.text, words=words,
                                  avg_logprob=-0.2, no_speech_prob=0.01, temperature=0.0, compression_ratio=1.2)
        return iter([segment]), SimpleNamespace(language="en")


def _feed(live: LiveTranscriber, audio: np.ndarray, realtime: bool = False) -> None:
    for i in range(0, len(audio), 800):
        live.feed(audio[i : i + 800], i / RATE)
        if realtime:
            time.sleep(0.05)


def test_a_slow_cpu_merges_or_skips_the_backlog_and_catches_up() -> None:
    speech = load_mono16k(SPEECH)
    audio = np.concatenate([np.concatenate([speech[: 2 * RATE], _silence(1.0)]) for _ in range(12)])
    model = SlowModel(delay=1.0)
    segments, lags = [], []
    live = LiveTranscriber(model, "en", lambda *s: segments.append(s), on_lag=lags.append, max_pending_s=8.0)
    live.start()
    _feed(live, audio)  # 36 s of audio at once: far faster than the model can go
    live.stop(timeout=30)
    assert live.utterances == 12
    assert live.skipped_seconds > 0  # the bounded queue dropped the oldest speech
    assert max(seconds for seconds, _ in model.calls) > 3.0  # queued utterances were merged
    assert max(lags) > 5.0 and lags[-1] == 0.0  # it reported being behind, then caught up
    assert all(options["condition_on_previous_text"] is False for _, options in model.calls)
    starts = [s[0] for s in segments]
    assert starts == sorted(starts) and segments[-1][1] <= len(audio) / RATE


def test_hallucinations_and_loops_are_dropped() -> None:
    speech = load_mono16k(SPEECH)
    words = speech[: 2 * RATE]
    audio = np.concatenate([_silence(0.5), words, _silence(1.0), words, _silence(1.0)])
    phantom = SlowModel(0.0, " Thank you for watching!")
    phantom.transcribe_real = phantom.transcribe

    def doubtful(audio, **options):  # noqa: ANN001, ANN003, ANN202
        segments, info = phantom.transcribe_real(audio, **options)
        segment = next(segments)
        segment.avg_logprob, segment.no_speech_prob = -1.1, 0.7
        return iter([segment]), info

    phantom.transcribe = doubtful
    segments: list = []
    live = LiveTranscriber(phantom, None, lambda *s: segments.append(s))
    live.start()
    _feed(live, audio)
    live.stop(timeout=10)
    assert len(phantom.calls) == 2 and segments == []

    looping = SlowModel(0.0, " I hear that.")
    live = LiveTranscriber(looping, "en", lambda *s: segments.append(s))
    live.start()
    _feed(live, np.concatenate([audio, audio]))
    live.stop(timeout=10)
    assert len(looping.calls) == 4
    assert [s[2] for s in segments] == ["I hear that.", "I hear that."]  # a third repeat is a loop


def test_live_transcript_of_the_microphone(vmic, model, tmp_path) -> None:  # noqa: ANN001
    segments: list[tuple] = []
    arrived = threading.Event()

    def on_segment(start, end, text, language, words, flags) -> None:  # noqa: ANN001
        segments.append((start, end, text, language, words))
        arrived.set()

    live = LiveTranscriber(model, None, on_segment)
    # 48 kHz forces the recorder's resampler into the path of the tap.
    recorder = Recorder(tmp_path / "live.flac", DEVICE, samplerate=48000, tap=live.feed)
    live.start()
    recorder.start()
    try:
        assert wait_until(lambda: recorder.elapsed > 0.1, 10)
        started = recorder.elapsed
        player = vmic.play(SPEECH)
        assert player.wait(30) == 0
        played_until = recorder.elapsed
        # Live text must come while the recording still runs; the bound only stops a hung test.
        assert arrived.wait(60), "no live text while recording, 60 s after the end of speech"
    finally:
        duration = recorder.stop()
        live.stop(timeout=30)
    text = " ".join(s[2] for s in segments).casefold()
    heard = [w for w in SPEECH_WORDS if w in text]
    assert len(heard) >= len(SPEECH_WORDS) - 1, text
    assert {s[3] for s in segments} == {"en"}
    assert started - 0.5 < segments[0][0] < segments[-1][1] <= min(played_until + 0.5, duration)
    words = [w for s in segments for w in s[4]]
    assert words and all(a.start <= b.start for a, b in pairwise(words))
    assert live.lag == 0.0


def test_whisper_calls_reuse_the_memory_of_the_calls_before(model) -> None:  # noqa: ANN001
    # Each Whisper call used to fault in ~400 MB of fresh pages (glibc mapped every 72 MB encoder buffer anew);
    # minutes.allocator set glibc up when the package was imported, before any thread, as in the application.
    if not keep_scratch_memory():
        pytest.skip("not glibc: the allocator is left as it is")
    speech = load_mono16k(SPEECH)
    audio = np.concatenate([_silence(0.5), speech, _silence(1.0), speech, _silence(1.0)])
    segments: list[tuple] = []
    faults = []
    for _ in range(2):  # the first run sizes the heap
        live = LiveTranscriber(model, "en", lambda *s: segments.append(s))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        live.start()
        _feed(live, audio)
        live.stop(timeout=300)
        faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    assert live.utterances == 2 and len(segments) >= 4
    assert faults[1] < 20_000, f"{faults[1]} page faults for two Whisper calls (4 KiB each)"
