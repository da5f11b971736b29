"""Writing to a device or a pipe (``-o /dev/null``, a FIFO) writes into it and never renames over it."""

import os
import stat
import threading
from pathlib import Path

from minutes.fileio import atomic_write_text


def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write_text(fifo, "minutes\n")
    reader.join(10)
    assert received == [b"minutes\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]
