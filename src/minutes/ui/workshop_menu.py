"""The window's menu commands that open a dialog: new and open workshop (and repairing its unfinished
recordings), details, participants, glossary, preferences, agenda sessions, deleting a session, About.
Each announces what it changed through the window. Texts keep the ``MainWindow`` translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from minutes import __version__
from minutes.errors import MinutesError
from minutes.operations import sessions

if TYPE_CHECKING:
    from minutes.ui.main_window import MainWindow


def choose_workshop(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(window, QCoreApplication.translate("MainWindow", "Open workshop"))
    if folder:
        window.open_workshop(Path(folder), create=False)


def create_workshop(window: MainWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(window, QCoreApplication.translate("MainWindow", "New workshop"),
                                          "Workshop.minutes",
                                          QCoreApplication.translate("MainWindow", "Workshops (*.minutes)"))
    if name:
        path = Path(name)
        path = path if path.suffix == ".minutes" else path.with_suffix(".minutes")
        if window.open_workshop(path, create=True) and window.new_workshop_script is not None:
            edit_new_workshop(window)


def edit_new_workshop(window: MainWindow) -> None:
    """The details of a workshop just created, its title taken from the folder, and its script explained."""
    from minutes.ui.dialogs import WorkshopDialog

    WorkshopDialog.ask(window.store, window, new_workshop=window.new_workshop_script, record=window.record)


def recover_recordings(window: MainWindow) -> None:
    """Repair the recordings a crash left unfinished in the workshop just opened, and say what was kept."""
    from minutes.recording import recover_recordings

    try:
        recovered = recover_recordings(window.store)
    except (MinutesError, OSError) as exc:
        window.show_error(QCoreApplication.translate("MainWindow", "An unfinished recording could not be repaired: {0}")
                          .format(exc))
        return
    for session, seconds in recovered:
        kept = (QCoreApplication.translate("MainWindow", "{0} minutes were kept").format(f"{seconds / 60:.1f}")
                if seconds else QCoreApplication.translate("MainWindow", "no audio could be kept"))
        QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Recording recovered"),
                                QCoreApplication.translate(
                                    "MainWindow", 'The recording of "{0}" was interrupted (Minutes or the computer '
                                    "stopped). It has been repaired: {1}. Its live transcript is kept too.")
                                .format(session.title, kept))


def about(window: MainWindow) -> None:
    from faster_whisper import __version__ as whisper_version
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    model = window.models.display_name or window.settings.model()
    blurb = QCoreApplication.translate("MainWindow", "Transcripts and minutes of workshop sessions, offline.")
    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "About Minutes"),
                      f"<b>Minutes {__version__}</b><br>{blurb}"
                      f"<br><br>Qt {qVersion()} · Qt for Python {pyside_version}"
                      f"<br>faster-whisper {whisper_version}<br>"
                      + QCoreApplication.translate("MainWindow", "Speech model: {model}").format(model=model))


def edit_preferences(window: MainWindow) -> None:
    from minutes.ui.dialogs.preferences_dialog import PreferencesDialog

    if PreferencesDialog.ask(window.settings, window, window.downloads):
        window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "Preferences saved; the next transcription uses them"), 5000)


def edit_glossary(window: MainWindow) -> None:
    from minutes.ui.dialogs.glossary_dialog import GlossaryDialog

    if window.store is not None:
        GlossaryDialog.ask(window.store, window, window.record)


def edit_workshop(window: MainWindow) -> None:
    from minutes.ui.dialogs import WorkshopDialog

    if window.store is not None:
        WorkshopDialog.ask(window.store, window, record=window.record)


def edit_roster(window: MainWindow) -> None:
    from minutes.ui.dialogs import RosterDialog

    if window.store is not None:
        RosterDialog.ask(window.store, window, window.record)


def new_session(window: MainWindow) -> None:
    from minutes.ui.dialogs import SessionDialog

    if window.store is not None:
        session_id = SessionDialog.ask(window.store, None, window, window.record)
        if session_id is not None:
            window.reload_sessions(select_id=session_id)


def edit_session(window: MainWindow) -> None:
    from minutes.ui.dialogs import SessionDialog

    session_id = window.current_session_id()
    if window.store is not None and session_id is not None:
        SessionDialog.ask(window.store, session_id, window, window.record)


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
