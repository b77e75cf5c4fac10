"""`journey export rectification`: every finding not verified, a sheet per contractor or
building, and a summary whose counts are the gate's own aggregates."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from gatekit import AS_OF, catalog, write_project
from workbooks import EXAMPLE, EXAMPLE_AS_OF, sheets

from journey.catalog import load_catalog
from journey.errors import OutputError
from journey.exporting import export
from journey.exporting.rectification import ranking
from journey.project import Project, load_project

HEADERS = {
    "en": ["id", "building", "unit", "room", "item", "item title", "description", "photo",
           "found", "due", "days open", "days overdue", "status", "contractor"],
    "zh": ["编号", "楼栋", "房号", "部位", "检查项编号", "检查项", "问题描述", "照片", "登记日期",
           "整改期限", "问题存续天数", "超期天数", "状态", "责任单位"],
}  # fmt: skip


@pytest.fixture(scope="module")
def example() -> Project:
    return load_project(EXAMPLE, load_catalog(), EXAMPLE_AS_OF)


@pytest.mark.parametrize("by", ["contractor", "building"])
def test_counts_are_the_gates_own(tmp_path: Path, example: Project, by: str) -> None:
    path = tmp_path / "r.xlsx"
    written = export("rectification", example, path, by=by)
    book = sheets(path)
    summary = book.pop("summary")
    assert summary[0] == ("rank", by, "open", "overdue", "reopened")
    findings = example.findings
    if by == "building":
        gate = {
            b: (s.open, s.overdue, s.by_status["reopened"])
            for b, s in findings.by_building.items()
            if s.open
        }
    else:
        gate = {c: (n, 0, 0) for c, n in findings.open_by_contractor.items()}
    shown = {row[1]: row[2:] for row in summary[1:]}
    assert {k: v[0] for k, v in shown.items()} == {k: v[0] for k, v in gate.items()}
    if by == "building":
        assert shown == gate
    assert sum(v[0] for v in shown.values()) == findings.open == sum(written.rows[1:])
    assert [row[0] for row in summary[1:]] == list(range(1, len(summary)))
    assert [row[2] for row in summary[1:]] == sorted((row[2] for row in summary[1:]), reverse=True)
    assert list(book) == [row[1] for row in summary[1:]]  # a sheet each, in rank order
    for name, rows in book.items():
        assert rows[0] == tuple(HEADERS["en"])
        assert len(rows) - 1 == shown[name][0]
        key = 1 if by == "building" else 13
        assert {r[key] for r in rows[1:]} == {name}
        assert Counter(r[12] for r in rows[1:]).keys() <= {
            "open",
            "rectified",
            "reopened",
            "disputed",
        }
        if by == "building":
            assert sum(r[11] > 0 for r in rows[1:]) == shown[name][1]  # overdue
            assert sum(r[12] == "reopened" for r in rows[1:]) == shown[name][2]


def test_the_contractor_summary_matches_the_gates_per_contractor_counts(
    tmp_path: Path, example: Project
) -> None:
    path = tmp_path / "r.xlsx"
    export("rectification", example, path)
    book = sheets(path)
    for row in book["summary"][1:]:
        contractor, open_, overdue, reopened = row[1:]
        rows = book[contractor][1:]
        assert len(rows) == open_
        assert sum(r[11] > 0 for r in rows) == overdue
        assert sum(r[12] == "reopened" for r in rows) == reopened
    per_building = sum(
        (s.overdue_by_contractor for s in example.findings.by_building.values()), Counter()
    )
    assert {r[1]: r[3] for r in book["summary"][1:]} == dict(per_building)


def test_each_row_says_how_long_it_has_been_open(tmp_path: Path) -> None:
    findings = (
        "F1,AC-CIV-001,T1,101,hall,open,2026-10-01,2026-10-20,,Acme,\n"
        "F2,AC-CIV-002,T1,101,bath,verified,2026-10-01,,2026-10-05,Acme,\n"
        "F3,AC-CIV-001,T2,,stair,reopened,2026-11-03,2026-11-10,,,\n"
    )
    folder = write_project(tmp_path / "project", findings=findings)
    project = load_project(folder, catalog(tmp_path), AS_OF)
    path = tmp_path / "r.xlsx"
    export("rectification", project, path, lang="zh")
    book = sheets(path)
    assert list(book) == ["汇总", "Acme", "（未填责任单位）"]
    assert book["汇总"] == [
        ("排名", "责任单位", "未关闭", "已超期", "返修"),
        (1, "Acme", 1, 1, 0),
        (2, "（未填责任单位）", 1, 0, 1),
    ]
    assert book["Acme"][0] == tuple(HEADERS["zh"])
    assert book["Acme"][1] == (
        "F1", "T1", "101", "hall", "AC-CIV-001", "检查 AC-CIV-001", None, None,
        dt.datetime(2026, 10, 1), dt.datetime(2026, 10, 20), 31, 12, "待整改", "Acme",
    )  # fmt: skip
    assert book["（未填责任单位）"][1][10:13] == (0, 0, "返修")  # found after the as-of day


def test_photos_are_links_relative_to_the_list(tmp_path: Path) -> None:
    findings = (
        "id,item,building,status,found,contractor,photo\n"
        "F1,AC-CIV-001,T1,open,2026-10-01,Acme,photos/T1/101.jpg\n"
        "F2,AC-CIV-001,T1,open,2026-10-01,Acme,https://img.example.cn/a.jpg?s=1\n"
    )
    folder = write_project(tmp_path / "project")
    (folder / "f.csv").write_text(findings, encoding="utf-8")
    (folder / "project.yaml").write_text(
        (folder / "project.yaml").read_text(encoding="utf-8") + "findings: [f.csv]\n",
        encoding="utf-8",
    )
    project = load_project(folder, catalog(tmp_path), AS_OF)
    out = tmp_path / "out"
    out.mkdir()
    export("rectification", project, out / "r.xlsx")
    ws = openpyxl.load_workbook(out / "r.xlsx")["Acme"]
    assert ws["H2"].value == '=HYPERLINK("../project/photos/T1/101.jpg","photos/T1/101.jpg")'
    assert ws["H3"].value == (
        '=HYPERLINK("https://img.example.cn/a.jpg?s=1","https://img.example.cn/a.jpg?s=1")'
    )
    export("rectification", project, out / "csv", fmt="csv")
    with (out / "csv" / "Acme.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert [r[7] for r in csv.reader(handle)][1:] == [
            "photos/T1/101.jpg",
            "https://img.example.cn/a.jpg?s=1",
        ]


def test_findings_that_change_while_the_list_is_written_are_refused(tmp_path: Path) -> None:
    folder = write_project(
        tmp_path / "project", findings="F1,AC-CIV-001,T1,101,hall,open,2026-10-01,,,Acme,\n"
    )
    project = load_project(folder, catalog(tmp_path), AS_OF)
    with (folder / "findings" / "f.csv").open("a", encoding="utf-8") as handle:
        handle.write("F2,AC-CIV-001,T1,102,hall,open,2026-10-01,,,Acme,\n")
    with pytest.raises(OutputError) as caught:
        export("rectification", project, tmp_path / "r.xlsx")
    assert caught.value.params == {"rows": 2, "expected": 1}
    assert not (tmp_path / "r.xlsx").exists()


def test_ranking_puts_most_open_first_then_overdue_then_reopened(example: Project) -> None:
    ranked = ranking(example.findings, "contractor")
    keys = [(-t.open, -t.overdue, -t.reopened) for _, t in ranked]
    assert keys == sorted(keys) and all(t.open > 0 for _, t in ranked)


def test_more_contractors_than_sheets_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journey.errors import UsageProblem
    from journey.exporting import rectification

    findings = "".join(
        f"F{n},AC-CIV-001,T1,101,hall,open,2026-10-01,,,Firm {n},\n" for n in range(4)
    )
    project = load_project(
        write_project(tmp_path / "project", findings=findings), catalog(tmp_path), AS_OF
    )
    monkeypatch.setattr(rectification, "MAX_SHEETS", 3)
    with pytest.raises(UsageProblem) as caught:
        export("rectification", project, tmp_path / "r.xlsx")
    assert caught.value.params == {"count": 4, "what": "what.contractor", "limit": 3}
    assert not (tmp_path / "r.xlsx").exists()
    export("rectification", project, tmp_path / "r.xlsx", by="building")  # one building
