"""Diarization quality and contract on real speech: AMI meetings, a clean two-voice clip, one voice, silence.

DER is scored like pyannote.metrics ``DiarizationErrorRate(collar=0.5, skip_overlap=False)`` (see der.py).
Per-clip bounds sit a little above what the engine measured (bench/bench_diarize.py: dev00 8.6 %,
dev01 25.4 %, trn07 35.5 %, trn08 36.0 %, mean 26.4 %; two-voice 0.0 %).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from minutes.audio.source import ArraySource
from minutes.speakers import Diarization, Turn, diarize, segmentation
from minutes.speakers.diarize import DEFAULT_SETTINGS, _track_share
from tests.speakers.conftest import AMI, ami_clip, ami_result
from tests.speakers.der import der

AMI_BOUNDS = {
    "multi_en_ami_debug_dev00": 0.10,
    "multi_en_ami_debug_dev01": 0.27,
    "multi_en_ami_debug_trn07": 0.40,
    "multi_en_ami_debug_trn08": 0.42,
}


def well_formed(result: Diarization, duration: float) -> None:
    assert all(isinstance(t, Turn) for t in result.turns)
    assert result.turns == sorted(result.turns, key=lambda t: t.start)
    for t in result.turns:
        assert 0.0 <= t.start < t.end <= duration + 1e-6
    assert result.speakers == list(range(result.num_speakers))
    assert result.embeddings.shape == (result.num_speakers, 192)
    assert result.embeddings.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(result.embeddings, axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize("name", AMI)
def test_ami_clip_der(name):
    audio, ref = ami_clip(name)
    result = ami_result(name)
    well_formed(result, 30.0)
    assert der(ref, result.turns) <= AMI_BOUNDS[name]
    assert result.num_speakers >= 2, "meeting collapsed to one speaker"


def test_ami_mean_der_within_target():
    scores = [der(ami_clip(n)[1], ami_result(n).turns) for n in AMI]
    assert float(np.mean(scores)) <= 0.27, scores


def test_local_speaker_tracks_find_the_second_voice_in_overlap():
    # trn08 is a four-person meeting with much crosstalk: without the segmentation's local speaker tracks the
    # second voice of an overlap is the runner-up of 1 s windows that the louder voice dominates (43.1 %).
    audio, ref = ami_clip("multi_en_ami_debug_trn08")
    without = diarize(audio, settings=replace(DEFAULT_SETTINGS, track_weight=0.0))
    assert der(ref, ami_result("multi_en_ami_debug_trn08").turns) <= der(ref, without.turns) - 0.02


def test_track_share_is_a_share_of_the_local_speakers(two_voice):
    audio, _ = two_voice
    seg = segmentation.segment(ArraySource(audio), step_s=DEFAULT_SETTINGS.segmentation_step_s)
    speech = seg.speech > DEFAULT_SETTINGS.speech_threshold
    # Two speakers whose frame scores follow the reference: the English reader first, then the Mandarin one.
    scores = np.zeros((speech.shape[0], 2), dtype=np.float32)
    result = diarize(audio)
    for t in result.turns:
        scores[int(t.start / segmentation.FRAME_STEP) : int(t.end / segmentation.FRAME_STEP), t.speaker] = 1.0
    share = _track_share(seg, scores, speech, DEFAULT_SETTINGS.min_track_s)
    heard = share.sum(axis=1) > 0
    np.testing.assert_allclose(share[heard].sum(axis=1), 1.0, rtol=1e-5)
    assert heard[speech].mean() > 0.9
    # Each chunk's local speaker is matched to the speaker whose turns it follows.
    agree = np.argmax(share[heard & speech], axis=1) == np.argmax(scores[heard & speech], axis=1)
    assert agree.mean() > 0.95


def test_clean_two_voices(two_voice):
    audio, ref = two_voice
    result = diarize(audio)
    well_formed(result, audio.shape[0] / 16000)
    assert result.num_speakers == 2
    assert der(ref, result.turns) <= 0.03
    # Speaker numbers follow first appearance: the English reader speaks first.
    assert result.turns[0].speaker == 0


def test_voice_embeddings_recognise_a_speaker_across_recordings(two_voice, one_voice):
    # Centroids are voice profiles: the reader of one_voice must match the English voice of two_voice.
    audio, ref = two_voice
    both = diarize(audio)
    solo = diarize(one_voice)
    assert solo.num_speakers == 1
    sims = both.embeddings @ solo.embeddings[0]
    english = both.turns[0].speaker
    assert int(np.argmax(sims)) == english
    assert sims[english] > 0.7 and sims[english] - sims[1 - english] > 0.3, sims


def test_one_voice_is_one_speaker(one_voice):
    result = diarize(one_voice)
    assert result.num_speakers == 1
    assert {t.speaker for t in result.turns} == {0}
    assert sum(t.end - t.start for t in result.turns) > 10.0


@pytest.mark.parametrize("n", [1, 2, 3])
def test_num_speakers_is_honoured(two_voice, n):
    result = diarize(two_voice[0], num_speakers=n)
    assert result.num_speakers == n
    assert result.speakers == list(range(n))


def test_num_speakers_on_a_meeting():
    audio, _ = ami_clip("multi_en_ami_debug_trn08")
    assert diarize(audio, num_speakers=4).num_speakers == 4


def test_min_and_max_speakers_are_honoured(two_voice, one_voice):
    audio, _ = two_voice
    assert diarize(audio, max_speakers=1).num_speakers == 1
    assert diarize(audio, min_speakers=3, max_speakers=4).num_speakers in (3, 4)
    assert diarize(one_voice, min_speakers=2, max_speakers=2).num_speakers == 2
    meeting, _ = ami_clip("multi_en_ami_debug_dev00")
    assert 3 <= diarize(meeting, min_speakers=3, max_speakers=5).num_speakers <= 5


@pytest.mark.parametrize(
    "audio",
    [
        np.zeros(16000 * 15, np.float32),
        (np.random.default_rng(0).standard_normal(16000 * 15) * 1e-3).astype(np.float32),
        (np.random.default_rng(1).standard_normal(16000 * 15) * 1e-2).astype(np.float32),
        np.zeros(200, np.float32),
        np.zeros(0, np.float32),
    ],
    ids=["zeros", "low-noise", "noise", "tiny", "empty"],
)
def test_silence_gives_no_turns(audio):
    result = diarize(audio)
    assert result.turns == []
    assert result.num_speakers == 0
    assert result.embeddings.shape == (0, 192)


def test_other_sample_rates_and_stereo(two_voice):
    audio, ref = two_voice
    # 8 kHz telephone-band input is resampled; a stereo (samples, 2) array is downmixed.
    eight = audio[::2].copy()
    result = diarize(np.stack([eight, eight], axis=1), sample_rate=8000)
    assert result.num_speakers == 2
    assert der(ref, result.turns) <= 0.05


def test_progress_and_cancel(two_voice):
    audio, _ = two_voice
    seen: list[float] = []
    diarize(audio, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert all(b >= a for a, b in zip(seen, seen[1:], strict=False))
    with pytest.raises(InterruptedError):
        diarize(audio, cancelled=lambda: True)


def test_bad_arguments():
    audio = np.zeros(16000, np.float32)
    with pytest.raises(ValueError):
        diarize(audio, num_speakers=0)
    with pytest.raises(ValueError):
        diarize(audio, min_speakers=3, max_speakers=2)
    with pytest.raises(ValueError):
        diarize(np.zeros((2, 2, 2), np.float32))
