"""One signal for every change: the window announces OpChanges and each view refreshes what it shows."""

from __future__ import annotations

from minutes.domain import Participant, Segment, Session, Speaker
from minutes.operations.changes import OpChanges
from minutes.store import WorkshopStore
from minutes.ui.main_window import MainWindow
from minutes.ui.transcript_model import SPEAKER


def test_views_refresh_themselves_from_the_announced_changes(qtbot, tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        store.update_workshop(title="Workshop 2024")
        session = store.add_session(Session(title="Opening"))
        person = store.add_participant(Participant("Dr. Chen"))
        speaker = store.add_speaker(session.id, Speaker("Speaker 1", person.id))
        store.add_segments(session.id, [Segment(0.0, 1.0, "Welcome.", speaker.id)])
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_workshop(root, create=False)
    heard: list[OpChanges] = []
    window.operation_did_execute.connect(lambda changes, _origin: heard.append(changes))
    model = window.editor.model
    assert model.index(0, SPEAKER).data() == "Dr. Chen"

    window.store.update_participant(person.id, name="Dr. Chen Mei-ling")
    window.store.update_workshop(title="Regional Workshop 2024")
    window.store.add_session(Session(title="Closing"))
    assert model.index(0, SPEAKER).data() == "Dr. Chen"  # nothing shown changes until it is announced
    window.announce(OpChanges(participants=True) | OpChanges(workshop=True, sessions=True))
    assert model.index(0, SPEAKER).data() == "Dr. Chen Mei-ling"
    assert window.windowTitle() == "Minutes — Regional Workshop 2024"
    assert window.sessions.count() == 2 and window.current_session_id() == session.id
    assert [p.list.item(0).text() for p in [window.speakers_panel]] == ["Dr. Chen Mei-ling  (Speaker 1)"]
    window.announce(OpChanges())  # nothing changed: nothing is announced
    assert len(heard) == 1 and heard[0].participants and heard[0].workshop and heard[0].session_id is None
    window.close()
