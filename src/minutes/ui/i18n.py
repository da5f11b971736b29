"""The interface language: Minutes' own translations plus Qt's for its stock dialogs and buttons.

Translations are Qt Linguist files: ``resources/translations/minutes_<lang>.ts`` (the source, edited with
``pyside6-linguist``) compiled by ``pyside6-lrelease`` to ``minutes_<lang>.qm``, which is what ships and
loads. Only strings passed through ``self.tr()`` / ``QCoreApplication.translate()`` are translated, and
the translators must be installed *before* the window is built, since widgets read their text once.

Languages are Qt locale names (``zh_TW``, ``en``); ``system`` means the operating system's UI language,
and English needs no translator at all (it is the source language).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from minutes import messages
from minutes.paths import resources_dir

log = logging.getLogger(__name__)

SYSTEM = "system"
SOURCE_LANGUAGE = "en"
# Shown in the language chooser, each in its own language so anyone can find theirs.
LANGUAGES = {SYSTEM: "System", "en": "English", "zh_TW": "中文（台灣）"}
_ALIASES = {"zh-tw": "zh_TW", "zh_tw": "zh_TW", "zh-hant": "zh_TW", "zh_hant": "zh_TW", "zh_hant_tw": "zh_TW"}

# Keep the installed translators referenced: Qt does not own them, and a collected one stops translating.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """The folder of Minutes' compiled translations."""
    return resources_dir() / "translations"


def resolve(language: str | None) -> str:
    """A Qt locale name for a setting value: ``system`` and blanks become the system UI language."""
    value = (language or SYSTEM).strip()
    if value.lower() == SYSTEM:
        languages = QLocale.system().uiLanguages()
        value = languages[0] if languages else SOURCE_LANGUAGE
    key = value.replace("-", "_").lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if key.startswith("zh_hant"):
        return "zh_TW"
    return QLocale(value).name()  # "en-US" → "en_US", "zh-TW" → "zh_TW"


def install_translator(app: QCoreApplication, language: str | None) -> bool:
    """Install the translations for ``language`` (e.g. ``zh_TW``, ``system``) into ``app``.

    Removes translators installed by an earlier call, so the language can be switched before the window
    is rebuilt. Returns True if Minutes' own translation was loaded; English (or a language without a
    translation) returns False and leaves the interface in English.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    name = resolve(language)
    if name.split("_")[0] == SOURCE_LANGUAGE:
        return False
    # Qt's own strings (OK/Cancel, file dialogs, context menus of text fields) come from its qtbase catalogue.
    qt = QTranslator(app)
    if qt.load(QLocale(name), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    if not ours.load(QLocale(name), "minutes", "_", str(translations_dir())):
        log.info("no interface translation for %s; staying in English", name)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def core_text(message: object) -> str:
    """A message of the core (an error or its text) in the interface language (see :mod:`minutes.messages`)."""
    return messages.translate(str(message), lambda template: QCoreApplication.translate("Core", template))
