"""Hostile JSON given to ``minutes import``: every bad document is refused with one line naming the field, the
workshop is left exactly as it was, and whatever is accepted can be listed and exported in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes.errors import MinutesError
from minutes.export.docx_minutes import MinutesOptions, write_minutes
from minutes.export.interchange import export_session, import_session
from minutes.export.transcript_files import render_session
from minutes.store import WorkshopStore
from minutes.store.clean import clean_text
from tests.faults.hostile_data import (
    assert_one_line_error,
    assert_success,
    base_document,
    minutes,
    mutations,
    nested,
    snapshot,
    to_json,
    with_value,
)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def test_fuzzed_documents_are_refused_cleanly_or_stored_clean(tmp_path):
    """600 documents with wrong types, nasty text and impossible numbers in random fields: each is either
    refused with a MinutesError that changes nothing, or stored clean and exportable."""
    accepted = 0
    with WorkshopStore.open(tmp_path / "F.minutes", create=True) as store:
        seeded = store.tags()
        for case, document in mutations(seed=11, count=600):
            data = json.loads(to_json(document))  # through JSON text, as the command reads it
            try:
                session = import_session(store, data)
            except MinutesError:
                assert store.sessions() == [] and store.participants() == [] and store.tags() == seeded, case
                continue
            accepted += 1
            exported = export_session(store, session)
            assert all(clean_text(s) == s for s in _strings(exported)), case
            for fmt in ("txt", "srt", "vtt", "json"):
                render_session(store, session, fmt)
            if accepted % 10 == 1:  # a Word export of some: it is the slow one
                write_minutes(store, [session.id], tmp_path / "m.docx", MinutesOptions(annex=True))
            store.delete_session(session.id)
            for person in store.participants():
                store.delete_participant(person.id)
            for tag in store.tags():
                if tag not in seeded:
                    store.delete_tag(tag.id)
    assert 0 < accepted < 600  # both branches were exercised


@pytest.fixture
def workshop(tmp_path) -> Path:
    """A workshop holding one session already, to check that a refused import leaves it as it was."""
    path = tmp_path / "W.minutes"
    with WorkshopStore.open(path, create=True) as store:
        import_session(store, base_document(), title="Existing")
    return path


def _raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


CASES = {
    "segment id a list": (lambda d: with_value(d, ("segments", 0, "id"), [1]), None),
    "speaker id a list": (lambda d: with_value(d, ("speakers", 0, "id"), [1]), 'speakers[0]."id"'),
    "participant id an object": (lambda d: with_value(d, ("participants", 0, "id"), {"a": 1}),
                                 'participants[0]."id"'),
    "tag id a list": (lambda d: with_value(d, ("tags", 0, "id"), [1]), 'tags[0]."id"'),
    "annotation tags of lists": (lambda d: with_value(d, ("annotations", 0, "tags"), [[1]]),
                                 'annotations[0]."tags"[0]'),
    "repeated speaker id": (lambda d: with_value(d, ("speakers", 1, "id"), 3), "speakers[1] repeats"),
    "speaker of an unknown participant": (lambda d: with_value(d, ("speakers", 0, "participant"), 99),
                                          "speakers[0] names participant 99"),
    "400-digit start": (lambda d: with_value(d, ("segments", 1, "start"), 10**400), 'segments[1]."start"'),
    "start of 1e308": (lambda d: with_value(d, ("segments", 0, "start"), 1e308), 'segments[0]."start"'),
    "end of Infinity": (lambda d: with_value(d, ("segments", 0, "end"), float("inf")), 'segments[0]."end"'),
    "word time NaN": (lambda d: with_value(d, ("segments", 0, "words", 1, "end"), float("nan")),
                      'segments[0].words[1]."end"'),
    "annotation beyond a week": (lambda d: with_value(d, ("annotations", 0, "end"), 8 * 86400),
                                 'annotations[0]."end"'),
    "duration Infinity": (lambda d: with_value(d, ("session", "duration"), float("inf")), '"session"."duration"'),
    "duration NaN": (lambda d: with_value(d, ("session", "duration"), float("nan")), '"session"."duration"'),
    "duration 1e308": (lambda d: with_value(d, ("session", "duration"), 1e308), '"session"."duration"'),
    "negative duration": (lambda d: with_value(d, ("session", "duration"), -5), '"session"."duration"'),
    "colour red": (lambda d: with_value(d, ("tags", 0, "color"), "red"), 'tags[0]."color"'),
    "colour #12345G": (lambda d: with_value(d, ("tags", 0, "color"), "#12345G"), 'tags[0]."color"'),
    "colour a number": (lambda d: with_value(d, ("tags", 0, "color"), 255), 'tags[0]."color"'),
    "confidential as text": (lambda d: with_value(d, ("annotations", 1, "confidential"), "false"),
                             'annotations[1]."confidential"'),
    "probability as text": (lambda d: with_value(d, ("segments", 0, "words", 0, "probability"), "high"),
                            'segments[0].words[0]."probability"'),
    "text a list": (lambda d: with_value(d, ("segments", 0, "text"), ["a"]), 'segments[0]."text"'),
    "recommendation a number": (lambda d: with_value(d, ("recommendations", 1), 7), "recommendations[1]"),
    "title only controls": (lambda d: with_value(d, ("session", "title"), "\x00\x0b\t"), '"title"'),
    "version true": (lambda d: with_value(d, ("version",), True), '"version"'),
}


@pytest.mark.parametrize("name", CASES)
def test_hostile_document_is_refused_with_the_field_named(workshop, tmp_path, name):
    change, field = CASES[name]
    document = change(base_document())
    file = tmp_path / "hostile.json"
    file.write_bytes(_raw(to_json(document)))
    before = snapshot(workshop)
    result = minutes("import", file, "--workshop", workshop)
    if field is None:  # a segment's id links nothing, so any value is harmless and the import goes through
        assert result.returncode == 0, result.stderr
        return
    assert_one_line_error(result, field)
    assert snapshot(workshop) == before


FILES = {
    "empty": (b"", "is empty"),
    "blank": (b"  \n\t\n", "is empty"),
    "not UTF-8": (b'{"format": "minutes.session", "x": "\xff\xfe"}', "not UTF-8"),
    "binary": (bytes(range(256)) * 4, "not UTF-8"),
    "PNG": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not UTF-8"),
    "truncated": (b'{"format": "minutes.session", "version": 1, "segments": [', "is not a Minutes session file"),
    "a list": (b"[1, 2, 3]", "does not hold a JSON object"),
    "a string": (b'"minutes.session"', "does not hold a JSON object"),
    "nested 100,000 deep": (nested(100_000).encode(), "nest too deeply"),
    "5,000-digit version": (b'{"format": "minutes.session", "version": ' + b"9" * 5000 + b"}", '"version"'),
    "400-digit number anywhere": (_raw(to_json(base_document()))[:-1] + b', "x": ' + b"9" * 400 + b"}", None),
    "lone surrogate escaped": (_raw(to_json(with_value(base_document(), ("summary",), "a\ud800b"))), None),
}


@pytest.mark.parametrize("name", FILES)
def test_hostile_file_is_refused_with_the_problem_named(workshop, tmp_path, name):
    content, problem = FILES[name]
    file = tmp_path / "hostile.json"
    file.write_bytes(content)
    before = snapshot(workshop)
    result = minutes("import", file, "--workshop", workshop)
    if problem is None:  # harmless: imported, and the workshop still checks out
        assert result.returncode == 0, result.stderr
        snapshot(workshop)
        return
    assert_one_line_error(result, problem)
    assert snapshot(workshop) == before


def test_control_characters_in_every_text_field_are_stored_clean_and_export(tmp_path):
    """Every text field of the file holds control characters: the import succeeds, and the listing and every
    export work (Word refused such text with 'All strings must be XML compatible')."""
    document = base_document()
    bad = "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x9f\ufffe\ud800"
    for path in [("session", k) for k in ("date", "start", "end", "venue", "chair", "rapporteur")] + [
        ("summary",), ("recommendations", 0), ("participants", 0, "name"), ("participants", 0, "title"),
        ("participants", 0, "organisation"), ("participants", 0, "country"), ("speakers", 0, "label"),
        ("segments", 0, "text"), ("segments", 0, "translation"), ("segments", 0, "words", 0, "text"),
        ("tags", 0, "name"), ("annotations", 0, "comment"), ("session", "title"),
    ]:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = f"A{bad}\tB{bad}\nC"
    file = tmp_path / "controls.json"
    file.write_bytes(_raw(to_json(document)))
    workshop = tmp_path / "C.minutes"
    assert minutes("import", file, "--workshop", workshop).returncode == 0
    listing = minutes("sessions", "--workshop", workshop)
    assert listing.returncode == 0 and listing.stdout.count("\n") == 1, listing
    title = listing.stdout.split("\t")[0]
    assert title == "A B C"  # a title is one line
    for fmt in ("docx", "txt", "srt", "vtt", "json"):
        out = tmp_path / f"out.{fmt}"
        result = minutes("export", "--workshop", workshop, "--session", title, "--format", fmt, "-o", out,
                         "--include-confidential")
        assert_success(result)
        if fmt != "docx":
            text = out.read_text(encoding="utf-8")
            assert not any(ch in text for ch in "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x9f\ufffe"), fmt


def _package(path: Path, session: bytes, manifest_extra: str = "") -> Path:
    """A session package (zip) holding ``session`` as its session.json, with a manifest that vouches for it."""
    import hashlib
    import zipfile

    entry = {"name": "session.json", "size": len(session), "sha256": hashlib.sha256(session).hexdigest()}
    manifest = json.dumps({"format": "minutes.session-package", "version": 1, "members": [entry]})
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", manifest[:-1] + manifest_extra + "}")
        archive.writestr("session.json", session)
    return path


PACKAGES = {
    "session nested 100,000 deep": (nested(100_000).encode(), "", "nest too deeply"),
    "session with a 5,000-digit version": (b'{"format": "minutes.session", "version": ' + b"9" * 5000 + b"}", "",
                                           '"version"'),
    "session with Infinity": (_raw(to_json(with_value(base_document(), ("session", "duration"), float("inf")))), "",
                              '"session"."duration"'),
    "manifest nested 100,000 deep": (_raw(to_json(base_document())), ', "x": ' + "[" * 100_000 + "]" * 100_000,
                                     "manifest.json is not JSON"),
    "manifest with a 5,000-digit number": (_raw(to_json(base_document())), ', "x": ' + "9" * 5000, None),
}


@pytest.mark.parametrize("name", PACKAGES)
def test_hostile_session_package_is_refused_with_the_problem_named(workshop, tmp_path, name):
    session, extra, problem = PACKAGES[name]
    package = _package(tmp_path / "hostile.minutes-session", session, extra)
    before = snapshot(workshop)
    result = minutes("import", package, "--workshop", workshop)
    if problem is None:  # a long number in a field nobody reads is harmless
        assert_success(result)
        return
    assert_one_line_error(result, problem)
    assert snapshot(workshop) == before
