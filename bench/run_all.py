"""Run every benchmark and write their figures to ``bench/RESULTS.md``.

    python -m bench.run_all [--quick]

``--quick`` shortens the long runs (the 30-minute recording becomes 3 minutes; the language benchmark
scores only the clips in tests/data). Each benchmark prints its own ratio against a baseline measured in
the same run where one exists.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        memory = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{system}, {cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    benches = [
        ("Transcription vs plain faster-whisper", ["-m", "bench.bench_transcribe"]),
        ("Speaker diarization (DER, speed)", ["bench/bench_diarize.py"]),
        ("Live transcription lag and recorder memory",
         ["bench/bench_live.py", "--minutes", "3" if args.quick else "30"]),
        ("Editor with a 3,000-segment session", ["-m", "bench.bench_editor"]),
        ("Word minutes with the annex against the number of segments",
         ["-m", "bench.bench_export", *(["--segments", "3000", "12000"] if args.quick else [])]),
        ("GUI event-loop stall during transcription", ["-m", "bench.bench_gui_stall"]),
        ("Mandarin CER and English WER", ["-m", "bench.bench_languages", *(["--quick"] if args.quick else [])]),
        ("Doubtful places: errors found vs audio to listen to", ["-m", "bench.bench_review"]),
    ]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    parts = [f"# Benchmark results\n\nTaken {datetime.date.today()} on {machine()}.\n"]
    for title, command in benches:
        print(f"== {title}", flush=True)
        result = subprocess.run([sys.executable, *command], cwd=REPO, env=env, capture_output=True, text=True)
        output = result.stdout.strip() or "(no output)"
        if result.returncode != 0:
            output += f"\n\nFAILED with exit status {result.returncode}:\n{result.stderr.strip()[-2000:]}"
        print(output, flush=True)
        parts.append(f"## {title}\n\n`python {' '.join(command)}`\n\n```\n{output}\n```\n")
    (REPO / "bench" / "RESULTS.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {REPO / 'bench' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
