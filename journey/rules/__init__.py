"""Gate rule plug-ins: one module per rule type, looked up by its `rule` name.

Each module holds an `Options` model (its fields are the rule's options in a gate)
and `check(options, ctx)`, which yields a `Hit` for each item that blocks or warns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from journey.errors import UnknownRule
from journey.rules import (
    checklist_passed,
    complaints_handled,
    findings_closed,
    kpi_at_least,
    milestone_order,
    red_lines_clear,
    repairs_on_time,
    risks_controlled,
    satisfaction_acted,
    score_at_least,
    tasks_done,
)
from journey.rules._base import Context, Hit, Reason, RuleOptions

if TYPE_CHECKING:
    from journey.burndown import Forecast

RULES: dict[str, ModuleType] = {
    "risks-controlled": risks_controlled,
    "checklist-passed": checklist_passed,
    "findings-closed": findings_closed,
    "tasks-done": tasks_done,
    "red-lines-clear": red_lines_clear,
    "milestone-order": milestone_order,
    "kpi-at-least": kpi_at_least,
    "score-at-least": score_at_least,
    "repairs-on-time": repairs_on_time,
    "complaints-handled": complaints_handled,
    "satisfaction-acted": satisfaction_acted,
}

AnyRule = Annotated[
    risks_controlled.Options
    | checklist_passed.Options
    | findings_closed.Options
    | tasks_done.Options
    | red_lines_clear.Options
    | milestone_order.Options
    | kpi_at_least.Options
    | score_at_least.Options
    | repairs_on_time.Options
    | complaints_handled.Options
    | satisfaction_acted.Options,
    Field(discriminator="rule"),
]


def lookup(rule: str) -> Callable[[Any, Context], Iterator[Hit]]:
    """The `check` function of rule type `rule`; an unknown type names itself."""
    module = RULES.get(rule)
    if module is None:
        raise UnknownRule(f"no gate rule type `{rule}`; known: {', '.join(sorted(RULES))}")
    found: Callable[[Any, Context], Iterator[Hit]] = module.check
    return found


def check(options: RuleOptions, ctx: Context) -> list[Hit]:
    """Run one rule instance of a gate and collect what blocks or warns."""
    return list(lookup(options.rule)(options, ctx))


def details(options: RuleOptions, ctx: Context) -> tuple[Forecast, ...]:
    """What a rule type adds to its result beyond the items (a findings-closed rule: the
    burn-down forecast per building); nothing for most rule types."""
    module = RULES.get(options.rule)
    found: Callable[[Any, Context], tuple[Forecast, ...]] | None = getattr(module, "details", None)
    return found(options, ctx) if found is not None else ()


__all__ = [
    "RULES",
    "AnyRule",
    "Context",
    "Hit",
    "Reason",
    "RuleOptions",
    "check",
    "details",
    "lookup",
]
