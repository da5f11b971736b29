"""Offline speaker diarization (who spoke when) with onnxruntime and numpy only.

Public API: :func:`diarize` → :class:`Diarization` (turns + per-speaker centroid embeddings),
:func:`assign_speakers` to label transcript words and split segments by speaker, :func:`overlap_spans` where
two speak at once, and RTTM reading/writing.
"""

from .assign import Segment, SpeakerSegment, Word, assign_speakers, overlap_spans
from .diarize import Diarization, Settings, Turn, diarize, voice_sample
from .models import load_models, models_dir
from .rttm import format_rttm, parse_rttm, read_rttm, write_rttm

__all__ = [
    "Diarization",
    "Segment",
    "Settings",
    "SpeakerSegment",
    "Turn",
    "Word",
    "assign_speakers",
    "diarize",
    "format_rttm",
    "load_models",
    "models_dir",
    "overlap_spans",
    "parse_rttm",
    "read_rttm",
    "voice_sample",
    "write_rttm",
]
