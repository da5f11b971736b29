"""Tagging, the Key strategies panel, the tag-set editor and the rapporteur's notes, against a real store."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from minutes import editing
from minutes.domain import Participant, Segment, Session, Speaker
from minutes.store import WorkshopStore
from minutes.ui.notes_panel import NotesPanel
from minutes.ui.strategies_panel import COMMENT, SPEAKER, TEXT, StrategiesPanel
from minutes.ui.tag_dialog import TagDialog, TagSetDialog
from minutes.ui.tagging import Tagger, shortcut_actions


@pytest.fixture
def session(store: WorkshopStore) -> tuple[int, list[Segment]]:
    """A session of three segments: a Taiwanese official in Mandarin, a prosecutor in English, then again."""
    sid = store.add_session(Session(title="Opening")).id
    official = store.add_participant(Participant("馬士元", organisation="內政部"))
    ma = store.add_speaker(sid, Speaker("Speaker 1", official.id))
    santos = store.add_speaker(sid, Speaker("Maria Santos"))
    segments = store.add_segments(sid, [
        Segment(0.0, 4.0, "我們加強了邊境的預防措施。", ma.id, "zh"),
        Segment(4.0, 9.5, "Victims need shelter before they can testify.", santos.id, "en"),
        Segment(9.5, 14.0, "跨國合作是起訴人口販運的關鍵。", ma.id, "zh"),
    ])
    return sid, segments


@pytest.fixture
def stack(qapp) -> QUndoStack:
    undo = QUndoStack()
    yield undo
    undo.clear()  # Python commands must not outlive the test's store


@pytest.fixture
def tagger(store, stack) -> Tagger:
    return Tagger(store, stack)


def tag_id(store: WorkshopStore, name: str) -> int:
    return store.find_tag(name).id


def test_tag_span_undo_redo(store, session, tagger, stack):
    sid, segments = session
    prevention, partnership = tag_id(store, "Prevention"), tag_id(store, "Partnership")
    with_signal = []
    tagger.changed.connect(with_signal.append)
    tagger.tag_span(sid, segments[0].start, segments[0].end, [prevention, partnership], "border screening")
    [stored] = store.annotations(sid)
    assert (stored.start, stored.end, stored.tag_ids, stored.comment) == (0.0, 4.0, sorted([prevention, partnership]),
                                                                           "border screening")
    assert with_signal == [sid]
    assert stack.undoText() == "Tag Prevention, Partnership"
    stack.undo()
    assert store.annotations(sid) == []
    stack.redo()
    assert store.annotations(sid)[0].comment == "border screening"

    # Tagging the same span again adds to the annotation instead of making a second one.
    challenge = tag_id(store, "Challenge")
    tagger.tag_span(sid, 0.0, 4.0, [challenge])
    [again] = store.annotations(sid)
    assert set(again.tag_ids) == {prevention, partnership, challenge} and again.comment == "border screening"


def test_update_and_delete_undo_redo_follow_the_new_id(store, session, tagger, stack):
    sid, segments = session
    protection = tag_id(store, "Protection")
    first = tagger.tag_span(sid, 4.0, 9.5, [protection], "shelters")
    tagger.edit_annotation(sid, first.id, tag_ids=[protection], comment="shelters first", confidential=True)
    assert store.annotations(sid)[0].comment == "shelters first" and store.annotations(sid)[0].confidential
    tagger.delete_annotation(sid, first.id)
    assert store.annotations(sid) == []
    stack.undo()  # the delete: the annotation comes back, possibly under a new id
    assert store.annotations(sid)[0].comment == "shelters first"
    stack.undo()  # the update must reach it through its new id
    restored = store.annotations(sid)[0]
    assert (restored.comment, restored.confidential) == ("shelters", False)
    stack.redo()
    stack.redo()
    assert store.annotations(sid) == []
    stack.undo()
    stack.undo()
    stack.undo()  # the add
    assert store.annotations(sid) == []
    assert not stack.canUndo()


def test_toggle_adds_and_removes_one_tag(store, session, tagger, stack):
    sid, segments = session
    prevention, challenge = tag_id(store, "Prevention"), tag_id(store, "Challenge")
    assert tagger.toggle_tag(sid, 0.0, 4.0, prevention) is True
    assert tagger.toggle_tag(sid, 0.0, 4.0, challenge) is True
    assert store.annotations(sid)[0].tag_ids == sorted([prevention, challenge])
    assert tagger.toggle_tag(sid, 0.0, 4.0, prevention) is False
    assert store.annotations(sid)[0].tag_ids == [challenge]
    assert tagger.toggle_tag(sid, 0.0, 4.0, challenge) is False
    assert store.annotations(sid) == []  # nothing left to say: removed, not kept empty
    stack.undo()
    assert store.annotations(sid)[0].tag_ids == [challenge]


def test_shortcut_actions_tag_the_first_nine(store, session, tagger):
    sid, segments = session
    parent = QWidget()
    target = segments[1]
    actions = shortcut_actions(parent, store.tags(),
                               lambda tag: tagger.toggle_tag(sid, target.start, target.end, tag))
    assert len(actions) == 8  # the default set has eight tags
    assert [a.shortcut().toString() for a in actions[:3]] == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]
    assert actions[1].text() == "Tag as Protection"
    actions[1].trigger()
    actions[4].trigger()
    [stored] = store.annotations(sid)
    assert (stored.start, stored.end) == (target.start, target.end)
    assert stored.tag_ids == sorted([tag_id(store, "Protection"), tag_id(store, "Recommendation")])
    many = [replace(t, id=100 + i, name=f"T{i}") for i, t in enumerate(store.tags() * 2)]
    assert len(shortcut_actions(parent, many)) == 9
    parent.deleteLater()


def test_confidential_marks_and_unmarks_after_a_split(store, session, tagger, stack):
    sid, segments = session
    tagger.set_confidential(sid, 9.5, 14.0, True)
    [marked] = store.annotations(sid)
    assert marked.confidential and marked.tag_ids == []
    assert tagger.is_confidential(sid, 10.0, 11.0)
    # The segment is split; unmarking the left half still finds the mark (by time, not by span).
    left, right = editing.split(segments[2], 5)
    store.replace_segments(sid, [segments[2].id], [left, right])
    tagger.set_confidential(sid, left.start, left.end, False)
    assert store.annotations(sid) == []
    stack.undo()
    assert store.annotations(sid)[0].confidential


def test_annotation_stays_anchored_through_edits(store, session, tagger):
    sid, segments = session
    prosecution = tag_id(store, "Prosecution")
    tagger.tag_span(sid, segments[2].start, segments[2].end, [prosecution])
    edited = editing.edit_text(segments[2], "跨國合作是起訴人口販運集團的關鍵。")
    store.replace_segments(sid, [segments[2].id], [edited])
    merged = editing.merge(store.segments(sid)[1], store.segments(sid)[2])
    store.replace_segments(sid, [s.id for s in store.segments(sid)[1:]], [merged])
    [annotation] = store.annotations(sid)
    assert (annotation.start, annotation.end, annotation.tag_ids) == (9.5, 14.0, [prosecution])
    panel = StrategiesPanel()
    panel.show_session(store, sid)
    item = panel.item_indexes()[0]
    assert "集團" in item.siblingAtColumn(TEXT).data()  # the edited text is shown under the same tag
    panel.deleteLater()


def test_strategies_panel_groups_in_tag_order_and_jumps(qtbot, qtmodeltester, store, session, tagger, stack):
    sid, segments = session
    partnership, prevention = tag_id(store, "Partnership"), tag_id(store, "Prevention")
    tagger.tag_span(sid, 9.5, 14.0, [partnership], "cross-border cooperation")
    tagger.tag_span(sid, 0.0, 4.0, [prevention, partnership])
    tagger.tag_span(sid, 4.0, 9.5, [], "not for the minutes", confidential=True)
    panel = StrategiesPanel()
    qtbot.addWidget(panel)
    panel.show_session(store, sid, tagger)
    groups = [panel.model.item(row).text() for row in range(panel.model.rowCount())]
    assert groups == ["Prevention (1)", "Partnership (2)", "Off the record (no tag) (1)"]
    rows = panel.item_indexes()
    assert [r.data() for r in rows] == ["00:00:00", "00:00:00", "00:00:09", "00:00:04"]
    assert rows[0].siblingAtColumn(SPEAKER).data() == "馬士元"
    assert rows[3].siblingAtColumn(SPEAKER).data() == "Maria Santos"
    assert rows[2].siblingAtColumn(COMMENT).data() == "cross-border cooperation"
    assert rows[3].siblingAtColumn(COMMENT).data() == "off the record: not for the minutes"
    assert not rows[3].siblingAtColumn(COMMENT).data(Qt.ItemDataRole.DecorationRole).isNull()  # the padlock

    panel.resize(800, 600)  # every row in view (a narrow dock wraps quotes into taller rows)
    panel.show()
    panel.tree.setCurrentIndex(rows[2])
    with qtbot.wait_signal(panel.jump_requested) as jumped:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert jumped.args == [9.5]
    rect = panel.tree.visualRect(rows[3])
    # QTest's double-click event needs the press of a first click before it, as a real mouse sends.
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.wait_signal(panel.jump_requested) as jumped:
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jumped.args == [4.0]

    panel.filter.setText("maria")
    assert [panel.model.item(r).text() for r in range(panel.model.rowCount())] == ["Off the record (no tag) (1)"]
    panel.filter.setText("")
    rows = panel.item_indexes()  # the filter rebuilt the model: the old indexes are gone

    # Edit and delete from the context menu go through the tagger: undoable, and the panel follows.
    annotation_id = rows[2].data(Qt.ItemDataRole.UserRole + 1)
    menu = panel.context_menu(rows[2])
    assert [a.text() for a in menu.actions()] == ["&Go to", "&Edit tags and comment…", "&Remove"]
    assert panel.context_menu(panel.model.item(0).index()) is None
    panel.ask_tags = lambda *args, **kwargs: ([prevention], "changed", False)
    panel.edit_annotation(annotation_id)
    assert [panel.model.item(r).text() for r in range(panel.model.rowCount())][:2] == ["Prevention (2)",
                                                                                       "Partnership (1)"]
    menu.actions()[2].trigger()
    assert panel.model.item(0).text() == "Prevention (1)"
    stack.undo()
    stack.undo()
    assert panel.model.item(1).text() == "Partnership (2)"
    qtmodeltester.check(panel.model)


def test_strategies_panel_empty_states(qtbot, qtmodeltester, store, session):
    panel = StrategiesPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty.isVisible() and "No session" in panel.empty.text()
    panel.show_session(store, session[0])
    assert panel.empty.isVisible() and "Ctrl+1" in panel.empty.text()
    qtmodeltester.check(panel.model)


def test_tag_dialog_returns_the_choice(qtbot, store, session):
    prevention, protection = tag_id(store, "Prevention"), tag_id(store, "Protection")
    dialog = TagDialog(store, "我們加強了邊境的預防措施。", [prevention], comment="old")
    qtbot.addWidget(dialog)
    assert dialog.checked_ids() == [prevention]
    dialog.set_checked([protection, prevention])
    dialog.comment.setText("  screening at airports ")
    dialog.confidential.setChecked(True)
    assert dialog.choice() == ([prevention, protection], "screening at airports", True, "", "")  # no action item
    # A click anywhere on a row toggles its tag.
    row = dialog.tag_list.item(2)
    dialog.show()
    rect = dialog.tag_list.visualItemRect(row)
    qtbot.mouseClick(dialog.tag_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tag_id(store, "Prosecution") in dialog.checked_ids()


def test_tag_set_dialog_edits_the_store(qtbot, store, warnings_shown, monkeypatch):
    dialog = TagSetDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.wait_signal(dialog.tags_changed):
        dialog.add_tag("Victim identification")
    assert store.tags()[-1].name == "Victim identification"
    assert dialog.add_tag("prevention") is None and "already a tag" in warnings_shown[-1]
    new_id = store.find_tag("Victim identification").id
    assert dialog.rename_tag(new_id, "被害人鑑別")
    assert store.tags()[-1].name == "被害人鑑別"
    assert not dialog.rename_tag(new_id, "Protection")
    dialog.recolour_tag(new_id, "#123456")
    assert store.tags()[-1].color == "#123456"
    dialog.move_tag(new_id, -1)
    assert [t.name for t in store.tags()][-2:] == ["被害人鑑別", "Challenge"]
    dialog.tag_list.setCurrentRow(0)
    dialog.move_selected(1)
    assert [t.name for t in store.tags()][:2] == ["Protection", "Prevention"]
    assert dialog.tag_list.currentItem().text().startswith("Prevention")

    # The buttons ask through hooks the test answers.
    monkeypatch.setattr(dialog, "ask_text", lambda *args: ("Labour exploitation", True))
    dialog.buttons["add"].click()
    assert store.find_tag("Labour exploitation") is not None
    monkeypatch.setattr(dialog, "ask_color", lambda *args: QColor("#00ff00"))
    dialog.buttons["colour"].click()
    assert store.find_tag("Labour exploitation").color == "#00ff00"
    monkeypatch.setattr(dialog, "ask_yes_no", lambda *args: QMessageBox.StandardButton.No)
    dialog.buttons["delete"].click()
    assert store.find_tag("Labour exploitation") is not None
    monkeypatch.setattr(dialog, "ask_yes_no", lambda *args: QMessageBox.StandardButton.Yes)
    dialog.buttons["delete"].click()
    assert store.find_tag("Labour exploitation") is None
    assert dialog.changed


def test_notes_panel_saves_and_reloads(qtbot, store, session):
    sid = session[0]
    other = store.add_session(Session(title="Panel 2")).id
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.show_session(store, sid)
    panel.summary.setPlainText("Participants agreed on joint investigations.\n雙方同意加強合作。")
    panel.add_recommendation("Set up a regional hotline", edit=False)
    panel.add_recommendation("  ", edit=False)  # a blank line is not stored
    panel.add_recommendation("建立被害人轉介機制", edit=False)
    assert store.session(sid).summary == ""  # debounced: not yet
    assert panel.flush()
    saved = store.session(sid)
    assert saved.summary == "Participants agreed on joint investigations.\n雙方同意加強合作。"
    assert saved.recommendations == ["Set up a regional hotline", "建立被害人轉介機制"]

    panel.recommendations.setCurrentRow(2)
    panel.move_selected(-2)
    panel.recommendations.setCurrentRow(2)
    panel.remove_selected()  # the blank line
    panel.show_session(store, other)  # switching session saves the first one
    assert store.session(sid).recommendations == ["建立被害人轉介機制", "Set up a regional hotline"]
    assert panel.summary.toPlainText() == "" and panel.recommendations.count() == 0

    panel.show_session(store, sid)
    assert panel.summary.toPlainText().endswith("雙方同意加強合作。")
    assert panel.recommendation_lines() == ["建立被害人轉介機制", "Set up a regional hotline"]


def test_notes_panel_saves_after_a_pause(qtbot, store, session):
    sid = session[0]
    panel = NotesPanel()
    qtbot.addWidget(panel)
    panel.show_session(store, sid)
    with qtbot.wait_signal(panel.saved, timeout=3000):
        panel.summary.insertPlainText("Typed, then a pause.")
    assert store.session(sid).summary == "Typed, then a pause."
    # A recommendation still being typed when the window closes is kept too.
    panel.show()
    panel.activateWindow()
    item = panel.add_recommendation()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    QApplication.focusWidget().setText("Train labour inspectors")
    assert panel.flush()
    assert store.session(sid).recommendations == ["Train labour inspectors"]
    assert item.text() == "Train labour inspectors"
    panel.show_session(None, None)
    assert not panel.summary.isEnabled() and not panel.buttons["add"].isEnabled()


def test_strategies_panel_wraps_quotes_and_gives_way_in_a_narrow_dock(qtbot, store, session, tagger):
    """At 1366 px the dock is a few hundred pixels wide: quotes wrap instead of showing three words, and the
    comment and speaker columns give way (their text stays in the tooltip) before anything scrolls sideways."""
    sid, _segments = session
    tagger.tag_span(sid, 0.0, 14.0, [tag_id(store, "Prevention")], "a long comment about the screening")
    panel = StrategiesPanel()
    qtbot.addWidget(panel)
    panel.show_session(store, sid, tagger)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert not panel.tree.isColumnHidden(COMMENT) and not panel.tree.isColumnHidden(SPEAKER)
    panel.resize(420, 400)
    qtbot.waitUntil(lambda: panel.tree.isColumnHidden(COMMENT))
    assert not panel.tree.isColumnHidden(SPEAKER)
    row = panel.item_indexes()[0]
    line = panel.tree.fontMetrics().height()
    assert panel.tree.visualRect(row.siblingAtColumn(TEXT)).height() > 2 * line  # wrapped over several lines
    assert "a long comment" in row.siblingAtColumn(TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert not panel.tree.horizontalScrollBar().isVisible()
    panel.resize(300, 400)
    qtbot.waitUntil(lambda: panel.tree.isColumnHidden(SPEAKER))
