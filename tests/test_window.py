"""The main window, driven through pytest-qt with offscreen Qt."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QTableView

from minutes.domain import Segment, Session
from minutes.store import WorkshopStore
from minutes.ui.main_window import MainWindow


def test_window_shows_the_workshop_and_its_transcript(qtbot, tmp_path, monkeypatch):
    root = tmp_path / "Workshop2024.minutes"
    with WorkshopStore.open(root, create=True) as store:
        first = store.add_session(Session(title="Session 1: Atypical victims"))
        store.add_session(Session(title="Session 2: Forced labour"))
        store.add_segments(first.id, [Segment(1.0, 2.0, "Good morning."), Segment(2.5, 4.0, "歡迎來到台北。")])

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowTitle() == "Minutes"
    assert window.open_workshop(root, create=False)
    assert window.windowTitle() == "Minutes — Workshop2024"
    sessions = window.findChild(QListWidget, "sessions")
    assert [sessions.item(i).text() for i in range(sessions.count())] == [
        "Session 1: Atypical victims", "Session 2: Forced labour"]
    table = window.findChild(QTableView, "transcript")
    model = table.model()
    assert model.rowCount() == 2
    assert model.index(1, 2).data() == "歡迎來到台北。"
    assert model.index(0, 0).data() == "00:00:01"
    sessions.setCurrentRow(1)
    assert model.rowCount() == 0


def test_a_locked_workshop_is_reported_in_a_dialog(qtbot, tmp_path, monkeypatch):
    root = tmp_path / "W.minutes"
    shown: list[str] = []
    with WorkshopStore.open(root, create=True):
        window = MainWindow()
        qtbot.addWidget(window)
        monkeypatch.setattr(window, "show_error", shown.append)
        assert not window.open_workshop(root, create=False)
    assert shown and "open for writing in another" in shown[0]
    assert window.windowTitle() == "Minutes"
