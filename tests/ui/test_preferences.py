"""The preferences dialog: the speech model and the letterhead template, checked before they are kept."""

from __future__ import annotations

from minutes.ui.dialogs.preferences_dialog import PreferencesDialog
from minutes.ui.export_dialog import ExportDialog
from minutes.ui.settings import Settings


def test_bundled_is_the_default_and_a_named_model_is_kept(qtbot):
    settings = Settings()
    settings.set_model("bundled")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.bundled.isChecked()
    dialog.named.setChecked(True)
    dialog.name_combo.setCurrentText("small")
    dialog.accept()
    assert Settings().model() == "small"
    again = PreferencesDialog(Settings())
    qtbot.addWidget(again)
    assert again.named.isChecked() and again.name_combo.currentText() == "small"
    settings.set_model("bundled")


def test_a_folder_without_a_model_is_refused_with_a_reason(qtbot, tmp_path):
    settings = Settings()
    settings.set_model("bundled")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.folder.setChecked(True)
    dialog.folder_edit.setText(str(tmp_path))
    dialog.accept()
    assert dialog.result() != PreferencesDialog.DialogCode.Accepted
    assert "model.bin" in dialog.message.text() and Settings().model() == "bundled"
    dialog.folder_edit.setText(str(tmp_path / "missing"))
    dialog.accept()
    assert "does not exist" in dialog.message.text()


def test_the_template_is_remembered_and_offered_by_the_export_dialog(qtbot, tmp_path):
    from docx import Document

    letterhead = tmp_path / "letterhead.docx"
    Document().save(letterhead)
    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.template_edit.setText(str(tmp_path / "notes.txt"))
    dialog.accept()
    assert ".docx" in dialog.message.text() and Settings().template() == ""
    dialog.template_edit.setText(str(letterhead))
    dialog.accept()
    assert Settings().template() == str(letterhead)
    export = ExportDialog(None, has_session=True)
    qtbot.addWidget(export)
    assert export.template.text() == str(letterhead)
    settings.set_template("")


def test_with_the_bundled_model_the_name_box_is_blank_and_off(qtbot):
    """The bundled model is Whisper base: the name box must not say "tiny" beside it."""
    settings = Settings()
    settings.set_model("bundled")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.bundled.isChecked()
    assert dialog.name_combo.currentText() == "" and not dialog.name_combo.isEnabled()
    assert not dialog.folder_edit.isEnabled()
    dialog.named.click()
    assert dialog.name_combo.isEnabled() and not dialog.folder_edit.isEnabled()
    dialog.folder.click()
    assert dialog.folder_edit.isEnabled() and not dialog.name_combo.isEnabled()
