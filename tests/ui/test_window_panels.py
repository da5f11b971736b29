"""The main window's docks and menus around the transcript: tags and key strategies, notes, glossary,
translation and the interface language, driven through the real window (offscreen Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from minutes import jobs
from minutes.audio import decode
from minutes.domain import Segment, Session
from minutes.store import WorkshopStore
from minutes.ui.main_window import MainWindow
from minutes.ui.settings import Settings
from minutes.ui.tag_dialog import TagDialog
from minutes.ui.workers import ModelProvider


class LoadedModels(ModelProvider):
    """Hands out the test session's model instead of loading another copy."""

    def __init__(self, model) -> None:  # noqa: ANN001 - WhisperModel
        super().__init__()
        self.model = model

    def get(self, spec):  # noqa: ANN001, ANN201
        return self.model


@pytest.fixture
def workshop(tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        first = store.add_session(Session(title="Session 1"))
        store.add_session(Session(title="Session 2"))
        store.add_segments(first.id, [Segment(0.0, 4.0, "We must protect atypical victims."),
                                      Segment(4.0, 9.0, "Joint inspections found forced criminality."),
                                      Segment(9.0, 12.0, "Thank you.")])
    return root


@pytest.fixture
def window(qtbot, model, workshop):
    win = MainWindow(LoadedModels(model))
    qtbot.addWidget(win)
    assert win.open_workshop(workshop, create=False)
    yield win
    win.close()


def select_rows(win: MainWindow, *rows: int) -> None:
    win.table.clearSelection()
    for row in rows:
        win.table.selectionModel().select(win.editor.model.index(row, 0),
                                          win.table.selectionModel().SelectionFlag.Select
                                          | win.table.selectionModel().SelectionFlag.Rows)
    win.table.setCurrentIndex(win.editor.model.index(rows[0], 0))


def test_ctrl_number_tags_the_selection_and_key_strategies_list_it(window, qtbot):
    store = window.store
    prevention = store.tags()[0]
    select_rows(window, 1)
    action = window.tag_menu.tag_actions[0]
    assert action.shortcut().toString() == "Ctrl+1" and prevention.name in action.text()
    action.trigger()
    [annotation] = store.annotations(window.editor.session_id)
    assert (annotation.start, annotation.end, annotation.tag_ids) == (4.0, 9.0, [prevention.id])
    # The transcript row shows the tag's colour; the Key strategies panel lists the item under its tag.
    assert window.editor.model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert window.editor.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert prevention.name in window.editor.model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    [item] = window.strategies_panel.item_indexes()
    assert "forced criminality" in item.siblingAtColumn(2).data()
    # Undo takes it off; the panel follows.
    window.undo_action.trigger()
    assert store.annotations(window.editor.session_id) == []
    assert window.strategies_panel.item_indexes() == []
    window.redo_action.trigger()
    # Jumping from the panel selects the row.
    select_rows(window, 0)
    window.strategies_panel.jump_requested.emit(5.0)
    assert window.table.currentIndex().row() == 1


def test_tag_with_comment_and_off_the_record(window, monkeypatch):
    store = window.store
    recommendation = next(t for t in store.tags() if t.name == "Recommendation")
    monkeypatch.setattr(TagDialog, "ask", classmethod(
        lambda cls, *args, **kwargs: ([recommendation.id], "ask the ministry", False)))
    select_rows(window, 0)
    window.tag_menu.dialog_action.trigger()
    [annotation] = store.annotations(window.editor.session_id)
    assert annotation.tag_ids == [recommendation.id] and annotation.comment == "ask the ministry"
    select_rows(window, 2)
    window.tag_menu.confidential_action.trigger()
    assert any(a.confidential and a.start == 9.0 for a in store.annotations(window.editor.session_id))
    assert window.editor.model.index(2, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    window.tag_menu.confidential_action.trigger()
    assert not any(a.confidential for a in store.annotations(window.editor.session_id))


def test_selected_text_is_tagged_by_its_own_time(window, qtbot):
    store = window.store
    index = window.editor.model.index(1, 3)
    window.table.setCurrentIndex(index)
    window.table.edit(index)
    editor = window.text_delegate.editor
    assert editor is not None
    text = editor.text()
    editor.setSelection(text.index("forced"), len("forced criminality"))
    window.tag_menu.tag_actions[1].trigger()
    [annotation] = store.annotations(window.editor.session_id)
    assert 4.0 < annotation.start < annotation.end < 9.0 + 1e-6


def test_without_a_selection_nothing_is_tagged_and_the_status_bar_says_why(window):
    window.sessions.setCurrentRow(1)  # the empty session
    window.tag_menu.tag_actions[0].trigger()
    assert "Select a segment" in window.statusBar().currentMessage()
    assert window.store.annotations(window.editor.session_id) == []


def test_notes_are_saved_when_switching_sessions_and_reopening(window, workshop, qtbot, model):
    window.notes_panel.summary.setPlainText("Panel agreed on victim identification.")
    session_id = window.editor.session_id
    window.sessions.setCurrentRow(1)
    assert window.store.session(session_id).summary == "Panel agreed on victim identification."
    window.close()
    again = MainWindow(LoadedModels(model))
    qtbot.addWidget(again)
    assert again.open_workshop(workshop, create=False)
    assert again.notes_panel.summary.toPlainText() == "Panel agreed on victim identification."
    again.close()


def test_glossary_dialog_stores_the_terms(window, monkeypatch):
    from minutes.text.glossary import parse_glossary
    from minutes.ui.dialogs.glossary_dialog import GlossaryDialog

    def answer(dialog: GlossaryDialog) -> int:
        dialog.terms_edit.setPlainText("forced criminality\n人口販運\n\nMinistry of Labor, Taiwan\nforced criminality")
        dialog.add_terms(parse_glossary("IOM, ECPAT\n人口販運"))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GlossaryDialog, "exec", answer)
    window.glossary_action.trigger()
    assert window.store.glossary() == ["forced criminality", "人口販運", "Ministry of Labor, Taiwan", "IOM", "ECPAT"]


def test_translate_adds_english_to_mandarin_segments(window, qtbot, data):
    store = window.store
    audio = decode.decode(data / "zh_aishell1_BAC009S0764W0121.wav")
    session = jobs.add_media_session(store, audio, Session(title="Mandarin", language="zh"))
    duration = len(audio) / decode.SAMPLE_RATE
    store.add_segments(session.id, [Segment(0.0, duration, "甚至出現交易幾乎停滯的情況", language="zh")])
    store.update_session(session.id, status="transcribed", transcribed_until=duration)
    window.reload_sessions(select_id=session.id)
    assert window.translate_action.isEnabled()
    window.translate_action.trigger()  # a short job may be over before a waitSignal could connect
    qtbot.waitUntil(lambda: window.job is None, timeout=120_000)
    [segment] = store.segments(session.id)
    assert segment.translation and segment.translation.isascii()
    assert "English:" in window.editor.model.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "translated" in window.statusBar().currentMessage()


def test_interface_language_is_remembered(window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    chinese = next(a for a in window.findChildren(type(window.translate_action)) if a.data() == "zh_TW")
    chinese.trigger()
    assert Settings().language() == "zh_TW"
    english = next(a for a in window.findChildren(type(window.translate_action)) if a.data() == "en")
    english.trigger()
    assert Settings().language() == "en"


def test_preferences_are_reached_from_the_edit_menu(window, monkeypatch):
    from minutes.ui.dialogs.preferences_dialog import PreferencesDialog

    asked = []
    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(lambda cls, *args: asked.append(1) or True))
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.preferences_action in edit_menu.actions()
    window.preferences_action.trigger()
    assert asked and "Preferences saved" in window.statusBar().currentMessage()


def test_long_segments_get_rows_tall_enough_for_their_text(window, qtbot):
    store = window.store
    long_text = " ".join(["Cross-border cooperation on forced criminality cases needs shared evidence."] * 6)
    session = store.add_session(Session(title="Long"))
    store.add_segments(session.id, [Segment(0.0, 2.0, "Short."), Segment(2.0, 30.0, long_text)])
    window.resize(1000, 700)
    window.show()
    window.reload_sessions(select_id=session.id)
    qtbot.waitUntil(lambda: window.table.rowHeight(1) > 2 * window.table.rowHeight(0), timeout=5000)
