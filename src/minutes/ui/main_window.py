"""The main window: the open workshop's sessions, the selected session's transcript, playback and work.

It is a view of the store: every change goes to the store at once (no Save button), edits and tags go
through the session editor's undo stack, and long work runs in a :class:`~minutes.ui.workers.Job`. The
docks around the transcript: the recorder, the speakers, the key strategies (tagged items) and the notes.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QThread
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes import __version__
from minutes.asr.pipeline import TranscribeOptions
from minutes.errors import MinutesError
from minutes.speaker_labelling import SpeakerCount
from minutes.store import WorkshopStore
from minutes.text.chinese import default_script
from minutes.ui.find_bar import FindBar
from minutes.ui.notes_panel import NotesPanel
from minutes.ui.player import PlayerBar
from minutes.ui.recorder_panel import RecorderPanel
from minutes.ui.row_heights import VisibleRowHeights
from minutes.ui.session_editor import SessionEditor
from minutes.ui.settings import Settings
from minutes.ui.speakers_panel import SpeakersPanel
from minutes.ui.start_page import StartPage
from minutes.ui.strategies_panel import StrategiesPanel
from minutes.ui.tag_menu import TagMenu, Target
from minutes.ui.tagging import Tagger
from minutes.ui.transcript_model import LANGUAGE, SPEAKER, TEXT, TIME
from minutes.ui.workers import FinalPassJob, Job, ModelProvider, TranscriptionJob, TranslationJob, start_in_thread

log = logging.getLogger(__name__)
LIVE_TAG_SECONDS = 10.0  # while recording with nothing selected, a tag covers what was said this long ago
MEDIA_PATTERNS = "*.wav *.mp3 *.m4a *.flac *.ogg *.opus *.aac *.wma *.mp4 *.mkv *.mov *.webm"
# A session's status as the sessions list's tooltip shows it ("transcribed" shows nothing).
STATUSES = {
    "new": QT_TRANSLATE_NOOP("MainWindow", "new"),
    "recording": QT_TRANSLATE_NOOP("MainWindow", "recording"),
    "recorded": QT_TRANSLATE_NOOP("MainWindow", "recorded"),
    "transcribing": QT_TRANSLATE_NOOP("MainWindow", "transcribing"),
    "cancelled": QT_TRANSLATE_NOOP("MainWindow", "cancelled"),
}


class _TextDelegate(QStyledItemDelegate):
    """Remembers the open line editor so Split can cut at its cursor."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor: QLineEdit | None = None
        self.editing_row = -1

    def createEditor(self, parent, option, index):  # noqa: ANN001, ANN201, N802 - Qt override
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            self.editor, self.editing_row = editor, index.row()
            editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.editor, self.editing_row = None, -1


class MainWindow(QMainWindow):
    """The window a rapporteur and the secretariat work in."""

    def __init__(self, models: ModelProvider | None = None) -> None:
        super().__init__()
        self.settings = Settings()
        self.models = models or ModelProvider()
        self.store: WorkshopStore | None = None
        self.editor: SessionEditor | None = None
        self.tagger: Tagger | None = None
        self.job: Job | None = None
        self.job_thread: QThread | None = None
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Ready"))
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    # -- construction --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.start_page = StartPage()
        self.start_page.set_recent(self.settings.recent_workshops())
        self.start_page.open_recent.connect(lambda path: self.open_workshop(path, create=False))
        self.start_page.new_requested.connect(self._create_workshop)
        self.start_page.open_requested.connect(self._choose_workshop)

        self.sessions = QListWidget()
        self.sessions.setObjectName("sessions")
        self.sessions.setWordWrap(True)
        self.sessions.setSpacing(2)
        self.sessions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sessions.currentItemChanged.connect(self._show_session)
        self.table = QTableView()
        self.table.setObjectName("transcript")
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.row_heights = VisibleRowHeights(self.table)
        self.text_delegate = _TextDelegate(self.table)
        self.table.setItemDelegateForColumn(TEXT, self.text_delegate)
        self.table.doubleClicked.connect(self._double_clicked)
        self.empty_label = QLabel(self.tr("Select a session, or add one with Session ▸ Import audio or video…"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.replace_all_requested.connect(self._replace_all)
        self.player = PlayerBar()
        self.player.position_changed.connect(self._follow_playback)

        transcript = QWidget()
        column = QVBoxLayout(transcript)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.player)
        column.addWidget(self.table, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sessions)
        self.splitter.addWidget(transcript)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([260, 940])
        state = self.settings.splitter()
        if state is not None:
            self.splitter.restoreState(state)

        self.speakers_panel = SpeakersPanel()
        self.speakers_panel.changed.connect(lambda: self.editor and self.editor.reload())
        self.speakers_dock = self._dock("speakers_dock", self.tr("Speakers"), self.speakers_panel)

        self.recorder_panel = RecorderPanel(self.models, self.settings)
        self.recorder_panel.recording_started.connect(self._recording_started)
        self.recorder_panel.segment_arrived.connect(self._live_segment)
        self.recorder_panel.recording_stopped.connect(self._recording_stopped)
        self.recorder_panel.error.connect(self.show_error)
        self.recorder_dock = self._dock("recorder_dock", self.tr("Recorder"), self.recorder_panel)
        self.strategies_panel = StrategiesPanel()
        self.strategies_panel.jump_requested.connect(self.jump_to)
        self.strategies_dock = self._dock("strategies_dock", self.tr("Key strategies"), self.strategies_panel)
        self.notes_panel = NotesPanel()
        self.notes_dock = self._dock("notes_dock", self.tr("Summary and recommendations"), self.notes_panel)
        self.splitDockWidget(self.recorder_dock, self.speakers_dock, Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.speakers_dock, self.strategies_dock)
        self.tabifyDockWidget(self.strategies_dock, self.notes_dock)
        self.speakers_dock.raise_()

        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this transcription; what is finished is kept"))
        self.cancel_button.clicked.connect(self.cancel_job)
        self.cancel_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_action = a(self.tr("&New workshop…"), self._create_workshop, QKeySequence.StandardKey.New,
                            self.tr("Create a workshop folder (*.minutes)"))
        self.open_action = a(self.tr("&Open workshop…"), self._choose_workshop, QKeySequence.StandardKey.Open,
                             self.tr("Open a workshop folder"))
        self.close_action = a(self.tr("&Close workshop"), self.close_workshop, QKeySequence.StandardKey.Close)
        self.quit_action = a(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.import_action = a(self.tr("&Import audio or video…"), self._import_media, "Ctrl+I",
                               self.tr("Add a session from a recording and transcribe it"))
        self.transcribe_action = a(self.tr("&Transcribe / resume"), self._transcribe_current, "Ctrl+T",
                                   self.tr("Transcribe the selected session from where it stopped"))
        self.cancel_action = a(self.tr("&Cancel transcription"), self.cancel_job, "Ctrl+.")
        self.split_action = a(self.tr("&Split at cursor"), self._split, "Ctrl+Return",
                              self.tr("Split the segment at the text cursor (or in the middle)"))
        self.merge_action = a(self.tr("&Merge with next"), self._merge, "Ctrl+M",
                              self.tr("Join the segment with the next one"))
        self.delete_action = a(self.tr("&Delete segment"), self._delete, QKeySequence.StandardKey.Delete)
        self.speaker_action = a(self.tr("Change s&peaker…"), self._change_speaker, "Ctrl+Shift+P",
                                self.tr("Give the selected segments to another speaker"))
        self.find_action = a(self.tr("&Find and replace…"), self.find_bar.open, QKeySequence.StandardKey.Find)
        self.play_action = a(self.tr("&Play / pause"), self.player.toggle, "Ctrl+Space")
        self.play_segment_action = a(self.tr("Play from &segment"), self._play_selected, "Ctrl+P",
                                     self.tr("Play the recording from the selected segment"))
        self.back_action = a(self.tr("&Back 5 s"), lambda: self.player.skip(-5), "Alt+Left")
        self.forward_action = a(self.tr("&Forward 5 s"), lambda: self.player.skip(5), "Alt+Right")
        self.slower_action = a(self.tr("S&lower"), lambda: self.player.change_rate(-1), "Ctrl+[")
        self.faster_action = a(self.tr("F&aster"), lambda: self.player.change_rate(1), "Ctrl+]")
        self.about_action = a(self.tr("&About Minutes"), self._about)
        self.export_minutes_action = a(self.tr("Export &minutes (Word)…"), self._export_minutes, "Ctrl+E",
                                       self.tr("Write formatted Word minutes of this session or of all sessions"))
        self.export_transcript_action = a(self.tr("Export &transcript…"), self._export_transcript, "Ctrl+Shift+E",
                                          self.tr("Write the transcript as text, subtitles (SRT, WebVTT) or JSON"))
        self.edit_workshop_action = a(self.tr("&Workshop details…"), self._edit_workshop, None,
                                      self.tr("Title, dates, venue, organiser, default language and script"))
        self.roster_action = a(self.tr("&Participants…"), self._edit_roster, "Ctrl+Shift+U",
                               self.tr("The workshop's participant roster (name, title, organisation, country)"))
        self.new_session_action = a(self.tr("&New agenda session…"), self._new_session, "Ctrl+Shift+N",
                                    self.tr("Add a session to the agenda (record or import its audio later)"))
        self.edit_session_action = a(self.tr("&Edit session…"), self._edit_session, None,
                                     self.tr("Title, date, time, room, chair, rapporteur, language and speakers"))
        self.delete_session_action = a(self.tr("&Delete session…"), self._delete_session, None,
                                       self.tr("Delete the session, its transcript and its recording"))
        self.translate_action = a(self.tr("Translate into En&glish"), self._translate_current, None,
                                  self.tr("Add an English translation to every non-English segment "
                                          "(made from the audio)"))
        self.preferences_action = a(self.tr("&Preferences…"), self._edit_preferences,
                                    QKeySequence.StandardKey.Preferences,
                                    self.tr("The speech model and the letterhead template of the minutes"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.glossary_action = a(self.tr("&Glossary…"), self._edit_glossary, None,
                                 self.tr("Names and terms that help the speech model spell them right"))
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self.editor and self.editor.undo_stack.undo())
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(lambda: self.editor and self.editor.undo_stack.redo())
        for action in (self.play_action, self.back_action, self.forward_action, self.slower_action,
                       self.faster_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menu = bar.addMenu(self.tr("&File"))
        menu.addActions([self.new_action, self.open_action, self.close_action])
        menu.addSeparator()
        menu.addActions([self.export_minutes_action, self.export_transcript_action])
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = bar.addMenu(self.tr("&Edit"))
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        menu.addActions([self.split_action, self.merge_action, self.delete_action, self.speaker_action])
        menu.addSeparator()
        menu.addAction(self.find_action)
        menu.addSeparator()
        menu.addAction(self.preferences_action)
        menu = bar.addMenu(self.tr("&Session"))
        menu.addActions([self.new_session_action, self.import_action, self.transcribe_action, self.cancel_action])
        menu.addSeparator()
        menu.addActions([self.translate_action, self.edit_session_action, self.delete_session_action])
        self.tag_menu = TagMenu(bar.addMenu(self.tr("&Tags")), self.tag_target, self)
        self.tag_menu.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.tag_menu.tags_changed.connect(self._tags_changed)
        menu = bar.addMenu(self.tr("&Workshop"))
        menu.addActions([self.edit_workshop_action, self.roster_action, self.glossary_action])
        menu = bar.addMenu(self.tr("&Playback"))
        menu.addActions([self.play_action, self.play_segment_action, self.back_action, self.forward_action,
                         self.slower_action, self.faster_action])
        menu = bar.addMenu(self.tr("&View"))
        for dock in (self.recorder_dock, self.speakers_dock, self.strategies_dock, self.notes_dock):
            menu.addAction(dock.toggleViewAction())
        menu.addSeparator()
        self._build_language_menu(menu.addMenu(self.tr("Interface &language")))
        menu = bar.addMenu(self.tr("&Help"))
        menu.addAction(self.about_action)

    # -- workshop ------------------------------------------------------------------------------

    def open_workshop(self, path: Path, *, create: bool) -> bool:
        """Open ``path`` (creating it if asked); shows a dialog and returns False on failure."""
        try:
            store = WorkshopStore.open(path, create=create)
        except MinutesError as exc:
            self.show_error(str(exc))
            return False
        self.close_workshop()
        self.store = store
        self.settings.add_recent_workshop(store.root)
        self._recover_recordings()
        self.recorder_panel.set_workshop(store)
        self.tag_menu.set_session(store, None)
        self.pages.setCurrentWidget(self.splitter)
        self._update_title()
        self.reload_sessions()
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=store.root), 5000)
        return True

    def _recover_recordings(self) -> None:
        from minutes.recording import recover_recordings

        try:
            recovered = recover_recordings(self.store)
        except (MinutesError, OSError) as exc:
            self.show_error(self.tr("An unfinished recording could not be repaired: {0}").format(exc))
            return
        for session, seconds in recovered:
            kept = (self.tr("{0} minutes were kept").format(f"{seconds / 60:.1f}") if seconds
                    else self.tr("no audio could be kept"))
            QMessageBox.information(self, self.tr("Recording recovered"),
                                    self.tr('The recording of "{0}" was interrupted (Minutes or the computer '
                                            "stopped). It has been repaired: {1}. Its live transcript is kept too.")
                                    .format(session.title, kept))

    def close_workshop(self) -> None:
        self.recorder_panel.set_workshop(None)  # stops a recording and keeps it; Transcribe finishes it later
        self.cancel_job(wait=True)
        self.player.load(None)
        self._set_editor(None)
        self.tag_menu.set_session(None, None)
        if self.store is not None:
            self.store.close()
            self.store = None
        self.sessions.clear()
        self.start_page.set_recent(self.settings.recent_workshops())
        self.pages.setCurrentWidget(self.start_page)
        self._update_title()
        self._update_actions()

    def reload_sessions(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.current_session_id()
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for session in self.store.sessions() if self.store else []:
            item = QListWidgetItem(session.title)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            parts = [session.date or self.tr("no date"), self.tr("{0} min").format(f"{session.duration / 60:.0f}")]
            if session.status != "transcribed":
                status = STATUSES.get(session.status)
                parts.append(QCoreApplication.translate("MainWindow", status) if status else session.status)
            item.setToolTip(" · ".join(parts))
            self.sessions.addItem(item)
        self.sessions.blockSignals(False)
        rows = [i for i in range(self.sessions.count())
                if self.sessions.item(i).data(Qt.ItemDataRole.UserRole) == current]
        self.sessions.setCurrentRow(rows[0] if rows else (0 if self.sessions.count() else -1))
        if not self.sessions.count():
            self._show_session(None)

    def current_session_id(self) -> int | None:
        item = self.sessions.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_session(self, item: QListWidgetItem | None) -> None:
        if item is None or self.store is None:
            self._set_editor(None)
            self.player.load(None)
            return
        session_id = item.data(Qt.ItemDataRole.UserRole)
        if self.editor is not None and self.editor.session_id == session_id:
            return
        self._set_editor(SessionEditor(self.store, session_id, self))
        self.player.load(self.store.audio_path(self.store.session(session_id)))

    def _set_editor(self, editor: SessionEditor | None) -> None:
        self.notes_panel.flush()
        if self.editor is not None:
            self.editor.undo_stack.canUndoChanged.disconnect(self._update_actions)
            self.editor.undo_stack.canRedoChanged.disconnect(self._update_actions)
            self.editor.close()
        if self.tagger is not None:
            self.tagger.deleteLater()
        self.editor = editor
        self.tagger = Tagger(self.store, editor.undo_stack, self) if editor is not None else None
        if self.tagger is not None:
            self.tagger.changed.connect(self._annotations_changed)
        store, session_id = (self.store, editor.session_id) if editor is not None else (None, None)
        self.table.setModel(editor.model if editor else None)
        self.row_heights.set_model(editor.model if editor else None)
        self.speakers_panel.show_session(store, session_id)
        self.strategies_panel.show_session(store, session_id, self.tagger)
        self.notes_panel.show_session(store, session_id)
        self.tag_menu.set_session(self.store, self.tagger)
        self._annotations_changed(session_id)
        if editor is not None:
            header = self.table.horizontalHeader()
            for column in (TIME, SPEAKER, LANGUAGE):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
            editor.undo_stack.canUndoChanged.connect(self._update_actions)
            editor.undo_stack.canRedoChanged.connect(self._update_actions)
            editor.undo_stack.indexChanged.connect(self._update_undo_texts)
        self._update_actions()

    def _update_title(self) -> None:
        name = self.store.workshop().title if self.store else ""
        self.setWindowTitle(self.tr("Minutes — {name}").format(name=name) if name else "Minutes")

    def _update_actions(self) -> None:
        has_store, has_session = self.store is not None, self.editor is not None
        busy = self.job is not None
        for action in (self.close_action, self.import_action, self.export_minutes_action,
                       self.edit_workshop_action, self.roster_action, self.new_session_action):
            action.setEnabled(has_store)
        for action in (self.export_transcript_action, self.edit_session_action):
            action.setEnabled(has_session)
        self.glossary_action.setEnabled(has_store)
        recording = self.recorder_panel.is_recording()
        self.delete_session_action.setEnabled(has_session and not busy and not recording)
        self.translate_action.setEnabled(has_session and not busy)
        for action in (self.split_action, self.merge_action, self.delete_action, self.speaker_action,
                       self.find_action, self.play_action, self.play_segment_action, self.back_action,
                       self.forward_action, self.slower_action, self.faster_action):
            action.setEnabled(has_session)
        self.transcribe_action.setEnabled(has_session and not busy)
        self.import_action.setEnabled(has_store and not busy)
        self.cancel_action.setEnabled(busy)
        self.undo_action.setEnabled(bool(self.editor and self.editor.undo_stack.canUndo()))
        self.redo_action.setEnabled(bool(self.editor and self.editor.undo_stack.canRedo()))
        self._update_undo_texts()

    def _update_undo_texts(self) -> None:
        stack = self.editor.undo_stack if self.editor else None
        undo, redo = (stack.undoText(), stack.redoText()) if stack else ("", "")
        self.undo_action.setText(self.tr("&Undo {action}").format(action=undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {action}").format(action=redo) if redo else self.tr("&Redo"))

    def _choose_workshop(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open workshop"))
        if folder:
            self.open_workshop(Path(folder), create=False)

    def _create_workshop(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New workshop"), "Workshop.minutes",
                                              self.tr("Workshops (*.minutes)"))
        if name:
            path = Path(name)
            self.open_workshop(path if path.suffix == ".minutes" else path.with_suffix(".minutes"), create=True)

    # -- transcription -------------------------------------------------------------------------

    def _import_media(self) -> None:
        media_filter = self.tr("Audio and video") + f" ({MEDIA_PATTERNS});;" + self.tr("All files") + " (*)"
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a recording"), "", media_filter)
        if name:
            path = Path(name)
            title, ok = QInputDialog.getText(self, self.tr("New session"), self.tr("Session title:"), text=path.stem)
            if ok and title.strip():
                self.import_media(path, title.strip())

    def import_media(self, path: Path, title: str, *, language: str | None = None) -> None:
        """Add a session from ``path`` and transcribe it in the background."""
        if self.store is None or self.job is not None:
            return
        if self.store.find_session(title) is not None:
            self.show_error(self.tr('A session titled "{title}" already exists. Choose another title.')
                            .format(title=title))
            return
        self._start_job(TranscriptionJob(self.store, self.models, media=path, title=title,
                                         model_spec=self.settings.model(), options=self._options(language),
                                         speakers=SpeakerCount()))

    def _transcribe_current(self) -> None:
        session_id = self.current_session_id()
        if self.store is None or session_id is None or self.job is not None:
            return
        if self._is_live(session_id):
            self.statusBar().showMessage(
                self.tr("This session is being recorded; it is transcribed in full after Stop"), 5000)
            return
        session = self.store.session(session_id)
        language = None if session.language == "auto" else session.language
        if any(s.provisional for s in self.store.segments(session_id)):
            # A recording with its live transcript: the final pass replaces the provisional text.
            self._start_job(FinalPassJob(self.store, self.models, session_id, model_spec=self.settings.model(),
                                         options=self._options(language), speakers=SpeakerCount()))
            return
        self._start_job(TranscriptionJob(self.store, self.models, session_id=session_id,
                                         model_spec=self.settings.model(), options=self._options(language),
                                         speakers=SpeakerCount()))

    def _translate_current(self) -> None:
        session_id = self.current_session_id()
        if self.store is not None and session_id is not None and self.job is None:
            self._start_job(TranslationJob(self.store, self.models, session_id, model_spec=self.settings.model()))

    def _options(self, language: str | None) -> TranscribeOptions:
        workshop = self.store.workshop()
        chosen = language or workshop.language
        # Stored languages are codes the dialogs or the command line already checked; not normalising them
        # here keeps faster-whisper's first import (150 ms) off the GUI thread: the job imports it.
        return TranscribeOptions(language=None if chosen in ("", "auto") else chosen,
                                 script=default_script(workshop.script))

    def _start_job(self, job: Job) -> None:
        self.job = job
        job.progress.connect(self._job_progress)
        if isinstance(job, TranscriptionJob):
            job.session_created.connect(lambda sid: self.reload_sessions(select_id=sid))
            job.segments_ready.connect(self._segments_arrived)
        job.finished.connect(self._job_finished)
        job.failed.connect(self._job_failed)
        job.cancelled.connect(self._job_cancelled)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.job_thread = start_in_thread(job, self)
        self._update_actions()

    def _job_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.statusBar().showMessage(f"{message} {fraction:.0%}")

    def _segments_arrived(self, segments) -> None:  # noqa: ANN001
        if self.editor is not None and segments and self.editor.session_id == self.current_session_id():
            self.editor.add_arrived(segments)

    def _job_done(self) -> None:
        self.job = None
        self.job_thread = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_actions()

    def _job_finished(self, result: object) -> None:
        job = self.job
        self._job_done()
        session_id = job.session_id
        if isinstance(job, TranslationJob):
            self.statusBar().showMessage(self.tr("{0} segment(s) translated into English").format(result), 8000)
        else:
            self.statusBar().showMessage(self.tr("Transcription finished"), 5000)
        if self.editor is not None and self.editor.session_id == session_id:
            self.editor.reload()
            self.speakers_panel.refresh()
        self.reload_sessions(select_id=session_id)

    def _job_failed(self, message: str) -> None:
        self._job_done()
        self.reload_sessions()
        self.show_error(message)

    def _job_cancelled(self) -> None:
        job = self.job
        self._job_done()
        self.reload_sessions()
        if isinstance(job, TranslationJob):
            if self.editor is not None:
                self.editor.reload()
            self.statusBar().showMessage(self.tr("Translation cancelled; the translated segments are kept"), 8000)
        else:
            self.statusBar().showMessage(
                self.tr("Transcription cancelled; the finished part is kept (Ctrl+T resumes)"), 8000)

    def cancel_job(self, *, wait: bool = False) -> None:
        if self.job is None:
            return
        self.job.cancel()
        if wait and self.job_thread is not None:
            self.job_thread.quit()
            self.job_thread.wait(30_000)
            self._job_done()

    # -- recording -----------------------------------------------------------------------------

    def _is_live(self, session_id: int | None) -> bool:
        recorder = self.recorder_panel.session_recorder
        return recorder is not None and session_id is not None and recorder.session.id == session_id

    def _recording_started(self, session_id: int) -> None:
        self.reload_sessions(select_id=session_id)
        self._update_actions()

    def _live_segment(self, segment) -> None:  # noqa: ANN001 - minutes.domain.Segment
        if self.editor is not None and self._is_live(self.editor.session_id):
            self.editor.add_arrived([segment])
            if self.text_delegate.editor is None:
                self.table.scrollToBottom()

    def _recording_stopped(self, session_id: int) -> None:
        self.reload_sessions(select_id=session_id)
        if self.editor is not None and self.editor.session_id == session_id:
            self.editor.reload()
            self.player.load(self.store.audio_path(self.store.session(session_id)))
        if self.job is None:
            self._transcribe_current()
        else:
            self.statusBar().showMessage(
                self.tr("Recording kept; transcribe it in full with Session ▸ Transcribe / resume"), 8000)
        self._update_actions()

    # -- tags, key strategies and notes ----------------------------------------------------------

    def tag_target(self) -> Target | None:
        """What a tag applies to: the selected text being edited, else the selected segments, else (while
        recording) what was said in the last few seconds."""
        from minutes.editing import time_span

        if self.editor is None:
            return None
        session_id = self.editor.session_id
        delegate = self.text_delegate
        if delegate.editor is not None and delegate.editing_row >= 0 and delegate.editor.hasSelectedText():
            segment = self.editor.model.segment(delegate.editing_row)
            first = delegate.editor.selectionStart()
            last = first + len(delegate.editor.selectedText())
            start, end = time_span(segment, first, last)
            return Target(session_id, start, end, delegate.editor.selectedText())
        rows = self._selected_rows() or ([self._current_row()] if self._current_row() >= 0 else [])
        if rows:
            segments = [self.editor.model.segment(r) for r in rows]
            return Target(session_id, min(s.start for s in segments), max(s.end for s in segments),
                          " ".join(s.text for s in segments))
        if self._is_live(session_id):
            now = self.recorder_panel.session_recorder.recorder.elapsed
            count = self.editor.model.rowCount()
            last = self.editor.model.segment(count - 1) if count else None
            recent = last is not None and now - last.start < 2 * LIVE_TAG_SECONDS
            start = last.start if recent else now - LIVE_TAG_SECONDS
            return Target(session_id, max(0.0, start), now, last.text if last is not None else "")
        return None

    def _annotations_changed(self, session_id: int | None) -> None:
        if self.editor is not None and self.editor.session_id == session_id:
            self.editor.model.set_annotations(self.store.annotations(session_id),
                                              {t.id: t for t in self.store.tags()})

    def _tags_changed(self) -> None:
        if self.editor is not None:
            self._annotations_changed(self.editor.session_id)
        self.strategies_panel.refresh()

    def jump_to(self, seconds: float) -> None:
        """Show the segment spoken at ``seconds`` and put the player there."""
        if self.editor is None:
            return
        row = self.editor.model.row_at(seconds)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.editor.model.index(row, TEXT), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.player.seek(seconds)

    def _edit_preferences(self) -> None:
        from minutes.ui.dialogs.preferences_dialog import PreferencesDialog

        if PreferencesDialog.ask(self.settings, self):
            self.statusBar().showMessage(self.tr("Preferences saved; the next transcription uses them"), 5000)

    def _edit_glossary(self) -> None:
        from minutes.ui.dialogs.glossary_dialog import GlossaryDialog

        if self.store is not None:
            GlossaryDialog.ask(self.store, self)

    def _build_language_menu(self, menu) -> None:  # noqa: ANN001 - QMenu
        from PySide6.QtGui import QActionGroup

        from minutes.ui.i18n import LANGUAGES

        group = QActionGroup(self)
        current = self.settings.language()
        for code, name in LANGUAGES.items():
            action = menu.addAction(name if code != "system" else self.tr("System language"))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)

    def _language_chosen(self, action: QAction) -> None:
        self.settings.set_language(action.data())
        QMessageBox.information(self, self.tr("Interface language"),
                                self.tr("Minutes will use {0} the next time it starts. Word minutes are labelled "
                                        "in this language unless you choose otherwise when exporting.")
                                .format(action.text()))

    # -- editing -------------------------------------------------------------------------------

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()}) if self.editor else []

    def _current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _split(self) -> None:
        if self.editor is None:
            return
        delegate = self.text_delegate
        if delegate.editor is not None and delegate.editing_row >= 0:
            row, text, position = delegate.editing_row, delegate.editor.text(), delegate.editor.cursorPosition()
            self.table.closePersistentEditor(self.table.model().index(row, TEXT))
            delegate.editor.blockSignals(True)
            self.table.setFocus()
        else:
            row = self._current_row()
            if row < 0:
                return
            text = None
            position = len(self.editor.model.segment(row).text) // 2
        if not self.editor.split(row, position, text):
            self.statusBar().showMessage(self.tr("Put the cursor inside the text to split there"), 5000)

    def _merge(self) -> None:
        row = self._current_row()
        if self.editor is not None and row >= 0 and not self.editor.merge_with_next(row):
            self.statusBar().showMessage(self.tr("The last segment has no next one to merge with"), 5000)

    def _delete(self) -> None:
        if self.editor is not None:
            self.editor.delete(self._selected_rows() or [self._current_row()])

    def _change_speaker(self) -> None:
        if self.editor is None or self.store is None:
            return
        rows = self._selected_rows() or [self._current_row()]
        rows = [r for r in rows if r >= 0]
        if not rows:
            return
        names = self.store.speaker_names(self.editor.session_id)
        new_speaker = self.tr("New speaker")
        choices = [*names.values(), new_speaker]
        choice, ok = QInputDialog.getItem(self, self.tr("Change speaker"), self.tr("Speaker of the selected segments:"),
                                          choices, editable=False)
        if not ok:
            return
        if choice == new_speaker:
            from minutes.domain import Speaker
            from minutes.store.voices import speaker_label

            speaker_id = self.store.add_speaker(self.editor.session_id, Speaker(speaker_label(len(names)))).id
            self.editor.refresh_names()
        else:
            speaker_id = next(k for k, v in names.items() if v == choice)
        self.editor.set_speaker(rows, speaker_id)

    def _find(self, needle: str, match_case: bool, whole_words: bool, backwards: bool) -> None:
        if self.editor is None:
            return
        row = self.editor.find(needle, self._current_row(), match_case=match_case, whole_words=whole_words,
                               backwards=backwards)
        if row < 0:
            self.find_bar.show_result(self.tr("Not found"))
            return
        self.find_bar.show_result("")
        self.table.selectRow(row)
        self.table.scrollTo(self.table.model().index(row, TEXT))

    def _replace_all(self, needle: str, replacement: str, match_case: bool, whole_words: bool) -> None:
        if self.editor is not None:
            count = self.editor.replace_all(needle, replacement, match_case=match_case, whole_words=whole_words)
            self.find_bar.show_result(self.tr("{count} segment(s) changed").format(count=count))

    # -- playback ------------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (TIME, SPEAKER, LANGUAGE):
            self.play_row(index.row())

    def _play_selected(self) -> None:
        row = self._current_row()
        if row >= 0:
            self.play_row(row)

    def play_row(self, row: int) -> None:
        if self.editor is not None:
            self.player.play_from(self.editor.model.segment(row).start)

    def _follow_playback(self, seconds: float) -> None:
        if self.editor is None:
            return
        row = self.editor.model.row_at(seconds)
        self.editor.model.set_playing_row(row)
        if row >= 0 and self.text_delegate.editor is None:
            self.table.scrollTo(self.editor.model.index(row, TEXT))

    # -- workshop, agenda and exports ---------------------------------------------------------------

    def _edit_workshop(self) -> None:
        from minutes.ui.dialogs import WorkshopDialog

        if self.store is not None and WorkshopDialog.ask(self.store, self) is not None:
            self._update_title()

    def _edit_roster(self) -> None:
        from minutes.ui.dialogs import RosterDialog

        if self.store is not None and RosterDialog.ask(self.store, self):
            self.speakers_panel.refresh()
            if self.editor is not None:
                self.editor.refresh_names()

    def _new_session(self) -> None:
        from minutes.ui.dialogs import SessionDialog

        if self.store is not None:
            session_id = SessionDialog.ask(self.store, None, self)
            if session_id is not None:
                self.reload_sessions(select_id=session_id)

    def _edit_session(self) -> None:
        from minutes.ui.dialogs import SessionDialog

        session_id = self.current_session_id()
        if self.store is not None and session_id is not None and SessionDialog.ask(self.store, session_id, self):
            self.reload_sessions(select_id=session_id)

    def _delete_session(self) -> None:
        session_id = self.current_session_id()
        if self.store is None or session_id is None:
            return
        session = self.store.session(session_id)
        answer = QMessageBox.question(self, self.tr("Delete session"),
                                      self.tr('Delete "{0}" with its transcript, tags and recording? '
                                              "This cannot be undone.").format(session.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        audio = self.store.audio_path(session)
        self.player.load(None)
        self._set_editor(None)
        self.store.delete_session(session_id)
        if audio is not None:
            audio.unlink(missing_ok=True)
        self.reload_sessions()

    def _export_minutes(self) -> None:
        from minutes.export.docx_minutes import default_output, write_minutes
        from minutes.ui.export_dialog import ExportDialog

        if self.store is None:
            return
        choice = ExportDialog.ask(self, has_session=self.current_session_id() is not None)
        if choice is None:
            return
        ids = [s.id for s in self.store.sessions()] if choice.all_sessions else [self.current_session_id()]
        if not ids:
            self.show_error(self.tr("The workshop has no sessions to export yet."))
            return
        suggested = default_output(self.store, ids, combined=choice.combined)
        if choice.combined:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export minutes"), str(suggested),
                                                  self.tr("Word documents (*.docx)"))
        else:
            name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the minutes"), str(suggested))
        if not name:
            return
        target = Path(name)
        if choice.combined and target.suffix.lower() != ".docx":
            target = target.with_suffix(".docx")
        try:
            written = write_minutes(self.store, ids, target, choice.options, combined=choice.combined)
        except MinutesError as exc:
            self.show_error(str(exc))
            return
        self.statusBar().showMessage(self.tr("Minutes written: {0}").format(", ".join(p.name for p in written)),
                                     8000)

    def _export_transcript(self) -> None:
        from minutes.export.transcript_files import render_session
        from minutes.fileio import atomic_write_text

        session_id = self.current_session_id()
        if self.store is None or session_id is None:
            return
        session = self.store.session(session_id)
        filters = {self.tr("Text (*.txt)"): "txt", self.tr("SubRip subtitles (*.srt)"): "srt",
                   self.tr("WebVTT subtitles (*.vtt)"): "vtt", self.tr("Minutes JSON (*.json)"): "json"}
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Export transcript"),
                                                   str(self.store.exports_dir / f"{session.title}.txt"),
                                                   ";;".join(filters))
        if not name:
            return
        fmt = filters.get(chosen) or Path(name).suffix.lstrip(".").lower()
        if fmt not in filters.values():
            fmt = "txt"
        target = Path(name) if Path(name).suffix else Path(name).with_suffix(f".{fmt}")
        try:
            atomic_write_text(target, render_session(self.store, session, fmt))
        except MinutesError as exc:
            self.show_error(str(exc))
            return
        self.statusBar().showMessage(self.tr("Transcript written to {0}").format(target), 8000)

    # -- misc ----------------------------------------------------------------------------------

    def _about(self) -> None:
        from faster_whisper import __version__ as whisper_version
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        model = self.models.display_name or self.settings.model()
        QMessageBox.about(self, self.tr("About Minutes"),
                          f"<b>Minutes {__version__}</b><br>"
                          + self.tr("Transcripts and minutes of workshop sessions, offline.")
                          + f"<br><br>Qt {qVersion()} · Qt for Python {pyside_version}"
                          f"<br>faster-whisper {whisper_version}<br>"
                          + self.tr("Speech model: {model}").format(model=model))

    def show_error(self, message: str) -> None:
        log.warning("shown to the user: %s", message)
        QMessageBox.warning(self, "Minutes", message)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_splitter(self.splitter.saveState())
        self.settings.set_window_state(self.saveState())
        self.close_workshop()
        super().closeEvent(event)
