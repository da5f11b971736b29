"""The agenda-session dialog, driven with pytest-qt against a real workshop store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog, QListWidget

from minutes.domain import Participant, Session
from minutes.errors import StoreError
from minutes.ui.dialogs import ParticipantDialog, SessionDialog

TITLE = "Session 1: Atypical Victims of Human Trafficking under Forced Criminality"


def open_dialog(qtbot, store, session_id=None) -> SessionDialog:
    dialog = SessionDialog(store, session_id)
    qtbot.addWidget(dialog)
    return dialog


def item_of(speakers: QListWidget, name: str):
    return next(speakers.item(i) for i in range(speakers.count()) if speakers.item(i).text().startswith(name))


def tick(speakers: QListWidget, name: str, checked: bool = True) -> None:
    item_of(speakers, name).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def test_a_new_session_with_every_field_and_planned_speakers(qtbot, store, people):
    dialog = open_dialog(qtbot, store)
    assert dialog.session_id is None
    assert dialog.speaker_list.count() == len(people)
    dialog.title_edit.setText(TITLE)
    dialog.no_date_check.setChecked(False)
    dialog.date_edit.setDate(QDate(2024, 8, 28))
    dialog.no_time_check.setChecked(False)
    dialog.start_edit.setTime(QTime(9, 30))
    dialog.end_edit.setTime(QTime(11, 0))
    dialog.room_edit.setText("Room 201 二樓")
    dialog.chair_combo.setCurrentText("馬士元")
    dialog.rapporteur_combo.setCurrentText("Someone not on the roster")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh"))
    tick(dialog.speaker_list, "王小明")
    tick(dialog.speaker_list, "Maria Santos")
    tick(dialog.speaker_list, "John Smith")
    tick(dialog.speaker_list, "John Smith", False)
    assert dialog.order_label.text() == "Speaking order: 1. 王小明; 2. Maria Santos"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    session = store.find_session(TITLE)
    assert dialog.session_id == session.id
    assert (session.date, session.start, session.end) == ("2024-08-28", "09:30", "11:00")
    assert (session.venue, session.chair) == ("Room 201 二樓", "馬士元")
    assert session.rapporteur == "Someone not on the roster"
    assert session.language == "zh"
    assert [p.name for p in store.session_participants(session.id)] == ["王小明", "Maria Santos"]
    assert [p.name for p in store.participants()] == sorted(p.name for p in people.values())  # roster untouched


def test_no_date_and_no_time_store_empty_strings(qtbot, store):
    dialog = open_dialog(qtbot, store)
    dialog.title_edit.setText("Closing")
    dialog.no_date_check.setChecked(True)
    dialog.no_time_check.setChecked(True)
    assert not dialog.date_edit.isEnabled()
    assert not dialog.start_edit.isEnabled() and not dialog.end_edit.isEnabled()
    dialog.accept()
    session = store.find_session("Closing")
    assert (session.date, session.start, session.end) == ("", "", "")
    assert store.session_participants(session.id) == []


def test_a_duplicate_title_is_refused(qtbot, store):
    store.add_session(Session(title=TITLE))
    dialog = open_dialog(qtbot, store)
    dialog.show()
    dialog.title_edit.setText(f"  {TITLE}  ")
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.isVisible()
    assert dialog.message.text() == f'A session titled "{TITLE}" already exists. Choose another title.'
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(store.sessions()) == 1
    dialog.title_edit.setText("Session 2: Strategies for Preventing Transnational Human Trafficking Crimes")
    assert dialog.ok_button.isEnabled()
    assert not dialog.message.isVisible()


def test_a_title_taken_while_the_dialog_was_open_is_refused_on_ok(qtbot, store):
    dialog = open_dialog(qtbot, store)
    dialog.title_edit.setText(TITLE)
    assert dialog.ok_button.isEnabled()
    store.add_session(Session(title=TITLE))  # e.g. by an import from another laptop
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.ok_button.isEnabled()
    assert len(store.sessions()) == 1


def test_a_title_is_required_and_the_end_must_follow_the_start(qtbot, store):
    dialog = open_dialog(qtbot, store)
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == "The session needs a title."
    dialog.title_edit.setText("Opening")
    assert dialog.ok_button.isEnabled()
    dialog.no_time_check.setChecked(False)
    dialog.start_edit.setTime(QTime(10, 0))
    dialog.end_edit.setTime(QTime(10, 0))
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == "The session must end after it starts."
    dialog.no_time_check.setChecked(True)  # times that are not stored cannot be wrong
    assert dialog.ok_button.isEnabled()


def test_editing_a_session_shows_and_rewrites_it(qtbot, store, people):
    session = store.add_session(Session(title=TITLE, date="2024-08-28", start="09:30", end="11:00", venue="Room 201",
                                        chair="馬士元", rapporteur="Maria Santos", language="en"))
    store.set_session_participants(session.id, [people["John Smith"].id, people["王小明"].id])
    dialog = open_dialog(qtbot, store, session.id)
    assert dialog.windowTitle() == "Edit session"
    assert dialog.title_edit.text() == TITLE
    assert dialog.date_edit.date() == QDate(2024, 8, 28) and not dialog.no_date_check.isChecked()
    assert dialog.start_edit.time() == QTime(9, 30) and dialog.end_edit.time() == QTime(11, 0)
    assert dialog.room_edit.text() == "Room 201"
    assert dialog.chair_combo.currentText() == "馬士元"
    assert dialog.rapporteur_combo.currentText() == "Maria Santos"
    assert dialog.language_combo.currentData() == "en"
    assert dialog.speaker_ids == [people["John Smith"].id, people["王小明"].id]
    assert item_of(dialog.speaker_list, "王小明").checkState() == Qt.CheckState.Checked
    assert dialog.ok_button.isEnabled()  # its own title is not a duplicate

    dialog.title_edit.setText("Session 1 (revised)")
    dialog.end_edit.setTime(QTime(11, 30))
    dialog.language_combo.setCurrentIndex(0)
    dialog.rapporteur_combo.setCurrentText("")
    tick(dialog.speaker_list, "John Smith", False)
    tick(dialog.speaker_list, "Maria Santos")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.session_id == session.id
    edited = store.session(session.id)
    assert (edited.title, edited.end, edited.language) == ("Session 1 (revised)", "11:30", "auto")
    assert edited.rapporteur == ""
    assert (edited.date, edited.start, edited.venue, edited.chair) == ("2024-08-28", "09:30", "Room 201", "馬士元")
    assert [p.name for p in store.session_participants(session.id)] == ["王小明", "Maria Santos"]
    assert len(store.sessions()) == 1


def test_a_session_without_date_or_times_opens_with_them_unticked(qtbot, store):
    session = store.add_session(Session(title="From the command line"))
    dialog = open_dialog(qtbot, store, session.id)
    assert dialog.no_date_check.isChecked() and dialog.no_time_check.isChecked()
    dialog.accept()
    stored = store.session(session.id)
    assert (stored.date, stored.start, stored.end) == ("", "", "")


def test_a_new_session_follows_the_last_one(qtbot, store):
    store.update_workshop(language="zh")
    store.add_session(Session(title="One", date="2024-08-29", start="09:00", end="10:30", venue="Room 201"))
    dialog = open_dialog(qtbot, store)
    assert dialog.date_edit.date() == QDate(2024, 8, 29)
    assert dialog.start_edit.time() == QTime(10, 30) and dialog.end_edit.time() == QTime(12, 0)
    assert not dialog.no_time_check.isChecked()
    assert dialog.room_edit.text() == "Room 201"
    assert dialog.language_combo.currentData() == "zh"  # the workshop's default


def test_an_unknown_stored_language_is_kept(qtbot, store):
    session = store.add_session(Session(title="Old", language="xx"))
    dialog = open_dialog(qtbot, store, session.id)
    assert dialog.language_combo.currentData() == "xx"
    dialog.accept()
    assert store.session(session.id).language == "xx"


def test_the_filter_hides_speakers_but_keeps_ticks(qtbot, store, people):
    dialog = open_dialog(qtbot, store)
    tick(dialog.speaker_list, "Maria Santos")
    dialog.filter_edit.setText("移民")
    visible = [dialog.speaker_list.item(i).text() for i in range(dialog.speaker_list.count())
               if not dialog.speaker_list.item(i).isHidden()]
    assert visible == ["王小明 — 科長, 移民署, 臺灣"]
    dialog.filter_edit.setText("philippines")  # any field, any case
    assert not item_of(dialog.speaker_list, "Maria Santos").isHidden()
    dialog.filter_edit.clear()
    assert all(not dialog.speaker_list.item(i).isHidden() for i in range(dialog.speaker_list.count()))
    assert dialog.speaker_ids == [people["Maria Santos"].id]


def test_add_participant_puts_them_on_the_roster_ticked(qtbot, store, people, monkeypatch):
    asked = []

    def fake_ask(store_, participant_id=None, parent=None, *, name="", record=None):
        asked.append(name)
        return store_.add_participant(Participant("Nguyen Van An", "Director", "Anti-Trafficking Department",
                                                  "Viet Nam"))

    monkeypatch.setattr(ParticipantDialog, "ask", fake_ask)
    dialog = open_dialog(qtbot, store)
    dialog.title_edit.setText(TITLE)
    tick(dialog.speaker_list, "John Smith")
    dialog.filter_edit.setText("Nguyen")  # nobody matches: the typed name starts the new entry
    qtbot.mouseClick(dialog.add_person_button, Qt.MouseButton.LeftButton)
    assert asked == ["Nguyen"]
    assert dialog.filter_edit.text() == ""
    assert item_of(dialog.speaker_list, "Nguyen Van An").checkState() == Qt.CheckState.Checked
    assert dialog.chair_combo.findText("Nguyen Van An") >= 0
    assert dialog.chair_combo.currentText() == ""
    texts = [dialog.speaker_list.item(i).text().casefold() for i in range(dialog.speaker_list.count())]
    assert texts == sorted(texts)
    dialog.accept()
    session = store.find_session(TITLE)
    assert [p.name for p in store.session_participants(session.id)] == ["John Smith", "Nguyen Van An"]


def test_cancelling_add_participant_changes_nothing(qtbot, store, people, monkeypatch):
    monkeypatch.setattr(ParticipantDialog, "ask", lambda *args, **kwargs: None)
    dialog = open_dialog(qtbot, store)
    assert dialog.add_participant() is None
    assert dialog.speaker_list.count() == len(people)
    assert dialog.speaker_ids == []


def test_session_and_speakers_are_written_in_one_transaction(qtbot, store, people, monkeypatch, warnings_shown):
    def fail(session_id, ids):
        raise StoreError("The disk is full. Free some space and try again.")

    monkeypatch.setattr(store, "set_session_participants", fail)
    dialog = open_dialog(qtbot, store)
    dialog.title_edit.setText(TITLE)
    tick(dialog.speaker_list, "Maria Santos")
    dialog.accept()
    assert warnings_shown == ["The disk is full. Free some space and try again."]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.session_id is None
    assert store.find_session(TITLE) is None  # the session was rolled back with its speakers


def test_ask_returns_the_session_id_or_none(qtbot, store, monkeypatch):
    def fill_and_ok(dialog):
        dialog.title_edit.setText("Asked")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SessionDialog, "exec", fill_and_ok)
    session_id = SessionDialog.ask(store)
    assert session_id == store.find_session("Asked").id
    monkeypatch.setattr(SessionDialog, "exec", lambda dialog: dialog.reject())
    assert SessionDialog.ask(store, session_id) is None


def test_ask_reports_a_missing_session(qtbot, store, warnings_shown):
    assert SessionDialog.ask(store, 999) is None
    assert warnings_shown == [f"Session 999 does not exist in {store.root}."]


@pytest.mark.parametrize("widget", ["title_edit", "date_edit", "start_edit", "room_edit", "chair_combo",
                                    "language_combo", "speaker_list", "add_person_button", "ok_button"])
def test_every_field_explains_itself(qtbot, store, widget):
    dialog = open_dialog(qtbot, store)
    assert getattr(dialog, widget).toolTip()
