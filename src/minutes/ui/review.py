"""Review mode: check a transcript against its audio by going from one doubtful place to the next.

F8 / Shift+F8 select the next / previous doubtful place of an unchecked segment and play from a second before
it; the place's words wait in the correction field, so typing corrects them (their timing is kept) and Enter
accepts the segment, which marks it checked, and goes on to the next place. A correction that occurs elsewhere
in the session is offered for every occurrence and for the glossary. Every change goes through the session's
undo stack. The :class:`Review` controller also keeps the doubt shading, the speaker colours, the checked share
and the timeline strip of the transcript view up to date.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)

from minutes.audio.source import FileSource
from minutes.domain import Segment, SessionStatus
from minutes.doubt import Place, doubtful_places, next_place, previous_place, speech_spans, untranscribed
from minutes.operations import checking
from minutes.operations.changes import OpChanges
from minutes.text.chinese import has_han
from minutes.ui.speaker_colors import speaker_colors
from minutes.ui.timeline import TimelineStrip
from minutes.ui.transcript_model import TEXT
from minutes.ui.undo import Record
from minutes.ui.workers import Job

PREROLL_SECONDS = 1.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
# Why a whole segment is doubtful, as the review bar says it.
FLAG_NAMES = {
    "repeat": QT_TRANSLATE_NOOP("Review", "repeated line removed"),
    "phantom": QT_TRANSLATE_NOOP("Review", "invented phrase removed"),
    "loop": QT_TRANSLATE_NOOP("Review", "loop collapsed"),
    "overlap": QT_TRANSLATE_NOOP("Review", "overlapping speech"),
    "language_switch": QT_TRANSLATE_NOOP("Review", "language switch"),
    "proposed_speaker": QT_TRANSLATE_NOOP("Review", "speaker not confirmed"),
    "no_text": QT_TRANSLATE_NOOP("Review", "speech without text"),
}
THRESHOLD_MENU = QT_TRANSLATE_NOOP("MainWindow", "Doubtful &below")
# Answers to "correct everywhere?"
ONLY_HERE, EVERYWHERE, EVERYWHERE_AND_GLOSSARY = range(3)


def flag_text(flags: tuple[str, ...] | list[str]) -> str:
    """The flags in words of the interface language."""
    return ", ".join(QCoreApplication.translate("Review", FLAG_NAMES[f]) for f in flags if f in FLAG_NAMES)


class SpeechJob(Job):
    """Finds where a recording holds speech (Silero VAD), a window at a time; finishes with the spans."""

    heard = Signal(object, object)  # the recording's path, its speech spans
    what = QT_TRANSLATE_NOOP("Job", "find the speech in the recording")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def work(self) -> object:
        spans = speech_spans(FileSource(self.path), cancelled=self.is_cancelled)
        self.heard.emit(self.path, spans)
        return spans


class ReviewBar(QWidget):
    """Under the player in review mode: where the reviewer is, the correction field, the checked share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_bar")
        self.previous_button = QToolButton(text="◀")
        self.previous_button.setToolTip(self.tr("Previous doubtful place (Shift+F8)"))
        self.next_button = QToolButton(text="▶")
        self.next_button.setToolTip(self.tr("Next doubtful place (F8)"))
        self.place_label = QLabel()
        self.place_label.setObjectName("review_place")
        self.correction = QLineEdit()
        self.correction.setObjectName("correction")
        self.correction.setPlaceholderText(self.tr("F8: next doubtful place"))
        self.correction.setToolTip(self.tr("The doubtful words of this place: type over them to correct them "
                                           "(their timing is kept). Enter accepts the segment; Esc goes back."))
        self.accept_button = QToolButton(text=self.tr("Accept ✓"))
        self.accept_button.setToolTip(self.tr("Mark the segment checked and go to the next doubtful place (Enter)"))
        self.progress = QProgressBar()
        self.progress.setObjectName("checked_share")
        self.progress.setRange(0, 1000)
        self.progress.setMinimumWidth(150)
        self.progress.setMaximumWidth(220)
        self.left_label = QLabel()
        self.left_label.setObjectName("places_left")
        self.progress.setToolTip(self.tr("Share of the session's speech checked against the audio"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.previous_button, self.next_button, self.place_label, self.correction,
                       self.accept_button, self.left_label, self.progress):
            layout.addWidget(widget)
        layout.setStretch(3, 1)

    def show_share(self, share: float, places_left: int) -> None:
        self.progress.setValue(int(share * 1000))
        self.progress.setFormat(self.tr("{0} checked").format(f"{share:.0%}"))
        self.left_label.setText(self.tr("{0} left").format(places_left))


class Review(QObject):
    """Doubt, colours, timeline and review mode of one :class:`~minutes.ui.transcript_view.TranscriptView`.

    ``record(result, text)`` keeps a workshop change (a term added to the glossary) as the window's undo step.

    Signals:
        mode_changed(bool): review mode was switched on or off.
    """

    mode_changed = Signal(bool)

    def __init__(self, view, record: Record, threshold: float) -> None:  # noqa: ANN001
        super().__init__(view)
        self.view = view
        self.record = record
        self.active = False
        self.place: Place | None = None
        self._places: list[Place] | None = None
        self._unconfirmed: set[int] = set()
        self._colors: dict[int, QColor] = {}
        self._speech: list[tuple[float, float]] = []  # where the recording holds speech, once found
        self._heard: dict[Path, list[tuple[float, float]]] = {}
        self._listening: tuple[SpeechJob, QThread] | None = None
        # Each thread with its job: the job has no parent, so this reference is what keeps it alive while it runs.
        self._threads: list[tuple[QThread, SpeechJob]] = []
        self.delegate = view.text_delegate
        self.delegate.threshold = threshold
        self.bar = ReviewBar()
        self.bar.hide()
        self.timeline = TimelineStrip()
        self.timeline.seek_requested.connect(view.jump_to)
        layout = view.layout()
        layout.insertWidget(layout.indexOf(view.player) + 1, self.timeline)
        layout.insertWidget(layout.indexOf(view.player) + 2, self.bar)
        view.player.position_changed.connect(self.timeline.set_position)
        view.player.duration_known.connect(self.timeline.set_duration)
        self.bar.next_button.clicked.connect(self.next)
        self.bar.previous_button.clicked.connect(self.previous)
        self.bar.accept_button.clicked.connect(self.accept)
        self.bar.correction.returnPressed.connect(self.accept)
        self.bar.correction.installEventFilter(self)
        view.table.installEventFilter(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)  # once per batch of model changes
        self._refresh_timer.timeout.connect(self.refresh)
        self._model = None

    # -- the session shown ---------------------------------------------------------------------

    @property
    def editor(self):  # noqa: ANN201 - SessionEditor | None
        return self.view.editor

    def set_editor(self, editor) -> None:  # noqa: ANN001 - SessionEditor | None
        """Follow the session the view now shows (call after the view's own ``set_editor``)."""
        if self._model is not None:
            for signal in (self._model.rowsInserted, self._model.rowsRemoved, self._model.modelReset):
                signal.disconnect(self.schedule)
        self._model = editor.model if editor is not None else None
        if self._model is not None:
            for signal in (self._model.rowsInserted, self._model.rowsRemoved, self._model.modelReset):
                signal.connect(self.schedule)
        self.place = None
        self._speech = []
        self._speakers_changed()
        if editor is not None:
            session = editor.store.session(editor.session_id)
            self.timeline.set_duration(max(session.duration, session.transcribed_until))
            self._annotations_changed()
            self._listen_when_transcribed()
        else:
            self.timeline.set_duration(0.0)
            self._listen(None)
        self.refresh()

    def _listen_when_transcribed(self) -> None:
        """Look for speech without text once the transcription is complete (not while it runs: it would slow
        it down, and every stretch not yet reached would count)."""
        editor = self.editor
        if editor is None or self._listening is not None or self._speech:
            return
        session = editor.store.session(editor.session_id)
        if session.status == SessionStatus.TRANSCRIBED:
            self._listen(editor.store.audio_path(session))

    def _listen(self, path: Path | None) -> None:
        """Find the speech of the recording in the background, for the places where it has no text."""
        if self._listening is not None:
            self._listening[0].cancel()
            self._listening = None
        if path is None or not path.is_file():
            return
        if path in self._heard:
            self._speech = self._heard[path]
            return
        job = SpeechJob(path)
        job.heard.connect(self._heard_speech)
        # A thread kept until the window closes (not deleted when done), so closing can wait for it.
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        for outcome in (job.finished, job.failed, job.cancelled):
            outcome.connect(thread.quit)
        self._threads = [(t, j) for t, j in self._threads if t.isRunning()]
        self._threads.append((thread, job))
        self._listening = (job, thread)
        thread.start()

    def _heard_speech(self, path: Path, spans: list[tuple[float, float]]) -> None:
        self._heard[path] = spans
        if self._listening is not None and path == self._listening[0].path:
            self._listening = None
            self._speech = spans
            self.schedule()

    def stop(self) -> None:
        """Stop finding speech and wait for it to end (the window is closing)."""
        self._listen(None)
        for thread, _job in list(self._threads):
            # quit() directly: the queued quit from the job's outcome signal cannot run while this thread waits.
            thread.quit()
            thread.wait()

    def on_operation_did_execute(self, changes: OpChanges, _origin: object = None) -> None:
        editor = self.editor
        if editor is None or changes.session_id not in (None, editor.session_id):
            return
        if changes.speakers or changes.participants:
            self._speakers_changed()
        if changes.annotations or changes.tags:
            self._annotations_changed()
        if changes.sessions or changes.segments:
            self._listen_when_transcribed()
        self.schedule()

    def _speakers_changed(self) -> None:
        editor = self.editor
        if editor is None:
            self._unconfirmed, colors = set(), {}
        else:
            self._unconfirmed = set(editor.store.proposals(editor.session_id))
            colors = speaker_colors(s.id for s in editor.store.speakers(editor.session_id))
            editor.model.set_speaker_colors(colors)
        self.delegate.unconfirmed = self._unconfirmed
        self.delegate.speaker_color = colors.get
        self._colors = colors
        self.schedule()

    def _annotations_changed(self) -> None:
        editor = self.editor
        tags = {t.id: t for t in editor.store.tags()}
        self.timeline.set_tags(
            (a.start, a.end, QColor("#b71c1c") if a.confidential else QColor(tags[a.tag_ids[0]].color))
            for a in editor.store.annotations(editor.session_id) if a.confidential or a.tag_ids and
            a.tag_ids[0] in tags)

    def schedule(self, *_args: object) -> None:
        self._places = None
        self._refresh_timer.start()

    def refresh(self) -> None:
        """Show the checked share, the places left and the timeline for the session as it is now."""
        segments = self._model.segments() if self._model is not None else []
        places = self.places()
        self.bar.show_share(checking.checked_share(segments), len(places))
        self.timeline.set_speech((s.start, s.end, self._colors.get(s.speaker_id), s.checked) for s in segments)
        self.timeline.set_doubts((p.start, p.end) for p in places)
        self.view.table.viewport().update()

    def places(self) -> list[Place]:
        """The doubtful places of the unchecked segments, in time order."""
        if self._places is None:
            every = self._model.segments() if self._model is not None else []
            places = doubtful_places([s for s in every if not s.checked], self.delegate.threshold, self._unconfirmed)
            places += untranscribed(self._speech, every)
            self._places = sorted(places, key=lambda p: (p.start, p.end))
        return self._places

    # -- settings ------------------------------------------------------------------------------

    @property
    def threshold(self) -> float:
        return self.delegate.threshold

    def set_threshold(self, threshold: float) -> None:
        self.delegate.threshold = threshold
        self.schedule()

    def set_active(self, active: bool) -> None:
        if active == self.active:
            return
        self.active = active
        self.bar.setVisible(active)
        if not active:
            self.place = None
            self._show_place()
        self.mode_changed.emit(active)

    # -- moving between places -----------------------------------------------------------------

    def next(self) -> None:
        self._go(next_place(self.places(), self._anchor()))

    def previous(self) -> None:
        self._go(previous_place(self.places(), self._anchor(before=True)))

    def _anchor(self, before: bool = False) -> float:
        """Where the reviewer is: the place gone to last, else the selected segment, else the playhead."""
        if self.place is not None:
            return self.place.start
        row = self.view.current_row()
        if row >= 0 and self._model is not None:
            segment = self._model.segment(row)
            return segment.start if before else segment.start - 1e-3
        return self.view.player.seconds() if before else -1.0

    def _go(self, place: Place | None) -> None:
        self.set_active(True)
        if place is None:
            self.view.message.emit(self.tr("No more doubtful places in this direction"))
            return
        self.place = place
        if place.segment_id is not None:
            row = self._model.row_of(place.segment_id)
        else:  # speech without text: the segment before it, where the reviewer may type what was said
            row = max((r for r, s in enumerate(self._model.segments()) if s.start <= place.start), default=0)
        if row >= 0:
            self.view.table.selectRow(row)
            self.view.table.scrollTo(self._model.index(row, TEXT), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.player.play_from(max(0.0, place.start - PREROLL_SECONDS))
        self._show_place()

    def _segment(self) -> Segment | None:
        if self.place is None or self._model is None:
            return None
        row = self._model.row_of(self.place.segment_id)
        return self._model.segment(row) if row >= 0 else None

    def _words(self) -> str:
        segment = self._segment()
        if segment is None or self.place is None or self.place.last <= self.place.first:
            return ""
        return checking.words_text(segment, self.place.first, self.place.last)

    def _show_place(self) -> None:
        words = self._words()
        self.bar.correction.setText(words)
        self.bar.correction.setEnabled(bool(words))
        if self.place is None:
            self.bar.place_label.setText("")
        elif self.place.flags:
            self.bar.place_label.setText(flag_text(self.place.flags))
        else:
            self.bar.place_label.setText(self.tr("Doubtful:"))
        if words:
            self.bar.correction.selectAll()

    # -- checking and correcting ---------------------------------------------------------------

    def accept(self) -> None:
        """Correct the place's words if they were retyped, mark the segment checked, go to the next place."""
        editor = self.editor
        segment = self._segment() if self.active else None
        if segment is None and not (self.active and self.place is not None):
            rows = self.view.selected_rows() or [self.view.current_row()]
            segments = [self._model.segment(r) for r in rows if r >= 0] if self._model is not None else []
            if editor is not None and segments:
                editor.apply(checking.marked(segments), self.tr("Mark checked"))
            return
        if self.place is not None and self.place.segment_id is None:
            self.next()  # speech without text: nothing to mark; the reviewer typed it into a segment
            return
        wrong, right = self._words(), self.bar.correction.text().strip()
        if right and wrong and right != wrong:
            segment = self.correct(segment, wrong, right)
        editor.apply(checking.marked([segment]), self.tr("Mark checked"))
        self.next()

    def correct(self, segment: Segment, wrong: str, right: str) -> Segment:
        """Replace the place's words by ``right``, then offer the same correction everywhere; returns the
        corrected segment."""
        editor = self.editor
        fixed = checking.correct_words(segment, self.place.first, self.place.last, right)
        editor.apply([(segment, fixed)], self.tr("Correct “{0}”").format(wrong))
        wrong, right = checking.core(wrong, right)
        if not wrong or not right:
            return fixed
        others = checking.corrected_everywhere(editor.model.segments(), wrong, right, skip=[segment.id])
        in_glossary = right in editor.store.glossary()
        looks_like_a_name = right[:1].isupper() or has_han(right)
        if others or (looks_like_a_name and not in_glossary):
            answer = self.ask_everywhere(self.view, wrong, right, len(others), in_glossary)
            if answer in (EVERYWHERE, EVERYWHERE_AND_GLOSSARY) and others:
                editor.apply(others, self.tr("Correct “{0}” everywhere ({1})").format(wrong, len(others)))
            if answer == EVERYWHERE_AND_GLOSSARY:
                self.record(checking.add_to_glossary(editor.store, right),
                            self.tr("Add “{0}” to the glossary").format(right))
        return next(s for s in editor.model.segments() if s.id == fixed.id)

    @staticmethod
    def ask_everywhere(parent: QWidget, wrong: str, right: str, count: int, in_glossary: bool) -> int:
        """Ask whether to correct the other occurrences and teach the glossary (tests answer it)."""
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("Review", "Correct everywhere"))
        if count:
            box.setText(QCoreApplication.translate(
                "Review", "“{0}” also occurs in {1} other segment(s). Correct them to “{2}” too?"
            ).format(wrong, count, right))
        else:
            box.setText(QCoreApplication.translate(
                "Review", "Add “{0}” to the workshop glossary, so the next transcription spells it right?"
            ).format(right))
        accept, reject = QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.RejectRole
        buttons = {}
        if count and not in_glossary:
            label = QCoreApplication.translate("Review", "Correct all and add to glossary")
            buttons[box.addButton(label, accept)] = EVERYWHERE_AND_GLOSSARY
        if count:
            buttons[box.addButton(QCoreApplication.translate("Review", "Correct all"), accept)] = EVERYWHERE
        else:
            buttons[box.addButton(QCoreApplication.translate("Review", "Add to glossary"), accept)] = (
                EVERYWHERE_AND_GLOSSARY)
        buttons[box.addButton(QCoreApplication.translate("Review", "Only here"), reject)] = ONLY_HERE
        box.setDefaultButton(next(iter(buttons)))
        box.exec()
        return buttons.get(box.clickedButton(), ONLY_HERE)

    def uncheck(self) -> None:
        """Mark the selected segments as not checked (undoable)."""
        rows = self.view.selected_rows() or [self.view.current_row()]
        if self.editor is not None:
            segments = [self._model.segment(r) for r in rows if r >= 0]
            self.editor.apply(checking.marked(segments, checked=False), self.tr("Mark not checked"))

    # -- keys ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not self.active:
            return False
        key = QKeyEvent(event) if not isinstance(event, QKeyEvent) else event
        if watched is self.bar.correction:
            if key.key() == Qt.Key.Key_Escape:
                self._show_place()
                self.view.table.setFocus()
                return True
            return False
        if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.text_delegate.editor is None:
            self.accept()
            return True
        typed = key.text()
        plain = not key.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if typed and typed.isprintable() and plain and self.bar.correction.isEnabled():
            # Typing corrects the place's words, not the whole segment (which would replace all its text).
            self.bar.correction.setFocus()
            if self.bar.correction.text() == self._words():
                self.bar.correction.selectAll()  # the first key replaces the doubtful words, the next ones add
            QApplication.sendEvent(self.bar.correction, QKeyEvent(key.type(), key.key(), key.modifiers(), typed))
            return True
        return False


def build_threshold_menu(window, menu: QMenu) -> None:  # noqa: ANN001 - MainWindow
    """One choice per threshold: words said with a lower probability are shown as doubtful."""
    group = QActionGroup(menu)
    for value in THRESHOLDS:
        action = menu.addAction(QCoreApplication.translate("MainWindow", "{0} % sure").format(f"{value * 100:.0f}"))
        action.setCheckable(True)
        action.setChecked(abs(value - window.review.threshold) < 1e-6)
        action.setData(value)
        group.addAction(action)

    def chosen(action: QAction) -> None:
        window.review.set_threshold(float(action.data()))
        window.settings.set_doubt_threshold(float(action.data()))

    group.triggered.connect(chosen)
