"""A model hub on the loopback interface: serves the bundled model's files as the ``small`` repository,
with the hub's listing API and byte ranges, so downloads are tested without reaching any hub."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from minutes.asr import download, registry

REPO = download.MODELS["small"]


class FakeHub(ThreadingHTTPServer):
    """Serves ``files`` as the repository ``REPO``, with the hub's listing API and byte ranges."""

    def __init__(self, files: dict[str, Path], damaged: set[str] = frozenset()) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.files = files
        self.sha256 = {name: sha256(path) for name, path in files.items()}
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


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def serving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHub]:
    """A fake hub serving the bundled model as ``small``, and a fresh data folder to download into."""
    bundled = registry.bundled_model_dir()
    files = {name: bundled / name for name in ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")}
    server = FakeHub(files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("MINUTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HF_HUB_OFFLINE")
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
