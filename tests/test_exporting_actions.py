"""`journey export actions`: what every gate of the project needs, a row per item naming
all the gates it blocks, a sheet per owner profession, most urgent first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from gatekit import AS_OF, catalog, write_project
from workbooks import EXAMPLE, EXAMPLE_AS_OF

from journey.catalog import load_catalog
from journey.exporting import Request, build, export
from journey.exporting import actions as actions_module
from journey.exporting.actions import collect, rules_of
from journey.gates import evaluate
from journey.project import Project, load_project

FINDINGS = (
    "F1,AC-CIV-001,T1,101,hall,open,2026-10-01,,,Acme,\n"
    "F2,AC-CIV-003,T1,101,hall,open,2026-09-01,,,Acme,\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    folder = write_project(
        tmp_path / "p",
        findings=FINDINGS,
        risks={
            "RD-001": {"status": "mitigating", "assignee": "Li Wei", "due": "2026-10-15"},
            "RD-002": "open",
            "RS-001": "closed",
        },
        checks={
            "OD-001": {"status": "fail", "note": "lift not certified"},
            "OD-002": "pass",
            "OD-003": "fail",
            "AC-CIV-001": "pass",
            "AC-CIV-002": "pass",
            "AC-CIV-003": "pass",
        },
        tasks={"DP-001": "done"},
        waivers=[
            {"target": "RD-002", "reason": "r", "approved_by": "Zhang", "expires": "2026-12-31"}
        ],
    )
    return load_project(folder, catalog(tmp_path), AS_OF)


def by_id(project: Project) -> dict[tuple[str, str], Any]:
    return {(a.kind, a.item.id): a for a in collect(project, "en")}


def test_one_row_per_item_naming_every_gate_it_blocks(project: Project) -> None:
    found = by_id(project)
    assert set(found) == {
        ("check", "OD-001"),
        ("check", "OD-005"),  # blocking, recorded nowhere
        ("risk", "RD-001"),
        ("risk", "RD-002"),  # waived, but the strict red-line rule takes no waiver
        ("risk", "RD-003"),
        ("task", "DP-002"),
        ("findings", "AC-CIV-001"),
        ("findings", "AC-CIV-003"),
        ("findings", "T1"),
        ("milestone", "handover"),
    }  # not OD-003 nor DP-004: they only warn
    assert found["risk", "RD-001"].gates == ["Gate delivery-risks", "Gate delivery"]
    assert found["findings", "AC-CIV-003"].gates == [
        "Gate findings",
        "Gate red-lines",
        "Gate red-lines-strict",
    ]
    assert found["risk", "RD-002"].gates == ["Gate red-lines-strict"]
    assert found["findings", "T1"].reasons == [
        "0.0% of findings verified (0/2); needs 75%; most open: Acme (2)",
        "2 open findings older than 30 days",
    ]


def test_every_failing_item_of_every_gate_is_in_the_list(project: Project) -> None:
    failing = {
        item.id
        for gate in project.catalog.gates
        for rule in evaluate(gate, project).rules
        if rule.status == "fail"
        for item in rule.items
        if item.status == "fail"
    }
    assert {a.item.id for a in collect(project, "en")} == failing


def test_a_sheet_per_profession_most_urgent_first(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "a.xlsx"
    export("actions", project, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Engineering", "Customer relations", "(no owner)"]
    ws = book["Engineering"]
    assert [c.value for c in ws[1]] == [
        "id", "kind", "title", "owner", "assignee", "due", "needed by", "days overdue",
        "severity", "blocks gates", "what is wrong",
    ]  # fmt: skip
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [
        "OD-001",  # needed by the open day, 2026-09-15
        "RD-001",  # due 2026-10-15
        "RD-002",  # needed by delivery, critical
        "RD-003",
        "AC-CIV-003",
        "AC-CIV-001",  # needed by delivery, high
        "T1",
    ]
    assert rows[0][5:8] == (None, dt.datetime(2026, 9, 15), 47)
    assert rows[1][4:9] == ("Li Wei", dt.datetime(2026, 10, 15), dt.datetime(2026, 11, 20), 17,
                            "critical")  # fmt: skip
    assert rows[4][1] == "findings"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:K8"
    no_owner = list(book["(no owner)"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[6]) for r in no_owner] == [("handover", "milestone", None)]


def test_headers_and_sheets_in_chinese(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "a.xlsx"
    export("actions", project, path, lang="zh")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["工程", "客户关系", "（未指定专业）"]
    header = [c.value for c in book["工程"][1]]
    assert header == ["编号", "类型", "名称", "责任专业", "责任人", "完成时限", "节点日期",
                      "超期天数", "严重程度", "影响的节点准入", "问题说明"]  # fmt: skip
    first = next(book["工程"].iter_rows(min_row=2, values_only=True))
    assert first[1] == "检查项" and first[8] == "高" and first[9] == "open-day 准入"


def test_nothing_open_is_one_empty_sheet(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(actions_module, "collect", lambda project, lang: [])
    listing = build("actions", Request(project, "zh", "", tmp_path))
    assert [s.name for s in listing.sheets] == ["责任清单"]


def test_a_project_in_batches_is_read_batch_by_batch(tmp_path: Path) -> None:
    """Each batch's rules, with the batch's own milestone: an item blocking in both
    batches is one row naming both."""
    folder = write_project(
        tmp_path / "p",
        batches=[
            {"id": "b1", "title": {"en": "First", "zh": "一批次"}, "buildings": ["T1", "T2"]},
            {"id": "b2", "buildings": ["T3"], "milestones": {"open_day": "2026-10-15"}},
        ],
        checks={
            "OD-001": {"status": "pass", "buildings": {"T3": "fail"}},
            "OD-002": "pass",
            "OD-004": "pass",
        },
    )
    project = load_project(folder, catalog(tmp_path), AS_OF)
    result = evaluate("open-day", project)
    assert result.batches  # the shape of a batched result
    found = [(label, day) for label, day, _rule in rules_of(result, "zh")]
    assert found == [("open-day 准入 · 一批次", dt.date(2026, 9, 15)),
                     ("open-day 准入 · b2", dt.date(2026, 10, 15))]  # fmt: skip
    actions = by_id(project)
    assert actions["check", "OD-001"].gates == ["Gate open-day · b2"]
    assert actions["check", "OD-001"].needed_by == dt.date(2026, 10, 15)
    assert actions["check", "OD-005"].gates == ["Gate open-day · First", "Gate open-day · b2"]
    assert actions["check", "OD-005"].needed_by == dt.date(2026, 9, 15)


def test_the_examples_action_list(tmp_path: Path) -> None:
    example = load_project(EXAMPLE, load_catalog(), EXAMPLE_AS_OF)
    actions = {(a.kind, a.item.id): a for a in collect(example, "en")}
    assert actions["check", "OD-003"].gates == [  # it fails in T6 only
        "Ready to open the site to buyers · Second batch: T6",
        "Ready to hand over homes · Second batch: T6",
    ]
    assert actions["check", "OD-003"].needed_by == dt.date(2026, 11, 28)  # T6's open day
    assert ("check", "AC-FIN-002") not in actions  # the colour-difference concession
    # An item can be open twice over: a failed check, and its open findings.
    assert ("check", "AC-CIV-008") in actions and ("findings", "AC-CIV-008") in actions
    written = export("actions", example, tmp_path / "a.xlsx", lang="zh")
    assert sum(written.rows) == len(actions)
