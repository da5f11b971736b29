"""Agglomerative clustering of speaker embeddings with a calibrated threshold, and small-cluster handling.

Why agglomerative and not spectral: the eigengap of a spectral embedding under-counts when there are many
voices or when some speak briefly (12 AMI voices became 3). Average-linkage clustering on cosine similarity
merges two groups of windows only while their windows are, on average, more alike than two different voices
are; the threshold was calibrated on CAM++ 1 s windows (same voice: average similarity 0.45–0.75, close-talk
higher; different voices: 0.35–0.45). Clusters with too little speech to be a speaker (a cough, a crossing
of two voices) are then given to the nearest real speaker, and every window finally joins its nearest
centroid, which undoes early merging mistakes.

The nearest-neighbour-chain algorithm builds the full average-linkage tree in O(n²) time and one n×n
float32 matrix; longer sessions first join consecutive windows of one voice into short segments (see
:func:`group_consecutive`), so the matrix stays bounded whatever the length. Pure numpy.
"""

from __future__ import annotations

import numpy as np

MAX_CLUSTER_POINTS = 2500  # 25 MB of float32 similarities; more windows are grouped into segments first


def centroids(emb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """L2-normalised mean embedding of each label ``0..max(labels)``."""
    k = int(labels.max()) + 1 if labels.size else 0
    cents = np.zeros((k, emb.shape[1]), dtype=np.float32)
    np.add.at(cents, labels, emb)
    return cents / np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-8)


def relabel_by_first_appearance(labels: np.ndarray) -> np.ndarray:
    """Renumber labels ``0..k-1`` in order of first appearance (stable, human-friendly speaker numbers)."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(first.size, dtype=np.int64)
    rank[np.argsort(first)] = np.arange(first.size)
    return rank[inverse.reshape(-1)]


def average_linkage(emb: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """The average-linkage tree of L2-normalised ``emb`` on cosine similarity.

    Returns ``(n - 1, 3)`` rows ``(similarity, a, b)``: cluster ``b`` joined cluster ``a`` when their average
    similarity was ``similarity`` (clusters are named by one of their points). A point may stand for several
    windows: its row is then their plain mean and ``weights`` their number, which gives exactly the tree of
    the windows with each group kept together. Nearest-neighbour chain: O(n²) time, one n×n matrix.
    """
    n = emb.shape[0]
    size = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64).copy()
    sim = (emb @ emb.T).astype(np.float32)
    np.fill_diagonal(sim, -np.inf)
    merges = np.zeros((max(n - 1, 0), 3))
    chain: list[int] = []
    alive = np.ones(n, dtype=bool)
    for step in range(n - 1):
        while True:
            if not chain:
                chain.append(int(np.argmax(alive)))
            a = chain[-1]
            b = int(np.argmax(sim[a]))
            if len(chain) > 1 and sim[a, chain[-2]] >= sim[a, b]:
                b = chain[-2]  # ties keep the chain's pair, so the walk always ends in a reciprocal pair
            if len(chain) > 1 and b == chain[-2]:
                break
            chain.append(b)
        chain.pop()
        chain.pop()
        merges[step] = (sim[a, b], a, b)
        joined = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
        sim[a], sim[:, a] = joined, joined
        sim[a, a] = -np.inf
        sim[b], sim[:, b] = -np.inf, -np.inf
        size[a] += size[b]
        alive[b] = False
    return merges


def cut(
    merges: np.ndarray, n: int, threshold: float, min_clusters: int = 1, max_clusters: int | None = None
) -> np.ndarray:
    """Labels of ``n`` points after applying the merges above ``threshold``, within the cluster bounds.

    Average linkage never merges at a higher similarity than an earlier merge, so applying merges from the
    most to the least similar reproduces the tree; the cut stops at ``threshold`` unless that leaves more
    than ``max_clusters``, and never goes below ``min_clusters``.
    """
    parent = np.arange(n)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    clusters = n
    high = n if max_clusters is None else max_clusters
    for similarity, a, b in merges[np.argsort(-merges[:, 0], kind="stable")] if n > 1 else []:
        if clusters <= max(1, min_clusters) or (similarity < threshold and clusters <= high):
            break
        parent[root(int(b))] = root(int(a))
        clusters -= 1
    return relabel_by_first_appearance(np.array([root(i) for i in range(n)], dtype=np.int64))


def group_consecutive(emb: np.ndarray, contiguous: np.ndarray, target: int, min_similarity: float = 0.5
                      ) -> np.ndarray:
    """Group id of each window: runs of up to ``ceil(n / target)`` consecutive windows of one voice.

    ``contiguous[i]`` says window ``i`` directly follows window ``i - 1`` (same speech region). A window
    starts a new group when it is not contiguous, when the group is full, or when it is less similar than
    ``min_similarity`` to the group so far (a change of speaker inside a region).
    """
    n = emb.shape[0]
    size = max(1, -(-n // max(target, 1)))
    group = np.zeros(n, dtype=np.int64)
    current, count, total = -1, 0, np.zeros(emb.shape[1], dtype=np.float32)
    for i in range(n):
        if current >= 0 and contiguous[i] and count < size:
            mean = total / max(float(np.linalg.norm(total)), 1e-8)
            if float(emb[i] @ mean) >= min_similarity:
                total += emb[i]
                count += 1
                group[i] = current
                continue
        current, count, total = current + 1, 1, emb[i].copy()
        group[i] = current
    return group


def absorb_small(emb: np.ndarray, labels: np.ndarray, min_size: int, min_clusters: int = 1) -> np.ndarray:
    """Move windows of clusters smaller than ``min_size`` to the nearest large cluster.

    A handful of windows rarely is a real speaker; more often it is laughter, noise or a crossing of two voices.
    The ``min_clusters`` largest clusters are kept whatever their size.
    """
    labels = relabel_by_first_appearance(labels)
    sizes = np.bincount(labels)
    order = np.argsort(-sizes, kind="stable")
    big = sorted({int(j) for j in order if sizes[j] >= min_size} | {int(j) for j in order[: max(1, min_clusters)]})
    if len(big) == sizes.size:
        return labels
    cents = centroids(emb, labels)[big]
    small = ~np.isin(labels, big)
    labels[small] = np.asarray(big)[np.argmax(emb[small] @ cents.T, axis=1)]
    return relabel_by_first_appearance(labels)


def reassign_to_centroids(emb: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Every window joins its nearest centroid (one k-means step), keeping cluster numbers."""
    return np.argmax(emb @ centroids(emb, labels).T, axis=1)
