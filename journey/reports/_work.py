"""What is mine? Work groups for the reports: a gate's blocking items, or the open risks,
by owner profession, most urgent first (journey.worklist holds the ordering rules)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from journey.reports.models import RiskRow, WorkGroup, WorkRow

if TYPE_CHECKING:
    from journey.gates import GateResult
    from journey.worklist import Entry

WORK_ROWS = 12  # rows shown per owner: a report stays readable; the JSON result has all


def gate_work(result: GateResult | None, lang: str) -> tuple[WorkGroup, ...]:
    """The items blocking `result`, once each, grouped by owner."""
    from journey.output._common import group_owner
    from journey.worklist import by_owner

    if result is None:
        return ()
    everywhere = tuple(b.id for b in result.batches)
    out = []
    for group in by_owner(result):
        out.append(
            WorkGroup(
                owner=group_owner(group, lang),
                count=len(group.entries),
                overdue=group.overdue,
                assignees=tuple(group.assignees()),
                rows=tuple(_row(e, lang, everywhere) for e in group.entries[:WORK_ROWS]),
                more=max(0, len(group.entries) - WORK_ROWS),
            )
        )
    return tuple(out)


def _row(entry: Entry, lang: str, everywhere: tuple[str, ...]) -> WorkRow:
    """An entry in `lang`; its batches only when it stands in some of them, not all."""
    from journey.output.text import reasons

    rules = dict.fromkeys(p.rule_title.get(lang) for p in entry.parts)
    return WorkRow(
        id=entry.id,
        title=entry.title.get(lang),
        assignee=entry.assignee or "",
        severity=entry.severity,
        due=entry.due,
        days=entry.days,
        rules=tuple(rules),
        reasons=tuple(reasons(entry, lang)),
        note=entry.note or "",
        evidence=entry.evidence or "",
        batches=() if set(entry.batches) == set(everywhere) else entry.batches,
    )


def risk_work(rows: Iterable[RiskRow], as_of: dt.date) -> tuple[WorkGroup, ...]:
    """Open risks grouped by owner: earliest due first, then the highest rated (one line
    each: their notes and controls follow in the tables of each stage)."""
    from journey.worklist import ranked, urgent_first

    groups: dict[str, list[WorkRow]] = {}
    for r in sorted(rows, key=lambda r: urgent_first(r.due, r.rating, r.id)):
        days = None if r.due is None else r.due.toordinal() - as_of.toordinal()
        groups.setdefault(r.owner, []).append(
            WorkRow(id=r.id, title=r.title, assignee=r.assignee, severity=r.rating, due=r.due,
                    days=days)
        )  # fmt: skip
    out = []
    for owner, found in groups.items():
        out.append(
            WorkGroup(
                owner=owner,
                count=len(found),
                overdue=sum(1 for w in found if w.days is not None and w.days < 0),
                assignees=tuple(ranked(w.assignee for w in found)),
                rows=tuple(found[:WORK_ROWS]),
                more=max(0, len(found) - WORK_ROWS),
            )
        )
    return tuple(out)
