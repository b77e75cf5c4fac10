"""`score-at-least`: the assessment score (交付评估得分) reaches the pass score."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from journey.rules._base import Context, Hit, RuleOptions, plain, reason
from journey.rules._scope import scopes
from journey.types import AS_NUMBER


class Options(RuleOptions):
    """The score is at least `min_score` (default: the scoring file's pass score)."""

    rule: Literal["score-at-least"]
    min_score: Annotated[float, Field(ge=0, le=100), AS_NUMBER] | None = None
    per: Literal["building", "batch", "project"] = "building"


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each building (batch, project) scored below the pass score; without a
    scoring file in the catalog, one failure saying so."""
    scoring = ctx.project.catalog.scoring
    if scoring is None:
        place = ctx.project.place()
        yield Hit(
            "scoring", plain("scoring"), "customer-relations", "fail", reason("no_scoring"), place
        )
        return
    needed = options.min_score if options.min_score is not None else scoring.pass_score
    for scope in scopes(ctx, options.per):
        score = scope.numbers.score
        if score is not None and score < needed:
            why = reason(
                "score_below",
                score=f"{score:.1f}",
                needed=f"{needed:g}",
                homes=scope.numbers.homes_inspected,
            )
            yield Hit(scope.id, plain(scope.label), "customer-relations", "fail", why, scope.place)
