"""Where the speech is: faster-whisper's bundled Silero VAD, run over audio a window at a time.

:class:`StreamingVad` gives Silero's speech probability for each 512-sample window of a stream,
carrying the model's recurrent state between calls, so streaming gives the same probabilities as one
pass over the whole file. :func:`speech_regions` runs it over an :class:`~minutes.audio.source.AudioSource`
in blocks and turns the probabilities into speech regions exactly as
``faster_whisper.vad.get_speech_timestamps`` does, without ever holding more than one block of samples:
that function needs the whole recording in one array, which for a 90-minute session is most of the
memory a transcription used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from minutes.audio.source import SAMPLE_RATE, AudioSource
from minutes.errors import Cancelled

if TYPE_CHECKING:
    from faster_whisper.vad import VadOptions

WINDOW = 512  # Silero's window at 16 kHz
_CONTEXT = 64  # samples of the previous window Silero v5/v6 expects in front of each window
BLOCK_WINDOWS = 10_000  # windows per read: faster-whisper's own batch (320 s of audio, 20 MB)


class StreamingVad:
    """Silero speech probabilities for a stream of 16 kHz samples, one per 512-sample window."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session = get_vad_model().session
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)

    def __call__(self, samples: np.ndarray) -> np.ndarray:
        """Probabilities of the whole windows completed by ``samples`` (the rest waits for more)."""
        data = np.concatenate([self._pending, samples.astype(np.float32, copy=False)])
        count = len(data) // WINDOW
        self._pending = data[count * WINDOW :]
        if count == 0:
            return np.zeros(0, dtype=np.float32)
        windows = data[: count * WINDOW].reshape(count, WINDOW)
        contexts = np.concatenate([self._context[None, :], windows[:-1, -_CONTEXT:]], axis=0)
        self._context = windows[-1, -_CONTEXT:].copy()
        batch = np.concatenate([contexts, windows], axis=1)
        out, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
        return np.asarray(out, dtype=np.float32).reshape(-1)


def speech_probabilities(source: AudioSource, start: float = 0.0,
                         cancelled: Callable[[], bool] | None = None) -> tuple[np.ndarray, int]:
    """Silero's probability per window of ``source`` from ``start`` s, and the number of samples covered.

    The stream is padded with zeros to a whole window (a whole extra one when it already ends on one),
    as faster-whisper pads the array it is given.
    """
    vad = StreamingVad()
    parts = []
    length = 0
    offset = start
    block = BLOCK_WINDOWS * WINDOW / SAMPLE_RATE
    while offset < source.duration:
        if cancelled is not None and cancelled():
            raise Cancelled
        samples = source.read(offset, offset + block)
        if len(samples) == 0:
            break
        length += len(samples)
        parts.append(vad(samples))
        offset += len(samples) / SAMPLE_RATE
    parts.append(vad(np.zeros(WINDOW - length % WINDOW, dtype=np.float32)))
    return np.concatenate(parts), length


def speech_regions(source: AudioSource, options: VadOptions, *, start: float = 0.0,
                   cancelled: Callable[[], bool] | None = None) -> list[tuple[int, int]]:
    """Speech in ``source`` from ``start`` s as ``(first, last)`` samples on the source's clock.

    The regions are those ``faster_whisper.vad.get_speech_timestamps`` finds in ``source`` cut at
    ``start`` (its logic, ported to work on the probabilities): padded by ``speech_pad_ms``, split at
    ``max_speech_duration_s``, with pauses shorter than ``min_silence_duration_ms`` kept inside.
    """
    probabilities, length = speech_probabilities(source, start, cancelled)
    offset = int(round(start * SAMPLE_RATE))
    return [(first + offset, last + offset) for first, last in _regions(probabilities, length, options)]


def _regions(speech_probs: np.ndarray, audio_length_samples: int, options: VadOptions) -> list[tuple[int, int]]:
    """faster_whisper.vad.get_speech_timestamps (faster-whisper 1.2, MIT licence) after its model call."""
    threshold = options.threshold
    neg_threshold = options.neg_threshold if options.neg_threshold is not None else max(threshold - 0.15, 0.01)
    min_speech_samples = SAMPLE_RATE * options.min_speech_duration_ms / 1000
    speech_pad_samples = SAMPLE_RATE * options.speech_pad_ms / 1000
    max_speech_samples = SAMPLE_RATE * options.max_speech_duration_s - WINDOW - 2 * speech_pad_samples
    min_silence_samples = SAMPLE_RATE * options.min_silence_duration_ms / 1000
    min_silence_samples_at_max_speech = SAMPLE_RATE * 98 / 1000

    triggered = False
    speeches: list[dict] = []
    current: dict = {}
    temp_end = 0  # a possible end of speech, while some silence is tolerated
    prev_end = next_start = 0  # possible limits, for when the maximum speech length is reached
    for i, prob in enumerate(speech_probs.tolist()):
        at = WINDOW * i
        if prob >= threshold and temp_end:
            temp_end = 0
            if next_start < prev_end:
                next_start = at
        if prob >= threshold and not triggered:
            triggered = True
            current["start"] = at
            continue
        if triggered and at - current["start"] > max_speech_samples:
            if prev_end:
                current["end"] = prev_end
                speeches.append(current)
                current = {}
                if next_start < prev_end:  # silence reached before, and still no speech
                    triggered = False
                else:
                    current["start"] = next_start
                prev_end = next_start = temp_end = 0
            else:
                current["end"] = at
                speeches.append(current)
                current = {}
                prev_end = next_start = temp_end = 0
                triggered = False
                continue
        if prob < neg_threshold and triggered:
            if not temp_end:
                temp_end = at
            if at - temp_end > min_silence_samples_at_max_speech:
                prev_end = temp_end
            if at - temp_end < min_silence_samples:
                continue
            current["end"] = temp_end
            if current["end"] - current["start"] > min_speech_samples:
                speeches.append(current)
            current = {}
            prev_end = next_start = temp_end = 0
            triggered = False
    if current and audio_length_samples - current["start"] > min_speech_samples:
        current["end"] = audio_length_samples
        speeches.append(current)

    for i, speech in enumerate(speeches):
        if i == 0:
            speech["start"] = int(max(0, speech["start"] - speech_pad_samples))
        if i != len(speeches) - 1:
            silence = speeches[i + 1]["start"] - speech["end"]
            if silence < 2 * speech_pad_samples:
                speech["end"] += int(silence // 2)
                speeches[i + 1]["start"] = int(max(0, speeches[i + 1]["start"] - silence // 2))
            else:
                speech["end"] = int(min(audio_length_samples, speech["end"] + speech_pad_samples))
                speeches[i + 1]["start"] = int(max(0, speeches[i + 1]["start"] - speech_pad_samples))
        else:
            speech["end"] = int(min(audio_length_samples, speech["end"] + speech_pad_samples))
    return [(s["start"], s["end"]) for s in speeches]
