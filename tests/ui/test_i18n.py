"""The Traditional Chinese interface: real widgets built under the zh_TW translation, and the .ts/.qm kept whole.

Every test that installs the translation removes it again (the ``zh_tw`` fixture), so the other tests, which
check English texts, still see English.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from opencc import OpenCC
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton

from minutes.domain import Segment, Session, Tag
from minutes.ui.dialogs import RosterDialog, SessionDialog, WorkshopDialog
from minutes.ui.export_dialog import ExportDialog
from minutes.ui.find_bar import FindBar
from minutes.ui.i18n import install_translator, translations_dir
from minutes.ui.settings import Settings
from minutes.ui.start_page import StartPage
from minutes.ui.tagging import Tagger, shortcut_actions
from minutes.ui.transcript_model import TranscriptModel

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "minutes_zh_TW.ts"
_S2T = OpenCC("s2t")


@pytest.fixture
def zh_tw(qapp) -> Iterator[None]:
    """The interface in Traditional Chinese for one test; English again afterwards."""
    assert install_translator(qapp, "zh_TW")
    try:
        yield
    finally:
        assert not install_translator(qapp, "en")


def form_labels(form: QFormLayout) -> list[str]:
    labels = (form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount()))
    return [item.widget().text() for item in labels if item is not None and isinstance(item.widget(), QLabel)]


# -- widgets in Chinese ----------------------------------------------------------------------------


@pytest.mark.usefixtures("zh_tw")
def test_find_bar_and_start_page(qtbot):
    bar = FindBar()
    qtbot.addWidget(bar)
    assert bar.find_edit.placeholderText() == "尋找"
    assert bar.replace_edit.placeholderText() == "取代為"
    assert bar.replace_button.text() == "全部取代"
    assert bar.replace_button.toolTip() == "在本議程所有段落中取代（可一次復原）"

    page = StartPage()
    qtbot.addWidget(page)
    assert {button.text() for button in page.findChildren(QPushButton)} == {"新增工作坊…", "開啟工作坊…"}
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any("只在這台電腦上處理" in text for text in texts)
    assert "最近的工作坊（按兩下開啟）：" in texts


@pytest.mark.usefixtures("zh_tw")
def test_workshop_dialog(qtbot, store):
    dialog = WorkshopDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "工作坊"
    form = dialog.findChild(QFormLayout)
    assert form_labels(form) == ["名稱(&T)：", "日期(&D)：", "地點(&V)：", "主辦單位(&O)：", "預設語言(&L)：",
                                 "中文字體(&S)："]
    assert dialog.ok_button.toolTip() == "儲存工作坊資料"
    assert dialog.language_combo.itemText(0) == "自動（逐段偵測）"
    assert dialog.script_combo.itemText(0) == "繁體（台灣）"
    dialog.title_edit.clear()
    assert dialog.message.text() == "工作坊必須有名稱。"
    assert not dialog.ok_button.isEnabled()


@pytest.mark.usefixtures("zh_tw")
def test_session_and_roster_dialogs(qtbot, store, people):
    store.add_session(Session(title="開幕"))
    dialog = SessionDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "新增議程"
    dialog.title_edit.setText("開幕")
    assert dialog.message.text() == "已有名為「開幕」的議程，請改用其他名稱。"
    assert dialog.add_person_button.text() == "新增與會者(&N)…"
    assert dialog.no_time_check.text() == "無時間(&I)"
    assert_unique_mnemonics(dialog)

    roster = RosterDialog(store)
    qtbot.addWidget(roster)
    assert roster.windowTitle() == "與會者"
    headers = [roster.model.headerData(c, Qt.Orientation.Horizontal) for c in range(roster.model.columnCount())]
    assert headers == ["姓名", "職稱", "單位", "國家／地區"]
    assert roster.count_label.text() == "4 位與會者"
    roster.filter_edit.setText("Santos")
    assert roster.count_label.text() == "顯示 1 / 4 位"


@pytest.mark.usefixtures("zh_tw")
def test_export_dialog_transcript_tags_and_csv_errors(qtbot, store):
    export = ExportDialog(has_session=True)
    qtbot.addWidget(export)
    assert export.windowTitle() == "匯出會議紀錄"
    assert export.this_session.text() == "本議程"

    model = TranscriptModel()
    model.set_segments([Segment(0.0, 2.0, "你好", None, "zh", id=1)], {})
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == ["時間", "講者", "語言", "內容"]

    tag = store.add_tag(Tag(name="人口販運", color="#35978f"))  # a workshop's own tag keeps its name
    assert [a.text() for a in shortcut_actions(None, [tag])] == ["標記為「人口販運」"]
    stack = QUndoStack()
    try:
        session_id = store.add_session(Session(title="開幕")).id
        Tagger(store, stack).tag_span(session_id, 0.0, 2.0, [tag.id])
        assert stack.undoText() == "標記 人口販運"
    finally:
        stack.clear()


@pytest.mark.usefixtures("zh_tw")
def test_core_errors_are_shown_in_chinese(qtbot, tmp_path, warnings_shown):
    from minutes.store import WorkshopStore
    from minutes.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    root = tmp_path / "Locked.minutes"
    with WorkshopStore.open(root, create=True):
        assert not window.open_workshop(root, create=False)  # the store's LockedError, raised in English
    assert warnings_shown == [f"工作坊 {root} 正由另一個 Minutes 視窗或指令開啟寫入中。請先在那裡關閉後再試一次。"]
    (tmp_path / "file.minutes").write_text("not a folder")
    assert not window.open_workshop(tmp_path / "file.minutes", create=False)
    assert "是檔案，不是工作坊資料夾" in warnings_shown[-1] or "不是 Minutes 工作坊" in warnings_shown[-1]
    window.close()


# -- English stays English -------------------------------------------------------------------------


def test_english_needs_no_translation_and_chinese_is_removed_again(qtbot, qapp):
    assert not install_translator(qapp, "en")
    bar = FindBar()
    qtbot.addWidget(bar)
    assert bar.find_edit.placeholderText() == "Find"
    assert bar.replace_button.text() == "Replace all"

    assert install_translator(qapp, "zh-TW")
    try:
        assert QCoreApplication.translate("StartPage", "Open workshop…") == "開啟工作坊…"
    finally:
        assert not install_translator(qapp, "en")
    assert QCoreApplication.translate("StartPage", "Open workshop…") == "Open workshop…"
    page = StartPage()
    qtbot.addWidget(page)
    assert {button.text() for button in page.findChildren(QPushButton)} == {"New workshop…", "Open workshop…"}


def test_the_language_is_a_setting(qapp, monkeypatch):
    monkeypatch.delenv("MINUTES_LANGUAGE", raising=False)
    settings = Settings()
    before = settings.language()
    try:
        settings.set_language("zh_TW")
        assert Settings().language() == "zh_TW"
        monkeypatch.setenv("MINUTES_LANGUAGE", "en")
        assert Settings().language() == "en"
    finally:
        settings.set_language(before)


# -- the translation files -------------------------------------------------------------------------


def current_messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message the code still uses."""
    messages = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("vanished", "obsolete"):
                messages.append((context.findtext("name"), message.findtext("source"), translation))
    return messages


def test_every_message_is_translated():
    messages = current_messages()
    assert len(messages) > 250
    for context, source, translation in messages:
        text = translation.text or ""
        assert translation.get("type") is None and text.strip(), (context, source)
        # The same placeholders, mnemonics and line breaks as the English.
        assert sorted(re.findall(r"\{[^}]*\}", text)) == sorted(re.findall(r"\{[^}]*\}", source)), (context, source)
        assert [m.upper() for m in re.findall(r"&(\w)", text)] == [m.upper() for m in re.findall(r"&(\w)", source)], \
            (context, source)
        assert text.count("\n") == source.count("\n"), (context, source)
        # Traditional, not Simplified (OpenCC's s2t also rewrites 台 and 游, which Taiwan writes: 台灣, 游標).
        simplified_only = [ch for ch in text if ch not in "台游" and _S2T.convert(ch) != ch]
        assert not simplified_only, (context, source, simplified_only)


def test_ts_matches_the_code_and_qm_matches_the_ts():
    """lupdate finds nothing new in src/minutes/ui, everything is translated and the .qm is compiled from the .ts."""
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_minutes_labels_follow_the_interface_language(qtbot, monkeypatch):
    monkeypatch.setenv("MINUTES_LANGUAGE", "zh_TW")
    chinese = ExportDialog(None, has_session=True)
    qtbot.addWidget(chinese)
    assert chinese.labels.currentData() == "zh-TW"
    monkeypatch.setenv("MINUTES_LANGUAGE", "en")
    english = ExportDialog(None, has_session=True)
    qtbot.addWidget(english)
    assert english.labels.currentData() == "en"


def mnemonics(widget) -> list[str]:  # noqa: ANN001
    """The Alt+letter of every label, check box, button and group box in ``widget``."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    texts = [w.text() for w in widget.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    texts += [w.title() for w in widget.findChildren(QGroupBox)]
    return [m.casefold() for text in texts for m in re.findall(r"(?<!&)&([^&\s])", text)]


def assert_unique_mnemonics(widget) -> None:  # noqa: ANN001
    found = mnemonics(widget)
    assert found and len(found) == len(set(found)), sorted(found)


def test_session_dialog_mnemonics_do_not_clash_in_english(qtbot, store):
    dialog = SessionDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.no_time_check.text() == "No t&ime"  # Ti&me: is the time field's
    assert_unique_mnemonics(dialog)


@pytest.mark.usefixtures("zh_tw")
def test_speaker_n_is_translated_but_names_are_not(qtbot, store):
    from minutes.domain import Participant, Speaker
    from minutes.ui.speaker_names import shown_label, shown_names

    assert shown_label("Speaker 4") == "講者 4"
    assert shown_label("Speaker 4b") == "Speaker 4b" and shown_label("林志明") == "林志明"
    session = store.add_session(Session(title="開幕"))
    lin = store.add_participant(Participant("林志明"))
    first = store.add_speaker(session.id, Speaker("Speaker 1"))
    second = store.add_speaker(session.id, Speaker("Speaker 2", lin.id))
    assert shown_names(store, session.id) == {first.id: "講者 1", second.id: "林志明"}
    assert store.speaker_names(session.id)[first.id] == "Speaker 1"  # the store keeps the English label


@pytest.mark.usefixtures("zh_tw")
def test_window_title_and_anonymous_speakers_in_chinese(qtbot, tmp_path, model):
    from minutes.domain import Speaker
    from minutes.store import WorkshopStore
    from minutes.ui.main_window import MainWindow
    from tests.ui.models import SeededModels

    root = tmp_path / "Taipei.minutes"
    with WorkshopStore.open(root, create=True) as store:
        session = store.add_session(Session(title="開幕"))
        voice = store.add_speaker(session.id, Speaker("Speaker 3"))
        store.add_segments(session.id, [Segment(0.0, 2.0, "歡迎各位。", voice.id, "zh")])
    window = MainWindow(SeededModels(model))
    qtbot.addWidget(window)
    assert window.windowTitle() == "會議紀錄"
    assert window.open_workshop(root, create=False)
    assert window.windowTitle() == "會議紀錄 — Taipei"
    assert window.editor.model.index(0, 1).data() == "講者 3"
    window.close()
