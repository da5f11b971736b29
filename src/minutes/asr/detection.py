"""The language of each utterance, read from the encoder output of the Whisper window that decodes it.

Whisper decodes one window in one language, so a window holding English and Mandarin loses the Mandarin;
Minutes therefore decides the language per utterance. Asking ``WhisperModel.detect_language`` for each
utterance costs one encoder pass over a padded 30-second window per utterance, which made automatic
language nearly twice as slow as a given one. Here the utterances of a window are joined as they will be
decoded, the window is encoded once, and each utterance's language is read from its own stretch of the
encoder output (50 frames a second): one decoder step per utterance. When the window turns out to hold one
language, that same encoder output is handed to the decoding (:class:`ReusableEncoder`), so a window costs
one encoder pass, as with plain faster-whisper.

On short or far-field utterances Whisper is unsure and names a wrong language now and then (Welsh for a
mumbled English aside in a meeting). Decoding such an utterance in that language garbles it and is costly:
the garbled text fails the compression and log-probability checks, and every temperature is tried in turn.
:class:`LanguageTrack` therefore keeps the language of the utterances around unless the detection is sure
of a change, or names a language the session has already been sure of.
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
SURE_PROBABILITY = 0.9  # a change of language to one not yet heard needs this much
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


Detection = tuple[str, float] | None
"""A language code and its probability; None for an utterance too short to tell."""


class LanguageTrack:
    """Decides each utterance's language from its detection and the utterances before it, window after window.

    A detection is taken when it is sure (:data:`SURE_PROBABILITY`), when it names the language of the
    utterances before or one the session has been sure of, or when the language before was never sure;
    otherwise the utterance is left undecided (it takes its neighbour's language).
    """

    def __init__(self) -> None:
        self.current: str | None = None
        self.sure: set[str] = set()

    def follow(self, detections: Sequence[Detection]) -> list[str | None]:
        decided = []
        for detection in detections:
            language = self._decide(detection)
            if language is not None:
                self.current = language
            decided.append(language)
        return decided

    def _decide(self, detection: Detection) -> str | None:
        if detection is None:
            return None
        language, probability = detection
        if probability >= SURE_PROBABILITY:
            self.sure.add(language)
            return language
        if probability >= MIN_PROBABILITY and (language == self.current or language in self.sure
                                               or self.current not in self.sure):
            return language
        return None


def window_languages(model: WhisperModel, speech: np.ndarray, lengths: Sequence[int]) -> list[Detection]:
    """The most likely language of each of the utterances joined in ``speech`` (``lengths`` in samples, in
    order), with its probability; None for an utterance too short to tell. The encoder output of the window
    is kept for the decoding that follows (see :class:`ReusableEncoder`).
    """
    import ctranslate2
    from faster_whisper.audio import pad_or_trim

    if not model.model.is_multilingual:
        return [("en", 1.0)] * len(lengths)
    features = model.feature_extractor(speech)
    # What WhisperModel.generate_segments encodes first: up to 30 s of the content frames, padded.
    first = pad_or_trim(features[:, : min(model.feature_extractor.nb_max_frames, features.shape[-1] - 1)])
    frames = np.asarray(reusable_encoder(model).encode_and_keep(first))
    languages: list[Detection] = []
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
        languages.append((token[2:-2], probability))
    return languages
