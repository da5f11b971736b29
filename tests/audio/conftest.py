"""A real PulseAudio server with a virtual microphone, so capture is tested end to end without hardware.

The server is private to the test session: its own ``XDG_RUNTIME_DIR``, started in the foreground
(``-n -F script``, no daemon fork, so we own its pid) with a null sink ``vsink`` whose monitor feeds
the virtual source ``vmic``. Anything played with ``paplay -d vsink`` comes out of ``vmic``.

PortAudio here is built without a PulseAudio host API; it reaches the server through ALSA's pulse
plugin. An ``asoundrc`` under a private ``XDG_CONFIG_HOME`` adds the ALSA device ``minutes_vmic``
(pinned to ``vmic``), and ALSA's ``default`` goes to PulseAudio while a server runs. PortAudio reads
its device list only when initialised, so it is re-initialised after the server is up (and again at
the end). PulseAudio is a hard requirement: the fixture fails loudly rather than skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from minutes.audio.devices import rescan

REPO = Path(__file__).resolve().parents[2]
SPEECH = REPO / "tests" / "data" / "en_librivox_sense_and_sensibility_0870.wav"
SPEECH_WORDS = ("john", "dashwood", "leisure", "consider", "prudently", "power")
DEVICE = "minutes_vmic"

_SCRIPT = """\
load-module module-native-protocol-unix
load-module module-null-sink sink_name=vsink rate=48000
load-module module-virtual-source source_name=vmic master=vsink.monitor
set-default-sink vsink
set-default-source vmic
"""

_ASOUNDRC = """\
pcm.minutes_vmic {
    type pulse
    device vmic
    hint { show on description "Minutes test virtual microphone" }
}
"""


class PulseServer:
    """A private PulseAudio server; ``env`` is what clients (and subprocesses) need to reach it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runtime = root / "run"
        self.config = root / "config"
        self.script = root / "virtual-mic.pa"
        self.log = root / "pulse.log"
        self.proc: subprocess.Popen | None = None
        self.env = {
            "XDG_RUNTIME_DIR": str(self.runtime),
            "XDG_CONFIG_HOME": str(self.config),
            "PULSE_SERVER": f"unix:{self.runtime}/pulse/native",
        }

    def start(self) -> None:
        for exe in ("pulseaudio", "pactl", "paplay"):
            if shutil.which(exe) is None:
                pytest.fail(f"{exe} is missing: install the Debian packages pulseaudio and pulseaudio-utils")
        self.runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        (self.config / "alsa").mkdir(parents=True, exist_ok=True)
        (self.config / "alsa" / "asoundrc").write_text(_ASOUNDRC)
        self.script.write_text(_SCRIPT)
        env = {**os.environ, **self.env}
        self.proc = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--system=false", "-n", "-F", str(self.script),
             "--exit-idle-time=-1", "--disallow-exit", f"--log-target=file:{self.log}"],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"pulseaudio exited with {self.proc.returncode}: {self._log_tail()}")
            sources = self._pactl("list", "short", "sources")
            if sources.returncode == 0 and "vmic" in sources.stdout:
                break
            time.sleep(0.1)
        else:
            self.stop()
            pytest.fail(f"pulseaudio did not answer within 15 s: {self._log_tail()}")
        os.environ.update(self.env)
        rescan()  # PortAudio must see the server (and the asoundrc) that did not exist at import time

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def kill(self) -> None:
        """Simulate the audio system dying under a recording."""
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait()
        self.proc = None

    def play(self, path: Path) -> subprocess.Popen:
        """Start playing ``path`` into the virtual microphone; returns the paplay process."""
        return subprocess.Popen(["paplay", "-d", "vsink", str(path)], env={**os.environ, **self.env},
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def unload(self, module: str) -> None:
        modules = self._pactl("list", "short", "modules").stdout.splitlines()
        ids = [line.split()[0] for line in modules if module in line]
        assert ids, f"{module} is not loaded: {modules}"
        for module_id in ids:
            assert self._pactl("unload-module", module_id).returncode == 0

    def _pactl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pactl", *args], env={**os.environ, **self.env}, capture_output=True,
                              text=True, timeout=10)

    def _log_tail(self) -> str:
        try:
            return self.log.read_text()[-800:]
        except OSError:
            return "(no log)"


@contextmanager
def running_pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    """A private PulseAudio server for the tests inside; the environment and PortAudio get theirs back after."""
    saved = {key: os.environ.get(key) for key in ("XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "PULSE_SERVER")}
    server = PulseServer(tmp_path_factory.mktemp("pulse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        rescan()


@pytest.fixture(scope="session")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseServer]:
    with running_pulse(tmp_path_factory) as server:
        yield server


@pytest.fixture
def vmic(pulse: PulseServer) -> PulseServer:
    """The server, restarted first if an earlier test killed it or unloaded its modules."""
    if pulse.proc is None or pulse.proc.poll() is not None or "vmic" not in pulse._pactl(
        "list", "short", "sources"
    ).stdout:
        pulse.stop()
        pulse.start()
    return pulse


def wait_until(predicate, timeout: float, step: float = 0.02) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


def load_mono16k(path: Path) -> np.ndarray:
    """A file as 16 kHz mono float32 (the speech clips are 16 kHz already; others are resampled)."""
    from minutes.audio.capture import Resampler

    data, rate = sf.read(str(path), dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    return mono if rate == 16000 else Resampler(rate, 16000).process(mono)


def locate(recorded: np.ndarray, source: np.ndarray) -> tuple[int, float]:
    """Where ``source`` starts in ``recorded`` and the normalised correlation there (1.0 = identical).

    Computed by FFT over whitened (unit-energy) signals; the recording must cover the source.
    """
    n = len(recorded) + len(source)
    size = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(source, size))
    corr = np.fft.irfft(spectrum, size)[: len(recorded)]
    lag = int(np.argmax(corr))
    window = recorded[lag : lag + len(source)]
    overlap = source[: len(window)]
    denom = float(np.linalg.norm(window) * np.linalg.norm(overlap)) or 1.0
    return lag, float(np.dot(window, overlap) / denom)
