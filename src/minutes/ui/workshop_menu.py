"""The Workshop and Session menu commands that open a dialog: details, participants, glossary, preferences,
agenda sessions, and deleting a session. Each announces what it changed through the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from minutes.operations import sessions
from minutes.operations.changes import OpChanges

if TYPE_CHECKING:
    from minutes.ui.main_window import MainWindow


def edit_preferences(window: MainWindow) -> None:
    from minutes.ui.dialogs.preferences_dialog import PreferencesDialog

    if PreferencesDialog.ask(window.settings, window, window.downloads):
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Preferences saved; the next transcription uses them"), 5000)


def edit_glossary(window: MainWindow) -> None:
    from minutes.ui.dialogs.glossary_dialog import GlossaryDialog

    if window.store is not None:
        GlossaryDialog.ask(window.store, window)


def edit_workshop(window: MainWindow) -> None:
    from minutes.ui.dialogs import WorkshopDialog

    if window.store is not None and WorkshopDialog.ask(window.store, window) is not None:
        window.announce(OpChanges(workshop=True))


def edit_roster(window: MainWindow) -> None:
    from minutes.ui.dialogs import RosterDialog

    if window.store is not None and RosterDialog.ask(window.store, window):
        window.announce(OpChanges(participants=True))


def new_session(window: MainWindow) -> None:
    from minutes.ui.dialogs import SessionDialog

    if window.store is not None:
        session_id = SessionDialog.ask(window.store, None, window)
        if session_id is not None:
            window.reload_sessions(select_id=session_id)


def edit_session(window: MainWindow) -> None:
    from minutes.ui.dialogs import SessionDialog

    session_id = window.current_session_id()
    if window.store is not None and session_id is not None and SessionDialog.ask(window.store, session_id, window):
        window.announce(OpChanges(sessions=True, session_id=session_id))


def delete_session(window: MainWindow) -> None:
    """Delete the selected session with its transcript and recording, once the user confirms."""
    store, session_id = window.store, window.current_session_id()
    if store is None or session_id is None:
        return
    session = store.session(session_id)
    answer = QMessageBox.question(window, QCoreApplication.translate("MainWindow", "Delete session"),
                                  QCoreApplication.translate("MainWindow",
                                                             'Delete "{0}" with its transcript, tags and recording? '
                                                             "This cannot be undone.").format(session.title))
    if answer != QMessageBox.StandardButton.Yes:
        return
    window.player.load(None)
    window.show_session_editor(None)
    window.announce(sessions.delete_session(store, session_id))
