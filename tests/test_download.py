"""Downloading a larger model: byte progress, cancel and resume, checksums, and offline use afterwards.

No test reaches a model hub: a small HTTP server on the loopback interface plays the hub, serving the
bundled model's files as if they were the ``small`` repository.
"""

from __future__ import annotations

import pytest

from minutes.asr import download, registry
from minutes.asr.pipeline import TranscribeOptions, transcribe
from minutes.errors import Cancelled, ModelError
from tests import speech
from tests.fake_hub import serving, sha256


@pytest.fixture
def hub(tmp_path, monkeypatch):
    with serving(tmp_path, monkeypatch) as server:
        yield server


def test_a_downloaded_model_transcribes_offline(hub, monkeypatch, data):
    seen: list[tuple[int, int]] = []
    folder = download.download("small", progress=lambda done, total: seen.append((done, total)), hub=hub.url)
    total = sum(p.stat().st_size for p in hub.files.values())
    assert folder == download.model_dir("small") and download.is_downloaded("small")
    assert seen[-1] == (total, total) and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:], strict=False))
    assert len(seen) > 100  # byte progress, not one step per file
    assert not (folder / "README.md").exists()

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    source = registry.resolve("small")
    assert source.local and source.path_or_name == str(folder)
    found = []
    transcribe(registry.load(source), speech.load(data / "en_librispeech_1995-1837-0001.wav"),
               TranscribeOptions(language="en"), lambda segments, _: found.extend(segments))
    assert "sorrow" in " ".join(s.text for s in found).lower()


def test_a_cancelled_download_leaves_no_model_and_resumes(hub):
    def cancel_midway(done: int, total: int) -> None:
        stop["now"] = done > total // 2

    stop = {"now": False}
    with pytest.raises(Cancelled):
        download.download("small", progress=cancel_midway, cancelled=lambda: stop["now"], hub=hub.url)
    assert not download.is_downloaded("small") and registry.resolve("small").local is False

    resumed: list[int] = []
    download.download("small", progress=lambda done, _: resumed.append(done), hub=hub.url)
    assert hub.ranges and resumed[0] > 0  # it went on from the bytes it had
    assert sha256(download.model_dir("small") / "model.bin") == hub.sha256["model.bin"]


def test_a_damaged_file_is_refused(hub):
    hub.damaged = {"model.bin"}
    with pytest.raises(ModelError, match="damaged"):
        download.download("small", hub=hub.url)
    assert not download.is_downloaded("small")


def test_downloads_name_the_problem(hub, monkeypatch):
    with pytest.raises(ModelError, match="Unknown model 'huge'"):
        download.download("huge", hub=hub.url)
    with pytest.raises(ModelError, match="Cannot reach the model hub"):
        download.download("small", hub="http://127.0.0.1:9")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="switched off"):
        download.download("small", hub=hub.url)
