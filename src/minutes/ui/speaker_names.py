"""Speaker names as the interface shows them: an anonymous voice's "Speaker 4" (or "Participant from the floor
2") in the interface language.

The store keeps anonymous labels in English ("Speaker 4": the JSON format and the command line rely on it);
only what the window shows is translated (說話者 4 in the Chinese interface). Names of people stay as typed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from minutes.store import WorkshopStore
from minutes.store.voices import FLOOR_LABEL, SPEAKER_LABEL


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile(re.escape(template).replace(re.escape("{number}"), r"(\d+)"))


_ANONYMOUS = _pattern(SPEAKER_LABEL)
_FLOOR = _pattern(FLOOR_LABEL)


def shown_label(label: str) -> str:
    """``label`` in the interface language when it is an anonymous one ("Speaker 4"), else as it is."""
    found = _ANONYMOUS.fullmatch(label.strip())
    if found is not None:
        return QCoreApplication.translate("SpeakerNames", "Speaker {0}").format(found.group(1))
    found = _FLOOR.fullmatch(label.strip())
    if found is not None:
        return QCoreApplication.translate("SpeakerNames", "Participant from the floor {0}").format(found.group(1))
    return label


def shown_names(store: WorkshopStore, session_id: int) -> dict[int, str]:
    """Speaker id → the name the window shows: the participant's, else the (translated) label."""
    return {speaker_id: shown_label(name) for speaker_id, name in store.speaker_names(session_id).items()}
