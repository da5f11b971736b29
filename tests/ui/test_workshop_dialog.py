"""The workshop dialog, driven with pytest-qt against a real workshop store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from minutes.asr.languages import whisper_codes
from minutes.store import WorkshopStore
from minutes.ui.dialogs import WorkshopDialog


def test_it_shows_the_stored_workshop(qtbot, store):
    store.update_workshop(dates="28–29 August 2024", venue="臺北國際會議中心", language="zh", script="simplified")
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "W"  # a new workshop is named after its folder
    assert dialog.dates_edit.text() == "28–29 August 2024"
    assert dialog.venue_edit.text() == "臺北國際會議中心"
    assert dialog.language_combo.currentData() == "zh"
    assert dialog.script_combo.currentData() == "simplified"
    assert dialog.ok_button.isEnabled()


def test_ok_writes_every_field(qtbot, store):
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("  2024 International Workshop on Strategies for Combating Human Trafficking ")
    dialog.dates_edit.setText("28–29 August 2024")
    dialog.venue_edit.setText("Taipei International Convention Center")
    dialog.organiser_edit.setText("內政部移民署 National Immigration Agency")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.script_combo.setCurrentIndex(dialog.script_combo.findData("traditional"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    workshop = store.workshop()
    assert workshop.title == "2024 International Workshop on Strategies for Combating Human Trafficking"
    assert workshop.dates == "28–29 August 2024"
    assert workshop.venue == "Taipei International Convention Center"
    assert workshop.organiser == "內政部移民署 National Immigration Agency"
    assert (workshop.language, workshop.script) == ("en", "traditional")
    assert dialog.workshop == workshop


def test_a_title_is_required(qtbot, store):
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("   ")
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.isVisible()
    assert dialog.message.text() == "The workshop needs a title."
    dialog.accept()  # e.g. Enter in a field: still refused
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert store.workshop().title == "W"
    dialog.title_edit.setText("Workshop 2025")
    assert dialog.ok_button.isEnabled()
    assert not dialog.message.isVisible()


def test_cancel_writes_nothing(qtbot, store):
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Changed")
    dialog.reject()
    assert store.workshop().title == "W"
    assert dialog.workshop is None


def test_the_language_list_offers_auto_english_mandarin_then_every_code(qtbot, store):
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    values = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
    assert values[:3] == ["auto", "en", "zh"]
    assert values[3:] == list(whisper_codes())
    assert combo.itemText(1) == "English (en)"
    assert combo.itemText(2) == "Mandarin (zh)"
    assert combo.itemText(combo.findData("fr")) == "French (fr)"
    assert combo.itemText(combo.findData("jw")) == "Javanese (jw)"  # a code Qt has no name for
    assert all(combo.itemText(i).endswith(f"({combo.itemData(i)})") for i in range(4, combo.count()))


def test_an_unset_script_follows_the_system_locale(qtbot, store, monkeypatch):
    assert store.workshop().script == ""
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.script_combo.currentText() == "Traditional (Taiwan)"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.script_combo.currentData() == "simplified"


def test_ask_returns_the_stored_workshop_or_none(qtbot, store, monkeypatch):
    def fill_and_ok(dialog):
        dialog.title_edit.setText("Taipei 2024")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(WorkshopDialog, "exec", fill_and_ok)
    assert WorkshopDialog.ask(store).title == "Taipei 2024"
    monkeypatch.setattr(WorkshopDialog, "exec", lambda dialog: dialog.reject())
    assert WorkshopDialog.ask(store) is None


def test_a_store_error_is_shown_and_the_dialog_stays_open(qtbot, store, warnings_shown):
    reader = WorkshopStore.open(store.root, read_only=True)
    try:
        dialog = WorkshopDialog(reader)
        qtbot.addWidget(dialog)
        dialog.title_edit.setText("Cannot be written")
        dialog.accept()
    finally:
        reader.close()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert warnings_shown == [f"The workshop {store.root} was opened read-only."]
    assert store.workshop().title == "W"


def test_a_new_workshop_says_which_script_it_chose(qtbot, store, monkeypatch):
    from minutes.operations.workshops import set_up_new_workshop

    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    choice = set_up_new_workshop(store, "en_US").value
    dialog = WorkshopDialog(store, new_workshop=choice)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New workshop" and dialog.title_edit.text() == "W"
    assert dialog.script_combo.currentData() == "simplified"
    assert dialog.script_note.isVisibleTo(dialog)
    assert "Simplified characters, as nothing on this computer names a script" in dialog.script_note.text()

    choice = set_up_new_workshop(store, "zh_TW").value  # the Traditional Chinese interface
    dialog = WorkshopDialog(store, new_workshop=choice)
    qtbot.addWidget(dialog)
    assert dialog.script_combo.currentData() == "traditional"
    assert "Traditional characters, as the interface is in Traditional Chinese" in dialog.script_note.text()
    existing = WorkshopDialog(store)
    qtbot.addWidget(existing)
    assert not existing.script_note.isVisibleTo(existing)  # an existing workshop: no note
