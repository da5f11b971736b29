"""Offline speaker diarization: who spoke when, with onnxruntime and numpy only.

Pipeline (see the "Speakers" notes for why each piece is there):

1. pyannote segmentation-3.0 over sliding 10 s chunks gives speech probability, overlap probability and the
   largest number of speakers any chunk saw. Speech detection matters most on far-field meetings.
2. Speech regions are cut into 1.0 s windows side by side and embedded with CAM++; inside long stretches
   of one voice, every other window copies its neighbour instead (see sparse.py).
3. Average-linkage clustering with a calibrated similarity threshold (see clustering.py) counts the voices;
   a voice needs a few seconds of speech to count as a speaker, the segmentation's local count is a lower
   bound so that several quiet speakers do not collapse into one, and every window finally joins its
   nearest speaker.
4. Each speech frame takes the speaker that the windows covering it are most similar to, with a bonus for the
   speakers that the segmentation's own local speakers there were matched to (each chunk follows its voices
   frame by frame, across overlap, where a 1 s window hears mostly the louder voice); where the segmentation
   hears overlap, the second best speaker is added.
5. Turns of one speaker separated by short pauses are merged, and tiny turns dropped.

The audio is read from an :class:`~minutes.audio.source.AudioSource` a few seconds at a time, so a 90-minute
session needs no more memory for audio than a 30-second clip; what is kept is per-frame speech and overlap
probabilities and one embedding per second of speech.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

import numpy as np

from minutes.audio.source import ArraySource, AudioSource

from . import clustering, segmentation, sparse
from . import enrolled as enrolled_voices
from .embedding import embed_windows
from .segmentation import FRAME_STEP, FRAME_STEP_SAMPLES

SAMPLE_RATE = 16000


class Turn(NamedTuple):
    """One stretch of speech by one speaker, in seconds from the start of the session."""

    start: float
    end: float
    speaker: int


@dataclass
class Diarization:
    """Result of :func:`diarize`.

    ``turns`` are sorted by start (overlapping speech gives overlapping turns of different speakers);
    ``embeddings[k]`` is the L2-normalised centroid CAM++ embedding of speaker ``k``, usable to match voices
    across sessions by cosine similarity. ``enrolled[k]`` is ``(profile index, similarity)`` for a speaker whose
    speech was matched to an enrolled voice before clustering; the similarity (the average of the speaker's
    windows) is a confidence for the user to confirm.
    """

    turns: list[Turn] = field(default_factory=list)
    embeddings: np.ndarray = field(default_factory=lambda: np.zeros((0, 192), dtype=np.float32))
    enrolled: dict[int, tuple[int, float]] = field(default_factory=dict)

    @property
    def num_speakers(self) -> int:
        return int(self.embeddings.shape[0])

    @property
    def speakers(self) -> list[int]:
        return sorted({t.speaker for t in self.turns})


@dataclass(frozen=True)
class Settings:
    """Tuning knobs; the defaults were chosen on the AMI and two-voice benchmarks (bench/bench_diarize.py)."""

    speech_threshold: float = 0.45
    # Summed two-speaker powerset probability. 0.3 before the local speaker tracks chose the second voice;
    # with them 0.2 finds more of the crosstalk (AMI mean over steps 2-5 s: 27.7 % against 28.1 % at 0.3).
    overlap_threshold: float = 0.2
    min_speech_s: float = 0.1  # shorter detections are clicks or breaths
    fill_gap_s: float = 0.1  # shorter pauses inside speech do not split a region
    # Windows side by side rather than overlapping: half the embedding work, and on the AMI benchmarks the
    # same DER (each frame's speaker is still decided from the windows around it).
    window_s: float = 1.0
    hop_s: float = 1.0
    # Each 10 s chunk costs as much as embedding 2 s of speech. A 4 s step (every frame seen by two or three
    # chunks) halved the segmentation's CPU against 2 s; on the AMI clips the mean DER moved by less than the
    # step's phase alone moves it (26.9 % at 2 s, 30.6 % at 2.5 s, 27.4 % at 3 s, 27.9 % at 4 s).
    segmentation_step_s: float = 4.0
    # Quiet far-field speech is heard in some chunks and not in others (it depends on what else the chunk
    # holds), so the speech probability blends the chunk average with the most confident chunk.
    speech_max_weight: float = 0.5  # 0 = Hamming-weighted mean over chunks, 1 = most confident chunk
    min_local_active_s: float = 1.0  # a chunk's local speaker counts towards the lower bound above this
    # Inside a stretch of one voice this long (windows at most sparse_gap_s apart, no change of speaker heard
    # by the segmentation), every other window copies its neighbour when the windows around it agree this
    # much (same voice: 0.45-0.75, see clustering.py). Shorter stretches, as in a lively meeting, are
    # embedded in full: there one window more or less can decide whether a voice counts as a speaker.
    sparse_stretch_s: float = 10.0
    sparse_gap_s: float = 3.0
    sparse_agreement: float = 0.5
    linkage_threshold: float = 0.46  # average window similarity above which two clusters are one voice
    min_speaker_s: float = 4.0  # less speech than this is not counted as a speaker of its own
    merge_turn_gap_s: float = 0.3
    # Weight of the segmentation's local speaker tracks against the windows' similarity in each frame's score
    # (see _track_share); a local speaker needs this much speech in its chunk to be matched to a speaker.
    track_weight: float = 0.15
    min_track_s: float = 0.2
    min_turn_s: float = 0.2


DEFAULT_SETTINGS = Settings()


def _to_mono_16k(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    x = np.asarray(audio, dtype=np.float32)
    if x.ndim == 2:
        # soundfile gives (samples, channels); a downmix keeps every talker of a multi-mic recording.
        x = x.mean(axis=1) if x.shape[1] <= 8 else x.mean(axis=0)
    if x.ndim != 1:
        raise ValueError(f"expected mono or (samples, channels) audio, got shape {audio.shape}")
    if sample_rate != SAMPLE_RATE:
        if sample_rate <= 0:
            raise ValueError(f"bad sample rate {sample_rate}")
        # Linear interpolation is enough for speaker features; the app records at 16 kHz anyway.
        n_out = int(round(x.shape[0] * SAMPLE_RATE / sample_rate))
        x = np.interp(np.arange(n_out) * (sample_rate / SAMPLE_RATE), np.arange(x.shape[0]), x).astype(np.float32)
    return np.ascontiguousarray(x)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """``[start, end)`` index pairs of the True runs in a boolean array."""
    if mask.size == 0:
        return []
    padded = np.concatenate([[False], mask, [False]])
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


def _speech_mask(speech: np.ndarray, s: Settings) -> np.ndarray:
    mask = speech > s.speech_threshold
    runs = _runs(mask)
    # Close short pauses first, then drop what is still too short to be speech.
    for (_, e0), (s1, _) in zip(runs[:-1], runs[1:], strict=True):
        if (s1 - e0) * FRAME_STEP < s.fill_gap_s:
            mask[e0:s1] = True
    for a, b in _runs(mask):
        if (b - a) * FRAME_STEP < s.min_speech_s:
            mask[a:b] = False
    return mask


def _window_starts(regions: list[tuple[int, int]], num_samples: int, s: Settings) -> tuple[np.ndarray, int]:
    """Sample starts (on the 10 ms grid) of fixed windows covering every speech region."""
    win = min(int(round(s.window_s * SAMPLE_RATE)), num_samples)
    hop = int(round(s.hop_s * SAMPLE_RATE))
    starts: list[int] = []
    for a, b in regions:
        a_s, b_s = a * FRAME_STEP_SAMPLES, min(b * FRAME_STEP_SAMPLES, num_samples)
        if b_s - a_s <= win:
            # Short region: one window centred on it, borrowing context from around it.
            starts.append((a_s + b_s) // 2 - win // 2)
        else:
            starts.extend(range(a_s, b_s - win + 1, hop))
            if starts[-1] + win < b_s:
                starts.append(b_s - win)
    arr = np.clip(np.asarray(starts, dtype=np.int64), 0, num_samples - win)
    arr = (arr // 160) * 160
    return np.unique(arr), win


def _frame_scores(
    starts: np.ndarray, win: int, emb: np.ndarray, cents: np.ndarray, speech: np.ndarray
) -> np.ndarray:
    """Mean cosine similarity to each speaker over the windows covering each frame, ``(frames, speakers)``."""
    num_frames = speech.shape[0]
    scores = np.zeros((num_frames, cents.shape[0]), dtype=np.float32)
    counts = np.zeros(num_frames, dtype=np.float32)
    sims = emb @ cents.T
    for st, sim in zip(starts.tolist(), sims, strict=True):
        a = st // FRAME_STEP_SAMPLES
        b = min(num_frames, -(-(st + win) // FRAME_STEP_SAMPLES))
        scores[a:b] += sim
        counts[a:b] += 1
    uncovered = np.flatnonzero((counts == 0) & speech)
    if uncovered.size and starts.size:
        # Speech frames between windows (rare, at region edges) borrow the nearest window's scores.
        centres = (starts + win // 2) // FRAME_STEP_SAMPLES  # sorted, as starts are
        right = np.clip(np.searchsorted(centres, uncovered), 0, centres.size - 1)
        left = np.clip(right - 1, 0, centres.size - 1)
        nearest = np.where(np.abs(centres[left] - uncovered) <= np.abs(centres[right] - uncovered), left, right)
        scores[uncovered] = sims[nearest]
        counts[uncovered] = 1
    scores /= np.maximum(counts, 1)[:, None]
    return scores


def _ensure_speakers(
    activity: np.ndarray, speech: np.ndarray, starts: np.ndarray, win: int, labels: np.ndarray, required: int
) -> None:
    """Give each cluster that won no frame the centres of its own windows, up to ``required`` speakers.

    With a fixed or minimum speaker count a cluster can exist yet never be the most similar speaker of any
    frame (its windows overlap windows of a stronger voice); the caller asked for it, so it gets the middle
    of its windows.
    """
    present = activity.any(axis=0)
    for k in np.flatnonzero(~present):
        if int(present.sum()) >= required:
            return
        for st in starts[labels == k].tolist():
            centre = (st + win // 2) // FRAME_STEP_SAMPLES
            half = max(1, win // 4 // FRAME_STEP_SAMPLES)
            a, b = max(0, centre - half), min(activity.shape[0], centre + half)
            frames = np.arange(a, b)[speech[a:b]]
            activity[frames] = False
            activity[frames, k] = True
        present[k] = activity[:, k].any()


def _turns_from_activity(activity: np.ndarray, s: Settings) -> list[Turn]:
    turns: list[Turn] = []
    for spk in range(activity.shape[1]):
        spans = [[a * FRAME_STEP, b * FRAME_STEP] for a, b in _runs(activity[:, spk])]
        merged: list[list[float]] = []
        for span in spans:
            if merged and span[0] - merged[-1][1] < s.merge_turn_gap_s:
                merged[-1][1] = span[1]
            else:
                merged.append(span)
        turns.extend(Turn(round(a, 3), round(b, 3), spk) for a, b in merged if b - a >= s.min_turn_s)
    return sorted(turns, key=lambda t: (t.start, t.end, t.speaker))


def _source(audio: np.ndarray | AudioSource, sample_rate: int) -> AudioSource:
    if isinstance(audio, np.ndarray):
        return ArraySource(_to_mono_16k(audio, sample_rate))
    if sample_rate != SAMPLE_RATE:
        raise ValueError("an audio source is read at 16 kHz; sample_rate applies to arrays only")
    return audio


def diarize(
    audio: np.ndarray | AudioSource,
    sample_rate: int = 16000,
    *,
    num_speakers: int | None = None,
    min_speakers: int = 1,
    max_speakers: int = 30,
    enrolled: np.ndarray | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Diarization:
    """Who spoke when in ``audio``: an :class:`AudioSource`, or a mono float / ``(samples, channels)`` array.

    ``num_speakers`` fixes the count; otherwise it is estimated within ``min_speakers..max_speakers``
    (the automatic default is 1..30). A count is capped by the number of 1 s speech windows available.
    ``enrolled`` are voice profiles ``(P, 192)`` known from earlier sessions: speech that clearly matches one
    is given to that person first, and only the rest is clustered (see :mod:`.enrolled`).
    ``progress`` receives 0..1; ``cancelled`` is polled between batches and raises ``InterruptedError``.
    """
    if num_speakers is not None and num_speakers < 1:
        raise ValueError("num_speakers must be at least 1")
    if min_speakers < 1 or max_speakers < min_speakers:
        raise ValueError("need 1 <= min_speakers <= max_speakers")
    source = _source(audio, sample_rate)
    num_samples = int(round(source.duration * SAMPLE_RATE))
    report = progress or (lambda _f: None)
    report(0.0)
    if num_samples < 400:
        report(1.0)
        return Diarization()

    seg = segmentation.segment(
        source,
        step_s=settings.segmentation_step_s,
        min_local_active_s=settings.min_local_active_s,
        speech_max_weight=settings.speech_max_weight,
        progress=lambda f: report(0.5 * f),
        cancelled=cancelled,
    )
    speech = _speech_mask(seg.speech, settings)
    regions = _runs(speech)
    if not regions:
        report(1.0)
        return Diarization()

    starts, win = _window_starts(regions, num_samples, settings)
    emb, _ = sparse.embed_sparse(
        source, starts, win, seg.change,
        min_stretch=settings.sparse_stretch_s * SAMPLE_RATE, max_gap=settings.sparse_gap_s * SAMPLE_RATE,
        agreement=settings.sparse_agreement, progress=lambda f: report(0.5 + 0.45 * f), cancelled=cancelled,
    )

    profiles = np.zeros((0, emb.shape[1]), dtype=np.float32) if enrolled is None else np.asarray(enrolled)
    owner, similarity = enrolled_voices.match(emb, _contiguous(starts, settings), profiles, settings.hop_s)
    labels, matched = _labels(emb, starts, owner, seg.max_local_speakers, num_speakers, min_speakers, max_speakers,
                              settings)
    activity = _frame_activity(starts, win, emb, labels, speech, seg, settings)
    required = num_speakers if num_speakers is not None else min_speakers
    if required > 1:
        _ensure_speakers(activity, speech, starts, win, labels, required)
    duration = round(num_samples / SAMPLE_RATE, 3)
    # Frames are 16.875 ms, so the last turn may reach past the audio by a fraction of a frame.
    turns = [Turn(t.start, min(t.end, duration), t.speaker) for t in _speaker_turns(activity, required, settings)]
    known = {label: (int(p), float(similarity[owner == p].mean())) for label, p in enumerate(matched)}
    result = _finish(turns, emb, labels, known)
    report(1.0)
    return result


def _frame_activity(
    starts: np.ndarray,
    win: int,
    emb: np.ndarray,
    labels: np.ndarray,
    speech: np.ndarray,
    seg: segmentation.SegmentationResult,
    s: Settings,
) -> np.ndarray:
    """Boolean ``(frames, speakers)``: the closest speaker on every speech frame, plus the runner-up where
    the segmentation hears two voices at once."""
    cents = clustering.centroids(emb, labels)
    scores = _frame_scores(starts, win, emb, cents, speech)
    # The segmentation follows each voice frame by frame inside its chunk; the share of chunks whose local
    # speaker there belongs to a speaker breaks near ties between 1 s windows, at turn changes and in overlap.
    share = _track_share(seg, scores, speech, s.min_track_s)
    share *= s.track_weight  # in place: on a 90-minute session with 20 voices each such array is 27 MB
    scores += share
    del share
    activity = np.zeros((speech.shape[0], cents.shape[0]), dtype=bool)
    frames = np.flatnonzero(speech)
    # Only the best and the runner-up are needed: a full sort of a 90-minute session's scores took 60 MB.
    best = np.argmax(scores[frames], axis=1)
    activity[frames, best] = True
    if cents.shape[0] > 1:
        both = frames[seg.overlap[frames] > s.overlap_threshold]
        runner_up = scores[both]
        runner_up[np.arange(both.size), best[seg.overlap[frames] > s.overlap_threshold]] = -np.inf
        activity[both, np.argmax(runner_up, axis=1)] = True
    return activity


def _track_share(seg: segmentation.SegmentationResult, scores: np.ndarray, speech: np.ndarray, min_track_s: float
                 ) -> np.ndarray:
    """``(frames, speakers)`` in 0..1: the Hamming-weighted share of the chunks' local speakers active on each
    frame that were matched to each speaker.

    In each chunk, each local speaker with at least ``min_track_s`` of speech is matched to the speaker its
    frames' ``scores`` are on average most similar to, best pairs first, one speaker per local speaker.
    """
    num_frames, k = scores.shape
    votes = np.zeros((num_frames, k), dtype=np.float32)
    if seg.local.size == 0:
        return votes
    weight = np.hamming(seg.local.shape[1]).astype(np.float32) + 1e-3
    min_frames = min_track_s / FRAME_STEP
    for classes, first in zip(seg.local, seg.chunk_frames.tolist(), strict=True):
        n = min(classes.shape[0], num_frames - first)
        if n <= 0:
            continue
        act = segmentation.POWERSET[classes[:n]] > 0
        inside = speech[first : first + n]
        pairs = []
        for j in range(3):
            mine = act[:, j] & inside
            if mine.sum() >= min_frames:
                sim = scores[first : first + n][mine].mean(axis=0)
                pairs.extend((float(sim[c]), j, c) for c in range(k))
        used_j: set[int] = set()
        used_c: set[int] = set()
        for _sim, j, c in sorted(pairs, reverse=True):
            if j in used_j or c in used_c:
                continue
            used_j.add(j)
            used_c.add(c)
            votes[first : first + n, c] += weight[:n] * act[:, j]
    votes /= np.maximum(votes.sum(axis=1, keepdims=True), 1e-9)
    return votes


def _speaker_turns(activity: np.ndarray, required: int, s: Settings) -> list[Turn]:
    turns = _turns_from_activity(activity, s)
    kept = {t.speaker for t in turns}
    lost = [k for k in range(activity.shape[1]) if k not in kept and activity[:, k].any()]
    if required > 1 and lost and len(kept) < required:
        # A requested speaker whose only turns were tiny keeps them rather than vanishing.
        extra = [t for t in _turns_from_activity(activity, replace(s, min_turn_s=0.0)) if t.speaker in lost]
        turns = sorted(turns + extra, key=lambda t: (t.start, t.end, t.speaker))
    return turns


def _contiguous(starts: np.ndarray, s: Settings) -> np.ndarray:
    """Whether each window directly follows the one before it (same run of speech)."""
    hop = int(round(s.hop_s * SAMPLE_RATE))
    return np.concatenate([[False], np.diff(starts) <= hop])


def _labels(
    emb: np.ndarray,
    starts: np.ndarray,
    owner: np.ndarray,
    local_count: int,
    num_speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    s: Settings,
) -> tuple[np.ndarray, list[int]]:
    """Speaker label of every window and the enrolled profile of each of the first labels.

    Windows matched to an enrolled voice (``owner`` >= 0) take that voice's label; the rest are clustered, with
    the count bounds reduced by the voices already known. A cluster of the rest too small to be a speaker of its
    own joins the nearest voice, known or not.
    """
    matched = [int(p) for p in np.unique(owner[owner >= 0])]
    labels = np.searchsorted(np.asarray(matched, dtype=np.int64), owner) if matched else np.zeros_like(owner)
    rest = owner < 0
    m = len(matched)
    if not rest.any():
        return labels, matched
    if not m:
        return _cluster(emb, starts, local_count, num_speakers, min_speakers, max_speakers, s), matched
    if num_speakers is not None and num_speakers <= m:
        labels[rest] = np.argmax(emb[rest] @ clustering.centroids(emb[~rest], labels[~rest]).T, axis=1)
        return labels, matched
    exact = None if num_speakers is None else num_speakers - m
    low = max(1, min_speakers - m)
    labels[rest] = m + _cluster(emb[rest], starts[rest], max(1, local_count - m), exact, low,
                                max(low, max_speakers - m), s)
    if num_speakers is None:
        min_windows = max(1, int(np.ceil(s.min_speaker_s / s.hop_s)))
        labels = _absorb_small_rest(emb, labels, m, min_windows, min_speakers)
    return labels, matched


def _absorb_small_rest(emb: np.ndarray, labels: np.ndarray, m: int, min_windows: int, low: int) -> np.ndarray:
    """Give each cluster after the ``m`` known voices that is smaller than ``min_windows`` to the nearest other
    voice, smallest first, while more than ``low`` voices remain; labels are renumbered ``m..`` without gaps."""
    sizes = np.bincount(labels)
    for k in sorted(range(m, sizes.size), key=lambda j: sizes[j]):
        alive = np.flatnonzero(np.bincount(labels, minlength=sizes.size))
        if sizes[k] >= min_windows or alive.size <= max(low, 1):
            break
        others = alive[alive != k]
        cents = clustering.centroids(emb, labels)[others]
        mine = labels == k
        labels[mine] = others[np.argmax(emb[mine] @ cents.T, axis=1)]
    alive = np.flatnonzero(np.bincount(labels))
    return np.searchsorted(alive, labels)


def _cluster(
    emb: np.ndarray,
    starts: np.ndarray,
    local_count: int,
    num_speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    s: Settings,
) -> np.ndarray:
    """Speaker label of every window, numbered by first appearance."""
    n = emb.shape[0]
    if num_speakers is not None:
        low = high = min(num_speakers, n)
    else:
        low, high = min(max(min_speakers, local_count), max_speakers, n), max_speakers
    contiguous = _contiguous(starts, s)
    # Long sessions: consecutive windows of one voice become one weighted point, keeping the tree's n×n
    # similarity matrix bounded; if pauses leave too many points still, the tree is built on an even
    # subsample and the other points join its nearest cluster.
    group = np.arange(n)
    if n > clustering.MAX_CLUSTER_POINTS:
        group = clustering.group_consecutive(emb, contiguous, clustering.MAX_CLUSTER_POINTS)
    weights = np.bincount(group).astype(np.float64)
    # A group's plain (not normalised) mean: the dot product of two such means is the average similarity of
    # their windows, so the tree and its threshold stay those of single windows. Normalised means would be
    # far more alike (averaging removes the noise the threshold was calibrated with) and all voices merge.
    points = np.zeros((weights.size, emb.shape[1]), dtype=np.float32)
    np.add.at(points, group, emb)
    points /= weights[:, None].astype(np.float32)
    sample = np.arange(points.shape[0])
    if sample.size > clustering.MAX_CLUSTER_POINTS:
        sample = np.linspace(0, sample.size - 1, clustering.MAX_CLUSTER_POINTS).round().astype(np.int64)
    tree = clustering.average_linkage(points[sample], weights[sample])
    point_labels = clustering.cut(tree, sample.size, s.linkage_threshold, low, high)
    if sample.size < points.shape[0]:
        point_labels = np.argmax(points @ clustering.centroids(points[sample], point_labels).T, axis=1)
    labels = point_labels[group]
    if num_speakers is None:
        min_windows = max(1, int(np.ceil(s.min_speaker_s / s.hop_s)))
        labels = clustering.absorb_small(emb, labels, min_windows, min_clusters=low)
        refined = clustering.absorb_small(emb, clustering.reassign_to_centroids(emb, labels), min_windows, low)
        if np.unique(refined).size >= low:
            labels = refined
    return clustering.relabel_by_first_appearance(labels)


def _finish(turns: list[Turn], emb: np.ndarray, labels: np.ndarray, known: dict[int, tuple[int, float]]
            ) -> Diarization:
    """Renumber speakers by first turn, drop speakers left without turns, attach their centroids and the
    enrolled voices they were matched to."""
    cents = clustering.centroids(emb, labels)
    mapping: dict[int, int] = {}
    for t in turns:
        mapping.setdefault(t.speaker, len(mapping))
    turns = [Turn(t.start, t.end, mapping[t.speaker]) for t in turns]
    order = sorted(mapping, key=mapping.__getitem__)
    embeddings = cents[order] if order else np.zeros((0, emb.shape[1]), dtype=np.float32)
    return Diarization(turns=turns, embeddings=np.ascontiguousarray(embeddings, dtype=np.float32),
                       enrolled={mapping[k]: v for k, v in known.items() if k in mapping})


def voice_sample(
    source: AudioSource, start: float, end: float, settings: Settings = DEFAULT_SETTINGS
) -> np.ndarray | None:
    """The L2-normalised voice embedding of the speech between ``start`` and ``end`` seconds (a short sample
    of one person, for enrolment), or None if there is no speech there.

    Only 1 s windows the segmentation hears as speech count, so a pause or a cough in the sample does not
    pull the voice towards silence.
    """
    begin = max(0.0, start)
    clip = ArraySource(source.read(begin, end))
    num_samples = clip.samples.shape[0]
    win = int(round(settings.window_s * SAMPLE_RATE))
    if num_samples < win:
        return None
    speech = _speech_mask(segmentation.segment(clip, speech_max_weight=settings.speech_max_weight).speech, settings)
    starts = np.arange(0, num_samples - win + 1, int(round(settings.hop_s * SAMPLE_RATE)) // 2)
    frames = [speech[st // FRAME_STEP_SAMPLES : (st + win) // FRAME_STEP_SAMPLES] for st in starts]
    starts = np.asarray([st for st, f in zip(starts.tolist(), frames, strict=True) if f.size and f.mean() > 0.5])
    if starts.size == 0:
        return None
    emb = embed_windows(clip, (starts // 160) * 160, win)
    voice = emb.mean(axis=0)
    return (voice / max(float(np.linalg.norm(voice)), 1e-8)).astype(np.float32)
