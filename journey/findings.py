"""Inspection findings (SPEC §3): streamed from CSV or `.xlsx` into aggregates only.

A large project holds hundreds of thousands of rows, so no row is kept: each one is
checked by a small hand-written parser and folded into the counters below.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from journey.problems import Place

FINDING_STATUSES = ("open", "rectified", "verified", "reopened", "disputed")
CLOSED = "verified"
AGE_BANDS = ("0-7", "8-14", "15-30", ">30")


def age_band(days: int) -> str:
    """The ageing band of an open finding `days` old."""
    if days <= 7:
        return "0-7"
    if days <= 14:
        return "8-14"
    if days <= 30:
        return "15-30"
    return ">30"


@dataclass
class BuildingStats:
    """Findings of one building."""

    total: int = 0
    verified: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    open_found: Counter[dt.date] = field(default_factory=Counter)  # open findings by found date
    open_by_contractor: Counter[str] = field(default_factory=Counter)

    @property
    def open(self) -> int:
        """Findings not yet verified."""
        return self.total - self.verified

    @property
    def rate(self) -> float:
        """The rectification rate: the share verified (1.0 with no findings)."""
        return self.verified / self.total if self.total else 1.0

    def older_than(self, days: int, as_of: dt.date) -> int:
        """How many open findings were found more than `days` days before `as_of`."""
        return sum(n for found, n in self.open_found.items() if (as_of - found).days > days)


@dataclass
class ItemStats:
    """Findings recorded against one checklist item."""

    total: int = 0
    open: int = 0
    first_open: Place | None = None  # the file and line of its first open finding
    first_open_id: str = ""


@dataclass
class FindingsSummary:
    """What the findings files of a project add up to."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    by_building: dict[str, BuildingStats] = field(default_factory=dict)
    by_item: dict[str, ItemStats] = field(default_factory=dict)
    by_status: Counter[str] = field(default_factory=Counter)
    open_by_contractor: Counter[str] = field(default_factory=Counter)

    def ageing(self, as_of: dt.date) -> dict[str, int]:
        """Open findings per ageing band (0-7, 8-14, 15-30, >30 days) as of a date."""
        bands = dict.fromkeys(AGE_BANDS, 0)
        for stats in self.by_building.values():
            for found, n in stats.open_found.items():
                bands[age_band((as_of - found).days)] += n
        return bands
