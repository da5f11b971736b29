"""Models scored by two threads give exactly what one thread gives, in order, and cancelling still stops them."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from minutes.audio.source import ArraySource
from minutes.speakers import diarize, pipeline
from minutes.speakers.embedding import BATCH, embed_windows
from minutes.speakers.segmentation import segment
from tests.speakers.conftest import ami_clip


@pytest.fixture(params=[1, 2], ids=["one-thread", "two-threads"])
def workers(request, monkeypatch) -> int:
    monkeypatch.setattr(pipeline, "worker_count", lambda: request.param)
    return request.param


def test_worker_count_follows_the_processors():
    assert 1 <= pipeline.worker_count() <= pipeline.MAX_WORKERS


def test_results_come_back_in_order_from_several_threads(workers):
    names: set[str] = set()

    def slow_when_even(i: int) -> int:
        names.add(threading.current_thread().name)
        threading.Event().wait(0.02 if i % 2 == 0 else 0.0)  # even items finish after the next odd one
        return i * i

    assert list(pipeline.ordered_map(slow_when_even, iter(range(9)))) == [i * i for i in range(9)]
    assert len(names) == workers


def test_items_are_prepared_lazily_and_few_are_in_flight(monkeypatch):
    monkeypatch.setattr(pipeline, "worker_count", lambda: 2)
    prepared: list[int] = []

    def items():
        for i in range(20):
            prepared.append(i)
            yield i

    results = pipeline.ordered_map(lambda i: i, items())
    assert next(results) == 0
    assert len(prepared) <= 3  # two running, one queued


def test_cancel_stops_between_batches(workers):
    ran: list[int] = []
    with pytest.raises(InterruptedError):
        for _ in pipeline.ordered_map(ran.append, iter(range(100)), cancelled=lambda: len(ran) >= 3):
            pass
    assert len(ran) <= 3 + workers


def test_two_threads_give_identical_diarization_on_a_meeting(monkeypatch):
    audio, _ = ami_clip("multi_en_ami_debug_dev00")
    results = {}
    for n in (1, 2):
        monkeypatch.setattr(pipeline, "worker_count", lambda n=n: n)
        source = ArraySource(audio)
        seg = segment(source, step_s=4.0)
        starts = np.arange(0, BATCH * 3 + 2) * 8000  # overlapping windows: several batches and a partial one
        results[n] = (seg, embed_windows(source, starts, 16000), diarize(audio))
    (seg1, emb1, dia1), (seg2, emb2, dia2) = results[1], results[2]
    np.testing.assert_array_equal(seg1.speech, seg2.speech)
    np.testing.assert_array_equal(seg1.overlap, seg2.overlap)
    assert seg1.max_local_speakers == seg2.max_local_speakers
    np.testing.assert_array_equal(emb1, emb2)
    assert dia1.turns == dia2.turns
    np.testing.assert_array_equal(dia1.embeddings, dia2.embeddings)


def test_diarize_cancelled_with_two_threads(monkeypatch):
    monkeypatch.setattr(pipeline, "worker_count", lambda: 2)
    audio, _ = ami_clip("multi_en_ami_debug_dev01")
    polls: list[int] = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 2

    with pytest.raises(InterruptedError):
        diarize(audio, cancelled=cancelled)
