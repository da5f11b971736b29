"""Pieces shared by the dialogs: language and script pickers, the inline error line, CJK fonts, error boxes."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from minutes.errors import MinutesError
from minutes.ui.i18n import core_text

log = logging.getLogger(__name__)

AUTO = "auto"
SCRIPTS = ((QT_TRANSLATE_NOOP("DialogCommon", "Traditional (Taiwan)"), "traditional"),
           (QT_TRANSLATE_NOOP("DialogCommon", "Simplified"), "simplified"))
_CONTEXT = "DialogCommon"  # the translation context of this module's sentences

# Han characters share code points between Traditional, Simplified and Japanese, and fontconfig may pick a
# Japanese or Simplified face for them; naming Traditional faces first makes names such as 臺北 draw with
# Taiwan's glyph shapes wherever one of these fonts is installed (Linux, macOS, Windows in that order).
_CJK_FAMILIES = ("Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei")

# QLocale knows the English name of every Whisper code but this old one (Whisper's spelling of Javanese).
_NAMES_QT_LACKS = {"jw": "Javanese"}


def use_traditional_chinese_fonts(widget: QWidget) -> None:
    """Prefer Traditional Chinese faces for Han text in ``widget`` and its children."""
    font = QFont(widget.font())
    font.setFamilies([font.family(), *_CJK_FAMILIES])
    widget.setFont(font)


def language_name(code: str) -> str:
    """The English name of a Whisper language code, or the code itself when unknown."""
    if code in _NAMES_QT_LACKS:
        return _NAMES_QT_LACKS[code]
    language = QLocale(code).language()
    if language == QLocale.Language.C:
        return code
    return QLocale.languageToString(language)


def language_combo(current: str, parent: QWidget | None = None) -> QComboBox:
    """A combo of Auto, English, Mandarin, then every Whisper code; its item data is the stored value."""
    from minutes.asr.languages import whisper_codes  # imported late: it loads faster-whisper's tokenizer module

    combo = QComboBox(parent)
    combo.addItem(QCoreApplication.translate("DialogCommon", "Auto (detect for each part)"), AUTO)
    combo.addItem(QCoreApplication.translate("DialogCommon", "English (en)"), "en")
    combo.addItem(QCoreApplication.translate("DialogCommon", "Mandarin (zh)"), "zh")
    combo.insertSeparator(combo.count())
    for code in whisper_codes():
        combo.addItem(f"{language_name(code)} ({code})", code)
    # Keep a value the list does not know (written by an older version or by hand) instead of losing it.
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)
    combo.setCurrentIndex(max(combo.findData(current or AUTO), 0))
    combo.setMaxVisibleItems(20)
    combo.setToolTip(QCoreApplication.translate(
        "DialogCommon", "Language spoken in it, passed to Whisper. Auto detects it for each part, so a Mandarin "
        "answer between English questions stays Mandarin. Type the first letters to jump."))
    return combo


def script_combo(current: str, parent: QWidget | None = None) -> QComboBox:
    """A combo of the Chinese scripts; an unset workshop script shows (and will save) the one the command
    line would use: Traditional on a Taiwan (zh-TW, zh-Hant) system, else Simplified."""
    from minutes.text.chinese import default_script

    combo = QComboBox(parent)
    for label, value in SCRIPTS:
        combo.addItem(QCoreApplication.translate(_CONTEXT, label), value)
    combo.setCurrentIndex(max(combo.findData(default_script(current)), 0))
    combo.setToolTip(QCoreApplication.translate(
        "DialogCommon", "Script that Chinese text is written in: Traditional with Taiwan phrasing, or Simplified."))
    return combo


class MessageLine(QLabel):
    """The inline line under a form that says why OK is disabled; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")  # a dark red that stays readable on light and dark themes
        self.hide()

    def say(self, message: str) -> None:
        """Show ``message``, or hide the line when it is empty."""
        self.setText(message)
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))


def show_error(parent: QWidget | None, error: MinutesError | str) -> None:
    """Tell the user about a problem they can fix, in its plain sentence."""
    message = core_text(error)
    log.warning("shown to the user: %s", message)
    QMessageBox.warning(parent, "Minutes", message)


def accepted(dialog: QDialog) -> bool:
    """Run ``dialog`` modally and delete it afterwards; True if the user pressed OK."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def ok_cancel_buttons(dialog: QDialog, ok_tip: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK and Cancel wired to the dialog's accept and reject; OK carries ``ok_tip``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok_button.setToolTip(ok_tip)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button


class TemplatePicker(QWidget):
    """A letterhead .docx path with a Choose… button; an empty path means Minutes' own template."""

    def __init__(self, path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(path)
        self.edit.setObjectName("template")
        self.edit.setPlaceholderText(QCoreApplication.translate("DialogCommon", "Minutes' own template"))
        self.edit.setToolTip(QCoreApplication.translate(
            "DialogCommon", "A .docx letterhead whose styles, header and footer the minutes use"))
        browse = QPushButton(QCoreApplication.translate("DialogCommon", "Choose…"))
        browse.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, path: str) -> None:  # noqa: N802 - reads like the QLineEdit it stands for
        self.edit.setText(path)

    def _choose(self) -> None:
        title = QCoreApplication.translate("DialogCommon", "Letterhead template")
        name, _ = QFileDialog.getOpenFileName(self, title, "",
                                              QCoreApplication.translate("DialogCommon", "Word documents (*.docx)"))
        if name:
            self.edit.setText(name)
