"""Chinese script conversion with OpenCC.

Whisper writes Mandarin mostly in Simplified characters and sometimes in Traditional; Minutes never
relies on it and converts every Chinese text to the session's script: Traditional with Taiwan phrasing
(``s2twp``) or Simplified (``t2s``).
"""

from __future__ import annotations

import locale
import os
from functools import lru_cache

TRADITIONAL = "traditional"
SIMPLIFIED = "simplified"
SCRIPTS = (TRADITIONAL, SIMPLIFIED)


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


def default_script(workshop_script: str = "") -> str:
    """The workshop's script if set, else Traditional when the system locale is Taiwan's."""
    if workshop_script in SCRIPTS:
        return workshop_script
    names = [os.environ.get(var, "") for var in ("LC_ALL", "LC_CTYPE", "LANG")]
    names.append(locale.getlocale()[0] or "")
    if any(name.lower().replace("-", "_").startswith(("zh_tw", "zh_hant")) for name in names):
        return TRADITIONAL
    return SIMPLIFIED
