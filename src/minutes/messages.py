"""Translatable messages of the core, without Qt: the core writes English, the window shows it translated.

The core raises its errors with plain English sentences, often f-strings, and the command line prints them
as they are. ``tools/update_translations.py`` collects the sentence templates: the first argument of every
``SomeError(...)`` the core makes, and every string wrapped in :func:`N_` (for a sentence that is built
before it is raised or shown). It writes them to ``resources/translations/core_messages.json`` and to the
translation files (context ``Core``), where ``{…}`` stands for a value: ``A session titled "{title}" already
exists.``. :func:`translate` finds the template a finished sentence was made from and fills the translated
template with the same values, so a translation only has to keep the ``{…}`` placeholders.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache

from minutes.paths import resources_dir

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MIN_LITERAL = 12  # a template with less fixed text than this ("{path}: {reason}") would match anything


def N_(text: str) -> str:  # noqa: N802 - the customary name of a translation marker
    """Mark ``text`` as a message to translate; returns it unchanged."""
    return text


def templates_file() -> str:
    return str(resources_dir() / "translations" / "core_messages.json")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str, list[str]]]:
    """(regex, template, placeholders) for every collected template, the most specific first."""
    try:
        with open(templates_file(), encoding="utf-8") as handle:
            templates = json.load(handle)
    except (OSError, ValueError):
        return []
    patterns = []
    for template in templates:
        literal = PLACEHOLDER.split(template)
        if sum(len(part) for part in literal) < MIN_LITERAL:
            continue
        regex = "(.*?)".join(re.escape(part) for part in literal)
        patterns.append((re.compile(regex, re.DOTALL), template, PLACEHOLDER.findall(template)))
    patterns.sort(key=lambda p: -sum(len(part) for part in PLACEHOLDER.split(p[1])))
    return patterns


def template_of(message: str) -> tuple[str, dict[str, str]] | None:
    """The template ``message`` was made from and the value of each placeholder, or None."""
    for regex, template, names in _patterns():
        found = regex.fullmatch(message)
        if found is not None:
            values: dict[str, str] = {}
            for name, value in zip(names, found.groups(), strict=True):
                values.setdefault(name, value)
            return template, values
    return None


def translate(message: str, lookup: Callable[[str], str]) -> str:
    """``message`` in the language ``lookup`` translates templates into (unchanged if it has no template)."""
    found = template_of(message)
    if found is None:
        return message
    template, values = found
    translated = lookup(template)
    if not translated or translated == template:
        return message
    return PLACEHOLDER.sub(lambda m: values.get(m.group(0), m.group(0)), translated)
