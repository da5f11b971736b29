"""Many voices and long sessions: the count does not collapse, clustering memory stays bounded, and audio read
from a file in windows gives exactly what the same samples in memory give."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from minutes.audio.source import FileSource
from minutes.speakers import clustering, diarize, read_rttm
from minutes.speakers.diarize import DEFAULT_SETTINGS, _cluster
from tests.speakers.conftest import DATA, ami_clip, load
from tests.speakers.der import der
from tests.speakers.two_voice import speech_extent

SINGLE = ["en_librispeech_1995-1837-0001", "en_librivox_sense_and_sensibility_0870", "zh_aishell1_BAC009S0764W0121",
          "zh_aishell1_BAC009S0764W0122"]


def many_voices() -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """Eight AMI voices (ES2004a, tst00/01), two more (dev01), a LibriSpeech, a LibriVox and an AISHELL reader."""
    parts = [(load(DATA / "multi_en_ami_concat_es2004a_tst.flac"),
              read_rttm(DATA / "multi_en_ami_concat_es2004a_tst.rttm"))]
    parts.append(ami_clip("multi_en_ami_debug_dev01"))
    for stem in SINGLE:
        audio = load(DATA / f"{stem}.wav")
        start, end = speech_extent(audio)
        parts.append((audio, [(start, end, stem.rsplit("_", 1)[0] if stem.startswith("zh") else stem)]))
    pieces, ref, offset = [], [], 0.0
    for audio, turns in parts:
        pieces += [audio, np.zeros(8000, np.float32)]
        ref += [(offset + a, offset + b, label) for a, b, label in turns]
        offset += (audio.shape[0] + 8000) / 16000
    return np.concatenate(pieces), ref


def test_many_voices_do_not_collapse():
    audio, ref = many_voices()
    present = {label for a, b, label in ref if sum(e - s for s, e, lab in ref if lab == label) >= 5.0}
    result = diarize(audio)
    assert len(present) == 12
    assert result.num_speakers >= 8, result.num_speakers
    assert der(ref, result.turns) <= 0.45


def test_a_file_read_in_windows_gives_what_the_array_gives(tmp_path):
    # 60 s of meeting: several segmentation batches and embedding runs, each read from disk on its own.
    audio = np.concatenate([ami_clip("multi_en_ami_debug_dev00")[0], ami_clip("multi_en_ami_debug_dev01")[0]])
    path = tmp_path / "meeting.flac"
    sf.write(str(path), audio, 16000, subtype="PCM_16")
    from_file = diarize(FileSource(path))
    in_memory = diarize(load(path))
    assert from_file.turns == in_memory.turns
    np.testing.assert_array_equal(from_file.embeddings, in_memory.embeddings)
    assert from_file.num_speakers >= 2


def test_average_linkage_matches_the_textbook_definition():
    rng = np.random.default_rng(3)
    emb = rng.standard_normal((40, 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    tree = clustering.average_linkage(emb)
    # Replay the merges: each must join the two clusters with the highest mean pairwise similarity.
    members = {i: [i] for i in range(40)}
    sim = emb @ emb.T
    for similarity, a, b in sorted(tree.tolist(), key=lambda m: -m[0]):
        pairs = {(x, y): sim[np.ix_(members[x], members[y])].mean() for x in members for y in members if x < y}
        best = max(pairs.values())
        assert abs(similarity - best) < 1e-4
        members[int(a)] += members.pop(int(b))
    assert len(members) == 1


def test_cut_respects_the_threshold_and_the_bounds():
    blobs = np.repeat(np.eye(4, dtype=np.float32), 5, axis=0) + 0.05
    blobs /= np.linalg.norm(blobs, axis=1, keepdims=True)
    tree = clustering.average_linkage(blobs)
    assert np.unique(clustering.cut(tree, 20, 0.5)).size == 4
    assert np.unique(clustering.cut(tree, 20, 0.5, max_clusters=2)).size == 2
    assert np.unique(clustering.cut(tree, 20, 0.5, min_clusters=6)).size == 6
    assert np.unique(clustering.cut(tree, 20, 1.5)).size == 20  # nothing is that similar


def test_a_long_session_is_clustered_in_bounded_memory():
    # Five voices taking turns for 3 hours of 1 s windows (10,800 points): grouped into segments first, so the
    # similarity matrix never holds more than MAX_CLUSTER_POINTS², and the five voices are found. The voices
    # are as alike as far-field ones (a shared component: windows of two voices 0.35 alike, of one voice 0.6),
    # so grouping must keep the windows' similarities: averaged groups would look alike and merge.
    rng = np.random.default_rng(0)
    turns = np.repeat(rng.integers(0, 5, 400), rng.integers(10, 40, 400))[:10_800]
    voices = np.sqrt(0.35) * np.eye(1, 192) + np.sqrt(0.25) * np.eye(5, 192, 1)
    emb = (voices[turns] + rng.standard_normal((turns.size, 192)) * np.sqrt(0.4 / 192)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    starts = np.arange(turns.size, dtype=np.int64) * 16000
    labels = _cluster(emb, starts, 1, None, 1, 30, DEFAULT_SETTINGS)
    assert np.unique(labels).size == 5
    agreement = sum(np.bincount(labels[turns == v]).max() for v in range(5)) / turns.size
    assert agreement > 0.95
