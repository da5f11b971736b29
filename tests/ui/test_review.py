"""The reviewer's window, driven through the real widgets (offscreen Qt): doubt shown in the transcript, F8 /
Shift+F8, Enter accepts, typing corrects, correct everywhere and the glossary, the checked share kept across a
restart, the workshop title, the session details, the player's duration, speaker colours and the timeline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from minutes import jobs
from minutes.domain import Segment, Session, Speaker, Word
from minutes.store import WorkshopStore
from minutes.ui.doubt_delegate import SHADE
from minutes.ui.main_window import MainWindow
from minutes.ui.review import EVERYWHERE_AND_GLOSSARY, ONLY_HERE, Review
from minutes.ui.settings import Settings
from minutes.ui.transcript_model import SPEAKER
from tests import speech


def said(start: float, *words: tuple[str, float]) -> list[Word]:
    return [Word(start + i * 0.6, start + i * 0.6 + 0.5, text, p) for i, (text, p) in enumerate(words)]


@pytest.fixture
def workshop(tmp_path, data):
    root = tmp_path / "Asia Workshop.minutes"
    with WorkshopStore.open(root, create=True) as store:
        store.update_workshop(title="Regional Workshop on Trafficking")
        audio = speech.load(data / "en_librispeech_1995-1837-0001.wav")
        session = jobs.add_media_session(store, audio, Session(title="Session 1", date="2024-08-28"))
        first = store.add_speaker(session.id, Speaker("Speaker 1"))
        second = store.add_speaker(session.id, Speaker("Speaker 2"))
        store.add_segments(session.id, [
            Segment(0.0, 2.4, "Thank you, Mr. Wong Lee.", first.id,
                    words=said(0.0, (" Thank", 0.95), (" you,", 0.97), (" Mr.", 0.9), (" Wong", 0.2), (" Lee.", 0.3))),
            Segment(3.0, 5.0, "We agree entirely.", second.id,
                    words=said(3.0, (" We", 0.99), (" agree", 0.98), (" entirely.", 0.96))),
            Segment(5.5, 8.0, "As Wong Lee said, we act.", first.id,
                    words=said(5.5, (" As", 0.9), (" Wong", 0.9), (" Lee", 0.9), (" said,", 0.9), (" we", 0.9),
                               (" act.", 0.9)), flags=["overlap"]),
        ])
    return root


@pytest.fixture
def played(monkeypatch) -> list[float]:
    """Where playback was asked to start. Nothing is played: a test process that played through QtMultimedia's
    FFmpeg backend (with no sound server) sometimes aborted at exit."""
    from minutes.ui.player import PlayerBar

    calls: list[float] = []
    monkeypatch.setattr(PlayerBar, "play_from", lambda _self, seconds: calls.append(seconds))
    return calls


@pytest.fixture
def window(qtbot, workshop, played):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    assert win.open_workshop(workshop, create=False)
    yield win
    win.close()


def test_the_window_reads_at_a_glance(window):
    assert window.windowTitle() == "Minutes — Regional Workshop on Trafficking"
    assert window.workshop_label.text() == "Regional Workshop on Trafficking"
    item = window.sessions.item(0)
    assert item.text() == "Session 1"
    assert item.toolTip() == "2024-08-28 · 9 s · new · Draft"
    assert window.player.time_label.text() == "00:00:00 / 00:00:08"  # before Play is pressed


def test_doubtful_words_are_shaded_in_the_transcript(window, qtbot):
    qtbot.waitUntil(lambda: window.table.rowHeight(0) > 0)
    image = window.table.viewport().grab().toImage()
    shade = SHADE.rgb()
    shaded = sum(image.pixel(x, y) == shade for x in range(0, image.width(), 2) for y in range(0, 30))
    assert shaded > 20
    window.review.set_threshold(0.1)  # now nothing is doubtful but the flagged segment
    window.review.refresh()
    image = window.table.viewport().grab().toImage()
    assert not any(image.pixel(x, y) == shade for x in range(0, image.width(), 2) for y in range(0, 30))
    assert [p.segment_id for p in window.review.places()] == [window.editor.model.segment(2).id]


def test_f8_goes_from_place_to_place_and_plays_from_a_second_before(window, played):
    window.next_place_action.trigger()
    assert window.review.active and window.review.bar.isVisible()
    assert window.transcript.current_row() == 0
    assert window.review.bar.correction.text() == "Wong Lee."
    assert played == [pytest.approx(0.8)]  # the first doubtful word starts at 1.8 s
    window.next_place_action.trigger()
    assert window.transcript.current_row() == 2 and window.review.bar.correction.text() == ""
    assert "overlapping speech" in window.review.bar.place_label.text()
    window.previous_place_action.trigger()
    assert window.transcript.current_row() == 0
    assert window.next_place_action.shortcut().toString() == "F8"
    assert window.previous_place_action.shortcut().toString() == "Shift+F8"


def test_typing_corrects_the_words_and_enter_accepts_the_segment(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(Review, "ask_everywhere",
                        staticmethod(lambda *args: asked.append(args[1:]) or EVERYWHERE_AND_GLOSSARY))
    window.next_place_action.trigger()
    window.table.setFocus()
    qtbot.keyClicks(window.table, "Wang Li.")  # typed on the transcript: it goes to the correction field
    assert window.review.bar.correction.text() == "Wang Li."
    qtbot.keyClick(window.review.bar.correction, Qt.Key.Key_Return)
    segments = window.store.segments(window.editor.session_id)
    assert segments[0].text == "Thank you, Mr. Wang Li." and segments[0].checked
    assert [(w.text, w.start, w.probability) for w in segments[0].words[3:]] == [
        (" Wang", 1.8, 1.0), (" Li.", 2.4, 1.0)]
    assert asked == [("Wong Lee", "Wang Li", 1, False)]
    assert segments[2].text == "As Wang Li said, we act." and not segments[2].checked
    assert window.store.glossary() == ["Wang Li"]
    assert window.transcript.current_row() == 2  # Enter went on to the next place
    qtbot.waitUntil(lambda: window.review.bar.progress.value() == int(1000 * 2.4 / (2.4 + 2.0 + 2.5)))
    window.undo_action.trigger()
    assert not window.store.segments(window.editor.session_id)[0].checked
    window.undo_action.trigger()  # the term the glossary was taught, the change made after the corrections
    assert window.store.glossary() == []
    window.undo_action.trigger()
    assert window.store.segments(window.editor.session_id)[2].text == "As Wong Lee said, we act."


def test_a_correction_can_stay_where_it_was_made(window, monkeypatch):
    asked = []
    monkeypatch.setattr(Review, "ask_everywhere",
                        staticmethod(lambda *args: asked.append(args[1:]) or ONLY_HERE))
    window.next_place_action.trigger()
    window.review.bar.correction.setText("Wang Li.")
    window.review.accept()
    segments = window.store.segments(window.editor.session_id)
    assert asked == [("Wong Lee", "Wang Li", 1, False)]
    assert segments[0].text == "Thank you, Mr. Wang Li." and segments[2].text == "As Wong Lee said, we act."
    assert window.store.glossary() == []


def test_checked_segments_survive_a_restart(window, workshop, qtbot):
    window.table.selectRow(1)
    window.mark_checked_action.trigger()
    expected = int(1000 * 2.0 / (2.4 + 2.0 + 2.5))
    qtbot.waitUntil(lambda: window.review.bar.progress.value() == expected)
    window.close_workshop()
    assert window.open_workshop(workshop, create=False)
    qtbot.waitUntil(lambda: window.review.bar.progress.value() == expected)
    assert [s.checked for s in window.editor.model.segments()] == [False, True, False]


def test_each_speaker_has_one_colour_everywhere(window, qtbot):
    model = window.editor.model
    first, second = (model.index(r, SPEAKER).data(Qt.ItemDataRole.ForegroundRole) for r in (0, 1))
    assert isinstance(first, QColor) and first != second
    assert model.index(2, SPEAKER).data(Qt.ItemDataRole.ForegroundRole) == first
    panel_icon = window.speakers_panel.list.item(0).icon().pixmap(12, 12).toImage()
    assert QColor(panel_icon.pixel(6, 6)) == first
    assert window.review.timeline._speech[0][2] == first


def test_clicking_the_timeline_seeks_and_shows_the_segment(window, qtbot, monkeypatch):
    sought = []
    monkeypatch.setattr(window.player, "seek", sought.append)
    strip = window.review.timeline
    assert strip.duration == pytest.approx(8.73, abs=0.01)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(int(strip.width() * 6.0 / strip.duration), 15))
    assert window.transcript.current_row() == 2
    assert sought == [pytest.approx(6.0, abs=8.73 / strip.width() + 1e-6)]


def test_the_review_menu_is_reached_from_the_keyboard(window):
    titles = [a.text() for a in window.menuBar().actions()]
    letters = [t[t.index("&") + 1].lower() for t in titles if "&" in t]
    assert len(letters) == len(titles) == len(set(letters)), titles
    review = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    entries = [a.text() for a in review.actions() if a.text()]
    letters = [t[t.index("&") + 1].lower() for t in entries if "&" in t]
    assert len(letters) == len(entries) == len(set(letters)), entries
    assert window.review_action.shortcut().toString() == "F7"


def test_speech_without_text_is_found_in_the_recording_and_visited(window, qtbot, data, played):
    clip = speech.load(data / "en_librispeech_1995-1837-0001.wav")
    store = window.store
    session = jobs.add_media_session(store, speech.join(clip, speech.silence(2.0), clip), Session(title="Dropped"))
    store.add_segments(session.id, [Segment(0.0, 8.7, "It was the first great sorrow of his life.",
                                            words=said(0.0, (" It", 0.99)))])
    store.update_session(session.id, status="transcribed")  # not while it is being transcribed
    window.reload_sessions(select_id=session.id)
    qtbot.waitUntil(lambda: any(p.segment_id is None for p in window.review.places()), timeout=60_000)
    missing = [p for p in window.review.places() if p.segment_id is None]
    assert len(missing) == 1 and abs(missing[0].start - 10.7) < 0.7 and abs(missing[0].end - 19.4) < 0.7
    window.next_place_action.trigger()
    assert "speech without text" in window.review.bar.place_label.text()
    assert not window.review.bar.correction.isEnabled()
    assert played == [pytest.approx(missing[0].start - 1.0)]
    assert (missing[0].start, missing[0].end) in window.review.timeline._doubts


def test_the_threshold_is_chosen_in_the_review_menu_and_remembered(window):
    review = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Review")
    thresholds = next(a.menu() for a in review.actions() if a.menu() is not None)
    choices = {a.text(): a for a in thresholds.actions()}
    assert choices["50 % sure"].isChecked()
    assert len(window.review.places()) == 2
    choices["30 % sure"].trigger()
    assert window.review.threshold == 0.3 and Settings().doubt_threshold() == 0.3
    first, flagged = window.review.places()
    assert (first.first, first.last) == (3, 4) and flagged.flags == ("overlap",)  # "Wong" (20 %), not "Lee." (30 %)
    choices["50 % sure"].trigger()
