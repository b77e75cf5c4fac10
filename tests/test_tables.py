"""The one table reader (SPEC §9): headers, types, refused characters, ids, caps, xlsx."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journey import tables_cells, tables_csv, tables_fast
from journey.messages import render_problem
from journey.tables import MAX_LINE, MAX_PROBLEMS_PER_FILE, Column, Schema, TableReader

SCHEMA = Schema(
    "repairs",
    (
        Column("id", "id", required=True, aliases=("单号",)),
        Column("category", "choice", required=True, choices=("leak", "crack", "door"),
               aliases=("类别",)),
        Column("building", "choice", what="what.building", aliases=("楼栋",)),
        Column("reported", "datetime", required=True, aliases=("报修时间",)),
        Column("fixed", "date", aliases=("完成日期",)),
        Column("households", "int", low=1, aliases=("户数",)),
        Column("amount", "number", low=0),
        Column("photo", "link"),
        Column("note", aliases=("备注",)),
    ),
    order=(("reported", "fixed"),),
)  # fmt: skip
TAKE = ("id", "category", "building", "reported", "fixed", "households", "amount", "note")
HEADER = "id,category,building,reported,fixed,households,amount,photo,note"
HEADER_CELLS: list[object] = list(HEADER.split(","))


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def read(
    *paths: Path, schema: Schema = SCHEMA, sheet: str | None = None
) -> tuple[list[tuple[Any, ...]], list[str]]:
    rows: list[tuple[Any, ...]] = []
    reader = TableReader(schema.allow(building=("T1", "T2")), TAKE, rows.extend, sheet)
    for path in paths:
        reader.read(path, path.name)
    problems = reader.finish()
    assert reader.rows == len(rows)
    return rows, [render_problem(p, "en") for p in problems]


def csv_file(tmp_path: Path, *lines: str, name: str = "t.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


GOOD = "R-1,leak,T1,2026-10-20 09:30,2026-10-22,2,120.5,photos/r-1.jpg,厨房漏水"


# Headers ------------------------------------------------------------------------------


def test_a_sound_row_is_typed(tmp_path: Path) -> None:
    rows, problems = read(csv_file(tmp_path, GOOD))
    assert problems == []
    assert rows == [
        (2, "R-1", "leak", "T1", dt.datetime(2026, 10, 20, 9, 30), dt.date(2026, 10, 22), 2,
         120.5, "厨房漏水"),
    ]  # fmt: skip


def test_headers_match_loosely_and_in_chinese(tmp_path: Path) -> None:
    header = "单号, CATEGORY ,楼栋,报修时间,Fixed,house-holds,amount,photo,Note,remarks"
    rows, problems = read(csv_file(tmp_path, GOOD + ",x", header=header))
    assert [r[:3] for r in rows] == [(2, "R-1", "leak")]
    assert problems == [
        "t.csv:1: warning: remarks: unknown column `remarks`; it is ignored",
    ]


def test_unknown_column_suggests_the_nearest(tmp_path: Path) -> None:
    _, problems = read(csv_file(tmp_path, header=HEADER + ",categroy"))
    assert problems == [
        "t.csv:1: warning: categroy: unknown column `categroy`; it is ignored "
        "(did you mean `category`?)"
    ]


def test_missing_and_repeated_columns(tmp_path: Path) -> None:
    _, problems = read(csv_file(tmp_path, "x", header="category,类别,fixed"))
    assert problems == [
        "t.csv:1: error: category: the column `类别` appears twice in the header; keep one",
        "t.csv:1: error: id: the header has no `id` column; the columns needed are id, "
        "category, reported",
        "t.csv:1: error: reported: the header has no `reported` column; the columns needed "
        "are id, category, reported",
    ]


def test_a_control_character_in_the_header(tmp_path: Path) -> None:
    _, problems = read(csv_file(tmp_path, GOOD, header=HEADER + ",x\x1by"))
    assert problems == [
        "t.csv:1: error: #10: the cell holds the control character U+001B; delete it"
    ]


# Cells --------------------------------------------------------------------------------

BAD_CELLS = [
    (",leak,T1,2026-10-20 09:30,,,,,", "id: this cell is empty; every row needs a value here"),
    ("R-9,Leak,T1,2026-10-20 09:30,,,,,",
     "category: `Leak` is not allowed here; use one of 'leak', 'crack' or 'door' (did you mean "
     "`leak`?)"),
    ("R-9,leak,T3,2026-10-20 09:30,,,,,",
     "building: unknown building `T3`; use one of 'T1' or 'T2'"),
    ("R-9,leak,T1,2026-10-20,,,,,",
     "reported: `2026-10-20` is not a date and time; write it as YYYY-MM-DD HH:MM, e.g. "
     "2026-10-20 09:30"),
    ("R-9,leak,T1,2026-10-20 25:00,,,,,",
     "reported: `2026-10-20 25:00` is not a date and time; write it as YYYY-MM-DD HH:MM, e.g. "
     "2026-10-20 09:30"),
    ("R-9,leak,T1,2026-10-20 09:30,2026-10-20T00:00:00,,,,",
     "fixed: `2026-10-20T00:00:00` is not a date; write it as YYYY-MM-DD, e.g. 2026-10-20"),
    ("R-9,leak,T1,2026-10-20 09:30,,0,,,", "households: `0` is outside the allowed range 1 to -"),
    ("R-9,leak,T1,2026-10-20 09:30,,2.5,,,", "households: `2.5` is not a whole number"),
    ("R-9,leak,T1,2026-10-20 09:30,,,nan,,", "amount: `nan` is not a number"),
    ("R-9,leak,T1,2026-10-20 09:30,,,-1,,", "amount: `-1` is outside the allowed range 0 to -"),
    ("R-9,leak,T1,2026-10-20 09:30,,,,../../etc/passwd,",
     "photo: `../../etc/passwd` is neither an https:// address nor a relative path inside the "
     "project folder"),
    ("R-9,leak,T1,2026-10-20 09:30,,,,javascript:alert(1),",
     "photo: `javascript:alert(1)` is neither an https:// address nor a relative path inside "
     "the project folder"),
    ("R-9,leak,T1,2026-10-20 09:30,2026-10-19,,,,",
     "fixed: fixed 2026-10-19 is before reported 2026-10-20 09:30; check both"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "message"), BAD_CELLS)
def test_each_bad_cell(tmp_path: Path, line: str, message: str) -> None:
    rows, problems = read(csv_file(tmp_path, line, GOOD))
    assert problems == [f"t.csv:2: error: {message}"]
    assert [r[0] for r in rows] == [3]


def test_datetimes_take_seconds_and_a_t_and_dates_of_the_same_day_are_in_order(
    tmp_path: Path,
) -> None:
    rows, problems = read(
        csv_file(
            tmp_path,
            "R-1,leak,T1,2026-10-20T09:30:15,2026-10-20,,,https://img.example.cn/a.jpg,",
            "R-2,door,,2026-10-20 23:59,,,,,",
        )
    )
    assert problems == []
    assert rows[0][4:6] == (dt.datetime(2026, 10, 20, 9, 30, 15), dt.date(2026, 10, 20))
    assert rows[1][3] is None and rows[1][5] is None


REFUSED = ["\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\u2066", "\ufffe", "\r"]


@pytest.mark.parametrize("char", REFUSED)
def test_refused_characters_name_their_cell(tmp_path: Path, char: str) -> None:
    rows, problems = read(
        csv_file(tmp_path, GOOD.replace("厨房漏水", f"厨房{char}漏水"), GOOD.replace("R-1", "R-2"))
    )
    code = "U+000D" if char == "\r" else f"U+{ord(char):04X}"
    word = (
        "a line break (Alt+Enter in Excel); keep each cell on one line"
        if char == "\r"
        else f"the control character {code}; delete it"
    )
    assert problems == [f"t.csv:2: error: note: the cell holds {word}"]
    assert [r[0] for r in rows] == [3]


def test_a_quoted_line_break_is_one_problem_and_lines_stay_counted(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, GOOD.replace("厨房漏水", '"two\nlines"'), GOOD, GOOD.replace("R-1", "R-2")
    )
    rows, problems = read(path)
    assert problems[0] == (
        "t.csv:2: error: note: the cell holds a line break (Alt+Enter in Excel); keep each cell "
        "on one line"
    )
    assert problems[1].startswith("t.csv:4: error: id: the id `R-1` is already used at t.csv:")
    assert [r[0] for r in rows] == [4, 5]


def test_quoted_cells_commas_and_padding_read_as_csv_does(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        ' R-1 ,"leak", T1 ,2026-10-20 09:30,,,,,"a, b ""c"""',
        "R-2,crack,T2 ,2026-10-21 08:00,2026-10-22 , 3 , 4 ,,  ",
    )
    rows, problems = read(path)
    assert problems == []
    assert rows[0][1:4] == ("R-1", "leak", "T1") and rows[0][-1] == 'a, b "c"'
    assert rows[1][1:] == ("R-2", "crack", "T2", dt.datetime(2026, 10, 21, 8), dt.date(2026, 10, 22), 3, 4.0, "")  # fmt: skip


def test_a_line_too_long_is_reported_and_the_next_lines_read(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        GOOD,
        "R-2,leak,T1,2026-10-20 09:30,,,,," + "x" * MAX_LINE,
        GOOD.replace("R-1", "R-3"),
    )
    rows, problems = read(path)
    assert problems == [
        f"t.csv:3: error: this line is longer than {MAX_LINE} characters; it is not a row of a table"
    ]
    assert [r[:2] for r in rows] == [(2, "R-1"), (4, "R-3")]


def test_crlf_bom_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbf" + f"{HEADER}\r\n\r\n{GOOD}\r\n,,,,,,,,\r\n".encode())
    rows, problems = read(path)
    assert problems == [] and [r[:2] for r in rows] == [(3, "R-1")]


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(
        f"{HEADER}\n{GOOD}\n".encode() + "R-2,leak,,2026-10-20 09:30,,,,,厨房".encode("gbk")
    )
    _, problems = read(path)
    assert problems == ["t.csv:3: error: this line is not UTF-8 text; save the file as CSV UTF-8"]


def test_block_boundaries_split_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of a few bytes: records, quoted line breaks and lines cross every boundary."""
    lines = [GOOD.replace("R-1", f"R-{n}") for n in range(40)]
    lines[7] = lines[7].replace("厨房漏水", '"quoted, with\nline break"')
    lines[20] = lines[20].replace("厨房漏水", "bad\x01cell")
    path = csv_file(tmp_path, *lines)
    expected = read(path)
    monkeypatch.setattr(tables_csv, "BLOCK", 7)
    assert read(path) == expected
    assert [p.split(": error")[0] for p in expected[1]] == ["t.csv:9", "t.csv:23"]
    assert len(expected[0]) == 38 and expected[0][-1][0] == 42


def test_rows_reach_the_sink_in_order_across_batches(tmp_path: Path) -> None:
    lines = [GOOD.replace("R-1", f"R-{n}") for n in range(10_000)]
    lines[5000] = lines[5000].replace("leak", " leak ")  # a slow row in the middle
    rows, problems = read(csv_file(tmp_path, *lines))
    assert problems == [] and [r[0] for r in rows] == list(range(2, 10_002))


# Ids, caps, files ---------------------------------------------------------------------


def test_duplicate_ids_across_files_and_formats(tmp_path: Path) -> None:
    first = csv_file(tmp_path, GOOD, GOOD.replace("R-1", "R-2"), name="a.csv")
    second = csv_file(
        tmp_path, GOOD.replace("R-1", "R-2"), GOOD.replace("R-1", " R-1 "), name="b.csv"
    )
    _, problems = read(first, second)
    assert problems == [
        "b.csv:2: error: id: the id `R-2` is already used at a.csv:3; every row needs its own id",
        "b.csv:3: error: id: the id `R-1` is already used at a.csv:2; every row needs its own id",
    ]


def test_problems_are_capped_per_file(tmp_path: Path) -> None:
    lines = [f"R-{n},nope,T1,2026-10-20 09:30,,,,," for n in range(MAX_PROBLEMS_PER_FILE + 7)]
    _, problems = read(
        csv_file(tmp_path, *lines),
        csv_file(tmp_path, "R-x,nope,T1,2026-10-20 09:30,,,,,", name="b.csv"),
    )
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 2
    assert (
        problems[-2]
        == "b.csv:2: error: category: `nope` is not allowed here; use one of 'leak', 'crack' or 'door'"
    )
    assert problems[-1] == (
        "t.csv: error: and 7 more problems in this file not shown; fix the ones above and run again"
    )


def test_files_that_are_not_tables(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    _, problems = read(fifo, folder, tmp_path / "gone.csv", Path("notes.txt"))
    assert problems == [
        "pipe.csv: error: this is not a regular file (a device, a pipe or a folder); give the "
        "path of a .csv or .xlsx file",
        "dir.csv: error: this is not a regular file (a device, a pipe or a folder); give the path "
        "of a .csv or .xlsx file",
        "gone.csv: error: no such file or folder",
        "notes.txt: error: `notes.txt` is not a table journey reads; use a .csv (UTF-8) or .xlsx "
        "file",
    ]


def test_an_empty_file_says_which_header_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbf\n\n")
    _, problems = read(path)
    assert problems == [
        "t.csv:1: error: the file is empty; its first line must be the header, with at least id, "
        "category, reported"
    ]


# The fast path agrees with the reference check ---------------------------------------------

CELL = st.sampled_from(
    ["R-1", "R-2", " R-1", "", " ", "leak", "Leak", "crack ", "T1", "T2", "T3",
     "2026-10-20 09:30", "2026-10-20", "2026-10-21 10:00:05", "2026-10-19", "2026-02-30",
     "2026-10-20T09:30", "2026-10-20 24:00", "2026-W43-2 09:30", "2026-10-20x09:30",
     "2026-10-20T0930Z", "٢٠٢٦-١٠-٢٠ 09:30", "1", "0", "x", "2.5", "1e3", "https://a.cn/x", "../x", '"', '"a,b"', "\x01", "厨房", "\u3000"]
)  # fmt: skip


def _everything_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    real = tables_fast.compile_fast

    def slow_only(
        schema: Schema, take: Any, where: Any, checker: Any, **options: Any
    ) -> tables_fast.Loops:
        loops = real(schema, take, where, checker, **options)
        checker.caches.clear()  # no text is ever known: every row takes the slow path
        for col in schema.columns:
            if col.type not in ("text", "id", "datetime"):
                checker.caches[col.name] = {}
        return real(schema, take, where, checker, **options) if loops else loops

    monkeypatch.setattr(tables_fast, "compile_fast", slow_only)


@given(lines=st.lists(st.lists(CELL, min_size=0, max_size=10), max_size=15))
@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_fast_and_reference_paths_agree(tmp_path: Path, lines: list[list[str]]) -> None:
    path = csv_file(tmp_path, *(",".join(cells) for cells in lines), name="f.csv")
    fast = read(path)
    with pytest.MonkeyPatch.context() as patch:
        _everything_slow(patch)
        reference = read(path)
    assert fast == reference


DATETIMES = ["2026-10-20 09:30", "2026-10-20T09:30", "2026-10-20 09:30:05", "2026-10-20 24:00",
             "2026-W43-2 09:30", "2026-10-20x09:30", "2026-10-20T0930Z", "2026-10-20T09+08",
             "٢٠٢٦-١٠-٢٠ 09:30", "2026-10-20 ٠٩:٣٠", "2026-02-29 09:30", "20261020 09:30:00",
             " 2026-10-20 09:30", "2026-10-20 09:30 ", "2026-10-2009:30", "2026/10-20 09:30",
             "20261-0-20 09:30", "2026-1-020 09:30", "+026-10-20 09:30", "2026-10-20 9:300"]  # fmt: skip


@pytest.mark.parametrize("text", DATETIMES)
def test_a_date_time_the_fast_path_reads_is_one_the_reference_reads(
    tmp_path: Path, text: str
) -> None:
    """A sound row whose date-time cell is `text`: the fast path (datetime.fromisoformat
    behind a test of the separators) reads it, or refuses it, as the reference does."""
    path = csv_file(tmp_path, f"R-1,leak,T1,{text},,2,1,,x", f"R-2,leak,T1,{text},,2,1,,x")
    fast = read(path)
    with pytest.MonkeyPatch.context() as patch:
        _everything_slow(patch)
        reference = read(path)
    assert fast == reference
    assert bool(fast[0]) == (_datetime_by_regex(text.strip()) is not tables_cells.BAD)


def _datetime_by_regex(text: str) -> Any:
    """The reference reading of a date-time cell: the regex and nothing else."""
    import re

    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?", text)
    if found is None:
        return tables_cells.BAD if text else None
    year, month, day, hour, minute, second = (int(g) for g in found.groups(default="0"))
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return tables_cells.BAD


# datetime.fromisoformat reads the common form: the texts it reads but the regex refuses
# (week dates, another separator, a time zone, basic forms) must still be refused
DAY_TEXTS = st.sampled_from(
    ["2026-10-20", "2026-02-30", "2026-13-01", "٢٠٢٦-١٠-٢٠", "2026-1-20", "2026-W43-2",
     "20261020", "2026-10-2", "2026-10-200"]
)  # fmt: skip
CLOCK_TEXTS = st.sampled_from(
    ["09:30", "23:59", "24:00", "09:60", "9:30", "09:30:05", "٠٩:٣٠", "0930Z", "09+08",
     "09:3", "09.30", "09:30Z"]
)  # fmt: skip


@given(
    parts=st.lists(
        st.tuples(DAY_TEXTS, st.sampled_from([" ", "T", "X", "x", ""]), CLOCK_TEXTS), max_size=12
    )
)
def test_datetimes_read_from_known_days_and_minutes_as_the_regex_does(
    parts: list[tuple[str, str, str]],
) -> None:
    """The fast reading of `YYYY-MM-DD HH:MM` (by datetime.fromisoformat) gives what the
    regex gives."""
    for day, sep, clock in parts:
        text = f"{day}{sep}{clock}"
        assert tables_cells.datetime_or_bad(text) == _datetime_by_regex(text), text


# xlsx ----------------------------------------------------------------------------------


def workbook(
    path: Path, rows: list[list[object]], *, title: str = "报修", chart_first: bool = False
) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if chart_first:
        from openpyxl.chart import BarChart, Reference

        chart = BarChart()
        chart.add_data(Reference(sheet, min_col=6, min_row=1, max_row=2), titles_from_data=True)
        book.create_chartsheet("图表", 0).add_chart(chart)
    book.save(path)
    return path


ROW: list[object] = [
    "R-1",
    "leak",
    "T1",
    dt.datetime(2026, 10, 20, 9, 30),
    dt.datetime(2026, 10, 22),
    2,
    120.5,
    None,
    "厨房",
]


def test_xlsx_reads_typed_cells_like_csv(tmp_path: Path) -> None:
    book = workbook(tmp_path / "r.xlsx", [HEADER_CELLS, ROW])
    rows, problems = read(book)
    assert problems == []
    assert rows == [(2, "R-1", "leak", "T1", dt.datetime(2026, 10, 20, 9, 30), dt.date(2026, 10, 22), 2, 120.5, "厨房")]  # fmt: skip


def test_xlsx_problems_name_sheet_and_row(tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "r.xlsx",
        [
            HEADER_CELLS,
            ROW,
            ["R-2", "leak", "T1", "soon", None, None, None, None, "两行\n备注"],
        ],
    )
    _, problems = read(book)
    assert problems == [
        "r.xlsx:报修!3: error: note: the cell holds a line break (Alt+Enter in Excel); keep each "
        "cell on one line",
        "r.xlsx:报修!3: error: reported: `soon` is not a date and time; write it as YYYY-MM-DD "
        "HH:MM, e.g. 2026-10-20 09:30",
    ]


def test_xlsx_named_sheet_chartsheets_and_did_you_mean(tmp_path: Path) -> None:
    book = workbook(tmp_path / "r.xlsx", [HEADER_CELLS, ROW], chart_first=True)
    rows, problems = read(book)
    assert problems == [] and len(rows) == 1  # the first worksheet, not the chartsheet
    _, problems = read(book, sheet="报")
    assert problems == [
        "r.xlsx: error: the workbook has no worksheet `报`; its worksheets are 报修 (did you mean "
        "`报修`?)"
    ]


def test_xlsx_rows_far_apart_cost_nothing(tmp_path: Path) -> None:
    book = workbook(tmp_path / "r.xlsx", [HEADER_CELLS, ROW])
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(book)
    wb.active.cell(row=1_000_000, column=1, value="R-9")
    wb.save(book)
    rows, problems = read(book)
    assert [r[0] for r in rows] == [2]
    assert problems == [
        "r.xlsx:报修!1000000: error: category: this cell is empty; every row needs a value here",
        "r.xlsx:报修!1000000: error: reported: this cell is empty; every row needs a value here",
    ]


def _rezip(source: Path, target: Path, change: Any) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            info2, data2 = change(info, data)
            if info2 is not None:
                new.writestr(info2, data2)
    return target


def _laughs(xml: bytes) -> bytes:
    """The sheet with a billion-laughs DTD: nine levels of ten, a cell naming the last."""
    levels = [b'<!ENTITY l0 "ha">'] + [
        b'<!ENTITY l%d "%s">' % (n, b"".join(b"&l%d;" % (n - 1) for _ in range(10)))
        for n in range(1, 10)
    ]
    body = xml.split(b"?>", 1)[-1].replace(b"<t>R-1</t>", b"<t>&l9;</t>", 1)
    assert b"&l9;" in body
    return b'<?xml version="1.0"?><!DOCTYPE worksheet [' + b"".join(levels) + b"]>" + body


def _damaged(tmp_path: Path) -> dict[str, Path]:
    good = workbook(tmp_path / "good.xlsx", [HEADER_CELLS, ROW])
    sheet = "xl/worksheets/sheet1.xml"
    out = {
        "truncated zip": tmp_path / "t1.xlsx",
        "truncated xml": _rezip(good, tmp_path / "t2.xlsx", lambda i, d: (i, d[: len(d) // 2] if i.filename == sheet else d)),
        "entities": _rezip(good, tmp_path / "t3.xlsx", lambda i, d: (i, _laughs(d)) if i.filename == sheet else (i, d)),
        "no sheet": _rezip(good, tmp_path / "t4.xlsx", lambda i, d: (None, d) if i.filename == sheet else (i, d)),
    }  # fmt: skip
    out["truncated zip"].write_bytes(good.read_bytes()[:700])
    raw = bytearray(good.read_bytes())
    corrupt = tmp_path / "t5.xlsx"
    with zipfile.ZipFile(good) as z:
        info = z.getinfo(sheet)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    raw[start : start + 20] = b"\xff" * 20  # garbage where the deflate stream starts
    corrupt.write_bytes(bytes(raw))
    out["corrupt deflate"] = corrupt
    odd = tmp_path / "t6.xlsx"
    data = bytearray(good.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # method 99 (AES) in every central-directory entry: nothing can inflate it
        data[at + 10 : at + 12] = (99).to_bytes(2, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    odd.write_bytes(bytes(data))
    out["unsupported compression"] = odd
    return out


def test_damaged_workbooks_are_problems_not_crashes(tmp_path: Path) -> None:
    for what, path in _damaged(tmp_path).items():
        _, problems = read(path)
        assert problems and all(": error: " in p for p in problems), what
        assert problems[0].startswith(f"{path.name}: error: "), (what, problems)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", [HEADER_CELLS, ROW])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                # 20 million empty rows: 120 MB of XML in a file of some 100 KB
                data = data.replace(b"</sheetData>", b"<row/>" * 20_000_000 + b"</sheetData>")
            new.writestr(info.filename, data)
    assert bomb.stat().st_size < 300_000
    _, problems = read(bomb)
    assert len(problems) == 1 and "which is no spreadsheet" in problems[0]


# Exports: a header below a title, mapped columns, the whole row ---------------------------

EXPORT = Schema(
    "export",
    (
        Column("楼栋", present=True, aliases=("楼号",)),
        Column("状态", present=True),
        Column("备注"),
    ),
    extra_columns=True,
)


def read_export(path: Path, header_row: int) -> tuple[list[tuple[Any, ...]], list[str]]:
    rows: list[tuple[Any, ...]] = []
    reader = TableReader(EXPORT, ("楼栋", "状态"), rows.extend, None, header_row, cells=True)
    reader.read(path, path.name)
    return rows, [render_problem(p, "en") for p in reader.finish()]


def test_a_header_below_a_title_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        "海景二期问题清单,,\n导出时间：2026-10-20,,\n\n编号,楼号,状态,照片\n"
        'Q1,1#楼,待整改,"a.jpg"\n\nQ2,,已整改\n',
        encoding="utf-8",
    )
    rows, problems = read_export(path, 3)
    assert problems == []  # 编号 and 照片 are other columns of the export: no warning
    assert rows == [
        (5, "1#楼", "待整改", ["Q1", "1#楼", "待整改", "a.jpg"]),
        (7, "", "已整改", ["Q2", "", "已整改"]),  # a present column may be empty
    ]


def test_a_header_below_a_title_in_xlsx(tmp_path: Path) -> None:
    book = workbook(
        tmp_path / "e.xlsx",
        [["海景二期问题清单"], ["导出时间", dt.datetime(2026, 10, 20)], ["编号", "楼栋", "状态"],
         ["Q1", "2#楼", "返修"]],
    )  # fmt: skip
    rows, problems = read_export(book, 3)
    assert problems == []
    assert rows == [(4, "2#楼", "返修", ["Q1", "2#楼", "返修"])]
    # with the default header row, the title row is taken for the header
    assert read_export(book, 1)[1] == [
        "e.xlsx:报修!1: error: 楼栋: the header has no `楼栋` column; the columns needed "
        "are 楼栋, 状态",
        "e.xlsx:报修!1: error: 状态: the header has no `状态` column; the columns needed "
        "are 楼栋, 状态",
    ]


def test_no_header_row_and_a_missing_mapped_column_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("title\n\n", encoding="utf-8")
    assert read_export(path, 3)[1] == [
        "e.csv:3: error: no header row: nothing from row 3 on, where the map puts the header "
        "with at least 楼栋, 状态"
    ]
    path.write_text("title\n\n编号,楼栋\nQ1,T1\n", encoding="utf-8")
    assert read_export(path, 2)[1] == [
        "e.csv:3: error: 状态: the header has no `状态` column; the columns needed are 楼栋, 状态"
    ]


def test_rows_of_empty_cells_are_skipped_without_required_columns(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("楼栋,状态\n,\n , \n1#楼,\n", encoding="utf-8")
    assert read_export(path, 1) == ([(4, "1#楼", "", ["1#楼", ""])], [])
    book = workbook(tmp_path / "e.xlsx", [["楼栋", "状态"], [None, " "], ["2#楼", "返修"]])
    assert read_export(book, 1) == ([(3, "2#楼", "返修", ["2#楼", "返修"])], [])
