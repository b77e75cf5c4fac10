"""Report data models: what each report says about a small, hand-checked project."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
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
    assert h.gates[0].failed == ("前置条件否决项全部通过",)


def test_heat_maps_inherent_beside_residual(project: Project) -> None:
    report = risk_assessment(project)
    for stage in report.stages:
        inherent = Counter((r.inherent_likelihood, r.inherent_impact) for r in stage.risks)
        counted = {(c.likelihood, c.impact): c.count for row in stage.heat.rows for c in row}
        assert {k: v for k, v in counted.items() if v} == dict(inherent)
        assert stage.heat.total == len(stage.risks)
        residual = {
            (c.likelihood, c.impact): c.ids for row in stage.residual.rows for c in row if c.ids
        }
        assert sorted(i for ids in residual.values() for i in ids) == sorted(
            r.id for r in stage.risks if r.is_open
        )
    delivery = next(s for s in report.stages if s.id == "delivery")
    assert len(delivery.heat.rows) == 5 and delivery.heat.rows[0][0].likelihood == 5
    assert delivery.heat.rows[1][4].ids == ("RD-001", "RD-002")  # both at 4 × 5 in the catalog
    # residual: RD-002 is waived, RD-003 closed (re-scored 3 × 4): only RD-001 stays at 4 × 5
    assert delivery.residual.rows[1][4].ids == ("RD-001",)
    assert not any(c.ids for row in delivery.residual.rows for c in row if "RD-003" in c.ids)


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
    # DP-006 is due on the delivery day itself: no float. DP-003, which it waits on, ends
    # 55 days before DP-006 must start, so the least-float chain is DP-006 alone.
    assert (rows["DP-006"].float_days, rows["DP-003"].float_days) == (0, 55)
    assert rows["DP-002"].float_days is None  # done
    assert report.last_task == "DP-006"
    assert report.critical_path == ("DP-006",)
    assert report.gantt.today is not None


def test_a_late_predecessor_pushes_the_critical_path(tmp_path: Path) -> None:
    tree = catalog_tree()
    tree["plan.yaml"]["tasks"][2]["duration_days"] = "80"  # DP-003 runs to D-10
    tree["plan.yaml"]["tasks"][5]["offset_days"] = "-12"  # so DP-006 waits for it
    report = delivery_plan(make_project(tmp_path, catalog=tree))
    # DP-003 ends on D-10 and pushes DP-006 to D-10..D-5: both have five days in hand, and
    # the chain runs through them unbroken (DP-002, before them, is done)
    assert {t.id: t.float_days for t in report.tasks if t.critical} == {"DP-003": 5, "DP-006": 5}
    assert report.critical_path == ("DP-003", "DP-006")
    late = {t.id for t in report.tasks if t.late}
    assert late == set()
    assert {b.id for b in report.gantt.bars if b.critical} == {"DP-003", "DP-006"}
    (link,) = report.gantt.links  # one connector, from the end of DP-003 to DP-006
    bars = {b.id: b for b in report.gantt.bars}
    assert link.x1 == bars["DP-003"].x + bars["DP-003"].width and link.x2 == bars["DP-006"].x


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
    assert report.waivers == ()  # the RD-002 waiver is no business of the open-day gate


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
    # the report of its gate says the waiver expired, in its list and on the item
    assert [(w.target, w.state, w.in_force) for w in report.waivers] == [
        ("OD-002", "expired", False)
    ]
    od2 = next(p for p in report.prerequisites if p.id == "OD-002")
    assert (od2.waived, od2.waiver_expired) == (False, dt.date(2026, 10, 1))


def test_build_dispatches_by_name(project: Project) -> None:
    assert build("open-day", project, "zh").header.lang == "zh"
    assert build("risk-assessment", project).kind == "risk-assessment"
    assert isinstance(risk_assessment(project).stages[0].risks[0], RiskRow)


# The bundled example project ------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbour-view"
EXAMPLE_AS_OF = dt.date(2026, 10, 20)


@pytest.fixture(scope="module")
def example() -> Project:
    from journey.catalog import load_catalog
    from journey.project import load_project

    return load_project(EXAMPLE, load_catalog(), EXAMPLE_AS_OF)


@pytest.fixture(scope="module")
def example_yaml() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((EXAMPLE / "project.yaml").read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["risk-assessment", "delivery-plan", "open-day"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_example_renders_every_report(example: Project, name: str, lang: str, fmt: str) -> None:
    from journey.reports.render import render

    text = render(build(name, example, lang), "md" if fmt == "md" else "html")
    assert ("海景二期" if lang == "zh" else "Harbour View Phase 2") in text
    assert "journey-default 2026.11.2" in text
    assert ("2026年10月20日" if lang == "zh" else "20 Oct 2026") in text
    assert ("全程管理" if lang == "zh" else "Whole-process") in text
    assert ("工地开放日准入" if lang == "zh" else "Ready to open the site to buyers") in text


def test_example_open_day_is_no_go_naming_the_failed_prerequisites(
    example: Project, example_yaml: dict[str, Any]
) -> None:
    from journey.reports.render import render

    items = example.catalog.check_items
    failed = {
        item_id
        for item_id in example_yaml["checks"]
        if item_id.startswith("OD-")
        and example.check_status(item_id) == "fail"  # in any building
        and items[item_id].blocking
    }
    report = open_day(example)
    assert report.verdict == "no-go"
    assert failed and {b.id for b in report.blockers if b.reason == "fail"} == failed
    assert {"OD-003", "OD-004"} <= failed  # T6 is not ready: the whole project is NO-GO
    assert open_day(example.for_batch("batch-1")).verdict == "go"  # T1–T5 open on 24 Oct
    html, md = render(report, "html"), render(open_day(example, "zh"), "md")
    verdict = html[html.index('id="verdict"') : html.index("</div>", html.index('id="verdict"'))]
    assert "NO-GO" in verdict and all(f"<b>{i}</b>" in verdict for i in failed)
    assert md.index("## 暂不具备开放条件") < md.index("## 前置条件")
    assert all(f"**{i}**" in md for i in failed)


def test_example_heat_maps_count_every_risk(example: Project, example_yaml: dict[str, Any]) -> None:
    """Inherent: every applicable risk on the catalog's scores. Residual: the risks still
    open, on the project's re-scoring."""
    catalog = example.catalog
    overrides = example_yaml.get("risks", {})
    inherent: Counter[tuple[str, int, int]] = Counter()
    residual: Counter[tuple[str, int, int]] = Counter()
    for risk in [*catalog.risks.values(), *example.file.extra_risks]:
        if catalog.level_rank(risk.level) > catalog.level_rank("whole-process"):
            continue
        inherent[(risk.stage, risk.likelihood, risk.impact)] += 1
        state = overrides.get(risk.id, {})
        if state.get("status", "open") in ("open", "mitigating"):
            score = (
                int(state.get("likelihood", risk.likelihood)),
                int(state.get("impact", risk.impact)),
            )
            residual[(risk.stage, *score)] += 1
    report = risk_assessment(example)

    def shown(which: str) -> Counter[tuple[str, int, int]]:
        return Counter(
            {
                (stage.id, cell.likelihood, cell.impact): len(cell.ids)
                for stage in report.stages
                for row in getattr(stage, which).rows
                for cell in row
                if cell.ids
            }
        )

    assert shown("heat") == inherent
    assert shown("residual") == residual
    assert report.total == sum(inherent.values())
    assert report.open == sum(residual.values())


def test_example_gantt_has_one_bar_per_applicable_task(example: Project) -> None:
    from journey.reports.render import render

    catalog = example.catalog
    applicable = {
        t.id
        for t in catalog.tasks.values()
        if catalog.level_rank(t.level) <= catalog.level_rank("whole-process")
    }
    report = delivery_plan(example, "zh")
    assert {b.id for b in report.gantt.bars} == applicable
    html = render(report, "html")
    phone = report.phone_gantt
    assert phone is not None
    shown = len(applicable) + len(phone.bars)  # the full chart, and the phone's
    assert len(re.findall(r'<g class="task" data-id="', html)) == shown
    assert len(phone.bars) + phone.hidden == len(applicable)
    assert report.critical_path and report.critical_path[-1] == report.last_task


def test_example_rectification_rate_per_building_matches_the_csv(example: Project) -> None:
    from journey.reports.render import render

    total: Counter[str] = Counter()
    verified: Counter[str] = Counter()
    with (EXAMPLE / "findings" / "acceptance.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            total[row["building"]] += 1
            verified[row["building"]] += row["status"] == "verified"
    report = delivery_plan(example)
    rates = {b.building: b.rate for b in report.buildings if b.total}
    assert rates == pytest.approx({b: verified[b] / total[b] for b in total})
    html = render(report, "html")
    for building in total:
        figure = f"{100 * verified[building] / total[building]:.1f}%"
        assert re.search(
            rf'data-building="{building}">.*?class="num rate"[^>]*>{re.escape(figure)}<', html, re.S
        ), building


def test_a_waived_failure_is_not_a_blocking_failure_of_its_round(tmp_path: Path) -> None:
    proj = copy.deepcopy(PROJECT)
    proj["waivers"] = [
        {"target": "AC-CIV-002", "reason": "r", "approved_by": "Wang", "expires": "2026-12-31"},
    ]
    (civil,) = delivery_plan(make_project(tmp_path, project=proj)).rounds
    assert (civil.blocking_failed, civil.waived, civil.failed) == ((), ("AC-CIV-002",), 1)


def test_open_risks_by_owner_most_urgent_first(project: Project) -> None:
    report = risk_assessment(project)
    groups = {g.owner: g for g in report.work}
    engineering = groups["Engineering"]
    # RD-001 was due on 1 Oct: overdue by 19 days; the others have no date; RD-002 is waived
    assert [(w.id, w.days) for w in engineering.rows][:1] == [("RD-001", -19)]
    assert "RD-002" not in [w.id for g in report.work for w in g.rows]
    assert (engineering.overdue, engineering.assignees) == (1, (("Li Wei", 1),))
    assert sum(g.count for g in report.work) == report.open
