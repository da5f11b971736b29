"""Download a larger faster-whisper model into the data folder once, with byte progress and cancellation.

The bundled *base* model is weak on meeting speech; ``small`` and ``large-v3-turbo`` are better but too
large to ship. While the laptop is online, :func:`download` fetches the files faster-whisper needs from the
Hugging Face hub (``HF_ENDPOINT`` names a mirror) one by one into ``<data dir>/models/faster-whisper-NAME``,
checking each large file against the SHA-256 the hub lists. Partial files are kept, so a cancelled or broken
download resumes where it stopped; the folder only takes its final name when every file is there, and
:func:`minutes.asr.registry.resolve` then loads it from disk (``local_files_only``), offline.
"""

from __future__ import annotations

import fnmatch
import hashlib
import http.client
import json
import os
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from minutes.errors import Cancelled, ModelError
from minutes.paths import data_dir

MODELS = {
    "small": "Systran/faster-whisper-small",
    "large-v3-turbo": "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
}
# What faster-whisper's own download_model fetches from such a repository.
PATTERNS = ("config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*")
DEFAULT_ENDPOINT = "https://huggingface.co"
_BLOCK = 1 << 20
_TIMEOUT = 30

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RemoteFile:
    """One file of the model repository: its path, size in bytes and SHA-256 (large files only)."""

    path: str
    size: int
    sha256: str | None = None


def model_dir(name: str) -> Path:
    """Where the model ``name`` lives once downloaded."""
    return data_dir() / "models" / f"faster-whisper-{name}"


def is_downloaded(name: str) -> bool:
    """True if the model ``name`` was downloaded completely."""
    folder = model_dir(name)
    return (folder / "model.bin").is_file() and (folder / "config.json").is_file()


def endpoint() -> str:
    """The hub to download from: ``HF_ENDPOINT`` (a mirror) or Hugging Face."""
    return os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")


def list_files(repo: str, hub: str) -> list[RemoteFile]:
    """The files of ``repo`` that a faster-whisper model needs, with their sizes."""
    with _open(f"{hub}/api/models/{repo}/tree/main") as response:
        listing = json.load(response)
    files = []
    for item in listing:
        if item.get("type") != "file" or not any(fnmatch.fnmatch(item["path"], p) for p in PATTERNS):
            continue
        lfs = item.get("lfs") or {}
        files.append(RemoteFile(item["path"], int(lfs.get("size") or item.get("size") or 0), lfs.get("oid")))
    if not any(f.path == "model.bin" for f in files):
        raise ModelError(f"{repo} holds no model.bin: it is not a faster-whisper model.")
    return files


def download(name: str, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             hub: str | None = None) -> Path:
    """Download the model ``name`` (a key of :data:`MODELS`); returns its folder. Raises Cancelled."""
    if name not in MODELS:
        raise ModelError(f"Unknown model '{name}'. Models that can be downloaded: {', '.join(MODELS)}.")
    if os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0"):
        raise ModelError("Downloads are switched off on this computer (HF_HUB_OFFLINE is set).")
    target = model_dir(name)
    if is_downloaded(name):
        return target
    hub = (hub or endpoint()).rstrip("/")
    repo = MODELS[name]
    files = list_files(repo, hub)
    partial = target.with_name(target.name + ".part")
    total = sum(f.size for f in files)
    done = 0
    try:
        partial.mkdir(parents=True, exist_ok=True)
        for file in files:
            url = f"{hub}/{repo}/resolve/main/{quote(file.path)}"
            done = _fetch(url, partial / file.path, file, done, total, progress, cancelled)
        if target.exists():
            shutil.rmtree(target)
        os.replace(partial, target)
    except OSError as exc:
        raise ModelError(f"Could not store the model in {target.parent}: {exc.strerror or exc}. "
                         "Free some disk space or set MINUTES_DATA_DIR to a writable folder.") from exc
    return target


def _fetch(url: str, path: Path, file: RemoteFile, done: int, total: int, progress: Progress | None,
           cancelled: Callable[[], bool] | None) -> int:
    """Download one file into ``path`` (resuming a partial one); returns the bytes done overall."""
    have = path.stat().st_size if path.exists() else 0
    if file.size and have == file.size and _verified(path, file):
        return done + have
    if have >= file.size:
        have = 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    with _open(url, headers) as response:
        if have and response.status != 206:
            have = 0  # the server sends the whole file: start again
        with open(path, "ab" if have else "wb") as out:
            if progress is not None:
                progress(done + have, total)
            while block := _read(response):
                if cancelled is not None and cancelled():
                    raise Cancelled
                out.write(block)
                have += len(block)
                if progress is not None:
                    progress(done + have, total)
    if not _verified(path, file):
        path.unlink()
        raise ModelError(f"The downloaded {file.path} is damaged (its size or checksum is wrong). Try again.")
    return done + have


def _read(response: http.client.HTTPResponse) -> bytes:
    try:
        return response.read(_BLOCK)
    except (OSError, http.client.HTTPException) as exc:
        raise ModelError(f"The download broke off ({exc}). Try again: it continues where it stopped.") from exc


def _verified(path: Path, file: RemoteFile) -> bool:
    if file.size and path.stat().st_size != file.size:
        return False
    if not file.sha256:
        return True
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest() == file.sha256


def _open(url: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=_TIMEOUT)
    except urllib.error.HTTPError as exc:
        raise ModelError(f"The model hub answered {exc.code} for {url}. Check the model name and try later."
                         ) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(f"Cannot reach the model hub ({reason}). Connect to the network and try again."
                         ) from exc
