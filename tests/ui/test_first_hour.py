"""The rapporteur's first hour (issue 17): a new workshop, an agenda session receiving its recording, the
transcript's empty state, find and replace, tag chips, speakers and exports, driven through the real window."""

from __future__ import annotations

import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog

from minutes.domain import Participant, Segment, Session, Speaker
from minutes.store import WorkshopStore
from minutes.ui.main_window import MainWindow
from minutes.ui.match_highlight import CURRENT, MATCH
from minutes.ui.transcript_model import TEXT, TIME
from minutes.ui.workers import ModelProvider
from tests.ui.models import SeededModels


@pytest.fixture
def workshop(tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        first = store.add_session(Session(title="Session 1"))
        store.add_session(Session(title="Opening ceremony", chair="Ms. Santos", language="en"))  # on the agenda
        santos = store.add_participant(Participant("Maria Santos", "Prosecutor"))
        lin = store.add_participant(Participant("林志明", "科長"))
        voice = store.add_speaker(first.id, Speaker("Speaker 1"))
        store.add_speaker(first.id, Speaker("Speaker 2", santos.id))
        store.set_session_participants(first.id, [lin.id])
        store.add_segments(first.id, [Segment(0.0, 4.0, "We must protect atypical victims.", voice.id),
                                      Segment(4.0, 9.0, "Joint inspections protect workers at sea.", voice.id),
                                      Segment(9.0, 12.0, "Thank you.", voice.id)])
    return root


@pytest.fixture
def models(model):
    return SeededModels(model)


@pytest.fixture
def window(qtbot, models, workshop, warnings_shown):
    win = MainWindow(models)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    assert win.open_workshop(workshop, create=False)
    yield win
    win.close()


def select(win: MainWindow, title: str) -> None:
    for row in range(win.sessions.count()):
        if win.sessions.item(row).text().startswith(title):
            win.sessions.setCurrentRow(row)
            return
    raise AssertionError(f"no session {title}")


# -- start page, new workshop ------------------------------------------------------------------------------


def test_the_model_loads_in_the_background_when_the_window_opens(qtbot, model, monkeypatch):
    from minutes.asr import registry

    loaded_on: list[threading.Thread] = []
    monkeypatch.setattr(registry, "load", lambda source: loaded_on.append(threading.current_thread()) or model)
    win = MainWindow(ModelProvider())
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(loaded_on), timeout=10000)
    assert threading.main_thread() not in loaded_on
    win.close()


def test_recorder_dock_is_hidden_on_the_start_page(qtbot, models, workshop):
    win = MainWindow(models)
    qtbot.addWidget(win)
    win.show()
    assert win.pages.currentWidget() is win.start_page and not win.recorder_dock.isVisible()
    assert win.open_workshop(workshop, create=False)
    assert win.recorder_dock.isVisible()
    win.close_workshop()
    assert not win.recorder_dock.isVisible()
    win.close()


def test_new_workshop_opens_its_details_prefilled_in_the_interface_language(qtbot, models, tmp_path, monkeypatch):
    from minutes.ui.dialogs import WorkshopDialog

    monkeypatch.setenv("MINUTES_LANGUAGE", "zh_TW")
    win = MainWindow(models)
    qtbot.addWidget(win)
    target = tmp_path / "Taipei 2024"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []

    def ask(cls, store, parent=None, **options):  # noqa: ANN001, ANN202
        dialog = cls(store, parent, **options)
        qtbot.addWidget(dialog)
        shown.append((dialog.windowTitle(), dialog.title_edit.text(), dialog.script_combo.currentData(),
                      dialog.script_note.text()))
        dialog.dates_edit.setText("28–29 August 2024")
        dialog.accept()
        return dialog.workshop

    monkeypatch.setattr(WorkshopDialog, "ask", classmethod(ask))
    win.new_action.trigger()
    assert shown == [("New workshop", "Taipei 2024", "traditional",
                      "Chinese will be written in Traditional characters, as the interface is in Traditional "
                      "Chinese.")]
    assert win.store.workshop().dates == "28–29 August 2024" and "Taipei 2024" in win.windowTitle()
    assert [t.name for t in win.store.tags()][:3] == ["預防", "保護", "起訴"]
    win.close()


# -- an agenda session and its recording ----------------------------------------------------------------------


def test_an_empty_session_says_what_to_do_next(window):
    assert window.transcript.body.currentWidget() is window.transcript.table
    select(window, "Opening ceremony")
    label = window.transcript.empty_label
    assert window.transcript.body.currentWidget() is label and label.isVisible()
    assert "Record this session with the Recorder" in label.text() and "Import audio or video" in label.text()


def test_transcribe_on_a_session_without_a_recording_says_so_at_once(window, models):
    select(window, "Opening ceremony")
    models.threads.clear()
    window.transcribe_action.trigger()
    assert not window.runner.busy and not models.threads  # no job, no model asked for
    assert window.statusBar().currentMessage().startswith("“Opening ceremony” has no recording yet")
    assert not window.runner.progress.isVisible()


def test_the_recorder_proposes_the_selected_agenda_session(window):
    select(window, "Opening ceremony")
    assert window.recorder_panel.title_edit.text() == "Opening ceremony"
    select(window, "Session 1")  # has a transcript: a fresh title again
    assert window.recorder_panel.title_edit.text() == "Session 3"


def test_importing_while_an_agenda_session_is_selected_offers_to_attach(qtbot, window, tmp_path, monkeypatch,
                                                                        data):
    from PySide6.QtWidgets import QMessageBox

    from minutes.ui.transcription import Transcription

    select(window, "Opening ceremony")
    clip = data / "en_librispeech_1995-1837-0001.wav"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(clip), ""))
    asked = []
    monkeypatch.setattr(Transcription, "ask_attach",
                        lambda self, title: asked.append(title) or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.runner.finished, timeout=120000):
        window.import_action.trigger()
    assert asked == ["Opening ceremony"]
    sessions = window.store.sessions()
    assert [s.title for s in sessions] == ["Session 1", "Opening ceremony"]  # no new session
    opening = sessions[1]
    assert opening.chair == "Ms. Santos" and opening.status == "transcribed"
    assert window.store.audio_path(opening).is_file()
    assert window.current_session_id() == opening.id
    assert "sorrow" in " ".join(s.text for s in window.editor.model.segments()).lower()
    assert window.transcript.body.currentWidget() is window.transcript.table


# -- editing -------------------------------------------------------------------------------------------------


def test_change_speaker_offers_the_roster_and_planned_speakers(window, monkeypatch):
    from minutes.ui.dialogs.speaker_dialog import SpeakerDialog

    select(window, "Session 1")
    window.table.selectRow(1)
    offered = []

    def ask(cls, store, session_id, current=None, parent=None):  # noqa: ANN001, ANN202
        dialog = cls(store, session_id, current, parent)
        offered.extend(dialog.combo.itemText(i) for i in range(dialog.combo.count()) if dialog.combo.itemData(i))
        dialog.combo.setCurrentIndex(dialog.combo.findText("林志明 (planned speaker)"))
        dialog.accept()
        dialog.deleteLater()
        return dialog.result_value

    monkeypatch.setattr(SpeakerDialog, "ask", classmethod(ask))
    window.speaker_action.trigger()
    assert offered == ["Speaker 1", "Maria Santos", "林志明 (planned speaker)", "Another voice, not named yet"]
    model = window.editor.model
    assert [model.index(r, 1).data() for r in range(3)] == ["Speaker 1", "林志明", "Speaker 1"]
    assert any(window.speakers_panel.list.item(i).text().startswith("林志明")
               for i in range(window.speakers_panel.list.count()))
    window.undo_action.trigger()
    assert model.index(1, 1).data() == "Speaker 1"


def cell_colours(window: MainWindow, row: int, column: int) -> set[str]:
    window.table.viewport().repaint()
    image = window.table.viewport().grab().toImage()
    rect = window.table.visualRect(window.editor.model.index(row, column))
    return {QColor(image.pixel(x, y)).name() for x in range(rect.left(), rect.right(), 2)
            for y in range(rect.top(), rect.bottom(), 2)}


def test_find_marks_the_words_esc_closes_and_replace_goes_one_by_one(qtbot, window):
    select(window, "Session 1")
    window.find_action.trigger()
    bar = window.find_bar
    assert bar.isVisible()
    assert [b.text() for b in (bar.replace_one_button, bar.replace_button)] == ["Replace", "Replace all"]
    bar.find_edit.setText("protect")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert window.transcript.current_row() == 0
    assert window.table.selectionModel().selectedRows() == []  # the words are marked, not the whole row
    assert CURRENT.name() in cell_colours(window, 0, TEXT)
    assert MATCH.name() in cell_colours(window, 1, TEXT)
    assert MATCH.name() not in cell_colours(window, 2, TEXT) | cell_colours(window, 0, TIME)

    bar.replace_edit.setText("shield")
    bar.replace_one_button.click()
    texts = [s.text for s in window.editor.model.segments()]
    assert texts[:2] == ["We must shield atypical victims.", "Joint inspections protect workers at sea."]
    assert window.transcript.current_row() == 1  # on to the next match
    window.undo_action.trigger()
    assert window.editor.model.segment(0).text == "We must protect atypical victims."

    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.transcript.text_delegate.pattern is None
    assert MATCH.name() not in cell_colours(window, 1, TEXT)


def test_rows_show_tag_chips_a_comment_marker_and_the_lock_beside_the_tags(window):
    select(window, "Session 1")
    store, session_id = window.store, window.current_session_id()
    tags = {t.name: t for t in store.tags()}
    window.tagger.tag_span(session_id, 0.0, 4.0, [tags["Prevention"].id])
    window.tagger.tag_span(session_id, 4.0, 9.0, [tags["Protection"].id], "inspections", confidential=True)
    model = window.editor.model
    plain, secret, none = (model.index(r, TIME).data(Qt.ItemDataRole.DecorationRole) for r in range(3))
    assert none is None
    # A chip wide enough to carry the tag's name, not a 14-pixel square.
    chip_width = window.fontMetrics().horizontalAdvance("Prevention")
    assert plain.width() > chip_width * 0.8
    # Off the record with a tag and a comment: padlock + chip + bubble, so wider than the chip alone.
    assert secret.width() > window.fontMetrics().horizontalAdvance("Protection") * 0.8 + 2 * 14
    colours = {QColor(secret.toImage().pixel(x, y)).name() for x in range(secret.width())
               for y in range(secret.height())}
    assert tags["Protection"].color in colours and "#8a1c1c" in colours  # the chip and the padlock


def test_many_tags_wrap_onto_lines_so_the_text_keeps_its_width(window):
    """A row with four tags shows them on several lines above its time: side by side they made the Time
    column wider than the text on a 1366-pixel laptop at 125 %."""
    select(window, "Session 1")
    tags = window.store.tags()[:4]
    window.tagger.tag_span(window.current_session_id(), 0.0, 4.0, [t.id for t in tags], "see annex",
                           confidential=True)
    model = window.editor.model
    marks = model.index(0, TIME).data(Qt.ItemDataRole.DecorationRole)
    one_line = model.index(1, TIME).data(Qt.ItemDataRole.DecorationRole)
    assert one_line is None
    side_by_side = sum(window.fontMetrics().horizontalAdvance(t.name) for t in tags) * 0.85
    assert marks.width() < side_by_side and marks.height() > 2 * QFontMetrics(window.font()).height()
    colours = {QColor(marks.toImage().pixel(x, y)).name() for x in range(marks.width())
               for y in range(marks.height())}
    assert {t.color for t in tags} <= colours and "#8a1c1c" in colours  # every chip and the padlock drawn
    window.resize(1093, 614)  # 1366 x 768 at 125 %
    window.table.resizeRowsToContents()
    QApplication.processEvents()
    header = window.table.horizontalHeader()
    assert header.sectionSize(TEXT) > header.sectionSize(TIME)
    assert header.sectionSize(TEXT) >= window.table.viewport().width() * 0.3


# -- exports -------------------------------------------------------------------------------------------------


def test_export_warns_about_unnamed_voices_and_offers_to_open_the_file(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from minutes.export.docx_minutes import MinutesOptions
    from minutes.ui import exports
    from minutes.ui.export_dialog import ExportChoice, ExportDialog

    select(window, "Session 1")
    window.tagger.tag_span(window.current_session_id(), 0.0, 4.0, [window.store.tags()[0].id])
    monkeypatch.setattr(ExportDialog, "ask", classmethod(
        lambda cls, *a, **k: ExportChoice(MinutesOptions(), all_sessions=False, combined=True)))
    target = tmp_path / "minutes.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    questions = []

    def answer(choice: str):  # noqa: ANN202
        def ask_box(box):  # noqa: ANN001, ANN202
            questions.append(box.text())
            return next(b for b in box.buttons() if b.text() == choice)
        return ask_box

    window.strategies_dock.raise_()
    monkeypatch.setattr(exports, "ask_box", answer("&Name the speakers…"))
    window.export_minutes_action.trigger()
    assert not target.exists() and "Session 1: Speaker 1" in questions[0]
    assert not window.speakers_dock.visibleRegion().isEmpty()  # brought forward to name them

    monkeypatch.setattr(exports, "ask_box", answer("&Export anyway"))
    window.export_minutes_action.trigger()
    assert target.is_file()
    notice = window.written_notice
    assert notice.isVisible() and "Minutes written: minutes.docx" in notice.text()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    links = [part.split('"')[0] for part in notice.text().split('href="')[1:]]
    for link in links:
        notice.linkActivated.emit(link)
    assert opened == [str(target), str(tmp_path)]


def test_export_without_unnamed_voices_asks_nothing(window, tmp_path, monkeypatch):
    from minutes.export.docx_minutes import MinutesOptions
    from minutes.ui import exports
    from minutes.ui.export_dialog import ExportChoice, ExportDialog

    select(window, "Session 1")
    monkeypatch.setattr(ExportDialog, "ask", classmethod(
        lambda cls, *a, **k: ExportChoice(MinutesOptions(chatham_house=True), all_sessions=False, combined=True)))
    target = tmp_path / "anonymous.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(exports, "ask_box", lambda box: pytest.fail(f"asked: {box.text()}"))
    window.tagger.tag_span(window.current_session_id(), 0.0, 4.0, [window.store.tags()[0].id])
    window.export_minutes_action.trigger()
    assert target.is_file()



# -- transcribing a file ---------------------------------------------------------------------------------------


def test_transcribing_a_file_selects_it_shows_lines_as_they_are_stored_and_moves_the_bar(qtbot, window, data,
                                                                                           tmp_path):
    """A 42-second file is stored in two chunks: the first one's lines are in the table while the job still
    runs, and the status bar goes through reading, finding speech, the time transcribed and the speakers."""
    import soundfile as sf

    from tests import speech

    clips = [speech.load(data / name) for name in ("en_librispeech_1995-1837-0001.wav",
                                                   "en_librivox_sense_and_sensibility_0870.wav",
                                                   "en_librivox_sense_and_sensibility_0890.wav")]
    audio = speech.join(*[part for clip in (*clips, *clips[:2]) for part in (clip, speech.silence(1.0))])
    path = tmp_path / "panel.wav"
    sf.write(path, audio, speech.RATE)
    messages: list[str] = []
    values: list[int] = []
    window.statusBar().messageChanged.connect(lambda text: text and messages.append(text))
    window.runner.progress.valueChanged.connect(values.append)
    window.import_media(path, "Panel discussion", language="en")
    assert window.runner.busy

    def showing_lines() -> bool:
        session = window.store.find_session("Panel discussion")
        editor = window.editor
        return session is not None and editor is not None and editor.session_id == session.id \
            and editor.model.rowCount() > 0

    qtbot.waitUntil(showing_lines, timeout=120000)
    assert window.runner.busy, "the lines should appear while the file is still being transcribed"
    session_id = window.store.find_session("Panel discussion").id
    assert window.current_session_id() == session_id  # selected
    with qtbot.waitSignal(window.runner.finished, timeout=120000):
        pass
    shown = [s.text for s in window.editor.model.segments()]
    assert shown == [s.text for s in window.store.segments(session_id)] and len(shown) >= 4
    phases = [m.split("…")[0] for m in messages]
    for phase in ("Reading panel.wav", "Finding speech", "Transcribing", "Finding who spoke when"):
        assert phase in phases, messages
    chunks = [re.match(r"Transcribing… chunk (\d+) of (\d+), 00:00:\d\d of 00:00:\d\d", m) for m in messages]
    counted = [(int(c[1]), int(c[2])) for c in chunks if c]
    assert counted and counted[0][0] == 1 and counted[-1][0] == counted[-1][1], messages  # from the first to the last
    assert [number for number, _ in counted] == sorted(number for number, _ in counted)
    assert values[1] > 0 and values == sorted(values) and len(set(values)) > 5  # moves, and only forward


def test_every_model_is_loaded_on_one_loader_thread_that_stays_alive(monkeypatch):
    """CTranslate2 computes several times slower with a model whose loading thread has ended
    (bench/bench_model_thread.py), so jobs on their own threads never load the model themselves."""
    from minutes.asr import registry

    loaded_on: list[threading.Thread] = []
    monkeypatch.setattr(registry, "load", lambda source: loaded_on.append(threading.current_thread()) or object())
    provider = ModelProvider()
    provider.preload("bundled")
    got = []
    jobs = [threading.Thread(target=lambda: got.append(provider.get("bundled"))) for _ in range(3)]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()
    assert len(loaded_on) == 1 and len({id(model) for model in got}) == 1  # loaded once, shared
    loader = loaded_on[0]
    assert loader.name.startswith("model-loader") and loader is not threading.main_thread()
    assert loader.is_alive() and all(not job.is_alive() for job in jobs)


def test_a_failed_job_leaves_no_stale_progress_in_the_status_bar(qtbot):
    from PySide6.QtWidgets import QStatusBar

    from minutes.errors import MinutesError
    from minutes.ui.job_runner import JobRunner
    from minutes.ui.workers import Job

    class Failing(Job):
        def work(self) -> object:
            self.progress.emit(0.0, "Loading the speech model…")
            raise MinutesError("The recording is missing.")

    bar = QStatusBar()
    qtbot.addWidget(bar)
    runner = JobRunner(bar)
    with qtbot.waitSignal(runner.failed, timeout=10000) as failed:
        runner.start(Failing())
    assert failed.args[1] == "The recording is missing."
    assert bar.currentMessage() == "" and not runner.busy and not runner.progress.isVisible()
