"""`findings-closed`: inspection findings are verified, building by building."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from journey.rules._base import Context, Hit, RuleOptions, hit, plain, reason
from journey.types import AS_INT, AS_NUMBER, Slug

if TYPE_CHECKING:
    from journey.burndown import Forecast
    from journey.findings import BuildingStats
    from journey.models import CheckItem
    from journey.problems import Place


class Options(RuleOptions):
    """Per building, the verified share reaches `min_ratio`; nothing blocking or too old is open."""

    rule: Literal["findings-closed"]
    min_ratio: Annotated[float, Field(ge=0, le=1), AS_NUMBER] = 1.0
    max_age_days: Annotated[int, Field(ge=0), AS_INT] | None = None
    checklists: tuple[Slug, ...] = ()


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield buildings below the ratio or with aged findings, then blocking items still open."""
    items = _items(options, ctx)
    owner = _owner(items, ctx)
    for building, stats in sorted(ctx.project.findings.by_building.items()):
        yield from _building(options, ctx, building, stats, owner)
    for item in items:
        found = ctx.project.findings.by_item.get(item.id)
        if item.blocking and found is not None and found.open:
            place = found.first_open or ctx.project.place("findings")
            why = reason("finding_blocking", open=found.open, first=found.first_open_id)
            yield hit(item, place, why)


def _building(
    options: Options, ctx: Context, building: str, stats: BuildingStats, owner: str
) -> Iterator[Hit]:
    place = _building_place(ctx, building)
    contractor = _top_contractor(stats)
    if stats.total and stats.rate < options.min_ratio:
        why = reason(
            "findings_ratio",
            verified=stats.verified,
            total=stats.total,
            rate=f"{stats.rate:.1%}",
            needed=f"{options.min_ratio:.0%}",
            contractor=contractor,
        )
        yield Hit(building, plain(building), owner, "fail", why, place)
    if options.max_age_days is not None:
        aged = stats.older_than(options.max_age_days, ctx.project.as_of)
        if aged:
            why = reason("findings_aged", count=aged, days=options.max_age_days)
            yield Hit(building, plain(building), owner, "fail", why, place)


def details(options: Options, ctx: Context) -> tuple[Forecast, ...]:
    """The burn-down forecast of every building with findings (journey.burndown)."""
    from journey.burndown import forecast

    project = ctx.project
    deadline = project.file.milestones.get(ctx.gate.milestone)
    order = {b: i for i, b in enumerate(project.file.buildings)}
    found = sorted(
        project.findings.by_building.items(), key=lambda kv: (order.get(kv[0], 1 << 30), kv[0])
    )
    return tuple(
        forecast(building, stats, options.min_ratio, project.as_of, deadline)
        for building, stats in found
        if stats.total
    )


def _items(options: Options, ctx: Context) -> list[CheckItem]:
    catalog = ctx.project.catalog
    names = options.checklists or tuple(catalog.checklists)
    return [i for n in names for i in catalog.checklists[n].items if ctx.applies(i)]


def _owner(items: list[CheckItem], ctx: Context) -> str:
    """The profession owning most open findings in scope (acceptance: engineering)."""
    by_item = ctx.project.findings.by_item
    weights: Counter[str] = Counter()
    for item in items:
        stats = by_item.get(item.id)
        weights[item.owner] += stats.open if stats else 0
    if not +weights:
        weights = Counter(i.owner for i in items)
    return weights.most_common(1)[0][0] if weights else ""


def _top_contractor(stats: BuildingStats) -> str:
    top = stats.open_by_contractor.most_common(1)
    return f"{top[0][0]} ({top[0][1]})" if top else "-"


def _building_place(ctx: Context, building: str) -> Place:
    buildings = ctx.project.file.buildings
    if building in buildings:
        return ctx.project.place("buildings", buildings.index(building))
    return ctx.project.place("findings")
