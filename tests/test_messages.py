"""Core messages are translatable without Qt: a finished English sentence is matched to its template."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from minutes import jobs, messages
from minutes.domain import Session
from minutes.errors import StoreError
from minutes.store import WorkshopStore

ROOT = Path(__file__).resolve().parents[1]
CHINESE = {
    'A session titled "{title}" already exists in {self.root}. Choose another title.':
        "{self.root} 中已有標題為「{title}」的議程。請改用其他標題。",
    "{path} is a folder, not an audio or video file.": "{path} 是資料夾，不是音訊或影片檔。",
}


def test_a_raised_sentence_comes_back_translated_with_its_values(tmp_path):
    root = tmp_path / "W.minutes"
    with WorkshopStore.open(root, create=True) as store:
        store.add_session(Session(title="開幕 Opening"))
        with pytest.raises(StoreError) as raised:
            jobs.add_media_session(store, np.zeros(16000, "float32"), Session(title="開幕 Opening"))
    english = str(raised.value)
    assert english == f'A session titled "開幕 Opening" already exists in {root}. Choose another title.'
    chinese = messages.translate(english, lambda t: CHINESE.get(t, t))
    assert chinese == f"{root} 中已有標題為「開幕 Opening」的議程。請改用其他標題。"
    assert messages.translate(english, lambda t: t) == english  # no translation: the English sentence
    assert messages.translate("Something else entirely.", lambda t: "x") == "Something else entirely."


def test_templates_are_collected_from_raises_and_markers():
    templates = json.loads((ROOT / "resources" / "translations" / "core_messages.json").read_text(encoding="utf-8"))
    assert "{path} is a folder, not an audio or video file." in templates
    # One rule, one sentence: the store checks a title for every caller.
    assert [t for t in templates if "already exists in" in t and "A session titled" in t] == [
        'A session titled "{title}" already exists in {self.root}. Choose another title.']
    assert not any("RTTM" in t for t in templates)  # a ValueError is a bug, for the log: not translated
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert update_translations.core_messages() == templates
    assert messages.N_("marked") == "marked"
    # The command line prints the English sentence, whatever the interface language.
    result = subprocess.run([sys.executable, "-m", "minutes", "transcribe", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == f"minutes: error: {ROOT} is a folder, not an audio or video file.\n"
