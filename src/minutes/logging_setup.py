"""Logging to a rotating file in the user's log folder; the console only shows user-facing messages."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from minutes.paths import log_dir


def configure(level: int = logging.INFO) -> Path | None:
    """Send log records to ``minutes.log``; returns its path, or None if the folder is not writable."""
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "minutes.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    logging.captureWarnings(True)
    return folder / "minutes.log"
