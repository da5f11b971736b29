"""Two commands creating the same new workshop at the same moment: race-free, and both do their work.

Whichever wins the creation, the other waits for it (a bounded wait) and then stores its session in the
workshop the first made; never does the folder vanish, and never does a command report success for a
session that is not there. A writer that keeps the workshop longer than the wait is reported clearly, and
Ctrl-C ends the wait at once.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from minutes.store.workshop_store import CREATION_WAIT_SECONDS
from tests.faults.conftest import assert_clean_failure, assert_sound, interrupt, query, wait_until

PAIRS = 6
HOLD = """
import sys, time
from minutes.store import WorkshopStore
store = WorkshopStore.open(sys.argv[1], create=True)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def _hold(workshop, seconds: float) -> subprocess.Popen:
    """Another writer holding the workshop's lock for ``seconds``, once it has printed "holding"."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(workshop), str(seconds)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline() == "holding\n"
    return holder


def _titles(workshop) -> set[str]:
    return {title for (title,) in query(workshop / "workshop.sqlite", "SELECT title FROM sessions") or []}


def test_two_imports_creating_one_workshop_both_store(start, session_json, tmp_path):
    for attempt in range(PAIRS):
        workshop = tmp_path / f"R{attempt}.minutes"
        first = start("import", session_json, "--workshop", workshop, "--session", "A")
        second = start("import", session_json, "--workshop", workshop, "--session", "B")
        results = {"A": (first, *first.communicate()), "B": (second, *second.communicate())}
        assert workshop.is_dir(), f"pair {attempt}: the new workshop vanished"
        assert _titles(workshop) == {"A", "B"}, f"pair {attempt}: {_titles(workshop)}"
        for title, (process, out, err) in results.items():
            assert process.returncode == 0, (attempt, title, err)
            assert f'Imported "{title}"' in out and "Traceback" not in err
        assert_sound(workshop)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"R{i}.minutes" for i in range(PAIRS))


def test_a_command_waits_for_a_writer_that_finishes_soon(session_json, tmp_path, cli):
    workshop = tmp_path / "W.minutes"
    holder = _hold(workshop, 1.5)
    result = cli("import", session_json, "--workshop", workshop, "--session", "Late")
    holder.wait()
    assert result.returncode == 0, result.stderr
    assert _titles(workshop) == {"Late"}
    assert_sound(workshop)


def test_a_writer_that_keeps_the_workshop_is_reported_after_the_wait(session_json, tmp_path, cli):
    workshop = tmp_path / "W.minutes"
    holder = _hold(workshop, CREATION_WAIT_SECONDS + 60)
    try:
        result = cli("import", session_json, "--workshop", workshop, "--session", "Never")
    finally:
        holder.kill()
        holder.wait()
    assert "open for writing in another Minutes window or command" in assert_clean_failure(result)
    assert _titles(workshop) == set()
    assert_sound(workshop)


def test_ctrl_c_ends_the_wait(start, session_json, tmp_path, monkeypatch):
    """Interrupted while waiting, the command stops (exit 130) instead of answering "busy" after the wait."""
    workshop = tmp_path / "W.minutes"
    holder = _hold(workshop, CREATION_WAIT_SECONDS + 60)
    monkeypatch.setenv("MINUTES_DATA_DIR", str(tmp_path / "data"))  # the command's own log, to see it wait
    log = tmp_path / "data" / "logs" / "minutes.log"
    try:
        waiting = start("import", session_json, "--workshop", workshop, "--session", "Stopped")
        assert wait_until(waiting, lambda: log.is_file() and "waiting up to" in log.read_text())
        interrupt(waiting, signal.SIGINT)
        assert waiting.returncode == 130
        assert holder.poll() is None, "the command ended only when the other writer did"
    finally:
        holder.kill()
        holder.wait()
    assert _titles(workshop) == set()
    assert_sound(workshop)


def test_import_while_another_command_writes_the_workshop(start, cli, session_json, tmp_path):
    workshop = tmp_path / "W.minutes"
    cli("import", session_json, "--workshop", workshop, check=True)
    writers = [start("glossary", "--workshop", workshop, "--add", f"term{i}") for i in range(3)]
    importer = start("import", session_json, "--workshop", workshop, "--session", "T")
    for process in (*writers, importer):
        _, err = process.communicate()
        if process.returncode:
            assert_clean_failure((process.returncode, err))
    assert "T" in _titles(workshop)
    assert_sound(workshop)
