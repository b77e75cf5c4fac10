"""`satisfaction-acted`: every weak satisfaction dimension has an improvement action
(SPEC §13; seed 002 step 5: "the core work of customer satisfaction is not evaluation,
but improvement").

A dimension whose index (mean of perceived ÷ expected over its answers) is below its
target — overall, or with `by_stage` at any life-cycle stage with enough answers — needs
an action in `actions:` of project.yaml with an owner, a due date and a standard (how it
is judged done) that is not overdue. A dimension with fewer than `min_answers` answers is
not judged: it warns.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from journey.rules._base import Context, Hit, RuleOptions, reason

if TYPE_CHECKING:
    from journey.service.models import Action, Dimension


class Options(RuleOptions):
    """Weak dimensions (below target) have a sound, current action."""

    rule: Literal["satisfaction-acted"]
    min_answers: Annotated[int, Field(ge=1)] = 1
    by_stage: bool = False


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each weak dimension without a sound action, and each with too few answers."""
    project = ctx.project
    surveys = project.service.surveys
    for dim in project.catalog.dimensions.values():
        cell = surveys.dimension(dim.id)
        if not cell.answers:
            continue
        place = project.place("surveys")
        if cell.answers < options.min_answers:
            why = reason(
                "satisfaction_few_answers", answers=cell.answers, needed=options.min_answers
            )
            yield Hit(dim.id, dim.title, dim.owner, "warn", why, place)
            continue
        weak = _weakness(options, ctx, dim, cell.index)
        if weak is not None:
            yield from _actions(ctx, dim, weak)


def _weakness(
    options: Options, ctx: Context, dim: Dimension, index: float | None
) -> tuple[str, str] | None:
    """(index, stage id or "") of the weakest judged index below target (`index`: the
    dimension's overall), else None."""
    surveys = ctx.project.service.surveys
    found: tuple[float, str] | None = None
    if index is not None and index < dim.target:
        found = (index, "")
    if options.by_stage:
        for stage in ctx.project.catalog.life_stages.values():
            cell = surveys.cells.get((dim.id, stage.id))
            if cell is None or cell.answers < options.min_answers or cell.index is None:
                continue
            if cell.index < dim.target and (found is None or cell.index < found[0]):
                found = (cell.index, stage.id)
    if found is None:
        return None
    return f"{found[0]:.2f}", found[1]


def _actions(ctx: Context, dim: Dimension, weak: tuple[str, str]) -> Iterator[Hit]:
    project = ctx.project
    index, stage_id = weak
    stage = project.catalog.life_stages.get(stage_id)
    actions = [(i, a) for i, a in enumerate(project.file.actions) if a.dimension == dim.id]
    if not actions:
        target = f"{dim.target:.2f}"
        why = (
            reason("satisfaction_no_action", index=index, target=target)
            if stage is None
            else reason(
                "satisfaction_no_action_stage", index=index, target=target, stage=stage.title
            )
        )
        yield Hit(dim.id, dim.title, dim.owner, "fail", why, project.place("actions"))
        return
    if any(a.standard is not None and not a.overdue(project.as_of) for _, a in actions):
        return
    for i, action in actions:
        yield _unsound(ctx, dim, i, action, index)


def _unsound(ctx: Context, dim: Dimension, i: int, action: Action, index: str) -> Hit:
    project = ctx.project
    if action.standard is None:
        why = reason("satisfaction_no_standard", action=action.id, index=index)
        place = project.place("actions", i)
    else:
        why = reason("satisfaction_action_overdue", action=action.id, due=str(action.due))
        place = project.place("actions", i, "due")
    return Hit(dim.id, dim.title, dim.owner, "fail", why, place, assignee=action.assignee)
