"""The rectification burn-down: verified share over time and the forecast day."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from journey.burndown import RECENT_DAYS, batch_forecast, forecast, history
from journey.findings import BuildingStats

D = dt.date
AS_OF = D(2026, 10, 20)


def building(closed: dict[dt.date, int], open_: int, undated: int = 0) -> BuildingStats:
    """Findings all found on 1 October: some closed on the given days, some open."""
    found = D(2026, 10, 1)
    stats = BuildingStats(
        open_found=Counter({found: open_}) if open_ else Counter(),
        closed_pairs=Counter({(found, day): n for day, n in closed.items()}),
        undated_verified=Counter({found: undated}) if undated else Counter(),
    )
    stats.verified = sum(closed.values()) + undated
    stats.total = stats.verified + open_
    return stats


# 50 closed on 2 October (before the window), then 2 a day from 7 to 20 October: the
# window of the last 14 days, 7–20 October, holds 28 closings: 2 a day.
STEADY = {D(2026, 10, 2): 50, **{D(2026, 10, d): 2 for d in range(7, 21)}}


def test_the_forecast_at_the_recent_closing_rate() -> None:
    stats = building(STEADY, open_=22)  # 100 findings, 78 verified
    f = forecast("T6", stats, 0.95, AS_OF, D(2026, 10, 25))
    assert RECENT_DAYS == 14
    assert (f.findings, f.verified, f.needed) == (100, 78, 17)  # 95 needed
    assert (f.recent_closed, f.rate) == (28, 2.0)
    assert f.reaches == D(2026, 10, 29)  # 17 at 2 a day: 9 days (8.5 rounded up)
    assert (f.days_late, f.reached) == (4, False)
    early = forecast("T6", stats, 0.95, AS_OF, D(2026, 11, 30))
    assert early.days_late == -32


def test_undated_verified_findings_count_but_do_not_set_the_pace() -> None:
    stats = building(STEADY, open_=12, undated=10)  # 100 findings, 88 verified
    f = forecast("T1", stats, 0.95, AS_OF, None)
    assert (f.needed, f.rate, f.reaches, f.days_late) == (7, 2.0, D(2026, 10, 24), None)


def test_reached_and_stalled_buildings() -> None:
    done = forecast("T2", building(STEADY, open_=2), 0.95, AS_OF, D(2026, 12, 26))
    assert (done.reached, done.needed, done.reaches) == (True, 0, AS_OF)
    stalled = forecast("T3", building({D(2026, 10, 2): 50}, open_=50), 0.95, AS_OF, None)
    assert (stalled.reached, stalled.needed, stalled.rate, stalled.reaches) == (
        False,
        45,
        0.0,
        None,
    )


def test_a_batch_is_ready_with_its_last_building() -> None:
    late = forecast("T6", building(STEADY, open_=22), 0.95, AS_OF, D(2026, 10, 25))
    done = forecast("T5", building(STEADY, open_=2), 0.95, AS_OF, D(2026, 10, 25))
    both = batch_forecast("batch-2", [done, late], D(2026, 10, 25))
    assert (both.level, both.reaches, both.days_late, both.needed) == (
        "batch",
        D(2026, 10, 29),
        4,
        17,
    )
    stalled = forecast("T3", building({D(2026, 10, 2): 50}, open_=50), 0.95, AS_OF, None)
    assert batch_forecast("batch-1", [done, stalled], None).reaches is None


def test_history_week_by_week() -> None:
    points = history(building(STEADY, open_=22), AS_OF)
    assert [(p.day, p.found, p.verified) for p in points] == [
        (D(2026, 10, 1), 100, 0),
        (D(2026, 10, 8), 100, 54),  # 50 on the 2nd, 2 on the 7th and the 8th
        (D(2026, 10, 15), 100, 68),
        (D(2026, 10, 20), 100, 78),  # the as-of day ends the history
    ]
