"""The recorder panel end to end: a real PulseAudio virtual microphone, the bundled Whisper model, a real store."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import soundfile as sf

from minutes.domain import Session
from minutes.ui.recorder_panel import RecorderPanel
from minutes.ui.settings import Settings
from minutes.ui.workers import FinalPassJob, start_in_thread
from tests.audio import conftest as audio_fixtures
from tests.audio.conftest import DEVICE, SPEECH, SPEECH_WORDS
from tests.ui.models import SeededModels

vmic = audio_fixtures.vmic  # restarts the server below if a test killed it


@pytest.fixture(scope="module")
def pulse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[audio_fixtures.PulseServer]:
    """The virtual microphone of tests/audio/conftest.py, for this module only.

    Module-scoped, not session-scoped like the audio tests' own: this server points the environment and
    PortAudio at itself, and the audio tests' server must get them back as soon as these tests are done.
    """
    with audio_fixtures.running_pulse(tmp_path_factory) as server:
        yield server


@pytest.fixture
def panel(qtbot, model, store):  # noqa: ANN001, ANN201
    widget = RecorderPanel(SeededModels(model), Settings())
    qtbot.addWidget(widget)
    widget.set_workshop(store)
    yield widget
    widget.stop_and_wait()


def choose(panel: RecorderPanel, name: str) -> None:
    """Pick a device as the user would (``activated`` is what a click in the list emits)."""
    index = panel.device_combo.findData(name)
    assert index >= 0, [panel.device_combo.itemData(i) for i in range(panel.device_combo.count())]
    panel.device_combo.setCurrentIndex(index)
    panel.device_combo.activated.emit(index)


def start(qtbot, panel: RecorderPanel) -> int:  # noqa: ANN001
    with qtbot.waitSignal(panel.recording_started, timeout=30000) as started:
        panel.record_button.click()
        assert panel.record_button.text() == "Starting…" and not panel.record_button.isEnabled()
    assert panel.stop_button.isEnabled() and not panel.device_combo.isEnabled()
    return started.args[0]


def words_in(text: str) -> int:
    return sum(word in text.lower() for word in SPEECH_WORDS)


def test_the_chosen_device_is_remembered(qtbot, vmic, panel) -> None:  # noqa: ANN001
    choose(panel, DEVICE)
    assert Settings().input_device() == DEVICE
    again = RecorderPanel(panel.models, Settings())
    qtbot.addWidget(again)
    assert again.device_combo.currentData() == DEVICE


def test_without_an_input_device_the_panel_says_so(qtbot, monkeypatch, panel) -> None:  # noqa: ANN001
    monkeypatch.setattr("minutes.audio.devices.list_input_devices", lambda: [])
    panel.refresh_devices(rescan=False)
    assert panel.device_combo.currentText() == "No microphone found"
    assert "No microphone" in panel.status_label.text()
    assert not panel.record_button.isEnabled() and not panel.device_combo.isEnabled()
    panel.set_workshop(panel.store)  # opening a workshop must not hide why Record is greyed out
    assert "No microphone" in panel.status_label.text()


def test_a_taken_title_is_refused_before_recording(qtbot, vmic, store, panel) -> None:  # noqa: ANN001
    store.add_session(Session(title="Session 1", audio_file="audio/s1.flac", duration=3.0))  # has its recording
    panel.set_workshop(store)
    assert panel.title_edit.text() == "Session 2"
    panel.title_edit.setText("Session 1")
    with qtbot.assertNotEmitted(panel.recording_started, wait=200):
        panel.record_button.click()
    assert "already exists" in panel.status_label.text() and not panel.is_recording()


def test_a_long_agenda_title_is_shown_from_its_beginning(qtbot, store, panel) -> None:  # noqa: ANN001
    title = "Session 2: Preventing transnational trafficking through cooperation between source and destination"
    agenda = store.add_session(Session(title=title, language="en"))
    panel.set_workshop(store)
    panel.resize(320, panel.height())
    panel.propose_session(agenda)
    edit = panel.title_edit
    assert edit.text() == title
    assert edit.cursorPosition() == 0 and edit.cursorRect().left() < edit.fontMetrics().horizontalAdvance("Se")


def test_the_title_proposes_the_selected_agenda_session_and_records_into_it(qtbot, vmic, store, panel) -> None:  # noqa: ANN001
    agenda = store.add_session(Session(title="Opening ceremony", chair="Ms. Santos", language="en"))
    done = store.add_session(Session(title="Session 1", audio_file="audio/x.flac", duration=5.0))
    panel.set_workshop(store)
    assert panel.title_edit.text() == "Session 3"
    panel.propose_session(agenda)
    assert panel.title_edit.text() == "Opening ceremony"
    panel.propose_session(done)  # has a recording: back to a fresh title
    assert panel.title_edit.text() == "Session 3"
    panel.title_edit.setText("My own title")
    panel.propose_session(None)
    assert panel.title_edit.text() == "My own title"  # what the user typed stays
    panel.propose_session(agenda)
    choose(panel, DEVICE)
    assert start(qtbot, panel) == agenda.id  # the agenda session itself, not a new one
    qtbot.waitUntil(lambda: panel.session_recorder.recorder.elapsed > 1.0, timeout=10000)
    with qtbot.waitSignal(panel.recording_stopped, timeout=60000):
        panel.stop_button.click()
    recorded = store.session(agenda.id)
    assert recorded.status == "recorded" and recorded.duration > 0.5 and store.audio_path(recorded).is_file()
    assert recorded.chair == "Ms. Santos" and len(store.sessions()) == 2


def test_records_with_live_text_meter_clock_and_pause(qtbot, vmic, store, panel) -> None:  # noqa: ANN001
    choose(panel, DEVICE)
    assert panel.title_edit.text() == "Session 1"
    assert panel.record_button.shortcut().toString() == "Ctrl+R"
    segments, delivered_on = [], []

    def arrived(segment) -> None:  # noqa: ANN001
        segments.append(segment)
        delivered_on.append(threading.current_thread())

    panel.segment_arrived.connect(arrived)
    session_id = start(qtbot, panel)
    assert panel.models.threads and threading.main_thread() not in panel.models.threads  # loaded off the GUI
    player = vmic.play(SPEECH)
    qtbot.waitUntil(lambda: panel.meter.level > -60, timeout=10000)
    qtbot.waitUntil(lambda: words_in(" ".join(s.text for s in segments)) >= 3, timeout=60000)
    assert set(delivered_on) == {threading.main_thread()}
    assert all(s.provisional and s.id is not None for s in segments)
    assert player.wait(30) == 0
    recorder = panel.session_recorder.recorder
    assert recorder.elapsed >= 7 and panel.elapsed_label.text().startswith("00:00:")

    panel.pause_button.click()
    assert panel.pause_button.text() == "Resume" and panel.pause_button.shortcut().toString() == "Ctrl+Shift+Space"
    qtbot.wait(300)  # blocks captured before the click are still written
    paused_at, shown = recorder.elapsed, panel.elapsed_label.text()
    qtbot.wait(1500)
    assert recorder.elapsed - paused_at < 0.1 and panel.elapsed_label.text() == shown
    panel.pause_button.click()
    qtbot.waitUntil(lambda: recorder.elapsed > paused_at + 0.5, timeout=5000)

    with qtbot.waitSignal(panel.recording_stopped, timeout=60000) as stopped:
        panel.stop_button.click()
    assert stopped.args == [session_id] and not panel.is_recording()
    assert panel.record_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.title_edit.text() == "Session 2" and "Recorded" in panel.status_label.text()
    session = store.session(session_id)
    assert session.status == "recorded" and session.duration >= 8
    assert abs(sf.info(store.audio_path(session)).duration - session.duration) < 0.1
    stored = store.segments(session_id)
    assert stored and all(s.provisional for s in stored)

    # The window's final pass, as the panel's helper job runs it (speakers left out to keep this short).
    job = FinalPassJob(store, panel.models, session_id, speakers=None)
    with qtbot.waitSignal(job.finished, timeout=120000, raising=True):
        start_in_thread(job, panel)
    final = store.segments(session_id)
    assert final and not any(s.provisional for s in final)
    assert words_in(" ".join(s.text for s in final)) >= 4


def test_stop_and_wait_stops_at_once(qtbot, vmic, store, panel) -> None:  # noqa: ANN001
    choose(panel, DEVICE)
    session_id = start(qtbot, panel)
    vmic.play(SPEECH)
    qtbot.waitUntil(lambda: panel.session_recorder.recorder.elapsed > 1, timeout=10000)
    with qtbot.assertNotEmitted(panel.recording_stopped):
        session = panel.stop_and_wait()
    assert session.id == session_id and session.status == "recorded" and not panel.is_recording()
    assert panel.record_button.isEnabled()


def test_a_lost_device_stops_cleanly_and_keeps_the_file(qtbot, vmic, store, panel) -> None:  # noqa: ANN001
    choose(panel, DEVICE)
    session_id = start(qtbot, panel)
    vmic.play(SPEECH)
    qtbot.waitUntil(lambda: panel.session_recorder.recorder.elapsed > 2.5, timeout=10000)
    told: list[str] = []
    panel.error.connect(told.append)
    with qtbot.waitSignals([panel.error, panel.recording_stopped], timeout=30000, order="strict"):
        vmic.kill()
    [message] = told
    assert message.startswith("The microphone") and "saved" in message and message.endswith(".")
    assert panel.status_label.text() == message
    assert panel.record_button.isEnabled() and not panel.stop_button.isEnabled() and not panel.is_recording()
    session = store.session(session_id)
    assert session.status == "recorded" and session.duration >= 2
    path = store.audio_path(session)
    assert sf.info(path).duration >= 2 and not list(path.parent.glob("*.recording"))


def test_the_window_records_tags_live_and_runs_the_final_pass(qtbot, vmic, tmp_path, model) -> None:  # noqa: ANN001
    from minutes.ui.main_window import MainWindow

    window = MainWindow(SeededModels(model))
    qtbot.addWidget(window)
    assert window.open_workshop(tmp_path / "Live.minutes", create=True)
    panel = window.recorder_panel
    choose(panel, DEVICE)
    session_id = start(qtbot, panel)
    assert window.current_session_id() == session_id and not window.delete_session_action.isEnabled()
    vmic.play(SPEECH)
    # Live lines appear in the window's transcript while recording goes on.
    qtbot.waitUntil(lambda: window.editor.model.rowCount() > 0, timeout=60000)
    assert window.editor.model.segment(0).provisional
    # Nothing selected while recording: Ctrl+1 tags what was just said.
    window.tag_menu.tag_actions[0].trigger()
    [annotation] = window.store.annotations(session_id)
    assert annotation.end <= panel.session_recorder.recorder.elapsed + 0.1
    qtbot.waitUntil(lambda: panel.session_recorder.recorder.elapsed > 9, timeout=20000)
    with qtbot.waitSignal(panel.recording_stopped, timeout=60000):
        panel.stop_button.click()
    # The full-quality pass with speakers starts by itself and replaces the provisional text.
    assert window.job is not None
    qtbot.waitUntil(lambda: window.job is None, timeout=180000)
    assert "finished" in window.statusBar().currentMessage()
    final = window.store.segments(session_id)
    assert final and not any(s.provisional for s in final)
    assert words_in(" ".join(s.text for s in final)) >= 4
    assert window.store.annotations(session_id) == [annotation], "tags are anchored to time: they survive"
    rows = window.editor.model.rowCount()
    assert rows == len(final) and not any(window.editor.model.segment(r).provisional for r in range(rows))
    window.close()
