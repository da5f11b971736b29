"""Finding recordings left unfinished by a crash, and making their FLAC files valid again.

While :class:`minutes.audio.capture.Recorder` writes ``talk.flac`` it keeps ``talk.flac.recording``
beside it: JSON with the start time, sample rate and the recording process's pid (and, on Linux, that
process's start time, so that a recycled pid is not mistaken for the recorder still running). A marker
whose process is gone means the app was killed or the machine lost power mid-recording.

Such a FLAC file ends in the middle of a frame and its header still says "length unknown", which some
players and decoders reject. :func:`repair` decodes every whole frame that is left (block by block,
stopping at the damaged tail), writes them to a new FLAC beside the original, syncs it to disk and only
then replaces the original, so a crash during repair loses nothing either.

soundfile is imported by the repair alone: every command looks for unfinished recordings, and almost never
finds one.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.audio.sink import SoundSink

if TYPE_CHECKING:
    import soundfile as sf

log = logging.getLogger(__name__)

MARKER_SUFFIX = ".recording"
_READ_BLOCK = 16384


def marker_path(audio: Path) -> Path:
    """The marker file that exists next to ``audio`` while it is being recorded."""
    return audio.with_name(audio.name + MARKER_SUFFIX)


def process_start_time(pid: int) -> int | None:
    """The kernel's start tick of ``pid`` (Linux), to tell a live recorder from a recycled pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may contain spaces and parentheses, so split after its closing one.
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[19])


def write_marker(audio: Path, info: dict) -> None:
    """Write the marker atomically and durably (temp file, fsync, rename, fsync of the folder)."""
    marker = marker_path(audio)
    pid = os.getpid()
    payload = {**info, "audio": audio.name, "pid": pid, "proc_start": process_start_time(pid)}
    tmp = marker.with_name(marker.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(payload, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, marker)
    fsync_dir(audio.parent)


def fsync_dir(folder: Path) -> None:
    """Make a file's creation or rename durable; a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _pid_alive(pid: int, proc_start: int | None) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    if proc_start is not None:
        now = process_start_time(pid)
        if now is not None and now != proc_start:
            return False  # the pid was recycled by an unrelated process
    return True


def read_marker(audio: Path) -> dict | None:
    """The marker's content, or None if there is none; an unreadable marker reads as empty."""
    marker = marker_path(audio)
    try:
        text = marker.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return {}  # torn write: a crash during marker creation; treat as unfinished
    return data if isinstance(data, dict) else {}


def find_unfinished(audio_dir: Path) -> list[Path]:
    """Audio files in ``audio_dir`` whose recording marker remains but whose recorder is gone."""
    found = []
    for marker in sorted(Path(audio_dir).glob("*" + MARKER_SUFFIX)):
        audio = marker.with_name(marker.name[: -len(MARKER_SUFFIX)])
        data = read_marker(audio) or {}
        try:
            pid = int(data.get("pid", 0))
        except (TypeError, ValueError):
            pid = 0
        if not _pid_alive(pid, data.get("proc_start")):
            found.append(audio)
    return found


def _decodable_blocks(path: Path):  # noqa: ANN202 - generator of (samplerate, channels, block)
    """Yield the readable audio of ``path`` block by block, stopping quietly at a damaged tail."""
    import soundfile as sf

    try:
        source = sf.SoundFile(path)
    except (sf.LibsndfileError, RuntimeError) as exc:
        log.warning("%s cannot be opened at all (%s); nothing to recover", path, exc)
        return
    with source:
        yield source.samplerate, source.channels, None
        while True:
            try:
                block = source.read(_READ_BLOCK, dtype="int16", always_2d=True)
            except (sf.LibsndfileError, RuntimeError) as exc:
                log.info("%s: stopped at the damaged tail (%s)", path, exc)
                return
            if len(block) == 0:
                return
            yield source.samplerate, source.channels, block


def repair(path: Path) -> float:
    """Rewrite ``path`` with all its decodable audio, remove its marker, and return its duration (s).

    If nothing at all can be decoded (the crash came before the first FLAC frame reached the disk),
    there is no recording: the file is deleted and 0.0 returned. (libsndfile cannot write a FLAC
    without samples, and reads a header-only one as "length unknown", so no valid empty file exists.)
    """
    path = Path(path)
    marker = read_marker(path) or {}
    tmp = path.with_name(path.name + ".repair.tmp")
    frames = 0
    out: sf.SoundFile | None = None
    fh = SoundSink(tmp, "w+b")  # closed below, after soundfile is done with it
    try:
        samplerate = int(marker.get("samplerate") or 16000)
        channels = int(marker.get("channels") or 1)
        for rate, chans, block in _decodable_blocks(path):
            if block is None:
                samplerate, channels = rate, chans
                continue
            if out is None:
                out = _open_flac(fh, samplerate, channels)
            out.write(block)
            frames += len(block)
        if out is not None:
            out.close()
            out = None
        fh.sync()
    except BaseException:
        if out is not None:
            out.close()
        fh.close()
        tmp.unlink(missing_ok=True)
        raise
    fh.close()
    if frames:
        os.replace(tmp, path)
    else:
        log.warning("%s holds no decodable audio; removing it", path)
        tmp.unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    marker_path(path).unlink(missing_ok=True)
    fsync_dir(path.parent)
    duration = frames / samplerate if samplerate else 0.0
    log.info("Recovered %s: %.2f s of audio", path, duration)
    return duration


def _open_flac(fh: SoundSink, samplerate: int, channels: int) -> sf.SoundFile:
    import soundfile as sf

    return sf.SoundFile(fh, "w", samplerate, channels, format="FLAC", subtype="PCM_16")
