"""The participant roster dialog, its table model and the one-person editor, against a real workshop store."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from minutes.domain import Participant, Segment, Session, Speaker
from minutes.ui.dialogs import ParticipantDialog, RosterDialog, RosterModel

GOOD_CSV = (
    "\ufeffname,title,organisation,country\n"  # the byte-order mark Excel writes
    "林美華,檢察官,臺灣高等檢察署,臺灣\n"
    '"Santos, Maria",Prosecutor,"Department of Justice, Manila",Philippines\n'
    "\n"
    "Somchai Prasert,Police Colonel,Royal Thai Police,Thailand\n"
)


def open_roster(qtbot, store) -> RosterDialog:
    dialog = RosterDialog(store)
    qtbot.addWidget(dialog)
    return dialog


def shown_names(dialog: RosterDialog) -> list[str]:
    return [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]


def model_names(model: RosterModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def store_names(store) -> list[str]:
    return [p.name for p in store.participants()]


def select(dialog: RosterDialog, *names: str) -> None:
    selection = dialog.table.selectionModel()
    selection.clearSelection()
    for row, name in enumerate(shown_names(dialog)):
        if name in names:
            selection.select(dialog.proxy.index(row, 0),
                             QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def answer_questions(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_the_model_passes_qt_model_tester(qtmodeltester, store, people):
    model = RosterModel(store)
    qtmodeltester.check(model)
    model.setData(model.index(1, 2), "Ministry of Justice")
    model.append(store.add_participant(Participant("Ana Lima", country="Brazil")))
    model.remove([people["John Smith"].id])
    model.reload()
    qtmodeltester.check(model)


def test_the_empty_model_passes_qt_model_tester(qtmodeltester, store):
    qtmodeltester.check(RosterModel(store))


def test_the_table_shows_the_roster_sorted_with_headers(qtbot, store, people):
    dialog = open_roster(qtbot, store)
    assert dialog.model.columnCount() == 4
    assert [dialog.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Name", "Title", "Organisation", "Country"]
    assert shown_names(dialog) == store_names(store)
    assert dialog.proxy.index(shown_names(dialog).index("王小明"), 2).data() == "移民署"
    assert dialog.count_label.text() == "4 participants"
    dialog.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert [dialog.proxy.index(r, 3).data() for r in range(4)] == ["Philippines", "Taiwan", "United States", "臺灣"]
    dialog.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [dialog.proxy.index(r, 3).data() for r in range(4)][-1] == "Philippines"
    dialog.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown_names(dialog)[:2] == ["John Smith", "Maria Santos"]


def test_the_filter_matches_any_column(qtbot, store, people):
    dialog = open_roster(qtbot, store)
    dialog.filter_edit.setText("justice")
    assert shown_names(dialog) == ["Maria Santos"]
    assert dialog.count_label.text() == "1 of 4 shown"
    dialog.filter_edit.setText("臺灣")
    assert shown_names(dialog) == ["王小明"]
    dialog.filter_edit.clear()
    assert len(shown_names(dialog)) == 4


def test_add_writes_to_the_store_and_shows_the_row(qtbot, store, people, monkeypatch):
    def fake_ask(store_, participant_id=None, parent=None, *, name="", record=None):
        return store_.add_participant(Participant("陳志明", "Inspector", "Criminal Investigation Bureau", "Taiwan"))

    monkeypatch.setattr(ParticipantDialog, "ask", fake_ask)
    dialog = open_roster(qtbot, store)
    dialog.filter_edit.setText("Santos")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "陳志明" in store_names(store)
    assert sorted(model_names(dialog.model)) == sorted(store_names(store))
    assert dialog.filter_edit.text() == ""  # cleared, or the new person would be hidden
    assert [p.name for p in dialog.selected_people()] == ["陳志明"]
    assert dialog.status.text() == "Added 陳志明 (Criminal Investigation Bureau)."
    assert dialog.changed


def test_editing_a_cell_writes_to_the_store(qtbot, store, people):
    dialog = open_roster(qtbot, store)
    row = shown_names(dialog).index("Maria Santos")
    assert dialog.proxy.setData(dialog.proxy.index(row, 1), " Senior Prosecutor ")
    assert dialog.proxy.setData(dialog.proxy.index(row, 0), "Maria C. Santos")
    person = store.find_participant("Maria C. Santos")
    assert (person.title, person.id) == ("Senior Prosecutor", people["Maria Santos"].id)
    assert sorted(model_names(dialog.model)) == sorted(store_names(store))
    assert dialog.changed


def test_a_name_cannot_be_emptied(qtbot, store, people):
    dialog = open_roster(qtbot, store)
    dialog.show()
    row = shown_names(dialog).index("John Smith")
    assert not dialog.proxy.setData(dialog.proxy.index(row, 0), "  ")
    assert dialog.message.isVisible()
    assert dialog.message.text() == "John Smith keeps their name: a participant needs one."
    assert "John Smith" in store_names(store)
    assert not dialog.changed


def test_delete_asks_naming_the_person_and_unnames_their_speakers(qtbot, store, people, monkeypatch):
    session = store.add_session(Session(title="Session 1"))
    store.set_session_participants(session.id, [people["John Smith"].id, people["王小明"].id])
    speaker = store.add_speaker(session.id, Speaker("SPEAKER_00", participant_id=people["John Smith"].id))
    store.add_segments(session.id, [Segment(0.0, 2.0, "Good morning.", speaker_id=speaker.id)])
    assert store.speaker_names(session.id) == {speaker.id: "John Smith"}
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = open_roster(qtbot, store)
    select(dialog, "John Smith")
    assert dialog.delete_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1 and asked[0].startswith("Remove John Smith (Homeland Security Investigations) from")
    assert "anonymous" in asked[0]
    assert "John Smith" not in store_names(store)
    assert model_names(dialog.model) == store_names(store)
    assert store.speaker_names(session.id) == {speaker.id: "SPEAKER_00"}
    assert [p.name for p in store.session_participants(session.id)] == ["王小明"]
    assert store.segments(session.id)[0].text == "Good morning."
    assert dialog.status.text() == "Removed John Smith (Homeland Security Investigations)."


def test_delete_several_at_once(qtbot, store, people, monkeypatch):
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = open_roster(qtbot, store)
    select(dialog, "John Smith", "王小明")
    assert dialog.delete_selected() == 2
    assert "these 2 participants" in asked[0] and "王小明 (移民署)" in asked[0]
    assert sorted(store_names(store)) == sorted(["Maria Santos", "馬士元"])
    assert sorted(model_names(dialog.model)) == sorted(store_names(store))


def test_delete_answered_no_keeps_them(qtbot, store, people, monkeypatch):
    answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    dialog = open_roster(qtbot, store)
    select(dialog, "Maria Santos")
    assert dialog.delete_selected() == 0
    assert len(store_names(store)) == 4 and dialog.model.rowCount() == 4
    assert not dialog.changed


def test_delete_with_nothing_selected_is_disabled(qtbot, store, people, monkeypatch):
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog = open_roster(qtbot, store)
    assert not dialog.delete_button.isEnabled()
    assert dialog.delete_selected() == 0
    assert asked == []


def test_import_csv_adds_everyone_once(qtbot, store, people, tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    dialog = open_roster(qtbot, store)
    assert dialog.import_csv(path) == 3
    lin = store.find_participant("林美華")
    assert (lin.title, lin.organisation, lin.country) == ("檢察官", "臺灣高等檢察署", "臺灣")
    assert store.find_participant("Santos, Maria").organisation == "Department of Justice, Manila"
    assert sorted(model_names(dialog.model)) == sorted(store_names(store))
    assert dialog.model.rowCount() == 7
    assert dialog.status.text() == "roster.csv: 3 added, 0 updated, 0 skipped (already on the roster or repeated)."
    assert dialog.import_csv(path) == 0  # importing the same file again duplicates no one
    assert dialog.model.rowCount() == 7
    assert dialog.status.text() == "roster.csv: 0 added, 0 updated, 3 skipped (already on the roster or repeated)."
    path.write_text(GOOD_CSV + "Ana Lima,Judge,Supreme Court,Brazil\n", encoding="utf-8")
    assert dialog.import_csv(path) == 1
    assert dialog.status.text() == "roster.csv: 1 added, 0 updated, 3 skipped (already on the roster or repeated)."


def test_import_csv_takes_columns_in_any_order(qtbot, store, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("Country,Name\nJapan,Sato Hiroshi\n", encoding="utf-8")
    dialog = open_roster(qtbot, store)
    assert dialog.import_csv(path) == 1
    assert store.find_participant("Sato Hiroshi").country == "Japan"


def test_the_dialog_reads_sheets_as_the_command_line_does(qtbot, store, tmp_path, warnings_shown):
    """XLSX, Big5, short rows and rows without a name: the rules of minutes.operations.roster."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "單位", "國家"])
    workbook.active.append(["林美華", "臺灣高等檢察署", "臺灣"])
    workbook.save(tmp_path / "reg.xlsx")
    dialog = open_roster(qtbot, store)
    assert dialog.import_csv(tmp_path / "reg.xlsx") == 1
    big5 = tmp_path / "big5.csv"
    big5.write_bytes("name,country\nAna Lima,Brazil\n王小明,臺灣\n,Peru\nJohn Doe\n".encode("big5"))
    assert dialog.import_csv(big5) == 3
    assert store.find_participant("王小明").country == "臺灣"
    assert dialog.status.text().endswith("Rows not read: 4 (the name is missing).")
    assert warnings_shown == []


def test_a_sheet_without_a_name_column_imports_nothing(qtbot, store, tmp_path, warnings_shown):
    path = tmp_path / "header.csv"
    path.write_text("Ana Lima,Prosecutor,Ministry,Brazil\n", encoding="utf-8")
    dialog = open_roster(qtbot, store)
    assert dialog.import_csv(path) == 0
    assert warnings_shown[0].startswith("header.csv has no name column")
    assert store_names(store) == [] and not dialog.changed


def test_an_empty_or_missing_csv_is_reported(qtbot, store, tmp_path, warnings_shown):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    dialog = open_roster(qtbot, store)
    assert dialog.import_csv(empty) == 0
    assert dialog.import_csv(tmp_path / "missing.csv") == 0
    assert warnings_shown[0].startswith("empty.csv is empty.")
    assert warnings_shown[1].startswith(f"{tmp_path / 'missing.csv'}: no such file")


def test_ask_returns_whether_anything_changed(qtbot, store, people, monkeypatch):
    monkeypatch.setattr(RosterDialog, "exec", lambda dialog: dialog.reject())
    assert RosterDialog.ask(store) is False

    def edit_and_close(dialog):
        dialog.proxy.setData(dialog.proxy.index(0, 3), "USA")
        dialog.reject()

    monkeypatch.setattr(RosterDialog, "exec", edit_and_close)
    assert RosterDialog.ask(store) is True


# -- the one-person editor ------------------------------------------------------------------------


def test_participant_dialog_adds_a_person(qtbot, store):
    dialog = ParticipantDialog(store, name="林美華")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add participant"
    assert dialog.name_edit.text() == "林美華"
    dialog.title_edit.setText("檢察官")
    dialog.organisation_edit.setText("臺灣高等檢察署")
    dialog.country_edit.setText("臺灣")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = store.find_participant("林美華")
    assert stored == dialog.participant
    assert (stored.title, stored.organisation, stored.country) == ("檢察官", "臺灣高等檢察署", "臺灣")


def test_participant_dialog_edits_a_person(qtbot, store, people):
    person = people["Maria Santos"]
    dialog = ParticipantDialog(store, person.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit participant"
    assert dialog.organisation_edit.text() == "Department of Justice"
    assert dialog.ok_button.isEnabled()  # the person is not a duplicate of themselves
    dialog.country_edit.setText("Republic of the Philippines")
    dialog.accept()
    assert store.find_participant("Maria Santos").country == "Republic of the Philippines"
    assert len(store.participants()) == 4


def test_participant_dialog_refuses_an_empty_name_or_a_duplicate(qtbot, store, people):
    dialog = ParticipantDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == "A participant needs a name."
    dialog.name_edit.setText("maria santos")
    dialog.organisation_edit.setText("Department of Justice")
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == ("maria santos (Department of Justice) is already on the roster. Edit that "
                                     "entry instead.")
    store.add_participant(Participant("Ana Lima"))
    other = ParticipantDialog(store, name="Ana Lima")
    qtbot.addWidget(other)
    assert other.message.text() == ("Ana Lima is already on the roster. Edit that entry instead, or give the "
                                    "organisation to tell namesakes apart.")
    other.organisation_edit.setText("Supreme Court")
    assert other.ok_button.isEnabled()
    dialog.organisation_edit.setText("Anti-Trafficking Council")  # a namesake from elsewhere is welcome
    assert dialog.ok_button.isEnabled()
    assert not dialog.message.isVisible()


def test_participant_ask_returns_the_person_or_none(qtbot, store, monkeypatch):
    def fill_and_ok(dialog):
        dialog.name_edit.setText("Ana Lima")
        dialog.accept()

    monkeypatch.setattr(ParticipantDialog, "exec", fill_and_ok)
    assert ParticipantDialog.ask(store).name == "Ana Lima"
    monkeypatch.setattr(ParticipantDialog, "exec", lambda dialog: dialog.reject())
    assert ParticipantDialog.ask(store) is None


def test_rows_not_read_and_unreadable_sheets_are_explained_in_chinese(qtbot, qapp, store, tmp_path, monkeypatch):
    """The reasons a row was not read, and a sheet that cannot be read at all, speak the interface's language."""
    from minutes.ui.dialogs import roster_dialog
    from minutes.ui.i18n import install_translator

    shown: list[str] = []
    monkeypatch.setattr(roster_dialog, "show_error", lambda parent, error: shown.append(roster_dialog.core_text(error)))
    sheet = tmp_path / "reg.csv"
    sheet.write_text("name,country\nAna Lima,Brazil\n,Peru\n" + "x" * 300 + ",Chile\n", encoding="utf-8")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert install_translator(qapp, "zh_TW")
    try:
        dialog = open_roster(qtbot, store)
        assert dialog.import_csv(sheet) == 1
        assert dialog.import_csv(broken) == 0
    finally:
        install_translator(qapp, "en")
    assert dialog.status.text().endswith("3 (缺少姓名), 4 (姓名超過 200 個字元)。"), dialog.status.text()
    assert len(shown) == 1 and "broken.xlsx" in shown[0] and "Excel" in shown[0] and "cannot" not in shown[0]
