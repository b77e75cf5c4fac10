"""The delivery plan: the scheduled tasks, acceptance rounds, rectification, preparation."""

from __future__ import annotations

import datetime as dt

from journey.dates import add_days
from journey.findings import BuildingStats
from journey.project import Project
from journey.reports._common import Outcomes, header, profession, waived
from journey.reports.models import (
    BuildingRow,
    CountRow,
    DeliveryPlan,
    KeyCustomer,
    NumberRow,
    RoundRow,
    TaskRow,
)
from journey.reports.svg import gantt
from journey.schedule import Schedule, Slot, schedule

AT_RISK_DAYS = 7
TOP_CONTRACTORS = 10
OPEN_DAY_PHASES = frozenset({"open-day"})
ROUND_ORDER = ("civil", "installation", "final")  # the three simulated-acceptance rounds


def delivery_plan(
    project: Project, lang: str = "en", gates: Outcomes | None = None
) -> DeliveryPlan:
    """The delivery plan of a project in `lang`; `gates` are precomputed gate results."""
    tasks = [t for t in project.catalog.tasks.values() if project.applies(t)]
    plan = schedule(tasks, project.file.milestones)
    last = last_task(plan, project.file.milestones.get("delivery"))
    critical = frozenset(plan.chain(last)) if last else frozenset()
    rows = sorted(
        (_task_row(project, slot, critical, lang) for slot in plan.slots.values()),
        key=lambda r: (r.start, r.finish, r.id),
    )
    summary = project.findings
    total = sum(s.total for s in summary.by_building.values())
    verified = sum(s.verified for s in summary.by_building.values())
    return DeliveryPlan(
        header=header(project, "delivery-plan", lang, gates),
        gantt=gantt(rows, project.file.milestones, project.as_of, lang),
        tasks=tuple(rows),
        critical_path=tuple(plan.chain(last)) if last else (),
        last_task=last or "",
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
        numbers=number_rows(project),
        has_score=project.catalog.scoring is not None,
        **_homes(project, lang),
    )


def number_rows(project: Project) -> tuple[NumberRow, ...]:
    """The numbers of the project, each batch and each building (of a batch: the batch
    and its buildings)."""
    from journey.numbers import numbers_of

    whole = project.whole or project
    scopes: list[tuple[str, str, list[str]]] = []
    if project.batch is not None:
        scopes.append((project.batch.id, "batch", list(project.batch.buildings)))
    else:
        listed = list(project.file.buildings) or sorted(project.findings.by_building)
        scopes.append((project.file.id, "project", listed))
        scopes += [(b.id, "batch", list(b.buildings)) for b in project.file.batches]
    scopes += [
        (b, "building", [b]) for b in (project.buildings or sorted(project.findings.by_building))
    ]
    return tuple(
        NumberRow(scope=name, level=level, **numbers_of(whole, names).model_dump())
        for name, level, names in scopes
    )


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


def last_task(plan: Schedule, delivery: dt.date | None) -> str | None:
    """The task finishing last on or before delivery (last overall without a delivery date)."""
    slots = [s for s in plan.slots.values() if delivery is None or s.finish <= delivery]
    if not slots:
        return None
    order = {task_id: i for i, task_id in enumerate(plan.slots)}
    return max(slots, key=lambda s: (s.finish, order[s.task.id])).task.id


def _task_row(project: Project, slot: Slot, critical: frozenset[str], lang: str) -> TaskRow:
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
