"""The docks on a laptop screen (1366×768): the tabs of the speakers, key strategies and summary docks read
whole in English and in Traditional Chinese, even with the dock area dragged to its narrowest, also on the
1093 x 614 points that such a screen shows at 125 % scaling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from minutes.domain import Segment, Session
from minutes.store import WorkshopStore
from minutes.ui.i18n import install_translator
from minutes.ui.main_window import MainWindow
from minutes.ui.workers import ModelProvider


class NoModels(ModelProvider):
    """No model is needed to lay the window out."""

    def preload(self, spec: str | None) -> None:
        pass


@pytest.fixture
def workshop(tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        session = store.add_session(Session(title="Session 1"))
        store.add_segments(session.id, [Segment(0.0, 4.0, "We must protect atypical victims.")])
    return root


@pytest.mark.parametrize("language", ["en", "zh_TW"])
@pytest.mark.parametrize("width, height", [(1366, 768), (1093, 614)])
def test_dock_tabs_read_whole_on_a_laptop_screen(qtbot, qapp, workshop, warnings_shown, language, width, height):
    install_translator(qapp, language)
    try:
        window = MainWindow(NoModels())
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        assert window.open_workshop(workshop, create=False)
        window.resizeDocks([window.speakers_dock], [1], Qt.Orientation.Horizontal)  # as narrow as it goes
        qtbot.wait(50)
        bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.count() > 1]
        titles = {window.speakers_dock.windowTitle(), window.strategies_dock.windowTitle(),
                  window.notes_dock.windowTitle()}
        assert [sorted(bar.tabText(i) for i in range(bar.count())) for bar in bars] == [sorted(titles)]
        bar = bars[0]
        assert bar.sizeHint().width() <= bar.width(), "the tabs need more room than they have: Qt abridges them"
        for i in range(bar.count()):
            rect, text = bar.tabRect(i), bar.tabText(i)
            assert rect.width() > bar.fontMetrics().horizontalAdvance(text), f"{text!r} is cut short"
            assert rect.left() >= 0 and rect.right() < bar.width(), f"{text!r} is scrolled out of sight"
        window.close()
    finally:
        install_translator(qapp, "en")
