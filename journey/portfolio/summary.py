"""One project summarised for the portfolio: gates, numbers, red lines, counts.

Each register a project keeps is counted by item, category and contractor by one
function in `TALLIES`. Findings are counted now; the after-delivery registers (repairs by
category and responsible party, complaints by topic) join by adding their function here
and their name to `models.SOURCES` — the recurrence across projects takes every source
alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from journey.catalog import shown_path
from journey.gates import GateResult, evaluate
from journey.numbers import all_numbers
from journey.portfolio.models import GateCell, ProjectSummary, RedLine, SourceCounts, Tally
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
        sources={name: tally(project) for name, tally in TALLIES.items()},
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


def findings_counts(project: Project) -> SourceCounts:
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


# Each register a project keeps, counted for the recurrence across projects.
TALLIES: dict[str, Callable[[Project], SourceCounts]] = {"findings": findings_counts}
