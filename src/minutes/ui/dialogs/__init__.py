"""Dialogs for the workshop, its agenda sessions and its participant roster.

Each dialog has a classmethod ``ask(...)`` that shows it modally and returns what was written, so the main
window calls one line and tests can monkeypatch it.
"""

from minutes.ui.dialogs.participant_dialog import ParticipantDialog
from minutes.ui.dialogs.roster_dialog import RosterDialog
from minutes.ui.dialogs.roster_model import RosterModel
from minutes.ui.dialogs.session_dialog import SessionDialog
from minutes.ui.dialogs.workshop_dialog import WorkshopDialog

__all__ = ["ParticipantDialog", "RosterDialog", "RosterModel", "SessionDialog", "WorkshopDialog"]
