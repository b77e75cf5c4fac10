"""`repairs-on-time`: warranty repairs meet their category's limits (SPEC §13).

Per category, the share of decided repairs that met every limit (respond, on site, fix)
reaches `min_ratio`; no urgent repair is left with nobody on site past its on-site limit;
a joint investigation is recorded wherever the category requires one (and, with
`investigate_repeats`, for every repeat repair), and before the repair is done; repeat
repairs are at most `max_repeat` of all. How each repair is judged: journey.service.repairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from journey.messages import in_both
from journey.rules._base import Context, Hit, RuleOptions, reason
from journey.types import LocalisedText, Slug

if TYPE_CHECKING:
    from journey.problems import Place
    from journey.service.models import RepairCategory
    from journey.service.repairs import CategoryStats

Ratio = Annotated[float, Field(ge=0, le=1)]


class Options(RuleOptions):
    """Repairs of `categories` (default: all) meet their limits; see the module docstring."""

    rule: Literal["repairs-on-time"]
    min_ratio: Ratio = 0.9
    max_repeat: Ratio = 0.05
    min_repairs: Annotated[int, Field(ge=1)] = 1  # decided repairs before a ratio is judged
    investigate_repeats: bool = True
    categories: tuple[Slug, ...] = ()


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each category below its ratio, with urgent repairs left open, or without the
    investigations it needs; then the repeat share when it is too high."""
    catalog = ctx.project.catalog
    repairs = ctx.project.service.repairs
    for cat_id in options.categories or tuple(catalog.repair_categories):
        stats = repairs.by_category.get(cat_id)
        if stats is not None and stats.total:
            yield from _category(options, ctx, catalog.repair_categories[cat_id], stats)
    yield from _repeats(options, ctx)


def _category(
    options: Options, ctx: Context, cat: RepairCategory, stats: CategoryStats
) -> Iterator[Hit]:
    def at(why_code: str, example_of: str, **params: str | int | float | LocalisedText) -> Hit:
        first = stats.first(example_of)
        place = first[1] if first else _register(ctx)
        params["first"] = first[0] if first else "-"
        return Hit(cat.id, cat.title, cat.owner, "fail", reason(why_code, **params), place)

    if stats.decided >= options.min_repairs and stats.rate < options.min_ratio:
        yield at(
            "repairs_ratio", "missed", met=stats.met_all, decided=stats.decided,
            rate=f"{stats.rate:.1%}", needed=f"{options.min_ratio:.0%}",
            respond=_share(stats.respond), onsite=_share(stats.onsite), fix=_share(stats.fix),
        )  # fmt: skip
    if stats.urgent_open:
        hours = f"{cat.onsite_hours:g}"
        yield at("repairs_urgent_open", "urgent_open", count=stats.urgent_open, hours=hours)
    if stats.no_investigation:
        yield at("repairs_no_investigation", "no_investigation", count=stats.no_investigation)
    if options.investigate_repeats and stats.repeat_no_investigation:
        yield at(
            "repairs_repeat_no_investigation", "repeat_no_investigation",
            count=stats.repeat_no_investigation,
        )  # fmt: skip
    if stats.investigated_late:
        yield at("repairs_investigated_late", "investigated_late", count=stats.investigated_late)


def _repeats(options: Options, ctx: Context) -> Iterator[Hit]:
    repairs = ctx.project.service.repairs
    total, repeats = repairs.total, repairs.repeats
    if not total or repeats / total <= options.max_repeat:
        return
    catalog = ctx.project.catalog
    worst = max(repairs.by_category.items(), key=lambda kv: (kv[1].repeats, kv[0]))
    cat = catalog.repair_categories.get(worst[0])
    first = worst[1].first("repeat")
    why = reason(
        "repairs_repeats",
        repeats=repeats,
        total=total,
        share=f"{repeats / total:.1%}",
        allowed=f"{options.max_repeat:.0%}",
        category=cat.title if cat else worst[0],
        count=worst[1].repeats,
    )
    owner = cat.owner if cat else ""
    place = first[1] if first else _register(ctx)
    yield Hit("repeat-repairs", in_both("svc.repeat_repairs"), owner, "fail", why, place)


def _share(pair: list[int]) -> str:
    met, judged = pair
    return f"{met / judged:.0%}" if judged else "-"


def _register(ctx: Context) -> Place:
    return ctx.project.place("repairs")
