"""Two commands creating the same new workshop at the same moment: race-free, whoever wins.

Each pair either stores both sessions, or the loser says the workshop is busy (exit 1); never does the
folder vanish, and never does a command report success for a session that is not there.
"""

from __future__ import annotations

from tests.faults.conftest import assert_clean_failure, assert_sound, query

PAIRS = 6


def test_two_imports_creating_one_workshop(start, session_json, tmp_path):
    for attempt in range(PAIRS):
        workshop = tmp_path / f"R{attempt}.minutes"
        first = start("import", session_json, "--workshop", workshop, "--session", "A")
        second = start("import", session_json, "--workshop", workshop, "--session", "B")
        results = {"A": (first, *first.communicate()), "B": (second, *second.communicate())}
        assert workshop.is_dir(), f"pair {attempt}: the new workshop vanished"
        stored = {title for (title,) in query(workshop / "workshop.sqlite", "SELECT title FROM sessions")}
        for title, (process, out, err) in results.items():
            if process.returncode == 0:
                assert title in stored, f"pair {attempt}: {title} reported imported but is not there"
                assert f'Imported "{title}"' in out
            else:
                assert "busy" in assert_clean_failure((process.returncode, err)) or "another" in err
                assert title not in stored
        assert stored, f"pair {attempt}: neither import was stored"
        assert_sound(workshop)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"R{i}.minutes" for i in range(PAIRS))


def test_import_while_another_command_writes_the_workshop(start, cli, session_json, tmp_path):
    workshop = tmp_path / "W.minutes"
    cli("import", session_json, "--workshop", workshop, check=True)
    writers = [start("glossary", "--workshop", workshop, "--add", f"term{i}") for i in range(3)]
    importer = start("import", session_json, "--workshop", workshop, "--session", "T")
    for process in (*writers, importer):
        _, err = process.communicate()
        if process.returncode:
            assert_clean_failure((process.returncode, err))
    assert_sound(workshop)
