"""Merging laptops' workshops and packages: audio, speakers, roster once, idempotent, refused whole, atomic."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
import soundfile as sf

from minutes.domain import Participant, Session
from minutes.errors import InputError
from minutes.jobs import add_media_session
from minutes.operations.merge import merge, open_source, plan_merge
from minutes.operations.package import export_package
from minutes.store import WorkshopStore
from tests.operations.laptops import CLIP_AMI, CLIP_EN, CLIP_ZH, add_recorded_session, audio_files, dump


@pytest.fixture
def laptops(tmp_path):
    """Laptop A: two sessions; laptop B: one session, exported as a package. Same roster entry on both."""
    a, b = tmp_path / "laptop-a.minutes", tmp_path / "laptop-b.minutes"
    with WorkshopStore.open(a, create=True) as store:
        store.update_workshop(title="Regional Workshop 2024", dates="28-29 August 2024", venue="Taipei",
                              organiser="NIA")
        chen = store.add_participant(Participant("Dr. Chen Mei-ling", "Director", "National Immigration Agency",
                                                 "Taiwan"))
        store.add_participant(Participant("Ms. Maria Santos", "Prosecutor", "DOJ", "Philippines"))
        add_recorded_session(store, "Session 1: Opening", CLIP_EN, who=chen)
        add_recorded_session(store, "Session 3: Victims", CLIP_ZH, who=chen)
        store.set_glossary(["Sihanoukville", "NIA"])
        store.adopt_voice_profile(chen.id, np.ones(192, dtype=np.float32))
    with WorkshopStore.open(b, create=True) as store:
        session = add_recorded_session(store, "Session 2: Forced labour", CLIP_AMI)
        package = export_package(store, session, tmp_path / "s2.minutes-session")
    return a, package


def merged(target, source, *, new=False):
    with open_source(source) as src, WorkshopStore.open(target, create=True) as store:
        plan = plan_merge(store, src)
        merge(store, plan, adopt_details=new)
        return plan


def test_two_laptops_into_a_new_workshop(laptops, tmp_path):
    a, package = laptops
    target = tmp_path / "secretariat.minutes"
    plan = merged(target, a, new=True)
    assert plan.added == ["Session 1: Opening", "Session 3: Victims"]
    assert merged(target, package).added == ["Session 2: Forced labour"]
    with WorkshopStore.open(target) as store:
        workshop = store.workshop()
        assert (workshop.title, workshop.dates, workshop.venue, workshop.organiser) == (
            "Regional Workshop 2024", "28-29 August 2024", "Taipei", "NIA")
        sessions = store.sessions()
        assert [s.title for s in sessions] == ["Session 1: Opening", "Session 3: Victims", "Session 2: Forced labour"]
        for session, clip in zip(sessions, (CLIP_EN, CLIP_ZH, CLIP_AMI), strict=True):
            info = sf.info(str(store.audio_path(session)))
            assert abs(info.frames / info.samplerate - sf.info(str(clip)).duration) < 0.01
            speakers = store.speakers(session.id)
            assert store.speaker_names(session.id)[speakers[0].id] == "Dr. Chen Mei-ling"
            assert store.speaker_voice(speakers[0].id) is not None  # from a folder and from a package alike
            notes = store.annotations(session.id)
            assert {a.comment for a in notes} == {"screening at airports", "Circulate the protocol"}
        names = [p.name for p in store.participants()]
        assert names.count("Dr. Chen Mei-ling") == 1 and "Ms. Maria Santos" in names
        assert store.glossary() == ["Sihanoukville", "NIA"]
        assert [pid for pid, _ in store.voice_profiles()] == [store.find_participant("Dr. Chen Mei-ling").id]
    before = dump(target), audio_files(target)
    again = merged(target, a)
    assert again.nothing_to_do and again.skipped == ["Session 1: Opening", "Session 3: Victims"]
    assert merged(target, package).nothing_to_do
    assert (dump(target), audio_files(target)) == before


def test_an_existing_workshop_keeps_its_details(laptops, tmp_path):
    target = tmp_path / "mine.minutes"
    with WorkshopStore.open(target, create=True) as store:
        store.update_workshop(title="Our title", venue="")
    merged(target, laptops[0])
    with WorkshopStore.open(target) as store:
        assert store.workshop().title == "Our title" and store.workshop().venue == ""


def test_same_title_other_recording_refuses_the_whole_merge(laptops, tmp_path):
    a, _ = laptops
    target = tmp_path / "target.minutes"
    with WorkshopStore.open(target, create=True) as store:
        add_recorded_session(store, "Session 3: Victims", CLIP_AMI)  # another recording under that title
    before = dump(target), audio_files(target)
    with pytest.raises(InputError) as caught:
        merged(target, a)
    message = str(caught.value)
    assert '"Session 3: Victims"' in message and "Opening" not in message
    assert "Rename" in message and "Nothing was merged" in message
    assert (dump(target), audio_files(target)) == before


def test_an_empty_agenda_session_is_filled_in(laptops, tmp_path):
    a, _ = laptops
    target = tmp_path / "agenda.minutes"
    with WorkshopStore.open(target, create=True) as store:
        store.add_session(Session("Session 3: Victims", date="2024-08-29", start="14:00", venue="Room 201"))
        store.add_session(Session("Session 1: Opening", date="2024-08-28", start="09:00"))
    plan = merged(target, a)
    assert plan.filled == ["Session 1: Opening", "Session 3: Victims"] and plan.added == []
    with WorkshopStore.open(target) as store:
        victims = store.find_session("Session 3: Victims")
        assert (victims.date, victims.start, victims.venue) == ("2024-08-29", "14:00", "Room 201")
        assert victims.position == 1 and store.audio_path(victims).is_file() and store.segment_count(victims.id)
    assert merged(target, a).nothing_to_do


def test_merge_from_a_read_only_mount(laptops, tmp_path, cli):
    """A USB stick handed over write-protected: a read-only bind mount of the laptop's folder."""
    a, _ = laptops
    mount = tmp_path / "usb"
    mount.mkdir()
    subprocess.run(["mount", "--bind", str(a), str(mount)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount)], check=True)
        assert subprocess.run(["touch", str(mount / "probe")], capture_output=True).returncode != 0
        target = tmp_path / "from-usb.minutes"
        result = cli("merge", mount, "--workshop", target, check=True)
        assert result.stdout == "added\tSession 1: Opening\nadded\tSession 3: Victims\n"
        again = cli("merge", mount, "--workshop", target, check=True)
        assert again.stdout == "unchanged\tSession 1: Opening\nunchanged\tSession 3: Victims\n"
        listing = cli("sessions", "--workshop", target, check=True).stdout.splitlines()
        assert [line.split("\t")[0] for line in listing] == ["Session 1: Opening", "Session 3: Victims"]
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_command_line_conflict_is_one_line(laptops, tmp_path, cli):
    a, _ = laptops
    target = tmp_path / "t.minutes"
    with WorkshopStore.open(target, create=True) as store:
        add_recorded_session(store, "Session 1: Opening", CLIP_ZH)
    result = cli("merge", a, "--workshop", target)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith('minutes: error: Cannot merge') and '"Session 1: Opening"' in result.stderr
    assert cli("merge", tmp_path / "nothing-here", "--workshop", target).returncode == 1
    before = dump(target)
    preview = cli("merge", a, "--workshop", target, "--dry-run", check=True)
    assert preview.stdout == "added\tSession 3: Victims\nconflict\tSession 1: Opening\n" and dump(target) == before


def test_kill_9_during_a_merge_leaves_the_target_as_it_was(tmp_path):
    """SIGKILL while the recordings are being copied: the target is unchanged, and the next merge works."""
    source, target = tmp_path / "big.minutes", tmp_path / "target.minutes"
    noise = np.random.default_rng(1).uniform(-0.5, 0.5, 16000 * 240).astype(np.float32)  # 4 min, barely packs
    with WorkshopStore.open(source, create=True) as store:
        for n in range(4):
            add_media_session(store, noise, Session(f"Long session {n + 1}", status="transcribed"))
    with WorkshopStore.open(target, create=True) as store:
        add_recorded_session(store, "Already here", CLIP_EN)
    before = dump(target), audio_files(target)
    merge_command = [sys.executable, "-m", "minutes", "merge", str(source), "--workshop", str(target)]
    process = subprocess.Popen(merge_command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None and not any(p.name.startswith(".tmp-incoming-")
                                                 for p in (target / "audio").iterdir()):
            time.sleep(0.001)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the merge finished before it could be killed"
    assert dump(target) == before[0]
    assert [n for n in audio_files(target) if not n.startswith(".")] == before[1]
    finished = subprocess.run(merge_command, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert audio_files(target) == sorted([*before[1], *(n for n in audio_files(target) if n not in before[1])])
    assert not any(n.startswith(".") for n in audio_files(target))
    with WorkshopStore.open(target) as store:
        assert len(store.sessions()) == 5


def test_a_recording_not_yet_transcribed_stays_to_transcribe(tmp_path):
    """A rapporteur recorded but did not transcribe: after the merge, Transcribe starts it here."""
    from minutes.audio import decode

    laptop, target = tmp_path / "laptop.minutes", tmp_path / "target.minutes"
    with WorkshopStore.open(laptop, create=True) as store:
        session = add_media_session(store, decode.decode(CLIP_EN), Session("Session 4: Recorded only"))
        half = add_media_session(store, decode.decode(CLIP_ZH), Session("Session 5: Half done"))
        store.update_session(half.id, status="transcribing", transcribed_until=2.0)
        package = export_package(store, store.session(session.id), tmp_path / "s4.minutes-session")
    merged(target, laptop)
    with WorkshopStore.open(target) as store:
        recorded, partial = store.session_by_title("Session 4: Recorded only"), store.session_by_title(
            "Session 5: Half done")
        assert (recorded.status, recorded.transcribed_until) == ("new", 0.0)
        assert (partial.status, partial.transcribed_until) == ("cancelled", 2.0)
    other = tmp_path / "other.minutes"
    merged(other, package)
    with WorkshopStore.open(other) as store:
        assert store.session_by_title("Session 4: Recorded only").status == "new"
