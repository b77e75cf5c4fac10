"""`journey export status`: every risk, check and task the project is assessed on, pre-filled,
with a drop-down of the allowed statuses, in either language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from gatekit import AS_OF, catalog, write_project
from workbooks import rows

from journey.exporting import export
from journey.project import Project, load_project

HEADERS = {
    "en": {
        "risks": ("id", "title", "owner", "rating", "status", "likelihood", "impact", "assignee",
                  "due", "evidence", "note"),
        "checks": ("id", "checklist", "title", "owner", "blocking", "status", "per building",
                   "evidence", "note", "checked", "checked by"),
        "tasks": ("id", "title", "owner", "scheduled finish", "status", "assignee", "done on",
                  "note"),
    },
    "zh": {
        "风险": ("编号", "名称", "责任专业", "风险评级", "状态", "可能性", "影响程度", "责任人",
               "完成时限", "证据", "备注"),
        "检查项": ("编号", "所属检查表", "名称", "责任专业", "否决项", "状态", "分楼栋结果", "证据",
                "备注", "检查日期", "检查人"),
        "计划任务": ("编号", "名称", "责任专业", "计划完成日期", "状态", "责任人", "完成日期",
                 "备注"),
    },
}  # fmt: skip
DROP_DOWNS = {
    "en": ['"open,mitigating,closed,accepted"', '"pending,pass,fail,n/a"', '"todo,doing,done"'],
    "zh": [
        '"未关闭,管控中,已关闭,风险接受（已审批）"',
        '"待检查,通过,不通过,不适用"',
        '"未开始,进行中,已完成"',
    ],
}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    folder = write_project(
        tmp_path / "p",
        risks={
            "RD-001": {
                "status": "mitigating",
                "likelihood": "2",
                "assignee": "李伟",
                "due": "2026-11-30",
                "note": "two lines\nof note",
            },
            "RD-003": "closed",  # not assessed at this level, but recorded
        },
        checks={
            "OD-001": {"status": "fail", "note": "电梯未检", "checked": "2026-10-20"},
            "OD-002": {"status": "pass", "buildings": {"T3": "fail", "T2": "n/a"}},
        },
        tasks={"DP-001": {"status": "done", "done": "2026-10-01"}},
    )
    return load_project(folder, catalog(tmp_path), AS_OF)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_three_sheets_headers_and_drop_downs(tmp_path: Path, project: Project, lang: str) -> None:
    path = tmp_path / "s.xlsx"
    export("status", project, path, lang=lang)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(HEADERS[lang])
    for ws, drop_down in zip(book, DROP_DOWNS[lang], strict=True):
        assert tuple(c.value for c in ws[1]) == HEADERS[lang][ws.title]
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
        (valid,) = ws.data_validations.dataValidation
        column = HEADERS[lang][ws.title].index("状态" if lang == "zh" else "status")
        assert valid.formula1 == drop_down
        assert str(valid.sqref).startswith(f"{'ABCDEF'[column]}2:")


def test_prefilled_from_the_project_and_whole(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "s.xlsx"
    export("status", project, path)
    risks = {r[0]: r for r in rows(path, "risks")[1:]}
    assert risks["RD-001"] == (
        "RD-001", "Risk RD-001", "Engineering", "high", "mitigating", 2, None, "李伟",
        dt.datetime(2026, 11, 30), None, "two lines of note",
    )  # fmt: skip
    assert risks["RD-002"][4] == "open"  # not recorded: its default status
    assert risks["RD-003"][4] == "closed"  # recorded, though not assessed at this level
    assert set(risks) == {"RS-001", "RS-002", "RD-001", "RD-002", "RD-003"}  # not RS-003
    checks = {r[0]: r for r in rows(path, "checks")[1:]}
    assert checks["OD-001"] == (
        "OD-001", "Open day", "Check OD-001", "Engineering", "yes", "fail", None, None,
        "电梯未检", dt.datetime(2026, 10, 20), None,
    )  # fmt: skip
    assert checks["OD-002"][5:7] == ("pass", "T3: fail; T2: n/a")
    zh = tmp_path / "zh.xlsx"
    export("status", project, zh, lang="zh")
    assert {r[0]: r for r in rows(zh, "检查项")}["OD-002"][5:7] == (
        "通过",
        "T3：不通过；T2：不适用",
    )
    assert checks["OD-003"][4:6] == ("no", "pending")
    assert "OD-004" not in checks  # whole-process only
    tasks = rows(path, "tasks")[1:]
    assert [t[0] for t in tasks] == ["DP-001", "DP-002", "DP-007", "DP-006", "DP-003", "DP-004"]
    assert tasks[0][3:7] == (dt.datetime(2026, 10, 26), "done", None, dt.datetime(2026, 10, 1))
    assert tasks[-1][3:5] == (None, "todo")  # its milestone is not set: no finish


def test_exported_from_a_workbook_it_reads_the_same(tmp_path: Path, project: Project) -> None:
    first = tmp_path / "p" / "status.xlsx"
    export("status", project, first, lang="zh")
    folder = write_project(tmp_path / "again", status="../p/status.xlsx")
    again = load_project(folder, catalog(tmp_path), AS_OF)
    second = tmp_path / "second.xlsx"
    export("status", again, second, lang="zh")
    for sheet in ("风险", "检查项", "计划任务"):
        assert rows(second, sheet) == rows(first, sheet)
