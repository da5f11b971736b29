"""Preferences: the speech model (and downloads of larger ones) and the letterhead template of the Word minutes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minutes.asr import registry
from minutes.errors import MinutesError
from minutes.ui.dialogs.common import MessageLine, TemplatePicker, accepted, ok_cancel_buttons
from minutes.ui.i18n import core_text
from minutes.ui.model_downloads import DownloadsBox, ModelDownloads
from minutes.ui.settings import Settings

# faster-whisper's own model names; multilingual ones first, since the workshop speaks English and Mandarin.
MODEL_NAMES = ("tiny", "base", "small", "medium", "large-v3", "large-v3-turbo", "distil-large-v3")


class PreferencesDialog(QDialog):
    """Choose the speech model (bundled, a named one downloaded once when online, or a local folder) and
    the letterhead template. OK checks the choice and stores it; the next transcription uses it."""

    def __init__(self, settings: Settings, parent: QWidget | None = None, downloads: ModelDownloads | None = None
                 ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        spec = settings.model()

        self.bundled = QRadioButton(self.tr("&Bundled model (Whisper base, multilingual; works offline)"))
        self.named = QRadioButton(self.tr("&Named model, downloaded once when online:"))
        self.folder = QRadioButton(self.tr("Model &folder (a converted faster-whisper model):"))
        self.kind = QButtonGroup(self)
        for button in (self.bundled, self.named, self.folder):
            self.kind.addButton(button)
        self.name_combo = QComboBox()
        self.name_combo.setEditable(True)
        self.name_combo.addItems(MODEL_NAMES)
        self.name_combo.setCurrentIndex(-1)  # blank unless a named model is the choice: "tiny" is nobody's choice
        self.name_combo.lineEdit().setPlaceholderText(self.tr("e.g. small"))
        self.name_combo.setToolTip(self.tr("Larger models are more accurate and slower; 'small' is a good step up"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("A folder holding model.bin and config.json"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        if spec == registry.BUNDLED:
            self.bundled.setChecked(True)
        elif Path(spec).expanduser().is_dir():
            self.folder.setChecked(True)
            self.folder_edit.setText(spec)
        else:
            self.named.setChecked(True)
            self.name_combo.setCurrentText(spec)
        self.kind.buttonToggled.connect(self._enable_fields)
        self._enable_fields()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        model_box = QGroupBox(self.tr("Speech model"))
        model_layout = QVBoxLayout(model_box)
        model_layout.addWidget(self.bundled)
        model_layout.addWidget(self.named)
        model_layout.addWidget(self.name_combo)
        model_layout.addWidget(self.folder)
        model_layout.addLayout(folder_row)

        self.template_edit = TemplatePicker(settings.template())
        form = QFormLayout()
        form.addRow(self.tr("Letterhead &template:"), self.template_edit)

        self.message = MessageLine()
        buttons, _ok = ok_cancel_buttons(self, self.tr("Use these settings from now on"))
        layout = QVBoxLayout(self)
        layout.addWidget(model_box)
        self.downloads_box = DownloadsBox(downloads) if downloads is not None else None
        if self.downloads_box is not None:
            layout.addWidget(self.downloads_box)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _enable_fields(self) -> None:
        """Only the field of the chosen kind of model can be typed in."""
        self.name_combo.setEnabled(self.named.isChecked())
        self.folder_edit.setEnabled(self.folder.isChecked())

    def model_spec(self) -> str:
        if self.bundled.isChecked():
            return registry.BUNDLED
        if self.named.isChecked():
            return self.name_combo.currentText().strip()
        return self.folder_edit.text().strip()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Speech model folder"))
        if folder:
            self.folder_edit.setText(folder)
            self.folder.setChecked(True)

    def accept(self) -> None:
        spec = self.model_spec()
        if not spec:
            self.message.say(self.tr("Name a model, or choose its folder."))
            return
        if self.folder.isChecked() and not Path(spec).expanduser().is_dir():
            self.message.say(self.tr("The folder {0} does not exist.").format(spec))
            return
        try:
            registry.resolve(spec)
        except MinutesError as exc:
            self.message.say(core_text(exc))
            return
        template = self.template_edit.text()
        if template and (not Path(template).is_file() or Path(template).suffix.lower() != ".docx"):
            self.message.say(self.tr("The template must be an existing .docx file."))
            return
        self.settings.set_model(spec)
        self.settings.set_template(template)
        super().accept()

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None, downloads: ModelDownloads | None = None) -> bool:
        """Show the dialog modally; True if new settings were stored. Downloads started in it go on after."""
        return accepted(cls(settings, parent, downloads))
