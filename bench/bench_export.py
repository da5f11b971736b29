"""Word minutes with the full transcript as an annex: export time against the number of segments.

    python -m bench.bench_export [--segments 3000 6000 12000 100000]

A three-hour session has about 4,000 segments and a workshop report holds several sessions; the time per
segment should stay flat as the count grows (linear export).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.bench_editor import build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segments", type=int, nargs="+", default=[3000, 6000, 12000, 100000])
    args = parser.parse_args()
    from minutes.export.docx_minutes import MinutesOptions, write_minutes
    from minutes.store import WorkshopStore

    print(f"{'segments':>9} {'export s':>9} {'ms per 1,000 segments':>22} {'file MB':>8}")
    for count in args.segments:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch) / "Big.minutes"
            build(root, count)
            output = Path(scratch) / "minutes.docx"
            with WorkshopStore.open(root, create=False) as store:
                session_ids = [s.id for s in store.sessions()]
                started = time.perf_counter()
                write_minutes(store, session_ids, output, MinutesOptions(annex=True))
                seconds = time.perf_counter() - started
            print(f"{count:9d} {seconds:9.2f} {seconds / count * 1e6:22.1f} {output.stat().st_size / 2**20:8.1f}",
                  flush=True)


if __name__ == "__main__":
    main()
