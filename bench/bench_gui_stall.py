"""How long the window's event loop stalls while a transcription runs (aim: never more than 100 ms).

A 10 ms timer runs on the GUI thread while the window imports and transcribes (with speakers) a few
minutes of real speech; the gaps between its ticks beyond 10 ms are the stalls a user would feel.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_gui_stall
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bench.bench_transcribe import default_speech
    from minutes.ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        speech = default_speech(Path(scratch) / "speech.wav")
        window = MainWindow()
        window.resize(1200, 800)
        window.show()
        window.open_workshop(Path(scratch) / "W.minutes", create=True)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        started = time.perf_counter()
        window.import_media(speech, "Stall test", language="en")
        timer.start()
        while window.job is not None:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        timer.stop()
        rows = window.editor.model.rowCount() if window.editor else 0
        window.close()
    gaps.sort()
    p99 = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
    print(f"transcription with speakers in the window: {elapsed:.1f} s, {rows} segments")
    print(f"timer ticks: {len(gaps)}; gap median {statistics.median(gaps) * 1000:.1f} ms, "
          f"p99 {p99 * 1000:.1f} ms, max {gaps[-1] * 1000:.1f} ms (aim: max <= 100 ms)")


if __name__ == "__main__":
    main()
