"""What is mine? A gate's blocking items grouped by owner, most urgent first.

A gate result lists its items rule by rule, so one item can stand in several rules (a
risk still open fails `risks-controlled` and threatens a red line) or twice in one (a
risk threatening two red lines). Here each item is one entry naming every rule it
fails (a building failing rules that different professions own — its findings and its
score — is one entry per owner), and entries are grouped by the accountable profession, each group with its count
and its assignees. Entries are ordered by their due date (the item's own — a risk's
`due`, a task's scheduled finish — else the gate milestone's), earliest first, so the
most overdue comes first; then by severity. Groups are ordered by their most urgent
entry, then by size.

Only items that block the gate count: failed items of rules that fail it. Warnings,
waived items and rules below `--fail-on` do not.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from journey.gates import ItemResult
from journey.types import LocalisedText, Model, Rating

if TYPE_CHECKING:
    from journey.gates import GateResult, RuleResult


class Part(Model):
    """One rule an entry fails, and the item as that rule saw it."""

    rule: str
    rule_title: LocalisedText
    item: ItemResult


class Entry(Model):
    """One blocking item, once, with every rule it fails."""

    id: str
    title: LocalisedText
    owner: str
    owner_title: LocalisedText | None
    assignee: str | None
    severity: Rating
    due: dt.date | None
    days: int | None  # due − as-of in days: negative when overdue
    note: str | None
    evidence: str | None
    batches: tuple[str, ...]
    parts: tuple[Part, ...]

    @property
    def overdue(self) -> bool:
        """True when the due date has passed."""
        return self.days is not None and self.days < 0


class OwnerGroup(Model):
    """What one profession must act on."""

    owner: str  # the profession's id ("" when nobody owns it, as a missing milestone)
    owner_title: LocalisedText | None
    entries: tuple[Entry, ...]

    @property
    def overdue(self) -> int:
        """How many of its entries are past their due date."""
        return sum(e.overdue for e in self.entries)

    def assignees(self) -> list[tuple[str, int]]:
        """Each named assignee and the number of entries they hold, most first."""
        return ranked(e.assignee for e in self.entries)


def by_owner(result: GateResult) -> tuple[OwnerGroup, ...]:
    """The blocking items of `result`, one entry each, grouped by owner (see above)."""
    parts: dict[tuple[str, str], list[Part]] = {}
    for rule in result.rules:
        if not rule.blocks:
            continue
        for item in rule.items:
            if item.status == "fail":
                part = Part(rule=rule.id, rule_title=rule.title, item=item)
                parts.setdefault((item.id, item.owner), []).append(part)
    entries = [_entry(found, result.as_of) for found in parts.values()]
    groups: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=urgency):
        groups.setdefault(entry.owner, []).append(entry)
    out = [
        OwnerGroup(owner=owner, owner_title=found[0].owner_title, entries=tuple(found))
        for owner, found in groups.items()
    ]
    return tuple(sorted(out, key=lambda g: (urgency(g.entries[0]), -len(g.entries), g.owner)))


def not_blocking(result: GateResult) -> list[tuple[RuleResult, ItemResult]]:
    """The items of `result` that `by_owner` leaves out, rule by rule: waived items,
    warnings, and failures of rules below --fail-on."""
    return [
        (rule, item)
        for rule in result.rules
        for item in rule.items
        if item.status != "fail" or not rule.blocks
    ]


def urgency(entry: Entry) -> tuple[dt.date, int, str]:
    """Earliest due first (undated last), then the most severe, then by id."""
    return urgent_first(entry.due, entry.severity, entry.id)


def urgent_first(due: dt.date | None, severity: Rating, item: str) -> tuple[dt.date, int, str]:
    """The sort key of `urgency` for anything with a due date, a severity and an id."""
    return (due or dt.date.max, -severity.rank, item)


def ranked(names: Iterable[str | None]) -> list[tuple[str, int]]:
    """Each name given (empty ones aside) and how often, most first, then by name."""
    found = Counter(name for name in names if name)
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))


def _entry(parts: list[Part], as_of: dt.date) -> Entry:
    items = [p.item for p in parts]
    first = items[0]
    dues = [i.due for i in items if i.due is not None]
    due = min(dues) if dues else None
    batches = tuple(dict.fromkeys(b for i in items for b in i.batches))
    return Entry(
        id=first.id,
        title=first.title,
        owner=first.owner,
        owner_title=first.owner_title,
        assignee=next((i.assignee for i in items if i.assignee), None),
        severity=max((i.severity for i in items), key=lambda r: r.rank),
        due=due,
        days=None if due is None else due.toordinal() - as_of.toordinal(),
        note=first.note,
        evidence=first.evidence,
        batches=batches,
        parts=tuple(parts),
    )


__all__ = [
    "Entry",
    "OwnerGroup",
    "Part",
    "by_owner",
    "not_blocking",
    "ranked",
    "urgency",
    "urgent_first",
]
