"""The main window driven through pytest-qt (offscreen Qt): the transcriber's day with real speech."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QListWidget, QMessageBox, QTableView

from minutes.domain import Segment, Session
from minutes.operations.sessions import save_session
from minutes.operations.workshop import edit_workshop
from minutes.store import WorkshopStore
from minutes.ui.main_window import MainWindow
from minutes.ui.transcript_model import TEXT
from minutes.ui.workers import ModelProvider


@pytest.fixture(scope="module")
def models():
    return ModelProvider()


@pytest.fixture
def window(qtbot, models, monkeypatch, tmp_path):
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: errors.append(args[2]))
    win = MainWindow(models)
    win.errors = errors
    qtbot.addWidget(win)
    yield win
    win.close()


def texts(win: MainWindow) -> list[str]:
    model = win.editor.model
    return [model.index(row, TEXT).data() for row in range(model.rowCount())]


def test_window_shows_the_workshop_and_its_transcript(window, tmp_path):
    root = tmp_path / "Workshop2024.minutes"
    with WorkshopStore.open(root, create=True) as store:
        first = store.add_session(Session(title="Session 1: Atypical victims"))
        store.add_session(Session(title="Session 2: Forced labour"))
        store.add_segments(first.id, [Segment(1.0, 2.0, "Good morning."), Segment(2.5, 4.0, "歡迎來到台北。")])
    assert window.windowTitle() == "Minutes"
    assert window.open_workshop(root, create=False)
    assert window.windowTitle() == "Minutes — Workshop2024"
    sessions = window.findChild(QListWidget, "sessions")
    assert [sessions.item(i).text() for i in range(sessions.count())] == [
        "Session 1: Atypical victims", "Session 2: Forced labour"]
    model = window.findChild(QTableView, "transcript").model()
    assert model.rowCount() == 2 and model.index(1, TEXT).data() == "歡迎來到台北。"
    assert model.index(0, 0).data() == "00:00:01"
    sessions.setCurrentRow(1)
    assert window.editor.model.rowCount() == 0


def test_a_locked_workshop_is_reported_in_a_dialog(window, tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True):
        assert not window.open_workshop(root, create=False)
    assert window.errors and "open for writing in another" in window.errors[0]
    assert window.windowTitle() == "Minutes"


def test_import_edit_undo_find_replace_and_reopen(window, qtbot, data, tmp_path, qapp):
    root = tmp_path / "Workshop2024.minutes"
    assert window.open_workshop(root, create=True)
    window.import_media(data / "en_librispeech_1995-1837-0001.wav", "Session 1: Atypical victims", language="en")
    with qtbot.waitSignal(window.job.finished, timeout=120_000):
        pass
    qtbot.waitUntil(lambda: window.job is None)
    assert window.errors == []
    original = texts(window)
    assert len(original) == 2 and "sorrow" in original[0]
    model = window.editor.model

    # Inline edit through the model, as the delegate does.
    assert model.setData(model.index(0, TEXT), "It was the first great sorrow of her life.")
    assert texts(window)[0] == "It was the first great sorrow of her life."
    window.table.setCurrentIndex(model.index(1, TEXT))
    window.split_action.trigger()  # no editor open: splits in the middle
    assert len(texts(window)) == 3
    window.table.setCurrentIndex(model.index(1, TEXT))
    window.merge_action.trigger()
    assert len(texts(window)) == 2
    window.undo_action.trigger()
    assert len(texts(window)) == 3
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert texts(window) == original
    window.redo_action.trigger()
    assert "her life" in texts(window)[0]

    window.find_bar.find_edit.setText("cotton")
    window.find_bar.next_button.click()
    assert window.table.currentIndex().row() == 1
    window.find_bar.replace_edit.setText("silk")
    window.find_bar.replace_button.click()
    assert "silk" in texts(window)[1] and "1 segment" in window.find_bar.status.text()
    after_edits = texts(window)

    window.close_workshop()
    assert window.open_workshop(root, create=False)
    assert texts(window) == after_edits  # autosaved: nothing to save, nothing lost
    with WorkshopStore.open(root, read_only=True) as store:
        assert [s.text for s in store.segments(window.current_session_id())] == after_edits


def test_cancel_keeps_the_finished_part(window, qtbot, data, tmp_path):
    import soundfile as sf

    from tests import speech

    # Three different clips in turn: the same sentence packed twice into one Whisper window would make
    # Whisper retry at every temperature (a repetition guard), which real speech does not.
    clips = [speech.load(data / name) for name in ("en_librivox_sense_and_sensibility_0890.wav",
                                                    "en_librivox_sense_and_sensibility_0870.wav",
                                                    "en_librispeech_1995-1837-0001.wav")]
    long = tmp_path / "long.wav"
    sf.write(long, speech.join(*[speech.join(clips[i % 3], speech.silence(30)) for i in range(12)]), speech.RATE)
    assert window.open_workshop(tmp_path / "W.minutes", create=True)
    window.import_media(long, "Long session", language="en")
    job = window.job
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.model.rowCount() > 0, timeout=120_000)
    with qtbot.waitSignal(job.cancelled, timeout=60_000):
        window.cancel_button.click()
    qtbot.waitUntil(lambda: window.job is None)
    with WorkshopStore.open(tmp_path / "W.minutes", read_only=True) as store:
        session = store.session_by_title("Long session")
        assert session.status == "cancelled" and store.segments(session.id)
    assert window.transcribe_action.isEnabled()
    window.transcribe_action.trigger()  # resume
    with qtbot.waitSignal(window.job.finished, timeout=180_000):
        pass
    qtbot.waitUntil(lambda: window.job is None)
    with WorkshopStore.open(tmp_path / "W.minutes", read_only=True) as store:
        session = store.session_by_title("Long session")
        assert session.status == "transcribed"
        assert sum("selfish" in s.text.lower() for s in store.segments(session.id)) == 4


def test_speakers_panel_names_and_merges(window, qtbot, data, tmp_path, monkeypatch):
    from minutes.domain import Participant, Speaker

    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        session = store.add_session(Session(title="Panel"))
        one = store.add_speaker(session.id, Speaker("Speaker 1"))
        two = store.add_speaker(session.id, Speaker("Speaker 2"))
        store.add_participant(Participant("Dr. Chen", organisation="NIA"))
        store.add_segments(session.id, [Segment(0, 1, "Hello.", one.id), Segment(1, 2, "你好。", two.id)])
    assert window.open_workshop(root, create=False)
    panel = window.speakers_panel
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["Speaker 1", "Speaker 2"]
    panel.list.setCurrentRow(1)
    monkeypatch.setattr(panel, "ask_item", lambda *args: ("Dr. Chen — NIA", True))
    panel.name_button.click()
    model = window.editor.model
    assert model.index(1, 1).data() == "Dr. Chen"
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(panel, "ask_item", lambda *args: ("Dr. Chen", True))
    panel.merge_button.click()
    assert panel.list.count() == 1
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Dr. Chen", "Dr. Chen"]

    # Merging and naming are on the undo stack like text edits: Undo brings the other speaker back.
    assert window.undo_action.text() == "&Undo Merge speakers"
    window.undo_action.trigger()
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["Speaker 1", "Dr. Chen  (Speaker 2)"]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Speaker 1", "Dr. Chen"]
    window.undo_action.trigger()
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Speaker 1", "Speaker 2"]
    assert window.store.speakers(session.id)[1].participant_id is None
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert panel.list.count() == 1
    assert [s.text for s in window.store.segments(session.id)] == ["Hello.", "你好。"]
    assert {s.speaker_id for s in window.store.segments(session.id)} == {two.id}


def test_export_minutes_and_transcript_from_the_window(window, tmp_path, monkeypatch):
    import docx
    from PySide6.QtWidgets import QFileDialog

    from minutes.export.docx_minutes import MinutesOptions
    from minutes.ui.export_dialog import ExportChoice, ExportDialog

    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        session = store.add_session(Session(title="Session 1", summary="Screening works."))
        store.add_segments(session.id, [Segment(1.0, 2.0, "We screen returnees.")])
    assert window.open_workshop(root, create=False)
    choice = ExportChoice(MinutesOptions(annex=True), all_sessions=False, combined=True)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    target = tmp_path / "minutes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Word documents (*.docx)"))
    window.export_minutes_action.trigger()
    text = "\n".join(p.text for p in docx.Document(str(target.with_suffix(".docx"))).paragraphs)
    assert "Session 1" in text and "We screen returnees." in text and window.errors == []

    srt = tmp_path / "s1.srt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(srt), "SubRip subtitles (*.srt)"))
    window.export_transcript_action.trigger()
    assert srt.read_text().startswith("1\n00:00:01,000 --> 00:00:02,000\nWe screen returnees.")


def test_agenda_dialogs_are_wired(window, tmp_path, monkeypatch):
    from minutes.ui.dialogs import SessionDialog, WorkshopDialog

    root = tmp_path / "W.minutes"
    assert window.open_workshop(root, create=True)

    def new_session(cls, store, session_id=None, parent=None, record=None):  # noqa: ANN001, ANN202
        done = save_session(store, session_id, {"title": "Session 3: Forced labour"}, [])
        record(done, "Add session")
        return done.value

    def rename(cls, store, parent=None, *, record=None):  # noqa: ANN001, ANN202
        record(edit_workshop(store, title="2024 Workshop on Combating Human Trafficking"), "Edit workshop details")
        return store.workshop()

    monkeypatch.setattr(SessionDialog, "ask", classmethod(new_session))
    monkeypatch.setattr(WorkshopDialog, "ask", classmethod(rename))
    window.new_session_action.trigger()
    assert window.sessions.currentItem().text() == "Session 3: Forced labour"
    window.edit_workshop_action.trigger()
    assert window.windowTitle() == "Minutes — 2024 Workshop on Combating Human Trafficking"


def test_an_interrupted_recording_is_repaired_when_the_window_opens_the_workshop(window, tmp_path, monkeypatch):
    import json
    import subprocess
    import sys

    import soundfile as sf

    from tests import speech

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        store.add_session(Session(title="Panel", audio_file="audio/panel.flac", status="recording"))
    flac = root / "audio" / "panel.flac"
    sf.write(flac, speech.silence(5.0) + 0.01, speech.RATE, format="FLAC")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (root / "audio" / "panel.flac.recording").write_text(json.dumps({"pid": int(dead.stdout), "samplerate": 16000,
                                                                     "channels": 1, "audio": "panel.flac"}))
    assert window.open_workshop(root, create=False)
    assert shown and '"Panel"' in shown[0] and "repaired" in shown[0]
    with WorkshopStore.open(root, read_only=True) as store:
        session = store.session_by_title("Panel")
        assert session.status == "recorded" and abs(session.duration - 5.0) < 0.1
    assert not (root / "audio" / "panel.flac.recording").exists()
