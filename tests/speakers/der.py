"""Diarization error rate, scored like pyannote.metrics ``DiarizationErrorRate(collar=0.5, skip_overlap=False)``.

Kept in the test tree so the suite needs no pyannote packages. Time is sampled on a 1 ms grid; a ``collar`` of
total width ``collar`` seconds (half on each side) around every reference turn boundary is left unscored;
overlapped speech is scored (each frame counts as many reference speakers as are talking). Reference and
hypothesis labels are matched one-to-one to maximise the scored overlap (Hungarian algorithm), then

    DER = (missed + false alarm + confusion) / total reference speech

with, per frame, missed = max(0, ref - hyp), false alarm = max(0, hyp - ref),
confusion = min(ref, hyp) - correctly mapped. Checked against pyannote.metrics 4.x on the bench clips.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

RESOLUTION = 0.001


@dataclass
class DERComponents:
    total: float
    missed: float
    false_alarm: float
    confusion: float

    @property
    def der(self) -> float:
        if self.total <= 0:
            return 0.0 if self.missed + self.false_alarm + self.confusion == 0 else 1.0
        return (self.missed + self.false_alarm + self.confusion) / self.total


def _activity(turns: Sequence[tuple[float, float, object]], n: int) -> tuple[np.ndarray, list[object]]:
    labels = sorted({t[2] for t in turns}, key=str)
    act = np.zeros((n, len(labels)), dtype=bool)
    index = {lab: i for i, lab in enumerate(labels)}
    for start, end, lab in turns:
        a, b = int(round(start / RESOLUTION)), int(round(end / RESOLUTION))
        act[max(a, 0) : min(b, n), index[lab]] = True
    return act, labels


def hungarian_max(weight: np.ndarray) -> list[tuple[int, int]]:
    """Row/column pairs of a maximum-weight one-to-one assignment (rectangular allowed)."""
    rows, cols = weight.shape
    size = max(rows, cols)
    cost = np.zeros((size, size))
    cost[:rows, :cols] = weight.max(initial=0.0) - weight
    # Classic O(n^3) shortest augmenting path (Jonker-Volgenant style potentials), 1-based internally.
    u, v = np.zeros(size + 1), np.zeros(size + 1)
    p, way = np.zeros(size + 1, dtype=int), np.zeros(size + 1, dtype=int)
    for i in range(1, size + 1):
        p[0], j0 = i, 0
        minv, used = np.full(size + 1, np.inf), np.zeros(size + 1, dtype=bool)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], np.inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1, j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    pairs = [(int(p[j]) - 1, j - 1) for j in range(1, size + 1) if p[j]]
    return [(r, c) for r, c in pairs if r < rows and c < cols]


def der_components(
    reference: Iterable[tuple[float, float, object]],
    hypothesis: Iterable[tuple[float, float, object]],
    *,
    collar: float = 0.5,
    uem: tuple[float, float] | None = None,
) -> DERComponents:
    """DER components for ``(start, end, label)`` turns; ``uem`` defaults to the extent of both."""
    ref, hyp = list(reference), list(hypothesis)
    ends = [t[1] for t in ref + hyp] or [0.0]
    lo, hi = uem if uem is not None else (min([t[0] for t in ref + hyp] or [0.0]), max(ends))
    n = int(round(max(ends + [hi]) / RESOLUTION)) + 1
    ref_act, _ = _activity(ref, n)
    hyp_act, _ = _activity(hyp, n)

    scored = np.zeros(n, dtype=bool)
    scored[int(round(lo / RESOLUTION)) : int(round(hi / RESOLUTION))] = True
    half = int(round(collar / 2 / RESOLUTION))
    if half:
        for start, end, _ in ref:
            for t in (start, end):
                c = int(round(t / RESOLUTION))
                scored[max(0, c - half) : c + half] = False
    ref_act, hyp_act = ref_act[scored], hyp_act[scored]

    n_ref, n_hyp = ref_act.sum(axis=1), hyp_act.sum(axis=1)
    correct = np.zeros(ref_act.shape[0], dtype=np.int64)
    if ref_act.shape[1] and hyp_act.shape[1]:
        overlap = ref_act.T.astype(np.float64) @ hyp_act.astype(np.float64)
        for r, h in hungarian_max(overlap):
            correct += ref_act[:, r] & hyp_act[:, h]
    return DERComponents(
        total=float(n_ref.sum() * RESOLUTION),
        missed=float(np.maximum(0, n_ref - n_hyp).sum() * RESOLUTION),
        false_alarm=float(np.maximum(0, n_hyp - n_ref).sum() * RESOLUTION),
        confusion=float((np.minimum(n_ref, n_hyp) - correct).sum() * RESOLUTION),
    )


def der(
    reference: Iterable[tuple[float, float, object]],
    hypothesis: Iterable[tuple[float, float, object]],
    *,
    collar: float = 0.5,
    uem: tuple[float, float] | None = None,
) -> float:
    """Diarization error rate (0..1+) of ``hypothesis`` against ``reference``."""
    return der_components(reference, hypothesis, collar=collar, uem=uem).der
