"""Decode any audio or video file that PyAV (FFmpeg) can read into 16 kHz mono samples.

Also writes the workshop's copy of a session's audio: 16 kHz mono FLAC, the same format as live
recordings, so playback, diarization and re-transcription read one kind of file. :func:`copy_to_flac`
streams a file into that copy a block at a time, so importing a 3-hour recording needs no more memory than
a 1-minute one; everything after reads the copy in windows (:class:`minutes.audio.source.FileSource`).
The samples are those faster-whisper's own decoder gives (16-bit, resampled by FFmpeg).
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import soundfile as sf

from minutes.audio.sink import SoundSink
from minutes.errors import Cancelled, InputError, StoreError
from minutes.fileio import set_mode

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000


def check_readable(path: Path) -> None:
    """Fail early, with a plain sentence, on a path that cannot be an audio file."""
    if not path.exists():
        raise InputError(f"{path}: no such file. Check the name and the folder.")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not an audio or video file.")
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}.") from exc
    if size == 0:
        raise InputError(f"{path} is empty (0 bytes). Choose the complete recording.")


def _not_media(path: Path, exc: BaseException) -> InputError:
    if _is_media_without_sound(path):
        return InputError(f"{path} has no audio track (it holds only video or images); there is nothing to "
                          "transcribe. Choose a recording with sound.")
    # The decoder's own words name its internals, not what the user can do: they go to the log.
    log.info("%s not decoded: %s: %s", path, type(exc).__name__, exc)
    return InputError(
        f"{path} is not an audio or video file that Minutes can read. "
        "Use a common format such as WAV, MP3, M4A, FLAC, OGG or MP4."
    )


def blocks(path: Path, *, block_seconds: float = 10.0) -> Iterator[np.ndarray]:
    """The file's audio as 16 kHz mono 16-bit blocks of about ``block_seconds`` (the last one shorter).

    Raises InputError when the file is not media PyAV can decode.
    """
    import av

    check_readable(path)
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except Exception as exc:  # noqa: BLE001 - PyAV raises many types for files that are not media
        raise _not_media(path, exc) from exc
    with container:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        wanted = int(block_seconds * SAMPLE_RATE)
        pending: list[np.ndarray] = []
        count = 0
        try:
            frames = container.decode(audio=0)
            while True:
                try:
                    frame = next(frames, None)
                except av.error.InvalidDataError:
                    continue  # a damaged packet: skip it, as faster-whisper's decoder does
                if frame is not None:
                    frame.pts = None  # resample whatever the timestamps say
                for out in resampler.resample(frame):
                    samples = out.to_ndarray().reshape(-1)
                    pending.append(samples)
                    count += len(samples)
                if count >= wanted or (frame is None and count):
                    yield np.concatenate(pending)
                    pending, count = [], 0
                if frame is None:
                    return
        except Exception as exc:  # noqa: BLE001 - as above
            raise _not_media(path, exc) from exc


def copy_to_flac(path: Path, target: Path, *, cancelled: Callable[[], bool] | None = None) -> float:
    """Stream ``path`` into ``target`` as 16 kHz mono FLAC; returns its duration in seconds.

    Written block by block to a temporary file beside ``target`` that replaces it only when complete, so
    the copy is whole or absent (also after Ctrl-C or a cancel). InputError for a file with no audio.
    """
    frames = 0
    with _flac_beside(target) as tmp:
        # Through a SoundSink, as write_flac: a full disk becomes an OSError here, not a cffi traceback.
        with SoundSink(tmp, "w+b") as sink:
            with sf.SoundFile(sink, mode="w", samplerate=SAMPLE_RATE, channels=1, format="FLAC",
                              subtype="PCM_16") as out:
                for block in blocks(path):
                    if cancelled is not None and cancelled():
                        raise Cancelled
                    out.write(block)
                    frames += len(block)
                    sink.check()
            sink.sync()
        if frames == 0:
            raise InputError(f"{path} contains no audio (its duration is zero).")
    return frames / SAMPLE_RATE


def decoded_duration(path: Path) -> float:
    """Length in seconds of the file's audio once decoded (decodes it block by block, keeping nothing)."""
    return sum(len(block) for block in blocks(path)) / SAMPLE_RATE


def decode(path: Path) -> np.ndarray:
    """Return the file's audio as 16 kHz mono float32 in [-1, 1]."""
    from faster_whisper.audio import decode_audio

    check_readable(path)
    try:
        audio = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # noqa: BLE001 - PyAV raises many types for files that are not media
        raise _not_media(path, exc) from exc
    if audio.size == 0:
        raise InputError(f"{path} contains no audio (its duration is zero).")
    return audio.astype(np.float32, copy=False)


def _is_media_without_sound(path: Path) -> bool:
    """True if FFmpeg reads ``path`` as media that has streams but no audio stream (a silent video)."""
    import av

    try:
        with av.open(str(path)) as container:
            return bool(container.streams) and not container.streams.audio
    except Exception:  # noqa: BLE001 - not media at all: the caller says so
        return False


def duration(audio: np.ndarray) -> float:
    """Length in seconds of 16 kHz samples."""
    return len(audio) / SAMPLE_RATE


def write_flac(audio: np.ndarray, target: Path) -> None:
    """Write 16 kHz mono samples to ``target`` atomically: the file is complete or absent."""
    # Through a SoundSink: a full disk becomes an OSError here, not a traceback printed by a callback.
    with _flac_beside(target) as tmp, SoundSink(tmp) as sink:
        sf.write(sink, audio, SAMPLE_RATE, format="FLAC", subtype="PCM_16")
        sink.sync()


@contextmanager
def _flac_beside(target: Path) -> Iterator[Path]:
    """A temporary file beside ``target`` to write the recording into; it replaces ``target`` when the block
    finishes and is removed if the block fails, so the recording is whole or absent."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".flac", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        set_mode(tmp, target)
        os.replace(tmp, target)
    except (OSError, sf.LibsndfileError) as exc:
        tmp.unlink(missing_ok=True)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StoreError(f"Cannot write the recording to {target.parent}: {reason}.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
