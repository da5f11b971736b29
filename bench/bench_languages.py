"""Accuracy on Mandarin and English: plain faster-whisper against Minutes' pipeline, and the glossary's effect.

Table 1 scores the single-speaker clips of shared/speech (CER on Mandarin, WER on English, scored as
tests/scoring.py does) with the same model (the bundled Whisper base, int8):

- ``plain forced``: ``WhisperModel.transcribe`` with default options and the clip's language given;
- ``plain auto``: the same, language detected (what a user of plain faster-whisper would get in a
  mixed-language workshop, where no single language can be forced);
- ``plain hotwords``: ``plain forced`` with a human-trafficking workshop glossary as ``hotwords``;
- ``minutes forced``: Minutes' pipeline with the clip's language given (guards, OpenCC Traditional);
- ``minutes auto``: Minutes' pipeline as it runs by default (VAD chunks, language per utterance, guards);
- ``+ glossary``: ``minutes auto`` with the same glossary (spelt in by minutes.asr.spelling).

Table 2 speaks English sentences full of names and acronyms of the field with espeak-ng and counts how
many of them come out spelt right, and how many glossary terms appear that were never said (the hint
leaking into the text). Table 3 runs longer audio, a mixed English/Mandarin compilation and a
conversational AMI meeting, and counts segments, words and decoding time: what the glossary does to the
rest of the transcript. Table 4 checks the language each segment is labelled with against the language
spoken there (the clip's prefix, en_ or zh_; for the mixed compilation, the clip each stretch comes from):
the share of the transcribed time, and of the segments, labelled right, for ``minutes auto`` (language per
utterance) and ``plain auto`` (faster-whisper's one language for the whole recording).

    python -m bench.bench_languages [--quick] [--tables 1 2 3 4]

``--quick`` scores only the clips copied into tests/data, speaks three of the sentences and skips the
meeting.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import soundfile as sf

from bench.common import REPO, SPEECH
from minutes.asr import registry
from minutes.asr.pipeline import TranscribeOptions, transcribe
from minutes.domain import Participant
from minutes.text.glossary import ENGLISH as EN
from minutes.text.glossary import Hints, build_hints, model_token_counter, rank_terms

sys.path.insert(0, str(REPO))
from tests import speech  # noqa: E402 - the test helpers: clip loading and espeak-ng
from tests.scoring import cer_zh, wer  # noqa: E402

REFS = SPEECH.parent / "ref"
ROSTER = [
    Participant("Maa Shyh-Yuan", organisation="Ministry of the Interior"),
    Participant("Lisa Rende Taylor", organisation="Issara Institute"),
    Participant("Ruangrit Pongsak", organisation="Mae Sot Migrant Assistance"),
    Participant("Huang Yi-Chun", organisation="Academia Sinica"),
    Participant("陳美玲", organisation="內政部移民署"),
]
GLOSSARY = [
    "ECPAT", "IOM", "forced criminality", "Tzu Chi", "Hualien", "Garden of Hope Foundation",
    "Taiwan Fund for Children and Families", "Myawaddy", "Sihanoukville", "National Immigration Agency",
    "Liberty Foundation", "UNODC", "ASEAN-ACT", "Palermo Protocol", "人口販運", "勞動部", "移民署", "強迫犯罪",
    "詐騙園區", "勵馨基金會",
]
SENTENCES = [
    ("Our next speaker is Maa Shyh-Yuan from the Ministry of the Interior.",
     ["Maa Shyh-Yuan", "Ministry of the Interior"]),
    ("ECPAT and the IOM presented new data on forced criminality in scam compounds.",
     ["ECPAT", "IOM", "forced criminality"]),
    ("The Tzu Chi Foundation supports survivors in Hualien.", ["Tzu Chi", "Hualien"]),
    ("Ms Lisa Rende Taylor of Issara Institute will now present.", ["Lisa Rende Taylor", "Issara Institute"]),
    ("Thank you, Mr Ruangrit Pongsak, for the briefing from Mae Sot.", ["Ruangrit Pongsak", "Mae Sot"]),
    ("The Garden of Hope Foundation runs shelters with Taiwan Fund for Children and Families.",
     ["Garden of Hope Foundation", "Taiwan Fund for Children and Families"]),
    ("Survivors from Myawaddy and Sihanoukville were repatriated last month.", ["Myawaddy", "Sihanoukville"]),
    ("The National Immigration Agency works with the Liberty Foundation.",
     ["National Immigration Agency", "Liberty Foundation"]),
    ("Professor Huang Yi-Chun of Academia Sinica chaired the panel.", ["Huang Yi-Chun", "Academia Sinica"]),
    ("UNODC and ASEAN-ACT published the Palermo Protocol guidelines.", ["UNODC", "ASEAN-ACT", "Palermo Protocol"]),
]


def pipeline_text(model, audio, options: TranscribeOptions) -> str:  # noqa: ANN001
    found = []
    transcribe(model, audio, options, lambda segments, _until: found.extend(segments))
    return " ".join(s.text for s in found)


def plain_pieces(model, audio, language: str | None, **extra) -> list:  # noqa: ANN001, ANN003
    pieces, _ = model.transcribe(audio, language=language, **extra)
    return list(pieces)


def plain_text(model, audio, language: str | None, **extra) -> str:  # noqa: ANN001, ANN003
    return " ".join(p.text.strip() for p in plain_pieces(model, audio, language, **extra))


def accuracy_table(model, hints: Hints, clips: list[Path]) -> None:  # noqa: ANN001
    none = Hints()
    systems: dict[str, Callable] = {
        "plain forced": lambda audio, lang: plain_text(model, audio, lang),
        "plain auto": lambda audio, lang: plain_text(model, audio, None),
        "plain hotwords": lambda audio, lang: plain_text(model, audio, lang, hotwords=hints.for_language(lang)),
        "minutes forced": lambda audio, lang: pipeline_text(
            model, audio, TranscribeOptions(language=lang, script="traditional", glossary=none)),
        "minutes auto": lambda audio, lang: pipeline_text(
            model, audio, TranscribeOptions(script="traditional", glossary=none)),
        "+ glossary": lambda audio, lang: pipeline_text(
            model, audio, TranscribeOptions(script="traditional", glossary=hints)),
    }
    print(f"{'clip':42} {'metric':6}" + "".join(f"{name:>16}" for name in systems))
    totals: dict[tuple[str, str], list[float]] = {}
    seconds = dict.fromkeys(systems, 0.0)
    for clip in clips:
        language = clip.name[:2]
        metric, score = ("CER", cer_zh) if language == "zh" else ("WER", wer)
        reference = (REFS / f"{clip.stem}.txt").read_text()
        audio = speech.load(clip)
        row = []
        for name, system in systems.items():
            started = time.perf_counter()
            value = score(reference, system(audio, language))
            seconds[name] += time.perf_counter() - started
            totals.setdefault((metric, name), []).append(value)
            row.append(value)
        print(f"{clip.stem:42} {metric:6}" + "".join(f"{v:16.3f}" for v in row))
    for metric in ("CER", "WER"):
        means = [sum(v) / len(v) for (m, _), v in totals.items() if m == metric]
        print(f"{'mean':42} {metric:6}" + "".join(f"{v:16.3f}" for v in means))
    print(f"{'decode seconds':49}" + "".join(f"{seconds[name]:16.1f}" for name in systems))


def glossary_table(model, hints: Hints, terms: list[str], sentences: list[tuple[str, list[str]]]  # noqa: ANN001
                   ) -> None:
    hint = hints.for_language(EN)
    modes: dict[str, Callable] = {
        "plain": lambda audio: plain_text(model, audio, EN),
        "plain prompt": lambda audio: plain_text(model, audio, EN, initial_prompt=hint),
        "plain hotwords": lambda audio: plain_text(model, audio, EN, hotwords=hint),
        "minutes": lambda audio: pipeline_text(model, audio, TranscribeOptions(language=EN, glossary=Hints())),
        "+ glossary": lambda audio: pipeline_text(model, audio, TranscribeOptions(language=EN, glossary=hints)),
    }
    spelt = dict.fromkeys(modes, 0)
    leaked = dict.fromkeys(modes, 0)
    wanted = sum(len(names) for _, names in sentences)
    with tempfile.TemporaryDirectory() as scratch:
        for i, (sentence, names) in enumerate(sentences):
            audio = speech.load(speech.espeak(sentence, Path(scratch) / f"s{i}.wav"))
            for mode, system in modes.items():
                text = system(audio)
                spelt[mode] += sum(name.casefold() in text.casefold() for name in names)
                leaked[mode] += sum(t.casefold() in text.casefold() and t.casefold() not in sentence.casefold()
                                    for t in terms)
                print(f"  {mode:15} {text}")
    print(f"\n{'system':16} {'names spelt right':>18} {'terms leaked':>13}")
    for mode in modes:
        print(f"{mode:16} {spelt[mode]:>12d} / {wanted:<3d} {leaked[mode]:>13d}")


MIXED = ("en_librispeech_1995-1837-0001", "zh_aishell1_BAC009S0764W0121", "en_librivox_sense_and_sensibility_0870",
         "zh_aishell1_BAC009S0764W0122", "en_librivox_sense_and_sensibility_0920", "zh_funasr_asr_example")
Spoken = tuple[float, float, str]  # a stretch of the recording (start s, end s) and the language spoken there


def mixed_compilation() -> tuple[np.ndarray, list[Spoken]]:
    """The clips of ``MIXED`` joined with 1.5 s pauses, and where each one lies in its language."""
    parts: list[np.ndarray] = []
    spoken: list[Spoken] = []
    start = 0.0
    for clip in MIXED:
        audio = speech.load(SPEECH / f"{clip}.wav")
        spoken.append((start, start + len(audio) / speech.RATE, clip[:2]))
        parts += [audio, speech.silence(1.5)]
        start += (len(audio) + len(parts[-1])) / speech.RATE
    return speech.join(*parts), spoken


def long_audio_table(model, hints: Hints, quick: bool) -> None:  # noqa: ANN001
    recordings = {"mixed en/zh, 45 s": mixed_compilation()[0]}
    if not quick:
        meeting, _rate = sf.read(SPEECH / "multi_en_ami_concat_3min.wav", dtype="float32")
        recordings["AMI meeting, 182 s"] = meeting
    systems: dict[str, Callable] = {
        "plain auto": lambda audio: [p.text for p in plain_pieces(model, audio, None, vad_filter=True)],
        "plain hotwords": lambda audio: [p.text for p in plain_pieces(model, audio, None, vad_filter=True,
                                                                        hotwords=hints.for_language(EN))],
        "minutes auto": lambda audio: _texts(model, audio, TranscribeOptions(glossary=Hints())),
        "+ glossary": lambda audio: _texts(model, audio, TranscribeOptions(glossary=hints)),
    }
    print(f"{'recording':20} {'system':16} {'segments':>9} {'words':>7} {'seconds':>8}")
    for name, audio in recordings.items():
        for system, run in systems.items():
            started = time.perf_counter()
            texts = run(audio)
            seconds = time.perf_counter() - started
            words = sum(len(t.split()) + sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff") for t in texts)
            print(f"{name:20} {system:16} {len(texts):>9d} {words:>7d} {seconds:>8.1f}")


def _texts(model, audio, options: TranscribeOptions) -> list[str]:  # noqa: ANN001
    return [s.text for s in _segments(model, audio, options)]


def _segments(model, audio, options: TranscribeOptions) -> list:  # noqa: ANN001
    found = []
    transcribe(model, audio, options, lambda segments, _until: found.extend(segments))
    return found


def language_score(labelled: list[Spoken], spoken: list[Spoken]) -> tuple[float, float, float, float, int, int]:
    """Segments ``labelled`` (start, end, language given) against the stretches ``spoken``: the transcribed
    seconds that overlap speech and those labelled with the language spoken there; the seconds spoken and those
    covered by a segment in their language (speech dropped counts against); the segments right (labelled with
    the language of the stretch they overlap most) and all of them."""
    transcribed = right = 0.0
    right_segments = 0
    for start, end, language in labelled:
        overlaps: dict[str, float] = {}
        for s_start, s_end, s_language in spoken:
            overlaps[s_language] = overlaps.get(s_language, 0.0) + max(0.0, min(end, s_end) - max(start, s_start))
        transcribed += sum(overlaps.values())
        right += overlaps.get(language, 0.0)
        right_segments += max(overlaps, key=overlaps.__getitem__) == language
    said = sum(end - start for start, end, _ in spoken)
    covered = sum(_covered(start, end, [(a, b) for a, b, lang in labelled if lang == language])
                  for start, end, language in spoken)
    return transcribed, right, said, covered, right_segments, len(labelled)


def _covered(start: float, end: float, spans: list[tuple[float, float]]) -> float:
    """Seconds of ``start``..``end`` inside the union of ``spans`` (segments may overlap one another)."""
    total, reached = 0.0, start
    for a, b in sorted(spans):
        a, b = max(a, reached), min(b, end)
        if b > a:
            total += b - a
            reached = b
    return total


def language_table(model, clips: list[Path], quick: bool) -> None:  # noqa: ANN001
    recordings: dict[str, tuple[np.ndarray, list[Spoken]]] = {}
    for clip in clips:
        audio = speech.load(clip)
        recordings[clip.stem] = audio, [(0.0, len(audio) / speech.RATE, clip.name[:2])]
    recordings["mixed en/zh, 45 s (table 3)"] = mixed_compilation()
    if not quick:
        meeting, _rate = sf.read(SPEECH / "multi_en_ami_concat_3min.wav", dtype="float32")
        recordings["AMI meeting, 182 s (en)"] = meeting, [(0.0, len(meeting) / speech.RATE, EN)]

    def plain_auto(audio: np.ndarray) -> list[Spoken]:
        pieces, info = model.transcribe(audio, language=None)
        return [(p.start, p.end, info.language) for p in pieces]

    systems: dict[str, Callable[[np.ndarray], list[Spoken]]] = {
        "minutes auto": lambda audio: [(s.start, s.end, s.language) for s in _segments(
            model, audio, TranscribeOptions(script="traditional", glossary=Hints()))],
        "plain auto": plain_auto,
    }
    print(f"{'':42}" + "".join(f"{name:^31}" for name in systems))
    print(f"{'recording':42}" + f"{'transcribed':>13} {'spoken':>8} {'segments':>9}" * len(systems))
    totals = {name: (0.0, 0.0, 0.0, 0.0, 0, 0) for name in systems}
    for name, (audio, spoken) in recordings.items():
        cells = []
        for system, run in systems.items():
            score = language_score(run(audio), spoken)
            totals[system] = tuple(a + b for a, b in zip(totals[system], score, strict=True))
            cells.append(_language_cells(*score))
        print(f"{name:42}" + "".join(cells))
    print(f"{'all':42}" + "".join(_language_cells(*totals[system]) for system in systems))
    print("\ntranscribed: % of the transcribed seconds labelled with the language spoken there; spoken: % of the "
          "seconds of each clip (silence at its ends included) covered by a segment in its language; segments: "
          "labelled right / all")


def _language_cells(transcribed: float, right: float, said: float, covered: float, right_segments: int,
                    segments: int) -> str:
    share = f"{100 * right / transcribed:.1f} %" if transcribed else "-"
    return f"{share:>13} {f'{100 * covered / said:.1f} %':>8} {f'{right_segments}/{segments}':>9}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the clips of tests/data and three sentences only")
    parser.add_argument("--tables", type=int, nargs="+", default=[1, 2, 3, 4], help="which tables to print")
    args = parser.parse_args()
    quick, tables = args.quick, args.tables
    model = registry.load(registry.resolve(None))
    terms = rank_terms(GLOSSARY, ROSTER)
    hints = build_hints(terms, "traditional", count=model_token_counter(model))
    print("Glossary hints:")
    for language, text in hints.by_language.items():
        print(f"  {language}: {text}")
    clips = sorted(p for p in SPEECH.glob("*.wav") if p.name.startswith(("zh_", "en_")))
    if quick:
        clips = [p for p in clips if (REPO / "tests" / "data" / p.name).exists()]
    if 1 in tables:
        print("\nTable 1: error rates (lower is better), Whisper base int8, same model throughout\n")
        accuracy_table(model, hints, clips)
    if 2 in tables:
        print("\nTable 2: names of the field spoken by espeak-ng, language en\n")
        glossary_table(model, hints, terms, SENTENCES[:3] if quick else SENTENCES)
    if 3 in tables:
        print("\nTable 3: longer recordings, language detected (words: Latin words plus Han characters)\n")
        long_audio_table(model, hints, quick)
    if 4 in tables:
        print("\nTable 4: language labels against the language spoken (share of the transcribed seconds, and of "
              "the segments, labelled right)\n")
        language_table(model, clips, quick)


if __name__ == "__main__":
    main()
