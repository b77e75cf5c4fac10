"""`journey export actions` (责任清单): everything open that a gate of the project needs,
one sheet per owner profession, most urgent first.

The list is the gates' own verdicts: every gate of the catalog is evaluated
(journey.gates.evaluate) and every item that fails a failing rule — a risk not closed
or accepted, a blocking check not passed, a plan task due by the gate's milestone and
not done, a building's or an item's findings not closed, a missing milestone — becomes
a row. An item that blocks several gates (or the same gate in several batches) is one
row naming them all.

Urgency: the earlier of the item's own due date (a risk's `due`, a task's scheduled
finish) and the date of the first gate it blocks comes first; then severity, then id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journey.chars import printable
from journey.exporting.listing import (
    Cell,
    ColumnSpec,
    Listing,
    Row,
    Sheet,
    columns,
    rows_of,
    sheet_names,
)
from journey.messages import text

if TYPE_CHECKING:
    from journey.exporting import Request
    from journey.gates import GateResult, ItemResult, RuleResult
    from journey.project import Project
    from journey.types import Rating

ROW_COLUMNS: tuple[ColumnSpec, ...] = (
    "id", "kind", "title", "owner", "assignee", ("due", "date"), ("needed_by", "date"),
    ("days_overdue", "int"), "severity", "gates", "reason",
)  # fmt: skip
KINDS = ("risk", "check", "task", "findings", "milestone", "other")
# The kind of item each gate reason is about (journey.rules).
_KIND_OF_REASON = {
    "risk_unlisted": "risk", "risk_open": "risk", "risk_overdue": "risk",
    "red_risk_open": "risk", "red_risk_unlisted": "risk",
    "check_failed": "check", "check_failed_note": "check", "check_pending": "check",
    "check_unlisted": "check", "red_check_failed": "check",
    "task_due": "task", "task_late": "task", "task_unanchored": "task",
    "findings_ratio": "findings", "findings_aged": "findings", "finding_blocking": "findings",
    "red_finding_open": "findings",
    "milestone_missing": "milestone", "milestone_gap": "milestone",
}  # fmt: skip


@dataclass
class Action:
    """One open item and everything the gates say about it."""

    kind: str
    item: ItemResult
    due: dt.date | None
    needed_by: dt.date | None = None
    severity: Rating | None = None
    gates: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def blocks(self, gate: str, day: dt.date | None, item: ItemResult, reason: str) -> None:
        """Record that the item blocks `gate` (whose milestone falls on `day`)."""
        if gate not in self.gates:
            self.gates.append(gate)
        if day is not None and (self.needed_by is None or day < self.needed_by):
            self.needed_by = day
        if self.severity is None or item.severity.rank > self.severity.rank:
            self.severity = item.severity
        if reason not in self.reasons:
            self.reasons.append(reason)

    @property
    def by(self) -> dt.date | None:
        """The date it is needed by: its own due date or its first gate's, the earlier."""
        days = [d for d in (self.due, self.needed_by) if d is not None]
        return min(days) if days else None

    def urgency(self) -> tuple[dt.date, int, int, str]:
        """Sorts the most urgent first."""
        rank = self.severity.rank if self.severity is not None else 0
        return (self.by or dt.date.max, -rank, KINDS.index(self.kind), self.item.id)


def collect(project: Project, lang: str) -> list[Action]:
    """Every item failing a failing rule of any gate of the catalog, most urgent first."""
    from journey.gates import evaluate
    from journey.output._common import item_reason

    dues = _Dues(project)
    found: dict[tuple[str, str], Action] = {}
    for gate_id in project.catalog.gates:
        result = evaluate(gate_id, project)
        for label, day, rule in rules_of(result, lang):
            if rule.status != "fail":
                continue
            for item in rule.items:
                if item.status != "fail":
                    continue
                kind = kind_of(item, project)
                action = found.get((kind, item.id))
                if action is None:
                    action = found[kind, item.id] = Action(kind, item, dues.of(kind, item.id))
                action.blocks(label, day, item, item_reason(item, lang))
    return sorted(found.values(), key=Action.urgency)


def rules_of(result: GateResult, lang: str) -> Iterator[tuple[str, dt.date | None, RuleResult]]:
    """Every rule result of a gate with the gate's name and its milestone's date: for a
    project handed over in batches, each batch's own rules (named `gate · batch`, with the
    batch's date; the result's top-level rules only merge them), else the result's."""
    title = printable(result.title.get(lang))
    if not result.batches:
        for rule in result.rules:
            yield title, result.milestone_date, rule
        return
    for batch in result.batches:
        name = printable(batch.title.get(lang) if batch.title else batch.id)
        day = batch.milestone_date or result.milestone_date
        label = f"{title} · {name}"
        for rule in batch.rules:
            yield label, day, rule


def kind_of(item: ItemResult, project: Project) -> str:
    """What a failing item is: a risk, a check, a task, findings or a milestone."""
    kind = _KIND_OF_REASON.get(item.reason.code.removeprefix("gate.reason."))
    if kind is not None:
        return kind
    catalog = project.catalog
    for kind, ids in (
        ("risk", project.risks()),
        ("check", catalog.check_items),
        ("task", catalog.tasks),
        ("milestone", project.file.milestones),
        ("findings", project.findings.by_building),
    ):
        if item.id in ids:
            return kind
    return "other"


class _Dues:
    """An item's own due date: a risk's `due`, a task's scheduled finish."""

    def __init__(self, project: Project) -> None:
        from journey.schedule import schedule

        self.project = project
        tasks = [t for t in project.catalog.tasks.values() if project.applies(t)]
        self.plan = schedule(tasks, project.file.milestones)

    def of(self, kind: str, item_id: str) -> dt.date | None:
        if kind == "risk":
            state = self.project.file.risks.get(item_id)
            return state.due if state is not None else None
        if kind == "task":
            slot = self.plan.slots.get(item_id)
            return slot.finish if slot is not None else None
        return None


def build(request: Request) -> Listing:
    """One sheet per owner profession (in catalog order; items with no owner last)."""
    project, lang = request.project, request.lang
    actions = collect(project, lang)
    owners = [p for p in project.catalog.professions if any(a.item.owner == p for a in actions)]
    owners += sorted({a.item.owner for a in actions} - set(owners))
    labels = [_owner(project, owner, lang) for owner in owners]
    names = sheet_names(labels or [text("sheet.actions", lang)])
    header = columns(lang, *ROW_COLUMNS)
    sheets = [Sheet(name, header) for name in names]
    index = {owner: i for i, owner in enumerate(owners)}
    rows = [(index[a.item.owner], _row(a, project, lang)) for a in actions]
    return Listing(sheets, rows_of(rows))


def _owner(project: Project, owner: str, lang: str) -> str:
    if not owner:
        return text("sheet.no_owner", lang)
    return printable(project.catalog.profession_title(owner, lang))


def _row(action: Action, project: Project, lang: str) -> Row:
    item = action.item
    by = action.by
    late = (project.as_of - by).days if by is not None and by < project.as_of else 0
    joiner = "、" if lang == "zh" else ", "
    cells: list[Cell] = [
        item.id,
        text(f"actions.kind.{action.kind}", lang),
        printable(item.title.get(lang)),
        _owner(project, item.owner, lang),
        printable(item.assignee) if item.assignee else None,
        action.due,
        action.needed_by,
        late,
        text(f"gate.rating.{action.severity}", lang) if action.severity else None,
        joiner.join(action.gates),
        ("；" if lang == "zh" else "; ").join(printable(r) for r in action.reasons),
    ]
    return cells
