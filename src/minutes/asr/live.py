"""Provisional live transcription of a recording in progress.

:class:`LiveTranscriber` takes the recorder's 16 kHz tap (``recorder.add_tap(live.feed)``) and runs
two threads:

- a VAD thread runs faster-whisper's bundled Silero VAD (ONNX) window by window (512 samples, 32 ms),
  carrying the model's recurrent state between calls so that streaming gives the same probabilities
  as one pass over the file. An utterance ends after ``silence_ms`` of silence, or is cut at the
  quietest moment of its last seconds when it reaches ``max_utterance_s`` (Whisper's window is 30 s,
  and a long monologue must not delay its text indefinitely);
- an ASR thread transcribes utterances with the caller's ``WhisperModel``, each in its own language
  unless one is given (mixed-language workshops: detection per utterance keeps a Mandarin answer between
  English questions, see NOTES.md), read from the encoder output that the decoding then reuses
  (:mod:`minutes.asr.detection`). Segments Whisper was sure of are flagged :data:`FLAG_LIVE_SURE`: the
  final pass keeps them instead of decoding their audio again (:mod:`minutes.asr.reuse`).

When the CPU cannot keep up, utterances wait in a queue bounded by ``max_pending_s`` seconds of audio.
The worker merges everything waiting into one call of up to ``_MERGE_LIMIT_S`` (one Whisper pass is
much cheaper than several) and, being behind, decodes it once without temperature fallbacks or glossary
respelling; when the bound is exceeded the oldest waiting utterances are skipped and counted in
``skipped_seconds``: live text is provisional, and the final pass decodes what the live pass skipped or
was unsure of. ``lag`` says how many seconds of the recording's clock the text is behind.

With a workshop glossary (``glossary``, see :mod:`minutes.text.glossary`), misheard names and terms are
respelt from a second decode of the same audio (:mod:`minutes.asr.spelling`), as in the final pass.

Hallucination guards: no conditioning on previous text, Whisper's no-speech / log-probability /
compression-ratio fallbacks, the VAD in front (Whisper is never fed pure silence), and the guards of
:mod:`minutes.asr.guards` (phrase loops, repeated lines, stock phantom phrases).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from minutes.asr.detection import LanguageTrack, reusable_encoder, window_languages
from minutes.asr.guards import RepeatFilter
from minutes.asr.pipeline import to_segments
from minutes.asr.spelling import respell
from minutes.audio.vad import WINDOW as _WINDOW
from minutes.audio.vad import StreamingVad
from minutes.domain import Word
from minutes.text.glossary import Hints

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000
_MERGE_LIMIT_S = 28.0  # stay inside one 30 s Whisper window when merging a backlog
_MERGE_GAP_S = 0.3  # silence put between merged utterances so Whisper hears a pause
_STOP = object()

SegmentCallback = Callable[[float, float, str, str, list[Word], list[str]], None]
"""``on_segment(start, end, text, language, words, flags)``; times in seconds on the recording's clock."""

FLAG_LIVE_SURE = "live_sure"
"""Set on a live segment Whisper was sure of, in a language detected or given: the final pass may keep it."""
SURE_LOGPROB = -0.5
SURE_NO_SPEECH = 0.3
SURE_COMPRESSION = 2.0


@dataclass
class Utterance:
    """Speech cut by the VAD: ``audio`` starts at sample ``start`` of the recording's 16 kHz clock."""

    start: int
    audio: np.ndarray

    @property
    def end(self) -> int:
        return self.start + len(self.audio)


class Segmenter:
    """Turns speech probabilities into utterances (pure logic, no threads, so it is easy to test)."""

    def __init__(
        self,
        emit: Callable[[Utterance], None],
        *,
        threshold: float = 0.5,
        silence_ms: int = 500,
        max_utterance_s: float = 20.0,
        min_speech_ms: int = 250,
        pad_ms: int = 200,
    ) -> None:
        self._emit = emit
        self._on = threshold
        self._off = max(threshold - 0.15, 0.01)  # hysteresis, as in faster-whisper's VAD
        self._silence = silence_ms * SAMPLE_RATE // 1000
        self._max = int(max_utterance_s * SAMPLE_RATE)
        self._min_speech = min_speech_ms * SAMPLE_RATE // 1000
        self._pad = pad_ms * SAMPLE_RATE // 1000
        self._buf = np.zeros(0, dtype=np.float32)
        self._buf_start = 0  # clock sample of _buf[0]
        self._in_speech = False
        self._utt_start = 0
        self._speech_end = 0  # end of the last window that still sounded like speech
        self._speech_samples = 0
        self._probs: list[tuple[int, float]] = []  # (window end, probability) of this utterance
        self._emitted_until = 0
        self._next_window_end = _WINDOW  # VAD windows are aligned to where the stream (re)started

    @property
    def clock(self) -> int:
        """Clock sample just after the audio received so far."""
        return self._buf_start + len(self._buf)

    def restart(self, sample: int) -> None:
        """Start (or, after lost audio, restart) the stream at clock ``sample``; closes what is open."""
        self.flush()
        self._buf = np.zeros(0, dtype=np.float32)
        self._buf_start = self._emitted_until = sample
        self._next_window_end = sample + _WINDOW

    def push(self, samples: np.ndarray, probs: Sequence[float]) -> None:
        """Add audio and the probabilities of the VAD windows it completed (oldest first)."""
        self._buf = np.concatenate([self._buf, samples])
        for prob in probs:
            self._window(self._next_window_end, float(prob))
            self._next_window_end += _WINDOW
        if not self._in_speech:
            keep = self._pad + _WINDOW  # pre-roll, so the first syllable is not clipped
            if len(self._buf) > keep:
                self._buf_start += len(self._buf) - keep
                self._buf = self._buf[-keep:]

    def _window(self, end: int, prob: float) -> None:
        if not self._in_speech:
            if prob >= self._on:
                self._in_speech = True
                self._utt_start = max(end - _WINDOW - self._pad, self._buf_start, self._emitted_until)
                self._speech_end = end
                self._speech_samples = _WINDOW
                self._probs = [(end, prob)]
            return
        self._probs.append((end, prob))
        if prob >= self._off:
            self._speech_end = end
            if prob >= self._on:
                self._speech_samples += _WINDOW
        if end - self._speech_end >= self._silence:
            self._close(min(self._speech_end + self._pad, end))
        elif end - self._utt_start >= self._max:
            self._cut()

    def _cut(self) -> None:
        """Too long: cut at the least speech-like window of the last quarter and carry on."""
        quarter = self._max // 4
        candidates = [(p, e) for e, p in self._probs if e >= self._utt_start + self._max - quarter]
        _, cut_at = min(candidates) if candidates else (0.0, self._probs[-1][0])
        self._close(cut_at, always=True)
        self._in_speech = True
        self._utt_start = cut_at
        self._speech_samples = sum(_WINDOW for e, p in self._probs if e > cut_at and p >= self._on)
        self._probs = [(e, p) for e, p in self._probs if e > cut_at]

    def _close(self, end: int, always: bool = False) -> None:
        self._in_speech = False
        if always or self._speech_samples >= self._min_speech:
            first = self._utt_start - self._buf_start
            audio = self._buf[max(first, 0) : end - self._buf_start].copy()
            if len(audio):
                self._emit(Utterance(self._utt_start, audio))
        self._emitted_until = max(self._emitted_until, end)
        self._probs = []

    def flush(self) -> None:
        """End the utterance in progress (at stop), keeping its trailing audio."""
        if self._in_speech:
            self._close(self.clock)


class LiveTranscriber:
    """Transcribes the recorder's tap as it comes; see the module docstring.

    ``on_segment`` and ``on_lag`` run on the ASR thread.
    """

    def __init__(
        self,
        model: WhisperModel,
        language: str | None = None,
        on_segment: SegmentCallback | None = None,
        *,
        on_lag: Callable[[float], None] | None = None,
        silence_ms: int = 500,
        max_utterance_s: float = 20.0,
        max_pending_s: float = 10.0,
        beam_size: int = 1,
        script: str | None = None,
        glossary: Hints | None = None,
    ) -> None:
        self.model = model
        self.language = language
        self.glossary = glossary
        self.on_segment = on_segment
        self.on_lag = on_lag
        self.beam_size = beam_size
        self.script = script
        self.max_pending_s = max_pending_s
        self.skipped_seconds = 0.0
        self.dropped_blocks = 0
        self.hurried_batches = 0  # Whisper calls made while behind, without fallbacks or respelling
        self.utterances = 0
        self._segmenter = Segmenter(self._enqueue, silence_ms=silence_ms, max_utterance_s=max_utterance_s)
        self._audio: queue.Queue = queue.Queue(maxsize=1000)
        self._pending: deque[Utterance] = deque()
        self._busy_from: int | None = None  # clock sample where the utterance being transcribed ends
        self._cond = threading.Condition()
        self._input_done = False
        self._started_clock = False
        self._repeats = RepeatFilter()
        self._last_language: str | None = None  # given to utterances too short to tell
        self._track = LanguageTrack()  # a change of language needs a sure detection
        self._threads: list[threading.Thread] = []

    # -- public API -------------------------------------------------------------------------------

    def start(self) -> None:
        self._threads = [
            threading.Thread(target=self._vad_loop, name="minutes-live-vad", daemon=True),
            threading.Thread(target=self._asr_loop, name="minutes-live-asr", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def feed(self, block: np.ndarray, at: float) -> None:
        """Tap callback: 16 kHz mono float32 ``block`` starting at ``at`` s. Never blocks."""
        try:
            self._audio.put_nowait((block, at))
        except queue.Full:
            self.dropped_blocks += 1  # the VAD thread is starved; the clock check re-syncs later

    def stop(self, timeout: float | None = None) -> None:
        """Finish: cut the last utterance, transcribe what is waiting, and end the threads."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._threads and self._threads[0].is_alive():
            try:
                self._audio.put(_STOP, timeout=0.2)
                break
            except queue.Full:
                continue
        for thread in self._threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))

    @property
    def lag(self) -> float:
        """Seconds between the end of the oldest untranscribed speech and the newest audio received."""
        with self._cond:
            oldest = self._busy_from if self._busy_from is not None else (
                self._pending[0].end if self._pending else None
            )
            now = self._segmenter.clock
        return max(0.0, (now - oldest) / SAMPLE_RATE) if oldest is not None else 0.0

    @property
    def idle(self) -> bool:
        """True when every block fed so far has been heard and no speech waits for (or is in) Whisper."""
        with self._cond:
            waiting = bool(self._pending) or self._busy_from is not None
        return not waiting and self._audio.unfinished_tasks == 0

    # -- VAD thread -------------------------------------------------------------------------------

    def _vad_loop(self) -> None:
        vad = StreamingVad()
        try:
            while True:
                item = self._audio.get()
                if item is _STOP:
                    break
                block, at = item
                sample = int(round(at * SAMPLE_RATE))
                if not self._started_clock or abs(sample - self._segmenter.clock) > SAMPLE_RATE // 10:
                    # First block, or blocks were lost: re-align so times stay on the file's clock.
                    if self._started_clock:
                        vad = StreamingVad()
                    self._segmenter.restart(sample)
                    self._started_clock = True
                self._segmenter.push(block, vad(block))
                self._audio.task_done()
            self._segmenter.flush()
        except Exception:
            log.exception("Live VAD failed; live transcription stops (the recording continues)")
        finally:
            with self._cond:
                self._input_done = True
                self._cond.notify_all()

    def _enqueue(self, utterance: Utterance) -> None:
        with self._cond:
            self._pending.append(utterance)
            self.utterances += 1
            limit = int(self.max_pending_s * SAMPLE_RATE)
            while len(self._pending) > 1 and sum(len(u.audio) for u in self._pending) > limit:
                skipped = self._pending.popleft()
                self.skipped_seconds += len(skipped.audio) / SAMPLE_RATE
                log.info("Live transcription is behind; skipped %.1f s", len(skipped.audio) / SAMPLE_RATE)
            self._cond.notify_all()

    # -- ASR thread -------------------------------------------------------------------------------

    def _asr_loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._input_done:
                    self._cond.wait()
                if not self._pending:
                    return
                batch = self._take_batch()
                hurried = len(batch) > 1 or bool(self._pending)  # behind the speaker: no second tries
                self.hurried_batches += hurried
                self._busy_from = batch[-1].end
            try:
                self._transcribe(batch, hurried)
            except Exception:
                log.exception("Live transcription of an utterance failed")
            with self._cond:
                self._busy_from = None
            if self.on_lag is not None:
                try:
                    self.on_lag(self.lag)
                except Exception:
                    log.exception("on_lag callback failed")

    def _take_batch(self) -> list[Utterance]:
        """The oldest utterance plus those queued behind it that fit in one Whisper window."""
        batch = [self._pending.popleft()]
        limit = _MERGE_LIMIT_S * SAMPLE_RATE
        total = len(batch[0].audio)
        while self._pending and total + len(self._pending[0].audio) + _MERGE_GAP_S * SAMPLE_RATE <= limit:
            total += len(self._pending[0].audio) + int(_MERGE_GAP_S * SAMPLE_RATE)
            batch.append(self._pending.popleft())
        return batch

    def _transcribe(self, batch: list[Utterance], hurried: bool = False) -> None:
        """Decode a batch: with automatic language, each utterance's language is read from the encoder output
        of the batch (one encoder pass, reused by the decoding when the batch holds one language), and a batch
        holding two languages is decoded once per language, each from its own utterances."""
        if self.language is not None:
            self._decode(batch, self.language, detected=True, hurried=hurried)
            return
        audio, _ = _join(batch)
        gap = int(_MERGE_GAP_S * SAMPLE_RATE)
        heard = self._track.follow(
            window_languages(self.model, audio, [len(u.audio) + gap for u in batch[:-1]] + [len(batch[-1].audio)]))
        languages = []
        for language in heard:
            self._last_language = language or self._last_language
            languages.append(self._last_language)
        groups: dict[str | None, list[Utterance]] = {}
        for utterance, language in zip(batch, languages, strict=True):
            groups.setdefault(language, []).append(utterance)
        if len(groups) > 1:
            reusable_encoder(self.model).forget()
        for language, utterances in groups.items():
            detected = any(h is not None for h, u in zip(heard, batch, strict=True) if u in utterances)
            self._decode(utterances, language, detected=detected, hurried=hurried)

    def _decode(self, batch: list[Utterance], language: str | None, *, detected: bool, hurried: bool) -> None:
        """Decode utterances in ``language`` (None: Whisper detects it) and hand over their segments, those
        Whisper was sure of flagged :data:`FLAG_LIVE_SURE` when their language was ``detected`` or given.

        ``hurried`` (the transcriber is behind): one decode at the first temperature and no glossary
        respelling, so the text catches up; what Whisper was unsure of is left to the final pass."""
        audio, clock = _join(batch)
        pieces, info = self.model.transcribe(
            audio,
            language=language,
            beam_size=self.beam_size,
            word_timestamps=True,
            vad_filter=False,  # already cut by our VAD
            condition_on_previous_text=False,
            no_speech_threshold=0.6,
            log_prob_threshold=-1.0,
            compression_ratio_threshold=2.4,
            temperature=(0.0,) if hurried else (0.0, 0.2, 0.4, 0.6),
            hallucination_silence_threshold=2.0,
        )
        language = language or info.language
        current: list = []

        def watched() -> Iterator:  # to_segments yields a segment while its piece is the last one read
            for piece in pieces:
                current[:] = [piece]
                yield piece

        found = []
        for segment in to_segments(watched(), clock, language, self.script):
            if not self._repeats.accept(segment):
                continue
            if detected and is_sure(current[0]):
                segment.flags.append(FLAG_LIVE_SURE)
            found.append(segment)
        if self.glossary and not hurried:  # with respell's own beam search: greedy decoding is what misses names
            found = respell(self.model, audio, found, language, self.glossary.for_language(language),
                            self.glossary.terms_for(language))
        for segment in found:
            if self.on_segment is not None:
                self.on_segment(segment.start, segment.end, segment.text, language, segment.words, segment.flags)


def is_sure(piece: object) -> bool:
    """True when Whisper decoded a segment without doubt: first temperature, high average log-probability,
    little chance of no speech, no repetition (the final pass keeps such live segments, see
    :mod:`minutes.asr.reuse`)."""
    return (piece.temperature == 0.0 and piece.avg_logprob >= SURE_LOGPROB and piece.no_speech_prob <= SURE_NO_SPEECH
            and piece.compression_ratio <= SURE_COMPRESSION)


def _join(batch: list[Utterance]) -> tuple[np.ndarray, Callable[[float], float]]:
    """The utterances joined with short silences, and the map from a time in the joined audio to the clock."""
    gap = np.zeros(int(_MERGE_GAP_S * SAMPLE_RATE), dtype=np.float32)
    pieces: list[tuple[float, float]] = []  # (offset in merged audio, clock start), both seconds
    parts: list[np.ndarray] = []
    offset = 0
    for utterance in batch:
        if parts:
            parts.append(gap)
            offset += len(gap)
        pieces.append((offset / SAMPLE_RATE, utterance.start / SAMPLE_RATE))
        parts.append(utterance.audio)
        offset += len(utterance.audio)

    def clock(t: float) -> float:
        base, start = pieces[0]
        for piece_offset, piece_start in pieces:
            if t + 1e-6 >= piece_offset:
                base, start = piece_offset, piece_start
        return round(start + max(t - base, 0.0), 3)

    return np.concatenate(parts), clock
