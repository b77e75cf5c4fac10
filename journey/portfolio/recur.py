"""What recurs across projects: the checklist items and sensitive points, the categories
and the contractors that turn up project after project (SPEC §14).

A defect matters when it recurs: an item *recurs* when findings were recorded against it
— or, for a sensitive point, complaints were made about it — on at least `RECURS_ON`
projects (verified findings and closed complaints count: the defect was built, the
customer was hurt). The recurring items that no defect case covers come first — the loop
of defect feedback asks for a case, its requirement in the profession's language and a
design-review item before the next project builds it again. A checklist item is covered
when a defect case links it, from either side (`Catalog.case_links`); a sensitive point
when a case names it in its `points`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journey.portfolio.models import KeyRow, ProjectSummary, Recurring, Source, SourceCounts, Tally
from journey.types import LocalisedText

if TYPE_CHECKING:
    from journey.catalog import Catalog

RECURS_ON = 3  # projects
Pick = Callable[[SourceCounts], dict[str, Tally]]


@dataclass
class _Sum:
    """One key's counts summed over projects."""

    projects: list[str] = field(default_factory=list)
    count: int = 0
    open: int = 0
    overdue: int = 0
    reopened: int = 0
    by_source: dict[str, int] = field(default_factory=dict)


def _sums(
    summaries: Iterable[ProjectSummary], pick: Pick, only: Source | None = None
) -> dict[str, _Sum]:
    """Every key's counts over the projects (each project counted once per key), from
    every register or the one named `only`."""
    out: dict[str, _Sum] = {}
    for summary in summaries:
        seen: set[str] = set()
        for name, source in summary.sources.items():
            if only is not None and name != only:
                continue
            for key, tally in pick(source).items():
                s = out.setdefault(key, _Sum())
                if key not in seen:
                    seen.add(key)
                    s.projects.append(summary.id)
                s.count += tally.count
                s.open += tally.open
                s.overdue += tally.overdue
                s.reopened += tally.reopened
                s.by_source[name] = s.by_source.get(name, 0) + tally.count
    return out


def recurring(summaries: Iterable[ProjectSummary], catalog: Catalog) -> list[Recurring]:
    """The items found (or complained about) on at least RECURS_ON projects: those no
    defect case covers first, then by how many projects, how many records, and id."""
    covers = _covers(catalog)
    rows = [
        Recurring(
            item=item,
            kind="check" if item in catalog.check_items else "point",
            title=_title(catalog, item),
            checklist=catalog.item_checklist.get(item, ""),
            projects=len(s.projects),
            project_ids=tuple(sorted(s.projects)),
            findings=s.by_source.get("findings", 0),
            complaints=s.by_source.get("complaints", 0),
            open=s.open,
            covered_by=tuple(covers.get(item, ())),
        )
        for item, s in _sums(summaries, lambda src: src.by_item).items()
        if len(s.projects) >= RECURS_ON
    ]
    return sorted(
        rows, key=lambda r: (bool(r.covered_by), -r.projects, -(r.findings + r.complaints), r.item)
    )


def _covers(catalog: Catalog) -> dict[str, list[str]]:
    """The defect cases covering each checklist item and each sensitive point."""
    out: dict[str, list[str]] = {}
    for case_id, item in catalog.case_links():
        out.setdefault(item, []).append(case_id)
    for case in catalog.cases.values():
        for point in case.points:
            out.setdefault(point, []).append(case.id)
    return out


def _title(catalog: Catalog, item: str) -> LocalisedText:
    found = catalog.item(item)
    return found.title if found is not None else LocalisedText(en=item, zh=item)


def categories(summaries: Iterable[ProjectSummary], source: Source = "findings") -> list[KeyRow]:
    """The categories of one register (the inspection systems' own for findings, the
    repair categories for repairs) found on at least RECURS_ON projects, most widespread
    first."""
    return [r for r in ranked_categories(summaries, source) if r.projects >= RECURS_ON]


def ranked_categories(summaries: Iterable[ProjectSummary], source: Source) -> list[KeyRow]:
    """Every category of one register, the most widespread and most frequent first."""
    rows = _rows(_sums(summaries, lambda src: src.by_category, source))
    return sorted(rows, key=lambda r: (-r.projects, -r.count, r.key))


def contractors(summaries: Iterable[ProjectSummary], source: Source = "findings") -> list[KeyRow]:
    """Every contractor named by a register (findings; repairs: the responsible party),
    ranked by open, overdue and reopened (repeated) records across the projects — the
    rectification workbook's order, portfolio-wide."""
    rows = _rows(_sums(summaries, lambda src: src.by_contractor, source))
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
