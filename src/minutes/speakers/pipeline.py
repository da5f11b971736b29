"""Run the speaker models on batches in worker threads while the caller prepares the next batches.

Each onnxruntime session runs on one thread (see :mod:`.models`) and releases the GIL while it computes, so
on a machine with two free cores two batches can be scored at once: nearly half the wall time for the same
CPU time. Inputs are prepared (audio read, features computed) in the calling thread only, so audio sources
need not be thread-safe, and results come back in input order, so the output does not depend on which
worker scored which batch. At most ``workers + 1`` batches are in flight, which keeps memory bounded.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 2  # each concurrent model run adds its working memory to onnxruntime's arena


def worker_count() -> int:
    """Model runs to keep going at once: the processors this process may use, at most ``MAX_WORKERS``."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cpus))


def ordered_map(
    run: Callable[[T], R],
    items: Iterable[T],
    *,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[R]:
    """``run(item)`` for each item, in order, computed by up to :func:`worker_count` threads.

    ``items`` is consumed lazily in the calling thread. ``cancelled`` is polled before each item and raises
    ``InterruptedError``; runs already started are waited for (one batch each), none is started after.
    """
    workers = worker_count()
    if workers == 1:
        for item in items:
            _check(cancelled)
            yield run(item)
        return
    pending: deque[Future[R]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="minutes-speakers") as pool:
        for item in items:
            _check(cancelled)
            pending.append(pool.submit(run, item))
            if len(pending) > workers:  # one queued beyond the busy workers, so no worker waits for the caller
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _check(cancelled: Callable[[], bool] | None) -> None:
    if cancelled is not None and cancelled():
        raise InterruptedError("diarization cancelled")
