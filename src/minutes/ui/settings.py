"""Every setting the window remembers (QSettings), with its key, type and default in one place."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from minutes.doubt import DEFAULT_THRESHOLD

MAX_RECENT = 8


class Settings:
    """Typed access to the user's settings."""

    def __init__(self) -> None:
        self._q = QSettings()

    def geometry(self) -> QByteArray | None:
        return self._q.value("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    def splitter(self) -> QByteArray | None:
        return self._q.value("window/splitter")

    def set_splitter(self, value: QByteArray) -> None:
        self._q.setValue("window/splitter", value)

    def window_state(self) -> QByteArray | None:
        """Where the docks are (recorder, speakers, key strategies, notes) and which are shown."""
        return self._q.value("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    def recent_workshops(self) -> list[Path]:
        values = self._q.value("workshops/recent", []) or []
        paths = [Path(v) for v in (values if isinstance(values, list) else [values])]
        return [p for p in paths if (p / "workshop.sqlite").is_file()]

    def add_recent_workshop(self, path: Path) -> None:
        paths = [path.resolve(), *[p for p in self.recent_workshops() if p != path.resolve()]][:MAX_RECENT]
        self._q.setValue("workshops/recent", [str(p) for p in paths])

    def model(self) -> str:
        return str(self._q.value("asr/model", "bundled"))

    def set_model(self, spec: str) -> None:
        self._q.setValue("asr/model", spec)

    def language(self) -> str:
        """The interface language: a Qt locale name (``en``, ``zh_TW``) or ``system`` (the default).

        The environment variable ``MINUTES_LANGUAGE`` overrides it (for one run, a screenshot, a test).
        """
        return os.environ.get("MINUTES_LANGUAGE") or str(self._q.value("ui/language", "system"))

    def set_language(self, language: str) -> None:
        """Remember the interface language; it takes effect the next time the window is built."""
        self._q.setValue("ui/language", language)

    def template(self) -> str:
        """The letterhead .docx the Word minutes use ("" for Minutes' own template)."""
        return str(self._q.value("export/template", ""))

    def set_template(self, path: str) -> None:
        self._q.setValue("export/template", path)

    def input_device(self) -> str:
        return str(self._q.value("recording/device", ""))

    def set_input_device(self, name: str) -> None:
        self._q.setValue("recording/device", name)

    def doubt_threshold(self) -> float:
        """Words said with a lower probability are shown as doubtful."""
        try:
            return float(self._q.value("review/threshold", DEFAULT_THRESHOLD))
        except (TypeError, ValueError):
            return DEFAULT_THRESHOLD

    def set_doubt_threshold(self, value: float) -> None:
        self._q.setValue("review/threshold", value)
