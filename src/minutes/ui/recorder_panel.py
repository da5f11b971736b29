"""The recorder panel: choose a microphone, record a new session, watch its level and live transcript.

Threads, and why: loading the Whisper model and opening the device can take seconds, and stopping waits
for the live transcriber to finish what it heard, so both run in a :class:`BackgroundCall` on a QThread.
The recorder's own callbacks (a provisional segment, a lost device) arrive on its worker threads; they only
emit private signals, which Qt queues to the GUI thread. The meter, clock and lag are polled by a 15 Hz
QTimer on the GUI thread, because the recorder exposes them as plain values and polling never floods the
event loop the way a signal per 50 ms audio block would.

Signals:
    recording_started(int): the new session's id, once capture runs.
    segment_arrived(object): a provisional :class:`~minutes.domain.Segment`, already stored.
    recording_stopped(int): the session's id after capture ended (by Stop or a lost device) and the
        session is stored as "recorded"; the window runs the final pass (:class:`FinalPassJob`).
    error(str): one plain sentence (the device was lost, or recording could not start).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from minutes.asr.languages import normalise
from minutes.audio import devices
from minutes.domain import Session
from minutes.errors import MinutesError
from minutes.operations.sessions import awaits_recording
from minutes.recording import SessionRecorder
from minutes.store import WorkshopStore
from minutes.text.chinese import default_script
from minutes.ui.i18n import core_text
from minutes.ui.level_meter import LevelMeter
from minutes.ui.settings import Settings
from minutes.ui.workers import BackgroundCall, ModelProvider, start_in_thread

log = logging.getLogger(__name__)

LAG_SHOWN_AFTER_S = 3.0
_TICK_MS = 66  # ~15 Hz: smooth enough for a meter, cheap enough to ignore
RECORD_KEY, PAUSE_KEY, STOP_KEY = "Ctrl+R", "Ctrl+Shift+Space", "Ctrl+Shift+R"


def hms(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class RecorderPanel(QWidget):
    """Records new sessions into the open workshop; see the module docstring for signals and threads."""

    recording_started = Signal(int)
    segment_arrived = Signal(object)
    recording_stopped = Signal(int)
    error = Signal(str)
    _segment_received = Signal(object)  # emitted on the live transcriber's thread
    _device_failed = Signal(str)  # emitted on the recorder's writer thread

    def __init__(self, models: ModelProvider, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models = models
        self.settings = settings
        self.store: WorkshopStore | None = None
        self.session_recorder: SessionRecorder | None = None
        self._state = "idle"  # idle, starting, recording, paused, stopping
        self._proposed = ""  # the title last proposed; one the user typed instead is not replaced
        self._failure: str | None = None  # a lost device's sentence, kept until the stop has finished
        self._call: BackgroundCall | None = None
        self._thread: QThread | None = None
        self._build()
        self._segment_received.connect(self._on_segment, Qt.ConnectionType.QueuedConnection)
        self._device_failed.connect(self._on_device_failed, Qt.ConnectionType.QueuedConnection)
        self.timer = QTimer(self)
        self.timer.setInterval(_TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.refresh_devices(rescan=False)
        self.set_workshop(None)

    def _build(self) -> None:
        self.device_combo = QComboBox()
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_combo.setMinimumContentsLength(12)
        self.device_combo.setToolTip(self.tr("The microphone to record from; Minutes remembers your choice"))
        self.device_combo.activated.connect(self._device_chosen)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Look again for microphones (after plugging one in)"))
        self.refresh_button.clicked.connect(lambda: self.refresh_devices(rescan=True))
        self.title_edit = QLineEdit()
        self.title_edit.setToolTip(self.tr("The title of the new session (it must not be taken in this workshop)"))
        self.record_button = QPushButton(self.tr("● Record"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.stop_button = QPushButton(self.tr("■ Stop"))
        for button, key, tip, slot in (
            (self.record_button, RECORD_KEY, self.tr("Start recording a new session"), self.record),
            (self.pause_button, PAUSE_KEY, self.tr("Pause or resume; the pause is left out of the recording"),
             self.toggle_pause),
            (self.stop_button, STOP_KEY, self.tr("Stop recording and keep the session"), self.stop),
        ):
            button.setProperty("key", key)
            button.setShortcut(QKeySequence(key))
            button.setToolTip(f"{tip} ({key})")
            button.clicked.connect(slot)
        self.elapsed_label = QLabel(hms(0))
        font = QFont(self.elapsed_label.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.elapsed_label.setFont(font)
        self.elapsed_label.setToolTip(self.tr("Time recorded, pauses excluded"))
        self.meter = LevelMeter()
        self.lag_label = QLabel()
        self.lag_label.setStyleSheet("color: #a0660a;")
        self.lag_label.setToolTip(self.tr("The live transcript is catching up; the recording itself is complete, "
                                          "and the full transcription after Stop covers everything"))
        policy = self.lag_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # showing the lag must not make the panel jump
        self.lag_label.setSizePolicy(policy)
        self.lag_label.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        device_row = QHBoxLayout()
        device_row.addWidget(self.device_combo, 1)
        device_row.addWidget(self.refresh_button)
        form = QFormLayout()
        microphone = QLabel(self.tr("&Microphone:"))
        microphone.setBuddy(self.device_combo)  # a label with a layout for a field has no buddy of its own
        form.addRow(microphone, device_row)
        form.addRow(self.tr("&Title:"), self.title_edit)
        buttons = QHBoxLayout()
        for widget in (self.record_button, self.pause_button, self.stop_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.elapsed_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.meter)
        layout.addWidget(self.lag_label)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    # -- public API ---------------------------------------------------------------------------------

    def set_workshop(self, store: WorkshopStore | None) -> None:
        """Record into ``store`` from now on (None: nothing open). Stops a recording in progress first."""
        if self.is_recording():
            self.stop_and_wait()
        self.store = store
        self._propose(self._next_title())
        if store is None:
            self._say(self.tr("Open a workshop to record a session."))
        elif self.device_combo.currentData() is not None:
            self._say(self.tr("Ready to record."))
        else:
            self._say(self.tr("No microphone or other input device was found. Connect one and press Refresh."))
        self._update_controls()

    def propose_session(self, session: Session | None) -> None:
        """Offer the selected session's title when it is an agenda session still waiting for its recording;
        otherwise the next free "Session N" (a title the user typed is left alone)."""
        if self.store is None or self._state != "idle":
            return
        if session is not None and awaits_recording(self.store, session):
            self._propose(session.title)
        elif self.title_edit.text().strip() == self._proposed:
            self._propose(self._next_title())

    def _propose(self, title: str) -> None:
        self.title_edit.setText(title)
        self.title_edit.setCursorPosition(0)  # a long agenda title shows its beginning, not its last words
        self._proposed = title

    def is_recording(self) -> bool:
        """True from Record until the recording is stopped and stored (including starting and stopping)."""
        return self._state != "idle"

    def stop_and_wait(self) -> Session | None:
        """Stop at once, blocking the GUI thread (for closing the window); emits nothing.

        Returns the stopped session, or None if nothing was recording.
        """
        if self._thread is not None:
            self._thread.wait()  # a start or stop in flight; its queued outcome is ignored (we leave "idle")
            self._thread = None
            if self._state == "starting" and isinstance(self._call.result, SessionRecorder):
                self.session_recorder = self._call.result
        recorder, self.session_recorder = self.session_recorder, None
        # Stopping twice is harmless (SessionRecorder.stop after a stop only rewrites the same duration).
        session = recorder.stop() if recorder is not None else None
        self._set_idle()
        return session

    def refresh_devices(self, *, rescan: bool = True) -> None:
        """Fill the microphone list, selecting the remembered device when it is connected."""
        if rescan and not self.is_recording():
            devices.rescan()  # PortAudio only sees devices plugged in since start after re-initialising
        current = self.device_combo.currentData() or self.settings.input_device()
        try:
            found = devices.list_input_devices()
        except Exception:  # noqa: BLE001 - a broken audio system reads as "no microphone" to the user
            log.exception("Listing input devices failed")
            found = []
        self.device_combo.clear()
        for device in found:
            self.device_combo.addItem(device.name + (self.tr(" (default)") if device.is_default else ""), device.name)
        self.device_combo.setEnabled(bool(found))
        if not found:
            self.device_combo.addItem(self.tr("No microphone found"))
            self._say(self.tr("No microphone or other input device was found. Connect one and press Refresh."))
        else:
            names = [d.name for d in found]
            default = next((i for i, d in enumerate(found) if d.is_default), 0)
            self.device_combo.setCurrentIndex(names.index(current) if current in names else default)
            if current and current not in names:
                self._say(self.tr("The microphone “{0}” is not connected; choose another or press "
                                  "Refresh.").format(current))
        self._update_controls()

    # -- actions -------------------------------------------------------------------------------------

    def record(self) -> None:
        if self._state != "idle" or self.store is None or self.device_combo.currentData() is None:
            return
        store, title, device = self.store, self.title_edit.text().strip(), self.device_combo.currentData()
        if not title:
            self._say(self.tr("Give the session a title first."))
            return
        existing = store.find_session(title)
        if existing is not None and not awaits_recording(store, existing):
            try:
                store.check_title_free(title)
            except MinutesError as exc:  # the core's sentence, in the interface language
                self._say(core_text(exc))
                return
        self.settings.set_input_device(device)
        workshop = store.workshop()
        spec = self.settings.model()

        def start() -> SessionRecorder:  # runs on a worker thread: no widgets here
            language = normalise(workshop.language)
            model = self.models.get(spec)
            recorder = SessionRecorder(store, title, model, device=device, language=language,
                                       script=default_script(workshop.script, workshop.language),
                                       on_segment=self._segment_received.emit, on_error=self._device_failed.emit)
            recorder.start()
            return recorder

        self._state, self._failure = "starting", None
        self._say(self.tr("Loading the speech model and opening the microphone…"))
        self._run(start, self.tr("start recording"), self._on_started, self._on_start_failed)

    def toggle_pause(self) -> None:
        if self.session_recorder is None or self._state not in ("recording", "paused"):
            return
        if self._state == "recording":
            self.session_recorder.pause()
            self._state = "paused"
            self._say(self.tr("Paused; the pause is left out of the recording."))
        else:
            self.session_recorder.resume()
            self._state = "recording"
            self._say(self._recording_sentence())
        self._update_controls()

    def stop(self) -> None:
        if self.session_recorder is None or self._state not in ("recording", "paused"):
            return
        self._state = "stopping"
        if self._failure is None:
            self._say(self.tr("Stopping; the live transcript is finishing what it heard…"))
        self._run(self.session_recorder.stop, self.tr("stop the recording"), self._on_stopped, self._on_stop_failed)

    # -- outcomes (GUI thread) -----------------------------------------------------------------------

    def _run(self, call, what: str, done, failed) -> None:  # noqa: ANN001 - callables
        # The previous call is kept until now, not dropped in its outcome slot: its run() may still be
        # returning on the worker thread when the queued outcome arrives.
        self._call = BackgroundCall(call, what)
        self._call.finished.connect(done)
        self._call.failed.connect(failed)
        self._thread = start_in_thread(self._call, self)
        self._update_controls()

    def _on_started(self, recorder: SessionRecorder) -> None:
        if self._state != "starting":
            return  # stop_and_wait already took over
        self._thread = None
        self.session_recorder = recorder
        self._state = "recording"
        self._say(self._recording_sentence())
        self.timer.start()
        self._update_controls()
        self.recording_started.emit(recorder.session.id)
        if self._failure is not None:  # the device failed before this queued start arrived
            self.stop()

    def _on_start_failed(self, message: str) -> None:
        self._failed("starting", message)

    def _on_stopped(self, session: Session) -> None:
        if self._state != "stopping":
            return
        self._thread = None
        self.session_recorder = None
        failure, self._failure = self._failure, None
        self._set_idle()
        self._propose(self._next_title())
        if failure is not None:
            self._say(failure)
            self.error.emit(failure)
        else:
            self._say(self.tr("Recorded “{0}” ({1}); it is kept in the workshop.").format(session.title,
                                                                                 hms(session.duration)))
        self.recording_stopped.emit(session.id)

    def _on_stop_failed(self, message: str) -> None:
        self._failed("stopping", message)

    def _failed(self, state: str, message: str) -> None:
        """Starting or stopping (``state``) failed: back to idle, and say why."""
        if self._state != state:
            return
        self._thread = None
        if state == "stopping":
            self.session_recorder = None
        self._set_idle()
        self._say(message)
        self.error.emit(message)

    def _on_segment(self, segment: object) -> None:
        if self._state != "idle":
            self.segment_arrived.emit(segment)

    def _on_device_failed(self, message: str) -> None:
        self._failure = message
        self._say(message)
        if self._state in ("recording", "paused"):
            self.stop()

    # -- helpers -------------------------------------------------------------------------------------

    def _tick(self) -> None:
        if self.session_recorder is None:
            return
        self.meter.set_level(self.session_recorder.recorder.level.peak_dbfs)
        self.elapsed_label.setText(hms(self.session_recorder.recorder.elapsed))
        lag = self.session_recorder.live.lag
        self.lag_label.setText(self.tr("transcript {0} s behind").format(f"{lag:.0f}"))
        self.lag_label.setVisible(lag > LAG_SHOWN_AFTER_S and self._state != "stopping")

    def _set_idle(self) -> None:
        self._state = "idle"
        self.timer.stop()
        self.meter.reset()
        self.lag_label.hide()
        self._update_controls()

    def _device_chosen(self, index: int) -> None:
        name = self.device_combo.itemData(index)
        if name:
            self.settings.set_input_device(name)

    def _next_title(self) -> str:
        if self.store is None:
            return ""
        number = len(self.store.sessions()) + 1
        while self.store.find_session(self.tr("Session {0}").format(number)) is not None:
            number += 1
        return self.tr("Session {0}").format(number)

    def _recording_sentence(self) -> str:
        assert self.session_recorder is not None
        device = self.session_recorder.recorder.device
        return self.tr("Recording “{0}” from {1}.").format(self.session_recorder.session.title,
                                                          device.name if device else self.tr("the microphone"))

    @staticmethod
    def _label(button: QPushButton, text: str) -> None:
        # QAbstractButton.setText replaces the shortcut with the text's mnemonic (none here): put it back.
        if button.text() != text:
            button.setText(text)
            button.setShortcut(QKeySequence(button.property("key")))

    def _say(self, sentence: str) -> None:
        self.status_label.setText(sentence)

    def _update_controls(self) -> None:
        state, has_device = self._state, self.device_combo.currentData() is not None
        idle = state == "idle"
        self._label(self.record_button, self.tr("Starting…") if state == "starting" else self.tr("● Record"))
        self.record_button.setEnabled(idle and self.store is not None and has_device)
        self._label(self.pause_button, self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self.pause_button.setEnabled(state in ("recording", "paused"))
        self.stop_button.setEnabled(state in ("recording", "paused"))
        self.device_combo.setEnabled(idle and has_device)
        self.refresh_button.setEnabled(idle)
        self.title_edit.setEnabled(idle and self.store is not None)
