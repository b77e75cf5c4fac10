"""When plan tasks happen: each from its anchor milestone, pushed later by its predecessors.

A task is planned at `anchor + offset_days` for `duration_days`. It cannot start before
every task it depends on has finished, so a late predecessor pushes it, and everything
after it, later. Dependencies on items that are not tasks (risks, checks) carry no
dates and do not move the schedule.
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

    def chain(self, task_id: str) -> list[str]:
        """The critical chain to `task_id`, first to last (ending with it).

        Each step back is the predecessor finishing last: the one with the least slack,
        and the one that pushed the task when any did. A slip anywhere on this chain
        delays `task_id` first.
        """
        path: list[str] = []
        current: str | None = task_id
        while current is not None and current in self.slots:
            path.append(current)
            slots = [self.slots[d] for d in self.slots[current].before]
            current = max(slots, key=lambda s: (s.finish, s.task.id)).task.id if slots else None
        return path[::-1]

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
