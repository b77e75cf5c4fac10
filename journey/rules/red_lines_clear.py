"""`red-lines-clear`: no red-line sensitive point has an open risk, failed check or finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal

from journey.rules._base import Context, Hit, RuleOptions, hit, reason
from journey.types import RISK_DONE, Slug

if TYPE_CHECKING:
    from journey.catalog import AnyItem
    from journey.models import Point
    from journey.project import Project

Applies = Callable[["AnyItem"], bool]


class Options(RuleOptions):
    """Red-line points whose stage is at or before `through_stage` (default: all) are clear."""

    rule: Literal["red-lines-clear"]
    through_stage: Slug | None = None


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each open risk, failed check or open finding linked to a red-line point."""
    yield from _hits(ctx.project, ctx.applies, options.through_stage)


def open_red_lines(project: Project) -> Iterator[Hit]:
    """Every open risk, failed check or open finding on a red line of the stages the
    project has reached (all of them after delivery) that applies to its level, whatever
    waivers say: what a portfolio lists as red lines held open."""
    yield from _hits(project, project.applies, project.file.stage)


def _hits(project: Project, applies: Applies, through_stage: str | None) -> Iterator[Hit]:
    for point in _red_lines(project, applies, through_stage):
        yield from _risks(point, project, applies)
        yield from _checks(point, project, applies)


def _red_lines(project: Project, applies: Applies, through_stage: str | None) -> list[Point]:
    catalog = project.catalog
    limit = catalog.stage_rank(through_stage) if through_stage else None
    return [
        p
        for p in catalog.points.values()
        if p.red_line and applies(p) and (limit is None or catalog.stage_rank(p.stage) <= limit)
    ]


def _risks(point: Point, project: Project, applies: Applies) -> Iterator[Hit]:
    for risk in project.risks().values():
        if point.id not in risk.points or not applies(risk):
            continue
        status = project.risk_status(risk.id)
        if status in RISK_DONE:
            continue
        code = "red_risk_open" if risk.id in project.file.risks else "red_risk_unlisted"
        why = reason(code, status=status, point=point.id, point_title=point.title)
        place = project.status_place("risks", risk.id)
        yield hit(risk, place, why, keys=(point.id,))


def _checks(point: Point, project: Project, applies: Applies) -> Iterator[Hit]:
    for item in project.catalog.check_items.values():
        if point.id not in item.points or not applies(item):
            continue
        if project.check_status(item.id) == "fail":
            why = reason("red_check_failed", point=point.id, point_title=point.title)
            yield hit(item, project.status_place("checks", item.id), why, keys=(point.id,))
        stats = project.findings.by_item.get(item.id)
        if stats is not None and stats.open:
            why = reason(
                "red_finding_open",
                open=stats.open,
                first=stats.first_open_id,
                point=point.id,
                point_title=point.title,
            )
            place = stats.first_open or project.place("findings")
            yield hit(item, place, why, keys=(point.id,))
