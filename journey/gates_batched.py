"""A gate on a project handed over in batches: each batch evaluated on its own, then the
rules taken across the batches (SPEC §12).

The result keeps every batch's own rules in `batches[]`; its top-level `rules` say, rule
by rule, what blocks in any batch. An item that blocks for the same reason in several
batches (a project-wide risk still open) is one item naming them all; one that blocks
for different reasons (a task due on each batch's own date) stays one item per reason.
The verdict fails when any batch fails, so that every output format — JUnit, SARIF,
annotations — agrees with the exit code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.gates import (
    BatchResult,
    GateResult,
    ItemResult,
    RuleResult,
    Waivers,
    counts_of,
    evaluate_rules,
    recorded,
)
from journey.rules import Reason

if TYPE_CHECKING:
    from journey.burndown import Forecast
    from journey.models import Gate
    from journey.numbers import AllNumbers
    from journey.project import Project
    from journey.types import Rating

_ORDER = ("fail", "warn", "waived", "pass")  # the status a rule has across batches


def batched(gate: Gate, project: Project, fail_on: Rating, numbers: AllNumbers) -> GateResult:
    """The gate on every batch of `project`, and the rules taken across them."""
    waivers = Waivers(project.file.waivers, project.as_of)
    parts: list[BatchResult] = []
    for batch in project.file.batches:
        view = project.for_batch(batch.id)
        rules = evaluate_rules(gate, view, fail_on, waivers)
        day = view.file.milestones.get(gate.milestone)
        parts.append(
            BatchResult(
                id=batch.id,
                title=batch.title,
                buildings=batch.buildings,
                verdict="fail" if any(r.blocks for r in rules) else "pass",
                milestone_date=day,
                rules=rules,
                counts=counts_of(rules),
                milestone_passed=day is not None and day < project.as_of,
                recorded=recorded(view, gate.id),
            )
        )
    across = tuple(_across(k, parts) for k in range(len(gate.rules)))
    whole = _whole(gate, project, fail_on, waivers, across, numbers)
    return whole.model_copy(update={"batches": tuple(parts)})


def _whole(
    gate: Gate,
    project: Project,
    fail_on: Rating,
    waivers: Waivers,
    rules: tuple[RuleResult, ...],
    numbers: AllNumbers,
) -> GateResult:
    from journey.gates import _result

    # the result's frame only: its rules are those taken across the batches, not the
    # gate's rules evaluated once more on the whole project
    shell = _result(
        gate.model_copy(update={"rules": ()}), project, fail_on, Waivers((), project.as_of)
    )
    return shell.model_copy(
        update={
            "rules": rules,
            "verdict": "fail" if any(r.blocks for r in rules) else "pass",
            "waivers": waivers.results(),
            "counts": counts_of(rules),
            "numbers": numbers,
        }
    )


def _across(k: int, parts: list[BatchResult]) -> RuleResult:
    """Rule `k` across every batch: its worst status, and its items each once."""
    rules = [(part.id, part.rules[k]) for part in parts]
    items: dict[tuple[object, ...], ItemResult] = {}
    for batch_id, rule in rules:
        for item in rule.items:
            key = (item.id, item.status, item.file, item.line, item.reason.code,
                   tuple(sorted((name, str(v)) for name, v in item.reason.params.items())))  # fmt: skip
            seen = items.get(key)
            names = (*seen.batches, batch_id) if seen is not None else (batch_id,)
            items[key] = (seen or item).model_copy(update={"batches": names})
    status = min((rule.status for _, rule in rules), key=_ORDER.index)
    failing = [(b, rule) for b, rule in rules if rule.status == "fail"]
    first = rules[0][1]
    severity = max(
        (rule.severity for _, rule in failing), key=lambda r: r.rank, default=first.severity
    )
    return first.model_copy(
        update={
            "status": status,
            "severity": severity,
            "blocks": any(rule.blocks for _, rule in rules),
            "reason": _reason(status, rules, failing, list(items.values())),
            "items": tuple(items.values()),
            "forecasts": _forecasts(k, parts),
        }
    )


def _forecasts(k: int, parts: list[BatchResult]) -> tuple[Forecast, ...]:
    """Every building's forecast of rule `k`, then each batch's (ready with its last)."""
    from journey.burndown import batch_forecast

    buildings = [f for part in parts for f in part.rules[k].forecasts]
    batches = [
        batch_forecast(part.id, part.rules[k].forecasts, part.milestone_date)
        for part in parts
        if part.rules[k].forecasts
    ]
    return (*buildings, *batches)


def _reason(
    status: str,
    rules: list[tuple[str, RuleResult]],
    failing: list[tuple[str, RuleResult]],
    items: list[ItemResult],
) -> Reason:
    if status == "fail":
        blocking = sum(1 for item in items if item.status == "fail")
        names = ", ".join(batch for batch, _ in failing)
        return Reason(code="gate.rule_failed_in", params={"count": blocking, "batches": names})
    same = [rule for _, rule in rules if rule.status == status]
    return same[0].reason
