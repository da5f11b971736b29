"""A synthetic 90-minute workshop panel with a reference, built from the real speech clips there are.

Voices: every speaker of the AMI excerpts (their stretches of speech with nobody else talking, from the RTTM
references) and the single-reader clips (LibriVox, LibriSpeech, AISHELL-1, FunASR). The six voices with the
most material are the chair and five panellists; the others are questioners from the floor. There are fewer
real voices than a workshop has questioners, so a few more floor voices are made by playing one of the
remaining voices 12–18 % slower or faster (a different pitch and timbre: a different "person" to a speaker
model, though a crude one); the report says how many.

Structure: the chair opens; the panellists speak in turn (statements of 30–90 s, the chair's short
interjections between them) for the first hour; then questions from the floor, each questioner once, one
stretch of 15–45 s (their material in turn, varied when it comes round again), each answered by one or two
panellists.
A panellist's material is reused many times over 90 minutes, so each reuse is resampled by ±4 % and its level
varied by ±3 dB, so that no two uses are the same samples. Pauses of 0.3–1.2 s separate utterances.

The audio is written as a 16 kHz FLAC a piece at a time (nothing holds 90 minutes in memory) with an RTTM
reference of one turn per utterance.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf
from tests.speakers.two_voice import speech_extent

from minutes.speakers.rttm import read_rttm

RATE = 16000
AMI = ["multi_en_ami_concat_3min", "multi_en_ami_debug_dev00", "multi_en_ami_debug_dev01"]
READERS = {
    "librivox_reader": ["en_librivox_sense_and_sensibility_0870", "en_librivox_sense_and_sensibility_0880",
                        "en_librivox_sense_and_sensibility_0890", "en_librivox_sense_and_sensibility_0920",
                        "en_librivox_sense_and_sensibility_0930"],
    "librispeech_1995": ["en_librispeech_1995-1837-0001"],
    "aishell_S0764": ["zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122"],
    "funasr_demo": ["zh_funasr_asr_example"],
}
MIN_SNIPPET_S = 1.0
PANEL = 6  # the chair and five panellists


@dataclass
class Panel:
    """What was built: where, how long, who (chair first, then panellists, then the floor)."""

    audio: Path
    rttm: Path
    duration: float
    panel: list[str]
    floor: list[str]
    shifted_floor: int
    turns: list[tuple[float, float, str]] = field(default_factory=list)


def _load(path: Path) -> np.ndarray:
    audio, rate = sf.read(str(path), dtype="float32", always_2d=True)
    assert rate == RATE, path
    return audio[:, 0]


def _solo_snippets(audio: np.ndarray, ref: list[tuple[float, float, str]]) -> dict[str, list[np.ndarray]]:
    """Stretches where exactly one reference speaker talks, by speaker."""
    frames = int(len(audio) / RATE * 100)
    active: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(frames, dtype=bool))
    for start, end, who in ref:
        active[who][int(start * 100) : int(end * 100)] = True
    count = sum(active.values())
    out: dict[str, list[np.ndarray]] = defaultdict(list)
    for who, mask in active.items():
        solo = np.concatenate([[False], mask & (count == 1), [False]])
        edges = np.flatnonzero(solo[1:] != solo[:-1])
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            if (b - a) / 100 >= MIN_SNIPPET_S:
                out[who].append(audio[a * RATE // 100 : b * RATE // 100])
    return out


def _trim(audio: np.ndarray) -> np.ndarray:
    start, end = speech_extent(audio)
    return audio[int(start * RATE) : int(end * RATE)]


def voices(speech: Path) -> dict[str, list[np.ndarray]]:
    """Every voice there is, as a list of single-speaker snippets."""
    found: dict[str, list[np.ndarray]] = defaultdict(list)
    for name in AMI:
        for who, snippets in _solo_snippets(_load(speech / "audio" / f"{name}.wav"),
                                            read_rttm(speech / "ref" / f"{name}.rttm")).items():
            found[f"ami_{who}"] += snippets
    for who, stems in READERS.items():
        found[who] = [_trim(_load(speech / "audio" / f"{stem}.wav")) for stem in stems]
    return dict(found)


def _resample(audio: np.ndarray, factor: float) -> np.ndarray:
    n = int(len(audio) / factor)
    return np.interp(np.arange(n) * factor, np.arange(len(audio)), audio).astype(np.float32)


def _level(audio: np.ndarray, rng: random.Random) -> np.ndarray:
    rms = float(np.sqrt(np.mean(audio**2))) or 1.0
    return (audio * (0.05 / rms) * 10 ** (rng.uniform(-3, 3) / 20)).astype(np.float32)


class _Writer:
    def __init__(self, path: Path, rng: random.Random) -> None:
        self.file = sf.SoundFile(str(path), "w", samplerate=RATE, channels=1, subtype="PCM_16")
        self.rng, self.t, self.turns = rng, 0.0, []
        self.noise = np.float32(0.0005)

    def pause(self, low: float = 0.3, high: float = 1.2) -> None:
        n = int(self.rng.uniform(low, high) * RATE)
        self.file.write(np.random.default_rng(self.rng.randrange(1 << 30)).standard_normal(n).astype(np.float32)
                        * self.noise)
        self.t += n / RATE

    def say(self, who: str, audio: np.ndarray) -> None:
        audio = np.clip(audio, -0.99, 0.99)
        self.file.write(audio)
        self.turns.append((round(self.t, 3), round(self.t + len(audio) / RATE, 3), who))
        self.t += len(audio) / RATE


def _speak(writer: _Writer, who: str, snippets: list[np.ndarray], seconds: float, rng: random.Random) -> None:
    """About ``seconds`` of ``who``: their snippets in a random order, each varied, with short pauses."""
    spoken = 0.0
    while spoken < seconds:
        piece = _level(_resample(rng.choice(snippets), rng.uniform(0.96, 1.04)), rng)
        writer.say(who, piece)
        spoken += len(piece) / RATE
        writer.pause(0.2, 0.6)


def build(speech: Path, folder: Path, minutes: float = 90.0, floor: int = 15, seed: int = 0) -> Panel:
    """Write ``panel.flac`` and ``panel.rttm`` into ``folder``."""
    rng = random.Random(seed)
    found = voices(speech)
    by_material = sorted(found, key=lambda v: -sum(len(s) for s in found[v]))
    panel, rest = by_material[:PANEL], by_material[PANEL:]
    shifted = max(0, floor - len(rest))
    for i in range(shifted):
        source = rest[i % len(rest)]
        factor = (0.84, 1.16, 0.88, 1.12)[i % 4]
        found[f"{source}_x{factor}"] = [_resample(s, factor) for s in found[source]]
    questioners = rest + [f"{rest[i % len(rest)]}_x{(0.84, 1.16, 0.88, 1.12)[i % 4]}" for i in range(shifted)]
    questioners = questioners[:floor]
    rng.shuffle(questioners)
    chair, panellists = panel[0], panel[1:]
    total = minutes * 60
    writer = _Writer(folder / "panel.flac", rng)
    _speak(writer, chair, found[chair], 60, rng)
    # Statements: until the questions, which take the last part of the session.
    questions_from = total - len(questioners) * 125  # a question cycle: chair, question, one or two answers
    while writer.t < questions_from:
        for who in panellists:
            writer.pause()
            _speak(writer, who, found[who], rng.uniform(30, 90), rng)
            writer.pause()
            _speak(writer, chair, found[chair], rng.uniform(4, 15), rng)
            if writer.t >= questions_from:
                break
    for who in questioners:
        writer.pause()
        _speak(writer, chair, found[chair], rng.uniform(3, 8), rng)
        writer.pause()
        # Once, one stretch of 15-45 s: the questioner's material in turn (varied when it comes round again).
        target, spoken, index = rng.uniform(15, 45), 0.0, 0
        while spoken < target:
            piece = found[who][index % len(found[who])]
            piece = piece if index < len(found[who]) else _resample(piece, rng.uniform(0.96, 1.04))
            writer.say(who, _level(piece, rng))
            spoken, index = spoken + len(piece) / RATE, index + 1
            writer.pause(0.2, 0.5)
        for answerer in rng.sample(panellists, rng.choice((1, 2))):
            writer.pause()
            _speak(writer, answerer, found[answerer], rng.uniform(30, 80), rng)
    writer.pause()
    _speak(writer, chair, found[chair], 30, rng)
    writer.file.close()
    rttm = folder / "panel.rttm"
    rttm.write_text("".join(f"SPEAKER panel 1 {a:.3f} {b - a:.3f} <NA> <NA> {who} <NA> <NA>\n"
                            for a, b, who in writer.turns), encoding="utf-8")
    return Panel(folder / "panel.flac", rttm, writer.t, panel, questioners, shifted, writer.turns)
