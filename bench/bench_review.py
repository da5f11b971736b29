"""Does doubt lead the reviewer to the errors? Share of wrong words inside flagged places vs share of audio.

    python -m bench.bench_review [--thresholds 0.3,0.4,0.5,0.6,0.7] [--segments 3000]

There is no 10-minute meeting recording with a reference transcript here, so this builds the nearest honest
proxy from the clips of ``shared/speech`` that have one: the six English and three Mandarin read clips joined
into one ~55 s bilingual "session" (0.7 s pauses), played under four conditions that bring the bundled model
towards meeting error rates — clean; meeting babble (the four AMI excerpts mixed together, no transcript
needed) at 15 dB and at 10 dB SNR; and room reverberation (sox ``reverb``) plus babble at 15 dB. Each condition is
transcribed by the real pipeline (automatic language, guards, bundled base model), aligned with the references
(English words as ``tests/scoring.py`` normalises them; Mandarin characters in Simplified script), and every
substitution, insertion and deletion is an error. An error is *inside* a flagged place if its hypothesis word
(for a deletion: the gap where the word is missing) meets a place from :func:`minutes.doubt.doubtful_places`
(words below the threshold, guard flags, language switches) or :func:`minutes.doubt.untranscribed` (speech
heard by the VAD that no segment holds: the utterances Whisper dropped, which have no word to doubt).
The audio share is the union of the places' spans over the session's length; "listened" adds the ~1 s that
F8 plays before each place.

The second figure is the time to open a 3,000-segment session in the window with its doubt shown (about one
word in ten below 0.5, one segment in twenty flagged).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import soundfile as sf

from bench.common import SPEECH
from minutes.asr import registry
from minutes.asr.pipeline import TranscribeOptions, transcribe
from minutes.audio.source import ArraySource
from minutes.domain import Segment, Word
from minutes.doubt import Place, doubtful_places, flagged_share, speech_spans, untranscribed

RATE = 16_000
REFS = SPEECH.parent / "ref"
CLIPS = [
    "en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121", "en_librivox_sense_and_sensibility_0870",
    "en_librivox_sense_and_sensibility_0880", "zh_funasr_asr_example", "en_librivox_sense_and_sensibility_0890",
    "en_librivox_sense_and_sensibility_0920", "zh_aishell1_BAC009S0764W0122", "en_librivox_sense_and_sensibility_0930",
]
BABBLE = ["multi_en_ami_debug_dev00", "multi_en_ami_debug_dev01", "multi_en_ami_debug_trn07",
          "multi_en_ami_debug_trn08"]
PAUSE_S = 0.7
PREROLL_S = 1.0
_FILLERS = {"uh", "um", "mm", "hmm"}


@dataclass
class Token:
    text: str
    start: float
    end: float


def load(name: str) -> np.ndarray:
    audio, rate = sf.read(SPEECH / f"{name}.wav", dtype="float32")
    assert rate == RATE, name
    return audio if audio.ndim == 1 else audio.mean(axis=1)


def session() -> tuple[np.ndarray, list[tuple[str, float, float]]]:
    """The clips joined with pauses, and (clip, start, end) of each."""
    parts, spans, at = [], [], PAUSE_S
    parts.append(np.zeros(int(PAUSE_S * RATE), np.float32))
    for name in CLIPS:
        clip = load(name)
        parts += [clip, np.zeros(int(PAUSE_S * RATE), np.float32)]
        spans.append((name, at, at + len(clip) / RATE))
        at += (len(clip) + int(PAUSE_S * RATE)) / RATE
    return np.concatenate(parts), spans


def babble(length: int) -> np.ndarray:
    """Several AMI meetings at once: far-field talk in the background of a workshop room."""
    mix = np.zeros(length, np.float32)
    for i, name in enumerate(BABBLE):
        voices = np.tile(load(name), length // (30 * RATE) + 2)
        offset = i * 7 * RATE
        mix += voices[offset : offset + length] / (np.std(voices) + 1e-9)
    return mix


def with_noise(audio: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    speech = audio[np.abs(audio) > 1e-4]
    gain = np.sqrt(np.mean(speech**2) / (np.mean(noise**2) * 10 ** (snr_db / 10)))
    mixed = audio + gain * noise
    return (mixed / max(1.0, float(np.max(np.abs(mixed))))).astype(np.float32)


def reverberant(audio: np.ndarray) -> np.ndarray:
    with tempfile.TemporaryDirectory() as folder:
        dry, wet = Path(folder) / "dry.wav", Path(folder) / "wet.wav"
        sf.write(dry, audio, RATE)
        subprocess.run(["sox", str(dry), str(wet), "reverb", "80", "50", "100", "100", "20", "0"], check=True)
        out, _ = sf.read(wet, dtype="float32")
    out = out if out.ndim == 1 else out.mean(axis=1)
    return out[: len(audio)] / max(1.0, float(np.max(np.abs(out))))


def reference_tokens(name: str) -> list[str]:
    text = (REFS / f"{name}.txt").read_text(encoding="utf-8")
    return _tokens(text, name.startswith("zh"))


def _tokens(text: str, chinese: bool) -> list[str]:
    if chinese:
        from opencc import OpenCC

        return list(re.sub(r"[\W_]+", "", OpenCC("t2s").convert(text)))
    text = re.sub(r"[^\w\s']", " ", text.lower())
    return [w for w in text.split() if w not in _FILLERS]


def hypothesis_tokens(segments: list[Segment], start: float, end: float, chinese: bool) -> list[Token]:
    """The recognised words of one clip's stretch of time, split as the reference is."""
    out = []
    for segment in segments:
        for word in segment.words:
            if start - PAUSE_S / 2 <= (word.start + word.end) / 2 < end + PAUSE_S / 2:
                out += [Token(t, word.start, word.end) for t in _tokens(word.text, chinese)]
    return out


def errors(reference: list[str], hypothesis: list[Token], clip_start: float, clip_end: float
           ) -> list[tuple[float, float]]:
    """The time span of every substitution, insertion and deletion (Levenshtein alignment)."""
    n, m = len(reference), len(hypothesis)
    cost = np.zeros((n + 1, m + 1), dtype=np.int32)
    cost[:, 0] = np.arange(n + 1)
    cost[0, :] = np.arange(m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = reference[i - 1] == hypothesis[j - 1].text
            cost[i, j] = min(cost[i - 1, j - 1] + (0 if same else 1), cost[i - 1, j] + 1, cost[i, j - 1] + 1)
    spans, i, j = [], n, m
    while i or j:
        if i and j and cost[i, j] == cost[i - 1, j - 1] + (reference[i - 1] != hypothesis[j - 1].text):
            if reference[i - 1] != hypothesis[j - 1].text:
                spans.append((hypothesis[j - 1].start, hypothesis[j - 1].end))
            i, j = i - 1, j - 1
        elif j and cost[i, j] == cost[i, j - 1] + 1:
            spans.append((hypothesis[j - 1].start, hypothesis[j - 1].end))
            j -= 1
        else:
            before = hypothesis[j - 1].end if j else clip_start
            after = hypothesis[j].start if j < m else clip_end
            spans.append((min(before, after), max(before, after)))
            i -= 1
    return spans


def transcribed(model, audio: np.ndarray) -> list[Segment]:  # noqa: ANN001 - WhisperModel
    """The pipeline's segments for ``audio`` (automatic language, guards on)."""
    segments: list[Segment] = []
    transcribe(model, audio, TranscribeOptions(language=None, script="simplified"),
               lambda found, _: segments.extend(found))
    return segments


def inside(span: tuple[float, float], places: list) -> bool:
    return any(p.start <= span[1] and p.end >= span[0] for p in places)


def open_time(count: int, doubt: bool) -> tuple[float, int]:
    """Seconds to open a ``count``-segment session in the window, and its doubtful places. With ``doubt``
    about one word in ten is below 0.5 and one segment in twenty is flagged; without, every word is sure."""
    from PySide6.QtWidgets import QApplication

    from minutes.domain import Session, Speaker
    from minutes.store import WorkshopStore
    from minutes.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "Big.minutes"
        with WorkshopStore.open(root, create=True) as store:
            session = store.add_session(Session(title="Three hours", duration=count * 3.6))
            speakers = [store.add_speaker(session.id, Speaker(f"Speaker {i + 1}")).id for i in range(6)]
            segments = []
            for i in range(count):
                words = [Word(i * 3.6 + k * 0.3, i * 3.6 + k * 0.3 + 0.25, f" word{k}",
                              rng.random() ** 0.3 if doubt else 1.0) for k in range(12)]
                flagged = doubt and rng.random() < 0.05
                segments.append(Segment(i * 3.6, i * 3.6 + 3.4, "".join(w.text for w in words).strip(),
                                        speakers[i % 6], "en", words=words, flags=["overlap"] if flagged else []))
            store.add_segments(session.id, segments)
        window = MainWindow()
        window.resize(1300, 800)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.open_workshop(root, create=False)
        app.processEvents()
        seconds = time.perf_counter() - started
        places = len(window.review.places())
        window.close()
        window.deleteLater()
        app.processEvents()
    return seconds, places


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    parser.add_argument("--segments", type=int, default=3000)
    parser.add_argument("--open-only", action="store_true", help="only time opening a large session")
    args = parser.parse_args()
    if args.open_only:
        _print_open_time(args.segments)
        return
    thresholds = [float(t) for t in args.thresholds.split(",")]
    clean, spans = session()
    noise = babble(len(clean))
    conditions = {
        "clean": clean,
        "babble 15 dB": with_noise(clean, noise, 15.0),
        "babble 10 dB": with_noise(clean, noise, 10.0),
        "reverb + babble 15 dB": with_noise(reverberant(clean), noise, 15.0),
    }
    model = registry.load(registry.resolve(None))
    duration = len(clean) / RATE
    totals = {t: [0, 0, 0.0, 0.0] for t in thresholds}  # errors inside, errors, covered s, listened s
    words_total = 0
    print(f"Proxy session: {len(CLIPS)} read clips (6 en, 3 zh) joined, {duration:.1f} s, under "
          f"{len(conditions)} conditions = {duration * len(conditions):.0f} s of audio; bundled base model, "
          "automatic language.\n")
    print("| condition | error rate | threshold | errors in flagged places | audio flagged | audio listened |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, audio in conditions.items():
        segments = transcribed(model, audio)
        wrong: list[tuple[float, float]] = []
        reference_count = 0
        for name, start, end in spans:
            chinese = name.startswith("zh")
            reference = reference_tokens(name)
            reference_count += len(reference)
            wrong += errors(reference, hypothesis_tokens(segments, start, end, chinese), start, end)
        words_total += reference_count
        missing = untranscribed(speech_spans(ArraySource(audio)), segments)
        for threshold in thresholds:
            places = doubtful_places(segments, threshold) + missing
            hit = sum(inside(span, places) for span in wrong)
            covered = flagged_share(places, duration) * duration
            listened = flagged_share([_preroll(p) for p in places], duration) * duration
            total = totals[threshold]
            total[0] += hit
            total[1] += len(wrong)
            total[2] += covered
            total[3] += listened
            print(f"| {label} | {len(wrong) / reference_count:.2f} | {threshold:.1f} | "
                  f"{hit}/{len(wrong)} = {hit / max(len(wrong), 1):.0%} | {covered / duration:.0%} | "
                  f"{listened / duration:.0%} |")
    print("\nAll conditions together:\n")
    print("| threshold | errors in flagged places | audio flagged | audio listened |")
    print("| --- | --- | --- | --- |")
    seconds = duration * len(conditions)
    for threshold, (hit, count, covered, listened) in totals.items():
        print(f"| {threshold:.1f} | {hit}/{count} = {hit / max(count, 1):.0%} | {covered / seconds:.0%} | "
              f"{listened / seconds:.0%} |")
    print(f"\n(reference tokens: {words_total}; English words and Mandarin characters)")
    _print_open_time(args.segments)


def _print_open_time(count: int) -> None:
    plain, _ = open_time(count, doubt=False)
    seconds, places = open_time(count, doubt=True)
    print(f"\nOpening a {count:,}-segment session in the window: {seconds:.3f} s with its doubt shown "
          f"({places:,} doubtful places), {plain:.3f} s when nothing is doubtful (same run, same machine load)")


def _preroll(place: Place) -> Place:
    return replace(place, start=max(0.0, place.start - PREROLL_S))


if __name__ == "__main__":
    main()
