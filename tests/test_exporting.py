"""Writing lists (journey.exporting): workbooks as Excel reads them, CSV folders with a BOM,
nothing written over an input, nothing half-written."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import openpyxl
import pytest
from gatekit import AS_OF, catalog, write_project
from workbooks import write_book

from journey.errors import OutputError, UsageProblem
from journey.exporting import LISTS, check_request, export
from journey.exporting.csvfiles import write_csv_folder
from journey.exporting.listing import (
    Cell,
    Column,
    Emit,
    Link,
    Listing,
    Sheet,
    display_width,
    file_names,
    rows_of,
    sheet_names,
)
from journey.exporting.xlsx import write_xlsx
from journey.project import load_project

COLUMNS = (
    Column("id"),
    Column("说明"),
    Column("found", "date"),
    Column("days", "int"),
    Column("photo", "link"),
    Column("status", "choice", ("open", "closed")),
)
ROWS: list[list[Cell]] = [
    ["A-1", "墙面空鼓", dt.date(2026, 10, 5), 15, Link("p/1.jpg", "../p/1.jpg"), "open"],
    ["A-2", "=SUM(A1:A2)", None, 0, None, "closed"],
    ["A-3", "-3 mm", dt.date(2026, 10, 6), 14, Link("https://x.cn/1", "https://x.cn/1"), "open"],
]


def listing(rows: list[list[Cell]] | None = None) -> Listing:
    return Listing(
        [Sheet("first", COLUMNS), Sheet("second", COLUMNS)],
        rows_of([(0, r) for r in (ROWS if rows is None else rows)]),
    )


def test_a_workbook_as_excel_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    assert write_xlsx(listing(), path) == [3, 0]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["first", "second"]
    ws = book["first"]
    assert [c.value for c in ws[1]] == ["id", "说明", "found", "days", "photo", "status"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F4"
    assert book["second"].auto_filter.ref == "A1:F1"
    found = ws["C2"]
    assert found.is_date and found.value.date() == dt.date(2026, 10, 5)
    assert found.number_format == "yyyy-mm-dd"
    assert ws["D2"].value == 15 and ws["C3"].value is None
    assert ws["B3"].value == "=SUM(A1:A2)" and ws["B3"].data_type == "s"  # text, not a formula
    assert ws["E2"].value == '=HYPERLINK("../p/1.jpg","p/1.jpg")'
    assert ws["E4"].value == '=HYPERLINK("https://x.cn/1","https://x.cn/1")'
    (valid,) = ws.data_validations.dataValidation
    assert valid.type == "list" and valid.formula1 == '"open,closed"'
    assert str(valid.sqref).startswith("F2:F")


def test_columns_are_as_wide_as_their_text_cjk_counting_double(tmp_path: Path) -> None:
    assert display_width("墙面空鼓") == 8 and display_width("wall") == 4
    rows: list[list[Cell]] = [
        ["A-1", "墙面空鼓墙面空鼓墙面空鼓墙面空鼓", None, 1, None, "open"],
        ["A-2", "x" * 200, None, 1, None, "open"],
    ]
    path = tmp_path / "w.xlsx"
    write_xlsx(listing(rows[:1]), path)
    cjk = openpyxl.load_workbook(path)["first"].column_dimensions["B"].width
    write_xlsx(listing([["A-1", "wall" * 4, None, 1, None, "open"]]), path)
    latin = openpyxl.load_workbook(path)["first"].column_dimensions["B"].width
    assert cjk == 33 and latin == 17  # 32 or 16 characters' width, one to spare
    write_xlsx(listing(rows), path)
    assert openpyxl.load_workbook(path)["first"].column_dimensions["B"].width == 60  # capped


def test_sheet_and_file_names_are_made_safe_and_distinct() -> None:
    assert sheet_names(["a/b", "A/B", "x" * 40, "", "History", "summary"]) == [
        "a_b",
        "A_B (2)",
        "x" * 31,
        "_",
        "History_",
        "summary",
    ]
    assert file_names(["a/b", "A_B", "con", "..", "汇总"], ".csv") == [
        "a_b.csv",
        "A_B (2).csv",
        "_con.csv",
        "_.csv",
        "汇总.csv",
    ]


def test_a_csv_folder_has_one_file_per_sheet_with_a_bom(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    written = write_csv_folder(listing(), folder)
    assert [p.name for p in written.files] == ["first.csv", "second.csv"] and written.rows == [3, 0]
    raw = (folder / "first.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == [
        "id,说明,found,days,photo,status",
        "A-1,墙面空鼓,2026-10-05,15,p/1.jpg,open",
        "A-2,'=SUM(A1:A2),,0,,closed",
        "A-3,'-3 mm,2026-10-06,14,https://x.cn/1,open",
    ]
    (folder / "old contractor.csv").write_text("x", encoding="utf-8")
    assert write_csv_folder(listing(), folder).others == ["old contractor.csv"]


def test_a_failure_half_way_leaves_the_old_files_and_no_temporary_ones(tmp_path: Path) -> None:
    def failing(emit: Emit) -> None:
        for i in range(500):
            emit(0, ["A", "b", None, i, None, "open"])
        raise OutputError("export.findings_changed", rows=1, expected=2)

    path = tmp_path / "list.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(OutputError):
        write_xlsx(Listing([Sheet("s", COLUMNS)], failing), path)
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "s.csv").write_text("old", encoding="utf-8")
    with pytest.raises(OutputError):
        write_csv_folder(Listing([Sheet("s", COLUMNS)], failing), folder)
    assert path.read_bytes() == b"old" and (folder / "s.csv").read_text() == "old"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["csv", "list.xlsx", "s.csv"]


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    folder = write_project(
        tmp_path / "project",
        findings="F1,AC-CIV-001,T1,101,hall,open,2026-10-01,,,f,\n",
        status="status.xlsx",
        units="units.xlsx",
    )
    write_book(folder / "units.xlsx", {"units": [["building", "unit"], ["T1", "101"]]})
    write_book(folder / "status.xlsx", {"risks": [["id", "status"]], "checks": [["id", "status"]],
                                        "tasks": [["id", "status"]]})  # fmt: skip
    return folder


@pytest.mark.parametrize("name", ["project.yaml", "status.xlsx", "findings", "units.xlsx"])
def test_never_over_an_input(tmp_path: Path, project_dir: Path, name: str) -> None:
    project = load_project(project_dir, catalog(tmp_path), AS_OF)
    target = project_dir / name
    before = target.read_bytes() if target.is_file() else None
    fmt = "csv" if name == "findings" else "xlsx"
    output = target if name != "project.yaml" else target.with_name("project.yaml.xlsx")
    if name == "project.yaml":  # a symbolic link to an input is the input
        output.symlink_to(target)
    with pytest.raises(OutputError) as caught:
        # into the findings folder, contractor f's sheet would be findings/f.csv
        export("rectification", project, output, fmt=fmt)
    assert caught.value.code == "report.input_file"
    if before is not None:
        assert target.read_bytes() == before
    assert (project_dir / "findings" / "f.csv").read_text(encoding="utf-8").startswith("id,")
    assert not (project_dir / "findings" / "summary.csv").exists()


def test_never_over_what_is_not_a_regular_file(tmp_path: Path, project_dir: Path) -> None:
    project = load_project(project_dir, catalog(tmp_path), AS_OF)
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as caught:
        export("status", project, fifo)
    assert caught.value.code == "report.not_regular"


def test_what_can_be_refused_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        check_request("actions", None, "xlsx", tmp_path / "nope" / "a.xlsx")
    assert caught.value.code == "report.no_folder"
    with pytest.raises(OutputError) as caught:
        check_request("actions", None, "csv", tmp_path / "nope" / "deeper")
    assert caught.value.code == "report.no_folder"
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError) as caught:
        check_request("actions", None, "csv", tmp_path / "file")
    assert caught.value.code == "export.csv_not_folder"
    with pytest.raises(UsageProblem) as usage:
        check_request("actions", None, "xlsx", tmp_path / "a.csv")
    assert usage.value.code == "export.not_xlsx"
    with pytest.raises(UsageProblem) as usage:
        check_request("rectification", "buildings", "xlsx", tmp_path / "a.xlsx")
    assert usage.value.params["suggestion"] == "building"
    with pytest.raises(UsageProblem) as usage:
        check_request("status", "building", "xlsx", tmp_path / "a.xlsx")
    assert usage.value.code == "export.no_by"
    assert check_request("rectification", None, "xlsx", tmp_path / "a.xlsx") == "contractor"


def test_without_openpyxl_the_user_is_told_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(UsageProblem) as caught:
        check_request("status", None, "xlsx", tmp_path / "s.xlsx")
    assert caught.value.code == "export.no_openpyxl"
    check_request("status", None, "csv", tmp_path / "s")  # CSV needs nothing


def test_the_cli_knows_every_list() -> None:
    from journey.cli.export import LIST_NAMES

    assert set(LIST_NAMES) == set(LISTS)
