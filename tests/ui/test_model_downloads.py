"""Preferences ▸ Larger models: a download shows its progress, can be cancelled, goes on after the dialog closes,
and leaves a model that the registry then loads offline (a loopback server plays the hub)."""

from __future__ import annotations

import pytest

from minutes.asr import download, registry
from minutes.ui.dialogs.preferences_dialog import PreferencesDialog
from minutes.ui.model_downloads import ModelDownloads
from minutes.ui.settings import Settings
from tests.fake_hub import serving


@pytest.fixture
def hub(tmp_path, monkeypatch):
    with serving(tmp_path, monkeypatch) as server:
        yield server


def test_a_download_goes_on_after_the_dialog_closes(qtbot, hub):
    downloads = ModelDownloads(hub=hub.url)
    dialog = PreferencesDialog(Settings(), None, downloads)
    qtbot.addWidget(dialog)
    _label, bar, button = dialog.downloads_box.rows["small"]
    assert button.text() == "Download" and bar.isHidden()
    seen = []
    downloads.progress.connect(lambda name, done, total: seen.append((name, done, total)))
    with qtbot.waitSignal(downloads.done, timeout=120_000) as ended:
        button.click()
        assert button.text() == "Cancel" and downloads.is_running("small")
        dialog.reject()  # the window stays usable: the download is the window's, not the dialog's
    assert ended.args == ["small"] and seen[-1][1] == seen[-1][2] > 0
    assert download.is_downloaded("small") and registry.resolve("small").local
    again = PreferencesDialog(Settings(), None, downloads)
    qtbot.addWidget(again)
    _label, bar, button = again.downloads_box.rows["small"]
    assert button.text() == "Downloaded" and not button.isEnabled() and bar.value() == 1000


def test_cancel_stops_the_download_and_says_it_resumes(qtbot, hub):
    downloads = ModelDownloads(hub=hub.url)
    dialog = PreferencesDialog(Settings(), None, downloads)
    qtbot.addWidget(dialog)
    _label, bar, button = dialog.downloads_box.rows["small"]
    with qtbot.waitSignal(downloads.progress, timeout=60_000):
        button.click()
    with qtbot.waitSignal(downloads.stopped, timeout=60_000):
        button.click()  # now labelled Cancel
    assert button.text() == "Download" and not download.is_downloaded("small")
    assert "continues where it stopped" in dialog.downloads_box.status.text()
