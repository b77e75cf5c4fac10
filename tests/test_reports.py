"""Report data models: what each report says about a small, hand-checked project."""

from __future__ import annotations

import copy
import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from reports_helpers import FINDINGS, PROJECT, catalog_tree, make_project

from journey.project import Project
from journey.reports import build, delivery_plan, open_day, risk_assessment
from journey.reports.models import RiskRow
from journey.types import Rating


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path)


def test_header_names_project_catalog_level_and_gates(project: Project) -> None:
    h = risk_assessment(project, "zh").header
    assert (h.project_name, h.catalog_version, h.level) == ("海景测试", "1.0", "Whole process")
    assert h.stage == "交付"
    assert [(g.id, g.verdict) for g in h.gates] == [("open-day", "fail")]
    assert h.gates[0].failed == ("前置条件已通过",)


def test_heat_map_counts_equal_the_risks_of_each_stage(project: Project) -> None:
    report = risk_assessment(project)
    for stage in report.stages:
        expected = Counter((r.likelihood, r.impact) for r in stage.risks)
        counted = {(c.likelihood, c.impact): c.count for row in stage.heat.rows for c in row}
        assert {k: v for k, v in counted.items() if v} == dict(expected)
        assert stage.heat.total == len(stage.risks)
    delivery = next(s for s in report.stages if s.id == "delivery")
    assert len(delivery.heat.rows) == 5 and delivery.heat.rows[0][0].likelihood == 5
    assert delivery.heat.rows[1][4].count == 2  # RD-001 and RD-002 at 4 × 5


def test_risks_are_ranked_with_project_rescoring_and_waivers(project: Project) -> None:
    report = risk_assessment(project)
    delivery = next(s for s in report.stages if s.id == "delivery")
    assert [r.id for r in delivery.risks] == ["RD-001", "RD-002", "RD-003", "RD-004", "RD-005"]
    rd1, rd2, rd3 = delivery.risks[:3]
    assert rd1.rating == Rating.CRITICAL and rd1.assignee == "Li Wei" and rd1.overdue
    assert rd2.waiver is not None and rd2.waiver.approved_by == "Zhang Min"
    assert (rd3.likelihood, rd3.impact, rd3.rating, rd3.status) == (3, 4, Rating.HIGH, "closed")
    assert (report.total, report.open, report.severe_open) == (6, 4, 2)  # RD-002 waived


def test_professions_count_owned_and_open(project: Project) -> None:
    rows = {p.id: p for p in risk_assessment(project).professions}
    assert (rows["engineering"].owned, rows["engineering"].open) == (5, 3)
    assert rows["engineering"].severe_open == ("RD-001",)
    assert (rows["marketing"].owned, rows["marketing"].open) == (1, 1)


def test_uncovered_points_are_risk_or_red_line_points_nothing_covers(tmp_path: Path) -> None:
    tree = catalog_tree()
    del tree["risks/delivery.yaml"]["risks"][0]["points"]
    report = risk_assessment(make_project(tmp_path, catalog=tree), "zh")
    assert [(p.id, p.red_line, p.owner) for p in report.uncovered] == [("SP-ENG-001", True, "工程")]


def test_plan_has_one_task_per_applicable_task(project: Project) -> None:
    report = delivery_plan(project)
    assert sorted(t.id for t in report.tasks) == [f"DP-00{n}" for n in range(1, 7)]
    assert sorted(b.id for b in report.gantt.bars) == sorted(t.id for t in report.tasks)


def test_plan_marks_late_at_risk_and_the_critical_path(project: Project) -> None:
    report = delivery_plan(project)
    rows = {t.id: t for t in report.tasks}
    assert rows["DP-003"].pushed_days == 5 and rows["DP-003"].at_risk  # pushed by DP-002
    assert rows["DP-005"].at_risk  # due within 7 days
    assert not any(t.late for t in report.tasks)
    assert report.last_task == "DP-006" and report.critical_path == ("DP-006",)
    assert report.gantt.today is not None


def test_a_late_predecessor_pushes_the_critical_path(tmp_path: Path) -> None:
    tree = catalog_tree()
    tree["plan.yaml"]["tasks"][2]["duration_days"] = "80"  # DP-003 runs to D-10
    tree["plan.yaml"]["tasks"][5]["offset_days"] = "-12"  # so DP-006 waits for it
    report = delivery_plan(make_project(tmp_path, catalog=tree))
    assert report.critical_path == ("DP-002", "DP-003", "DP-006")
    late = {t.id for t in report.tasks if t.late}
    assert late == set()
    assert {b.id for b in report.gantt.bars if b.critical} == {"DP-002", "DP-003", "DP-006"}


def test_late_tasks_finish_before_the_as_of_date_and_are_not_done(tmp_path: Path) -> None:
    proj = copy.deepcopy(PROJECT)
    proj["tasks"] = {"DP-002": "doing"}
    report = delivery_plan(make_project(tmp_path, project=proj))
    assert {t.id for t in report.tasks if t.late} == {"DP-001", "DP-002"}
    assert {b.id for b in report.gantt.bars if b.state == "late"} == {"DP-001", "DP-002"}


def test_rectification_rate_per_building_matches_the_csv(project: Project) -> None:
    rows = list(csv.DictReader(io.StringIO(FINDINGS)))
    expected = {}
    for building in {r["building"] for r in rows}:
        mine = [r for r in rows if r["building"] == building]
        expected[building] = sum(r["status"] == "verified" for r in mine) / len(mine)
    report = delivery_plan(project)
    assert {b.building: b.rate for b in report.buildings} == pytest.approx(expected)
    assert (report.findings_total, report.findings_verified) == (7, 4)
    assert {a.label: a.count for a in report.ageing} == {"0-7": 1, "8-14": 0, "15-30": 1, ">30": 1}
    assert [(c.label, c.count) for c in report.contractors] == [("PaintCo", 2), ("BuildCo", 1)]


def test_rounds_and_preparation(project: Project) -> None:
    report = delivery_plan(project, "zh")
    (civil,) = report.rounds
    assert (civil.title, civil.total, civil.passed, civil.failed, civil.pending) == (
        "模拟验收：土建",
        3,
        1,
        1,
        1,
    )
    assert civil.blocking_failed == ("AC-CIV-002",)
    assert [t.id for t in report.preparation] == ["DP-001"]
    assert [t.id for t in report.emergency] == ["DP-004"]
    assert report.preparation[0].owner == "客户关系"


def test_open_day_is_no_go_naming_the_failed_prerequisites(project: Project) -> None:
    report = open_day(project)
    assert report.verdict == "no-go"
    assert [(b.id, b.reason, b.owner) for b in report.blockers] == [
        ("OD-002", "fail", "Engineering"),
        ("OD-004", "pending", "Customer relations"),
    ]
    assert report.blockers[0].note == "1F lift hall power not yet energised"
    assert [p.id for p in report.prerequisites] == ["OD-001", "OD-002", "OD-003", "OD-004"]
    assert report.days_left == 4
    assert [(f.id, f.open, f.total) for f in report.visitor_findings] == [("AC-CIV-003", 2, 2)]
    assert [w.target for w in report.waivers] == ["RD-002"]


def test_open_day_goes_when_blockers_pass_or_are_waived(tmp_path: Path) -> None:
    proj = copy.deepcopy(PROJECT)
    proj["checks"] = {**proj["checks"], "OD-004": "pass"}
    proj["waivers"] = [
        *proj["waivers"],
        {
            "target": "OD-002",
            "reason": "route avoids 1F",
            "approved_by": "Wang",
            "expires": "2026-11-30",
        },
    ]
    report = open_day(make_project(tmp_path, project=proj))
    assert report.verdict == "go" and report.blockers == ()
    assert next(p for p in report.prerequisites if p.id == "OD-002").waived


def test_an_expired_waiver_does_not_clear_a_blocker(tmp_path: Path) -> None:
    proj = copy.deepcopy(PROJECT)
    proj["waivers"] = [
        {"target": "OD-002", "reason": "old", "approved_by": "Wang", "expires": "2026-10-01"},
    ]
    report = open_day(make_project(tmp_path, project=proj))
    assert "OD-002" in [b.id for b in report.blockers]
    assert report.waivers == ()


def test_build_dispatches_by_name(project: Project) -> None:
    assert build("open-day", project, "zh").header.lang == "zh"
    assert build("risk-assessment", project).kind == "risk-assessment"
    assert isinstance(risk_assessment(project).stages[0].risks[0], RiskRow)
