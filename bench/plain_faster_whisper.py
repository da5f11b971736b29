"""Baseline for bench_transcribe: plain faster-whisper with the settings Minutes uses.

    python bench/plain_faster_whisper.py FILE LANGUAGE

LANGUAGE ``auto`` is faster-whisper's own answer to mixed languages: ``multilingual=True`` (the language
detected again on every 30-second window, from that window's encoder output).
"""

import sys

from faster_whisper import WhisperModel

from minutes.asr import registry

model = WhisperModel(registry.bundled_model_dir().as_posix(), device="cpu", compute_type="int8",
                     local_files_only=True)
language = None if sys.argv[2] == "auto" else sys.argv[2]
segments, _ = model.transcribe(
    sys.argv[1], language=language, multilingual=language is None, beam_size=5, word_timestamps=True,
    vad_filter=True, vad_parameters={"min_silence_duration_ms": 500}, condition_on_previous_text=False,
    hallucination_silence_threshold=2.0,
)
for segment in segments:
    sys.stdout.write(f"[{segment.start:.2f} --> {segment.end:.2f}] {segment.text.strip()}\n")
