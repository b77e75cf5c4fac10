"""Gate rule plug-ins: one module per rule type, looked up by its `rule` name."""

from __future__ import annotations

from types import ModuleType
from typing import Annotated

from pydantic import Field

from journey.rules import (
    checklist_passed,
    findings_closed,
    milestone_order,
    red_lines_clear,
    risks_controlled,
    tasks_done,
)

RULES: dict[str, ModuleType] = {
    "risks-controlled": risks_controlled,
    "checklist-passed": checklist_passed,
    "findings-closed": findings_closed,
    "tasks-done": tasks_done,
    "red-lines-clear": red_lines_clear,
    "milestone-order": milestone_order,
}

AnyRule = Annotated[
    risks_controlled.Options
    | checklist_passed.Options
    | findings_closed.Options
    | tasks_done.Options
    | red_lines_clear.Options
    | milestone_order.Options,
    Field(discriminator="rule"),
]

__all__ = ["RULES", "AnyRule"]
