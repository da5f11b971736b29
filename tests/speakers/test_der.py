"""The DER scorer used by the diarization tests (values cross-checked against pyannote.metrics 4.2)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.speakers.der import der, der_components, hungarian_max


def test_perfect_and_relabelled_hypothesis_score_zero():
    ref = [(0, 5, "A"), (5, 10, "B")]
    assert der(ref, ref) == 0.0
    assert der(ref, [(0, 5, 1), (5, 10, 0)]) == 0.0


def test_components_without_collar():
    ref = [(0, 10, "A"), (10, 20, "B")]
    hyp = [(0, 12, "x"), (12, 18, "y")]  # 2 s confusion, 2 s missed
    c = der_components(ref, hyp, collar=0.0)
    assert (c.total, c.missed, c.false_alarm, c.confusion) == pytest.approx((20, 2, 0, 2))
    assert c.der == pytest.approx(0.2)


def test_collar_forgives_boundaries():
    ref = [(1.0, 5.0, "A")]
    hyp = [(1.2, 4.8, "A")]
    assert der(ref, hyp, collar=0.0) == pytest.approx(0.4 / 4.0)
    assert der(ref, hyp, collar=0.5) == pytest.approx(0.0)


def test_overlap_is_scored():
    ref = [(0, 10, "A"), (5, 10, "B")]
    assert der(ref, [(0, 10, "a")], collar=0.0) == pytest.approx(5 / 15)
    assert der(ref, [(0, 10, "a"), (5, 10, "b")], collar=0.0) == 0.0
    # False alarm counts extra speakers too.
    assert der([(0, 10, "A")], [(0, 10, "a"), (0, 5, "b")], collar=0.0) == pytest.approx(0.5)


def test_matches_pyannote_on_an_ami_clip():
    # Hypothesis and figures from a run cross-checked with pyannote.metrics DiarizationErrorRate(collar=0.5).
    ref = [(1.440, 13.312, "MEE009"), (13.152, 16.922, "MEE012"), (18.064, 18.400, "MEE012"),
           (18.201, 20.640, "MEE009"), (20.560, 21.616, "MEE012")]
    hyp = [(2.08, 4.08, 0), (4.08, 5.59, 1), (5.59, 12.57, 0), (12.57, 16.57, 2), (16.57, 18.06, 1),
           (18.06, 20.55, 0), (20.55, 21.58, 2)]
    c = der_components(ref, hyp)
    # pyannote.metrics 4.2.0 gives: total 16.458, missed 0.390, false alarm 0.642, confusion 1.944, DER 0.1808
    assert c.total == pytest.approx(16.458, abs=2e-3)
    assert c.missed == pytest.approx(0.390, abs=2e-3)
    assert c.false_alarm == pytest.approx(0.642, abs=2e-3)
    assert c.confusion == pytest.approx(1.944, abs=2e-3)
    assert c.der == pytest.approx(0.1808, abs=2e-4)


def test_hungarian_rectangular():
    assert sorted(hungarian_max(np.array([[1.0, 5.0, 0.0], [4.0, 1.0, 0.0]]))) == [(0, 1), (1, 0)]
