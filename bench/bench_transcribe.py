"""Wall time and peak RSS of ``minutes transcribe`` against plain faster-whisper on the same file.

Both use the bundled model (int8, CPU), beam 5, word timestamps, Silero VAD and the same language; Minutes
is measured without and with speaker labelling (its default). The
speech is a few minutes of real recordings from shared/speech joined together. Prints a table and the
ratios; the aim is a time ratio under 1.15.

    python bench/bench_transcribe.py [--repeat 2] [--file FILE --language en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

from bench.common import REPO, SPEECH, measure


def default_speech(target: Path) -> Path:
    """About four minutes of English: the read clips and the AMI meeting excerpts, with short pauses."""
    clips = sorted(SPEECH.glob("en_*.wav")) + [SPEECH / "multi_en_ami_concat_3min.wav"]
    pause = np.zeros(8000, dtype=np.float32)
    audio = np.concatenate([part for clip in clips for part in (sf.read(clip, dtype="float32")[0], pause)])
    sf.write(target, audio, 16000)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--language", default="en")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.file or default_speech(Path(scratch) / "speech.wav")
        seconds = sf.info(path).duration
        minutes_cmd = [sys.executable, "-m", "minutes", "transcribe", str(path), "--language", args.language]
        commands = {
            "plain faster-whisper": [sys.executable, str(REPO / "bench" / "plain_faster_whisper.py"), str(path),
                                     args.language],
            "minutes transcribe": [*minutes_cmd, "--speakers", "none"],
            "minutes + speakers": minutes_cmd,
        }
        results: dict[str, list] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                results[name].append(measure(command))
    print(f"audio: {seconds:.1f} s ({path.name if args.file else 'shared/speech English clips joined'})")
    print(f"{'':24} {'wall s (best)':>14} {'x real time':>12} {'peak RSS MB':>12} {'segments':>9}")
    best = {}
    for name, runs in results.items():
        run = min(runs, key=lambda r: r.seconds)
        best[name] = run
        print(f"{name:24} {run.seconds:14.2f} {run.seconds / seconds:12.3f} {run.peak_rss_mb:12.0f} "
              f"{len(run.stdout.splitlines()):9d}")
    plain = best["plain faster-whisper"]
    for name in ("minutes transcribe", "minutes + speakers"):
        ours = best[name]
        print(f"{name}: ratio time {ours.seconds / plain.seconds:.3f} (aim < 1.15 without speakers), "
              f"ratio peak RSS {ours.peak_rss_mb / plain.peak_rss_mb:.3f}")


if __name__ == "__main__":
    main()
