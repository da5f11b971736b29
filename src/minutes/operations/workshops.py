"""Use cases of a workshop as a whole: setting up one just created in its user's language."""

from __future__ import annotations

from minutes.operations.changes import OpChanges, OpResult
from minutes.store import WorkshopStore
from minutes.text.chinese import TRADITIONAL, ScriptChoice, new_workshop_script, script_of, system_locale


def set_up_new_workshop(store: WorkshopStore, interface_language: str = "") -> OpResult[ScriptChoice]:
    """Give a just-created workshop the Chinese script and the tag names of its user's language.

    ``interface_language`` is the window's (``zh_TW``, ``en_US``); the command line passes none and the
    system locale speaks for the user. A Traditional Chinese user gets Traditional and 預防, 保護… tags.
    """
    choice = new_workshop_script(interface_language)
    store.update_workshop(script=choice.script)
    if script_of(interface_language or system_locale()) == TRADITIONAL:
        store.name_default_tags("zh-TW")
    return OpResult(choice, OpChanges(workshop=True, tags=True))
