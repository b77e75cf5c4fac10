"""Dates as journey reads and computes them.

A date is written `YYYY-MM-DD` and nothing else (Python alone would also take
`20261024` and `2026-W43-6`). Arithmetic on dates stays inside the calendar Python
knows (years 1 to 9999): a task scheduled past 9999-12-31 finishes on that day rather
than crashing the run, which a project dated at the calendar's edge could otherwise do.
"""

from __future__ import annotations

import datetime as dt
import re

_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIRST, _LAST = dt.date.min.toordinal(), dt.date.max.toordinal()


def is_date_form(value: str) -> bool:
    """True when `value` is written `YYYY-MM-DD` (the day may still be impossible)."""
    return _FORM.fullmatch(value) is not None


def parse_date(value: str) -> dt.date:
    """The date written `YYYY-MM-DD` in `value`; ValueError for anything else."""
    if not is_date_form(value):
        raise ValueError("use the form YYYY-MM-DD")
    return dt.date.fromisoformat(value)


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held at the first or last day of the calendar."""
    return dt.date.fromordinal(min(max(day.toordinal() + days, _FIRST), _LAST))
