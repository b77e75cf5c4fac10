"""`tasks-done`: plan tasks scheduled to finish by the gate's milestone are done."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from journey.rules._base import Context, Hit, RuleOptions, hit, plain, reason
from journey.types import LocalisedText


class Options(RuleOptions):
    """Tasks whose scheduled finish is on or before the gate milestone must be `done`."""

    rule: Literal["tasks-done"]


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield tasks due by the gate's milestone and not done; warn on unschedulable ones."""
    from journey.schedule import schedule

    project = ctx.project
    milestone = ctx.gate.milestone
    day = project.file.milestones.get(milestone)
    if day is None:
        place = project.status_place("milestones", milestone)
        yield Hit(milestone, plain(milestone), "", "fail", reason("milestone_missing"), place)
        return
    named = _named(milestone)
    tasks = [t for t in project.catalog.tasks.values() if ctx.applies(t)]
    plan = schedule(tasks, project.file.milestones)
    for slot in plan.due_by(day):
        status = project.task_status(slot.task.id)
        if status == "done":
            continue
        state = project.file.tasks.get(slot.task.id)
        code = "task_late" if slot.finish < project.as_of else "task_due"
        why = reason(code, status=status, finish=str(slot.finish), milestone=named)
        place = project.status_place("tasks", slot.task.id)
        assignee = state.assignee if state else None
        yield hit(slot.task, place, why, assignee=assignee, due=slot.finish)
    for task_id, anchor in plan.unanchored.items():
        if project.task_status(task_id) != "done":
            task = project.catalog.tasks[task_id]
            place = project.status_place("tasks", task_id)
            yield hit(task, place, reason("task_unanchored", anchor=anchor), status="warn")


def _named(milestone: str) -> LocalisedText:
    """The milestone as readers call it in each language (交付 for `delivery`)."""
    from journey.messages import milestone_name

    return LocalisedText(en=milestone_name(milestone, "en"), zh=milestone_name(milestone, "zh"))
