"""Editor figures for a three-hour session (3,000 segments): open, scroll, search, replace, undo.

    QT_QPA_PLATFORM=offscreen python -m bench.bench_editor [--segments 3000]

Aims: the session opens in under 1 s; scrolling and searching show no visible stall.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOPIC = (
    "prevention protection prosecution partnership victims forced criminality labour migrant workers cooperation "
    "evidence cross-border investigation shelter identification recruitment debt bondage online scam compounds "
    "repatriation 人口販運 防制 被害人 保護"
)
WORDS = TOPIC.split()


def build(root: Path, count: int) -> None:
    from minutes.domain import Segment, Session, Speaker, Word
    from minutes.store import WorkshopStore

    rng = random.Random(1)
    with WorkshopStore.open(root, create=True) as store:
        session = store.add_session(Session(title="Three hours", duration=count * 3.6))
        speakers = [store.add_speaker(session.id, Speaker(f"Speaker {i + 1}")).id for i in range(6)]
        segments = []
        for i in range(count):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 30))]
            start = i * 3.6
            step = 3.4 / len(words)
            segments.append(
                Segment(
                    start,
                    start + 3.4,
                    " ".join(words),
                    speakers[i % 6],
                    "en",
                    words=[Word(start + j * step, start + (j + 1) * step, f" {w}") for j, w in enumerate(words)],
                )
            )
        store.add_segments(session.id, segments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, default=3000)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from minutes.export.docx_minutes import MinutesOptions, write_minutes
    from minutes.store import WorkshopStore
    from minutes.ui.main_window import MainWindow

    app = QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "Big.minutes"
        build(root, args.segments)
        window = MainWindow()
        window.resize(1300, 800)
        window.show()
        app.processEvents()
        figures = {}
        t = time.perf_counter()
        window.open_workshop(root, create=False)
        app.processEvents()
        figures["open session (s)"] = time.perf_counter() - t
        t = time.perf_counter()
        bar = window.table.verticalScrollBar()
        for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 100)):
            bar.setValue(value)
            app.processEvents()
        figures["scroll top to bottom, 100 steps (s)"] = time.perf_counter() - t
        t = time.perf_counter()
        row = window.editor.find("bondage", 0)
        figures["find next (s)"] = time.perf_counter() - t
        t = time.perf_counter()
        missing = window.editor.find("no such phrase anywhere", 0)
        figures["search all, no match (s)"] = time.perf_counter() - t
        t = time.perf_counter()
        changed = window.editor.replace_all("shelter", "safe house")
        app.processEvents()
        figures[f"replace all ({changed} segments) (s)"] = time.perf_counter() - t
        t = time.perf_counter()
        window.editor.undo_stack.undo()
        app.processEvents()
        figures["undo replace all (s)"] = time.perf_counter() - t
        assert row >= 0 and missing == -1
        session_ids = [window.editor.session_id]
        window.close()
        with WorkshopStore.open(root, create=False) as store:
            t = time.perf_counter()
            write_minutes(store, session_ids, Path(scratch) / "minutes.docx", MinutesOptions(annex=True))
            figures["export Word minutes with annex (s)"] = time.perf_counter() - t
        window.deleteLater()
        app.processEvents()
    print(f"segments: {args.segments}")
    for name, value in figures.items():
        print(f"{name:40} {value:8.3f}")


if __name__ == "__main__":
    main()
