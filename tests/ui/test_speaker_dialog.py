"""Change speaker: the session's voices, its planned speakers and the roster, or a new name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from minutes.domain import Session, Speaker
from minutes.ui.dialogs.speaker_dialog import SpeakerDialog


def items(dialog: SpeakerDialog) -> list[str]:
    combo = dialog.combo
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) is not None]


def test_offers_the_voices_then_the_planned_speakers_then_the_roster(qtbot, store, people):
    session = store.add_session(Session(title="Opening"))
    voice = store.add_speaker(session.id, Speaker("Speaker 1"))
    santos = store.add_speaker(session.id, Speaker("Speaker 2", people["Maria Santos"].id))
    store.set_session_participants(session.id, [people["王小明"].id, people["Maria Santos"].id])
    dialog = SpeakerDialog(store, session.id, current=santos.id)
    qtbot.addWidget(dialog)
    assert items(dialog) == ["Speaker 1", "Maria Santos", "王小明 (planned speaker)",
                             "John Smith — Homeland Security Investigations",
                             "馬士元 — 內政部 Ministry of the Interior", "Another voice, not named yet"]
    assert dialog.combo.currentText() == "Maria Santos"  # the current speaker is preselected

    # A planned speaker who has not spoken yet: a new speaker named after them, in one step.
    dialog.combo.setCurrentIndex(dialog.combo.findText("王小明 (planned speaker)"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    chosen = dialog.result_value.value
    assert chosen not in (voice.id, santos.id)
    assert store.speaker_names(session.id)[chosen] == "王小明"
    assert dialog.result_value.changes.speakers

    # The same person again: their speaker, not another one.
    again = SpeakerDialog(store, session.id)
    qtbot.addWidget(again)
    again.combo.setCurrentIndex(again.combo.findText("王小明"))
    again.accept()
    assert again.result_value.value == chosen and len(store.speakers(session.id)) == 3


def test_a_typed_name_joins_the_roster_and_a_blank_is_refused(qtbot, store, people):
    session = store.add_session(Session(title="Opening"))
    dialog = SpeakerDialog(store, session.id)
    qtbot.addWidget(dialog)
    dialog.combo.setEditText("  ")
    dialog.accept()
    assert dialog.result_value is None and dialog.message.text() == "Choose a speaker, or type a name."
    dialog.combo.setEditText("Dr. Chen Mei-ling")
    dialog.accept()
    assert store.speaker_names(session.id)[dialog.result_value.value] == "Dr. Chen Mei-ling"
    assert store.find_participant("Dr. Chen Mei-ling") is not None and dialog.result_value.changes.participants

    unnamed = SpeakerDialog(store, session.id)
    qtbot.addWidget(unnamed)
    unnamed.combo.setCurrentIndex(unnamed.combo.findText("Another voice, not named yet"))
    unnamed.accept()
    assert store.speaker_names(session.id)[unnamed.result_value.value] == "Speaker 2"
