"""What the workshop knows about voices: enrolment from a moment of a session (command line and Speakers
panel), proposals of that name in later sessions, the agenda's lower bound, and participants from the floor."""

from __future__ import annotations

import numpy as np
import pytest

from minutes import jobs, speaker_labelling
from minutes.domain import Participant, Segment, Session, Word
from minutes.speaker_labelling import SpeakerCount, floor_voices, label_speakers, planned_speakers
from minutes.speakers import Turn
from minutes.store import WorkshopStore
from tests import speech

ENGLISH = ["en_librispeech_1995-1837-0001", "en_librivox_sense_and_sensibility_0890"]
MANDARIN = ["zh_aishell1_BAC009S0764W0121", "zh_aishell1_BAC009S0764W0122"]  # one Mandarin reader


def _segment(start: float, end: float, text: str) -> Segment:
    words = text.split()
    step = (end - start) / len(words)
    return Segment(start, end, text, words=[Word(start + i * step, start + (i + 1) * step, f" {w}")
                                            for i, w in enumerate(words)])


def add_session(store: WorkshopStore, data, title: str, which: int, **details: str) -> tuple[Session, float]:
    """English, Mandarin, English again, stored as a session with one segment per utterance (no Whisper:
    the speakers are what is tested). Returns the session and the middle of the Mandarin utterance."""
    en, zh = speech.load(data / f"{ENGLISH[which]}.wav"), speech.load(data / f"{MANDARIN[which]}.wav")
    gap = speech.silence(1.0)
    audio = speech.join(en, gap, zh, gap, en)
    session = jobs.add_media_session(store, audio, Session(title=title, **details))
    t_en, t_zh = len(en) / speech.RATE, len(zh) / speech.RATE
    store.add_segments(session.id, [
        _segment(0.2, t_en - 0.2, "the english reader speaks first"),
        _segment(t_en + 1.2, t_en + 1 + t_zh - 0.2, "mandarin reader answers here"),
        _segment(t_en + t_zh + 2.2, 2 * t_en + t_zh + 1.8, "the english reader speaks again"),
    ])
    return session, t_en + 1 + t_zh / 2


@pytest.fixture
def workshop(tmp_path):
    with WorkshopStore.open(tmp_path / "W.minutes", create=True) as store:
        yield store


def mandarin_speaker(store: WorkshopStore, session: Session, at: float) -> int:
    return next(s.speaker_id for s in store.segments(session.id) if s.start <= at <= s.end)


def test_enrolled_on_the_command_line_then_proposed_in_a_later_session(cli, data, tmp_path):
    path = tmp_path / "W.minutes"
    with WorkshopStore.open(path, create=True) as store:
        chen = store.add_participant(Participant("Dr. Chen", organisation="NIA"))
        morning, at = add_session(store, data, "Morning", 0)
        label_speakers(store, morning, speech.load(store.audio_path(morning)), SpeakerCount())
        assert store.proposals(morning.id) == {}

    result = cli("voices", "--workshop", path, "--enrol", "dr.  chen", "--from-session", "Morning", "--at", at)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Dr. Chen\tNIA\t1\n"
    assert "enrolled the voice of Dr. Chen" in result.stderr and "roster" not in result.stderr
    assert cli("voices", "--workshop", path).stdout == "Dr. Chen\tNIA\t1\n"

    with WorkshopStore.open(path) as store:
        # The session it came from proposes the name at once for the voice heard there...
        proposed = store.proposals(morning.id)
        assert list(proposed) == [mandarin_speaker(store, morning, at)]
        assert proposed[mandarin_speaker(store, morning, at)][0] == chen.id
        # ...and a later session with other utterances of the same reader proposes it by itself.
        afternoon, at2 = add_session(store, data, "Afternoon", 1)
        label_speakers(store, afternoon, jobs_source(store, afternoon), SpeakerCount())
        later = store.proposals(afternoon.id)
        assert list(later) == [mandarin_speaker(store, afternoon, at2)]
        person, score = later[mandarin_speaker(store, afternoon, at2)]
        assert person == chen.id and 0.6 <= score <= 1.0
        store.confirm_proposal(mandarin_speaker(store, afternoon, at2))
        assert store.speaker_names(afternoon.id)[mandarin_speaker(store, afternoon, at2)] == "Dr. Chen"
        assert store.enrolled_voices() == [("Dr. Chen", "NIA", 2)]


def test_a_voice_enrolled_on_a_laptop_travels_in_the_package_and_is_proposed_at_the_secretariat(cli, data,
                                                                                                  tmp_path):
    laptop, secretariat = tmp_path / "laptop.minutes", tmp_path / "secretariat.minutes"
    with WorkshopStore.open(laptop, create=True) as store:
        store.add_participant(Participant("Dr. Chen", organisation="NIA"))
        morning, at = add_session(store, data, "Morning", 0)
        label_speakers(store, morning, speech.load(store.audio_path(morning)), SpeakerCount())
    cli("voices", "--workshop", laptop, "--enrol", "Dr. Chen", "--from-session", "Morning", "--at", at, check=True)
    package = cli("export", "--workshop", laptop, "--session", "Morning", "--format", "package",
                  "-o", tmp_path / "morning.minutes-session", check=True).stdout.strip()

    cli("import", package, "--workshop", secretariat, check=True)
    assert cli("voices", "--workshop", secretariat, check=True).stdout.startswith("Dr. Chen\tNIA\t")
    with WorkshopStore.open(secretariat) as store:
        chen = store.find_participant("Dr. Chen", "NIA")
        imported = store.find_session("Morning")
        assert all(store.speaker_voice(s.id) is not None for s in store.speakers(imported.id))
        afternoon, at2 = add_session(store, data, "Afternoon", 1)
        label_speakers(store, afternoon, jobs_source(store, afternoon), SpeakerCount())
        person, score = store.proposals(afternoon.id)[mandarin_speaker(store, afternoon, at2)]
        assert person == chen.id and 0.6 <= score <= 1.0


def jobs_source(store: WorkshopStore, session: Session):
    """The session's stored FLAC, read in windows (as the final pass does)."""
    from minutes.audio.source import FileSource

    return FileSource(store.audio_path(session))


def test_enrolling_someone_not_on_the_roster_adds_them_and_bad_requests_change_nothing(cli, data, tmp_path):
    path = tmp_path / "W.minutes"
    with WorkshopStore.open(path, create=True) as store:
        _, at = add_session(store, data, "Morning", 0)
    incomplete = cli("voices", "--workshop", path, "--enrol", "Dr. Lin", "--from-session", "Morning")
    assert incomplete.returncode == 1 and incomplete.stderr.startswith("minutes: error:")
    outside = cli("voices", "--workshop", path, "--enrol", "Dr. Lin", "--from-session", "Morning", "--at", 999)
    assert outside.returncode == 1 and "outside the session" in outside.stderr
    unknown = cli("voices", "--workshop", path, "--enrol", "Dr. Lin", "--from-session", "Evening", "--at", 1)
    assert unknown.returncode == 1 and "Morning" in unknown.stderr
    with WorkshopStore.open(path) as store:
        assert store.participants() == [] and store.enrolled_voices() == []

    added = cli("voices", "--workshop", path, "--enrol", "Dr. Lin", "--from-session", "Morning", "--at", at)
    assert added.returncode == 0, added.stderr
    assert "added to the roster" in added.stderr
    assert added.stdout == "Dr. Lin\t\t1\n"


def test_the_agenda_bounds_the_count(workshop, data):
    people = [workshop.add_participant(Participant(n)) for n in ("Dr. Chen", "Ms. Wang", "Mr. Lee")]
    session, _ = add_session(workshop, data, "Panel", 0, chair="Mr. Lee")
    workshop.set_session_participants(session.id, [people[0].id, people[1].id, people[2].id])
    assert planned_speakers(workshop, workshop.session(session.id)) == 3  # the chair is planned too
    workshop.set_session_participants(session.id, [people[0].id])
    assert planned_speakers(workshop, workshop.session(session.id)) == 2
    workshop.update_session(session.id, chair="Dr. Hsu")
    workshop.set_session_participants(session.id, [people[0].id, people[1].id])
    speakers = label_speakers(workshop, workshop.session(session.id), jobs_source(workshop, session), SpeakerCount())
    assert len(speakers) >= 3  # two voices in the audio, but three people on the agenda


def _turns(*spans: tuple[float, float, int]) -> list[Turn]:
    return sorted(Turn(a, b, s) for a, b, s in spans)


def test_floor_voices_are_heard_once_briefly_and_match_nobody():
    panel = [(t, t + 50, t // 100 % 3) for t in range(0, 1200, 100)]  # three voices, 20 min, repeatedly
    question = (1300, 1340, 3)  # one stretch of 40 s
    long_question = (1400, 1475, 4)  # 75 s: too long to be a question from the floor
    twice = [(1500, 1520, 5), (1600, 1610, 5)]  # heard twice
    with_pause = [(1700, 1710, 6), (1715, 1730, 6)]  # one stretch with a pause
    turns = _turns(*panel, question, long_question, *twice, *with_pause)
    voices = np.eye(7, 192, dtype=np.float32)
    assert floor_voices(turns, voices, np.zeros((0, 192), np.float32)) == {3, 6}
    # An enrolled voice is never from the floor...
    assert floor_voices(turns, voices, voices[[6]]) == {3}
    # ...nor one of the planned panel (the voices that speak most), nor anyone in a short recording.
    assert floor_voices(turns, voices, np.zeros((0, 192), np.float32), planned=5) == {6}
    assert floor_voices([t for t in turns if t.end <= 250], voices, np.zeros((0, 192), np.float32)) == set()
    # Where every voice is heard once, briefly (a file joined from many short takes), there is no panel and so
    # no floor; with an agenda, its planned voices are the panel.
    takes = _turns(*[(t, t + 40, t // 50) for t in range(0, 600, 50)])
    assert floor_voices(takes, np.eye(12, 192, dtype=np.float32), np.zeros((0, 192), np.float32)) == set()
    assert floor_voices(takes, np.eye(12, 192, dtype=np.float32), np.zeros((0, 192), np.float32), planned=2) == {
        v for v in range(12)} - {0, 1}


def test_a_voice_from_the_floor_is_labelled_so(workshop, data, monkeypatch):
    # The clip is short, so the session-length and pause rules are scaled down to it.
    monkeypatch.setattr(speaker_labelling, "FLOOR_MIN_SESSION_S", 10.0)
    monkeypatch.setattr(speaker_labelling, "FLOOR_GAP_S", 3.0)
    session, at = add_session(workshop, data, "Questions", 0)
    speakers = label_speakers(workshop, session, jobs_source(workshop, session), SpeakerCount())
    assert [s.label for s in speakers] == ["Speaker 1", "Participant from the floor 1"]
    assert workshop.speaker_names(session.id)[mandarin_speaker(workshop, session, at)] == "Participant from the floor 1"


def test_this_is_in_the_speakers_panel_enrols_the_selected_segment(qtbot, workshop, data):
    from minutes.ui.speakers_panel import SpeakersPanel

    session, at = add_session(workshop, data, "Morning", 0)
    label_speakers(workshop, session, jobs_source(workshop, session), SpeakerCount())
    panel = SpeakersPanel()
    qtbot.addWidget(panel)
    panel.show_session(workshop, session.id)
    segment = next(s for s in workshop.segments(session.id) if s.start <= at <= s.end)
    panel.chosen_segment = lambda: segment
    panel.ask_item = lambda *args: ("Dr. Chen", True)
    assert panel.enrol_button.isEnabled()
    panel.enrol_button.click()
    assert workshop.enrolled_voices() == [("Dr. Chen", "", 1)]
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert any("sounds like Dr. Chen" in row for row in rows), rows


def test_two_voices_of_one_enrolled_person_are_joined_only_when_both_clearly_match():
    profile = np.eye(1, 192, dtype=np.float32)
    other = np.eye(1, 192, 1, dtype=np.float32)

    def voice(similarity: float, towards: np.ndarray = profile) -> np.ndarray:
        return (similarity * towards + np.sqrt(1 - similarity**2) * np.eye(1, 192, 5, dtype=np.float32))[0]

    turns = _turns((0, 10, 0), (10, 20, 1), (20, 40, 2), (40, 50, 1))
    embeddings = np.stack([voice(0.9), voice(0.9, other), voice(0.85)])
    joined, vectors = speaker_labelling.join_enrolled(turns, embeddings, profile)
    assert [t.speaker for t in joined] == [0, 1, 0, 1]  # voice 2 is voice 0's person: one voice, numbered first
    assert vectors.shape == (2, 192) and float(vectors[0] @ profile[0]) > 0.85
    # A match good enough to propose a name (0.65) is not enough to join two voices.
    embeddings[2] = voice(0.65)
    kept, _ = speaker_labelling.join_enrolled(turns, embeddings, profile)
    assert [t.speaker for t in kept] == [0, 1, 2, 1]
