"""onnxruntime sessions for the two speaker models, loaded lazily and cached for the process.

* ``segmentation-3.0.onnx`` – pyannote segmentation-3.0 (MIT): waveform ``(batch, 1, samples)`` at 16 kHz to
  powerset log-probabilities ``(batch, frames, 7)``.
* ``campplus_cn_en_common.onnx`` – CAM++ zh/en (3D-Speaker, Apache-2.0): mean-normalised fbank
  ``(batch, frames, 80)`` to a 192-dim speaker embedding.

Both are made by ``tools/convert_speaker_models.py``; see ``resources/models/LICENSES.md``.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime as ort

from minutes.paths import resources_dir

SEGMENTATION_FILE = "segmentation-3.0.onnx"
EMBEDDING_FILE = "campplus_cn_en_common.onnx"

_lock = threading.Lock()


def models_dir() -> Path:
    """Folder holding the ONNX speaker models (``resources/models``)."""
    return resources_dir() / "models"


def _session(name: str) -> ort.InferenceSession:
    path = models_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"speaker model missing: {path} (run tools/convert_speaker_models.py)")
    options = ort.SessionOptions()
    # One thread: on the 2-core laptops the app targets, a second thread bought little wall time when the
    # other core was busy (the recogniser, the window) and cost 75 % more CPU in all, most of it threads
    # spinning while they waited for work.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # the exported graphs trigger harmless shape-inference warnings
    return ort.InferenceSession(str(path), sess_options=options, providers=["CPUExecutionProvider"])


@lru_cache(maxsize=1)
def _segmentation() -> ort.InferenceSession:
    return _session(SEGMENTATION_FILE)


@lru_cache(maxsize=1)
def _embedding() -> ort.InferenceSession:
    return _session(EMBEDDING_FILE)


def segmentation_session() -> ort.InferenceSession:
    """The cached segmentation-3.0 session (created on first use)."""
    with _lock:
        return _segmentation()


def embedding_session() -> ort.InferenceSession:
    """The cached CAM++ session (created on first use)."""
    with _lock:
        return _embedding()


def load_models() -> None:
    """Create both sessions now, e.g. in a background thread at start-up, so the first run does not wait."""
    segmentation_session()
    embedding_session()


def run_segmentation(chunks: np.ndarray) -> np.ndarray:
    """Powerset log-probabilities ``(batch, frames, 7)`` for float32 chunks ``(batch, samples)``."""
    sess = segmentation_session()
    return sess.run(None, {"waveform": np.ascontiguousarray(chunks[:, None, :], dtype=np.float32)})[0]


def run_embedding(feats: np.ndarray) -> np.ndarray:
    """CAM++ embeddings ``(batch, 192)`` for mean-normalised fbank ``(batch, frames, 80)``."""
    sess = embedding_session()
    return sess.run(None, {"feats": np.ascontiguousarray(feats, dtype=np.float32)})[0]
