"""Crash-safe recording from a microphone to FLAC, with a level meter and a 16 kHz tap for live ASR.

Design, and why:

- The PortAudio callback only copies each block into a bounded queue with ``put_nowait``. It runs on a
  real-time thread where blocking (disk, locks held by slow code, the GIL held by encoding) causes
  audible gaps; when the queue is full the block is dropped and counted instead of stalling capture.
- A writer thread encodes FLAC (lossless, about half the size of WAV) and every ``sync_interval``
  (0.5 s) flushes and fsyncs, so a ``kill -9`` or power cut loses at most the queue backlog plus the
  one FLAC frame libFLAC is still assembling (4096 samples, 0.26 s at 16 kHz): well under 2 s. While
  recording, ``NAME.flac.recording`` (see :mod:`minutes.audio.recovery`) marks the file unfinished.
- Sample rate: 16 kHz mono when the device accepts it, because that is exactly what Whisper and the
  diarization models consume (no resampling later, and 32 kB/s of PCM instead of 192 kB/s at 48 kHz
  stereo). A device that refuses 16 kHz is recorded at its own default rate, never resampled before
  writing: the file stays a faithful copy, and the final transcription resamples it anyway.
- The live tap gets 16 kHz mono float32 whatever the device rate, converted by :class:`Resampler`, a
  streaming polyphase FIR (Kaiser-windowed sinc) written in numpy, so that it needs no extra package.
- A device that disappears (PortAudio error, the stream finishing on its own, or no audio arriving for
  ``stall_timeout`` seconds: PulseAudio's ALSA plugin can simply go quiet) ends the recording cleanly:
  the file is closed and valid, the marker removed, and ``on_error`` receives one plain sentence.
- A recording that never received audio leaves no file (a FLAC cannot hold zero samples here).
- Pausing keeps the stream open (so resuming is instant and the meter keeps moving) but drops the
  audio; ``elapsed`` and the tap's clock count written audio only, so they exclude pauses and match
  positions in the file.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import sounddevice as sd
import soundfile as sf

from minutes.audio.devices import DeviceError, InputDevice, resolve_device
from minutes.audio.recovery import fsync_dir, marker_path, write_marker
from minutes.audio.sink import SoundSink

log = logging.getLogger(__name__)

TAP_RATE = 16000
PREFERRED_RATE = 16000
_STOP = object()
_SILENCE_DB = -120.0

TapCallback = Callable[[np.ndarray, float], None]
"""Receives a 16 kHz mono float32 block and its start time in seconds on the recording's clock."""


class State(enum.Enum):
    IDLE = "idle"
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPED = "stopped"
    FAILED = "failed"


@dataclass(frozen=True)
class Level:
    """Loudness of the latest block, in dB relative to full scale (0 is clipping)."""

    rms_dbfs: float
    peak_dbfs: float


def _dbfs(value: float) -> float:
    return 20.0 * math.log10(value) if value > 1e-6 else _SILENCE_DB


class Resampler:
    """Streaming rational-ratio polyphase resampler for mono float32 (state kept between blocks).

    The prototype low-pass is a Kaiser-windowed sinc (beta 8, about 80 dB stop band) cut at 95 % of
    the lower Nyquist frequency, with ``2 * half_width`` taps per output phase. Blocks of any length
    may be fed; the output is identical to resampling the concatenation in one go.
    """

    def __init__(self, in_rate: int, out_rate: int, half_width: int = 16) -> None:
        g = math.gcd(int(in_rate), int(out_rate))
        self.up, self.down = int(out_rate) // g, int(in_rate) // g
        self.passthrough = self.up == self.down
        up, down = self.up, self.down
        taps_per_phase = 2 * half_width * max(1, math.ceil(down / up))
        n = taps_per_phase * up
        cutoff = 0.95 * 0.5 / max(up, down)  # cycles per sample at the upsampled rate
        # Centre the sinc on a multiple of ``down`` so that the delay is a whole number of output
        # samples and can be skipped exactly (output sample n then lands exactly at time n / out_rate).
        centre = round((n - 1) / 2.0 / down) * down
        half = min(centre, n - 1 - centre)
        t = np.arange(n) - centre
        window = np.i0(8.0 * np.sqrt(np.clip(1.0 - (t / half) ** 2, 0.0, None))) / np.i0(8.0)
        window[np.abs(t) > half] = 0.0
        proto = 2 * cutoff * np.sinc(2 * cutoff * t) * window * up
        # phases[p, k] = proto[p + k * up]: the taps applied to x[i - k] for output phase p.
        self._phases = proto.reshape(taps_per_phase, up).T.astype(np.float32).copy()
        self._k = taps_per_phase
        self._history = np.zeros(taps_per_phase - 1, dtype=np.float32)
        self._consumed = 0  # input samples before the current history+block window
        self._next_out = 0  # index of the next output sample
        # Group delay of the filter, in output samples; skipped so output aligns with input in time.
        self._skip = centre // down

    def process(self, block: np.ndarray) -> np.ndarray:
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if self.passthrough:
            return block.copy()
        buf = np.concatenate([self._history, block])
        start = self._consumed - len(self._history)  # absolute input index of buf[0]
        available = self._consumed + len(block)  # input samples known so far
        # Output n needs input up to floor(n * down / up); produce all whose newest input is known.
        last = (available * self.up - 1) // self.down
        outs = np.arange(self._next_out, last + 1, dtype=np.int64)
        self._consumed = available
        self._history = buf[-(self._k - 1) :] if self._k > 1 else buf[:0]
        if len(outs) == 0:
            return np.zeros(0, dtype=np.float32)
        pos = outs * self.down
        newest = pos // self.up
        phase = pos - newest * self.up
        idx = newest[:, None] - np.arange(self._k)[None, :] - start
        samples = np.where(idx >= 0, buf[np.clip(idx, 0, len(buf) - 1)], 0.0)
        out = np.einsum("ij,ij->i", samples, self._phases[phase]).astype(np.float32)
        self._next_out = last + 1
        if self._skip:
            dropped = min(self._skip, len(out))
            self._skip -= dropped
            out = out[dropped:]
        return out


def choose_format(device: InputDevice) -> tuple[int, int]:
    """(sample rate, channels) to record ``device`` at: 16 kHz mono if accepted, else its defaults."""
    for rate in (PREFERRED_RATE, int(device.default_samplerate)):
        for channels in (1, min(2, device.channels)):
            try:
                sd.check_input_settings(device=device.index, samplerate=rate, channels=channels,
                                        dtype="float32")
                return rate, channels
            except (sd.PortAudioError, ValueError):
                continue
    return int(device.default_samplerate), min(2, device.channels)


class Recorder:
    """Records one input device to a FLAC file; see the module docstring for the guarantees.

    Callbacks (``on_error``, ``on_state``, taps) run on the writer thread; keep them short and hand
    work to another thread (a GUI should post an event).
    """

    def __init__(
        self,
        path: Path,
        device: str | int | None = None,
        *,
        samplerate: int | None = None,
        on_error: Callable[[str], None] | None = None,
        on_state: Callable[[State], None] | None = None,
        tap: TapCallback | None = None,
        block_seconds: float = 0.05,
        queue_seconds: float = 30.0,
        sync_interval: float = 0.5,
        stall_timeout: float = 3.0,
    ) -> None:
        self.path = Path(path)
        self._device_spec = device
        self._requested_rate = samplerate
        self.on_error = on_error
        self.on_state = on_state
        self._taps: list[TapCallback] = [tap] if tap else []
        self._block_seconds = block_seconds
        self._queue_seconds = queue_seconds
        self._sync_interval = sync_interval
        self._stall_timeout = stall_timeout

        self.device: InputDevice | None = None
        self.samplerate = 0
        self.channels = 0
        self.state = State.IDLE
        self.error: str | None = None
        self.dropped_blocks = 0
        self.input_overflows = 0
        self._frames_written = 0
        self._level = Level(_SILENCE_DB, _SILENCE_DB)
        self._queue: queue.Queue = queue.Queue()
        self._stream: sd.InputStream | None = None
        self._writer: threading.Thread | None = None
        self._lock = threading.Lock()
        self._paused = False
        self._stopping = False
        self._stream_finished = threading.Event()
        self._last_callback = 0.0
        self._callbacks_seen = False
        self._resampler: Resampler | None = None

    # -- public API -----------------------------------------------------------------------------

    @property
    def elapsed(self) -> float:
        """Seconds of audio written so far (pauses excluded)."""
        return self._frames_written / self.samplerate if self.samplerate else 0.0

    @property
    def level(self) -> Level:
        """Level of the latest captured block, for a meter (also updated while paused)."""
        return self._level

    def add_tap(self, tap: TapCallback) -> None:
        """Also deliver 16 kHz mono float32 blocks, with their start time, to ``tap``."""
        self._taps.append(tap)

    def start(self) -> None:
        """Open the device, create the file and its marker, and start recording.

        Raises :class:`DeviceError` if the device is missing or refuses to open, and ``OSError`` if
        the file cannot be created; nothing is left on disk in either case.
        """
        if self.state is not State.IDLE:
            raise RuntimeError("A Recorder can be started only once.")
        self.device = resolve_device(self._device_spec)
        if self._requested_rate:
            self.samplerate, self.channels = int(self._requested_rate), 1
        else:
            self.samplerate, self.channels = choose_format(self.device)
        blocksize = max(64, int(self.samplerate * self._block_seconds))
        self._queue = queue.Queue(maxsize=max(8, int(self._queue_seconds / self._block_seconds)))
        if self.samplerate != TAP_RATE or self.channels != 1:
            self._resampler = Resampler(self.samplerate, TAP_RATE)
        try:
            self._stream = sd.InputStream(
                device=self.device.index, samplerate=self.samplerate, channels=self.channels,
                dtype="float32", blocksize=blocksize, callback=self._callback,
                finished_callback=self._stream_finished.set,
            )
        except (sd.PortAudioError, ValueError) as exc:
            raise DeviceError(
                f"The microphone '{self.device.name}' could not be opened at {self.samplerate} Hz "
                f"({exc}). Check that it is connected and not used exclusively by another program."
            ) from exc
        try:
            self._open_file()
        except BaseException:
            self._stream.close()
            raise
        self._writer = threading.Thread(target=self._write_loop, name="minutes-recorder", daemon=True)
        self._writer.start()
        self._last_callback = time.monotonic()
        try:
            self._stream.start()
        except sd.PortAudioError as exc:
            self._stopping = True
            self._queue.put(_STOP)
            self._writer.join()
            self._close_stream()
            with contextlib.suppress(OSError):
                self.path.unlink()
            raise DeviceError(f"The microphone '{self.device.name}' could not be started ({exc}).") from exc
        self._set_state(State.RECORDING)

    def pause(self) -> None:
        """Stop writing audio until :meth:`resume`; the paused time is not part of the file."""
        if self.state is State.RECORDING:
            self._paused = True
            self._set_state(State.PAUSED)

    def resume(self) -> None:
        if self.state is State.PAUSED:
            self._paused = False
            self._set_state(State.RECORDING)

    def stop(self) -> float:
        """Stop, flush and close the file, remove the marker; return the recorded duration (s).

        Safe to call after the device was lost (the file is already closed then) and more than once.
        """
        if self.state is State.IDLE:
            return 0.0
        self._stopping = True
        self._close_stream()
        writer = self._writer
        # From a callback (on the writer thread itself) the writer is already finishing: don't join it.
        if writer is not None and writer.is_alive() and writer is not threading.current_thread():
            while writer.is_alive():
                try:
                    self._queue.put(_STOP, timeout=0.2)
                    break
                except queue.Full:
                    continue
            writer.join()
        if self.state in (State.RECORDING, State.PAUSED):
            self._set_state(State.STOPPED)
        return self.elapsed

    # -- audio thread -----------------------------------------------------------------------------

    def _callback(self, indata: np.ndarray, frames: int, time_info, status: sd.CallbackFlags) -> None:  # noqa: ANN001
        # Real-time thread: no logging, no locks, no I/O. Only flags, counters and a queue insert.
        self._last_callback = time.monotonic()
        if status.input_overflow:
            self.input_overflows += 1
        try:
            self._queue.put_nowait((indata.copy(), self._paused))
        except queue.Full:
            self.dropped_blocks += 1

    # -- writer thread ----------------------------------------------------------------------------

    def _open_file(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_marker(self.path, {
            "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "samplerate": self.samplerate,
            "channels": self.channels,
            "device": self.device.name if self.device else "",
        })
        # soundfile writes through our file object so that we can fsync it ourselves; a SoundSink, so that a
        # full disk is an OSError in this thread and not a traceback printed from libsndfile's callback.
        self._fh = SoundSink(self.path, "w+b")
        try:
            self._sf = sf.SoundFile(self._fh, "w", self.samplerate, self.channels, format="FLAC",
                                    subtype="PCM_16")
        except BaseException:
            self._fh.close()
            self.path.unlink(missing_ok=True)
            marker_path(self.path).unlink(missing_ok=True)
            raise
        self._sync()
        fsync_dir(self.path.parent)

    def _sync(self) -> None:
        self._sf.flush()
        self._fh.sync()

    def _close_file(self) -> None:
        self._sf.close()
        try:
            self._fh.sync()
        finally:
            self._fh.close()
        if self._frames_written == 0:
            # libsndfile writes nothing for a FLAC without samples; an empty file is no recording.
            self.path.unlink(missing_ok=True)
        marker_path(self.path).unlink(missing_ok=True)
        fsync_dir(self.path.parent)

    def _write_loop(self) -> None:
        last_sync = time.monotonic()
        failure: str | None = None
        try:
            while True:
                try:
                    item = self._queue.get(timeout=0.2)
                except queue.Empty:
                    item = None
                if item is _STOP:
                    break
                if item is not None:
                    self._handle_block(*item)
                now = time.monotonic()
                if now - last_sync >= self._sync_interval:
                    self._sync()
                    last_sync = now
                if not self._stopping:
                    failure = self._check_device(now)
                    if failure:
                        break
            self._drain()
        except (OSError, RuntimeError) as exc:  # soundfile's LibsndfileError is a RuntimeError
            failure = (
                f"Recording stopped because the file {self.path.name} could not be written "
                f"({exc.strerror or exc}); the audio recorded until then is kept."
            )
        finally:
            try:
                self._close_file()
            except Exception as exc:  # noqa: BLE001 - keep the first failure; the marker stays for repair
                log.exception("Could not close %s", self.path)
                failure = failure or f"The recording {self.path.name} could not be closed properly ({exc})."
        if failure:
            self._fail(failure)

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP:
                self._handle_block(*item)

    def _handle_block(self, block: np.ndarray, paused: bool) -> None:
        self._callbacks_seen = True
        mono = block[:, 0] if block.shape[1] == 1 else block.mean(axis=1)
        peak = float(np.max(np.abs(mono))) if len(mono) else 0.0
        rms = float(np.sqrt(np.mean(np.square(mono, dtype=np.float64)))) if len(mono) else 0.0
        self._level = Level(_dbfs(rms), _dbfs(peak))
        if paused:
            return
        at = self.elapsed
        self._sf.write(block)
        self._fh.check()
        self._frames_written += len(block)
        if self._taps:
            tapped = self._resampler.process(mono) if self._resampler else mono.astype(np.float32)
            for tap in list(self._taps):
                try:
                    tap(tapped, at)
                except Exception:  # a broken consumer must never stop the recording
                    log.exception("Recorder tap %r failed", tap)

    def _check_device(self, now: float) -> str | None:
        name = self.device.name if self.device else "microphone"
        saved = f"the {_clock(self.elapsed)} recorded so far are saved in {self.path.name}"
        if self._stream_finished.is_set():
            return (
                f"The microphone '{name}' stopped working (it was unplugged or the audio system failed); "
                f"{saved}."
            )
        # Before the first block, allow for slow device start-up (PulseAudio can take ~2 s).
        timeout = self._stall_timeout if self._callbacks_seen else max(self._stall_timeout, 10.0)
        if now - self._last_callback > timeout:
            return (
                f"The microphone '{name}' stopped sending sound for {timeout:.0f} seconds (it was unplugged "
                f"or the audio system stopped); {saved}."
            )
        return None

    def _fail(self, message: str) -> None:
        log.warning("%s", message)
        self.error = message
        self._stopping = True
        self._close_stream(abort=True)
        self._set_state(State.FAILED)
        if self.on_error is not None:
            try:
                self.on_error(message)
            except Exception:
                log.exception("on_error callback failed")

    def _close_stream(self, abort: bool = False) -> None:
        # Abort a failed stream: stopping waits for buffers that a vanished device will never fill.
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.abort() if abort or self._stream_finished.is_set() else stream.stop()
        except sd.PortAudioError as exc:
            log.info("Stopping the input stream: %s", exc)
        try:
            stream.close()
        except sd.PortAudioError as exc:
            log.info("Closing the input stream: %s", exc)

    def _set_state(self, state: State) -> None:
        self.state = state
        if self.on_state is not None:
            try:
                self.on_state(state)
            except Exception:
                log.exception("on_state callback failed")


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
