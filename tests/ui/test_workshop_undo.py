"""Every workshop change made in the window is an undo step: roster, tag set, agenda sessions, details,
glossary, notes. Each is done through its real dialog or panel, undone, redone, and checked in the workshop
as a fresh reader opens it (what is on disk, not what a widget shows)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from minutes.domain import Annotation, Participant, Segment, Session, Speaker
from minutes.operations import checking
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.ui.dialogs import ParticipantDialog, RosterDialog, SessionDialog, WorkshopDialog
from minutes.ui.dialogs.glossary_dialog import GlossaryDialog
from minutes.ui.main_window import MainWindow
from minutes.ui.notes_panel import NotesPanel
from minutes.ui.tag_dialog import TagSetDialog
from minutes.ui.transcript_model import TEXT
from minutes.ui.undo import WorkshopUndo


def on_disk(root: Path) -> dict[str, object]:
    """Everything a workshop change may touch, as a new reader of the folder sees it."""
    with WorkshopStore.open(root, read_only=True) as store:
        sessions = store.sessions()
        return {
            "workshop": store.workshop(),
            "participants": store.participants(),
            "voices": store.enrolled_voices(),
            "tags": store.tags(),
            "glossary": store.glossary(),
            "sessions": sessions,
            "planned": {s.id: [p.id for p in store.session_participants(s.id)] for s in sessions},
            "speakers": {s.id: store.speakers(s.id) for s in sessions},
            "proposals": {s.id: store.proposals(s.id) for s in sessions},
            "annotations": {s.id: store.annotations(s.id) for s in sessions},
        }


@pytest.fixture
def undo(qtbot) -> WorkshopUndo:  # noqa: ARG001 - the QApplication pytest-qt makes
    heard: list[OpChanges] = []
    stack = WorkshopUndo(heard.append, lambda exc: pytest.fail(f"reported: {exc}"))
    stack.heard = heard
    return stack


def check_undoable(undo: WorkshopUndo, store: WorkshopStore, change: Callable[[], object]) -> dict[str, object]:
    """Make ``change``; one undo step puts the workshop back, redo makes it again, on disk each time."""
    before, steps = on_disk(store.root), undo.count()
    change()
    after = on_disk(store.root)
    assert after != before and undo.count() == steps + 1 and undo.heard[-1].anything
    undo.undo()
    assert on_disk(store.root) == before
    undo.redo()
    assert on_disk(store.root) == after
    return after


def test_roster_edits_are_undone_and_redone(qtbot, store, people, undo, monkeypatch, tmp_path):
    dialog = RosterDialog(store, None, undo.record)
    qtbot.addWidget(dialog)
    model = dialog.model
    row = model.row_of(people["Maria Santos"].id)
    check_undoable(undo, store, lambda: model.setData(model.index(row, 2), "Department of Justice, Manila"))

    def add() -> None:
        def fill_and_ok(participant_dialog: ParticipantDialog) -> None:
            participant_dialog.name_edit.setText("陳志明")
            participant_dialog.organisation_edit.setText("Criminal Investigation Bureau")
            participant_dialog.accept()

        monkeypatch.setattr(ParticipantDialog, "exec", fill_and_ok)
        assert dialog.add_participant() is not None

    after = check_undoable(undo, store, add)
    assert "陳志明" in [p.name for p in after["participants"]]

    sheet = tmp_path / "registration.csv"
    sheet.write_text("name,organisation,country\nLin Mei,NIA,Taiwan\nJohn Smith,,USA\n", encoding="utf-8")
    after = check_undoable(undo, store, lambda: dialog.import_csv(sheet))
    assert {"Lin Mei", "John Smith"} <= {p.name for p in after["participants"]}
    assert next(p for p in after["participants"] if p.name == "John Smith").country == "USA"


def test_removing_a_participant_is_undone_with_everything_it_took(qtbot, store, people, undo, monkeypatch):
    santos, smith = people["Maria Santos"], people["John Smith"]
    session = store.add_session(Session(title="Opening"))
    store.set_session_participants(session.id, [smith.id, santos.id])
    named = store.add_speaker(session.id, Speaker("Speaker 1", santos.id))
    proposed = store.add_speaker(session.id, Speaker("Speaker 2"))
    store.propose(proposed.id, santos.id, 0.8)
    store.learn_voice(santos.id, np.ones(192, dtype=np.float32))
    dialog = RosterDialog(store, None, undo.record)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(dialog.proxy.mapFromSource(dialog.model.index(dialog.model.row_of(santos.id), 0)).row())

    after = check_undoable(undo, store, dialog.delete_selected)
    assert santos not in after["participants"] and after["planned"][session.id] == [smith.id]
    assert after["voices"] == [] and after["proposals"][session.id] == {}
    undo.undo()
    restored = on_disk(store.root)
    assert santos in restored["participants"] and restored["planned"][session.id] == [smith.id, santos.id]
    assert [s.participant_id for s in restored["speakers"][session.id] if s.id == named.id] == [santos.id]
    assert restored["proposals"][session.id] == {proposed.id: (santos.id, pytest.approx(0.8))}
    assert restored["voices"] == [("Maria Santos", "Department of Justice", 1)]


def test_tag_set_edits_are_undone_and_redone(qtbot, store, undo, monkeypatch):
    session = store.add_session(Session(title="Opening"))
    tag, other = store.tags()[:2]
    store.add_annotation(session.id, Annotation(1.0, 2.0, tag_ids=[tag.id, other.id], comment="Key"))
    dialog = TagSetDialog(store, None, undo.record)
    qtbot.addWidget(dialog)
    check_undoable(undo, store, lambda: dialog.add_tag("Victim support"))
    check_undoable(undo, store, lambda: dialog.rename_tag(tag.id, "Prevention first"))
    check_undoable(undo, store, lambda: dialog.recolour_tag(tag.id, "#123456"))
    check_undoable(undo, store, lambda: dialog.move_tag(tag.id, 2))
    after = check_undoable(undo, store, lambda: dialog.delete_tag(tag.id))
    assert after["annotations"][session.id][0].tag_ids == [other.id]
    undo.undo()
    assert on_disk(store.root)["annotations"][session.id][0].tag_ids == sorted([tag.id, other.id])


def test_agenda_sessions_are_undone_and_redone(qtbot, store, people, undo):
    def add() -> None:
        dialog = SessionDialog(store, None, None, undo.record)
        qtbot.addWidget(dialog)
        dialog.title_edit.setText("Panel 1")
        dialog.speaker_list.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    after = check_undoable(undo, store, add)
    session = next(s for s in after["sessions"] if s.title == "Panel 1")
    assert len(after["planned"][session.id]) == 1

    def edit() -> None:
        dialog = SessionDialog(store, session.id, None, undo.record)
        qtbot.addWidget(dialog)
        dialog.title_edit.setText("Panel 1: Prosecution")
        dialog.room_edit.setText("Room 201")
        dialog.speaker_list.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.accept()

    after = check_undoable(undo, store, edit)
    assert [s.title for s in after["sessions"]] == ["Panel 1: Prosecution"] and len(after["planned"][session.id]) == 2


def test_undoing_a_session_that_has_a_transcript_since_keeps_it(qtbot, store, undo):
    reported = []
    undo.report = reported.append
    dialog = SessionDialog(store, None, None, undo.record)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Panel 2")
    dialog.accept()
    store.add_segments(dialog.session_id, [Segment(0.0, 1.0, "Said meanwhile.")])  # outside the history
    undo.undo()
    assert [s.title for s in on_disk(store.root)["sessions"]] == ["Panel 2"]
    assert len(reported) == 1 and "Panel 2" in str(reported[0])


def test_details_glossary_and_notes_are_undone_and_redone(qtbot, store, undo):
    def details() -> None:
        dialog = WorkshopDialog(store, None, record=undo.record)
        qtbot.addWidget(dialog)
        dialog.title_edit.setText("Regional Workshop 2024")
        dialog.accept()

    check_undoable(undo, store, details)

    def glossary() -> None:
        dialog = GlossaryDialog(store, None, undo.record)
        qtbot.addWidget(dialog)
        dialog.terms_edit.setPlainText("forced criminality\n人口販運")
        dialog.accept()

    check_undoable(undo, store, glossary)
    after = check_undoable(undo, store, lambda: undo.record(checking.add_to_glossary(store, "Hsieh Ming"), "Add"))
    assert after["glossary"] == ["forced criminality", "人口販運", "Hsieh Ming"]

    session = store.add_session(Session(title="Opening"))
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.record = undo.record
    panel.show_session(store, session.id)

    def notes() -> None:  # two saves in a row: one undo step
        panel.summary.setPlainText("Agreed on joint screening.")
        panel.flush()
        panel.add_recommendation("Train front-line officers.", edit=False)
        panel.flush()

    after = check_undoable(undo, store, notes)
    assert after["sessions"][0].recommendations == ["Train front-line officers."]
    undo.undo()
    panel.on_operation_did_execute(OpChanges(notes=True, session_id=session.id))
    assert panel.summary.toPlainText() == "" and panel.recommendation_lines() == []


def edit_transcript_then_roster(qtbot, root: Path, texts: list[str]) -> tuple[MainWindow, Session, Participant]:
    """A window on a new workshop whose session holds ``texts``: the first is edited in the transcript, then
    Dr. Chen is renamed in the roster dialog."""
    with WorkshopStore.open(root, create=True) as store:
        session = store.add_session(Session(title="Opening"))
        store.add_segments(session.id, [Segment(float(i), i + 1.0, text) for i, text in enumerate(texts)])
        person = store.add_participant(Participant("Dr. Chen"))
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_workshop(root, create=False)
    model = window.editor.model
    model.setData(model.index(0, TEXT), "Welcome, everyone.")

    def rename(dialog: RosterDialog) -> None:
        dialog.model.setData(dialog.model.index(0, 0), "Dr. Chen Mei-ling")

    original_exec = RosterDialog.exec
    RosterDialog.exec = rename
    try:
        window.roster_action.trigger()
    finally:
        RosterDialog.exec = original_exec
    return window, session, person


def test_ctrl_z_undoes_the_latest_change_of_the_workshop_or_the_transcript(qtbot, tmp_path):
    window, session, person = edit_transcript_then_roster(qtbot, tmp_path / "W.minutes", ["Welcome."])
    assert window.undo_action.text() == "&Undo Edit Dr. Chen"
    window.undo_action.trigger()  # the roster edit, the latest change
    assert [p.name for p in window.store.participants()] == ["Dr. Chen"]
    assert window.store.segments(session.id)[0].text == "Welcome, everyone."
    window.undo_action.trigger()  # then the transcript edit
    assert window.store.segments(session.id)[0].text == "Welcome."
    assert not window.undo_action.isEnabled()
    window.redo_action.trigger()  # redone in the order they were made
    assert window.store.segments(session.id)[0].text == "Welcome, everyone."
    assert [p.name for p in window.store.participants()] == ["Dr. Chen"]
    window.redo_action.trigger()
    assert [p.id for p in window.store.participants() if p.name == "Dr. Chen Mei-ling"] == [person.id]
    window.close()


def test_a_new_step_ends_what_either_history_could_redo(qtbot, tmp_path):
    """Undo a roster edit and a transcript edit, then type a new edit: Redo must not bring back the roster edit
    on top of it, as in any one history (the two stacks would each keep their own redo otherwise)."""
    window, session, _ = edit_transcript_then_roster(qtbot, tmp_path / "W.minutes", ["Welcome.", "Thank you."])
    model = window.editor.model
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()
    model.setData(model.index(1, TEXT), "Thank you, chair.")  # a new step, on the session's stack
    assert not window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert [p.name for p in window.store.participants()] == ["Dr. Chen"]
    assert [s.text for s in window.store.segments(session.id)] == ["Welcome.", "Thank you, chair."]
    window.undo_action.trigger()  # the new edit can still be undone and redone
    assert window.store.segments(session.id)[1].text == "Thank you."
    window.redo_action.trigger()
    assert window.store.segments(session.id)[1].text == "Thank you, chair."
    assert not window.redo_action.isEnabled()
    window.close()
