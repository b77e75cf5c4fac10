"""When plan tasks happen: each from its anchor milestone, pushed later by its predecessors.

A task is planned at `anchor + offset_days` for `duration_days`. It cannot start before
every task it depends on has finished, so a late predecessor pushes it, and everything
after it, later (the forward pass). Dependencies on items that are not tasks (risks,
checks) carry no dates and do not move the schedule.

Float comes from the backward pass. A task planned to finish by its anchor milestone
(offset + duration <= 0) must be done by that milestone — that is what the gate of the
milestone checks; a task planned after it has no date of its own to keep. Either way a
task must finish before any task that depends on it has to start. Its late finish is
the earliest of those dates (a task bound by neither takes the end of the plan), and its
total float the days between its scheduled and its late finish: negative when a late
predecessor has pushed it past what it must keep.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from graphlib import TopologicalSorter

from journey.dates import add_days
from journey.models import Task


@dataclass(frozen=True)
class Slot:
    """A scheduled task: planned dates, dates after pushing, and what pushed it."""

    task: Task
    planned_start: dt.date
    planned_finish: dt.date
    start: dt.date
    finish: dt.date
    driver: str | None = None  # the predecessor whose finish set the start, if it pushed
    before: tuple[str, ...] = ()  # the scheduled tasks it depends on

    @property
    def pushed_days(self) -> int:
        """How many days predecessors pushed the task beyond its plan."""
        return (self.finish - self.planned_finish).days


@dataclass(frozen=True)
class Schedule:
    """Every schedulable task in dependency order, and the tasks whose anchor is missing."""

    slots: dict[str, Slot] = field(default_factory=dict)
    unanchored: dict[str, str] = field(default_factory=dict)  # task id -> missing milestone

    def floats(self) -> dict[str, int]:
        """Total float of every scheduled task in days (the backward pass; see above)."""
        after: dict[str, list[str]] = {}
        for slot in self.slots.values():
            for dep in slot.before:
                after.setdefault(dep, []).append(slot.task.id)
        end = max((s.finish.toordinal() for s in self.slots.values()), default=0)
        late: dict[str, int] = {}  # late finish, as a day number
        for task_id in reversed(self.slots):  # slots are in dependency order
            slot = self.slots[task_id]
            bounds = [late[s] - self.slots[s].task.duration_days for s in after.get(task_id, ())]
            deadline = _deadline(slot)
            bounds += [deadline] if deadline is not None else []
            late[task_id] = min(bounds, default=end)
        return {k: late[k] - s.finish.toordinal() for k, s in self.slots.items()}

    def least_float_chain(self, among: Iterable[str], ends: Iterable[str]) -> list[str]:
        """The chain of least float through the tasks `among` that ends at one of `ends`,
        first to last (empty when no end is among them).

        Of the `ends`, those with the least total float are the candidates; the chain ends
        at the one finishing last and steps back through the predecessor of equal float
        that finishes last, until a task has none — so each step hands straight on to the
        next, and a slip anywhere on the chain moves its end.
        """
        floats = self.floats()
        pool = set(among) & set(self.slots)
        last = [k for k in ends if k in pool]
        if not last:
            return []
        least = min(floats[k] for k in last)
        current: str | None = max(
            (k for k in last if floats[k] == least), key=lambda k: (self.slots[k].finish, k)
        )
        path: list[str] = []
        while current is not None:
            path.append(current)
            before = [d for d in self.slots[current].before if d in pool and floats[d] == least]
            current = max(before, key=lambda k: (self.slots[k].finish, k)) if before else None
        return path[::-1]

    def due_at(self, milestone: str) -> list[str]:
        """The tasks anchored on `milestone` and planned to finish by it."""
        return [
            k
            for k, s in self.slots.items()
            if s.task.anchor == milestone and s.task.offset_days + s.task.duration_days <= 0
        ]

    def due_by(self, day: dt.date) -> list[Slot]:
        """The tasks scheduled to finish on or before `day`, in schedule order."""
        return [slot for slot in self.slots.values() if slot.finish <= day]


def schedule(tasks: Iterable[Task], milestones: Mapping[str, dt.date]) -> Schedule:
    """Schedule `tasks` from the project's `milestones` (a task lasting 0 days is a point)."""
    by_id = {t.id: t for t in tasks}
    order = TopologicalSorter(
        {t.id: [d for d in t.depends_on if d in by_id] for t in by_id.values()}
    ).static_order()
    slots: dict[str, Slot] = {}
    unanchored: dict[str, str] = {}
    for task_id in order:
        task = by_id[task_id]
        anchor = milestones.get(task.anchor)
        if anchor is None:
            unanchored[task_id] = task.anchor
            continue
        slots[task_id] = _place(task, anchor, [slots[d] for d in task.depends_on if d in slots])
    return Schedule(slots, unanchored)


def _deadline(slot: Slot) -> int | None:
    """The day (as a number) a task must be done by: its anchor milestone, when the plan
    finishes it by then; None for work planned after its milestone."""
    task = slot.task
    if task.offset_days + task.duration_days > 0:
        return None
    return slot.planned_start.toordinal() - task.offset_days


def _place(task: Task, anchor: dt.date, before: list[Slot]) -> Slot:
    planned_start = add_days(anchor, task.offset_days)
    start, driver = planned_start, None
    for slot in sorted(before, key=lambda s: (s.finish, s.task.id)):
        if slot.finish > start:
            start, driver = slot.finish, slot.task.id
    return Slot(
        task,
        planned_start,
        add_days(planned_start, task.duration_days),
        start,
        add_days(start, task.duration_days),
        driver,
        tuple(slot.task.id for slot in before),
    )
