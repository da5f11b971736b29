"""The language of each utterance, read from the encoder output of the Whisper window that decodes it.

Whisper decodes one window in one language, so a window holding English and Mandarin loses the Mandarin;
Minutes therefore decides the language per utterance. Asking ``WhisperModel.detect_language`` for each
utterance costs one encoder pass over a padded 30-second window per utterance, which made automatic
language nearly twice as slow as a given one. Here the utterances of a window are joined as they will be
decoded, the window is encoded once, and each utterance's language is read from its own stretch of the
encoder output (50 frames a second): one decoder step per utterance. When the window turns out to hold one
language, that same encoder output is handed to the decoding (:class:`ReusableEncoder`), so a window costs
one encoder pass, as with plain faster-whisper.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from minutes.audio.source import SAMPLE_RATE

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

MIN_DETECT_SECONDS = 1.0  # shorter utterances take their neighbour's language
MIN_PROBABILITY = 0.5
_SAMPLES_PER_ENCODER_FRAME = 320  # 10 ms mel hop, halved by the encoder's stride


class ReusableEncoder:
    """Stands in for ``model.encode``: an input just encoded for detection is not encoded a second time.

    faster-whisper encodes the first window of a decode with ``self.encode(features)``; when those are the
    features this thread has just encoded, the kept output is returned. Anything else (other windows, other
    threads) is encoded as usual.
    """

    def __init__(self, encode) -> None:  # noqa: ANN001 - the model's bound method
        self._encode = encode
        self._local = threading.local()

    def __call__(self, features: np.ndarray):  # noqa: ANN204 - a ctranslate2.StorageView
        kept = getattr(self._local, "kept", None)
        if kept is not None and kept[0].shape == features.shape and np.array_equal(kept[0], features):
            self._local.kept = None
            return kept[1]
        return self._encode(features)

    def encode_and_keep(self, features: np.ndarray):  # noqa: ANN201
        output = self._encode(features)
        self._local.kept = (features, output)
        return output

    def forget(self) -> None:
        self._local.kept = None


def reusable_encoder(model: WhisperModel) -> ReusableEncoder:
    """The model's :class:`ReusableEncoder`, installed on first use."""
    encoder = model.__dict__.get("encode")
    if not isinstance(encoder, ReusableEncoder):
        encoder = ReusableEncoder(model.encode)
        model.encode = encoder
    return encoder


def window_languages(model: WhisperModel, speech: np.ndarray, lengths: Sequence[int]) -> list[str | None]:
    """The language of each of the utterances joined in ``speech`` (``lengths`` in samples, in order).

    None for an utterance too short to tell or below :data:`MIN_PROBABILITY`. The encoder output of the
    window is kept for the decoding that follows (see :class:`ReusableEncoder`).
    """
    import ctranslate2
    from faster_whisper.audio import pad_or_trim

    if not model.model.is_multilingual:
        return ["en"] * len(lengths)
    features = model.feature_extractor(speech)
    # What WhisperModel.generate_segments encodes first: up to 30 s of the content frames, padded.
    first = pad_or_trim(features[:, : min(model.feature_extractor.nb_max_frames, features.shape[-1] - 1)])
    frames = np.asarray(reusable_encoder(model).encode_and_keep(first))
    languages: list[str | None] = []
    at = 0
    for length in lengths:
        begin = at // _SAMPLES_PER_ENCODER_FRAME
        end = min((at + length) // _SAMPLES_PER_ENCODER_FRAME, frames.shape[1])
        at += length
        if length < MIN_DETECT_SECONDS * SAMPLE_RATE or end - begin < 1:
            languages.append(None)
            continue
        stretch = ctranslate2.StorageView.from_array(np.ascontiguousarray(frames[:, begin:end]))
        token, probability = model.model.detect_language(stretch)[0][0]
        languages.append(token[2:-2] if probability >= MIN_PROBABILITY else None)
    return languages
