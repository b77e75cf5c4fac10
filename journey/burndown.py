"""Will each building be ready? The rectification burn-down and its forecast.

From the findings aggregates alone (journey.findings keeps, per building, the found day
of every open finding and the found and closed days of every verified one), this module
rebuilds the verified share over time and forecasts the day a building reaches a target
share — the `min_ratio` of a `findings-closed` rule — at its recent closing rate:

- **verified over time**: a finding counts from its `found` day, and as verified from its
  `closed` day. A verified finding without a `closed` date counts as verified from the day
  it was found: it is verified now, and no day of closing can be made up for it (so it
  never enters the closing rate).
- **the recent closing rate**: the findings closed in the RECENT_DAYS (14) days up to and
  including the as-of day, divided by 14 — the pace of the last two weeks, which follows a
  team's current strength better than the mean since the first round.
- **the forecast**: the verifications still needed, `ceil(target × findings) − verified`,
  at that rate, counted from the as-of day and assuming no new findings. A building
  already at the target is `reached`; one that needs more but closed nothing in the last
  14 days has no forecast day (`reaches` is None).
- **a batch** is ready when its last building is: its forecast day is the latest of its
  buildings' (None when any of them has none).

Each forecast is set against a `deadline` (the gate milestone's date for the building's
batch), giving `days_late`: positive when the target is reached after the deadline.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from journey.types import Model

if TYPE_CHECKING:
    from journey.findings import BuildingStats

RECENT_DAYS = 14
HISTORY_STEP = 7  # days between two points of the history


class Point(Model):
    """Findings found and verified by the end of one day."""

    day: dt.date
    found: int
    verified: int


class Forecast(Model):
    """When a building (or a batch) reaches the target share of verified findings."""

    scope: str
    level: Literal["building", "batch"]
    target: float
    findings: int
    verified: int
    needed: int  # more verifications to reach the target (0 once reached)
    recent_closed: int  # closed in the RECENT_DAYS days up to the as-of day
    rate: float  # findings closed a day, over those days
    reached: bool
    reaches: dt.date | None  # None: not at the recent rate
    deadline: dt.date | None
    days_late: int | None  # reaches − deadline in days (None when either is unknown)

    @property
    def ratio(self) -> float:
        """The share verified now (1.0 with no findings)."""
        return self.verified / self.findings if self.findings else 1.0


def _closed_days(stats: BuildingStats) -> Counter[dt.date]:
    out: Counter[dt.date] = Counter()
    for (_found, closed), n in stats.closed_pairs.items():
        out[closed] += n
    return out


def forecast(
    building: str,
    stats: BuildingStats,
    target: float,
    as_of: dt.date,
    deadline: dt.date | None,
) -> Forecast:
    """The forecast of one building (see the module's docstring)."""
    needed = max(0, math.ceil(round(target * stats.total, 9)) - stats.verified)
    since = as_of.toordinal() - RECENT_DAYS
    recent = sum(
        n for day, n in _closed_days(stats).items() if since < day.toordinal() <= as_of.toordinal()
    )
    rate = recent / RECENT_DAYS
    reaches: dt.date | None = as_of if not needed else None
    if needed and recent:
        reaches = _add(as_of, math.ceil(needed / rate - 1e-9))
    return Forecast(
        scope=building,
        level="building",
        target=target,
        findings=stats.total,
        verified=stats.verified,
        needed=needed,
        recent_closed=recent,
        rate=rate,
        reached=not needed,
        reaches=reaches,
        deadline=deadline,
        days_late=_late(reaches, deadline),
    )


def batch_forecast(batch: str, parts: Sequence[Forecast], deadline: dt.date | None) -> Forecast:
    """A batch's forecast from its buildings': ready when the last of them is."""
    days = [f.reaches for f in parts]
    reaches = None if None in days or not days else max(d for d in days if d is not None)
    return Forecast(
        scope=batch,
        level="batch",
        target=max((f.target for f in parts), default=1.0),
        findings=sum(f.findings for f in parts),
        verified=sum(f.verified for f in parts),
        needed=sum(f.needed for f in parts),
        recent_closed=sum(f.recent_closed for f in parts),
        rate=sum(f.rate for f in parts),
        reached=all(f.reached for f in parts),
        reaches=reaches,
        deadline=deadline,
        days_late=_late(reaches, deadline),
    )


def history(stats: BuildingStats, as_of: dt.date) -> tuple[Point, ...]:
    """Found and verified findings at the end of every HISTORY_STEP-th day from the first
    finding to the as-of day (which is always the last point)."""
    found = stats.found_days()
    if not found:
        return ()
    verified = _closed_days(stats)
    verified.update(stats.undated_verified)  # verified from the day they were found
    first = min(found).toordinal()
    end = as_of.toordinal()
    days = [*range(first, end, HISTORY_STEP), end]
    return tuple(
        Point(day=dt.date.fromordinal(d), found=_upto(found, d), verified=_upto(verified, d))
        for d in days
    )


def merged(parts: Iterable[BuildingStats]) -> BuildingStats:
    """The findings of several buildings as one (for a batch's history)."""
    from journey.findings import BuildingStats

    out = BuildingStats()
    for stats in parts:
        out.open_found.update(stats.open_found)
        out.closed_pairs.update(stats.closed_pairs)
        out.undated_verified.update(stats.undated_verified)
        out.total += stats.total
        out.verified += stats.verified
    return out


def _upto(days: Counter[dt.date], end: int) -> int:
    return sum(n for day, n in days.items() if day.toordinal() <= end)


def _add(day: dt.date, days: int) -> dt.date | None:
    """`day` plus `days`, or None beyond the calendar."""
    number = day.toordinal() + days
    return dt.date.fromordinal(number) if number <= dt.date.max.toordinal() else None


def _late(reaches: dt.date | None, deadline: dt.date | None) -> int | None:
    if reaches is None or deadline is None:
        return None
    return reaches.toordinal() - deadline.toordinal()


__all__ = [
    "RECENT_DAYS",
    "Forecast",
    "Point",
    "batch_forecast",
    "forecast",
    "history",
    "merged",
]
