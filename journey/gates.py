"""Evaluating a stage gate against a project (SPEC §4): rules, waivers, one verdict.

Each rule of the gate yields the items that block or warn (journey.rules); here
they become frozen results, waivers are applied (an item waiver clears one item, a
rule waiver a whole rule, an expired waiver nothing — and the result says so), and
the rules' severities are weighed against `fail_on` for the verdict.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from journey.burndown import Forecast
from journey.errors import UsageProblem
from journey.numbers import AllNumbers
from journey.project_file import PassedGate, WaiverState, waiver_state
from journey.rules import Context, Hit, Reason, RuleOptions, check, details
from journey.types import LocalisedText, Model, Rating
from journey.whatif import MilestoneMove

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.models import Gate
    from journey.project import Project
    from journey.project_file import CheckState, RiskState, TaskState, Waiver

ItemStatus = Literal["fail", "warn", "waived"]
RuleStatus = Literal["pass", "fail", "waived", "warn"]
WaiverUse = Literal["applied", "expired", "not-waivable"]


class ItemResult(Model):
    """One item that blocks, warns or was waived, with where its status is recorded."""

    id: str
    title: LocalisedText
    owner: str  # the accountable profession's id ("" for milestones)
    owner_title: LocalisedText | None = None
    assignee: str | None = None
    status: ItemStatus
    reason: Reason
    file: str
    line: int
    col: int
    sheet: str | None = None  # the worksheet, when the status is a row of the status workbook
    severity: Rating
    waiver: WaiverUse | None = None
    waived_by: str | None = None
    waiver_expires: dt.date | None = None
    batches: tuple[str, ...] = ()  # in a batched result, the batches it stands in
    due: dt.date | None = None  # when it must be settled: its own date, else the milestone's
    note: str | None = None  # what the project team wrote about it in project.yaml
    evidence: str | None = None


class RuleResult(Model):
    """The outcome of one rule instance of the gate."""

    id: str
    rule: str
    title: LocalisedText
    severity: Rating
    status: RuleStatus
    blocks: bool  # failed at or above --fail-on, so it fails the gate
    waivable: bool
    reason: Reason
    items: tuple[ItemResult, ...]
    forecasts: tuple[Forecast, ...] = ()  # findings-closed: when each building is ready


class WaiverResult(Model):
    """A project waiver that this gate consulted, and its state as of the evaluation."""

    target: str
    reason: str
    approved_by: str
    expires: dt.date
    state: WaiverState
    days_left: int
    rules: tuple[str, ...]  # the rules of this gate where it was consulted


class ProjectRef(Model):
    """The project a gate was evaluated on."""

    id: str
    name: LocalisedText
    positioning: str
    positioning_title: LocalisedText | None = None
    stage: str
    path: str


class CatalogRef(Model):
    """The catalog a gate came from."""

    name: str
    version: str


class Counts(Model):
    """Totals of the result, for summaries and dashboards."""

    rules: int
    passed: int
    failed: int
    waived: int
    warned: int
    blocking_rules: int
    items_failed: int
    items_warned: int
    items_waived: int


class BatchResult(Model):
    """The gate evaluated for one batch of a project handed over in batches."""

    id: str
    title: LocalisedText | None = None
    buildings: tuple[str, ...]
    verdict: Literal["pass", "fail"]
    milestone_date: dt.date | None
    rules: tuple[RuleResult, ...]
    counts: Counts
    milestone_passed: bool = False
    recorded: PassedGate | None = None


class GateResult(Model):
    """The canonical result of one gate on one project (`-o json` writes it).

    For a project handed over in batches, `batches` holds each batch's own result and
    `rules` the rules across them (an item that blocks in several batches is one item
    naming them); `batch` is set when the gate was evaluated for one batch alone.

    A gate whose milestone has passed is still evaluated as of the as-of day (that is
    what was asked); `milestone_passed` says so, and `recorded` carries the verdict the
    project recorded at the time (`gates:` in project.yaml), if any."""

    gate: str
    title: LocalisedText
    stage: str
    milestone: str
    milestone_date: dt.date | None
    project: ProjectRef
    catalog: CatalogRef
    as_of: dt.date
    verdict: Literal["pass", "fail"]
    fail_on: Rating
    rules: tuple[RuleResult, ...]
    waivers: tuple[WaiverResult, ...]
    counts: Counts
    batch: str | None = None
    batches: tuple[BatchResult, ...] = ()
    numbers: AllNumbers | None = None
    what_if: tuple[MilestoneMove, ...] = ()  # milestones moved for a what-if
    milestone_passed: bool = False  # the milestone was before the as-of day
    recorded: PassedGate | None = None  # the verdict the project recorded at the time

    @property
    def passed(self) -> bool:
        """True when the verdict is pass."""
        return self.verdict == "pass"


def find_gate(catalog: Catalog, gate_id: str) -> Gate:
    """The gate `gate_id`; an unknown id is a usage problem with a did-you-mean."""
    from journey.validation import suggest

    gate = catalog.gates.get(gate_id)
    if gate is None:
        raise UsageProblem(
            "gate.unknown",
            value=gate_id,
            choices=", ".join(catalog.gates) or "-",
            suggestion=suggest(gate_id, catalog.gates),
        )
    return gate


def evaluate(
    gate_id: str, project: Project, fail_on: Rating = Rating.LOW, batch: str | None = None
) -> GateResult:
    """Evaluate gate `gate_id` on `project` as of `project.as_of`: for one batch when
    `batch` is given, batch by batch when the project has batches, else as a whole."""
    from journey.numbers import all_numbers

    gate = find_gate(project.catalog, gate_id)
    if project.whole is not None:  # already the view of one batch
        batch, project = project.batch.id if project.batch else None, project.whole
    numbers = all_numbers(project)
    moved = {"what_if": project.what_if}
    if batch is not None:
        view = project.for_batch(batch)
        found = _result(gate, view, fail_on, Waivers(view.file.waivers, view.as_of))
        return found.model_copy(update={"batch": batch, "numbers": numbers, **moved})
    if project.file.batches:
        from journey.gates_batched import batched

        return batched(gate, project, fail_on, numbers).model_copy(update=moved)
    found = _result(gate, project, fail_on, Waivers(project.file.waivers, project.as_of))
    return found.model_copy(update={"numbers": numbers, **moved})


def evaluate_rules(
    gate: Gate, project: Project, fail_on: Rating, waivers: Waivers
) -> tuple[RuleResult, ...]:
    """Every rule of `gate` on `project` (or on the view of one batch)."""
    return tuple(_rule(opts, gate, project, waivers, fail_on) for opts in gate.rules)


def _result(gate: Gate, project: Project, fail_on: Rating, waivers: Waivers) -> GateResult:
    rules = evaluate_rules(gate, project, fail_on, waivers)
    day = project.file.milestones.get(gate.milestone)
    return GateResult(
        gate=gate.id,
        title=gate.title,
        stage=gate.stage,
        milestone=gate.milestone,
        milestone_date=project.file.milestones.get(gate.milestone),
        project=ProjectRef(
            id=project.file.id,
            name=project.file.name,
            positioning=project.level,
            positioning_title=_level_title(project),
            stage=project.file.stage,
            path=project.path,
        ),
        catalog=CatalogRef(name=project.catalog.name, version=project.catalog.version),
        as_of=project.as_of,
        verdict="fail" if any(r.blocks for r in rules) else "pass",
        fail_on=fail_on,
        rules=rules,
        waivers=waivers.results(),
        counts=counts_of(rules),
        milestone_passed=day is not None and day < project.as_of,
        recorded=recorded(project, gate.id),
    )


def recorded(project: Project, gate_id: str) -> PassedGate | None:
    """The verdict the project recorded for a gate (for the batch in view, if any); a
    record dated after the as-of day did not exist yet on that day."""
    entry = project.file.gates.get(gate_id)
    found = entry.for_batch(project.batch.id if project.batch else None) if entry else None
    return found if found is not None and found.passed <= project.as_of else None


def _level_title(project: Project) -> LocalisedText | None:
    level = project.catalog.levels.get(project.level)
    return level.title if level else None


# Rules ---------------------------------------------------------------------------


def _rule(
    opts: RuleOptions, gate: Gate, project: Project, waivers: Waivers, fail_on: Rating
) -> RuleResult:
    ctx = Context(project, gate, filtered=opts.waivable)
    items = tuple(_item(h, opts, waivers, ctx) for h in check(opts, ctx))
    failing = [i for i in items if i.status == "fail"]
    severity = max((i.severity for i in failing), key=lambda r: r.rank, default=opts.severity)
    waiver = waivers.lookup((opts.id,), opts.id)
    in_force = waiver is not None and waivers.in_force(waiver)
    status, why = _rule_status(opts, items, waiver, in_force)
    return RuleResult(
        id=opts.id,
        rule=opts.rule,
        title=opts.title or _default_title(opts.rule),
        severity=severity,
        status=status,
        blocks=status == "fail" and severity.rank >= fail_on.rank,
        waivable=opts.waivable,
        reason=why,
        items=items,
        forecasts=details(opts, ctx),
    )


def _rule_status(
    opts: RuleOptions, items: Sequence[ItemResult], waiver: Waiver | None, in_force: bool
) -> tuple[RuleStatus, Reason]:
    fails = sum(i.status == "fail" for i in items)
    if fails and waiver is not None:
        if not opts.waivable:
            return "fail", _reason("rule_not_waivable", count=fails)
        if in_force:
            return "waived", _reason(
                "rule_waived",
                count=fails,
                approved_by=waiver.approved_by,
                expires=str(waiver.expires),
                why=waiver.reason,
            )
        return "fail", _reason("rule_waiver_expired", count=fails, expires=str(waiver.expires))
    if fails:
        return "fail", _reason("rule_failed", count=fails)
    warns = sum(i.status == "warn" for i in items)
    if warns:
        return "warn", _reason("rule_warned", count=warns)
    waived = sum(i.status == "waived" for i in items)
    return "pass", (
        _reason("rule_passed_waived", count=waived) if waived else _reason("rule_passed")
    )


def _item(h: Hit, opts: RuleOptions, waivers: Waivers, ctx: Context) -> ItemResult:
    project = ctx.project
    professions = project.catalog.professions
    state = _state(project, h.id)
    waiver = waivers.lookup((h.id, *h.keys), opts.id)
    status: ItemStatus = h.status
    use: WaiverUse | None = None
    if waiver is not None:
        if not opts.waivable:
            use = "not-waivable"
        elif waivers.in_force(waiver):
            status, use = "waived", "applied"
        else:
            use = "expired"
    return ItemResult(
        id=h.id,
        title=h.title,
        owner=h.owner,
        owner_title=professions[h.owner].title if h.owner in professions else None,
        assignee=h.assignee or getattr(state, "assignee", None),
        status=status,
        reason=h.reason,
        file=h.place.file,
        line=h.place.line,
        col=h.place.col,
        sheet=h.place.sheet or None,
        severity=h.severity or opts.severity,
        waiver=use,
        waived_by=waiver.approved_by if waiver is not None else None,
        waiver_expires=waiver.expires if waiver is not None else None,
        due=h.due or getattr(state, "due", None) or project.file.milestones.get(ctx.gate.milestone),
        note=getattr(state, "note", None),
        evidence=getattr(state, "evidence", None),
    )


def _state(project: Project, item_id: str) -> RiskState | CheckState | TaskState | None:
    """What the project file records about an item, whichever section holds it."""
    file = project.file
    return file.risks.get(item_id) or file.checks.get(item_id) or file.tasks.get(item_id)


def _reason(code: str, **params: str | int) -> Reason:
    return Reason(code=f"gate.{code}", params=dict(params))


def _default_title(rule: str) -> LocalisedText:
    from journey.messages import in_both

    return in_both(f"gate.title.{rule}")


def counts_of(rules: Iterable[RuleResult]) -> Counts:
    by_rule: Counter[str] = Counter()
    by_item: Counter[str] = Counter()
    blocking = 0
    for rule in rules:
        by_rule[rule.status] += 1
        blocking += rule.blocks
        by_item.update(i.status for i in rule.items)
    return Counts(
        rules=sum(by_rule.values()),
        passed=by_rule["pass"],
        failed=by_rule["fail"],
        waived=by_rule["waived"],
        warned=by_rule["warn"],
        blocking_rules=blocking,
        items_failed=by_item["fail"],
        items_warned=by_item["warn"],
        items_waived=by_item["waived"],
    )


# Waivers -------------------------------------------------------------------------


@dataclass
class Waivers:
    """The project's waivers by target, and which rules consulted each."""

    waivers: Sequence[Waiver]
    as_of: dt.date
    consulted: dict[int, list[str]] = field(default_factory=dict)

    def lookup(self, targets: Sequence[str], rule_id: str) -> Waiver | None:
        """The best waiver for any of `targets` (in force before expired, latest first)."""
        found = [(i, w) for i, w in enumerate(self.waivers) if w.target in targets]
        if not found:
            return None
        for i, _ in found:
            rules = self.consulted.setdefault(i, [])
            if rule_id not in rules:
                rules.append(rule_id)
        return max(found, key=lambda iw: (self.in_force(iw[1]), iw[1].expires))[1]

    def in_force(self, waiver: Waiver) -> bool:
        """True until the end of the waiver's `expires` day."""
        return not waiver.expired(self.as_of)

    def results(self) -> tuple[WaiverResult, ...]:
        """The waivers this gate consulted, in project-file order."""
        return tuple(
            WaiverResult(
                target=w.target,
                reason=w.reason,
                approved_by=w.approved_by,
                expires=w.expires,
                state=w.state(self.as_of),
                days_left=(w.expires - self.as_of).days,
                rules=tuple(self.consulted[i]),
            )
            for i, w in enumerate(self.waivers)
            if i in self.consulted
        )


__all__ = [
    "BatchResult",
    "GateResult",
    "ItemResult",
    "RuleResult",
    "WaiverResult",
    "evaluate",
    "find_gate",
    "waiver_state",
]
