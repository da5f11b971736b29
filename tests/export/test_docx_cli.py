"""``minutes export --format docx`` from outside: the flags of the contract reach the document."""

from __future__ import annotations

import json

import docx

DOC = {
    "format": "minutes.session", "version": 1,
    "session": {"title": "Session 1: Atypical victims", "date": "2024-08-28", "start": "09:30", "end": "11:00",
                "venue": "Room 201", "chair": "Ms. Santos", "rapporteur": "Mr. Lee"},
    "participants": [{"id": "p1", "name": "Dr. Chen", "title": "Director", "organisation": "NIA",
                      "country": "Taiwan"}],
    "speakers": [{"id": "s1", "label": "Speaker 1", "participant": "p1"}, {"id": "s2", "label": "Speaker 2"}],
    "segments": [
        {"start": 1.0, "end": 4.0, "speaker": "s1", "language": "en", "text": "We must screen scam compounds."},
        {"start": 5.0, "end": 8.0, "speaker": "s2", "language": "zh", "text": "人口販運被害人需要保護。"},
        {"start": 9.0, "end": 12.0, "speaker": "s1", "language": "en", "text": "Off the record, names of hotels."},
    ],
    "tags": [{"id": "t1", "name": "Prevention", "color": "#2e7d32"}],
    "annotations": [{"start": 1.0, "end": 4.0, "tags": ["t1"], "comment": "key point"},
                    {"start": 9.0, "end": 12.0, "tags": [], "confidential": True}],
    "summary": "The panel discussed forced criminality.",
    "recommendations": ["Joint screening at borders"],
}


def text_of(path) -> str:  # noqa: ANN001
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_export_docx_flags(cli, tmp_path):
    source = tmp_path / "s1.json"
    source.write_text(json.dumps(DOC, ensure_ascii=False), encoding="utf-8")
    workshop = tmp_path / "W.minutes"
    cli("import", source, "--workshop", workshop, check=True)
    title = DOC["session"]["title"]

    plain = tmp_path / "plain.docx"
    cli("export", "--workshop", workshop, "--session", title, "--format", "docx", "-o", plain, check=True)
    text = text_of(plain)
    assert "Session 1: Atypical victims" in text and "Dr. Chen" in text and "scam compounds" in text
    assert "hotels" not in text and "Joint screening at borders" in text

    full = tmp_path / "full.docx"
    cli("export", "--workshop", workshop, "--session", title, "--format", "docx", "-o", full, "--annex",
        "--include-confidential", "--labels", "zh-TW", check=True)
    text = text_of(full)
    assert "hotels" in text and "人口販運被害人需要保護" in text and "建議" in text

    anonymous = tmp_path / "chatham.docx"
    cli("export", "--workshop", workshop, "--session", title, "--format", "docx", "-o", anonymous,
        "--chatham-house", "--annex", check=True)
    assert "Dr. Chen" not in text_of(anonymous) and "scam compounds" in text_of(anonymous)

    default = cli("export", "--workshop", workshop, "--all-sessions", "--format", "docx", check=True)
    written = default.stdout.strip().splitlines()
    assert len(written) == 1 and written[0].endswith(".docx") and "/exports/" in written[0]

    bad = cli("export", "--workshop", workshop, "--session", title, "--format", "docx", "--template", source)
    assert bad.returncode == 1 and bad.stderr.startswith("minutes: error:") and "Traceback" not in bad.stderr


def test_export_warns_on_one_line_about_unnamed_speakers_and_still_writes(cli, tmp_path):
    source = tmp_path / "s1.json"
    quoted = {**DOC, "annotations": [*DOC["annotations"], {"start": 5.0, "end": 8.0, "tags": ["t1"]}]}
    source.write_text(json.dumps(quoted, ensure_ascii=False), encoding="utf-8")
    workshop = tmp_path / "W.minutes"
    cli("import", source, "--workshop", workshop, check=True)
    out = tmp_path / "minutes.docx"
    result = cli("export", "--workshop", workshop, "--session", DOC["session"]["title"], "--format", "docx",
                 "-o", out, check=True)
    assert result.stdout.strip() == str(out) and out.is_file()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("minutes: warning:"), result.stderr
    assert 'Speaker 2 in "Session 1: Atypical victims"' in lines[0]
    assert "— Speaker 2, 00:00:05" in text_of(out)
    chinese = tmp_path / "zh.docx"
    cli("export", "--workshop", workshop, "--session", DOC["session"]["title"], "--format", "docx", "-o", chinese,
        "--labels", "zh-TW", check=True)
    assert "— 講者 2，00:00:05" in text_of(chinese)  # an unnamed voice in the minutes' language
    # Under the Chatham House Rule nobody is named, so there is nothing to warn about.
    quiet = cli("export", "--workshop", workshop, "--session", DOC["session"]["title"], "--format", "docx",
                "-o", out, "--chatham-house", check=True)
    assert quiet.stderr == ""
