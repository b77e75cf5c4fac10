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


def test_a_missing_anchor_leaves_the_task_unscheduled() -> None:
    plan = schedule(
        [task("DP-001", -3, 1, anchor="handover"), task("DP-002", -1, 1, "DP-001")],
        {"delivery": DELIVERY},
    )
    assert plan.unanchored == {"DP-001": "handover"}
    assert plan.slots["DP-002"].before == ()


# A plan checked by hand (D = delivery):
#   A  D-40 +10            D-40..D-30   late finish D-25 (B must start by D-25)  float 5
#   B  D-30 +5   after A   D-30..D-25   late finish D-20 (C must start by D-20)  float 5
#   C  D-20 +10  after B   D-20..D-10   late finish D-10 (E must start by D-10)  float 0
#   E  D-12 +10  after C   D-10..D     (pushed 2) late finish D (its milestone)  float 0
#   F  D-35 +3             D-35..D-32   late finish D (its milestone)            float 32
#   G  D+0  +3   after E   D..D+3       after its milestone: the end of the plan float 0
HAND = {"A": (-40, 10, ()), "B": (-30, 5, ("A",)), "C": (-20, 10, ("B",)),
        "E": (-12, 10, ("C",)), "F": (-35, 3, ()), "G": (0, 3, ("E",))}  # fmt: skip


def hand_plan(**durations: int) -> list[Task]:
    return [
        task(f"DP-00{i}", offset, durations.get(name, days), *(f"DP-00{'ABCEFG'.index(d)}" for d in deps))
        for i, (name, (offset, days, deps)) in enumerate(HAND.items())
    ]  # fmt: skip


def named(ids: list[str]) -> list[str]:
    return ["ABCEFG"[int(k[-1])] for k in ids]


def test_float_from_the_forward_and_backward_pass() -> None:
    plan = schedule(hand_plan(), {"delivery": DELIVERY})
    floats = {"ABCEFG"[int(k[-1])]: f for k, f in plan.floats().items()}
    assert floats == {"A": 5, "B": 5, "C": 0, "E": 0, "F": 32, "G": 0}
    ends = plan.due_at("delivery")
    assert sorted(named(ends)) == ["A", "B", "C", "E", "F"]  # G is planned after delivery
    chain = plan.least_float_chain(plan.slots, ends)
    assert named(chain) == ["C", "E"]  # B has five days in hand: the chain starts at C


def test_negative_float_when_a_predecessor_pushes_past_the_milestone() -> None:
    plan = schedule(hand_plan(C=15), {"delivery": DELIVERY})  # C runs to D-5, E to D+5
    floats = {"ABCEFG"[int(k[-1])]: f for k, f in plan.floats().items()}
    assert floats == {"A": 0, "B": 0, "C": -5, "E": -5, "F": 32, "G": 0}
    ends = plan.due_at("delivery")
    assert named(plan.least_float_chain(plan.slots, ends)) == ["C", "E"]
    # with C and E done, what is left: A and B hand straight on to each other
    left = [k for k in plan.slots if k not in ("DP-002", "DP-003")]
    assert named(plan.least_float_chain(left, ends)) == ["A", "B"]
