"""The main window: a frame around the sessions list, the transcript view and the docks.

It is a view of the store: every change goes to the store at once (no Save button), and every change a user
makes is an undo step: edits and tags on the session editor's undo stack, workshop changes (roster, tag set,
agenda sessions, details, glossary, notes) on the window's (:mod:`minutes.ui.undo`). What the window does
is declared in :mod:`minutes.ui.actions`; long work runs in the :class:`~minutes.ui.job_runner.JobRunner`;
the transcript and its edits are the :class:`~minutes.ui.transcript_view.TranscriptView`'s; exports are
:mod:`minutes.ui.exports`.

After a change, the window announces what it touched (:class:`~minutes.operations.changes.OpChanges`)
through :attr:`MainWindow.operation_did_execute`, and each view refreshes itself if it cares (Anki's
``operation_did_execute``), instead of the window refreshing panels by hand.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from minutes.errors import MinutesError
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.text.chinese import ScriptChoice
from minutes.ui import actions as registry
from minutes.ui import exports, secretariat, workshop_menu
from minutes.ui.dialogs.common import show_error
from minutes.ui.job_runner import JobRunner
from minutes.ui.model_downloads import ModelDownloads
from minutes.ui.notes_panel import NotesPanel
from minutes.ui.recorder_panel import RecorderPanel
from minutes.ui.review import Review
from minutes.ui.session_editor import SessionEditor
from minutes.ui.sessions_list import SessionsList
from minutes.ui.settings import Settings
from minutes.ui.speakers_panel import SpeakersPanel
from minutes.ui.start_page import StartPage
from minutes.ui.strategies_panel import StrategiesPanel
from minutes.ui.tagging import Tagger
from minutes.ui.transcript_view import TranscriptView
from minutes.ui.transcription import Transcription
from minutes.ui.undo import UndoHistory, WorkshopUndo
from minutes.ui.workers import Job, ModelProvider

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The window a rapporteur and the secretariat work in.

    Signals:
        operation_did_execute(OpChanges, object): something changed the workshop; the second argument is
            whoever made the change (or None), so it can skip refreshing what it already shows.
    """

    operation_did_execute = Signal(object, object)

    def __init__(self, models: ModelProvider | None = None) -> None:
        super().__init__()
        self.settings = Settings()
        self.models = models or ModelProvider()
        self.store: WorkshopStore | None = None
        self.tagger: Tagger | None = None
        self.new_workshop_script: ScriptChoice | None = None  # set when open_workshop created the workshop
        self.workshop_undo = WorkshopUndo(self.announce, self.show_error, self)
        self.record = self.workshop_undo.record
        self.history = UndoHistory(self.workshop_undo, self)
        self._build_widgets()
        self.actions = registry.build_actions(self)
        self.tag_menu = registry.build_menus(self, self.actions)
        self.tag_menu.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.tag_menu.record = self.record
        self.history.changed.connect(self.update_actions)
        self.transcription = Transcription(self)
        self._subscribe()
        self._update_title()
        self.update_actions()
        self.statusBar().showMessage(self.tr("Ready"))
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._first_layout()
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        # The Recorder records into a workshop: hidden on the start page, back (unless closed) once one is open.
        self._recorder_wanted = not self.recorder_dock.isHidden()
        self.recorder_dock.hide()
        # Loaded while the user finds a workshop, so the first transcription or recording does not wait for it.
        self.models.preload(self.settings.model())

    # -- construction --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.start_page = StartPage()
        self.start_page.set_recent(self.settings.recent_workshops())
        self.start_page.open_recent.connect(lambda path: self.open_workshop(path, create=False))
        self.start_page.new_requested.connect(lambda: workshop_menu.create_workshop(self))
        self.start_page.open_requested.connect(lambda: workshop_menu.choose_workshop(self))

        self.sessions = SessionsList()
        self.sessions.currentItemChanged.connect(self._show_session)
        self.workshop_label = QLabel()
        self.workshop_label.setObjectName("workshop_title")
        self.workshop_label.setWordWrap(True)
        self.workshop_label.setStyleSheet("font-weight: bold; font-size: 11pt; padding: 4px 2px;")
        sessions_pane = QWidget()
        pane_layout = QVBoxLayout(sessions_pane)
        pane_layout.setContentsMargins(0, 0, 0, 0)
        pane_layout.addWidget(self.workshop_label)
        pane_layout.addWidget(self.sessions, 1)
        self.transcript = TranscriptView(self.live_clock)
        self.transcript.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.transcript.changed.connect(lambda changes: self.announce(changes, self.transcript))
        # The transcript's parts, by the names the window has always given them.
        self.table, self.find_bar, self.player = self.transcript.table, self.transcript.find_bar, self.transcript.player
        self.text_delegate = self.transcript.text_delegate
        self.splitter = QSplitter()
        self.splitter.addWidget(sessions_pane)
        self.splitter.addWidget(self.transcript)
        self.review = Review(self.transcript, self.record, self.settings.doubt_threshold())
        self.downloads = ModelDownloads(self)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([260, 940])
        state = self.settings.splitter()
        if state is not None:
            self.splitter.restoreState(state)

        self.speakers_panel = SpeakersPanel()
        self.speakers_panel.changed.connect(self._speakers_changed)
        self.speakers_panel.chosen_segment = self.transcript.chosen_segment
        self.speakers_panel.may_edit = lambda sid: secretariat.confirm_edit_of_approved(self, sid)
        self.speakers_dock = self._dock("speakers_dock", self.tr("Speakers"), self.speakers_panel)
        self.recorder_panel = RecorderPanel(self.models, self.settings)
        self.recorder_panel.recording_started.connect(self._recording_started)
        self.recorder_panel.segment_arrived.connect(self.transcript.add_live)
        self.recorder_panel.recording_stopped.connect(self._recording_stopped)
        self.recorder_panel.error.connect(self.show_error)
        self.recorder_dock = self._dock("recorder_dock", self.tr("Recorder"), self.recorder_panel)
        self.strategies_panel = StrategiesPanel()
        self.strategies_panel.jump_requested.connect(self.jump_to)
        self.strategies_dock = self._dock("strategies_dock", self.tr("Key strategies"), self.strategies_panel)
        self.notes_panel = NotesPanel()
        self.notes_panel.may_edit = lambda sid: secretariat.confirm_edit_of_approved(self, sid)
        self.notes_panel.record = self.record
        # The tab says "Summary" so that three tabs fit a laptop's dock area unabridged; the View menu names it whole.
        self.notes_dock = self._dock("notes_dock", self.tr("Summary"), self.notes_panel)
        self.notes_dock.toggleViewAction().setText(self.tr("Summary and recommendations"))
        self.splitDockWidget(self.recorder_dock, self.speakers_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.speakers_dock, self.strategies_dock)
        self.tabifyDockWidget(self.strategies_dock, self.notes_dock)
        self.speakers_dock.raise_()
        self.docks = [self.recorder_dock, self.speakers_dock, self.strategies_dock, self.notes_dock]

        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.written_notice = exports.WrittenNotice(self.statusBar())
        self.runner = JobRunner(self.statusBar(), self)
        self.runner.busy_changed.connect(self.update_actions)
        self.cancel_button = self.runner.cancel_button

    def _first_layout(self) -> None:
        """Size the window to the screen the first time, the transcript taking what the side panes leave.

        A laptop of 1366 x 768 pixels at 125 % scaling shows 1093 x 614 points: the panes at their usual widths
        would leave the transcript's text a column a few words wide.
        """
        screen = self.screen().availableGeometry()
        width, height = min(1280, screen.width()), min(800, screen.height())
        self.resize(width, height)
        if self.settings.splitter() is None:
            self.splitter.setSizes([min(260, width // 5), width])
        self.resizeDocks([self.speakers_dock], [min(420, int(width * 0.3))], Qt.Orientation.Horizontal)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _subscribe(self) -> None:
        """Every view that shows the workshop hears of every change."""
        for view in (self, self.sessions, self.transcript, self.review, self.speakers_panel, self.strategies_panel,
                     self.notes_panel):
            self.operation_did_execute.connect(view.on_operation_did_execute)

    def _speakers_changed(self) -> None:
        # Merging gives one speaker's segments to another: the transcript reloads, not only its names.
        self.announce(OpChanges(speakers=True, segments=True, session_id=self.speakers_panel.session_id),
                      self.speakers_panel)

    def announce(self, changes: OpChanges, origin: object = None) -> None:
        """Tell every view what an operation changed."""
        if changes.anything:
            self.operation_did_execute.emit(changes, origin)

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        if changes.workshop:
            self._update_title()
        if changes.tags:
            self.tag_menu.rebuild()

    # -- the open workshop and session ---------------------------------------------------------

    @property
    def editor(self) -> SessionEditor | None:
        return self.transcript.editor

    @property
    def job(self) -> Job | None:
        return self.runner.job

    def open_workshop(self, path: Path, *, create: bool) -> bool:
        """Open ``path`` (creating it if asked); shows a dialog and returns False on failure."""
        from minutes.operations.workshops import set_up_new_workshop
        from minutes.store import is_workshop
        from minutes.ui.i18n import resolve

        new = create and not is_workshop(path)
        try:
            store = WorkshopStore.open(path, create=create)
            # A new workshop speaks its user's language: the interface's script and tag names.
            self.new_workshop_script = set_up_new_workshop(store, resolve(self.settings.language())).value if new \
                else None
        except MinutesError as exc:
            self.show_error(exc)
            return False
        self.close_workshop()
        self.recorder_dock.setVisible(self._recorder_wanted)
        self.store = self.sessions.store = store
        self.settings.add_recent_workshop(store.root)
        workshop_menu.recover_recordings(self)
        self.recorder_panel.set_workshop(store)
        self.tag_menu.set_session(store, None)
        self.pages.setCurrentWidget(self.splitter)
        self._update_title()
        self.reload_sessions()
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=store.root), 5000)
        return True

    def close_workshop(self) -> None:
        self.recorder_panel.set_workshop(None)  # stops a recording and keeps it; Transcribe finishes it later
        self.cancel_job(wait=True)
        self.player.load(None)
        self.show_session_editor(None)
        self.tag_menu.set_session(None, None)
        if self.store is not None:
            self.store.close()
            self.store = self.sessions.store = None
        self.workshop_undo.clear()
        self.sessions.clear()
        self.start_page.set_recent(self.settings.recent_workshops())
        if self.pages.currentWidget() is not self.start_page:
            self._recorder_wanted = not self.recorder_dock.isHidden()
        self.recorder_dock.hide()
        self.pages.setCurrentWidget(self.start_page)
        self._update_title()
        self.update_actions()

    def reload_sessions(self, select_id: int | None = None) -> None:
        self.sessions.reload(select_id)

    def current_session_id(self) -> int | None:
        return self.sessions.current_session_id()

    def _show_session(self, item: QListWidgetItem | None) -> None:
        if item is None or self.store is None:
            self.show_session_editor(None)
            self.player.load(None)
            self.recorder_panel.propose_session(None)
            return
        session_id = item.data(Qt.ItemDataRole.UserRole)
        self.recorder_panel.propose_session(self.store.session(session_id))
        if self.editor is not None and self.editor.session_id == session_id:
            return
        editor = SessionEditor(self.store, session_id, self)
        editor.may_edit = lambda: secretariat.confirm_edit_of_approved(self, session_id)
        self.show_session_editor(editor)
        session = self.store.session(session_id)
        self.player.load(self.store.audio_path(session), session.duration)

    def show_session_editor(self, editor: SessionEditor | None) -> None:
        self.notes_panel.flush()
        if self.editor is not None:
            self.editor.close()
        if self.tagger is not None:
            self.tagger.deleteLater()
        self.transcript.set_editor(editor)
        self.history.set_session_stack(editor.undo_stack if editor is not None else None)
        self.review.set_editor(editor)
        self.tagger = Tagger(self.store, editor.undo_stack, self) if editor is not None else None
        if self.tagger is not None:
            self.tagger.changed.connect(lambda sid: self.announce(OpChanges(annotations=True, session_id=sid)))
            self.tagger.may_edit = lambda sid: secretariat.confirm_edit_of_approved(self, sid)
        store, session_id = (self.store, editor.session_id) if editor is not None else (None, None)
        self.speakers_panel.show_session(store, session_id, editor.undo_stack if editor else None)
        self.strategies_panel.show_session(store, session_id, self.tagger)
        self.notes_panel.show_session(store, session_id)
        self.tag_menu.set_session(self.store, self.tagger)
        if editor is not None:
            self.transcript.on_operation_did_execute(OpChanges(annotations=True, session_id=session_id))
        self.update_actions()

    def _update_title(self) -> None:
        name = self.store.workshop().title if self.store else ""
        self.setWindowTitle(self.tr("Minutes — {name}").format(name=name) if name else self.tr("Minutes"))
        self.workshop_label.setText(name)

    def update_actions(self) -> None:
        state = registry.State(has_store=self.store is not None, has_session=self.editor is not None,
                               busy=self.runner.busy, recording=self.recorder_panel.is_recording(),
                               can_undo=self.history.can_undo(), can_redo=self.history.can_redo())
        registry.update_actions(self, self.actions, state)

    # -- long work and recording ---------------------------------------------------------------

    def import_media(self, path: Path, title: str, *, language: str | None = None) -> None:
        """Add a session from ``path`` and transcribe it in the background."""
        self.transcription.import_media(path, title, language=language)

    def transcribe_current(self) -> None:
        self.transcription.transcribe(self.current_session_id())

    def cancel_job(self, *, wait: bool = False) -> None:
        self.runner.cancel(wait=wait)

    def live_clock(self, session_id: int | None) -> float | None:
        recorder = self.recorder_panel.session_recorder
        if recorder is None or session_id is None or recorder.session.id != session_id:
            return None
        return recorder.recorder.elapsed

    def _recording_started(self, session_id: int) -> None:
        self.reload_sessions(select_id=session_id)
        self.update_actions()

    def _recording_stopped(self, session_id: int) -> None:
        self.reload_sessions(select_id=session_id)
        if self.editor is not None and self.editor.session_id == session_id:
            self.editor.reload()
            session = self.store.session(session_id)
            self.player.load(self.store.audio_path(session), session.duration)
        if self.job is None:
            self.transcribe_current()
        else:
            self.statusBar().showMessage(
                self.tr("Recording kept; transcribe it in full with Session ▸ Transcribe / resume"), 8000)
        self.update_actions()

    def jump_to(self, seconds: float) -> None:
        """Show the segment spoken at ``seconds`` and put the player there."""
        self.transcript.jump_to(seconds)

    # -- exports -------------------------------------------------------------------------------

    def export_minutes(self) -> None:
        if self.store is not None:
            self._say(exports.export_minutes(self, self.store, self.current_session_id(), self.show_speakers))

    def export_transcript(self) -> None:
        session_id = self.current_session_id()
        if self.store is not None and session_id is not None:
            self._say(exports.export_transcript(self, self.store, session_id))

    def _say(self, written: exports.Written | None) -> None:
        if written is not None:
            self.written_notice.show_written(written)

    def show_speakers(self) -> None:
        """Bring the Speakers panel forward, where voices are named."""
        self.speakers_dock.show()
        self.speakers_dock.raise_()
        self.speakers_panel.list.setFocus()

    # -- misc ----------------------------------------------------------------------------------

    def show_error(self, message: str | MinutesError) -> None:
        show_error(self, message)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if self.pages.currentWidget() is self.start_page:
            self.recorder_dock.setVisible(self._recorder_wanted)  # saved as the user left it, not as hidden
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_window_state(self.saveState())
        self.close_workshop()
        self.review.stop()
        self.downloads.wait()
        super().closeEvent(event)
