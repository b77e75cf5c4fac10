"""The numbers a project is judged by (SPEC §12), per building, per batch and in all.

All of them come from the findings aggregates (journey.findings) and the unit register;
no row is read again. A number that has nothing to count is None (`null` in JSON, "—"
in reports) rather than a misleading 0 or 100 %.

- `findings`: the findings recorded.
- `homes_inspected`: the register's homes with an `inspected` date when the register has
  that column, else the distinct homes with at least one finding.
- `findings_per_home`: findings ÷ homes inspected.
- `rectification_rate` (整改销项率): verified ÷ all findings.
- `reopened_share`: reopened ÷ all findings.
- `days_to_close_mean`, `days_to_close_p90`: over verified findings with both dates; the
  90th percentile by nearest rank (the smallest number of days within which at least
  90 % of them closed).
- `overdue_share`: not verified and past `due` on the as-of day ÷ all findings.
- `score` (交付评估得分): with a catalog `scoring` file, the mean over the inspected homes
  of 100 minus each home's deductions, capped per home (journey.scoring).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from journey.types import Model

if TYPE_CHECKING:
    from journey.findings import BuildingStats
    from journey.models import ScoringFile
    from journey.project import Project

Metric = Literal[
    "findings",
    "homes_inspected",
    "findings_per_home",
    "rectification_rate",
    "reopened_share",
    "days_to_close_mean",
    "days_to_close_p90",
    "overdue_share",
    "score",
]


class Numbers(Model):
    """The numbers of one building, one batch or the whole project."""

    findings: int
    homes_inspected: int
    findings_per_home: float | None
    rectification_rate: float | None
    reopened_share: float | None
    days_to_close_mean: float | None
    days_to_close_p90: int | None
    overdue_share: float | None
    score: float | None = None

    def get(self, metric: str) -> float | None:
        """One number by its name (one of `Metric`)."""
        value = getattr(self, metric)
        return None if value is None else float(value)


class AllNumbers(Model):
    """The numbers of a project as the gate's JSON result carries them."""

    project: Numbers
    buildings: dict[str, Numbers]
    batches: dict[str, Numbers]


class _Sums:
    """What the numbers of any set of buildings are computed from."""

    def __init__(self) -> None:
        self.findings = self.verified = self.reopened = self.overdue = 0
        self.close_days: Counter[int] = Counter()
        self.homes: set[tuple[str, str]] = set()
        self.scores: list[float] = []

    def add(self, building: str, stats: BuildingStats | None, project: Project) -> None:
        if stats is not None:
            self.findings += stats.total
            self.verified += stats.verified
            self.reopened += stats.by_status["reopened"]
            self.overdue += stats.overdue
            self.close_days.update(stats.close_days())
        homes = inspected_homes(building, stats, project)
        self.homes.update((building, unit) for unit in homes)
        scoring = project.catalog.scoring
        if scoring is not None:
            self.scores += [unit_score(scoring, stats, unit) for unit in homes]

    def numbers(self, with_score: bool) -> Numbers:
        homes = len(self.homes)
        return Numbers(
            findings=self.findings,
            homes_inspected=homes,
            findings_per_home=_share(self.findings, homes),
            rectification_rate=_share(self.verified, self.findings),
            reopened_share=_share(self.reopened, self.findings),
            days_to_close_mean=_mean(self.close_days),
            days_to_close_p90=percentile(self.close_days, 0.9),
            overdue_share=_share(self.overdue, self.findings),
            score=(sum(self.scores) / len(self.scores) if self.scores else None)
            if with_score
            else None,
        )


def inspected_homes(building: str, stats: BuildingStats | None, project: Project) -> list[str]:
    """The homes of a building that count as inspected (see the module's docstring)."""
    register = project.units
    if register is not None and register.has_inspected:
        return [home.unit for home in register.inspected(building)]
    if stats is None:
        return []
    return [unit for unit in stats.units if unit]  # "" holds the public areas


def unit_score(scoring: ScoringFile, stats: BuildingStats | None, unit: str) -> float:
    """A home's score: 100 minus its deductions, which count up to the cap only."""
    home = stats.units.get(unit) if stats is not None else None
    deducted = home.deducted if home is not None else 0.0
    return 100.0 - min(deducted, float(scoring.cap_per_unit))


def numbers_of(project: Project, buildings: Iterable[str]) -> Numbers:
    """The numbers of some buildings of a project taken together."""
    sums = _Sums()
    for building in buildings:
        sums.add(building, project.findings.by_building.get(building), project)
    return sums.numbers(project.catalog.scoring is not None)


def all_numbers(project: Project) -> AllNumbers:
    """The numbers per building, per batch and for the whole project."""
    names = _buildings(project)
    return AllNumbers(
        project=numbers_of(project, names),
        buildings={name: numbers_of(project, [name]) for name in names},
        batches={b.id: numbers_of(project, b.buildings) for b in project.file.batches},
    )


def _buildings(project: Project) -> list[str]:
    """The project's buildings, then any other building its findings name."""
    listed = list(project.file.buildings)
    return listed + sorted(set(project.findings.by_building) - set(listed))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _mean(days: Mapping[int, int]) -> float | None:
    count = sum(days.values())
    return sum(d * n for d, n in days.items()) / count if count else None


def percentile(days: Mapping[int, int], share: float) -> int | None:
    """The smallest value at or below which at least `share` of the counts lie."""
    count = sum(days.values())
    if not count:
        return None
    rank = max(1, math.ceil(share * count))
    seen = 0
    for value in sorted(days):
        seen += days[value]
        if seen >= rank:
            return value
    return max(days)
