"""File ▸ Export minutes…: choose what goes into the Word minutes, then where to write them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from minutes.export.docx_minutes import MinutesOptions
from minutes.ui.dialogs.common import TemplatePicker
from minutes.ui.i18n import resolve
from minutes.ui.settings import Settings


@dataclass
class ExportChoice:
    """What the user chose: the options, which sessions, and one report or one file per session."""

    options: MinutesOptions
    all_sessions: bool
    combined: bool


class ExportDialog(QDialog):
    """The export options; the last choices are offered again next time."""

    def __init__(self, parent: QWidget | None = None, *, has_session: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export minutes"))
        self.this_session = QRadioButton(self.tr("This session"))
        self.this_session.setEnabled(has_session)
        self.all_combined = QRadioButton(self.tr("All sessions, one report"))
        self.all_separate = QRadioButton(self.tr("All sessions, one file each"))
        (self.this_session if has_session else self.all_combined).setChecked(True)
        self.chatham = QCheckBox(self.tr("Chatham House Rule: attribute no remark, name nobody"))
        self.chatham_label = QComboBox()
        self.chatham_label.addItem(self.tr("“a participant”"), "participant")
        self.chatham_label.addItem(self.tr("“a representative of <country>”"), "country")
        self.chatham_label.setEnabled(False)
        self.chatham.toggled.connect(self.chatham_label.setEnabled)
        self.confidential = QCheckBox(self.tr("Include text marked confidential / off the record"))
        self.annex = QCheckBox(self.tr("Annex: the full transcript with times and speakers"))
        self.labels = QComboBox()
        self.labels.addItem("English", "en")
        self.labels.addItem("繁體中文 (Traditional Chinese)", "zh-TW")
        self.labels.setToolTip(self.tr("Language of the headings and labels of the minutes (the interface "
                                       "language unless you choose otherwise)"))
        if resolve(Settings().language()) == "zh_TW":
            self.labels.setCurrentIndex(self.labels.findData("zh-TW"))
        self.template = TemplatePicker(Settings().template())
        form = QFormLayout()
        form.addRow(self.tr("Sessions:"), self._column(self.this_session, self.all_combined, self.all_separate))
        form.addRow(self.tr("Attribution:"), self._column(self.chatham, self.chatham_label))
        form.addRow(self.tr("Content:"), self._column(self.confidential, self.annex))
        form.addRow(self.tr("Labels:"), self.labels)
        form.addRow(self.tr("Template:"), self.template)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _column(*widgets: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            column.addWidget(widget)
        return box

    def choice(self) -> ExportChoice:
        template = self.template.text().strip()
        options = MinutesOptions(
            chatham_house=self.chatham.isChecked(), include_confidential=self.confidential.isChecked(),
            annex=self.annex.isChecked(), template=Path(template) if template else None,
            labels=self.labels.currentData(), chatham_label=self.chatham_label.currentData(),
        )
        return ExportChoice(options, all_sessions=not self.this_session.isChecked(),
                            combined=not self.all_separate.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, has_session: bool = True) -> ExportChoice | None:
        dialog = cls(parent, has_session=has_session)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
