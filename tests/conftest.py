"""Shared fixtures: an isolated data folder with the bundled model, offscreen Qt, the speech clips."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Set before anything imports Qt or resolves the data folder; subprocesses inherit them.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINUTES_DATA_DIR", str(Path(tempfile.gettempdir()) / "minutes-test-data"))
os.environ["HF_HUB_OFFLINE"] = "1"  # no test may reach a model hub
# QSettings (recent workshops, window state) of test runs stay out of the user's own settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="minutes-test-config-")

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data() -> Path:
    """The folder of test recordings and their references."""
    return DATA


@pytest.fixture(scope="session")
def model():
    """The bundled Whisper model, assembled and loaded once per run."""
    from minutes.asr import registry

    return registry.load(registry.resolve(None))


@pytest.fixture
def cli():
    """Run ``minutes`` in a subprocess, as a user or a batch job would."""

    def run(*args: object, check: bool = False, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "minutes", *map(str, args)],
            capture_output=True, text=True, timeout=timeout, env=os.environ.copy(),
        )
        if check and result.returncode != 0:
            raise AssertionError(f"minutes {args} failed ({result.returncode}):\n{result.stderr}")
        return result

    return run
