"""`risks-controlled`: every applicable risk rated at or above a threshold is under control."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from journey.rules._base import Context, Hit, RuleOptions, hit, reason
from journey.types import RISK_DONE, Rating, Slug

if TYPE_CHECKING:
    from journey.models import Risk


class Options(RuleOptions):
    """Risks of one phase (or one stage) rated `min_rating` or above must be closed."""

    rule: Literal["risks-controlled"]
    phase: Literal["sales", "delivery"] | None = None
    stage: Slug | None = None
    min_rating: Rating = Rating.LOW

    @model_validator(mode="after")
    def _one_scope(self) -> Options:
        if self.phase is not None and self.stage is not None:
            raise PydanticCustomError(
                "rule.options", "{detail}", {"detail": "give either `phase` or `stage`, not both"}
            )
        return self


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each applicable risk in scope, rated `min_rating` or above, that is still open."""
    project = ctx.project
    for risk in project.risks().values():
        if not _in_scope(options, ctx, risk):
            continue
        rating = project.rating(risk)
        status = project.risk_status(risk.id)
        if rating.rank < options.min_rating.rank or status in RISK_DONE:
            continue
        state = project.file.risks.get(risk.id)
        why = (
            reason("risk_unlisted", rating=rating.value)
            if state is None
            else reason("risk_open", status=status, rating=rating.value)
        )
        if state is not None and state.due is not None and state.due < project.as_of:
            why = reason("risk_overdue", status=status, rating=rating.value, due=str(state.due))
        place = project.status_place("risks", risk.id)
        assignee, due = (state.assignee, state.due) if state else (None, None)
        yield hit(risk, place, why, severity=rating, assignee=assignee, due=due)


def _in_scope(options: Options, ctx: Context, risk: Risk) -> bool:
    if options.phase is not None and ctx.project.risk_phase(risk.id) != options.phase:
        return False
    if options.stage is not None and risk.stage != options.stage:
        return False
    return ctx.applies(risk)
