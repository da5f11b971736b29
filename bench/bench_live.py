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
import resource
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

from minutes.asr.live import FLAG_LIVE_SURE, LiveTranscriber, Utterance  # noqa: E402
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

    emitted: dict[int, float] = {}  # id of an utterance -> wall time the VAD closed it
    calls: list[tuple[float, float, float, float, float, bool, int]] = []  # Whisper calls, see _timed
    _timed(live, emitted, calls)
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
    _decomposition(arrivals, lags, bursts, calls, clock, wall)
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


def _timed(live: LiveTranscriber, emitted: dict[int, float],
           calls: list[tuple[float, float, float, float, float, bool, int]]) -> None:
    """Wrap the transcriber so that each Whisper call is logged as (wall when the VAD closed its last utterance,
    wall at the start, wall at the end, process CPU s during it, audio s, hurried, page faults of the process
    during it)."""
    segmenter, transcribe = live._segmenter, live._transcribe  # noqa: SLF001 - the bench looks inside
    emit = segmenter._emit  # noqa: SLF001

    def closed(utterance: Utterance) -> None:
        emitted[id(utterance)] = time.monotonic()
        emit(utterance)

    def timed(batch: list[Utterance], hurried: bool = False) -> None:
        began, cpu = time.monotonic(), time.process_time()
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        transcribe(batch, hurried)
        calls.append((emitted.pop(id(batch[-1]), began), began, time.monotonic(), time.process_time() - cpu,
                      sum(len(u.audio) for u in batch) / 16000, hurried,
                      resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults))
        for utterance in batch[:-1]:
            emitted.pop(id(utterance), None)

    segmenter._emit = closed  # noqa: SLF001
    live._transcribe = timed  # noqa: SLF001


def _decomposition(arrivals: list[tuple[float, float, int]], lags: np.ndarray, bursts: list[float],
                   calls: list[tuple[float, float, float, float, float, bool, int]], clock: np.ndarray,
                   wall: np.ndarray) -> None:
    """Print where the end-of-utterance lag goes: the VAD's wait for silence (from the end of the segment's
    text to the closing of its utterance), the wait in the queue, and the Whisper call."""
    print(f"page faults per Whisper call: p50 {np.median([c[6] for c in calls]):.0f}, "
          f"first call {calls[0][6] if calls else 0}")
    rows = []  # (lag, VAD wait, queue, call wall, call CPU, audio s, hurried, recording clock)
    for i, (end, arrived, _) in enumerate(arrivals):
        if i + 1 < len(arrivals) and arrivals[i + 1][1] - arrivals[i][1] <= 0.05:
            continue
        call = next((c for c in calls if c[1] <= arrived <= c[2] + 0.05), None)
        if call is None:
            continue
        spoken = float(np.interp(end, clock, wall))
        rows.append((lags[i], call[0] - spoken, call[1] - call[0], arrived - call[1], call[3], call[4], call[5],
                     end))
    if not rows:
        return
    table = np.array([r[:6] for r in rows])
    print(f"end-of-utterance lag, {len(rows)} of {len(bursts)} Whisper calls: "
          f"VAD wait p50 {np.median(table[:, 1]):.2f} s, p95 {np.percentile(table[:, 1], 95):.2f} s; "
          f"queue p50 {np.median(table[:, 2]):.2f} s, p95 {np.percentile(table[:, 2], 95):.2f} s; "
          f"call p50 {np.median(table[:, 3]):.2f} s, p95 {np.percentile(table[:, 3], 95):.2f} s "
          f"(CPU p50 {np.median(table[:, 4]):.2f} s, p95 {np.percentile(table[:, 4], 95):.2f} s)")
    for low, high in ((0, 3), (3, 8), (8, 15), (15, 30)):
        inside = (table[:, 5] >= low) & (table[:, 5] < high)
        if inside.any():
            print(f"  calls on {low}-{high} s of audio: {int(inside.sum())}, wall p50 "
                  f"{np.median(table[inside, 3]):.2f} s, CPU p50 {np.median(table[inside, 4]):.2f} s")
    worst = sorted(rows, reverse=True)[: max(3, len(rows) // 20)]
    print("  worst:  " + "; ".join(f"{r[0]:.1f} s at {r[7] / 60:.1f} min = VAD {r[1]:.2f} + queue {r[2]:.2f} + "
                                   f"call {r[3]:.2f} ({r[5]:.0f} s audio{', hurried' if r[6] else ''})"
                                   for r in worst))


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
