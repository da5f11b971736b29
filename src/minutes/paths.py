"""Where Minutes keeps its own files: the user data folder (models, logs) and the shipped resources.

``MINUTES_DATA_DIR`` overrides the data folder, for air-gapped venues and for tests.
"""

import os
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "Minutes"


def data_dir() -> Path:
    """The per-user folder holding assembled models and voice-independent caches."""
    override = os.environ.get("MINUTES_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The per-user folder for log files."""
    override = os.environ.get("MINUTES_DATA_DIR")
    return Path(override) / "logs" if override else Path(user_log_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """The folder of shipped resources (templates, tag sets, ONNX models, translations)."""
    here = Path(__file__).resolve().parent
    packaged = here / "resources"
    return packaged if packaged.is_dir() else here.parents[1] / "resources"
