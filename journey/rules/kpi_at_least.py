"""`kpi-at-least`: a number the project is judged by (SPEC §12) reaches its target."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from journey.numbers import Metric
from journey.rules._base import Context, Hit, RuleOptions, plain, reason
from journey.rules._scope import Scope, scopes
from journey.types import AS_NUMBER, LocalisedText

if TYPE_CHECKING:
    from journey.numbers import Numbers


class Options(RuleOptions):
    """`metric` is at least `min` or at most `max`, per building, per batch or in all."""

    rule: Literal["kpi-at-least"]
    metric: Metric
    min: Annotated[float, AS_NUMBER] | None = None
    max: Annotated[float, AS_NUMBER] | None = None
    per: Literal["building", "batch", "project"] = "building"

    @model_validator(mode="after")
    def _one_bound(self) -> Options:
        if (self.min is None) == (self.max is None):
            raise PydanticCustomError(
                "rule.options", "{detail}", {"detail": "give either `min` or `max`"}
            )
        return self


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each building (batch, project) whose number misses the target; a number
    with nothing to count (no findings, no dates) is not judged."""
    for scope in scopes(ctx, options.per):
        value = scope.numbers.get(options.metric)
        if value is None or _meets(options, value):
            continue
        yield _hit(options, ctx, scope, value, scope.numbers)


def _meets(options: Options, value: float) -> bool:
    if options.min is not None:
        return value >= options.min
    return options.max is None or value <= options.max


def _hit(options: Options, ctx: Context, scope: Scope, value: float, numbers: Numbers) -> Hit:
    code = "kpi_below" if options.min is not None else "kpi_above"
    bound = options.min if options.min is not None else options.max
    why = reason(
        code,
        metric=metric_name(options.metric),
        value=_shown(options.metric, value),
        bound=_shown(options.metric, bound or 0.0),
        findings=numbers.findings,
    )
    return Hit(scope.id, plain(scope.label), "customer-relations", "fail", why, scope.place)


def metric_name(metric: str) -> LocalisedText:
    """A metric's name in both languages."""
    from journey.messages import in_both

    return in_both(f"metric.{metric}")


def _shown(metric: str, value: float) -> str:
    if metric.endswith(("rate", "share")):
        return f"{value:.1%}"
    if metric in ("findings", "homes_inspected", "days_to_close_p90"):
        return f"{value:.0f}"
    return f"{value:.1f}"
