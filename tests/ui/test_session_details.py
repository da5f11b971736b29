"""The grey line under each session in the list: date, length, state and review, as a reader says them."""

from __future__ import annotations

import pytest

from minutes.domain import Session, SessionStatus
from minutes.ui.sessions_list import session_details


@pytest.mark.parametrize(("duration", "shown"), [
    (9.2, "9 s"), (44 * 60 + 50, "45 min"), (90 * 60, "1 h 30 min"), (3 * 3600 + 61, "3 h 1 min")])
def test_the_length_reads_in_seconds_minutes_or_hours(qapp, duration, shown):
    session = Session("Panel", date="2024-08-28", duration=duration, status=SessionStatus.TRANSCRIBED)
    assert session_details(session) == ["2024-08-28", shown, "transcribed", "Draft"]


def test_a_session_not_recorded_yet_shows_no_length(qapp):
    session = Session("Panel", date="2024-08-29")
    assert session_details(session) == ["2024-08-29", "new", "Draft"]
