"""The language of each utterance, read from the encoder output of the Whisper window that decodes it.

Whisper decodes one window in one language, so a window holding English and Mandarin loses the Mandarin;
Minutes therefore decides the language per utterance. Asking ``WhisperModel.detect_language`` for each
utterance costs one encoder pass over a padded 30-second window per utterance, which made automatic
language nearly twice as slow as a given one. Here each utterance's language is read from its own stretch
of the encoder output of a window that holds it (50 frames a second): one decoder step per utterance.

- :func:`window_languages` (the live transcriber): the utterances are joined as they will be decoded, the
  window is encoded once, and when it holds one language that output is handed to the decoding
  (:class:`ReusableEncoder`), so a window costs one encoder pass, as with plain faster-whisper.
- :class:`BlockLanguages` (a file): a block of utterances is decoded in one language as with a given
  language, Whisper's windows falling where its decoding puts them; each window's encoder output is shown
  to the block on its way to the decoder, and when it holds an utterance in another language the decoding
  stops there (:class:`LanguageChange`) and the caller decodes that window's utterances per language; from
  there it reads each window before decoding it (:meth:`BlockLanguages.read_ahead`). English-only audio
  costs what ``--language en`` costs.

On short or far-field utterances Whisper is unsure and names a wrong language now and then (Welsh for a
mumbled English aside in a meeting). Decoding such an utterance in that language garbles it and is costly:
the garbled text fails the compression and log-probability checks, and every temperature is tried in turn.
:class:`LanguageTrack` therefore keeps the language of the utterances around unless the detection is sure
of a change, or names a language the session has already been sure of. A stretch of a joined window's
encoder output can be sure of a language the utterance read on its own is not (an English aside in a meeting
read as Welsh at 0.95 from its stretch, 0.53 on its own): a language not heard before in the session is
therefore taken only when the utterance, encoded on its own, is sure of it too (:class:`BlockLanguages`;
one encoder pass each time a new language is met, so a bilingual session pays it once).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from minutes.audio.source import SAMPLE_RATE

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

MIN_DETECT_SECONDS = 1.0  # shorter utterances take their neighbour's language
MIN_PROBABILITY = 0.5
SURE_PROBABILITY = 0.9  # a change of language to one not yet heard needs this much
SAMPLES_PER_FEATURE_FRAME = 160  # the 10 ms mel hop: faster-whisper's seek counts these
_SAMPLES_PER_ENCODER_FRAME = 320  # 10 ms mel hop, halved by the encoder's stride

T = TypeVar("T")
Watch = Callable[[np.ndarray, object], None]


class ReusableEncoder:
    """Stands in for ``model.encode``: an input just encoded for detection is not encoded a second time, and
    while this thread watches (:meth:`watching`) every encoder output is shown to the watch before decoding.

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
            output = kept[1]
        else:
            output = self._encode(features)
        watch = getattr(self._local, "watch", None)
        if watch is not None:
            watch(features, output)
        return output

    def encode_aside(self, features: np.ndarray):  # noqa: ANN201
        """Encode ``features`` for a look of one's own: neither watched nor kept, nor disturbing what is kept."""
        return self._encode(features)

    def encode_and_keep(self, features: np.ndarray):  # noqa: ANN201
        output = self._encode(features)
        self._local.kept = (features, output)
        return output

    def forget(self) -> None:
        self._local.kept = None

    @contextmanager
    def watching(self, watch: Watch) -> Iterator[None]:
        self._local.watch = watch
        try:
            yield
        finally:
            self._local.watch = None


def reusable_encoder(model: WhisperModel) -> ReusableEncoder:
    """The model's :class:`ReusableEncoder`, installed on first use."""
    encoder = model.__dict__.get("encode")
    if not isinstance(encoder, ReusableEncoder):
        encoder = ReusableEncoder(model.encode)
        model.encode = encoder
    return encoder


class ReusableFeatures:
    """Stands in for ``model.feature_extractor``: the features of a block, computed to read its languages,
    are handed to faster-whisper when it is given that same block to decode instead of being computed again
    (and its windows are then slices of them that :class:`BlockLanguages` can find)."""

    def __init__(self, extractor) -> None:  # noqa: ANN001 - faster-whisper's FeatureExtractor
        self._extractor = extractor
        self._local = threading.local()

    def __getattr__(self, name: str):  # noqa: ANN204 - sampling_rate, nb_max_frames, ... of the extractor
        return getattr(self._extractor, name)

    def __call__(self, audio: np.ndarray, *args, **kwargs) -> np.ndarray:  # noqa: ANN002, ANN003
        kept = getattr(self._local, "kept", None)
        if kept is not None and kept[0] is audio and not args and kwargs.get("chunk_length") is None:
            return kept[1]
        return self._extractor(audio, *args, **kwargs)

    def compute_and_keep(self, audio: np.ndarray) -> np.ndarray:
        features = self._extractor(audio)
        self._local.kept = (audio, features)
        return features

    def forget(self) -> None:
        self._local.kept = None


def reusable_features(model: WhisperModel) -> ReusableFeatures:
    """The model's :class:`ReusableFeatures`, installed on first use."""
    if not isinstance(model.feature_extractor, ReusableFeatures):
        model.feature_extractor = ReusableFeatures(model.feature_extractor)
    return model.feature_extractor


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

    def follow(self, detections: Sequence[Detection], confirm: Callable[[int], Detection] | None = None
               ) -> list[str | None]:
        """The decision for each detection in turn. ``confirm(i)`` (when given) reads the i-th utterance again
        on its own; it is asked when a detection would bring in a language the session has not been sure of
        while it is sure of the language before, and its answer is decided instead."""
        decided = []
        for i, detection in enumerate(detections):
            if confirm is not None and self._new_language(detection):
                detection = confirm(i)
            language = self._decide(detection)
            if language is not None:
                self.current = language
            decided.append(language)
        return decided

    def _new_language(self, detection: Detection) -> bool:
        return (detection is not None and detection[1] >= SURE_PROBABILITY and detection[0] not in self.sure
                and self.current in self.sure)

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
    if not model.model.is_multilingual:
        return [("en", 1.0)] * len(lengths)
    features = model.feature_extractor(speech)
    frames = np.asarray(reusable_encoder(model).encode_and_keep(_first_window(model, features, 0)))
    ends = np.cumsum(lengths).tolist()
    return _read_languages(model, frames, list(zip([0, *ends[:-1]], ends, strict=True)))


def _first_window(model: WhisperModel, features: np.ndarray, seek: int) -> np.ndarray:
    """What ``WhisperModel.generate_segments`` encodes from ``seek``: up to 30 s of the content frames, padded."""
    from faster_whisper.audio import pad_or_trim

    content = features.shape[-1] - 1
    return pad_or_trim(features[:, seek : seek + min(model.feature_extractor.nb_max_frames, content - seek)])


def _read_languages(model: WhisperModel, frames: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[Detection]:
    """The language of each span (samples from the window's start) of a window's encoder output ``frames``."""
    import ctranslate2

    if not model.model.is_multilingual:
        return [("en", 1.0)] * len(spans)
    languages: list[Detection] = []
    for first, last in spans:
        begin = first // _SAMPLES_PER_ENCODER_FRAME
        end = min(last // _SAMPLES_PER_ENCODER_FRAME, frames.shape[1])
        if last - first < MIN_DETECT_SECONDS * SAMPLE_RATE or end - begin < 1:
            languages.append(None)
            continue
        stretch = ctranslate2.StorageView.from_array(np.ascontiguousarray(frames[:, begin:end]))
        token, probability = model.model.detect_language(stretch)[0][0]
        languages.append((token[2:-2], probability))
    return languages


class LanguageChange(Exception):  # noqa: N818 - a signal to the caller, not an error
    """The window about to be decoded holds an utterance in another language than the block's decoding (or
    none can be told): ``seek`` is the feature frame of the block where that window begins."""

    def __init__(self, seek: int) -> None:
        super().__init__(seek)
        self.seek = seek


class BlockLanguages:
    """The language of each utterance of a block of speech, read from the encoder output of each Whisper
    window as the block is decoded (see the module docstring).

    ``speech`` is the block's utterances joined (``lengths`` in samples, in order), exactly as it is handed
    to ``model.transcribe``. Each utterance is read once, from the first window that shows all of it or at
    least :data:`MIN_DETECT_SECONDS` of it, and decided by ``track``; :attr:`languages` holds the decisions.
    """

    def __init__(self, model: WhisperModel, speech: np.ndarray, lengths: Sequence[int], track: LanguageTrack
                 ) -> None:
        self._model = model
        self._track = track
        self.features = reusable_features(model).compute_and_keep(speech)
        self._content = self.features.shape[-1] - 1
        self.ends = np.cumsum(lengths).tolist()
        self.starts = [0, *self.ends[:-1]]
        self.languages: list[str | None] = [None] * len(lengths)
        self._read = [False] * len(lengths)
        self._after = 0
        self.language: str | None = None
        """The language the block is being decoded in."""

    def seek(self, utterance: int) -> int:
        """The first feature frame that lies wholly in ``utterance`` (not in the one before)."""
        return -(-self.starts[utterance] // SAMPLES_PER_FEATURE_FRAME)

    def window(self, seek: int) -> list[int]:
        """The utterances the window beginning at feature frame ``seek`` shows."""
        first, last = self._span(seek)
        return [i for i, (a, b) in enumerate(zip(self.starts, self.ends, strict=True)) if a < last and b > first]

    def start(self, utterance: int) -> str:
        """Begin decoding at ``utterance`` in the language before; with none, read the first window ahead (its
        encoder output kept for the decoding) and take its language. Raises :class:`LanguageChange` when
        that window holds two languages or none can be told."""
        self.language = self._track.current
        if self.language is None:
            heard = {language for language in self._read_ahead(utterance) if language is not None}
            if len(heard) != 1:
                raise LanguageChange(self.seek(utterance))
            self.language = heard.pop()
        return self.language

    def read_ahead(self, utterance: int) -> list[int]:
        """Read the window that begins at ``utterance`` before decoding it (its encoder output kept, so a
        decoding that begins there costs no second pass); the utterances it :meth:`shown`."""
        self._read_ahead(utterance)
        return self.shown(self.seek(utterance))

    def shown(self, seek: int) -> list[int]:
        """The utterances the window beginning at feature frame ``seek`` shows, but for those at its end that
        it cut off too early to read (the next window reads them)."""
        shown = self.window(seek)
        while len(shown) > 1 and not self._read[shown[-1]]:
            shown.pop()
        return shown

    def _read_ahead(self, utterance: int) -> list[str | None]:
        seek = self.seek(utterance)
        frames = reusable_encoder(self._model).encode_and_keep(_first_window(self._model, self.features, seek))
        return self._hear(seek, frames)

    def decoding(self, segments: Iterator[T]) -> Iterator[T]:
        """``segments`` of the block's decoding, every window it encodes read on the way (only while a segment
        is being produced: the caller's own decoding in between is not watched)."""
        encoder = reusable_encoder(self._model)
        end = object()
        while True:
            with encoder.watching(self._watch):
                segment = next(segments, end)
            if segment is end:
                return
            yield segment

    def forget(self) -> None:
        reusable_features(self._model).forget()
        reusable_encoder(self._model).forget()

    def _watch(self, features: np.ndarray, output: object) -> None:
        seek = self._locate(features)
        if seek is None:
            return  # not a window of this block's decoding
        if any(language not in (None, self.language) for language in self._hear(seek, output)):
            raise LanguageChange(seek)

    def _locate(self, window: np.ndarray) -> int | None:
        """The feature frame where ``window`` (a slice of the block's features, padded to 30 s) begins."""
        window = window.reshape(window.shape[-2:])
        column = window[:, :1]
        candidates = np.flatnonzero((self.features[:, self._after : self._content] == column).all(axis=0))
        for seek in (int(c) + self._after for c in candidates):
            size = min(window.shape[-1], self._content - seek)
            if np.array_equal(self.features[:, seek : seek + size], window[:, :size]):
                self._after = seek + 1
                return seek
        return None

    def _alone(self, utterance: int) -> Detection:
        """The language of ``utterance`` encoded on its own (its first 30 s), as Whisper detects a window's.

        This runs while a window of the block's decoding is being watched: the encoding is set aside, so that
        window's kept output stays what the decoding gets."""
        from faster_whisper.audio import pad_or_trim

        first = self.starts[utterance] // SAMPLES_PER_FEATURE_FRAME
        last = min(-(-self.ends[utterance] // SAMPLES_PER_FEATURE_FRAME), self._content,
                   first + self._model.feature_extractor.nb_max_frames)
        output = reusable_encoder(self._model).encode_aside(pad_or_trim(self.features[:, first:last]))
        token, probability = self._model.model.detect_language(output)[0][0]
        return token[2:-2], probability

    def _span(self, seek: int) -> tuple[int, int]:
        """The samples of the block that the window beginning at ``seek`` holds (its padding left out)."""
        size = min(self._model.feature_extractor.nb_max_frames, self._content - seek)
        return seek * SAMPLES_PER_FEATURE_FRAME, (seek + size) * SAMPLES_PER_FEATURE_FRAME

    def _hear(self, seek: int, output: object) -> list[str | None]:
        """Decide the utterances the window at ``seek`` shows for the first time (one cut off at its end with
        less than :data:`MIN_DETECT_SECONDS` shown waits for the next window); their decisions in order."""
        first, last = self._span(seek)
        picked, spans = [], []
        for i in self.window(seek):
            shown = (max(self.starts[i], first) - first, min(self.ends[i], last) - first)
            if self._read[i] or (self.ends[i] > last and shown[1] - shown[0] < MIN_DETECT_SECONDS * SAMPLE_RATE):
                continue
            picked.append(i)
            spans.append(shown)
        if not picked:
            return []
        decided = self._track.follow(_read_languages(self._model, np.asarray(output), spans),
                                     confirm=lambda k: self._alone(picked[k]))
        for i, language in zip(picked, decided, strict=True):
            self._read[i], self.languages[i] = True, language
        return decided
