"""What every report builder shares: the header, gate verdicts, waivers and names."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from journey import gates
from journey.gates import GateResult, RuleResult, WaiverResult
from journey.numbers import AllNumbers, all_numbers
from journey.project import Project
from journey.project_file import Waiver, WaiverState
from journey.reports.models import (
    BatchBadge,
    GateBadge,
    GateState,
    Header,
    Milestone,
    WaiverRow,
)
from journey.whatif import summary

Outcomes = Mapping[str, GateResult]  # gate id -> its result for the project
# The report that shows a gate's detail, by the gate's milestone (else the risk assessment).
MILESTONE_REPORTS = {"open_day": "open-day", "delivery": "delivery-plan"}


def gate_outcomes(project: Project) -> dict[str, GateResult]:
    """Every catalog gate evaluated against the project, once for all the pages."""
    return {gate_id: gates.evaluate(gate_id, project) for gate_id in project.catalog.gates}


def project_numbers(project: Project, outcomes: Outcomes) -> AllNumbers:
    """The numbers of the whole project (SPEC §12) as every gate result carries them;
    computed here only when no gate was evaluated."""
    found = next((r.numbers for r in outcomes.values() if r.numbers is not None), None)
    return found if found is not None else all_numbers(project.whole or project)


def gate_badges(project: Project, lang: str, outcomes: Outcomes | None) -> tuple[GateBadge, ...]:
    """A badge per gate due at the project's stage (a later one would pass with nothing to
    judge); `unknown` when it was not evaluated."""
    found = gate_outcomes(project) if outcomes is None else outcomes
    due = project.catalog.gates_due(project.file.stage)
    return tuple(_badge(project, gate.id, lang, found.get(gate.id)) for gate in due)


def _badge(project: Project, gate_id: str, lang: str, result: GateResult | None) -> GateBadge:
    gate = project.catalog.gates[gate_id]
    report = MILESTONE_REPORTS.get(gate.milestone, "risk-assessment")
    base = GateBadge(
        id=gate_id,
        title=gate.title.get(lang),
        verdict="unknown",
        milestone=gate.milestone,
        milestone_date=project.file.milestones.get(gate.milestone),
        report=report,
    )
    if result is None:
        return base
    batches = tuple(
        BatchBadge(
            id=b.id,
            buildings=b.buildings,
            verdict=b.verdict,
            state=_state(b.milestone_passed, b.recorded is not None),
            milestone_date=b.milestone_date,
            recorded_on=b.recorded.passed if b.recorded else None,
            recorded_by=b.recorded.by if b.recorded else "",
        )
        for b in result.batches
    )
    record = result.recorded
    passed = result.milestone_passed and (not batches or all(b.state != "live" for b in batches))
    state = _state(passed, record is not None)
    failed = () if state != "live" else tuple(r.title.get(lang) for r in failed_rules(result))
    return base.model_copy(
        update={
            "verdict": result.verdict,
            "failed": failed,  # a past gate shows what was recorded, not today's failures
            "batches": batches,
            "state": state,
            "recorded_on": record.passed if record else None,
            "recorded_by": record.by if record else "",
            "recorded_note": (record.note or "") if record else "",
        }
    )


def _state(passed: bool, recorded: bool) -> GateState:
    if not passed:
        return "live"
    return "recorded" if recorded else "not-recorded"


def failed_rules(result: GateResult) -> list[RuleResult]:
    """The rule results of a gate result whose status is `fail`."""
    return [rule for rule in result.rules if rule.status == "fail"]


def header(project: Project, report: str, lang: str, outcomes: Outcomes | None = None) -> Header:
    """The header of a report: project, catalog, level, stage, as-of, milestones, gates."""
    catalog = project.catalog
    level = catalog.levels.get(project.level)
    stage = catalog.stages.get(project.file.stage)
    return Header(
        report=report,
        lang=lang,
        project_id=project.file.id,
        project_name=project.file.name.get(lang),
        catalog_name=catalog.name,
        catalog_version=catalog.version,
        level=level.title.get(lang) if level else project.level,
        stage=stage.title.get(lang) if stage else project.file.stage,
        as_of=project.as_of,
        milestones=tuple(
            Milestone(name=name, date=day)
            for name, day in sorted(project.file.milestones.items(), key=lambda kv: kv[1])
        ),
        gates=gate_badges(project, lang, outcomes),
        batch=project.batch.id if project.batch else "",
        batch_buildings=project.batch.buildings if project.batch else (),
        what_if=summary(project.what_if, lang),
    )


def waiver_for(project: Project, target: str) -> WaiverRow | None:
    """The latest-expiring waiver for `target`, in force or not."""
    found = [w for w in project.file.waivers if w.target == target]
    if not found:
        return None
    w = max(found, key=lambda w: w.expires)
    return _waiver_row(w, w.state(project.as_of))


def gate_waivers(result: GateResult | None) -> tuple[WaiverRow, ...]:
    """The waivers a gate consulted, expired ones too, as the gate saw them."""
    if result is None:
        return ()
    return tuple(_waiver_row(w, w.state) for w in result.waivers)


def _waiver_row(w: Waiver | WaiverResult, state: WaiverState) -> WaiverRow:
    return WaiverRow(
        target=w.target,
        reason=w.reason,
        approved_by=w.approved_by,
        expires=w.expires,
        in_force=state != "expired",
        state=state,
    )


def waived(project: Project, target: str) -> bool:
    """True when a waiver for `target` is in force on the as-of date."""
    row = waiver_for(project, target)
    return row is not None and row.in_force


def profession(project: Project, prof_id: str, lang: str) -> str:
    """A profession's title in `lang` (its id when the catalog lacks it)."""
    return project.catalog.profession_title(prof_id, lang)


def stage_title(project: Project, stage_id: str, lang: str) -> str:
    """A stage's title in `lang` (its id when the catalog lacks it)."""
    stage = project.catalog.stages.get(stage_id)
    return stage.title.get(lang) if stage else stage_id


def first(values: Iterable[str | None]) -> str:
    """The first non-empty value, or ``""``."""
    return next((v for v in values if v), "")
