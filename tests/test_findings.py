"""Findings files (SPEC §3, §8): streamed rows, exact bad-row messages, aggregates."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journey.findings import (
    COLUMNS,
    MAX_PROBLEMS_PER_FILE,
    FindingsSummary,
    age_band,
    read_findings,
)
from journey.messages import render_problem
from journey.problems import Place, Problem

AS_OF = dt.date(2026, 10, 20)
ITEMS = ("AC-CIV-001", "AC-CIV-002", "AC-FIN-009")
BUILDINGS = ("T1", "T2")
HEADER = ",".join(COLUMNS)

ROWS = [
    # id, item, building, unit, room, status, found, due, closed, contractor, note
    "F-01,AC-CIV-001,T1,101,kitchen,open,2026-10-20,,,Acme,",  # 0 days
    "F-02,AC-CIV-001,T1,102,,rectified,2026-10-13,2026-10-30,,Acme,",  # 7 days
    "F-03,AC-CIV-002,T1,103,,reopened,2026-10-12,,,Bolt,",  # 8 days
    "F-04,AC-CIV-002,T1,104,,verified,2026-09-01,,2026-09-10,Bolt,",
    "F-05,AC-CIV-001,T2,201,,disputed,2026-09-20,,,,owner disagrees",  # 30 days
    "F-06,AC-FIN-009,T2,,lobby,open,2026-09-19,,,Crane,",  # 31 days
    "F-07,AC-FIN-009,T2,202,,verified,2026-09-01,,,Crane,",  # verified, no closed date
    "F-08,AC-CIV-001,T2,203,,verified,2026-09-02,,2026-09-05,,",
]


def csv_file(tmp_path: Path, rows: list[str], *, name: str = "f.csv", bom: bool = False,
             eol: str = "\n") -> Path:  # fmt: skip
    path = tmp_path / name
    text = eol.join([HEADER, *rows]) + eol
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def read(*paths: Path, buildings: tuple[str, ...] = BUILDINGS) -> tuple[FindingsSummary, list[str]]:
    summary, problems = read_findings(paths, ITEMS, buildings, AS_OF)
    return summary, [render_problem(p, "en") for p in problems]


def facts(summary: FindingsSummary) -> dict[str, object]:
    """What a summary says, without the file names its places hold."""
    return {
        name: (
            b.total, b.verified, dict(b.by_status), dict(b.open_found),
            dict(b.open_by_contractor), b.overdue, dict(b.closed_pairs), b.undated_verified,
            {u: (s.findings, s.open, s.disputed) for u, s in b.units.items()},
            {i: (s.total, s.open, s.first_open_id) for i, s in b.by_item.items()},
        )
        for name, b in summary.by_building.items()
    }  # fmt: skip


def rendered(problems: list[Problem], base: Path) -> list[str]:
    return [render_problem(p, "en").replace(f"{base}/", "") for p in problems]


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # problems name files relative to tmp_path


# Aggregates -------------------------------------------------------------------------


def test_aggregates(tmp_path: Path) -> None:
    summary, problems = read(csv_file(tmp_path, ROWS))
    assert problems == []
    assert summary.files == ["f.csv"] and summary.rows == 8 and summary.open == 5
    t1, t2 = summary.by_building["T1"], summary.by_building["T2"]
    assert (t1.total, t1.verified, t1.open, t1.rate) == (4, 1, 3, 0.25)
    assert (t2.total, t2.verified, t2.rate) == (4, 2, 0.5)
    assert summary.ageing(AS_OF) == {"0-7": 2, "8-14": 1, "15-30": 1, ">30": 1}
    assert summary.ageing(AS_OF + dt.timedelta(days=30)) == {
        "0-7": 0,
        "8-14": 0,
        "15-30": 1,
        ">30": 4,
    }
    assert t2.older_than(30, AS_OF) == 1
    assert summary.by_status == {
        "open": 2,
        "rectified": 1,
        "reopened": 1,
        "disputed": 1,
        "verified": 3,
    }
    assert summary.open_by_contractor == {"Acme": 2, "Bolt": 1, "Crane": 1}
    assert t1.open_by_contractor == {"Acme": 2, "Bolt": 1}
    civ1 = summary.by_item["AC-CIV-001"]
    assert (civ1.total, civ1.open, civ1.first_open, civ1.first_open_id) == (
        4, 3, Place("f.csv", 2, 0), "F-01",
    )  # fmt: skip
    fin = summary.by_item["AC-FIN-009"]
    assert (fin.total, fin.open, fin.first_open) == (2, 1, Place("f.csv", 7, 0))


def test_age_bands_edges() -> None:
    assert [age_band(d) for d in (0, 7, 8, 14, 15, 30, 31)] == [
        "0-7", "0-7", "8-14", "8-14", "15-30", "15-30", ">30",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("bom", "eol"), [(False, "\n"), (True, "\n"), (True, "\r\n"), (False, "\r\n")]
)
def test_bom_and_line_endings_read_alike(tmp_path: Path, bom: bool, eol: str) -> None:
    summary, problems = read(csv_file(tmp_path, ROWS, bom=bom, eol=eol))
    plain, _ = read(csv_file(tmp_path, ROWS, name="plain.csv"))
    assert problems == []
    assert facts(summary) == facts(plain)


def test_loose_layout_is_accepted(tmp_path: Path) -> None:
    """Columns in any order and case, optional ones left out, blank lines and empty rows."""
    path = tmp_path / "loose.csv"
    path.write_text(
        "Note,ID,Item,Building,Unit,Status,Found,Closed,Contractor,Floor\n"
        '"two, with a comma",F-1, AC-CIV-001 ,T1,101,open,2026-10-01,,Acme,3\n'
        "\n"
        ",,,,,,,,,\n"
        ",F-2,AC-CIV-002,T2,201,verified,2026-10-01,,,\n",
        encoding="utf-8",
    )
    summary, problems = read(path)
    assert problems == []
    assert summary.rows == 2 and summary.by_item["AC-CIV-001"].first_open == Place(
        "loose.csv", 2, 0
    )


def test_chinese_headers_and_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "zh.csv"
    path.write_text(
        "问题编号,检查项,楼栋,房号,状态,发现日期,整改期限,关闭日期,责任单位,严重程度,照片\n"
        "F-1,AC-CIV-001,T1,101,open,2026-10-01,2026-10-15,,中建三局,major,photos/f-1.jpg\n"
        "F-2,AC-CIV-002,T1,101,verified,2026-10-01,,2026-10-05,中建三局,minor,\n",
        encoding="utf-8",
    )
    summary, problems = read(path)
    assert problems == []
    t1 = summary.by_building["T1"]
    assert (t1.total, t1.overdue, dict(t1.close_days())) == (2, 1, {4: 1})
    assert t1.overdue_by_contractor == {"中建三局": 1}


def test_a_line_break_in_a_cell_is_refused_at_its_line(tmp_path: Path) -> None:
    rows = ['F-1,AC-CIV-001,T1,101,,open,2026-10-01,,,Acme,"two\nlines"', ROWS[1]]
    summary, problems = read(csv_file(tmp_path, rows))
    assert problems == [
        "f.csv:2: error: note: the cell holds a line break (Alt+Enter in Excel); keep each "
        "cell on one line"
    ]
    assert summary.rows == 1 and summary.by_item["AC-CIV-001"].first_open == Place("f.csv", 4, 0)


def test_empty_building_list_accepts_any_building(tmp_path: Path) -> None:
    summary, problems = read(csv_file(tmp_path, [ROWS[0].replace(",T1,", ",T9,")]), buildings=())
    assert problems == [] and list(summary.by_building) == ["T9"]


def test_found_after_as_of_is_one_warning(tmp_path: Path) -> None:
    rows = [
        ROWS[0].replace("2026-10-20", "2026-10-21"),
        ROWS[1].replace("2026-10-13", "2026-11-01"),
    ]
    summary, problems = read(csv_file(tmp_path, rows))
    assert problems == [
        "f.csv: warning: 2 findings were found after the as-of date 2026-10-20; they count "
        "as 0 days old"
    ]
    assert summary.ageing(AS_OF) == {"0-7": 2, "8-14": 0, "15-30": 0, ">30": 0}


# Bad rows ---------------------------------------------------------------------------

BAD = [
    ("F-9,AC-CIV-01,T1,101,,open,2026-10-01,,,,",
     "f.csv:2: error: item: unknown checklist item `AC-CIV-01`; use one of 'AC-CIV-001', "
     "'AC-CIV-002' or 'AC-FIN-009' (did you mean `AC-CIV-001`?)"),
    ("F-9,AC-CIV-001,T1,101,,Verified,2026-10-01,,,,",
     "f.csv:2: error: status: `Verified` is not allowed here; use one of 'open', 'rectified', "
     "'verified', 'reopened' or 'disputed' (did you mean `verified`?)"),
    ("F-9,AC-CIV-001,T1,101,,open,2026/10/01,,,,",
     "f.csv:2: error: found: `2026/10/01` is not a date; write it as YYYY-MM-DD, e.g. 2026-10-20"),
    ("F-9,AC-CIV-001,T1,101,,open,2026-10-01,2026-02-30,,,",
     "f.csv:2: error: due: `2026-02-30` is not a date; write it as YYYY-MM-DD, e.g. 2026-10-20"),
    ("F-9,AC-CIV-001,T1,101,,verified,2026-10-01,,2026-09-30,,",
     "f.csv:2: error: closed: closed 2026-09-30 is before found 2026-10-01; check both"),
    ("F-9,AC-CIV-001,T3,101,,open,2026-10-01,,,,",
     "f.csv:2: error: building: unknown building `T3`; use one of 'T1' or 'T2'"),
    (",AC-CIV-001,T1,101,,open,2026-10-01,,,,",
     "f.csv:2: error: id: this cell is empty; every row needs a value here"),
    ("F-9,AC-CIV-001,T1,101,,open,,,,,",
     "f.csv:2: error: found: this cell is empty; every row needs a value here"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "message"), BAD)
def test_each_bad_row_kind(tmp_path: Path, row: str, message: str) -> None:
    summary, problems = read(csv_file(tmp_path, [row]))
    assert problems == [message]
    assert summary.rows == 0  # a bad row is not counted


def test_every_problem_of_a_row_and_of_every_row(tmp_path: Path) -> None:
    rows = [
        "F-1,AC-XXX-001,T1,101,,shut,2026-10-01,,,,",
        ROWS[0],
        "F-2,,T1,101,,open,01/10/2026,,,,",
    ]
    _, problems = read(csv_file(tmp_path, rows))
    assert problems == [
        "f.csv:2: error: item: unknown checklist item `AC-XXX-001`; use one of 'AC-CIV-001', "
        "'AC-CIV-002' or 'AC-FIN-009' (did you mean `AC-CIV-001`?)",
        "f.csv:2: error: status: `shut` is not allowed here; use one of 'open', 'rectified', "
        "'verified', 'reopened' or 'disputed'",
        "f.csv:4: error: item: this cell is empty; every row needs a value here",
        "f.csv:4: error: found: `01/10/2026` is not a date; write it as YYYY-MM-DD, e.g. 2026-10-20",
    ]


def test_duplicate_ids_across_files_name_the_first_line(tmp_path: Path) -> None:
    first = csv_file(tmp_path, ROWS, name="round1.csv")
    second = csv_file(tmp_path, [ROWS[5], ROWS[5].replace("F-06", "F-10")], name="round2.csv")
    summary, problems = read(first, second)
    assert problems == [
        "round2.csv:2: error: id: the id `F-06` is already used at round1.csv:7; every row "
        "needs its own id"
    ]
    # Ids are checked once every file is read (8 bytes a row, a second pass to name both
    # places), so the summary has counted the row: a project with errors is never judged.
    assert summary.rows == 10 and summary.files == ["round1.csv", "round2.csv"]


def test_missing_columns_are_one_error_each(tmp_path: Path) -> None:
    path = tmp_path / "cols.csv"
    path.write_text("item,building,unit,status,closed,contractor,remark\nF-1\n", "utf-8")
    _, problems = read(path)
    columns = "id, item, building, status, found"
    assert problems == [
        "cols.csv:1: warning: remark: unknown column `remark`; it is ignored",
        f"cols.csv:1: error: id: the header has no `id` column; the columns needed are {columns}",
        f"cols.csv:1: error: found: the header has no `found` column; the columns needed are "
        f"{columns}",
    ]


def test_duplicate_column_and_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(HEADER + ",Status\n", "utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf")
    _, problems = read(path, empty)
    assert problems == [
        "dup.csv:1: error: status: the column `Status` appears twice in the header; keep one",
        "empty.csv:1: error: the file is empty; its first line must be the header, with at "
        "least id, item, building, status, found",
    ]


def test_problems_are_capped_per_file(tmp_path: Path) -> None:
    rows = [
        f"F-{n},AC-CIV-001,T1,101,,nope,2026-10-01,,,," for n in range(MAX_PROBLEMS_PER_FILE + 50)
    ]
    _, problems = read(csv_file(tmp_path, rows))
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    assert problems[-1] == (
        "f.csv: error: and 50 more problems in this file not shown; fix the ones above and run again"
    )


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(
        (HEADER + "\n" + ROWS[0] + "\n").encode()
        + "F-2,AC-CIV-001,T1,101,厨房,open,2026-10-01,,,,\n".encode("gbk")
    )
    _, problems = read(path)
    assert problems == ["gbk.csv:3: error: this line is not UTF-8 text; save the file as CSV UTF-8"]


def test_not_a_findings_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("x", "utf-8")
    _, problems = read(path)
    assert problems == [
        "notes.txt: error: `notes.txt` is not a table journey reads; use a .csv (UTF-8) or .xlsx "
        "file"
    ]


# .xlsx -------------------------------------------------------------------------------


def workbook(path: Path, rows: list[str], *, dates: bool = True) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Findings"
    sheet.append(list(COLUMNS))
    for row in rows:
        cells: list[object] = [value or None for value in row.split(",")]
        for k in (6, 7, 8):  # found, due, closed as real date cells, as Excel writes them
            value = cells[k]
            if dates and isinstance(value, str) and len(value) == 10 and value[4] == "-":
                with contextlib.suppress(ValueError):
                    cells[k] = dt.datetime.fromisoformat(value)
        if isinstance(cells[3], str) and cells[3].isdigit():
            cells[3] = int(cells[3])  # unit numbers typed as numbers
        sheet.append(cells)
    book.save(path)
    return path


def test_xlsx_and_csv_read_alike(tmp_path: Path) -> None:
    rows = [*ROWS, BAD[0][0].replace("F-9", "F-20"), BAD[4][0].replace("F-9", "F-21")]
    from_csv, csv_problems = read(csv_file(tmp_path, rows))
    from_xlsx, xlsx_problems = read(workbook(tmp_path / "f.xlsx", rows))
    assert facts(from_xlsx) == facts(from_csv)
    assert from_xlsx.by_status == from_csv.by_status
    assert from_xlsx.ageing(AS_OF) == from_csv.ageing(AS_OF)
    assert {k: (v.total, v.open, v.first_open_id) for k, v in from_xlsx.by_item.items()} == {
        k: (v.total, v.open, v.first_open_id) for k, v in from_csv.by_item.items()
    }
    assert [p.replace("f.xlsx:Findings!", "f.csv:") for p in xlsx_problems] == csv_problems
    assert xlsx_problems == [
        "f.xlsx:Findings!10: error: item: unknown checklist item `AC-CIV-01`; use one of "
        "'AC-CIV-001', 'AC-CIV-002' or 'AC-FIN-009' (did you mean `AC-CIV-001`?)",
        "f.xlsx:Findings!11: error: closed: closed 2026-09-30 is before found 2026-10-01; "
        "check both",
    ]


def test_xlsx_text_dates_and_duplicates_with_a_csv(tmp_path: Path) -> None:
    book = workbook(tmp_path / "f.xlsx", ROWS[:2], dates=False)
    other = csv_file(tmp_path, [ROWS[1]])
    _, problems = read(book, other)
    assert problems == [
        "f.csv:2: error: id: the id `F-02` is already used at f.xlsx:Findings!3; every row "
        "needs its own id"
    ]


def test_broken_workbook(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a zip file")
    _, problems = read(path)
    assert len(problems) == 1
    assert problems[0].startswith("broken.xlsx: error: cannot read the workbook (")


def test_xlsx_without_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(b"PK")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    _, problems = read(path)
    assert problems == [
        "f.xlsx: error: reading .xlsx files needs openpyxl: run `pip install 'journey-cr[xlsx]'`, "
        "or save the sheet as CSV UTF-8"
    ]


def test_padded_cells_count_as_clean_ones(tmp_path: Path) -> None:
    """Rows the fast path cannot take (spaces around values) end in the same aggregates."""
    padded = [",".join(f" {v} " if v else v for v in row.split(",")) for row in ROWS]
    clean, _ = read(csv_file(tmp_path, ROWS, name="clean.csv"))
    summary, problems = read(csv_file(tmp_path, padded, name="padded.csv"))
    assert problems == []
    assert facts(summary) == facts(clean)
    assert summary.open_by_contractor == clean.open_by_contractor
    assert {k: (v.total, v.open, v.first_open_id) for k, v in summary.by_item.items()} == {
        k: (v.total, v.open, v.first_open_id) for k, v in clean.by_item.items()
    }


def test_a_field_over_the_csv_limit_names_its_line(tmp_path: Path) -> None:
    rows = [ROWS[0], f'F-99,AC-CIV-001,T1,1,,open,2026-10-01,,,,"{"x" * 200_000}"']
    summary, problems = read(csv_file(tmp_path, rows))
    assert problems == [
        "f.csv:3: error: the CSV cannot be read: field larger than field limit (131072)"
    ]
    assert summary.rows == 1


CELLS = st.sampled_from(
    ["F-1", "F-2", "AC-CIV-001", "AC-CIV-0", "T1", "T9", "", " ", "open", "verified", "Open",
     "2026-10-01", "2026-02-30", "2026-1-1", "20261001", '"', '"a,b"', "\r", "\n", "\x00", "厨房"]
)  # fmt: skip


@given(rows=st.lists(st.lists(CELLS, max_size=13), max_size=12), header=st.booleans())
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_csv_gives_problems_not_exceptions(
    tmp_path: Path, rows: list[list[str]], header: bool
) -> None:
    lines = [HEADER] if header else []
    lines += [",".join(row) for row in rows]
    path = tmp_path / "fuzz.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    summary, problems = read_findings([path], ITEMS, BUILDINGS, AS_OF)
    assert summary.rows + len(problems) >= 0
    assert all(p.place.file == "fuzz.csv" for p in problems)


@given(data=st.binary(max_size=300))
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_bytes_give_problems_not_exceptions(tmp_path: Path, data: bytes) -> None:
    for name in ("fuzz.csv", "fuzz.xlsx"):
        path = tmp_path / name
        path.write_bytes(data)
        read_findings([path], ITEMS, BUILDINGS, AS_OF)
