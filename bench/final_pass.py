"""Child process of bench_transcribe: the final pass after a recording, timed on its own.

    python -m bench.final_pass RECORDING.flac WORKDIR

Puts the recording into a new workshop as a recorded session (as the recorder leaves it after Stop) and runs
:func:`minutes.recording.final_pass` with automatic language and speakers, as the window and ``minutes
record`` do. Prints ``final pass: SECONDS s, SEGMENTS segments, SPEAKERS speakers``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from minutes import jobs
from minutes.asr import registry
from minutes.asr.pipeline import TranscribeOptions
from minutes.domain import Session
from minutes.recording import final_pass
from minutes.speaker_labelling import SpeakerCount
from minutes.store import WorkshopStore


def main() -> None:
    recording, workdir = Path(sys.argv[1]), Path(sys.argv[2])
    model = registry.load(registry.resolve(None))
    with WorkshopStore.open(workdir / "Recorded.minutes", create=True) as store:
        session = jobs.add_media_session(store, recording, Session(title="Recorded", language="auto"))
        store.update_session(session.id, status="recorded")
        started = time.perf_counter()
        session = final_pass(store, store.session(session.id), model, TranscribeOptions(script="traditional"),
                             SpeakerCount())
        seconds = time.perf_counter() - started
        print(f"final pass: {seconds:.1f} s, {len(store.segments(session.id))} segments, "
              f"{len(store.speakers(session.id))} speakers")


if __name__ == "__main__":
    main()
