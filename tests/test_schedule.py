"""Scheduling plan tasks from milestones: pushing by late predecessors, the critical chain."""

from __future__ import annotations

import datetime as dt

from journey.models import Task
from journey.schedule import schedule

DELIVERY = dt.date(2026, 12, 26)


def task(tid: str, offset: int, duration: int, *deps: str, anchor: str = "delivery") -> Task:
    return Task.model_validate(
        {
            "id": tid,
            "title": tid,
            "owner": "customer-relations",
            "level": "process",
            "anchor": anchor,
            "offset_days": offset,
            "duration_days": duration,
            "depends_on": list(deps),
        }
    )


def test_planned_dates_come_from_the_anchor() -> None:
    plan = schedule([task("DP-001", -10, 3)], {"delivery": DELIVERY})
    slot = plan.slots["DP-001"]
    assert (slot.start, slot.finish) == (dt.date(2026, 12, 16), dt.date(2026, 12, 19))
    assert slot.pushed_days == 0 and slot.driver is None


def test_a_late_predecessor_pushes_its_successors() -> None:
    tasks = [
        task("DP-001", -10, 8),
        task("DP-002", -5, 2, "DP-001"),
        task("DP-003", -2, 1, "DP-002"),
    ]
    plan = schedule(tasks, {"delivery": DELIVERY})
    assert plan.slots["DP-002"].start == dt.date(2026, 12, 24)  # DP-001 ends on D-2
    assert plan.slots["DP-002"].driver == "DP-001"
    assert plan.slots["DP-003"].finish == dt.date(2026, 12, 27)  # pushed one day past D
    assert plan.slots["DP-003"].pushed_days == 2
    assert [s.task.id for s in plan.due_by(DELIVERY)] == ["DP-001", "DP-002"]


def test_the_chain_follows_the_predecessor_finishing_last() -> None:
    tasks = [
        task("DP-001", -30, 5),
        task("DP-002", -20, 10),
        task("DP-003", -40, 2),
        task("DP-004", -5, 3, "DP-001", "DP-002"),
        task("DP-005", -2, 1, "DP-004", "DP-003"),
    ]
    plan = schedule(tasks, {"delivery": DELIVERY})
    assert plan.chain("DP-005") == ["DP-002", "DP-004", "DP-005"]


def test_a_missing_anchor_leaves_the_task_unscheduled() -> None:
    plan = schedule(
        [task("DP-001", -3, 1, anchor="handover"), task("DP-002", -1, 1, "DP-001")],
        {"delivery": DELIVERY},
    )
    assert plan.unanchored == {"DP-001": "handover"}
    assert plan.slots["DP-002"].before == ()
