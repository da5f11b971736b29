"""Benchmark the offline speaker diarization engine on the shared development speech.

Prints one row per clip: DER (±0.25 s collar, overlapped speech scored, as pyannote.metrics
``DiarizationErrorRate(collar=0.5, skip_overlap=False)``), missed / false alarm / confusion, speakers found vs
reference, and real-time factor on this machine; plus the model load time. Clips:

* the four 30 s AMI meeting excerpts ``multi_en_ami_debug_*`` (far-field, 2–4 speakers, overlap);
* a clean two-voice clip: LibriVox English and AISHELL-1 Mandarin utterances alternating (built here);
* optionally (``--long``) the 3-minute AMI concatenation, for speed and speaker-count stress.

Usage: ``.venv/bin/python bench/bench_diarize.py [--speech /work/shared/speech] [--long]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import soundfile as sf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for the DER scorer and the two-voice clip builder kept with the tests

from tests.speakers.der import der_components  # noqa: E402
from tests.speakers.two_voice import build_two_voice  # noqa: E402

from minutes.speakers import diarize, models  # noqa: E402
from minutes.speakers.rttm import read_rttm  # noqa: E402

AMI = ["multi_en_ami_debug_dev00", "multi_en_ami_debug_dev01", "multi_en_ami_debug_trn07", "multi_en_ami_debug_trn08"]


def _load(path: Path) -> np.ndarray:
    audio, sr = sf.read(str(path), dtype="float32", always_2d=True)
    assert sr == 16000, f"{path}: {sr} Hz"
    return audio[:, 0]


def _row(name: str, audio: np.ndarray, ref: list[tuple[float, float, str]]) -> dict[str, float]:
    t0 = time.perf_counter()
    result = diarize(audio)
    elapsed = time.perf_counter() - t0
    duration = audio.shape[0] / 16000
    c = der_components(ref, result.turns, collar=0.5)
    row = {
        "der": c.der,
        "miss": c.missed / max(c.total, 1e-9),
        "fa": c.false_alarm / max(c.total, 1e-9),
        "conf": c.confusion / max(c.total, 1e-9),
        "found": len(result.speakers),
        "ref": len({t[2] for t in ref}),
        "rtf": elapsed / duration,
        "dur": duration,
    }
    print(
        f"{name:<34} {row['der']:6.1%} {row['miss']:6.1%} {row['fa']:6.1%} {row['conf']:6.1%} "
        f"{row['found']:>5d}/{row['ref']:<3d} {row['rtf']:7.4f} {duration:7.1f}"
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speech", type=Path, default=Path("/work/shared/speech"))
    parser.add_argument("--long", action="store_true", help="also run the 3-minute AMI concatenation")
    args = parser.parse_args()

    t0 = time.perf_counter()
    models.load_models()
    load_s = time.perf_counter() - t0
    # Warm-up: the first run allocates onnxruntime's memory arenas; the app pays that once per process.
    diarize(_load(args.speech / "audio" / f"{AMI[0]}.wav")[: 16000 * 5])

    print(f"{'clip':<34} {'DER':>6} {'miss':>6} {'FA':>6} {'conf':>6} {'found/ref':>9} {'RTF':>7} {'dur s':>7}")
    ami_rows = []
    for name in AMI:
        audio = _load(args.speech / "audio" / f"{name}.wav")
        ref = read_rttm(args.speech / "ref" / f"{name}.rttm")
        ami_rows.append(_row(name, audio, ref))
    audio, ref = build_two_voice(args.speech / "audio")
    two = _row("two_voice_en_zh (LibriVox+AISHELL)", audio, ref)
    if args.long:
        name = "multi_en_ami_concat_3min"
        _row(name, _load(args.speech / "audio" / f"{name}.wav"), read_rttm(args.speech / "ref" / f"{name}.rttm"))

    mean_der = float(np.mean([r["der"] for r in ami_rows]))
    total_time = sum(r["rtf"] * r["dur"] for r in ami_rows + [two])
    total_dur = sum(r["dur"] for r in ami_rows + [two])
    print(f"\nAMI mean DER {mean_der:.1%} (target <= 30%); collapsed to one speaker: "
          f"{sum(r['found'] <= 1 for r in ami_rows)}")
    print(f"two-voice DER {two['der']:.1%} (target <= 3%)")
    print(f"overall RTF {total_time / total_dur:.4f} (target <= 0.03); model load {load_s:.2f} s (target < 1 s)")


if __name__ == "__main__":
    main()
