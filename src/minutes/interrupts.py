"""Holding Ctrl-C back for the instant of a step that must not be cut in half.

Creating a workshop (build, rename into place, lock) and removing an unused one are each one step for the
user: a Ctrl-C that lands in the middle is acted on right after the step, so it leaves either no workshop or
a whole one that the command then cleans up. Only the main thread receives signals; elsewhere this does
nothing. A step that has to wait (for another command's lock) asks :func:`requested` and gives up at once.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The Ctrl-Cs held back by each deferred block now running, innermost last.
_held: list[list[int]] = []


@contextmanager
def deferred() -> Iterator[None]:
    """Run the block with SIGINT held back; a Ctrl-C that came meanwhile is raised when the block ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda number, _frame: received.append(number))
    except ValueError:  # not the main interpreter
        yield
        return
    _held.append(received)
    try:
        yield
    finally:
        _held.pop()
        signal.signal(signal.SIGINT, previous)
    if received:
        signal.raise_signal(signal.SIGINT)  # handled as it would have been (KeyboardInterrupt)


def requested() -> bool:
    """True if a Ctrl-C came during the deferred block now running (and is waiting to be acted on)."""
    return bool(_held and _held[-1])
