"""`milestone-order`: project milestones keep their order and spacing."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Annotated, Literal

from pydantic import Field

from journey.rules._base import Context, Hit, RuleOptions, plain, reason
from journey.types import AS_INT, MilestoneName


class Options(RuleOptions):
    """Each milestone of `order` falls at least `min_days` after the one before it."""

    rule: Literal["milestone-order"]
    order: Annotated[tuple[MilestoneName, ...], Field(min_length=2)]
    min_days: Annotated[int, Field(ge=0), AS_INT] = 1


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each missing milestone, and each one too close to (or before) its predecessor."""
    project = ctx.project
    dates = project.file.milestones
    for name in options.order:
        if name not in dates:
            place = project.status_place("milestones", name)
            yield Hit(name, plain(name), "", "fail", reason("milestone_missing"), place)
    present = [name for name in options.order if name in dates]
    for before, after in pairwise(present):
        gap = (dates[after] - dates[before]).days
        if gap < options.min_days:
            why = reason(
                "milestone_gap",
                before=before,
                before_date=str(dates[before]),
                after_date=str(dates[after]),
                gap=gap,
                min_days=options.min_days,
            )
            place = project.status_place("milestones", after)
            yield Hit(after, plain(after), "", "fail", why, place)
