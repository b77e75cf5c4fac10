"""Open-day readiness: GO / NO-GO with its reasons, then every prerequisite."""

from __future__ import annotations

import datetime as dt

from journey.models import CheckItem
from journey.project import Project
from journey.reports._common import (
    Outcomes,
    failed_rules,
    gate_outcomes,
    gate_waivers,
    header,
    profession,
    waived,
    waiver_for,
)
from journey.reports._work import gate_work
from journey.reports.models import Blocker, OpenDay, Prerequisite, VisitorFinding, WaiverRow
from journey.types import CHECK_DONE

CHECKLIST = "open-day"
GATE = "open-day"
MAX_ITEMS = 8  # item ids named under a failed gate rule


def open_day(project: Project, lang: str = "en", gates: Outcomes | None = None) -> OpenDay:
    """Open-day readiness of a project in `lang`; `gates` are precomputed gate results."""
    outcomes = gate_outcomes(project) if gates is None else gates
    result = outcomes.get(GATE)
    items = prerequisites(project)
    rows = tuple(_prerequisite(project, item, lang) for item in items)
    blockers = _blockers(project, items, lang) + _gate_blockers(project, outcomes, lang)
    day = project.file.milestones.get("open_day")
    return OpenDay(
        header=header(project, "open-day", lang, outcomes),
        verdict="no-go" if blockers else "go",
        open_day=day,
        days_left=(day - project.as_of).days if day else None,
        blockers=blockers,
        prerequisites=rows,
        visitor_findings=_visitor_findings(project, lang),
        waivers=gate_waivers(result) if result is not None else _waivers(project),
        work=gate_work(result, lang),
        gate_title=gate.title.get(lang) if (gate := project.catalog.gates.get(GATE)) else "",
    )


def prerequisites(project: Project) -> list[CheckItem]:
    """The applicable items of the open-day checklist(s)."""
    return [
        item
        for checklist in project.catalog.checklists.values()
        if checklist.id == CHECKLIST or checklist.phase == CHECKLIST
        for item in checklist.items
        if project.applies(item)
    ]


def _prerequisite(project: Project, item: CheckItem, lang: str) -> Prerequisite:
    state = project.file.checks.get(item.id)
    return Prerequisite(
        id=item.id,
        title=item.title.get(lang),
        area=item.area.get(lang),
        owner=profession(project, item.owner, lang),
        blocking=item.blocking,
        status=project.check_status(item.id),
        evidence=(state and state.evidence) or "",
        note=(state and state.note) or "",
        checked=state.checked if state else None,
        by=(state and state.by) or "",
        waived=waived(project, item.id),
        waiver_expired=_expired(project, item.id),
    )


def _expired(project: Project, target: str) -> dt.date | None:
    """The day the waiver naming `target` expired, when it has and none is in force."""
    row = waiver_for(project, target)
    return row.expires if row is not None and not row.in_force else None


def _blockers(project: Project, items: list[CheckItem], lang: str) -> tuple[Blocker, ...]:
    out = []
    for item in items:
        status = project.check_status(item.id)
        if not item.blocking or status in CHECK_DONE or waived(project, item.id):
            continue
        state = project.file.checks.get(item.id)
        out.append(
            Blocker(
                id=item.id,
                title=item.title.get(lang),
                owner=profession(project, item.owner, lang),
                reason="fail" if status == "fail" else "pending",
                note=(state and (state.note or state.evidence)) or "",
            )
        )
    # failures first: they need work, pending items only need checking
    return tuple(sorted(out, key=lambda b: (b.reason != "fail", b.id)))


def _gate_blockers(project: Project, outcomes: Outcomes, lang: str) -> tuple[Blocker, ...]:
    """Failed rules of the open-day gate other than the checklist (already itemised)."""
    gate = project.catalog.gates.get(GATE)
    result = outcomes.get(GATE)
    if gate is None or result is None:
        return ()
    skip = {r.id for r in gate.rules if r.rule == "checklist-passed"}
    out = []
    for rule in failed_rules(result):
        if rule.id in skip:
            continue
        items = [i for i in rule.items if i.status == "fail"]
        owners = sorted({i.owner for i in items if i.owner})
        shown = [i.id for i in items[:MAX_ITEMS]]
        out.append(
            Blocker(
                id=rule.id,
                title=rule.title.get(lang),
                owner=", ".join(profession(project, o, lang) for o in owners),
                reason="gate",
                note=", ".join(shown) + (" …" if len(items) > MAX_ITEMS else ""),
            )
        )
    return tuple(out)


def _visitor_findings(project: Project, lang: str) -> tuple[VisitorFinding, ...]:
    out = []
    for item in project.catalog.check_items.values():
        stats = project.findings.by_item.get(item.id)
        if not item.public_area or stats is None or not stats.open:
            continue
        out.append(
            VisitorFinding(
                id=item.id,
                title=item.title.get(lang),
                area=item.area.get(lang),
                owner=profession(project, item.owner, lang),
                open=stats.open,
                total=stats.total,
            )
        )
    return tuple(sorted(out, key=lambda f: (-f.open, f.id)))


def _waivers(project: Project) -> tuple[WaiverRow, ...]:
    rows = (waiver_for(project, w.target) for w in project.file.waivers)
    unique = {row.target: row for row in rows if row is not None and row.in_force}
    return tuple(unique.values())
