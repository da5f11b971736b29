"""Hostile roster and agenda sheets (the command line and the window read them alike): whatever the bytes,
reading them gives participants and sessions or one InputError, and what is imported is stored clean."""

from __future__ import annotations

import random
from contextlib import suppress

from minutes.errors import MinutesError
from minutes.operations.agenda import import_agenda, read_agenda
from minutes.operations.roster import import_roster, read_roster
from minutes.store import WorkshopStore
from minutes.store.clean import clean_text

PIECES = ["name", "title", "organisation", "country", "date", "start", "end", "venue", "chair", ",", ";", "\t",
          '"', '""', "\n", "\r\n", "\r", "\x00", "\x0b", "\x1f", "\x7f", " ", "a", "名", "\ufeff", "=cmd|' /C calc'!A0",
          "\ud800", "CON", "../x", "25:99", "9" * 400, "x" * 2000]


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        header = rng.choice(["name,title,organisation,country", "title,date,start,end,venue", ""])
        yield header + "\n" + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60)))


def test_roster_and_agenda_sheets_import_clean_or_not_at_all(tmp_path):
    with WorkshopStore.open(tmp_path / "S.minutes", create=True) as store:
        for n, text in enumerate(_texts(seed=5, count=300)):
            sheet = tmp_path / f"{n}.csv"
            sheet.write_bytes(text.encode("utf-8", "surrogatepass"))
            for read, add in ((read_roster, import_roster), (read_agenda, import_agenda)):
                with suppress(MinutesError):
                    add(store, read(sheet).records)
        for value in [p.name for p in store.participants()] + [s.title for s in store.sessions()]:
            assert value and clean_text(value) == value and "\n" not in value
