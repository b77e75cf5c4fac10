"""Gate evaluation: waivers of items and rules, expiry, severities, --fail-on, the verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pydantic
import pytest
from gatekit import AS_OF, project

from journey.errors import UsageProblem
from journey.gates import evaluate, waiver_state
from journey.types import Rating

YESTERDAY = AS_OF - dt.timedelta(days=1)
PASSING_CHECKS = {"OD-001": "pass", "OD-002": "pass", "OD-005": "pass"}


def waiver(target: str, expires: dt.date, **more: str) -> dict[str, Any]:
    return {
        "target": target,
        "reason": more.get("reason", "accepted by design review"),
        "approved_by": more.get("approved_by", "Zhang Min"),
        "expires": expires.isoformat(),
    }


def test_item_waiver_clears_the_item(tmp_path: Path) -> None:
    checks = {**PASSING_CHECKS, "OD-002": "fail"}
    p = project(tmp_path, checks=checks, waivers=[waiver("OD-002", dt.date(2026, 12, 31))])
    result = evaluate("open-day", p)
    (item,) = result.rules[0].items
    assert (item.id, item.status, item.waiver, item.waived_by) == (
        "OD-002",
        "waived",
        "applied",
        "Zhang Min",
    )
    assert result.rules[0].status == "pass"
    assert result.rules[0].reason.code == "gate.rule_passed_waived"
    assert result.verdict == "pass"
    assert [(w.target, w.state, w.rules) for w in result.waivers] == [
        ("OD-002", "in-force", ("open-day-checks",))
    ]


def test_waiver_expired_yesterday_no_longer_applies(tmp_path: Path) -> None:
    checks = {**PASSING_CHECKS, "OD-002": "fail"}
    p = project(tmp_path, checks=checks, waivers=[waiver("OD-002", YESTERDAY)])
    result = evaluate("open-day", p)
    (item,) = result.rules[0].items
    assert (item.status, item.waiver, item.waiver_expires) == ("fail", "expired", YESTERDAY)
    assert result.verdict == "fail"
    assert result.waivers[0].state == "expired" and result.waivers[0].days_left == -1


def test_waiver_holds_through_its_expiry_day(tmp_path: Path) -> None:
    checks = {**PASSING_CHECKS, "OD-002": "fail"}
    p = project(tmp_path, checks=checks, waivers=[waiver("OD-002", AS_OF)])
    result = evaluate("open-day", p)
    assert result.rules[0].items[0].status == "waived"
    assert result.waivers[0].state == "expiring"


def test_waiver_states() -> None:
    assert waiver_state(YESTERDAY, AS_OF) == "expired"
    assert waiver_state(AS_OF + dt.timedelta(days=14), AS_OF) == "expiring"
    assert waiver_state(AS_OF + dt.timedelta(days=15), AS_OF) == "in-force"


def test_rule_waiver_waives_the_rule(tmp_path: Path) -> None:
    p = project(tmp_path, waivers=[waiver("open-day-checks", dt.date(2027, 1, 31))])
    result = evaluate("open-day", p)
    rule = result.rules[0]
    assert rule.status == "waived" and not rule.blocks
    assert rule.reason.code == "gate.rule_waived"
    assert rule.reason.params["approved_by"] == "Zhang Min"
    assert {i.id for i in rule.items if i.status == "fail"} == {"OD-001", "OD-002", "OD-005"}
    assert result.verdict == "pass"
    assert result.counts.waived == 1


def test_expired_rule_waiver_says_so(tmp_path: Path) -> None:
    p = project(tmp_path, waivers=[waiver("open-day-checks", YESTERDAY)])
    rule = evaluate("open-day", p).rules[0]
    assert rule.status == "fail" and rule.reason.code == "gate.rule_waiver_expired"


def test_in_force_waiver_beats_an_expired_one_for_the_same_target(tmp_path: Path) -> None:
    checks = {**PASSING_CHECKS, "OD-002": "fail"}
    waivers = [waiver("OD-002", YESTERDAY), waiver("OD-002", dt.date(2027, 1, 1), approved_by="Li")]
    result = evaluate("open-day", project(tmp_path, checks=checks, waivers=waivers))
    assert result.rules[0].items[0].waived_by == "Li"
    assert [w.state for w in result.waivers] == ["expired", "in-force"]


def test_unwaivable_rule_ignores_item_and_rule_waivers(tmp_path: Path) -> None:
    waivers = [
        waiver("RS-001", dt.date(2027, 1, 1)),
        waiver("red-lines-strict", dt.date(2027, 1, 1)),
    ]
    result = evaluate("red-lines-strict", project(tmp_path, waivers=waivers))
    rule = result.rules[0]
    assert rule.status == "fail" and rule.reason.code == "gate.rule_not_waivable"
    rs = next(i for i in rule.items if i.id == "RS-001")
    assert (rs.status, rs.waiver) == ("fail", "not-waivable")
    assert rule.severity == Rating.CRITICAL and result.verdict == "fail"


def test_red_line_item_waived_through_its_point(tmp_path: Path) -> None:
    risks = {"RD-002": "closed"}
    p = project(tmp_path, risks=risks, waivers=[waiver("SP-MKT-001", dt.date(2027, 1, 1))])
    result = evaluate("red-lines", p)
    assert [(i.id, i.status) for i in result.rules[0].items] == [("RS-001", "waived")]
    assert result.verdict == "pass"


def test_waivers_not_consulted_by_the_gate_are_not_listed(tmp_path: Path) -> None:
    p = project(tmp_path, risks={"RS-001": "closed"}, waivers=[waiver("OD-002", AS_OF)])
    assert evaluate("sales", p).waivers == ()


def test_fail_on_lets_lower_severity_failures_pass(tmp_path: Path) -> None:
    checks = {"AC-CIV-001": "pass", "AC-CIV-003": "fail"}
    risks = {"RD-001": "closed", "RD-002": "mitigating"}  # RD-002 is medium
    p = project(tmp_path, checks=checks, risks=risks)
    low = evaluate("delivery", p)
    assert low.verdict == "fail"
    assert [(r.id, r.status, r.severity, r.blocks) for r in low.rules] == [
        ("d-risks", "fail", Rating.MEDIUM, True),
        ("d-checks", "fail", Rating.MEDIUM, True),
        ("d-order", "pass", Rating.HIGH, False),
    ]
    high = evaluate("delivery", p, Rating.HIGH)
    assert high.verdict == "pass" and high.fail_on == Rating.HIGH
    assert [r.blocks for r in high.rules] == [False, False, False]
    assert [r.status for r in high.rules] == ["fail", "fail", "pass"]
    assert evaluate("delivery", p, Rating.MEDIUM).verdict == "fail"


def test_a_critical_risk_fails_even_with_fail_on_critical(tmp_path: Path) -> None:
    result = evaluate("delivery-risks", project(tmp_path), Rating.CRITICAL)
    assert result.verdict == "fail" and result.rules[0].severity == Rating.CRITICAL


def test_result_header_and_counts(tmp_path: Path) -> None:
    result = evaluate("delivery", project(tmp_path, checks={"AC-CIV-001": "pass"}))
    assert (result.gate, result.milestone, result.milestone_date) == (
        "delivery",
        "delivery",
        dt.date(2026, 11, 20),
    )
    assert (result.project.id, result.project.positioning) == ("test-project", "process")
    assert (result.catalog.name, result.catalog.version, result.as_of) == ("mini", "1.0", AS_OF)
    c = result.counts
    assert (c.rules, c.passed, c.failed, c.blocking_rules) == (3, 1, 2, 2)
    assert (c.items_failed, c.items_warned, c.items_waived) == (3, 0, 0)


def test_result_is_frozen(tmp_path: Path) -> None:
    result = evaluate("sales", project(tmp_path))
    with pytest.raises(pydantic.ValidationError):
        result.verdict = "pass"  # type: ignore[misc]


def test_default_rule_title(tmp_path: Path) -> None:
    result = evaluate("sales", project(tmp_path))
    assert result.rules[0].title.get("en") == "Every risk in scope is closed or accepted"
    assert result.rules[0].title.get("zh") == "范围内风险全部关闭或经审批接受"


def test_unknown_gate_is_a_usage_problem_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.raises(UsageProblem) as caught:
        evaluate("open_day", project(tmp_path))
    assert caught.value.code == "gate.unknown"
    assert caught.value.params["suggestion"] == "open-day"


def test_a_past_gate_is_still_evaluated_and_carries_its_record(tmp_path: Path) -> None:
    record = {"sales": {"passed": "2026-02-27", "by": "Zhou Hua", "note": "permits in hand"}}
    result = evaluate("sales", project(tmp_path, gates=record))  # launch 2026-03-01
    assert result.milestone_passed and result.verdict == "fail"  # today's evaluation
    assert result.recorded is not None
    assert (result.recorded.passed, result.recorded.by) == (dt.date(2026, 2, 27), "Zhou Hua")
    ahead = evaluate("delivery-risks", project(tmp_path / "b", gates=record))
    assert (ahead.milestone_passed, ahead.recorded) == (False, None)
    # looked at from before the day it was recorded, the record did not exist yet
    early = evaluate("sales", project(tmp_path / "c", gates=record, as_of=dt.date(2026, 2, 20)))
    assert (early.milestone_passed, early.recorded) == (False, None)


def test_a_batch_has_its_own_record(tmp_path: Path) -> None:
    batches = [
        {"id": "b1", "buildings": ["T1", "T2"], "milestones": {"open_day": "2026-09-15"}},
        {"id": "b2", "buildings": ["T3"], "milestones": {"open_day": "2026-12-01"}},
    ]
    gates = {"open-day": {"batches": {"b1": {"passed": "2026-09-14", "by": "Zhou Hua"}}}}
    result = evaluate("open-day", project(tmp_path, batches=batches, gates=gates))
    b1, b2 = result.batches
    assert (b1.milestone_passed, b1.recorded and b1.recorded.by) == (True, "Zhou Hua")
    assert (b2.milestone_passed, b2.recorded) == (False, None)
