"""Enrolled voices are matched before clustering: real voices, profiles taken from other recordings of them."""

from __future__ import annotations

import numpy as np
import pytest

from minutes.audio.source import ArraySource
from minutes.speakers import diarize, enrolled, voice_sample
from tests.speakers.conftest import DATA, load
from tests.speakers.two_voice import speech_extent

RATE = 16000


def _profile(stem: str) -> np.ndarray:
    audio = load(DATA / f"{stem}.wav")
    voice = voice_sample(ArraySource(audio), 0.0, audio.shape[0] / RATE)
    assert voice is not None
    return voice


@pytest.fixture(scope="module")
def meeting() -> tuple[np.ndarray, dict[str, list[tuple[float, float]]]]:
    """An English reader, a Mandarin reader for three seconds only, another English voice, the first reader
    again; with where each voice speaks."""
    reader = load(DATA / "en_librivox_sense_and_sensibility_0890.wav")
    zh = load(DATA / "zh_aishell1_BAC009S0764W0121.wav")
    start = int(speech_extent(zh)[0] * RATE)
    brief = zh[start : start + 3 * RATE]
    other = load(DATA / "en_librispeech_1995-1837-0001.wav")
    gap = np.zeros(RATE // 2, dtype=np.float32)
    parts = [("reader", reader), ("zh", brief), ("other", other), ("reader", reader)]
    audio, where, t = [], {}, 0.0
    for who, piece in parts:
        where.setdefault(who, []).append((t, t + piece.shape[0] / RATE))
        audio += [piece, gap]
        t += (piece.shape[0] + gap.shape[0]) / RATE
    return np.concatenate(audio), where


def _speech_of(result, speaker: int, spans: list[tuple[float, float]]) -> float:  # noqa: ANN001
    """Seconds of ``spans`` that ``speaker``'s turns cover."""
    return sum(max(0.0, min(b, t.end) - max(a, t.start)) for t in result.turns if t.speaker == speaker
               for a, b in spans)


def test_enrolled_voices_are_named_from_samples_of_other_recordings(meeting):
    audio, where = meeting
    # The profiles come from other utterances than those heard: the reader's 0870, the Mandarin reader's W0122.
    profiles = np.stack([_profile("en_librivox_sense_and_sensibility_0870"), _profile("zh_aishell1_BAC009S0764W0122")])
    result = diarize(audio, enrolled=profiles)
    by_profile = {p: (speaker, score) for speaker, (p, score) in result.enrolled.items()}
    assert set(by_profile) == {0, 1}, result.enrolled
    for p, who in ((0, "reader"), (1, "zh")):
        speaker, score = by_profile[p]
        assert enrolled.MATCH_THRESHOLD - 0.1 <= score <= 1.0
        heard = sum(b - a for a, b in where[who])
        assert _speech_of(result, speaker, where[who]) > 0.8 * heard, (who, result.turns)
        assert _speech_of(result, speaker, where["other"]) < 1.0  # the unenrolled voice is not given to them
    # The third voice is clustered as usual: a speaker of its own, matched to nobody.
    others = [s for s in result.speakers if s not in result.enrolled]
    assert len(others) == 1
    assert _speech_of(result, others[0], where["other"]) > 0.8 * sum(b - a for a, b in where["other"])


def test_a_profile_of_someone_absent_changes_nothing(meeting):
    audio, _ = meeting
    plain = diarize(audio)
    absent = _profile("zh_aishell1_BAC009S0764W0122")  # the Mandarin reader, who is not in this cut
    english_only = audio[: int(plain.turns[0].end * RATE)]
    assert diarize(english_only, enrolled=absent[None]).enrolled == {}
    # Someone absent in a profile list with someone present: only the present one is matched.
    result = diarize(audio, enrolled=np.stack([_profile("en_librivox_sense_and_sensibility_0870"),
                                               np.eye(1, 192, 7, dtype=np.float32)[0]]))
    assert sorted(p for p, _ in result.enrolled.values()) == [0]


def test_a_window_is_matched_with_its_neighbours_and_only_clearly():
    profiles = np.eye(2, 192, dtype=np.float32)

    def window(a: float, b: float) -> np.ndarray:
        rest = np.sqrt(max(0.0, 1 - a * a - b * b))
        return (a * profiles[0] + b * profiles[1] + rest * np.eye(1, 192, 9, dtype=np.float32)[0]).astype(np.float32)

    emb = np.stack([window(0.8, 0.2), window(0.7, 0.2), window(0.5, 0.2),  # a run of the first voice
                    window(0.1, 0.9),  # the second voice, one window alone: too little to name anyone
                    window(0.68, 0.66), window(0.7, 0.67), window(0.69, 0.66)])  # between the two voices
    contiguous = np.array([False, True, True, False, False, True, True])
    owner, similarity = enrolled.match(emb, contiguous, profiles, window_s=1.0)
    assert owner.tolist() == [0, 0, -1, -1, -1, -1, -1]
    assert similarity[:2] == pytest.approx([0.8, 0.7], abs=1e-5)
