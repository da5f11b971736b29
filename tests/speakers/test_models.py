"""Model files and lazy cached sessions (load time and speed are measured in bench/bench_diarize.py)."""

from __future__ import annotations

import numpy as np

from minutes.speakers import models


def test_models_are_in_resources():
    folder = models.models_dir()
    assert folder.name == "models" and folder.parent.name == "resources"
    for name in (models.SEGMENTATION_FILE, models.EMBEDDING_FILE):
        assert (folder / name).stat().st_size > 1_000_000
    assert (folder / "LICENSES.md").is_file()


def test_sessions_are_cached_and_shapes_right():
    assert models.segmentation_session() is models.segmentation_session()
    assert models.embedding_session() is models.embedding_session()
    seg = models.run_segmentation(np.zeros((2, 160000), np.float32))
    assert seg.shape == (2, 589, 7)
    np.testing.assert_allclose(np.exp(seg).sum(-1), 1.0, atol=1e-4)  # log-softmax over the powerset
    emb = models.run_embedding(np.random.default_rng(0).standard_normal((3, 150, 80)).astype(np.float32))
    assert emb.shape == (3, 192)
