"""Helpers for the benchmarks: run a command and measure its wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEECH = REPO.parent / "shared" / "speech" / "audio"


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    stdout: str
    cpu_seconds: float = 0.0  # user + system time of the process: steadier than wall time on a shared machine


def measure(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to completion; wall time, CPU time and the peak resident memory of that process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    stdout_chunks = []
    assert proc.stdout is not None
    for line in proc.stdout:
        stdout_chunks.append(line)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command} failed: {stderr}")
    return Run(elapsed, usage.ru_maxrss / 1024, "".join(stdout_chunks), usage.ru_utime + usage.ru_stime)
