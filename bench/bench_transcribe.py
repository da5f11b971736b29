"""Wall time and peak RSS of ``minutes transcribe`` against plain faster-whisper on the same file.

Both use the bundled model (int8, CPU), beam 5, word timestamps and Silero VAD. Every run is a child process
whose peak resident memory is read from the kernel (``wait4``); CPU time (user + system) is printed too, as
it is steadier than wall time on a shared machine.

Default mode: a few minutes of English (the read clips and an AMI meeting joined), plain faster-whisper
with the language given against ``minutes transcribe`` with the language given, with automatic language
(aim: within 1.15x of the given language) and with speakers.

``--minutes N [N ...]``: an N-minute bilingual session built from the English and Mandarin clips of
shared/speech (questions and answers alternating, with pauses; cached in ``--cache``). For each N it runs
plain faster-whisper with ``multilingual=True``, ``minutes transcribe --language auto`` without and with
speakers (into a workshop), and the final pass after a recording of that length (``bench/final_pass.py``, on
the live text the recorder leaves: see :func:`recorded`), reusing the live text and decoding everything again,
printing each one's wall time, CPU time, peak RSS and ratio to plain. Aims: auto within 1.3x of plain, peak
RSS under 1 GB whatever N (a figure that grows with N is the defect), final pass within 0.17x real time.

    python -m bench.bench_transcribe [--repeat 2] [--file FILE --language en]
    python -m bench.bench_transcribe --minutes 10 30 90 [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

from bench.common import REPO, SPEECH, Run, measure

CACHE = Path.home() / ".cache" / "minutes-bench"
# English questions, Mandarin answers, now and then a stretch of English meeting talk.
TURNS = (
    "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121", "en_librivox_sense_and_sensibility_0870",
    "zh_aishell1_BAC009S0764W0122", "multi_en_ami_debug_dev00", "zh_funasr_asr_example",
    "en_librivox_sense_and_sensibility_0880", "zh_aishell1_BAC009S0764W0121", "en_librivox_sense_and_sensibility_0890",
    "zh_aishell1_BAC009S0764W0122", "en_librivox_sense_and_sensibility_0920", "zh_funasr_asr_example",
    "multi_en_ami_debug_trn07", "en_librivox_sense_and_sensibility_0930", "zh_aishell1_BAC009S0764W0122",
)
PAUSES = (0.6, 1.2, 2.0, 0.8, 3.0)  # seconds between turns, varied so Whisper windows fall differently


def default_speech(target: Path) -> Path:
    """About four minutes of English: the read clips and the AMI meeting excerpts, with short pauses."""
    clips = sorted(SPEECH.glob("en_*.wav")) + [SPEECH / "multi_en_ami_concat_3min.wav"]
    pause = np.zeros(8000, dtype=np.float32)
    audio = np.concatenate([part for clip in clips for part in (sf.read(clip, dtype="float32")[0], pause)])
    sf.write(target, audio, 16000)
    return target


def bilingual_session(minutes: float, cache: Path) -> Path:
    """An N-minute English/Mandarin session as 16 kHz FLAC, built once and kept in ``cache``."""
    target = cache / f"bilingual-{minutes:g}min.flac"
    if target.exists():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    clips = {name: sf.read(SPEECH / f"{name}.wav", dtype="float32")[0] for name in set(TURNS)}
    partial = target.with_suffix(".part")
    with sf.SoundFile(partial, "w", samplerate=16000, channels=1, format="FLAC", subtype="PCM_16") as out:
        written, turn = 0, 0
        while written < minutes * 60 * 16000:  # written a turn at a time: a 3-hour file is never in memory
            clip = clips[TURNS[turn % len(TURNS)]]
            pause = np.zeros(int(PAUSES[turn % len(PAUSES)] * 16000), dtype=np.float32)
            out.write(np.concatenate([clip, pause]))
            written += len(clip) + len(pause)
            turn += 1
    partial.replace(target)
    return target


def recorded(minutes: float, cache: Path) -> Path:
    """What a recording of the N-minute session leaves after Stop (``bench.final_pass --prepare``), made once:
    the live transcriber's text over the file for 10 minutes or less; for longer sessions the live text of
    the 10-minute one repeated (the sessions repeat one cycle of turns), which saves running the live
    transcriber for 90 minutes."""
    target = cache / f"recorded-{minutes:g}min"
    if not target.exists():
        command = [sys.executable, "-m", "bench.final_pass", "--prepare", str(bilingual_session(minutes, cache)),
                   str(target)]
        if minutes > 10:
            command += ["--tile-from", str(recorded(10, cache))]
        subprocess.run(command, check=True)
    return target


HEADER = (f"{'':30} {'wall s':>8} {'x real time':>12} {'CPU s':>8} {'CPU s / s audio':>16} {'peak RSS MB':>12} "
          f"{'wall / plain':>13} {'CPU / plain':>12}  load 1/5/15 min at the end")


def row(name: str, run: Run, seconds: float, plain: Run | None) -> str:
    """One line of the table; the ratios are to the plain faster-whisper baseline when it ran."""
    ratios = (f"{run.seconds / plain.seconds:13.2f} {run.cpu_seconds / plain.cpu_seconds:12.2f}" if plain
              else f"{'-':>13} {'-':>12}")
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{name:30} {run.seconds:8.1f} {run.seconds / seconds:12.3f} {run.cpu_seconds:8.1f} "
            f"{run.cpu_seconds / seconds:16.3f} {run.peak_rss_mb:12.0f} {ratios}  {load}")


def run_all(commands: dict[str, list[str]], repeat: int, seconds: float, plain: str) -> dict[str, Run]:
    """Run each command (best of ``repeat``), printing its row as soon as it is done."""
    print(HEADER, flush=True)
    results: dict[str, Run] = {}
    for name, command in commands.items():
        results[name] = best(command, repeat)
        print(row(name, results[name], seconds, results.get(plain)), flush=True)
    return results


def best(command: list[str], repeat: int) -> Run:
    """The fastest of ``repeat`` runs; ``{scratch}`` in the command is a new empty folder for each run."""
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as scratch:
            runs.append(measure([part.format(scratch=scratch) for part in command]))
    return min(runs, key=lambda r: r.seconds)


def session_mode(minutes: float, repeat: int, cache: Path, runs: list[str] | None = None) -> None:
    path = bilingual_session(minutes, cache)
    seconds = sf.info(str(path)).duration
    print(f"\n== {minutes:g} min bilingual session ({seconds:.0f} s, {path})", flush=True)
    minutes_cmd = [sys.executable, "-m", "minutes", "transcribe", str(path), "--language", "auto"]
    plain = "plain faster-whisper multi"
    commands = {
        plain: [sys.executable, str(REPO / "bench" / "plain_faster_whisper.py"), str(path), "auto"],
        "minutes auto": [*minutes_cmd, "--speakers", "none"],
        "minutes auto + speakers (ws)": [*minutes_cmd, "--workshop", "{scratch}/W.minutes"],
        "final pass after recording": [sys.executable, "-m", "bench.final_pass", str(path), "{scratch}",
                                       "--recorded", str(recorded(minutes, cache))],
        "final pass, all decoded again": [sys.executable, "-m", "bench.final_pass", str(path), "{scratch}",
                                          "--recorded", str(recorded(minutes, cache)), "--full"],
    }
    if runs:
        commands = {name: command for name, command in commands.items() if any(r in name for r in runs)}
    results = run_all(commands, repeat, seconds, plain)
    for name in ("final pass after recording", "final pass, all decoded again"):
        if name in results:
            print(f"  {name}: {results[name].stdout.strip()}", flush=True)
    if plain in results and "minutes auto" in results:
        print(f"minutes auto / plain multilingual: {results['minutes auto'].seconds / results[plain].seconds:.2f} "
              "(aim <= 1.3)", flush=True)
    final = results.get("final pass after recording")
    if final is not None:
        print(f"final pass {final.seconds / seconds:.3f} x real time (aim <= 0.17)", flush=True)
    print(f"largest peak RSS {max(r.peak_rss_mb for r in results.values()):.0f} MB (aim <= 1000); "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)


def english_mode(path: Path | None, language: str, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = path or default_speech(Path(scratch) / "speech.wav")
        seconds = sf.info(str(path)).duration
        minutes_cmd = [sys.executable, "-m", "minutes", "transcribe", str(path)]
        commands = {
            "plain faster-whisper": [sys.executable, str(REPO / "bench" / "plain_faster_whisper.py"), str(path),
                                     language],
            "minutes transcribe": [*minutes_cmd, "--language", language, "--speakers", "none"],
            "minutes auto": [*minutes_cmd, "--language", "auto", "--speakers", "none"],
            "minutes + speakers": [*minutes_cmd, "--language", language],
        }
        print(f"audio: {seconds:.1f} s ({path.name if path else 'shared/speech English clips joined'})")
        results = run_all(commands, repeat, seconds, "plain faster-whisper")
    given, auto = results["minutes transcribe"], results["minutes auto"]
    print(f"minutes transcribe / plain: {given.seconds / results['plain faster-whisper'].seconds:.2f} (aim < 1.15); "
          f"auto / given language: wall {auto.seconds / given.seconds:.2f}, CPU "
          f"{auto.cpu_seconds / given.cpu_seconds:.2f} (aim <= 1.15)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--language", default="en")
    parser.add_argument("--repeat", type=int, default=None, help="runs per command, best kept (default 2; 1 "
                        "with --minutes)")
    parser.add_argument("--minutes", type=float, nargs="+", help="bilingual session lengths to build and run")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where built sessions are kept")
    parser.add_argument("--runs", nargs="+", help="with --minutes: only the runs whose name holds one of these "
                        "words (plain, auto, speakers, final)")
    args = parser.parse_args()
    if args.minutes:
        for minutes in args.minutes:
            session_mode(minutes, args.repeat or 1, args.cache, args.runs)
    else:
        english_mode(args.file, args.language, args.repeat or 2)


if __name__ == "__main__":
    main()
