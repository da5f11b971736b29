"""Fixtures for the dialog tests: a fresh workshop store, a small roster, and recorded message boxes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from minutes.domain import Participant
from minutes.store import WorkshopStore

ROSTER = [
    Participant("馬士元", "Deputy Minister", "內政部 Ministry of the Interior", "Taiwan"),
    Participant("Maria Santos", "Prosecutor", "Department of Justice", "Philippines"),
    Participant("John Smith", "Special Agent", "Homeland Security Investigations", "United States"),
    Participant("王小明", "科長", "移民署", "臺灣"),
]


@pytest.fixture
def store(tmp_path) -> Iterator[WorkshopStore]:
    """An empty workshop, open for writing."""
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as opened:
        yield opened


@pytest.fixture
def people(store) -> dict[str, Participant]:
    """The roster above, stored; by name."""
    return {p.name: store.add_participant(p) for p in ROSTER}


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch) -> list[str]:
    """What QMessageBox.warning would have shown; no test can then hang on a modal box."""
    shown: list[str] = []

    def record(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202 - QMessageBox.warning's shape
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown
