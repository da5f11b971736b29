"""Session packages: the recording travels with the session, and a package that was changed is refused whole."""

from __future__ import annotations

import hashlib
import json
import zipfile

import numpy as np
import pytest
import soundfile as sf

from minutes.domain import Participant
from minutes.errors import InputError
from minutes.operations.package import export_package, import_package, read_package
from minutes.store import WorkshopStore
from tests.operations.laptops import CLIP_EN, add_recorded_session, audio_files


@pytest.fixture
def package(tmp_path):
    with WorkshopStore.open(tmp_path / "laptop.minutes", create=True) as store:
        session = add_recorded_session(store, "Session 2: Forced labour", CLIP_EN)
        path = export_package(store, session, tmp_path / "s2.minutes-session")
        original = (store.audio_path(session)).read_bytes()
    return path, original


def rewrite(source, target, change):
    """Copy a zip, letting ``change(name, data)`` alter members (return None to drop one)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info.filename, data)
    return target


def test_package_is_a_plain_zip_with_a_manifest(package):
    path, original = package
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["manifest.json", "recording.flac", "session.json", "voices.json"]
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "minutes.session-package" and manifest["version"] == 1
        hashes = {m["name"]: m["sha256"] for m in manifest["members"]}
        for name in ("session.json", "recording.flac", "voices.json"):
            assert hashes[name] == hashlib.sha256(archive.read(name)).hexdigest()
        assert archive.read("recording.flac") == original
        document = json.loads(archive.read("session.json"))
        assert document["format"] == "minutes.session" and document["version"] == 1


def test_import_brings_the_recording(package, tmp_path):
    path, original = package
    with WorkshopStore.open(tmp_path / "secretariat.minutes", create=True) as store:
        session = import_package(store, read_package(path)).value
        audio = store.audio_path(session)
        assert audio.read_bytes() == original
        info = sf.info(str(audio))
        assert info.samplerate == 16000 and abs(info.frames / 16000 - session.duration) < 0.01
        assert session.duration == pytest.approx(8.73, abs=0.01)
        assert [s.text for s in store.segments(session.id)] == ["We screen every returnee at the airport."]
        names = store.speaker_names(session.id)
        assert list(names.values()) == ["Dr. Chen Mei-ling"]
        action = [a for a in store.annotations(session.id) if a.owner]
        assert action[0].owner == "National Immigration Agency" and action[0].due == "2024-09-30"


@pytest.mark.parametrize("member", ["recording.flac", "session.json"])
def test_a_changed_member_is_refused_and_nothing_is_written(package, tmp_path, member):
    path, _ = package

    def flip(name, data):
        if name != member:
            return data
        return data[:100] + bytes([data[100] ^ 1]) + data[101:]

    tampered = rewrite(path, tmp_path / "tampered.minutes-session", flip)
    with WorkshopStore.open(tmp_path / "target.minutes", create=True) as store:
        with pytest.raises(InputError, match="SHA-256"):
            import_package(store, read_package(tampered))
        assert store.sessions() == [] and audio_files(store.root) == []


@pytest.mark.parametrize("change, problem", [
    (lambda name, data: data if name != "recording.flac" else None, "missing"),
    (lambda name, data: b"{}" if name == "manifest.json" else data, "format"),
    (lambda name, data: None if name == "manifest.json" else data, "no manifest.json"),
])
def test_a_broken_manifest_is_refused(package, tmp_path, change, problem):
    broken = rewrite(package[0], tmp_path / "broken.minutes-session", change)
    with pytest.raises(InputError, match=problem):
        read_package(broken)


def test_members_not_in_the_manifest_are_refused(package, tmp_path):
    path, _ = package
    evil = tmp_path / "evil.minutes-session"
    rewrite(path, evil, lambda name, data: data)
    with zipfile.ZipFile(evil, "a") as archive:
        archive.writestr("../../outside.txt", "path traversal")
    with pytest.raises(InputError, match="not listed"):
        read_package(evil)
    assert not (tmp_path.parent / "outside.txt").exists()


def test_a_zip_bomb_stops_at_the_stated_size(package, tmp_path):
    """A member that inflates far beyond its stated size is cut off and refused, never unpacked whole."""
    path, _ = package
    bomb = b"\0" * (200 << 20)  # 200 MB of zeros deflate to about 200 kB

    def swap(name, data):
        return bomb if name == "recording.flac" else data

    bombed = tmp_path / "bomb.minutes-session"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(bombed, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, swap(info.filename, old.read(info.filename)))
    assert bombed.stat().st_size < 5 << 20
    with WorkshopStore.open(tmp_path / "target.minutes", create=True) as store:
        with pytest.raises(InputError, match="larger than it says"):
            import_package(store, read_package(bombed))
        assert store.sessions() == [] and audio_files(store.root) == []


def test_a_stated_size_beyond_the_limit_is_refused(package, tmp_path):
    def inflate(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["members"][0]["size"] = 1 << 40
        return json.dumps(manifest).encode()

    with pytest.raises(InputError, match="larger than Minutes accepts"):
        read_package(rewrite(package[0], tmp_path / "huge.minutes-session", inflate))


def test_not_a_zip(tmp_path):
    fake = tmp_path / "fake.minutes-session"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a usable session package"):
        read_package(fake)


def test_command_line_package_round_trip_and_tampering(package, tmp_path, cli):
    path, _ = package
    target = tmp_path / "new.minutes"
    done = cli("import", path, "--workshop", target, check=True)
    assert "with its recording" in done.stdout
    listing = cli("sessions", "--workshop", target, check=True).stdout
    assert listing == "Session 2: Forced labour\t2024-08-28\t00:00:08\tdraft\n"
    out = cli("export", "--workshop", target, "--session", "Session 2: Forced labour", "--format", "package",
              check=True).stdout.strip()
    assert out.endswith("Session 2 Forced labour.minutes-session") and "exports" in out

    tampered = rewrite(path, tmp_path / "t.minutes-session",
                       lambda name, data: data[:-10] + b"0123456789" if name == "recording.flac" else data)
    fresh = tmp_path / "fresh.minutes"
    result = cli("import", tampered, "--workshop", fresh)
    assert result.returncode == 1 and result.stderr.startswith("minutes: error:")
    assert len(result.stderr.strip().splitlines()) == 1 and "SHA-256" in result.stderr
    assert not fresh.exists()


def test_the_voices_travel_with_the_session(tmp_path):
    """The speaker's voice and the roster's remembered voices reach the secretariat; a voice already
    remembered there is kept."""
    with WorkshopStore.open(tmp_path / "laptop.minutes", create=True) as store:
        session = add_recorded_session(store, "Session 2: Forced labour", CLIP_EN)
        chen = store.participants()[0]
        santos = store.add_participant(Participant("Ms. Maria Santos", organisation="DOJ"))
        store.adopt_voice_profile(chen.id, np.full(192, 0.5, dtype=np.float32))
        store.adopt_voice_profile(santos.id, np.linspace(1.0, 2.0, 192, dtype=np.float32))
        speaker_voice = store.speaker_voice(store.speakers(session.id)[0].id)
        path = export_package(store, session, tmp_path / "s2.minutes-session")
    with WorkshopStore.open(tmp_path / "secretariat.minutes", create=True) as store:
        santos_here = store.add_participant(Participant("Ms. Maria Santos", organisation="DOJ"))
        own = np.linspace(-2.0, 1.0, 192, dtype=np.float32)
        store.adopt_voice_profile(santos_here.id, own)
        session = import_package(store, read_package(path)).value
        voice = store.speaker_voice(store.speakers(session.id)[0].id)
        assert cosine(voice, speaker_voice) > 0.9999
        names = {p.id: p.name for p in store.participants()}
        profiles = {names[pid]: v for pid, v in store.voice_profiles()}
        assert cosine(profiles["Dr. Chen Mei-ling"], np.ones(192)) > 0.9999
        assert cosine(profiles["Ms. Maria Santos"], own) > 0.9999  # what the secretariat knew stays


def cosine(a, b) -> float:
    return float(np.dot(a, b) / np.linalg.norm(a) / np.linalg.norm(b))


def with_voices(document):
    """A change for :func:`rewrite` that puts ``document`` in voices.json and its hash in the manifest, so that
    only the reading of voices.json can refuse it."""
    data = json.dumps(document).encode()

    def change(name, old):
        if name == "voices.json":
            return data
        if name != "manifest.json":
            return old
        manifest = json.loads(old)
        for member in manifest["members"]:
            if member["name"] == "voices.json":
                member["size"], member["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        return json.dumps(manifest).encode()

    return change


@pytest.mark.parametrize("document, problem", [
    ([1, 2], "needs a"),
    ({"speakers": [[0.1] * 192], "profiles": "all"}, "needs a"),
    ({"speakers": [["loud"] * 192], "profiles": []}, "not a list of 16"),
    ({"speakers": [[0.0] * 192], "profiles": []}, "not a list of 16"),
    ({"speakers": [[1e999] * 192], "profiles": []}, "not a list of 16"),
    ({"speakers": [[0.1] * 3], "profiles": []}, "not a list of 16"),
    ({"speakers": [], "profiles": [{"name": "", "voice": [0.1] * 192}]}, "without a name"),
    ({"speakers": [[0.1] * 192], "profiles": [{"name": "X", "voice": [0.1] * 256}]}, "different lengths"),
])
def test_hostile_voices_are_refused_whole(package, tmp_path, document, problem):
    hostile = rewrite(package[0], tmp_path / "hostile.minutes-session", with_voices(document))
    with WorkshopStore.open(tmp_path / "target.minutes", create=True) as store:
        with pytest.raises(InputError, match=problem):
            import_package(store, read_package(hostile))
        assert store.sessions() == [] and audio_files(store.root) == []


def test_voices_of_another_speaker_model_are_refused(package, tmp_path):
    other = rewrite(package[0], tmp_path / "other.minutes-session",
                    with_voices({"speakers": [[0.1] * 512], "profiles": []}))
    with WorkshopStore.open(tmp_path / "target.minutes", create=True) as store:
        chen = store.add_participant(Participant("Dr. Chen Mei-ling", organisation="NIA"))
        store.adopt_voice_profile(chen.id, np.ones(192, dtype=np.float32))
        with pytest.raises(InputError, match="another speaker model"):
            import_package(store, read_package(other))
        assert store.sessions() == [] and audio_files(store.root) == []
