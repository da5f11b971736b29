"""English translations of a session's non-English segments, made by Whisper from the audio itself.

Whisper's ``task="translate"`` turns speech in any language into English text. Translating from the
audio, not from our transcript, means a misheard Mandarin word does not get translated twice wrong, and
it needs no second model: the one that transcribed the session does it, offline. Each segment's own span
of the recording (padded a little, so the first and last syllables are whole) is translated on its own,
so the English lines up with the segment it belongs to in the transcript and the minutes.

Each translation is stored as soon as it is made, so a cancelled or crashed run keeps what was done, and
a rerun only translates the segments that still have no translation (unless ``redo`` is set). Meanwhile a
transcribed session's status is ``translating``, so an unfinished run does not pass for a finished one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from minutes.asr.guards import is_phantom
from minutes.audio.source import SAMPLE_RATE, AudioSource, FileSource, as_source
from minutes.domain import Segment, Session, SessionStatus
from minutes.errors import Cancelled, StoreError
from minutes.text.chinese import has_han

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

    from minutes.store import WorkshopStore

log = logging.getLogger(__name__)

PAD_SECONDS = 0.2
FALLBACK_TEMPERATURES = (0.2, 0.4, 0.6, 0.8, 1.0)
MIN_SECONDS = 1.0  # Whisper guesses wildly on slivers of audio; give it at least this much context
TARGET = "en"  # Whisper translates into English only


def needs_translation(segment: Segment, *, redo: bool = False) -> bool:
    """True for a finished, non-English segment with text (and, unless ``redo``, no translation yet)."""
    if segment.provisional or not segment.text.strip() or segment.language in ("", TARGET):
        return False
    return redo or not segment.translation.strip()


def translate_session(
    store: WorkshopStore,
    session: Session,
    model: WhisperModel,
    *,
    audio: AudioSource | np.ndarray | None = None,
    redo: bool = False,
    beam_size: int = 5,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_translated: Callable[[Segment], None] | None = None,
) -> int:
    """Translate the session's non-English segments into English, storing each in ``segment.translation``.

    ``audio`` is the session's recording, a source or 16 kHz samples (the workshop's copy, read a segment at a
    time, when None);
    ``on_translated`` gets each segment as stored with its translation. Returns the number of segments
    translated. Raises :class:`Cancelled` when ``cancelled()`` turns true (what was translated until then
    is kept) and :class:`StoreError` when the recording is missing.
    """
    todo = [s for s in store.segments(session.id) if needs_translation(s, redo=redo)]
    if not todo:
        _finished(store, session)
        if progress is not None:
            progress(1.0)
        return 0
    if audio is None:
        audio = FileSource(store.recording(session))
    if store.session(session.id).status == SessionStatus.TRANSCRIBED:
        store.update_session(session.id, status=SessionStatus.TRANSLATING)
    done = 0
    for index, segment in enumerate(todo):
        if cancelled is not None and cancelled():
            raise Cancelled
        english = translate_span(model, audio, segment.start, segment.end, segment.language, beam_size=beam_size,
                                 cancelled=cancelled)
        stored = _store_translation(store, session, segment, english) if english else None
        if stored is not None:
            done += 1
            if on_translated is not None:
                on_translated(stored)
        if progress is not None:
            progress((index + 1) / len(todo))
    _finished(store, session)
    return done


def _finished(store: WorkshopStore, session: Session) -> None:
    if store.session(session.id).status == SessionStatus.TRANSLATING:
        store.update_session(session.id, status=SessionStatus.TRANSCRIBED)


def translate_span(model: WhisperModel, audio: AudioSource | np.ndarray, start: float, end: float,
                   language: str | None, *, beam_size: int = 5, cancelled: Callable[[], bool] | None = None) -> str:
    """Whisper's English translation of ``audio`` from ``start`` to ``end`` s, spoken in ``language``."""
    source = as_source(audio)
    first, last = _span(start, end, int(round(source.duration * SAMPLE_RATE)))
    if last <= first:
        return ""
    samples = source.read(first / SAMPLE_RATE, last / SAMPLE_RATE)
    # Greedy-at-temperature-0 first, so the same audio always gets the same English; only when that is not
    # English (base models sometimes transcribe instead) are Whisper's sampling fallbacks tried.
    for temperature in (0.0, FALLBACK_TEMPERATURES):
        text = _translate_once(model, samples, language, beam_size, temperature, cancelled)
        if text and not has_han(text):
            return text
    # Han text is no translation.
    log.info("Whisper did not translate %.1f–%.1f s (%s); left untranslated", start, end, text)
    return ""


def _translate_once(model: WhisperModel, samples: np.ndarray, language: str | None, beam_size: int,
                    temperature: float | tuple[float, ...], cancelled: Callable[[], bool] | None) -> str:
    pieces, _info = model.transcribe(
        samples,
        task="translate",
        language=language or None,
        beam_size=beam_size,
        temperature=temperature,
        condition_on_previous_text=False,  # one segment at a time: nothing to condition on, and no loops
        vad_filter=False,  # the span is already speech; the VAD would only clip its edges
        without_timestamps=True,
    )
    parts = []
    for piece in pieces:  # a generator: decoding happens here, so check for cancellation between pieces
        if cancelled is not None and cancelled():
            raise Cancelled
        text = piece.text.strip()
        if (piece.no_speech_prob > 0.6 and piece.avg_logprob < -0.8) or is_phantom(
                text, piece.avg_logprob, piece.no_speech_prob):
            continue
        parts.append(text)
    return " ".join(p for p in parts if p)


def _span(start: float, end: float, total: int) -> tuple[int, int]:
    """Sample range of a segment, padded and widened to :data:`MIN_SECONDS` around its middle."""
    start, end = start - PAD_SECONDS, end + PAD_SECONDS
    if end - start < MIN_SECONDS:
        middle = (start + end) / 2
        start, end = middle - MIN_SECONDS / 2, middle + MIN_SECONDS / 2
    return max(0, int(start * SAMPLE_RATE)), min(total, int(end * SAMPLE_RATE))


def _store_translation(store: WorkshopStore, session: Session, segment: Segment, english: str) -> Segment | None:
    """Write the translation onto the segment as it is *now* (the user may have edited it meanwhile)."""
    with store.transaction():
        try:
            current = store.segment(segment.id)
        except StoreError:
            return None  # deleted or merged away while we translated
        return store.replace_segments(session.id, [current.id], [replace(current, translation=english)])[0]
