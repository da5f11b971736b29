"""Benchmark of live capture: text lag of the live transcript, and the recorder's memory over hours.

Runs on a private PulseAudio server with a virtual microphone (the test fixture's), so it needs no
hardware: ``.venv/bin/python bench/bench_live.py [--live-minutes 3] [--minutes 30]``.

1. Live lag: several speech clips from ``shared/speech/audio`` (read English, Mandarin and AMI
   meeting excerpts, 1 s apart) are played through the virtual microphone for ``--live-minutes``
   while a Recorder feeds a LiveTranscriber with the bundled Whisper base model. The lag of a segment
   is the wall time from the moment the recorder delivered the audio at the segment's end until the
   segment's text arrived. It includes the VAD's end-of-utterance wait (0.5 s of silence) and the
   transcription, not the few tens of ms of PulseAudio/PortAudio input latency before the tap.
   For a whole session (``--live-minutes 30`` or more) it also prints, for every ``--interval``
   minutes of the recording, the lag p95, the process's RSS and the blocks dropped so far: the lag
   must not creep up and the memory must stay flat.
2. Recorder memory: a child process records the microphone (speech looping) for ``--minutes``,
   sampling its RSS every second; prints the peak and the growth after the first minute.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO)]

from tests.audio.conftest import DEVICE, PulseServer, wait_until  # noqa: E402

from minutes.asr.live import FLAG_LIVE_SURE, LiveTranscriber  # noqa: E402
from minutes.audio.capture import Recorder  # noqa: E402

SPEECH_DIR = REPO.parent / "shared" / "speech" / "audio"
CLIPS = (
    "en_librivox_sense_and_sensibility_0870.wav", "en_librispeech_1995-1837-0001.wav",
    "multi_en_ami_debug_dev00.wav", "en_librivox_sense_and_sensibility_0880.wav",
    "zh_aishell1_BAC009S0764W0121.wav", "en_librivox_sense_and_sensibility_0890.wav",
    "multi_en_ami_debug_trn07.wav", "en_librivox_sense_and_sensibility_0920.wav",
    "zh_funasr_asr_example.wav", "en_librivox_sense_and_sensibility_0930.wav",
)


def build_playlist(minutes: float, target: Path) -> float:
    """Concatenate the clips (1 s of silence between) until ``minutes`` long; returns seconds."""
    parts, total, i = [], 0.0, 0
    while total < minutes * 60:
        audio, rate = sf.read(str(SPEECH_DIR / CLIPS[i % len(CLIPS)]), dtype="float32", always_2d=True)
        assert rate == 16000, CLIPS[i % len(CLIPS)]
        parts += [audio.mean(axis=1), np.zeros(16000, np.float32)]
        total += len(audio) / rate + 1.0
        i += 1
    sf.write(str(target), np.concatenate(parts), 16000, subtype="PCM_16")
    return total


def bench_lag(server: PulseServer, workdir: Path, minutes: float, interval: float) -> None:
    from minutes.asr.registry import load, resolve

    playlist = workdir / "playlist.wav"
    seconds = build_playlist(minutes, playlist)
    model = load(resolve(None), cpu_threads=min(4, os.cpu_count() or 1))
    fed: list[tuple[float, float]] = []  # (recording clock at the end of a block, wall time)
    arrivals: list[tuple[float, float, float]] = []  # (segment end, wall time of arrival, utterance group)
    sure = [0.0, 0.0]  # seconds of live text flagged sure (the final pass keeps it), seconds of all live text

    def on_segment(start: float, end: float, text: str, language: str, words: list, flags: list) -> None:
        arrivals.append((end, time.monotonic(), len(arrivals)))
        sure[0] += (end - start) if FLAG_LIVE_SURE in flags else 0.0
        sure[1] += end - start

    live = LiveTranscriber(model, None, on_segment)
    memory: list[tuple[float, int, float]] = []  # (recording clock, RSS KiB, load average), sampled every 5 s

    def tap(block: np.ndarray, at: float) -> None:
        fed.append((at + len(block) / 16000, time.monotonic()))
        live.feed(block, at)

    recorder = Recorder(workdir / "live.flac", DEVICE, tap=tap)
    live.start()
    recorder.start()
    wait_until(lambda: recorder.elapsed > 0.1, 10)
    cpu0 = time.process_time()
    player = server.play(playlist)
    while player.poll() is None and recorder.elapsed < seconds + 60:
        time.sleep(5.0)
        memory.append((recorder.elapsed, _rss_kib(os.getpid())[0], os.getloadavg()[0]))
    player.wait(60)
    time.sleep(2.0)
    recorder.stop()
    live.stop(timeout=120)
    cpu = time.process_time() - cpu0

    clock = np.array([c for c, _ in fed])
    wall = np.array([w for _, w in fed])
    lags = np.array([arrived - np.interp(end, clock, wall) for end, arrived, _ in arrivals])
    # The last segment of each burst (segments arriving together come from one Whisper call).
    bursts = [lags[i] for i in range(len(arrivals))
              if i + 1 == len(arrivals) or arrivals[i + 1][1] - arrivals[i][1] > 0.05]
    print(f"live: {seconds / 60:.1f} min played, {live.utterances} utterances, {len(arrivals)} segments, "
          f"skipped {live.skipped_seconds:.1f} s, process CPU {cpu / seconds:.2f} s per s of audio, "
          f"{live.hurried_batches} Whisper calls made while behind, live text flagged sure "
          f"{100 * sure[0] / max(sure[1], 1e-9):.0f} %")
    rows = (
        ("end of utterance: last segment of each Whisper call", np.array(bursts)),
        ("every segment, incl. early ones of long utterances", lags),
    )
    for name, values in rows:
        p50, p95 = np.percentile(values, [50, 95])
        print(f"live lag ({name}): p50 {p50:.2f} s, p95 {p95:.2f} s, max {values.max():.2f} s")
    print(f"dropped blocks: recorder {recorder.dropped_blocks}, live transcriber {live.dropped_blocks}")
    ends = np.array([end for end, _, _ in arrivals])
    burst_ends = np.array([arrivals[i][0] for i in range(len(arrivals))
                           if i + 1 == len(arrivals) or arrivals[i + 1][1] - arrivals[i][1] > 0.05])
    step = interval * 60
    print(f"{'minutes':>9} {'segments':>9} {'lag p95 (end of utt.)':>22} {'lag p95 (all)':>14} {'RSS MiB':>8} "
          f"{'load':>6}")
    for begin in np.arange(0.0, seconds, step):
        inside = (ends >= begin) & (ends < begin + step)
        burst_inside = (burst_ends >= begin) & (burst_ends < begin + step)
        rss = [kib for clock, kib, _ in memory if begin <= clock < begin + step]
        load = [load for clock, _, load in memory if begin <= clock < begin + step]
        if not inside.any():
            continue
        print(f"{begin / 60:4.0f}-{(begin + step) / 60:<4.0f} {int(inside.sum()):9d} "
              f"{np.percentile(np.array(bursts)[burst_inside], 95) if burst_inside.any() else float('nan'):22.2f} "
              f"{np.percentile(lags[inside], 95):14.2f} {(rss[-1] if rss else 0) / 1024:8.1f} "
              f"{np.mean(load) if load else float('nan'):6.1f}")


def _rss_kib(pid: int) -> tuple[int, int]:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def child_record(path: Path, minutes: float) -> None:
    """In the child process: record for ``minutes`` and report RSS once a second on stdout."""
    recorder = Recorder(path, DEVICE)
    recorder.start()
    end = time.monotonic() + minutes * 60
    while time.monotonic() < end and recorder.error is None:
        time.sleep(1.0)
        rss, hwm = _rss_kib(os.getpid())
        print(f"{recorder.elapsed:.1f} {rss} {hwm} {recorder.dropped_blocks}", flush=True)
    recorder.stop()
    if recorder.error:
        print(f"ERROR {recorder.error}", flush=True)


def bench_rss(server: PulseServer, workdir: Path, minutes: float) -> None:
    playlist = workdir / "loop.wav"
    build_playlist(1.0, playlist)
    stop = threading.Event()

    def loop_playback() -> None:
        while not stop.is_set():
            server.play(playlist).wait()

    player = threading.Thread(target=loop_playback, daemon=True)
    player.start()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    child = subprocess.Popen([sys.executable, __file__, "--child", str(workdir / "long.flac"), str(minutes)],
                             env=env, stdout=subprocess.PIPE, text=True)
    samples = []
    for line in child.stdout:
        if line.startswith("ERROR"):
            print(line.strip())
            continue
        elapsed, rss, hwm, dropped = line.split()
        samples.append((float(elapsed), int(rss), int(hwm), int(dropped)))
    child.wait()
    stop.set()
    after_warmup = [s for s in samples if s[0] >= 60] or samples
    size = (workdir / "long.flac").stat().st_size
    peak = max(s[2] for s in samples) / 1024
    print(f"recorder: {samples[-1][0] / 60:.1f} min recorded, peak RSS {peak:.1f} MiB, "
          f"RSS at 1 min {after_warmup[0][1] / 1024:.1f} MiB -> end {samples[-1][1] / 1024:.1f} MiB, "
          f"dropped blocks {samples[-1][3]}, FLAC {size / 2**20:.1f} MiB "
          f"({size * 8 / samples[-1][0] / 1000:.0f} kbit/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="length of the recorder memory run")
    parser.add_argument("--live-minutes", type=float, default=3.0,
                        help="length of the live-lag playback (30 or more for a whole session)")
    parser.add_argument("--interval", type=float, default=5.0, help="minutes per row of the lag-over-time table")
    parser.add_argument("--skip-live", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_record(Path(args.child[0]), float(args.child[1]))
        return
    with tempfile.TemporaryDirectory(prefix="bench-live-") as tmp:
        workdir = Path(tmp)
        server = PulseServer(workdir / "pulse")
        server.start()
        try:
            if not args.skip_live:
                bench_lag(server, workdir, args.live_minutes, args.interval)
            if not args.skip_rss:
                bench_rss(server, workdir, args.minutes)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
