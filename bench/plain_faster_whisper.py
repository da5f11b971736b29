"""Baseline for bench_transcribe: plain faster-whisper with the settings Minutes uses."""

import sys

from faster_whisper import WhisperModel

from minutes.asr import registry

model = WhisperModel(registry.bundled_model_dir().as_posix(), device="cpu", compute_type="int8",
                     local_files_only=True)
segments, _ = model.transcribe(
    sys.argv[1], language=sys.argv[2], beam_size=5, word_timestamps=True, vad_filter=True,
    vad_parameters={"min_silence_duration_ms": 500}, condition_on_previous_text=False,
    hallucination_silence_threshold=2.0,
)
for segment in segments:
    sys.stdout.write(f"[{segment.start:.2f} --> {segment.end:.2f}] {segment.text.strip()}\n")
