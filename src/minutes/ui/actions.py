"""The main window's actions and menus, declared once in a registry (Picard's ``ui/mainwindow/actions.py``).

Each :class:`Action` names one QAction; its :class:`Spec` gives the text, the shortcut, the tip, what it does
(a function of the window, looked up when triggered, so panels can be swapped) and when it is enabled (a
function of :class:`State`). :func:`build_actions` makes them, :func:`build_menus` lays the menus out, and
:func:`update_actions` enables them from the window's state. A new feature adds a member and a spec here,
and an entry in :data:`MENUS`; the window's constructor does not change.

Texts keep the ``MainWindow`` translation context: they are the window's menu texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from minutes.ui import secretariat, workshop_menu
from minutes.ui.review import THRESHOLD_MENU, build_threshold_menu
from minutes.ui.tag_menu import TagMenu

if TYPE_CHECKING:
    from minutes.ui.main_window import MainWindow

Key = QKeySequence.StandardKey
CONTEXT = "MainWindow"


@dataclass(frozen=True)
class State:
    """What decides which actions are enabled."""

    has_store: bool
    has_session: bool
    busy: bool
    recording: bool
    can_undo: bool
    can_redo: bool


def _always(_state: State) -> bool:
    return True


def _store(state: State) -> bool:
    return state.has_store


def _session(state: State) -> bool:
    return state.has_session


def _idle_session(state: State) -> bool:
    return state.has_session and not state.busy


@dataclass(frozen=True)
class Spec:
    """One action: its text and tip (marked for translation), shortcut, handler and enabling rule."""

    text: str
    run: Callable[[MainWindow], object]
    shortcut: str | QKeySequence.StandardKey | None = None
    tip: str = ""
    enabled: Callable[[State], bool] = _always
    application_wide: bool = False  # playback keys work whichever widget has the focus


class Action(Enum):
    """Every action of the main window; the value is the window attribute that holds the QAction."""

    NEW = "new_action"
    OPEN = "open_action"
    CLOSE = "close_action"
    QUIT = "quit_action"
    IMPORT = "import_action"
    TRANSCRIBE = "transcribe_action"
    CANCEL = "cancel_action"
    SPLIT = "split_action"
    MERGE = "merge_action"
    DELETE = "delete_action"
    SPEAKER = "speaker_action"
    FIND = "find_action"
    PLAY = "play_action"
    PLAY_SEGMENT = "play_segment_action"
    BACK = "back_action"
    FORWARD = "forward_action"
    SLOWER = "slower_action"
    FASTER = "faster_action"
    ABOUT = "about_action"
    EXPORT_MINUTES = "export_minutes_action"
    EXPORT_TRANSCRIPT = "export_transcript_action"
    EDIT_WORKSHOP = "edit_workshop_action"
    ROSTER = "roster_action"
    NEW_SESSION = "new_session_action"
    EDIT_SESSION = "edit_session_action"
    DELETE_SESSION = "delete_session_action"
    TRANSLATE = "translate_action"
    PREFERENCES = "preferences_action"
    GLOSSARY = "glossary_action"
    UNDO = "undo_action"
    REDO = "redo_action"
    EXPORT_PACKAGE = "export_package_action"
    EXPORT_REPORT = "export_report_action"
    MERGE_WORKSHOP = "merge_workshop_action"
    WORKSHOP_SUMMARY = "workshop_summary_action"
    IMPORT_AGENDA = "import_agenda_action"
    REVIEW_DRAFT = "review_draft_action"
    REVIEW_REVIEWED = "review_reviewed_action"
    REVIEW_APPROVED = "review_approved_action"
    REVIEW = "review_action"
    NEXT_PLACE = "next_place_action"
    PREVIOUS_PLACE = "previous_place_action"
    MARK_CHECKED = "mark_checked_action"
    MARK_UNCHECKED = "mark_unchecked_action"


SPECS: dict[Action, Spec] = {
    Action.NEW: Spec(QT_TRANSLATE_NOOP("MainWindow", "&New workshop…"), workshop_menu.create_workshop, Key.New,
        QT_TRANSLATE_NOOP("MainWindow", "Create a workshop folder (*.minutes)")),
    Action.OPEN: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Open workshop…"), workshop_menu.choose_workshop, Key.Open,
        QT_TRANSLATE_NOOP("MainWindow", "Open a workshop folder")),
    Action.CLOSE: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Close workshop"), lambda w: w.close_workshop(), Key.Close,
        enabled=_store),
    Action.QUIT: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), lambda w: w.close(), Key.Quit),
    Action.IMPORT: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Import audio or video…"),
        lambda w: w.transcription.ask_import(), "Ctrl+I",
        QT_TRANSLATE_NOOP("MainWindow", "Add a session from a recording and transcribe it"),
        lambda s: s.has_store and not s.busy),
    Action.TRANSCRIBE: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Transcribe / resume"), lambda w: w.transcribe_current(),
        "Ctrl+T", QT_TRANSLATE_NOOP("MainWindow", "Transcribe the selected session from where it stopped"),
        _idle_session),
    Action.CANCEL: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Cancel transcription"), lambda w: w.cancel_job(), "Ctrl+.",
        enabled=lambda s: s.busy),
    Action.SPLIT: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Split at cursor"), lambda w: w.transcript.split(),
        "Ctrl+Return", QT_TRANSLATE_NOOP("MainWindow", "Split the segment at the text cursor (or in the middle)"),
        _session),
    Action.MERGE: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Merge with next"), lambda w: w.transcript.merge(), "Ctrl+M",
        QT_TRANSLATE_NOOP("MainWindow", "Join the segment with the next one"), _session),
    Action.DELETE: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Delete segment"), lambda w: w.transcript.delete(), Key.Delete,
        enabled=_session),
    Action.SPEAKER: Spec(QT_TRANSLATE_NOOP("MainWindow", "Change s&peaker…"), lambda w: w.transcript.change_speaker(),
        "Ctrl+Shift+P", QT_TRANSLATE_NOOP("MainWindow", "Give the selected segments to another speaker"), _session),
    Action.FIND: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Find and replace…"), lambda w: w.transcript.find_bar.open(),
        Key.Find, enabled=_session),
    Action.PLAY: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Play / pause"), lambda w: w.transcript.player.toggle(),
        "Ctrl+Space", enabled=_session, application_wide=True),
    Action.PLAY_SEGMENT: Spec(QT_TRANSLATE_NOOP("MainWindow", "Play from &segment"),
        lambda w: w.transcript.play_selected(), "Ctrl+P",
        QT_TRANSLATE_NOOP("MainWindow", "Play the recording from the selected segment"), _session),
    Action.BACK: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Back 5 s"), lambda w: w.transcript.player.skip(-5), "Alt+Left",
        enabled=_session, application_wide=True),
    Action.FORWARD: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Forward 5 s"), lambda w: w.transcript.player.skip(5),
        "Alt+Right", enabled=_session, application_wide=True),
    Action.SLOWER: Spec(QT_TRANSLATE_NOOP("MainWindow", "S&lower"), lambda w: w.transcript.player.change_rate(-1),
        "Ctrl+[", enabled=_session, application_wide=True),
    Action.FASTER: Spec(QT_TRANSLATE_NOOP("MainWindow", "F&aster"), lambda w: w.transcript.player.change_rate(1),
        "Ctrl+]", enabled=_session, application_wide=True),
    Action.ABOUT: Spec(QT_TRANSLATE_NOOP("MainWindow", "&About Minutes"), workshop_menu.about),
    Action.EXPORT_MINUTES: Spec(QT_TRANSLATE_NOOP("MainWindow", "Export &minutes (Word)…"),
        lambda w: w.export_minutes(), "Ctrl+E",
        QT_TRANSLATE_NOOP("MainWindow", "Write formatted Word minutes of this session or of all sessions"), _store),
    Action.EXPORT_TRANSCRIPT: Spec(QT_TRANSLATE_NOOP("MainWindow", "Export &transcript…"),
        lambda w: w.export_transcript(), "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP("MainWindow", "Write the transcript as text, subtitles (SRT, WebVTT) or JSON"), _session),
    Action.EDIT_WORKSHOP: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Workshop details…"), workshop_menu.edit_workshop, None,
        QT_TRANSLATE_NOOP("MainWindow", "Title, dates, venue, organiser, default language and script"), _store),
    Action.ROSTER: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Participants…"), workshop_menu.edit_roster, "Ctrl+Shift+U",
        QT_TRANSLATE_NOOP("MainWindow", "The workshop's participant roster (name, title, organisation, country)"),
        _store),
    Action.NEW_SESSION: Spec(QT_TRANSLATE_NOOP("MainWindow", "&New agenda session…"), workshop_menu.new_session,
        "Ctrl+Shift+N",
        QT_TRANSLATE_NOOP("MainWindow", "Add a session to the agenda (record or import its audio later)"), _store),
    Action.EDIT_SESSION: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Edit session…"), workshop_menu.edit_session, None,
        QT_TRANSLATE_NOOP("MainWindow", "Title, date, time, room, chair, rapporteur, language and speakers"), _session),
    Action.DELETE_SESSION: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Delete session…"), workshop_menu.delete_session, None,
        QT_TRANSLATE_NOOP("MainWindow", "Delete the session, its transcript and its recording"),
        lambda s: _idle_session(s) and not s.recording),
    Action.TRANSLATE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Translate into En&glish"),
        lambda w: w.transcription.translate(w.current_session_id()), None,
        QT_TRANSLATE_NOOP("MainWindow", "Add an English translation to every non-English segment (made from "
                          "the audio)"),
        _idle_session),
    Action.PREFERENCES: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), workshop_menu.edit_preferences,
        Key.Preferences,
        QT_TRANSLATE_NOOP("MainWindow", "The speech model and the letterhead template of the minutes")),
    Action.GLOSSARY: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Glossary…"), workshop_menu.edit_glossary, None,
        QT_TRANSLATE_NOOP("MainWindow", "Names and terms that help the speech model spell them right"), _store),
    Action.UNDO: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Undo"), lambda w: w.history.undo(),
        Key.Undo, enabled=lambda s: s.can_undo),
    Action.REDO: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Redo"), lambda w: w.history.redo(),
        Key.Redo, enabled=lambda s: s.can_redo),
    Action.EXPORT_PACKAGE: Spec(QT_TRANSLATE_NOOP("MainWindow", "Export session &package…"), secretariat.export_package,
        None,
        QT_TRANSLATE_NOOP("MainWindow", "The session with its recording in one file, to merge on another computer"),
        _idle_session),
    Action.EXPORT_REPORT: Spec(QT_TRANSLATE_NOOP("MainWindow", "Export workshop &report…"), secretariat.export_report,
        None,
        QT_TRANSLATE_NOOP("MainWindow", "One Word document: programme, summary, strategies, recommendations, every "
                          "session's minutes and the participants"),
        _store),
    Action.MERGE_WORKSHOP: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Merge sessions from another workshop or package…"),
        secretariat.merge_sessions, None,
        QT_TRANSLATE_NOOP("MainWindow", "Add the sessions of a laptop's workshop or a session package, with their "
                          "recordings"),
        lambda s: s.has_store and not s.busy),
    Action.WORKSHOP_SUMMARY: Spec(QT_TRANSLATE_NOOP("MainWindow", "E&xecutive summary…"), secretariat.edit_summary,
        None, QT_TRANSLATE_NOOP("MainWindow", "The workshop's executive summary, at the start of the workshop report"),
        _store),
    Action.IMPORT_AGENDA: Spec(QT_TRANSLATE_NOOP("MainWindow", "Import &agenda…"), secretariat.import_agenda, None,
        QT_TRANSLATE_NOOP("MainWindow", "Sessions (no recording yet) from a programme sheet, CSV or Excel"), _store),
    Action.REVIEW_DRAFT: Spec(QT_TRANSLATE_NOOP("MainWindow", "Mark as dra&ft"),
        lambda w: secretariat.set_review(w, "draft"), enabled=_session),
    Action.REVIEW_REVIEWED: Spec(QT_TRANSLATE_NOOP("MainWindow", "Mark as re&viewed"),
        lambda w: secretariat.set_review(w, "reviewed"), enabled=_session),
    Action.REVIEW_APPROVED: Spec(QT_TRANSLATE_NOOP("MainWindow", "Mark as appr&oved"),
        lambda w: secretariat.set_review(w, "approved"), None,
        QT_TRANSLATE_NOOP("MainWindow", "Approved minutes no longer say DRAFT"), _session),
    Action.REVIEW: Spec(QT_TRANSLATE_NOOP("MainWindow", "Review &mode on / off"),
        lambda w: w.review.set_active(not w.review.active), "F7",
        QT_TRANSLATE_NOOP("MainWindow", "Check the transcript against the audio, doubtful place by place"), _session),
    Action.NEXT_PLACE: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Next doubtful place"), lambda w: w.review.next(), "F8",
        QT_TRANSLATE_NOOP("MainWindow", "Go to the next doubtful place and play from a second before it"), _session),
    Action.PREVIOUS_PLACE: Spec(QT_TRANSLATE_NOOP("MainWindow", "&Previous doubtful place"),
        lambda w: w.review.previous(), "Shift+F8", enabled=_session),
    Action.MARK_CHECKED: Spec(QT_TRANSLATE_NOOP("MainWindow", "Mark &checked"), lambda w: w.review.accept(), None,
        QT_TRANSLATE_NOOP("MainWindow", "The selected segments were checked against the audio (Enter in review "
                          "mode)"),
        _session),
    Action.MARK_UNCHECKED: Spec(QT_TRANSLATE_NOOP("MainWindow", "Mark n&ot checked"), lambda w: w.review.uncheck(),
        None, enabled=_session),
}

SEPARATOR = None
TAGS = "tags"  # filled by TagMenu from the workshop's tag set
DOCKS = "docks"  # one toggle per dock of the window
LANGUAGE = "language"  # the interface language chooser
THRESHOLD = "threshold"  # how sure a word must be not to be shown as doubtful
# The menu bar: (title, entries); an entry is an Action, SEPARATOR, or one of the menus built by code above.
MENUS: list[tuple[str, list[Action | str | None]]] = [
    (QT_TRANSLATE_NOOP("MainWindow", "&File"),
     [Action.NEW, Action.OPEN, Action.CLOSE, SEPARATOR, Action.EXPORT_MINUTES, Action.EXPORT_TRANSCRIPT,
      Action.EXPORT_PACKAGE, Action.EXPORT_REPORT, SEPARATOR, Action.QUIT]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
     [Action.UNDO, Action.REDO, SEPARATOR, Action.SPLIT, Action.MERGE, Action.DELETE, Action.SPEAKER, SEPARATOR,
      Action.FIND, SEPARATOR, Action.PREFERENCES]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Session"),
     [Action.NEW_SESSION, Action.IMPORT, Action.TRANSCRIBE, Action.CANCEL, SEPARATOR, Action.TRANSLATE,
      Action.EDIT_SESSION, Action.DELETE_SESSION, SEPARATOR, Action.REVIEW_DRAFT, Action.REVIEW_REVIEWED,
      Action.REVIEW_APPROVED]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Tags"), [TAGS]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Workshop"),
     [Action.EDIT_WORKSHOP, Action.ROSTER, Action.GLOSSARY, Action.WORKSHOP_SUMMARY, SEPARATOR,
      Action.IMPORT_AGENDA, Action.MERGE_WORKSHOP]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Playback"),
     [Action.PLAY, Action.PLAY_SEGMENT, Action.BACK, Action.FORWARD, Action.SLOWER, Action.FASTER]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Review"),
     [Action.REVIEW, Action.NEXT_PLACE, Action.PREVIOUS_PLACE, SEPARATOR, Action.MARK_CHECKED, Action.MARK_UNCHECKED,
      SEPARATOR, THRESHOLD]),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"), [DOCKS, SEPARATOR, LANGUAGE]),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), [Action.ABOUT]),
]


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def build_actions(window: MainWindow) -> dict[Action, QAction]:
    """Make every action of :data:`SPECS` (parented to ``window``) and set it as the window's attribute."""
    actions = {}
    for name, spec in SPECS.items():
        action = QAction(translate(spec.text), window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(translate(spec.tip))
            action.setToolTip(translate(spec.tip))
        if spec.application_wide:
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _checked=False, run=spec.run: run(window))
        actions[name] = action
        setattr(window, name.value, action)
    actions[Action.PREFERENCES].setMenuRole(QAction.MenuRole.PreferencesRole)
    return actions


def build_menus(window: MainWindow, actions: dict[Action, QAction]) -> TagMenu:
    """Fill the window's menu bar from :data:`MENUS`; returns the Tags menu's controller."""
    tag_menu = None
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(translate(title))
        for entry in entries:
            if entry is SEPARATOR:
                menu.addSeparator()
            elif entry == TAGS:
                tag_menu = TagMenu(menu, window.transcript.tag_target, window)
            elif entry == DOCKS:
                for dock in window.docks:
                    menu.addAction(dock.toggleViewAction())
            elif entry == THRESHOLD:
                build_threshold_menu(window, menu.addMenu(translate(THRESHOLD_MENU)))
            elif entry == LANGUAGE:
                _build_language_menu(
                    window, menu.addMenu(QCoreApplication.translate("MainWindow", "Interface &language"))
                )
            else:
                menu.addAction(actions[entry])
    return tag_menu


def update_actions(window: MainWindow, actions: dict[Action, QAction], state: State) -> None:
    """Enable each action by its rule, and name what Undo and Redo would do."""
    for name, spec in SPECS.items():
        actions[name].setEnabled(bool(spec.enabled(state)))
    update_undo_texts(window, actions)


def update_undo_texts(window: MainWindow, actions: dict[Action, QAction]) -> None:
    undo, redo = window.history.undo_text(), window.history.redo_text()
    actions[Action.UNDO].setText(
        QCoreApplication.translate("MainWindow", "&Undo {action}").format(action=undo)
        if undo
        else translate(SPECS[Action.UNDO].text)
    )
    actions[Action.REDO].setText(
        QCoreApplication.translate("MainWindow", "&Redo {action}").format(action=redo)
        if redo
        else translate(SPECS[Action.REDO].text)
    )


def _build_language_menu(window: MainWindow, menu: QMenu) -> None:
    from minutes.ui.i18n import LANGUAGES

    group = QActionGroup(window)
    current = window.settings.language()
    for code, name in LANGUAGES.items():
        action = menu.addAction(
            name if code != "system" else QCoreApplication.translate("MainWindow", "System language")
        )
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)

    def chosen(action: QAction) -> None:
        window.settings.set_language(action.data())
        QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "Interface language"),
            QCoreApplication.translate(
                "MainWindow",
                (
                    "Minutes will use {0} the next time it starts. Word minutes are "
                    "labelled in this language unless you choose otherwise when "
                    "exporting."
                ),
            ).format(action.text()),
        )

    group.triggered.connect(chosen)
