"""What recurs across projects: the checklist items, the source systems' categories and
the contractors that turn up project after project (SPEC §14).

A defect matters when it recurs: an item *recurs* when findings were recorded against it
on at least `RECURS_ON` projects (verified ones count: the defect was built, even if it
was put right). The recurring items that no defect case covers come first — the loop of
defect feedback asks for a case, its requirement in the profession's language and a
design-review item before the next project builds it again. An item is covered when a
defect case links it, from either side (`Catalog.case_links`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journey.portfolio.models import KeyRow, ProjectSummary, Recurring, SourceCounts, Tally
from journey.types import LocalisedText

if TYPE_CHECKING:
    from journey.catalog import Catalog

RECURS_ON = 3  # projects


@dataclass
class _Sum:
    """One key's counts summed over projects."""

    projects: list[str] = field(default_factory=list)
    count: int = 0
    open: int = 0
    overdue: int = 0
    reopened: int = 0


def _sums(
    summaries: Iterable[ProjectSummary], pick: Callable[[SourceCounts], dict[str, Tally]]
) -> dict[str, _Sum]:
    """Every key's counts over the projects (each project counted once per key)."""
    out: dict[str, _Sum] = {}
    for summary in summaries:
        seen: set[str] = set()
        for source in summary.sources.values():
            for key, tally in pick(source).items():
                s = out.setdefault(key, _Sum())
                if key not in seen:
                    seen.add(key)
                    s.projects.append(summary.id)
                s.count += tally.count
                s.open += tally.open
                s.overdue += tally.overdue
                s.reopened += tally.reopened
    return out


def recurring(summaries: Iterable[ProjectSummary], catalog: Catalog) -> list[Recurring]:
    """The items found on at least RECURS_ON projects: those no defect case covers first,
    then by how many projects, how many findings, and id."""
    cases: dict[str, list[str]] = {}
    for case, item in catalog.case_links():
        cases.setdefault(item, []).append(case)
    rows = [
        Recurring(
            item=item,
            title=_title(catalog, item),
            checklist=catalog.item_checklist.get(item, ""),
            projects=len(s.projects),
            project_ids=tuple(sorted(s.projects)),
            findings=s.count,
            open=s.open,
            covered_by=tuple(cases.get(item, ())),
        )
        for item, s in _sums(summaries, lambda src: src.by_item).items()
        if len(s.projects) >= RECURS_ON
    ]
    return sorted(rows, key=lambda r: (bool(r.covered_by), -r.projects, -r.findings, r.item))


def _title(catalog: Catalog, item: str) -> LocalisedText:
    found = catalog.item(item)
    return found.title if found is not None else LocalisedText(en=item, zh=item)


def categories(summaries: Iterable[ProjectSummary]) -> list[KeyRow]:
    """The source systems' categories found on at least RECURS_ON projects, most
    widespread first."""
    rows = _rows(_sums(summaries, lambda src: src.by_category))
    found = [r for r in rows if r.projects >= RECURS_ON]
    return sorted(found, key=lambda r: (-r.projects, -r.count, r.key))


def contractors(summaries: Iterable[ProjectSummary]) -> list[KeyRow]:
    """Every contractor named by findings, ranked by open, overdue and reopened findings
    across the projects (the rectification workbook's order, portfolio-wide)."""
    rows = _rows(_sums(summaries, lambda src: src.by_contractor))
    return sorted(rows, key=lambda r: (-r.open, -r.overdue, -r.reopened, -r.count, r.key))


def _rows(sums: dict[str, _Sum]) -> list[KeyRow]:
    return [
        KeyRow(
            key=key,
            projects=len(s.projects),
            project_ids=tuple(sorted(s.projects)),
            count=s.count,
            open=s.open,
            overdue=s.overdue,
            reopened=s.reopened,
        )
        for key, s in sums.items()
    ]
