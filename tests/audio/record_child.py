"""Records with :class:`Recorder` until killed; run by the kill -9 test with the venv's python.

Usage: record_child.py OUT.flac DEVICE. Prints "recording" once audio is flowing, so the test knows
when to start playing.
"""

import sys
import time
from pathlib import Path

from minutes.audio.capture import Recorder


def main() -> None:
    recorder = Recorder(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None)
    recorder.start()
    while recorder.elapsed < 0.2:
        time.sleep(0.02)
    sys.stdout.write("recording\n")
    sys.stdout.flush()
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
