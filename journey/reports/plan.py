"""The delivery plan: the scheduled tasks, acceptance rounds, rectification, preparation."""

from __future__ import annotations

import datetime as dt

from journey.burndown import RECENT_DAYS
from journey.dates import add_days
from journey.findings import BuildingStats
from journey.gates import GateResult
from journey.numbers import AllNumbers, Numbers
from journey.project import Project
from journey.reports._common import (
    Outcomes,
    gate_outcomes,
    gate_waivers,
    header,
    profession,
    project_numbers,
    waived,
)
from journey.reports._work import gate_work
from journey.reports.models import (
    BuildingRow,
    BurnDownChart,
    CountRow,
    DeliveryPlan,
    KeyCustomer,
    NumberRow,
    RoundRow,
    TaskRow,
)
from journey.reports.svg import burndown_chart, gantt, phone_gantt
from journey.schedule import Schedule, Slot, schedule

AT_RISK_DAYS = 7
TOP_CONTRACTORS = 10
OPEN_DAY_PHASES = frozenset({"open-day"})
ROUND_ORDER = ("civil", "installation", "final")  # the three simulated-acceptance rounds
DELIVERY = "delivery"  # the milestone, and the gate, the plan leads to


def delivery_plan(
    project: Project, lang: str = "en", gates: Outcomes | None = None
) -> DeliveryPlan:
    """The delivery plan of a project in `lang`; `gates` are precomputed gate results."""
    outcomes = gate_outcomes(project) if gates is None else gates
    gate_id = plan_gate(project)
    result = outcomes.get(gate_id) if gate_id else None
    tasks = [t for t in project.catalog.tasks.values() if project.applies(t)]
    plan = schedule(tasks, project.file.milestones)
    chain = critical_chain(project, plan)
    floats = plan.floats()
    rows = sorted(
        (_task_row(project, slot, frozenset(chain), floats, lang) for slot in plan.slots.values()),
        key=lambda r: (r.start, r.finish, r.id),
    )
    summary = project.findings
    total = sum(s.total for s in summary.by_building.values())
    verified = sum(s.verified for s in summary.by_building.values())
    milestones = project.file.milestones
    return DeliveryPlan(
        header=header(project, "delivery-plan", lang, outcomes),
        gantt=gantt(rows, milestones, project.as_of, lang),
        phone_gantt=phone_gantt(rows, milestones, project.as_of, lang),
        tasks=tuple(rows),
        critical_path=tuple(chain),
        last_task=chain[-1] if chain else "",
        gate=gate_id or "",
        gate_title=project.catalog.gates[gate_id].title.get(lang) if gate_id else "",
        work=gate_work(result, lang),
        waivers=gate_waivers(result),
        burndown=burndown(project, result, lang),
        unanchored=tuple(sorted(plan.unanchored.items())),
        rounds=_rounds(project, lang),
        buildings=_buildings(project),
        findings_total=total,
        findings_verified=verified,
        rate=verified / total if total else 1.0,
        ageing=tuple(CountRow(label=k, count=v) for k, v in summary.ageing(project.as_of).items()),
        contractors=tuple(
            CountRow(label=name, count=n)
            for name, n in summary.open_by_contractor.most_common(TOP_CONTRACTORS)
            if n
        ),
        preparation=tuple(r for r in rows if r.category == "customer-preparation"),
        emergency=tuple(r for r in rows if r.category == "emergency"),
        numbers=number_rows(project, project_numbers(project, outcomes)),
        has_score=project.catalog.scoring is not None,
        **_homes(project, lang),
    )


def number_rows(project: Project, numbers: AllNumbers) -> tuple[NumberRow, ...]:
    """The rows of the whole project's `numbers` that a report on `project` shows: the
    project, each batch and each building (of a batch: the batch and its buildings)."""
    from journey.numbers import numbers_of

    scopes: list[tuple[str, str, Numbers]] = []
    if project.batch is not None:
        scopes.append((project.batch.id, "batch", numbers.batches[project.batch.id]))
    else:
        scopes.append((project.file.id, "project", numbers.project))
        scopes += [(b, "batch", n) for b, n in numbers.batches.items()]
    for b in project.buildings or sorted(project.findings.by_building):
        found = numbers.buildings.get(b)  # None: no findings, and the project lists none
        scopes.append(
            (b, "building", numbers_of(project.whole or project, [b]) if found is None else found)
        )
    return tuple(NumberRow(scope=name, level=level, **n.model_dump()) for name, level, n in scopes)


def _homes(project: Project, lang: str) -> dict[str, object]:
    from journey.messages import text
    from journey.units import KNOWN_TAGS, home_states

    states = home_states(project)

    def tag(name: str) -> str:
        return text(f"tag.{name}", lang) if name in KNOWN_TAGS else name

    key = tuple(
        KeyCustomer(
            building=h.building, unit=h.unit, tags=tuple(tag(t) for t in h.tags), open=h.open,
            blocking_open=h.blocking_open, first_blocking=h.first_blocking, disputed=h.disputed,
            deliverable=h.deliverable,
        )
        for h in states
        if h.tags
    )  # fmt: skip
    return {
        "key_customers": key,
        "homes": len(states),
        "homes_held": sum(not h.deliverable for h in states),
    }


def plan_gate(project: Project) -> str | None:
    """The gate the plan is judged by: `delivery`, else the first gate at that milestone."""
    found = project.catalog.gates
    if DELIVERY in found:
        return DELIVERY
    return next((g.id for g in found.values() if g.milestone == DELIVERY), None)


def critical_chain(project: Project, plan: Schedule) -> list[str]:
    """The least-float chain of open tasks ending at a task due by delivery (or, without
    a delivery date, at any open task)."""
    open_tasks = [k for k in plan.slots if project.task_status(k) != "done"]
    ends = plan.due_at(DELIVERY) if DELIVERY in project.file.milestones else open_tasks
    return plan.least_float_chain(open_tasks, ends)


def burndown(project: Project, result: GateResult | None, lang: str) -> tuple[BurnDownChart, ...]:
    """Per building, then per batch: the share verified over time and the forecast of the
    gate's findings-closed rule (none without one)."""
    from functools import partial

    from journey.burndown import history, merged
    from journey.messages import format_date
    from journey.output._forecast import pace, sentence

    if result is None:
        return ()
    rule = next((r for r in result.rules if r.rule == "findings-closed"), None)
    if rule is None:
        return ()
    by_building = project.findings.by_building
    out = []
    for f in rule.forecasts:
        if f.level == "building":
            stats = by_building.get(f.scope)
        else:
            batch = next((b for b in project.file.batches if b.id == f.scope), None)
            names = batch.buildings if batch else ()
            stats = merged(by_building[b] for b in names if b in by_building)
        points = history(stats, project.as_of) if stats is not None else ()
        shares = [(p.day, p.verified / p.found if p.found else 1.0) for p in points]
        words = sentence(f, lang, result.milestone, partial(format_date, lang=lang))
        chart = BurnDownChart(**f.model_dump(exclude={"recent_closed"}), ratio=f.ratio,
                              recent_days=RECENT_DAYS, sentence=words, pace=pace(f, lang))  # fmt: skip
        out.append(burndown_chart(chart, shares, project.as_of))
    return tuple(out)


def _task_row(
    project: Project, slot: Slot, critical: frozenset[str], floats: dict[str, int], lang: str
) -> TaskRow:
    task = slot.task
    state = project.file.tasks.get(task.id)
    status = project.task_status(task.id)
    pending = status != "done"
    late = pending and slot.finish < project.as_of
    soon = slot.finish <= add_days(project.as_of, AT_RISK_DAYS)
    return TaskRow(
        id=task.id,
        title=task.title.get(lang),
        owner=profession(project, task.owner, lang),
        assignee=(state and state.assignee) or "",
        category=task.category or "",
        status=status,
        start=slot.start,
        finish=slot.finish,
        pushed_days=slot.pushed_days,
        critical=task.id in critical,
        late=late,
        at_risk=pending and not late and (slot.pushed_days > 0 or soon),
        note=(state and state.note) or "",
        float_days=floats.get(task.id) if pending else None,
    )


def _rounds(project: Project, lang: str) -> tuple[RoundRow, ...]:
    out = []
    for checklist in project.catalog.checklists.values():
        if checklist.phase in OPEN_DAY_PHASES or checklist.id in OPEN_DAY_PHASES:
            continue
        items = [i for i in checklist.items if project.applies(i)]
        status = {i.id: project.check_status(i.id) for i in items}
        values = list(status.values())
        out.append(
            RoundRow(
                id=checklist.id,
                title=checklist.title.get(lang),
                phase=checklist.phase or "",
                total=len(items),
                passed=values.count("pass"),
                failed=values.count("fail"),
                pending=values.count("pending"),
                not_applicable=values.count("n/a"),
                blocking_failed=tuple(
                    i.id
                    for i in items
                    if i.blocking and status[i.id] == "fail" and not waived(project, i.id)
                ),
                waived=tuple(
                    i.id for i in items if status[i.id] == "fail" and waived(project, i.id)
                ),
            )
        )
    return tuple(sorted(out, key=_round_key))


def _round_key(row: RoundRow) -> tuple[int, str]:
    rank = ROUND_ORDER.index(row.phase) if row.phase in ROUND_ORDER else len(ROUND_ORDER)
    return rank, row.id


def _buildings(project: Project) -> tuple[BuildingRow, ...]:
    stats = project.findings.by_building
    names = list(project.file.buildings) + sorted(set(stats) - set(project.file.buildings))
    return tuple(_building(name, stats.get(name, BuildingStats()), project.as_of) for name in names)


def _building(name: str, stats: BuildingStats, as_of: dt.date) -> BuildingRow:
    return BuildingRow(
        building=name,
        total=stats.total,
        verified=stats.verified,
        open=stats.open,
        rate=stats.rate,
        older_30=stats.older_than(30, as_of),
    )
