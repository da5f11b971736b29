"""Merging a laptop's workshop of long sessions: time, disk space added, memory, and the no-op re-merge.

    python -m bench.bench_merge [--sessions 4] [--minutes 90]

The source sessions' recordings are real speech (the AMI clips of tests/data repeated to length) as 16 kHz
mono FLAC, the format Minutes records, each with one segment every 3 seconds. The merge runs as the
``minutes merge`` command in a child process, into a new workshop and then again (which must change nothing).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def build(root: Path, sessions: int, minutes: int) -> None:
    from minutes.domain import Segment, Session, Speaker
    from minutes.jobs import audio_file_name
    from minutes.store import WorkshopStore

    clips = [sf.read(p, dtype="int16")[0] for p in sorted(DATA.glob("multi_en_ami_*.flac"))]
    speech = np.concatenate(clips)
    samples = minutes * 60 * 16000
    with WorkshopStore.open(root, create=True) as store:
        for n in range(sessions):
            title = f"Session {n + 1}"
            relative = f"audio/{audio_file_name(title)}"
            with sf.SoundFile(root / relative, "w", 16000, 1, "PCM_16", format="FLAC") as out:
                written = 0
                while written < samples:
                    block = speech[: samples - written]
                    out.write(block)
                    written += len(block)
            session = store.add_session(Session(title, audio_file=relative, duration=samples / 16000,
                                                transcribed_until=samples / 16000, status="transcribed"))
            speakers = [store.add_speaker(session.id, Speaker(f"Speaker {i + 1}")).id for i in range(4)]
            store.add_segments(session.id, [
                Segment(t, t + 2.8, "We screen every returnee from the compounds at the airport.", speakers[i % 4],
                        "en") for i, t in enumerate(np.arange(0, samples / 16000 - 3, 3.0))])


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def merge(source: Path, target: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "minutes", "merge", str(source), "--workshop", str(target)], check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=4)
    parser.add_argument("--minutes", type=int, default=90)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as scratch:
        source, target = Path(scratch) / "laptop.minutes", Path(scratch) / "secretariat.minutes"
        build(source, args.sessions, args.minutes)
        seconds = merge(source, target)
        again = merge(source, target)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"source: {args.sessions} sessions × {args.minutes} min, {size(source) / 2**20:.0f} MB")
        print(f"merge into a new workshop: {seconds:.1f} s, {size(target) / 2**20:.0f} MB added "
              f"(recordings {size(target / 'audio') / 2**20:.0f} MB)")
        print(f"merge again (no-op, recordings compared by SHA-256): {again:.1f} s")
        print(f"peak RSS of the merge command: {rss:.0f} MB")


if __name__ == "__main__":
    main()
