"""Chinese script conversion with OpenCC, and which script to write when none is chosen.

Whisper writes Mandarin mostly in Simplified characters and sometimes in Traditional; Minutes never
relies on it and converts every Chinese text to the session's script: Traditional with Taiwan phrasing
(``s2twp``) or Simplified (``t2s``). Live text, final text and word times are converted the same way
(see :func:`minutes.asr.pipeline.to_segments`), so every export carries one script.

When no script is chosen, :func:`default_script` takes the workshop's; without one, a language or
locale tag that names a script (``zh-TW``, ``zh-Hant``: Traditional; ``zh-CN``, ``zh-Hans``:
Simplified), then the system locale, decide, and Simplified is the last resort. A new workshop gets its
script from :func:`new_workshop_script`, the one rule the window and the command line share.
"""

from __future__ import annotations

import locale
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache

TRADITIONAL = "traditional"
SIMPLIFIED = "simplified"
SCRIPTS = (TRADITIONAL, SIMPLIFIED)
CHINESE_LANGUAGES = ("zh", "yue")  # Whisper codes written in Han characters that take a Chinese script

_TRADITIONAL_TAGS = ("zh_tw", "zh_hant", "zh_hk", "zh_mo", "chinese (traditional)", "chinese_taiwan")
_SIMPLIFIED_TAGS = ("zh_cn", "zh_hans", "zh_sg", "chinese (simplified)", "chinese_china")


@lru_cache(maxsize=2)
def _converter(config: str):  # noqa: ANN202 - OpenCC has no type hints
    from opencc import OpenCC

    return OpenCC(config)


def convert(text: str, script: str) -> str:
    """Write ``text`` in ``script`` (``traditional`` or ``simplified``)."""
    if not text or not has_han(text):
        return text
    return _converter("s2twp" if script == TRADITIONAL else "t2s").convert(text)


def has_han(text: str) -> bool:
    """True if the text holds any CJK ideograph."""
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def script_of(tag: str | None) -> str | None:
    """The script a language or locale tag names (``zh-TW`` → Traditional, ``zh_CN.UTF-8`` → Simplified)."""
    key = (tag or "").strip().lower().replace("-", "_")
    if key.startswith(_TRADITIONAL_TAGS):
        return TRADITIONAL
    if key.startswith(_SIMPLIFIED_TAGS):
        return SIMPLIFIED
    return None


def default_script(workshop_script: str = "", workshop_language: str = "") -> str:
    """The script for Chinese when none is chosen: the workshop's, else the one its language tag names,
    else Traditional when the system locale is Taiwan's (or another Traditional one), else Simplified."""
    if workshop_script in SCRIPTS:
        return workshop_script
    return script_of(workshop_language) or script_of(system_locale()) or SIMPLIFIED


@dataclass(frozen=True)
class ScriptChoice:
    """The script a new workshop starts with and what decided it: ``interface`` (the interface language),
    ``locale`` (the system locale) or ``default`` (nothing named a script: Simplified, to be said aloud)."""

    script: str
    source: str


def new_workshop_script(interface_language: str = "") -> ScriptChoice:
    """The script of a new workshop: Traditional when the interface language (``zh_TW``) or the system
    locale names Traditional (zh-TW, zh-Hant); Simplified when the locale names it; else Simplified by
    default, which the caller tells the user (a Taiwan workshop should not find out from the transcript)."""
    if script_of(interface_language) == TRADITIONAL:
        return ScriptChoice(TRADITIONAL, "interface")
    named = script_of(system_locale())
    if named is not None:
        return ScriptChoice(named, "locale")
    return ScriptChoice(SIMPLIFIED, "default")


def system_locale() -> str:
    """The user's locale name (``zh_TW.UTF-8``, ``zh-TW``, ``en_US``…), or "" when it cannot be told.

    The environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the order POSIX gives them) comes first;
    Windows and macOS apps started from the desktop have none, so their own settings are asked next.
    """
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value
    if sys.platform == "win32":
        import ctypes

        buffer = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):  # type: ignore[attr-defined]
            return buffer.value
    elif sys.platform == "darwin":
        try:
            found = subprocess.run(["defaults", "read", "-g", "AppleLocale"], capture_output=True, text=True,
                                   timeout=2)
        except (OSError, subprocess.SubprocessError):
            found = None
        if found is not None and found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    return locale.getlocale()[0] or ""
