"""Child process of bench_transcribe: the final pass after a recording, timed on its own.

    python -m bench.final_pass --prepare RECORDING.flac RECORDED_DIR [--tile-from SHORTER_RECORDED_DIR]
    python -m bench.final_pass RECORDING.flac WORKDIR [--recorded RECORDED_DIR] [--full] [--score]

``--prepare`` makes what the recorder leaves after Stop: the recording in a new workshop as a recorded
session, with the live transcriber's provisional text (:class:`minutes.asr.live.LiveTranscriber`, fed
the file half a second at a time and waited for, as on a machine where it keeps up with the speaker; not
timed). Without it, the prepared workshop (``--recorded``; without it, a session with no live text) is
copied into WORKDIR and :func:`minutes.recording.final_pass` runs with automatic language and speakers, as
the window and ``minutes record`` run it. ``--full`` throws the live text away first, so everything is decoded
again (the final pass before it reused the live text). Prints ``final pass: SECONDS s, SEGMENTS segments,
SPEAKERS speakers, trusted live text: K s of L s; transcription T s, speakers S s``; ``--score`` adds the error
rates of the live and the final text against the references of the clips the bilingual session is built from
(``bench_transcribe.TURNS``): English WER and Mandarin CER over the turns that have a reference, each word
given to the turn holding its middle.
"""

from __future__ import annotations

import argparse
import math
import shutil
import time
from bisect import bisect_right
from dataclasses import replace
from pathlib import Path

import soundfile as sf

from bench.common import SPEECH
from minutes import jobs
from minutes.asr import registry
from minutes.asr.live import LiveTranscriber
from minutes.asr.pipeline import TranscribeOptions
from minutes.asr.reuse import is_trusted, known_languages
from minutes.domain import Segment, Session, SessionStatus
from minutes.recording import final_pass
from minutes.speaker_labelling import SpeakerCount
from minutes.store import WorkshopStore

SCRIPT = "traditional"
BLOCK_SECONDS = 0.5


def prepare(recording: Path, target: Path) -> None:
    """The workshop a recording of ``recording`` leaves after Stop, with its live text (see the docstring)."""
    model = registry.load(registry.resolve(None))
    partial = target.with_name(target.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    with WorkshopStore.open(partial / "Recorded.minutes", create=True) as store:
        session = jobs.add_media_session(store, recording, Session(title="Recorded", language="auto"))

        def arrived(start, end, text, language, words, flags) -> None:  # noqa: ANN001 - the live callback
            store.add_segments(session.id, [Segment(start, end, text, language=language, provisional=True,
                                                    words=words, flags=flags)])

        live = LiveTranscriber(model, None, arrived, script=SCRIPT)
        live.start()
        block = int(BLOCK_SECONDS * 16000)
        with sf.SoundFile(str(recording)) as audio:
            at = 0
            while len(samples := audio.read(block, dtype="float32")):
                live.feed(samples, at / 16000)
                at += len(samples)
                while not live.idle:  # keeps up: the next audio comes once the text of the last is out
                    time.sleep(0.005)
        live.stop()
        store.update_session(session.id, status=SessionStatus.RECORDED, duration=at / 16000)
        print(f"live: {len(store.segments(session.id))} segments, skipped {live.skipped_seconds:.1f} s")
    shutil.rmtree(target, ignore_errors=True)
    partial.replace(target)


def tile(recording: Path, source: Path, target: Path) -> None:
    """The workshop a recording of the longer ``recording`` would leave, its live text repeated from the
    prepared workshop ``source`` of a shorter session: the bilingual sessions repeat one cycle of turns
    (:func:`cycle_samples`), so the live text of whole cycles stands for the same cycles later on. Saves
    running the live transcriber for 90 minutes on a shared machine; said in what it prints."""
    period = cycle_samples() / 16000
    with WorkshopStore.open(source / "Recorded.minutes") as recorded:
        original = recorded.find_session("Recorded")
        cycles = int(original.duration // period)
        live = [s for s in recorded.segments(original.id) if s.start < cycles * period]
    partial = target.with_name(target.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    with WorkshopStore.open(partial / "Recorded.minutes", create=True) as store:
        session = jobs.add_media_session(store, recording, Session(title="Recorded", language="auto"))
        shift, repeats = cycles * period, 0
        while repeats * shift < session.duration:
            moved = [_shifted(s, repeats * shift) for s in live]
            store.add_segments(session.id, [s for s in moved if s.end <= session.duration])
            repeats += 1
        store.update_session(session.id, status=SessionStatus.RECORDED)
        print(f"live: {len(store.segments(session.id))} segments, repeated {repeats} times from the first "
              f"{cycles} cycles ({shift:.0f} s) of {source}")
    shutil.rmtree(target, ignore_errors=True)
    partial.replace(target)


def _shifted(segment: Segment, seconds: float) -> Segment:
    words = [replace(w, start=round(w.start + seconds, 3), end=round(w.end + seconds, 3)) for w in segment.words]
    return replace(segment, start=round(segment.start + seconds, 3), end=round(segment.end + seconds, 3),
                   words=words, id=None)


def cycle_samples() -> int:
    """Samples in one cycle of the turns of a bilingual session (``bench_transcribe.TURNS``)."""
    from bench.bench_transcribe import PAUSES, TURNS

    frames = {name: sf.info(str(SPEECH / f"{name}.wav")).frames for name in set(TURNS)}
    return sum(frames[TURNS[turn % len(TURNS)]] + int(PAUSES[turn % len(PAUSES)] * 16000)
               for turn in range(math.lcm(len(TURNS), len(PAUSES))))


def turn_spans(seconds: float) -> list[tuple[str, float, float]]:
    """(clip, start, end) of each turn of the bilingual session, rebuilt as bench_transcribe builds it."""
    from bench.bench_transcribe import PAUSES, TURNS

    lengths = {name: sf.info(str(SPEECH / f"{name}.wav")).frames for name in set(TURNS)}
    spans, at, turn = [], 0, 0
    while at < seconds * 16000:
        name = TURNS[turn % len(TURNS)]
        spans.append((name, at / 16000, (at + lengths[name]) / 16000))
        at += lengths[name] + int(PAUSES[turn % len(PAUSES)] * 16000)
        turn += 1
    return spans


def score(segments: list[Segment], seconds: float) -> str:
    """English WER and Mandarin CER of ``segments`` over the turns with a reference (see the docstring)."""
    from tests.scoring import cer_zh, wer

    spans = turn_spans(seconds)
    heard: list[list[str]] = [[] for _ in spans]
    starts = [start for _, start, _ in spans]
    for segment in segments:
        for word in segment.words:
            turn = bisect_right(starts, (word.start + word.end) / 2) - 1
            if turn >= 0:
                heard[turn].append(word.text)
    errors = {"en": [0.0, 0], "zh": [0.0, 0]}
    for (name, _, _), words in zip(spans, heard, strict=True):
        reference = SPEECH.parent / "ref" / f"{name}.txt"
        language = name[:2]
        if not reference.exists() or language not in errors:
            continue
        text = reference.read_text(encoding="utf-8")
        size = len(text.split()) if language == "en" else len("".join(text.split()))
        rate = wer(text, "".join(words)) if language == "en" else cer_zh(text, "".join(words))
        errors[language][0] += rate * size
        errors[language][1] += size
    return (f"English WER {errors['en'][0] / max(errors['en'][1], 1):.4f} ({errors['en'][1]} words), "
            f"Mandarin CER {errors['zh'][0] / max(errors['zh'][1], 1):.4f} ({errors['zh'][1]} characters)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("recording", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--tile-from", type=Path, help="with --prepare: repeat the live text of this prepared "
                        "workshop of a shorter session")
    parser.add_argument("--recorded", type=Path)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--score", action="store_true")
    args = parser.parse_args()
    if args.prepare:
        if args.tile_from is not None:
            tile(args.recording, args.tile_from, args.workdir)
        else:
            prepare(args.recording, args.workdir)
        return
    workshop = args.workdir / "Recorded.minutes"
    if args.recorded is not None:
        shutil.copytree(args.recorded / "Recorded.minutes", workshop)
    else:
        with WorkshopStore.open(workshop, create=True) as store:
            session = jobs.add_media_session(store, args.recording, Session(title="Recorded", language="auto"))
            store.update_session(session.id, status=SessionStatus.RECORDED)
    model = registry.load(registry.resolve(None))
    with WorkshopStore.open(workshop) as store:
        session = store.find_session("Recorded")
        live = store.segments(session.id)
        if args.score and live:
            print(f"live text: {score(live, session.duration)}")
        if args.full:
            store.delete_segments(session.id, provisional_only=True)
            live = []
        started = time.perf_counter()
        transcribed = [started]  # when the transcription reported its last progress; the speakers follow
        session = final_pass(store, session, model, TranscribeOptions(script=SCRIPT), SpeakerCount(),
                             progress=lambda _fraction: transcribed.append(time.perf_counter()))
        seconds = time.perf_counter() - started
        final = store.segments(session.id)
        languages = known_languages(live, None)
        kept = sum(s.end - s.start for s in live if is_trusted(s, languages))
        print(f"final pass: {seconds:.1f} s, {len(final)} segments, {len(store.speakers(session.id))} speakers, "
              f"trusted live text: {kept:.0f} s of {sum(s.end - s.start for s in live):.0f} s; transcription "
              f"{transcribed[-1] - started:.1f} s, speakers {seconds - (transcribed[-1] - started):.1f} s")
        if args.score:
            print(f"final text: {score(final, session.duration)}")


if __name__ == "__main__":
    main()
