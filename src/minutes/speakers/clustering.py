"""Spectral clustering of speaker embeddings with an eigengap estimate of the speaker count.

Follows 3D-Speaker's ``SpectralCluster``: cosine affinity, per-row pruning that keeps only each window's
nearest neighbours (so one speaker's windows form a tight block even when the embedding space is crowded),
unnormalised graph Laplacian, number of speakers at the largest eigengap, k-means on the leading eigenvectors.
Clusters whose centroids are close (cosine above a threshold) are then merged, which keeps one voice that the
eigengap split in two as one speaker. Pure numpy: no scipy or scikit-learn at run time.
"""

from __future__ import annotations

import numpy as np

MAX_CLUSTER_POINTS = 1500  # eigh is cubic; longer sessions are clustered on an even subsample


def cosine_affinity(x: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity of the rows of ``x``."""
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-8)
    return x @ x.T


def _prune(sim: np.ndarray, pval: float, min_keep: int = 6) -> np.ndarray:
    """Keep each row's ``max(min_keep, pval * n)`` largest affinities, then symmetrise (3D-Speaker p-pruning)."""
    n = sim.shape[0]
    keep = min(n, max(min_keep, int(np.ceil(pval * n))))
    pruned = np.zeros_like(sim)
    idx = np.argpartition(-sim, keep - 1, axis=1)[:, :keep]
    rows = np.arange(n)[:, None]
    pruned[rows, idx] = sim[rows, idx]
    return 0.5 * (pruned + pruned.T)


def _kmeans(x: np.ndarray, k: int, *, seed: int = 0, restarts: int = 10, iters: int = 100) -> np.ndarray:
    """Plain k-means with k-means++ seeding; the lowest-inertia of several restarts wins."""
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    best_labels, best_inertia = np.zeros(n, dtype=np.int64), np.inf
    for _ in range(restarts):
        centers = [x[rng.integers(n)]]
        for _ in range(1, k):
            d2 = np.min(((x[:, None, :] - np.asarray(centers)[None]) ** 2).sum(-1), axis=1)
            total = d2.sum()
            probs = d2 / total if total > 0 else np.full(n, 1.0 / n)
            centers.append(x[rng.choice(n, p=probs)])
        c = np.asarray(centers)
        labels = np.zeros(n, dtype=np.int64)
        for it in range(iters):
            d2 = ((x[:, None, :] - c[None]) ** 2).sum(-1)
            new = np.argmin(d2, axis=1)
            if it > 0 and np.array_equal(new, labels):
                break
            labels = new
            for j in range(k):
                members = x[labels == j]
                if members.shape[0]:
                    c[j] = members.mean(axis=0)
        inertia = float(((x - c[labels]) ** 2).sum())
        if inertia < best_inertia:
            best_inertia, best_labels = inertia, labels
    return best_labels


def estimate_and_cluster(
    emb: np.ndarray,
    *,
    num_speakers: int | None = None,
    min_speakers: int = 1,
    max_speakers: int = 15,
    pval: float = 0.022,
) -> np.ndarray:
    """Cluster labels ``0..k-1`` for L2-normalised embeddings ``(n, d)``."""
    n = emb.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if num_speakers is not None:
        min_speakers = max_speakers = num_speakers
    max_speakers = min(max_speakers, n)
    min_speakers = min(max(1, min_speakers), max_speakers)
    if max_speakers <= 1 or n < 3:
        return np.zeros(n, dtype=np.int64)

    sim = _prune(cosine_affinity(emb), pval)
    np.fill_diagonal(sim, 0.0)
    laplacian = np.diag(np.abs(sim).sum(axis=1)) - sim
    eigvals, eigvecs = np.linalg.eigh(laplacian)
    if min_speakers == max_speakers:
        k = min_speakers
    else:
        gaps = np.diff(eigvals[min_speakers - 1 : max_speakers + 1])
        k = int(np.argmax(gaps)) + min_speakers
    if k <= 1:
        return np.zeros(n, dtype=np.int64)
    return _kmeans(eigvecs[:, :k], k)


def relabel_by_first_appearance(labels: np.ndarray) -> np.ndarray:
    """Renumber labels ``0..k-1`` in order of first appearance (stable, human-friendly speaker numbers)."""
    mapping: dict[int, int] = {}
    out = np.empty_like(labels)
    for i, lab in enumerate(labels.tolist()):
        out[i] = mapping.setdefault(lab, len(mapping))
    return out


def centroids(emb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """L2-normalised mean embedding of each label ``0..max(labels)``."""
    k = int(labels.max()) + 1 if labels.size else 0
    cents = np.zeros((k, emb.shape[1]), dtype=np.float32)
    for j in range(k):
        members = emb[labels == j]
        if members.shape[0]:
            cents[j] = members.mean(axis=0)
    return cents / np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-8)


def merge_similar(
    emb: np.ndarray, labels: np.ndarray, threshold: float, min_clusters: int = 1
) -> np.ndarray:
    """Merge the closest pair of clusters while their centroid cosine exceeds ``threshold``."""
    labels = labels.copy()
    while True:
        uniq = np.unique(labels)
        if uniq.size <= max(1, min_clusters):
            return relabel_by_first_appearance(labels)
        cents = centroids(emb, np.searchsorted(uniq, labels))
        sim = cents @ cents.T
        np.fill_diagonal(sim, -np.inf)
        i, j = np.unravel_index(int(np.argmax(sim)), sim.shape)
        if sim[i, j] < threshold:
            return relabel_by_first_appearance(labels)
        labels[labels == uniq[j]] = uniq[i]


def absorb_small(emb: np.ndarray, labels: np.ndarray, min_size: int, min_clusters: int = 1) -> np.ndarray:
    """Move windows of clusters smaller than ``min_size`` to the nearest large cluster.

    A handful of windows rarely is a real speaker; more often it is laughter, noise or a crossing of two voices.
    """
    labels = relabel_by_first_appearance(labels)
    sizes = np.bincount(labels)
    order = np.argsort(-sizes)
    big = [int(j) for j in order if sizes[j] >= min_size]
    big = sorted(set(big) | {int(j) for j in order[: max(1, min_clusters)]})
    if len(big) == sizes.size:
        return labels
    cents = centroids(emb, labels)[big]
    small = ~np.isin(labels, big)
    labels[small] = np.asarray(big)[np.argmax(emb[small] @ cents.T, axis=1)]
    return relabel_by_first_appearance(labels)
