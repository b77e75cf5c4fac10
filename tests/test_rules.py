"""Each gate rule type on small hand-built projects: exactly which items block, and why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from gatekit import AS_OF, project

from journey.gates import GateResult, RuleResult, evaluate
from journey.types import Rating


def only_rule(result: GateResult) -> RuleResult:
    assert len(result.rules) == 1
    return result.rules[0]


def blocking(result: GateResult) -> dict[str, str]:
    """Item id -> reason code of every failing item of the gate's only rule."""
    return {i.id: i.reason.code for i in only_rule(result).items if i.status == "fail"}


def statuses(result: GateResult) -> dict[str, str]:
    return {i.id: i.status for i in only_rule(result).items}


# risks-controlled ------------------------------------------------------------------


def test_unlisted_risk_counts_as_open(tmp_path: Path) -> None:
    result = evaluate("sales", project(tmp_path))
    # RS-001 is rated high (3 × 5) and not listed; RS-002 is low, below min_rating;
    # RS-003 applies from whole-process, above the project's process level.
    assert blocking(result) == {"RS-001": "gate.reason.risk_unlisted"}
    item = only_rule(result).items[0]
    assert (item.owner, item.severity, item.line) == ("marketing", Rating.HIGH, 1)


@pytest.mark.parametrize("status", ["closed", "accepted"])
def test_closed_or_accepted_risk_passes(tmp_path: Path, status: str) -> None:
    result = evaluate("sales", project(tmp_path, risks={"RS-001": status}))
    assert only_rule(result).status == "pass" and result.verdict == "pass"


def test_mitigating_risk_blocks_at_its_status_line(tmp_path: Path) -> None:
    risks = {"RS-001": {"status": "mitigating", "assignee": "Li Wei", "due": "2026-12-01"}}
    result = evaluate("sales", project(tmp_path, risks=risks))
    item = only_rule(result).items[0]
    assert (item.id, item.reason.code, item.assignee) == (
        "RS-001",
        "gate.reason.risk_open",
        "Li Wei",
    )
    assert item.file.endswith("project.yaml") and item.line > 1 and item.col == 3
    assert item.reason.params == {"status": "mitigating", "rating": "high"}


def test_overdue_risk_says_so(tmp_path: Path) -> None:
    risks = {"RS-001": {"status": "open", "due": "2026-10-01"}}
    result = evaluate("sales", project(tmp_path, risks=risks))
    assert blocking(result) == {"RS-001": "gate.reason.risk_overdue"}


def test_rescored_risk_enters_and_takes_its_new_rating(tmp_path: Path) -> None:
    risks = {
        "RS-001": "closed",
        "RS-002": {"status": "open", "likelihood": "5", "impact": "5"},
    }
    result = evaluate("sales", project(tmp_path, risks=risks))
    rule = only_rule(result)
    assert blocking(result) == {"RS-002": "gate.reason.risk_open"}
    assert rule.items[0].severity == Rating.CRITICAL
    assert rule.severity == Rating.CRITICAL  # the worst rating among its blocking risks


def test_rule_severity_is_worst_blocking_rating(tmp_path: Path) -> None:
    result = evaluate("delivery-risks", project(tmp_path))
    # RD-001 is 4 × 5 = critical, RD-002 2 × 3 = medium; RD-003 is whole-process only.
    assert blocking(result) == {
        "RD-001": "gate.reason.risk_unlisted",
        "RD-002": "gate.reason.risk_unlisted",
    }
    assert {i.id: i.severity for i in only_rule(result).items} == {
        "RD-001": Rating.CRITICAL,
        "RD-002": Rating.MEDIUM,
    }
    assert only_rule(result).severity == Rating.CRITICAL


def test_whole_process_risk_blocks_a_whole_process_project(tmp_path: Path) -> None:
    result = evaluate("sales", project(tmp_path, positioning="whole-process"))
    assert set(blocking(result)) == {"RS-001", "RS-003"}


def test_extra_risk_of_the_phase_counts(tmp_path: Path) -> None:
    extra = {
        "id": "RSX-001",
        "phase": "sales",
        "category": "sales-brochure",
        "title": "Show flat differs",
        "stage": "sales",
        "owner": "marketing",
        "likelihood": "4",
        "impact": "4",
        "controls": ["Photograph the show flat"],
        "level": "process",
    }
    result = evaluate("sales", project(tmp_path, risks={"RS-001": "closed"}, extra_risks=[extra]))
    assert blocking(result) == {"RSX-001": "gate.reason.risk_unlisted"}


# checklist-passed --------------------------------------------------------------


def test_checklist_blocking_items_and_warnings(tmp_path: Path) -> None:
    checks = {
        "OD-001": "pass",
        "OD-002": "n/a",
        "OD-003": "fail",
        "OD-005": {"status": "fail", "note": "lift hall not powered"},
    }
    result = evaluate("open-day", project(tmp_path, checks=checks))
    # n/a passes; the non-blocking OD-003 only warns; OD-004 is whole-process only.
    assert statuses(result) == {"OD-003": "warn", "OD-005": "fail"}
    item = next(i for i in only_rule(result).items if i.id == "OD-005")
    assert item.reason.code == "gate.reason.check_failed_note"
    assert item.reason.params == {"note": "lift hall not powered"}
    assert item.owner == "customer-relations"


def test_na_check_passes_and_warnings_do_not_fail(tmp_path: Path) -> None:
    checks = {"OD-001": "pass", "OD-002": "n/a", "OD-003": "fail", "OD-005": "n/a"}
    result = evaluate("open-day", project(tmp_path, checks=checks))
    assert only_rule(result).status == "warn"
    assert result.verdict == "pass"


def test_pending_and_unlisted_checks_block(tmp_path: Path) -> None:
    checks = {"OD-001": "pending", "OD-002": "pass", "OD-005": "pass"}
    result = evaluate("open-day", project(tmp_path, checks=checks))
    assert blocking(result) == {"OD-001": "gate.reason.check_pending"}
    result = evaluate("open-day", project(tmp_path, checks={"OD-001": "pass"}))
    assert blocking(result) == {
        "OD-002": "gate.reason.check_unlisted",
        "OD-005": "gate.reason.check_unlisted",
    }


def test_process_project_is_not_blocked_by_whole_process_item(tmp_path: Path) -> None:
    checks = {"OD-001": "pass", "OD-002": "pass", "OD-005": "pass", "OD-004": "fail"}
    assert evaluate("open-day", project(tmp_path, checks=checks)).verdict == "pass"
    whole = project(tmp_path, checks=checks, positioning="whole-process")
    assert blocking(evaluate("open-day", whole)) == {"OD-004": "gate.reason.check_failed"}


# findings-closed ---------------------------------------------------------------

ROWS = (
    "F1,AC-CIV-001,T1,101,kitchen,rectified,2026-10-20,,,Acme,crack\n"
    "F2,AC-CIV-002,T1,102,hall,verified,2026-10-20,,2026-10-25,Acme,\n"
    "F3,AC-CIV-002,T2,201,hall,verified,2026-09-01,,2026-09-05,Brick,\n"
    "F4,AC-CIV-002,T2,202,hall,verified,2026-09-01,,2026-09-05,Brick,\n"
    "F5,AC-CIV-002,T2,203,hall,verified,2026-09-01,,2026-09-05,Brick,\n"
    "F6,AC-CIV-002,T2,204,hall,open,2026-09-20,,,Brick,\n"
)


def test_findings_rectified_but_not_verified_is_open(tmp_path: Path) -> None:
    result = evaluate("findings", project(tmp_path, findings=ROWS))
    items = [(i.id, i.reason.code) for i in only_rule(result).items]
    # T1: 1 of 2 verified (50% < 75%); F1 is only rectified, so open, on blocking AC-CIV-001.
    # T2: 3 of 4 verified (75%) passes the ratio, but F6 is 42 days old (> 30).
    # T3 has no findings and passes; AC-CIV-002 is not blocking.
    assert items == [
        ("T1", "gate.reason.findings_ratio"),
        ("T2", "gate.reason.findings_aged"),
        ("AC-CIV-001", "gate.reason.finding_blocking"),
    ]
    ratio, aged, item = only_rule(result).items
    assert ratio.reason.params["verified"] == 1 and ratio.reason.params["total"] == 2
    assert ratio.reason.params["contractor"] == "Acme (1)"
    assert ratio.owner == "engineering"
    assert aged.reason.params == {"count": 1, "days": 30}
    assert (item.file.endswith("f.csv"), item.line, item.reason.params["first"]) == (True, 2, "F1")


def test_findings_all_verified_pass(tmp_path: Path) -> None:
    rows = "F1,AC-CIV-001,T1,101,kitchen,verified,2026-10-20,,2026-10-22,Acme,\n"
    result = evaluate("findings", project(tmp_path, findings=rows))
    assert only_rule(result).status == "pass"


def test_findings_open_on_whole_process_item_does_not_block_process_project(
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"F{n},AC-CIV-002,T1,10{n},hall,{'open' if n == 1 else 'verified'},2026-10-25,,,Acme,\n"
        for n in range(1, 5)
    )
    result = evaluate("findings", project(tmp_path, findings=rows))
    assert only_rule(result).status == "pass"  # 75% verified, young, non-blocking item


# tasks-done --------------------------------------------------------------------


def test_tasks_due_by_the_milestone_must_be_done(tmp_path: Path) -> None:
    result = evaluate("tasks", project(tmp_path, tasks={"DP-003": "todo"}))
    # delivery is 2026-11-20: DP-001 finishes 10-26 (before as-of: late), DP-002 11-13;
    # DP-003 finishes after delivery; DP-005 is comprehensive-level only; DP-004's anchor
    # milestone is missing, so it only warns.
    assert {i.id: (i.status, i.reason.code) for i in only_rule(result).items} == {
        "DP-001": ("fail", "gate.reason.task_late"),
        "DP-002": ("fail", "gate.reason.task_due"),
        "DP-004": ("warn", "gate.reason.task_unanchored"),
    }


def test_done_tasks_pass(tmp_path: Path) -> None:
    tasks = {"DP-001": "done", "DP-002": {"status": "done"}, "DP-004": "done"}
    assert only_rule(evaluate("tasks", project(tmp_path, tasks=tasks))).status == "pass"


def test_task_pushed_past_the_milestone_is_not_yet_due(tmp_path: Path) -> None:
    # DP-006 is planned 11-17..11-18, before delivery (11-20), but waits for DP-007
    # (11-15..11-21): pushed to 11-21..11-22, it is not due by the milestone.
    p = project(tmp_path)
    from journey.schedule import schedule

    slots = schedule(p.catalog.tasks.values(), p.file.milestones).slots
    assert slots["DP-006"].planned_finish < dt.date(2026, 11, 20) < slots["DP-006"].finish
    assert "DP-006" not in blocking(evaluate("tasks", p))


def test_gate_milestone_missing_fails_with_a_reason(tmp_path: Path) -> None:
    result = evaluate("tasks-late", project(tmp_path))
    assert blocking(result) == {"handover": "gate.reason.milestone_missing"}


# red-lines-clear ---------------------------------------------------------------


def test_red_lines_blocked_by_open_risks_failed_checks_and_open_findings(tmp_path: Path) -> None:
    rows = "F1,AC-CIV-003,T1,101,kitchen,reopened,2026-10-20,,,Acme,\n"
    checks = {"OD-005": "fail"}
    risks = {"RS-001": "closed", "RD-002": "mitigating"}
    result = evaluate("red-lines", project(tmp_path, findings=rows, checks=checks, risks=risks))
    assert blocking(result) == {
        "RD-002": "gate.reason.red_risk_open",
        "OD-005": "gate.reason.red_check_failed",
        "AC-CIV-003": "gate.reason.red_finding_open",
    }
    for item in only_rule(result).items:
        assert item.reason.params["point"] == "SP-ENG-001"


def test_red_lines_clear_when_linked_items_are_closed(tmp_path: Path) -> None:
    risks = {"RS-001": "accepted", "RD-002": "closed"}
    result = evaluate("red-lines", project(tmp_path, risks=risks, checks={"OD-005": "pending"}))
    assert only_rule(result).status == "pass"


def test_red_lines_through_stage(tmp_path: Path) -> None:
    result = evaluate("red-lines-sales", project(tmp_path, checks={"OD-005": "fail"}))
    # Only SP-MKT-001 (sales) is in scope: the delivery-stage red line is not.
    assert blocking(result) == {"RS-001": "gate.reason.red_risk_unlisted"}


def test_not_waivable_rule_ignores_the_positioning_filter(tmp_path: Path) -> None:
    result = evaluate("red-lines-strict", project(tmp_path))
    # RD-003 applies from whole-process, but a rule with waivable: false assesses everything.
    assert set(blocking(result)) == {"RS-001", "RD-002", "RD-003"}


# milestone-order ---------------------------------------------------------------


def test_milestones_too_close(tmp_path: Path) -> None:
    milestones = {"open_day": "2026-11-01", "delivery": "2026-11-20"}
    result = evaluate("order", project(tmp_path, milestones=milestones))
    assert blocking(result) == {"delivery": "gate.reason.milestone_gap"}
    assert only_rule(result).items[0].reason.params["gap"] == 19


def test_milestones_reversed(tmp_path: Path) -> None:
    milestones = {"open_day": "2026-12-01", "delivery": "2026-11-20"}
    result = evaluate("order", project(tmp_path, milestones=milestones))
    assert only_rule(result).items[0].reason.params["gap"] == -11


def test_missing_milestone_fails_with_a_reason(tmp_path: Path) -> None:
    result = evaluate("order", project(tmp_path, milestones={"delivery": "2026-11-20"}))
    item = only_rule(result).items[0]
    assert blocking(result) == {"open_day": "gate.reason.milestone_missing"}
    assert item.file.endswith("project.yaml") and item.line > 1


def test_as_of_changes_nothing_but_dates(tmp_path: Path) -> None:
    later = AS_OF + dt.timedelta(days=30)
    result = evaluate("tasks", project(tmp_path, as_of=later))
    assert blocking(result)["DP-002"] == "gate.reason.task_late"
