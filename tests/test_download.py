"""Downloading a larger model: byte progress, cancel and resume, checksums, and offline use afterwards.

No test reaches a model hub: a small HTTP server on the loopback interface plays the hub, serving the
bundled model's files as if they were the ``small`` repository.
"""

from __future__ import annotations

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from minutes.asr import download, registry
from minutes.asr.pipeline import TranscribeOptions, transcribe
from minutes.errors import Cancelled, ModelError
from tests import speech

REPO = download.MODELS["small"]


class FakeHub(ThreadingHTTPServer):
    """Serves ``files`` as the repository ``REPO``, with the hub's listing API and byte ranges."""

    def __init__(self, files: dict[str, Path], damaged: set[str] = frozenset()) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files = files
        self.sha256 = {name: _sha256(path) for name, path in files.items()}
        self.damaged = damaged
        self.ranges: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: FakeHub

    def log_message(self, *args: object) -> None:
        """Quiet: the test output is not the place for an access log."""

    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        if self.path == f"/api/models/{REPO}/tree/main":
            listing = [{"type": "file", "path": "README.md", "size": 10}]
            for name, path in self.server.files.items():
                size = path.stat().st_size
                lfs = {"oid": self.server.sha256[name], "size": size} if name == "model.bin" else None
                listing.append({"type": "file", "path": name, "size": size, "lfs": lfs})
            return self._send(200, json.dumps(listing).encode())
        name = self.path.removeprefix(f"/{REPO}/resolve/main/")
        if name not in self.server.files:
            return self._send(404, b"not found")
        data = self.server.files[name].read_bytes()
        if name in self.server.damaged:
            data = bytes(len(data))
        first = 0
        if "Range" in self.headers:
            self.server.ranges.append(self.headers["Range"])
            first = int(self.headers["Range"].removeprefix("bytes=").rstrip("-"))
        self._send(206 if first else 200, data[first:])

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for at in range(0, len(body), 1 << 20):
            self.wfile.write(body[at : at + (1 << 20)])


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def hub(tmp_path, monkeypatch, model):
    """A fake hub serving the bundled model as ``small``; the data folder is a fresh one."""
    bundled = registry.bundled_model_dir()
    files = {name: bundled / name for name in ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")}
    server = FakeHub(files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("MINUTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HF_HUB_OFFLINE")
    yield server
    server.shutdown()
    server.server_close()


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
    assert _sha256(download.model_dir("small") / "model.bin") == hub.sha256["model.bin"]


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
