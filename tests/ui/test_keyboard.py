"""Every dialog can be used from the keyboard: labels have mnemonics and buddies, Tab follows the form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from minutes.ui.dialogs import ParticipantDialog, RosterDialog, SessionDialog, WorkshopDialog


def tab_walk(qtbot, dialog: QDialog, steps: int) -> list[str]:
    """The object names (or button texts) that Tab visits from the first focus, repeats collapsed."""
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    seen: list[str] = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        name = widget.objectName() or widget.text().replace("&", "")
        if not seen or seen[-1] != name:  # date and time edits take Tab once per section
            seen.append(name)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


@pytest.mark.parametrize("make", [WorkshopDialog, SessionDialog, RosterDialog, ParticipantDialog])
def test_every_mnemonic_label_has_a_buddy(qtbot, store, people, make):
    dialog = make(store)
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert labels
    assert all(label.buddy() is not None for label in labels), [lb.text() for lb in labels if lb.buddy() is None]


def test_workshop_tab_order(qtbot, store):
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    assert tab_walk(qtbot, dialog, 8) == ["title", "dates", "venue", "organiser", "language", "script", "OK",
                                          "Cancel"]


def test_session_tab_order(qtbot, store, people):
    dialog = SessionDialog(store)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Session 1")
    assert tab_walk(qtbot, dialog, 22)[:17] == [
        "title", "date", "no_date", "start", "end", "no_time", "room", "chair", "rapporteur", "language",
        "speaker_filter", "speakers", "add_participant", "OK", "Cancel", "title", "date"]


def test_roster_tab_order_and_delete_key(qtbot, store, people, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog = RosterDialog(store)
    qtbot.addWidget(dialog)
    dialog.table.selectionModel().select(
        dialog.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert tab_walk(qtbot, dialog, 6) == ["filter", "roster", "add", "delete", "import", "Close"]
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert len(store.participants()) == len(people) - 1
    assert dialog.model.rowCount() == len(people) - 1
