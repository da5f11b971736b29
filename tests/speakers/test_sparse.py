"""Long stretches of one voice embed every other window: same speakers as embedding them all, and a second
voice inside such a stretch is still heard."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from minutes.audio.source import ArraySource
from minutes.speakers import diarize, segmentation, sparse
from minutes.speakers.diarize import DEFAULT_SETTINGS
from minutes.speakers.segmentation import FRAME_STEP_SAMPLES
from tests.speakers.conftest import DATA, load
from tests.speakers.two_voice import speech_extent

READER = "en_librivox_sense_and_sensibility_{}"
FULL = replace(DEFAULT_SETTINGS, sparse_stretch_s=float("inf"))


def joined(stems: list[str]) -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """The utterances joined with 0.4 s pauses, and their reference turns labelled by speaker."""
    pieces, ref, offset = [], [], 0.0
    for stem in stems:
        audio = load(DATA / f"{stem}.wav")
        start, end = speech_extent(audio)
        ref.append((offset + start, offset + end, stem.rsplit("_", 1)[0]))
        pieces += [audio, np.zeros(6400, np.float32)]
        offset += (audio.shape[0] + 6400) / 16000
    return np.concatenate(pieces), ref


@pytest.fixture(scope="module")
def statement_and_question() -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """A reader for 15 s, a Mandarin voice for 8 s, the reader again for 12 s."""
    return joined([READER.format("0870"), READER.format("0880"), READER.format("0890"),
                   "zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122",
                   READER.format("0890"), READER.format("0870")])


def speaker_of(turns, a: float, b: float) -> int:
    """The speaker who talks most between ``a`` and ``b``."""
    talk: dict[int, float] = {}
    for t in turns:
        talk[t.speaker] = talk.get(t.speaker, 0.0) + max(0.0, min(b, t.end) - max(a, t.start))
    return max(talk, key=talk.__getitem__)


def counting(monkeypatch) -> list[int]:
    """Record how many windows each call of the embedding model is given."""
    calls: list[int] = []
    embed = sparse.embed_windows

    def counted(source, starts, win, **kwargs):
        calls.append(len(starts))
        return embed(source, starts, win, **kwargs)

    monkeypatch.setattr(sparse, "embed_windows", counted)
    return calls


def test_long_stretches_embed_fewer_windows_and_give_the_same_speakers(statement_and_question, monkeypatch):
    audio, ref = statement_and_question
    calls = counting(monkeypatch)
    full = diarize(audio, settings=FULL)
    all_windows = sum(calls)
    calls.clear()
    thin = diarize(audio)
    assert sum(calls) <= 0.8 * all_windows, (calls, all_windows)  # the reader's stretches were thinned out
    assert thin.num_speakers == full.num_speakers == 2
    assert [speaker_of(thin.turns, a, b) for a, b, _ in ref] == [speaker_of(full.turns, a, b) for a, b, _ in ref]
    reader, other = speaker_of(thin.turns, *ref[0][:2]), speaker_of(thin.turns, *ref[3][:2])
    assert reader != other
    assert [speaker_of(thin.turns, a, b) == reader for a, b, _ in ref] == [
        label.startswith("en") for _, _, label in ref]


def test_a_second_voice_inside_a_stretch_is_not_thinned_out(statement_and_question):
    audio, ref = statement_and_question
    seg = segmentation.segment(ArraySource(audio), step_s=DEFAULT_SETTINGS.segmentation_step_s)
    turns = [ref[3][0], ref[5][0]]  # the reader gives way to the Mandarin voice, and comes back
    changed = np.flatnonzero(seg.change) * FRAME_STEP_SAMPLES / 16000
    for t in turns:
        assert np.any(np.abs(changed - t) < 0.5), (t, changed)
    # No window left out at first, nor its neighbours, spans a turn.
    starts = np.arange(0, audio.shape[0] - 16000, 16000)
    skip = sparse.skippable(starts, 16000, seg.change, 10 * 16000, 3 * 16000)
    assert skip.sum() >= 5
    for st in starts[skip] / 16000:
        assert not any(st - 1.0 < t < st + 2.0 for t in turns), st


def test_neighbours_that_disagree_get_the_window_embedded(statement_and_question, monkeypatch):
    # Were the segmentation to miss every change, the windows whose neighbours disagree are embedded after all.
    audio, _ = statement_and_question
    calls = counting(monkeypatch)
    source = ArraySource(audio)
    starts = np.arange(0, audio.shape[0] - 16000, 16000)
    no_change = np.zeros(audio.shape[0] // FRAME_STEP_SAMPLES + 1, dtype=bool)
    emb, embedded = sparse.embed_sparse(source, starts, 16000, no_change,
                                        min_stretch=10 * 16000, max_gap=3 * 16000, agreement=0.5)
    assert len(calls) == 2 and calls[1] >= 1  # a second pass for the left-out windows whose neighbours disagree
    assert embedded == sum(calls) < starts.size
    full = sparse.embed_windows(source, starts, 16000)
    copied = np.flatnonzero(np.all(emb[1:] == emb[:-1], axis=1)) + 1
    assert copied.size == starts.size - embedded
    computed = np.setdiff1d(np.arange(starts.size), copied)
    np.testing.assert_allclose(np.sum(emb[computed] * full[computed], axis=1), 1.0, atol=1e-3)
    assert np.all(np.sum(full[copied] * emb[copied], axis=1) > 0.4)  # each is the voice of the window it copies


def test_short_or_broken_runs_are_embedded_in_full():
    win = 16000
    starts = np.arange(0, 20) * win
    change = np.zeros(20 * win // FRAME_STEP_SAMPLES + 1, dtype=bool)
    skip = sparse.skippable(starts, win, change, 10 * win, 3 * win)
    assert skip.tolist() == [i % 2 == 1 and i < 19 for i in range(20)]  # ends kept, each left out between two
    change[int(10.5 * win) // FRAME_STEP_SAMPLES] = True  # a turn in window 10: two 10 s stretches, 0-10, 10-20
    split = sparse.skippable(starts, win, change, 10 * win, 3 * win)
    assert not split[9:12].any()
    assert not sparse.skippable(starts, win, change, 11 * win, 3 * win).any()  # neither is 11 s long
    gappy = np.concatenate([np.arange(0, 6) * win, np.arange(10, 16) * win])  # 4 s apart: two short runs
    assert not sparse.skippable(gappy, win, np.zeros_like(change), 10 * win, 3 * win).any()
