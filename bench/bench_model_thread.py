"""Why the window loads every model on one loader thread that stays alive: transcription time of one clip
when the model was loaded on the main thread, on a thread that is still running, and on a thread that has
ended (as each job's thread used to). Prints one line per case.

    .venv/bin/python bench/bench_model_thread.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLIP = REPO / "tests" / "data" / "en_librispeech_1995-1837-0001.wav"

# Each case in a fresh process, so one case's threads cannot affect another's.
CASE = """
import sys, threading, time
import soundfile as sf
from minutes.asr import registry
case = sys.argv[1]
audio = sf.read(sys.argv[2], dtype="float32")[0]
holder, keep = {}, threading.Event()
def load():
    holder["model"] = registry.load(registry.resolve(None))
    if case == "live thread":
        keep.wait()
if case == "main thread":
    load()
else:
    threading.Thread(target=load, daemon=True).start()
    while "model" not in holder:
        time.sleep(0.01)
    time.sleep(0.5)  # an ended loader has ended
def run():
    start = time.perf_counter()
    list(holder["model"].transcribe(audio, language="en", vad_filter=True, word_timestamps=True)[0])
    print(f"{time.perf_counter() - start:.1f}")
worker = threading.Thread(target=run)
worker.start()
worker.join()
"""


def main() -> None:
    for case in ("main thread", "live thread", "ended thread"):
        seconds = subprocess.run([sys.executable, "-c", CASE, case, str(CLIP)], capture_output=True, text=True,
                                 check=True).stdout.strip()
        print(f"model loaded on the {case:<12}  transcribing a 8.7 s clip on a job thread: {seconds} s")


if __name__ == "__main__":
    main()
