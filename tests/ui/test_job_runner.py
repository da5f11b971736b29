"""The job runner's threads: a job outlives the slot that hears its outcome until its own thread has ended."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from PySide6.QtWidgets import QStatusBar

from minutes.ui.job_runner import JobRunner
from minutes.ui.workers import Job


class _StillReturning(Job):
    """Sends its outcome, then stays on its thread a little, as ``run`` does while the emit returns."""

    def __init__(self, gate: threading.Event, returned: threading.Event) -> None:
        super().__init__()
        self._gate, self._returned = gate, returned

    def work(self) -> int:
        return 42

    def run(self) -> None:
        super().run()
        self._gate.wait(10)
        self._returned.set()


def test_a_job_is_kept_until_its_thread_has_ended(qtbot):
    status = QStatusBar()
    qtbot.addWidget(status)
    runner = JobRunner(status)
    gate, returned = threading.Event(), threading.Event()
    job = _StillReturning(gate, returned)
    alive = weakref.ref(job)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as outcome:
        runner.start(job)
    assert outcome.args[1] == 42 and runner.job is None  # the runner has let go of it
    del job, outcome
    gate.set()
    assert returned.wait(5)
    time.sleep(0.3)  # run() has returned on the worker thread; the GUI thread has not yet heard the thread end
    gc.collect()
    assert alive() is not None, "the job was deleted on its thread before the thread ended"
    # Once the thread has ended, nothing keeps the job: no leak.
    qtbot.waitUntil(lambda: gc.collect() >= 0 and alive() is None, timeout=5_000)
