"""A model provider for window tests: the test session's Whisper model, already loaded."""

from __future__ import annotations

import threading

from minutes.ui.workers import ModelProvider


class SeededModels(ModelProvider):
    """The session's already-loaded model, noting the thread each ``get`` ran on (the GUI thread must never
    be one of them)."""

    def __init__(self, model) -> None:  # noqa: ANN001 - WhisperModel
        super().__init__()
        self.model = model
        self.threads: list[threading.Thread] = []

    def get(self, spec):  # noqa: ANN001, ANN201
        self.threads.append(threading.current_thread())
        return self.model
