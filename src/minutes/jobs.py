"""Headless work shared by the command line and the window's workers.

- :func:`add_media_session` streams a file's audio (or writes samples) into the workshop as 16 kHz mono FLAC
  and creates its session, all-or-nothing.
- :func:`transcribe_session` runs the pipeline over a stored session, writing each finished chunk and
  the time transcribed so far in one transaction, so a crash keeps the finished part and a rerun
  resumes where it stopped. A session whose speakers are to be labelled next ends up ``labelling``, not
  ``transcribed``, until they are (see :data:`TRANSCRIBED`), so a crash in between is redone too. The
  recording is read from the workshop's FLAC a window at a time (:func:`session_audio`), so memory does
  not grow with the length of the session. Unless the options carry a glossary, the workshop's glossary
  and roster are used
  (:func:`minutes.text.glossary.session_hints`), for the window and the command line alike.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from minutes.asr import reuse
from minutes.asr.pipeline import ChunkCallback, Region, TranscribeOptions, find_speech, transcribe
from minutes.audio import decode
from minutes.audio.source import ArraySource, AudioSource, FileSource, as_source
from minutes.domain import Segment, Session, SessionStatus
from minutes.errors import Cancelled
from minutes.store import WorkshopStore
from minutes.text.glossary import session_hints

if TYPE_CHECKING:
    from faster_whisper import WhisperModel


# Statuses of a session whose transcription is complete: "labelling" still waits for its speakers and
# "translating" for some English translations; "transcribed" is finished.
TRANSCRIBED = (SessionStatus.TRANSCRIBED, SessionStatus.LABELLING, SessionStatus.TRANSLATING)


def audio_file_name(title: str) -> str:
    """A safe, unique file name under ``audio/`` for a session's recording."""
    slug = re.sub(r"[^\w-]+", "-", title, flags=re.UNICODE).strip("-")[:40] or "session"
    return f"{slug}-{uuid.uuid4().hex[:8]}.flac"


def add_media_session(store: WorkshopStore, audio: np.ndarray | Path, session: Session, *,
                      cancelled: Callable[[], bool] | None = None) -> Session:
    """Store ``audio`` as the session's recording and create the session, or change nothing.

    ``audio`` is decoded samples, or a media file (any audio or video file), which is streamed into the
    workshop block by block (InputError when it is not media).
    """
    store.check_title_free(session.title)  # before the recording is written
    relative = f"audio/{audio_file_name(session.title)}"
    target = store.root / relative
    session.duration = write_recording(audio, target, cancelled=cancelled)
    session.audio_file = relative
    try:
        return store.add_session(session)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def write_recording(audio: np.ndarray | Path, target: Path, *, cancelled: Callable[[], bool] | None = None
                    ) -> float:
    """Write samples, or stream a media file, to ``target`` as 16 kHz FLAC (atomically); returns seconds."""
    if isinstance(audio, np.ndarray):
        decode.write_flac(audio, target)
        return decode.duration(audio)
    return decode.copy_to_flac(audio, target, cancelled=cancelled)


def audio_duration(audio: np.ndarray | Path) -> float:
    """Seconds of samples, or of a media file once decoded (decoded block by block, nothing kept)."""
    return decode.duration(audio) if isinstance(audio, np.ndarray) else decode.decoded_duration(audio)


def transcribe_session(
    store: WorkshopStore,
    session: Session,
    model: WhisperModel,
    options: TranscribeOptions,
    *,
    audio: AudioSource | np.ndarray | None = None,
    on_segments: Callable[[list[Segment]], None] | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    label_next: bool = False,
    chunk_started: Callable[[int, int], None] | None = None,
) -> Session:
    """Transcribe the session's recording (``audio``, else the workshop's copy) from where it stopped;
    returns the updated session.

    With ``label_next`` the finished session is left ``labelling``: its speakers are labelled next.
    ``chunk_started(number, count)`` is told as each chunk of the speech left to transcribe begins.
    """
    if audio is None:
        audio = session_audio(store, session)
    if options.glossary is None:
        options = replace(options, glossary=session_hints(store, session, options.script, model=model))
    store.update_session(session.id, status=SessionStatus.TRANSCRIBING, language=options.language or "auto")
    regions = None
    live = [s for s in store.segments(session.id) if s.provisional]
    if live:  # a recording's live text: keep what Whisper was sure of, decode the rest (minutes.asr.reuse)
        regions, keep = _reusing_live(store, session, options, live, audio, on_segments, cancelled)
    else:
        def keep(segments: list[Segment], done_until: float) -> None:
            with store.transaction():
                stored = store.add_segments(session.id, segments)
                store.update_session(session.id, transcribed_until=done_until)
            if on_segments is not None and stored:
                on_segments(stored)

    try:
        transcribe(model, audio, options, keep, start_at=session.transcribed_until, progress=progress,
                   cancelled=cancelled, chunk_started=chunk_started, regions=regions)
    except Cancelled:
        store.update_session(session.id, status=SessionStatus.CANCELLED)
        raise
    store.update_session(session.id, status=SessionStatus.LABELLING if label_next else SessionStatus.TRANSCRIBED)
    return store.session(session.id)


def _reusing_live(store: WorkshopStore, session: Session, options: TranscribeOptions, live: list[Segment],
                  audio: AudioSource | np.ndarray, on_segments: Callable[[list[Segment]], None] | None,
                  cancelled: Callable[[], bool] | None) -> tuple[list[Region], ChunkCallback]:
    """The speech to decode after a recording, and the callback storing each finished stretch: the live
    segments up to there are replaced by the kept ones and the decoded ones, in one transaction, so the live
    text stays readable ahead of the pass and a cancelled pass keeps what it finished. A segment edited
    meanwhile (no longer provisional) is kept, and nothing new is laid over it."""
    start = session.transcribed_until
    languages = reuse.known_languages(live, options.language)
    speech = find_speech(as_source(audio), options, start_at=start, cancelled=cancelled)
    kept, regions = reuse.plan(speech, [s for s in live if s.start >= start], languages)
    edited = [s for s in store.segments(session.id, words=False) if not s.provisional and s.end > start]
    remaining = {s.id: s for s in live}
    waiting = list(kept)

    def keep(decoded: list[Segment], done_until: float) -> None:
        nonlocal waiting
        ready = [reuse.as_final(s, options.script) for s in waiting if s.start < done_until]
        waiting = [s for s in waiting if s.start >= done_until]
        new = sorted(ready + reuse.trim(decoded, kept), key=lambda s: s.start)
        new = [s for s in new if not any(_overlap(s, e) > 0.5 * max(s.end - s.start, 1e-3) for e in edited)]
        replaced = [i for i, s in remaining.items() if s.start < done_until]
        for i in replaced:
            del remaining[i]
        with store.transaction():
            stored = store.replace_segments(session.id, replaced, new)
            store.update_session(session.id, transcribed_until=done_until)
        if on_segments is not None and stored:
            on_segments(stored)

    return regions, keep


def _overlap(a: Segment, b: Segment) -> float:
    return max(0.0, min(a.end, b.end) - max(a.start, b.start))


def needs_transcription(session: Session) -> bool:
    """True if the session's transcription has not finished (or not started)."""
    return session.status not in TRANSCRIBED
def session_audio(store: WorkshopStore, session: Session) -> AudioSource:
    """The session's recording in the workshop, read a window at a time (StoreError when it is missing)."""
    path = store.recording(session)
    try:
        return FileSource(path)
    except ValueError:  # not at 16 kHz (written by another program): decoded whole, as before
        return ArraySource(decode.decode(path))


def is_resumable(session: Session) -> bool:
    """True if a transcription of this session was started and did not finish."""
    resumable = (SessionStatus.TRANSCRIBING, SessionStatus.CANCELLED, SessionStatus.NEW)
    return session.status in resumable and session.transcribed_until < session.duration


def audio_matches(session: Session, audio: np.ndarray | float) -> bool:
    """True if ``audio`` (samples, or a length in seconds) is by its length the recording stored for the session."""
    seconds = audio if isinstance(audio, float) else decode.duration(audio)
    return abs(session.duration - seconds) < 0.05

