"""Geometry of the inline-SVG charts; templates draw it, so all text stays escaped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from journey.dates import add_days
from journey.messages import format_short_date, milestone_name
from journey.reports.models import Bar, BarState, Gantt, TaskRow, Tick

LABEL_WIDTH = 300.0
CHART_WIDTH = 660.0
ROW_HEIGHT = 22.0
TOP = 44.0
MARGIN_DAYS = 30
RIGHT_PAD = 60.0  # room for the label of a milestone at the far right
LABEL_CHARS = {"en": 40, "zh": 22}


def gantt(
    tasks: Sequence[TaskRow],
    milestones: Mapping[str, dt.date],
    as_of: dt.date,
    lang: str,
) -> Gantt:
    """One bar per task, month ticks, milestone lines and the as-of line."""
    if not tasks:
        return Gantt(
            width=LABEL_WIDTH + CHART_WIDTH,
            height=TOP,
            label_width=LABEL_WIDTH,
            row_height=ROW_HEIGHT,
            top=TOP,
            bars=(),
            months=(),
            milestones=(),
            today=None,
        )
    first = min(t.start for t in tasks)
    last = max(t.finish for t in tasks)
    show_today = add_days(first, -MARGIN_DAYS) <= as_of <= add_days(last, MARGIN_DAYS)
    if show_today:
        first, last = min(first, as_of), max(last, as_of)
    scale = (CHART_WIDTH - RIGHT_PAD) / max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return round(LABEL_WIDTH + (day - first).days * scale, 1)

    return Gantt(
        width=LABEL_WIDTH + CHART_WIDTH,
        height=TOP + ROW_HEIGHT * len(tasks) + 8,
        label_width=LABEL_WIDTH,
        row_height=ROW_HEIGHT,
        top=TOP,
        bars=tuple(_bar(t, i, x, scale, lang) for i, t in enumerate(tasks)),
        months=tuple(Tick(x=x(m), label=format_short_date(m, lang)) for m in _months(first, last)),
        milestones=tuple(
            Tick(x=x(day), label=milestone_name(name, lang))
            for name, day in sorted(milestones.items(), key=lambda kv: kv[1])
            if first <= day <= last
        ),
        today=Tick(x=x(as_of), label=format_short_date(as_of, lang)) if show_today else None,
    )


def _bar(task: TaskRow, index: int, x: Callable[[dt.date], float], scale: float, lang: str) -> Bar:
    left = x(task.start)
    return Bar(
        id=task.id,
        label=_label(f"{task.id} {task.title}", LABEL_CHARS.get(lang, 40)),
        x=left,
        y=TOP + index * ROW_HEIGHT + 4,
        width=max(round((task.finish - task.start).days * scale, 1), 3.0),
        state=_state(task),
        critical=task.critical,
    )


def _state(task: TaskRow) -> BarState:
    if task.status == "done":
        return "done"
    if task.late:
        return "late"
    if task.at_risk:
        return "at-risk"
    return "critical" if task.critical else "normal"


def _label(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


MAX_TICKS = 24


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every month from `first` to `last`, thinned to at most
    MAX_TICKS ticks (every second, third … month) on a long plan."""
    start = first.year * 12 + first.month - 1
    end = last.year * 12 + last.month - 1
    step = max(1, -(-(end - start + 1) // MAX_TICKS))
    days = (dt.date(m // 12, m % 12 + 1, 1) for m in range(start, end + 1, step))
    return [day for day in days if day >= first]
