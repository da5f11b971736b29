"""The secretariat's commands in the real window (offscreen): review states, approved edits, packages, merge with
a preview, the executive summary and the workshop report."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from minutes.export.docx_minutes import MinutesOptions
from minutes.operations.package import read_package
from minutes.store import WorkshopStore
from minutes.ui import secretariat
from minutes.ui.dialogs.merge_dialog import MergeDialog
from minutes.ui.export_dialog import ExportChoice, ExportDialog
from minutes.ui.main_window import MainWindow
from minutes.ui.tag_dialog import TagChoice, TagDialog
from minutes.ui.workers import ModelProvider
from tests.operations.laptops import CLIP_AMI, CLIP_EN, add_recorded_session


@pytest.fixture
def workshop(tmp_path):
    root = tmp_path / "Secretariat.minutes"
    with WorkshopStore.open(root, create=True) as store:
        add_recorded_session(store, "Session 1: Opening", CLIP_EN)
    return root


@pytest.fixture
def laptop(tmp_path):
    root = tmp_path / "laptop.minutes"
    with WorkshopStore.open(root, create=True) as store:
        add_recorded_session(store, "Session 2: Forced labour", CLIP_AMI)
    return root


@pytest.fixture
def window(qtbot, workshop):
    win = MainWindow(ModelProvider())  # no transcription here: the model is never loaded
    qtbot.addWidget(win)
    assert win.open_workshop(workshop, create=False)
    yield win
    win.close()


def answer(monkeypatch, button):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or button)
    return asked


def test_review_state_from_the_session_menu(window):
    window.review_approved_action.trigger()
    session = window.store.session(window.current_session_id())
    assert session.review_status == "approved" and session.reviewed_at
    item = window.sessions.currentItem()
    assert item.text() == "Session 1: Opening  (Approved)" and "Approved" in item.toolTip()
    window.review_draft_action.trigger()
    assert window.sessions.currentItem().text() == "Session 1: Opening"


def test_editing_an_approved_session_asks_first(window, monkeypatch):
    window.review_approved_action.trigger()
    session_id = window.current_session_id()
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.editor.edit_text(0, "Changed without asking")
    assert asked and window.store.segments(session_id)[0].text == "We screen every returnee at the airport."
    assert window.store.session(session_id).review_status == "approved"
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.editor.edit_text(0, "Corrected against the recording.")
    assert window.store.segments(session_id)[0].text == "Corrected against the recording."
    assert window.store.session(session_id).review_status == "reviewed"
    assert window.sessions.currentItem().text() == "Session 1: Opening  (Reviewed)"
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.editor.edit_text(0, "A second edit of a reviewed session")
    assert not asked  # only approved sessions ask


def test_export_session_package(window, monkeypatch, tmp_path):
    target = tmp_path / "handover"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.export_package_action.trigger()
    package = read_package(tmp_path / "handover.minutes-session")
    assert package.has_audio and package.session_data()["session"]["title"] == "Session 1: Opening"


def test_merge_preview_then_merge_in_the_background(window, laptop, qtbot, monkeypatch):
    dialog = MergeDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.load(laptop)
    assert "Added:\n  • Session 2: Forced labour" in dialog.preview.toPlainText()
    assert dialog.merge_button.isEnabled()
    monkeypatch.setattr(MergeDialog, "ask", classmethod(lambda cls, store, parent=None: laptop))
    window.merge_workshop_action.trigger()
    qtbot.waitUntil(lambda: window.sessions.count() == 2, timeout=30000)
    assert not window.runner.busy
    assert window.store.audio_path(window.store.session_by_title("Session 2: Forced labour")).is_file()
    dialog.load(laptop)
    assert "Already here, unchanged:" in dialog.preview.toPlainText() and not dialog.merge_button.isEnabled()


def test_merge_preview_shows_conflicts(window, tmp_path, qtbot):
    other = tmp_path / "other.minutes"
    with WorkshopStore.open(other, create=True) as store:
        add_recorded_session(store, "Session 1: Opening", CLIP_AMI)  # same title, another recording
    dialog = MergeDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.load(other)
    text = dialog.preview.toPlainText()
    assert "Conflict" in text and "Rename" in text and not dialog.merge_button.isEnabled()
    dialog.load(tmp_path / "not-there")
    assert "no such file or folder" in dialog.preview.toPlainText()


def test_executive_summary_and_workshop_report(window, qtbot, monkeypatch, tmp_path):
    dialog = secretariat.SummaryDialog("old", window)
    qtbot.addWidget(dialog)
    assert dialog.editor.toPlainText() == "old"
    monkeypatch.setattr(secretariat.SummaryDialog, "ask",
                        classmethod(lambda cls, text, parent=None: "Joint screening was agreed."))
    window.workshop_summary_action.trigger()
    assert window.store.workshop().summary == "Joint screening was agreed."
    monkeypatch.setattr(ExportDialog, "ask", classmethod(
        lambda cls, parent, has_session=True: ExportChoice(MinutesOptions(labels="zh-TW"), True, True)))
    report = tmp_path / "report.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(report), ""))
    window.export_report_action.trigger()
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "執行摘要" in text and "Joint screening was agreed." in text and "Session 1: Opening" in text


def test_action_item_owner_and_due_in_the_tag_dialog(window, qtbot):
    store = window.store
    action, prevention = store.find_tag("Action item"), store.find_tag("Prevention")
    dialog = TagDialog(store, "We will circulate the protocol.", [prevention.id], window)
    qtbot.addWidget(dialog)
    assert not dialog.owner.isEnabled() and not dialog.due.isEnabled()  # for action items only
    dialog.set_checked([action.id])
    assert dialog.owner.isEnabled()
    assert "National Immigration Agency" in dialog.owner.completer().model().stringList()  # from the roster
    dialog.owner.setText(" National  Immigration Agency ")
    dialog.due.setText("2024-09-30")
    assert dialog.choice() == TagChoice([action.id], "", False, "National Immigration Agency", "2024-09-30")

    session_id = window.current_session_id()
    item = next(a for a in store.annotations(session_id) if action.id in a.tag_ids)
    panel = window.strategies_panel
    panel.ask_tags = lambda *args, **kwargs: TagChoice([action.id], "Circulate the protocol", False, "Agency 3",
                                                       "2024-10-01")
    panel.edit_annotation(item.id)
    edited = next(a for a in store.annotations(session_id) if action.id in a.tag_ids)
    assert (edited.owner, edited.due) == ("Agency 3", "2024-10-01")
    window.editor.undo_stack.undo()
    restored = next(a for a in store.annotations(session_id) if action.id in a.tag_ids)
    assert (restored.owner, restored.due) == ("National Immigration Agency", "2024-09-30")


def test_import_agenda_from_the_workshop_menu(window, monkeypatch, tmp_path):
    agenda = tmp_path / "programme.csv"
    agenda.write_text("Date,Time,Session,Room\n2024-08-28,09:00-10:15,Session 1: Opening,Hall A\n"
                      "2024-08-28,10:30-12:00,Session 2: Forced labour,Room 201\n,,,\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(agenda), ""))
    window.import_agenda_action.trigger()
    assert [window.sessions.item(i).text() for i in range(window.sessions.count())] == [
        "Session 1: Opening", "Session 2: Forced labour"]
    assert window.store.session_by_title("Session 1: Opening").venue == "Hall A"  # updated, recording kept
    assert window.store.audio_path(window.store.session_by_title("Session 1: Opening")).is_file()
    assert "1 sessions added, 1 updated" in window.statusBar().currentMessage()


def test_tags_and_notes_of_an_approved_session_ask_first(window, qtbot, monkeypatch):
    window.review_approved_action.trigger()
    session_id = window.current_session_id()
    store = window.store
    before = store.annotations(session_id)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.tagger.tag_span(session_id, 4.0, 6.0, [store.find_tag("Challenge").id])
    assert asked and store.annotations(session_id) == before
    notes = window.notes_panel
    notes.summary.setPlainText("A new summary typed without asking")
    qtbot.waitUntil(lambda: notes.summary.toPlainText() == "Summary of Session 1: Opening.")
    notes.flush()
    assert store.session(session_id).summary == "Summary of Session 1: Opening."
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    notes.summary.setPlainText("The corrected summary.")
    notes.flush()
    assert store.session(session_id).summary == "The corrected summary."
    assert store.session(session_id).review_status == "reviewed"


def test_renaming_a_speaker_of_an_approved_session_asks_first(window, monkeypatch):
    """Who said what is part of the approved minutes: naming a speaker asks like any other edit."""
    window.review_approved_action.trigger()
    session_id = window.current_session_id()
    store, panel = window.store, window.speakers_panel
    speaker = store.speakers(session_id)[0]
    panel.list.setCurrentRow(0)
    chosen = []
    monkeypatch.setattr(panel, "ask_item", lambda *args: chosen.append(args) or ("Ms. Lin Mei-hua", True))
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    panel.name_selected()
    assert asked and not chosen, "declined: no name is even asked for"
    assert store.speakers(session_id)[0].participant_id == speaker.participant_id
    assert store.session(session_id).review_status == "approved"
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    panel.name_selected()
    assert store.speakers(session_id)[0].participant_id == store.find_participant("Ms. Lin Mei-hua").id
    assert store.session(session_id).review_status == "reviewed"
