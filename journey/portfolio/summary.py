"""One project summarised for the portfolio: gates, numbers, red lines, counts.

Each register a project keeps is counted by item, category and contractor by one
function in `TALLIES`: findings by checklist item, the inspection system's category and
contractor; repairs by repair category and responsible party; complaints by the sensitive
point they are about and by level. A register the project does not keep is left out. The
recurrence across projects takes every register alike; another register joins with a
function here and its name in `models.Source`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from journey.catalog import shown_path
from journey.gates import GateResult, evaluate
from journey.numbers import all_numbers
from journey.portfolio.models import (
    GateCell,
    ProjectSummary,
    RedLine,
    Source,
    SourceCounts,
    Tally,
)
from journey.rules.red_lines_clear import open_red_lines
from journey.types import LocalisedText

if TYPE_CHECKING:
    from journey.project import Project


def summarise(project: Project, gates: Sequence[str]) -> ProjectSummary:
    """The summary of a valid project, each gate in `gates` evaluated."""
    file = project.file
    line, col = project.doc.locate(("id",))
    return ProjectSummary(
        id=file.id,
        id_line=line,
        id_col=col,
        name=file.name,
        path=shown_path(project.folder),
        stage=file.stage,
        stage_title=project.catalog.stages[file.stage].title,
        positioning=file.positioning,
        buildings=file.buildings,
        batches=tuple(b.id for b in file.batches),
        gates={gate: _cell(project, evaluate(gate, project)) for gate in gates},
        numbers=all_numbers(project),
        red_lines=red_lines(project),
        sources={name: counts for name, tally in TALLIES.items() if (counts := tally(project))},
        warnings=len(project.warnings),
    )


def _cell(project: Project, result: GateResult) -> GateCell:
    catalog = project.catalog
    gate = catalog.gates[result.gate]
    blocking = sum(1 for r in result.rules if r.blocks for i in r.items if i.status == "fail")
    return GateCell(
        verdict=result.verdict,
        due=catalog.stage_rank(gate.stage) <= catalog.stage_rank(project.file.stage),
        blocking=blocking,
        batches={b.id: b.verdict for b in result.batches},
    )


def red_lines(project: Project) -> tuple[RedLine, ...]:
    """The red-line points held open, each with the items holding it, in catalog order."""
    holding: dict[str, list[str]] = {}
    for hit in open_red_lines(project):
        point = hit.keys[0]
        if hit.id not in holding.setdefault(point, []):
            holding[point].append(hit.id)
    points = project.catalog.points
    return tuple(
        RedLine(point=p, title=points[p].title if p in points else _plain(p), items=tuple(ids))
        for p, ids in holding.items()
    )


def _plain(value: str) -> LocalisedText:
    return LocalisedText(en=value, zh=value)


def findings_counts(project: Project) -> SourceCounts | None:
    """Findings by checklist item, by the source system's category and by contractor."""
    findings = project.findings
    by_item = {
        item: Tally(count=stats.total, open=stats.open)
        for item, stats in sorted(findings.by_item.items())
    }
    buildings = findings.by_building.values()
    categories = _sum(b.by_category for b in buildings)
    made = _sum(b.by_contractor for b in buildings)
    still_open = _sum(b.open_by_contractor for b in buildings)
    overdue = _sum(b.overdue_by_contractor for b in buildings)
    reopened = _sum(b.reopened_by_contractor for b in buildings)
    return SourceCounts(
        by_item=by_item,
        by_category={c: Tally(count=n) for c, n in sorted(categories.items())},
        by_contractor={
            c: Tally(count=n, open=still_open[c], overdue=overdue[c], reopened=reopened[c])
            for c, n in sorted(made.items())
        },
    )


def _sum(counters: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def repairs_counts(project: Project) -> SourceCounts | None:
    """Repairs by category and by responsible party (`reopened`: repeat repairs)."""
    if not project.file.repairs:
        return None
    repairs = project.service.repairs
    return SourceCounts(
        by_category={
            c: Tally(count=s.total, open=s.open, reopened=s.repeats)
            for c, s in sorted(repairs.by_category.items())
            if s.total
        },
        by_contractor={
            p: Tally(count=s.total, open=s.open, reopened=s.repeats)
            for p, s in sorted(repairs.by_party.items())
            if p and s.total
        },
    )


def complaints_counts(project: Project) -> SourceCounts | None:
    """Complaints by the sensitive point they are about, and by level (`overdue`: open
    past the level's limit)."""
    if not project.file.complaints:
        return None
    complaints = project.service.complaints
    return SourceCounts(
        by_item={p: Tally(count=n) for p, n in sorted(complaints.topics.items())},
        by_category={
            level: Tally(count=s.total, open=s.open, overdue=s.overdue.count)
            for level, s in complaints.by_level.items()
            if s.total
        },
    )


# Each register a project keeps, counted for the recurrence across projects.
TALLIES: dict[Source, Callable[[Project], SourceCounts | None]] = {
    "findings": findings_counts,
    "repairs": repairs_counts,
    "complaints": complaints_counts,
}
