"""The roster and agenda from registration sheets: CSV in three encodings, XLSX, loose headers, hostile sheets."""

from __future__ import annotations

import openpyxl
import pytest

from minutes.domain import Participant, Session
from minutes.errors import InputError
from minutes.operations.agenda import import_agenda, programme, read_agenda
from minutes.operations.roster import export_roster, import_roster, read_roster
from minutes.store import WorkshopStore

COUNTRIES = ("Taiwan", "Philippines", "Viet Nam", "Indonesia", "Thailand")


def xlsx(path, rows, *, edit=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if edit:
        edit(sheet)
    workbook.save(path)
    return path


def registration(count):
    return [[f"Participant {n:05d}", "Officer", f"Agency {n % 17}", COUNTRIES[n % 5]] for n in range(count)]


@pytest.fixture
def store(tmp_path):
    with WorkshopStore.open(tmp_path / "w.minutes", create=True) as opened:
        yield opened


def test_xlsx_with_synonyms_and_a_title_line_above(store, tmp_path):
    path = xlsx(tmp_path / "reg.xlsx", [["Registration list, 28 August"], [],
                                         ["Full Name", "Position", "Affiliation (agency)", "Nationality", "E-mail"],
                                         *[[*r, "x@example.org"] for r in registration(300)]])
    sheet = read_roster(path)
    assert len(sheet.records) == 300 and sheet.problems == [] and sheet.row_numbers[0] == 4
    assert sheet.records[7] == Participant("Participant 00007", "Officer", "Agency 7", "Viet Nam")
    counts = import_roster(store, sheet.records).value
    assert (counts.added, counts.updated, counts.skipped) == (300, 0, 0)
    again = import_roster(store, read_roster(path).records).value
    assert (again.added, again.updated, again.skipped) == (0, 0, 300)
    assert len(store.participants()) == 300


def test_csv_utf8_with_bom_big5_and_chinese_headers(store, tmp_path):
    text = ("姓名,職稱,單位,國家\n陳美玲,科長,內政部移民署,臺灣\n林志明,專員,法務部,臺灣\n"
            "陳美玲,科長,內政部移民署,臺灣\n")
    for encoding in ("utf-8-sig", "utf-8", "cp950"):
        path = tmp_path / f"roster-{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        sheet = read_roster(path)
        assert [p.name for p in sheet.records] == ["陳美玲", "林志明", "陳美玲"], encoding
        assert sheet.records[0].organisation == "內政部移民署" and sheet.records[0].country == "臺灣"
    counts = import_roster(store, sheet.records).value
    assert (counts.added, counts.updated, counts.skipped) == (2, 0, 1)  # the repeated row is skipped


def test_updates_fill_in_and_rows_without_names_are_reported(store, tmp_path):
    store.add_participant(Participant("Ms. Maria Santos", organisation="DOJ"))
    path = tmp_path / "r.csv"
    path.write_text("NAME ; Job title ; Agency ; Country\nMs. Maria Santos;Prosecutor;DOJ;Philippines\n"
                    ";Officer;Nowhere;\nJames Walker;;;United Kingdom\n", encoding="utf-8")
    sheet = read_roster(path)
    assert sheet.problems == [(3, "the name is missing")]
    counts = import_roster(store, sheet.records).value
    assert (counts.added, counts.updated, counts.skipped) == (1, 1, 0)
    santos = store.find_participant("Ms. Maria Santos")
    assert (santos.title, santos.country) == ("Prosecutor", "Philippines")


def test_first_and_last_name_columns(tmp_path):
    path = xlsx(tmp_path / "names.xlsx", [["First name", "Surname", "Organization"], ["Maria", "Santos", "DOJ"]])
    assert read_roster(path).records == [Participant("Maria Santos", "", "DOJ", "")]


@pytest.mark.parametrize("rows, problem", [
    ([["Title", "Organisation", "Country"], ["Officer", "NIA", "Taiwan"]], "no name column"),
    ([], "is empty"),
    ([[None, None], [None, None]], "is empty"),
])
def test_sheets_that_are_refused(tmp_path, rows, problem):
    with pytest.raises(InputError, match=problem):
        read_roster(xlsx(tmp_path / "bad.xlsx", rows))


def test_merged_cells_and_formulas(tmp_path):
    def edit(sheet):
        sheet.merge_cells("C2:C4")  # one organisation for a delegation of three
        sheet["A5"] = '=CONCATENATE("Dr. ", "Formula")'  # no value saved with it: read as empty

    path = xlsx(tmp_path / "merged.xlsx", [["Name", "Title", "Organisation", "Country"],
                                            ["Ana", "Judge", "Supreme Court", "Philippines"],
                                            ["Ben", "Clerk", None, "Philippines"],
                                            ["Cy", "Clerk", None, "Philippines"],
                                            [None, "Officer", "NIA", "Taiwan"]], edit=edit)
    sheet = read_roster(path)
    assert [(p.name, p.organisation) for p in sheet.records] == [
        ("Ana", "Supreme Court"), ("Ben", "Supreme Court"), ("Cy", "Supreme Court")]
    assert sheet.problems == [(5, "the name is missing")]


def test_ten_thousand_rows(store, tmp_path):
    path = xlsx(tmp_path / "big.xlsx", [["Name", "Title", "Organisation", "Country"], *registration(10_000)])
    sheet = read_roster(path)
    counts = import_roster(store, sheet.records).value
    assert counts.added == 10_000 and len(store.participants()) == 10_000


def test_not_a_sheet(tmp_path):
    broken = (("x.xlsx", b"PK\x03\x04 broken"), ("x.xls", b"\xd0\xcf\x11\xe0"), ("x.csv", b"\xff\x00\x81" * 9))
    for name, data in broken:
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError):
            read_roster(tmp_path / name)


def test_export_round_trip_keeps_text_that_looks_like_a_formula(store, tmp_path):
    store.add_participant(Participant("=HYPERLINK(\"http://x\")", "Officer", "陳 Agency", "Taiwan"))
    for suffix in ("xlsx", "csv"):
        path = tmp_path / f"out.{suffix}"
        assert export_roster(store, path) == 1
        sheet = read_roster(path)
        assert sheet.records[0].organisation == "陳 Agency"
    workbook = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert workbook.active["A2"].data_type == "s"  # text, never a formula


def test_agenda_creates_and_updates_sessions(store, tmp_path):
    store.add_session(Session("Opening", date="2024-08-28"))
    path = tmp_path / "agenda.csv"
    path.write_text("Date,Time,Session,Room,Moderator,Rapporteur\n"
                    "2024-08-28,09:00-09:30,Opening,Hall A,Ms. Santos,Mr. Lee\n"
                    "2024-08-28,14:00-15:30,Session 2: Forced labour,Room 201,Dr. Chen,Ms. Wu\n"
                    "2024-08-28,9:45-11:00,Session 1: Victims,Room 201,,\n"
                    ",,,Room 9,,\n", encoding="utf-8")
    sheet = read_agenda(path)
    assert sheet.problems == [(5, "the title is missing")]
    counts = import_agenda(store, sheet.records).value
    assert (counts.added, counts.updated, counts.skipped) == (2, 1, 0)
    ordered = programme(store.sessions())
    assert [(s.title, s.start, s.end) for s in ordered] == [
        ("Opening", "09:00", "09:30"), ("Session 1: Victims", "09:45", "11:00"),
        ("Session 2: Forced labour", "14:00", "15:30")]
    assert all(not s.audio_file and s.status == "new" for s in ordered)
    assert import_agenda(store, read_agenda(path).records).value.skipped == 3


def test_agenda_without_a_title_column_is_refused(tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [["Date", "Room"], ["2024-08-28", "201"]])
    with pytest.raises(InputError, match="no title column"):
        read_agenda(path)


def test_roster_and_agenda_commands(tmp_path, cli):
    workshop = tmp_path / "cli.minutes"
    sheet = xlsx(tmp_path / "reg.xlsx", [["Name", "Organisation", "Country", "Title"],
                                          ["Dr. Chen", "NIA", "Taiwan", "Director"], [None, "x", "y", "z"],
                                          ["Ms. Santos", "DOJ", "Philippines", ""]])
    result = cli("roster", "--workshop", workshop, "--import", sheet, "--export", tmp_path / "out.csv", check=True)
    assert result.stdout == "Dr. Chen\tDirector\tNIA\tTaiwan\nMs. Santos\t\tDOJ\tPhilippines\n"
    assert "2 added, 0 updated, 0 skipped" in result.stderr and "row 3 not read: the name is missing" in result.stderr
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbfname,title,organisation,country")
    agenda = tmp_path / "agenda.csv"
    agenda.write_text("日期,開始,結束,主題,地點,主持人,紀錄\n2024-08-28,10:30,12:00,第二場,201,陳,林\n"
                      "2024-08-28,09:00,10:00,開幕,大廳,,\n", encoding="utf-8-sig")
    result = cli("agenda", "--workshop", workshop, "--import", agenda, check=True)
    assert result.stdout == ("2024-08-28\t09:00\t10:00\t開幕\t大廳\t\t\n"
                             "2024-08-28\t10:30\t12:00\t第二場\t201\t陳\t林\n")
    assert cli("agenda", "--workshop", workshop, check=True).stdout == result.stdout
    refused = cli("roster", "--workshop", tmp_path / "new.minutes", "--import", agenda)
    assert refused.returncode == 1 and "no name column" in refused.stderr and refused.stderr.count("\n") == 1
    assert not (tmp_path / "new.minutes").exists()
