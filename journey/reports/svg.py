"""Geometry of the inline-SVG charts; templates draw it, so all text stays escaped.

Two Gantt charts are made from the same tasks: the full chart (a label column, the whole
plan; on screens wider than a phone and on paper) and the phone chart (no label column:
each task's label on a line of its own above its bar, from two weeks before the as-of
day to the end of the plan, fitted to a phone's width — so the as-of line is in view
without scrolling and labels keep a readable size).
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from collections.abc import Callable, Mapping, Sequence

from journey.dates import add_days
from journey.messages import format_short_date, milestone_name
from journey.reports.models import (
    Bar,
    BarState,
    BurnDownChart,
    ChartPoint,
    Gantt,
    Link,
    TaskRow,
    Tick,
)

LABEL_WIDTH = 350.0
CHART_WIDTH = 610.0
ROW_HEIGHT = 22.0
TOP = 44.0
MARGIN_DAYS = 30
RIGHT_PAD = 60.0  # room for the label of a milestone at the far right
LABEL_FONT = 12.0  # px, as the stylesheet sets it
PHONE_WIDTH = 340.0
PHONE_ROW = 34.0
PHONE_BEFORE = 14  # days before the as-of day the phone chart starts

X = Callable[[dt.date], float]


def text_width(text: str, size: float = LABEL_FONT) -> float:
    """The width of `text` in px, estimated: a wide (CJK) character is 1 em, others ~0.56."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.56 for ch in text)


def fit(text: str, width: float, size: float = LABEL_FONT) -> str:
    """`text`, cut with "…" only when it is wider than `width` px."""
    if text_width(text, size) <= width:
        return text
    out = ""
    for ch in text:
        if text_width(out + ch + "…", size) > width:
            break
        out += ch
    return out + "…"


def _empty(width: float) -> Gantt:
    return Gantt(width=width, height=TOP, label_width=LABEL_WIDTH, row_height=ROW_HEIGHT, top=TOP,
                 bars=(), months=(), milestones=(), today=None)  # fmt: skip


def gantt(
    tasks: Sequence[TaskRow],
    milestones: Mapping[str, dt.date],
    as_of: dt.date,
    lang: str,
) -> Gantt:
    """The full chart: a bar per task, float after it, month ticks, milestone lines, the
    as-of line, and connectors along the critical chain."""
    if not tasks:
        return _empty(LABEL_WIDTH + CHART_WIDTH)
    first = min(t.start for t in tasks)
    last = max(_float_end(t) for t in tasks)
    show_today = _days(first, as_of) >= -MARGIN_DAYS and _days(as_of, last) >= -MARGIN_DAYS
    if show_today:
        first, last = min(first, as_of), max(last, as_of)
    scale = (CHART_WIDTH - RIGHT_PAD) / max(_days(first, last), 1)

    def x(day: dt.date) -> float:
        return round(LABEL_WIDTH + _days(first, day) * scale, 1)

    bars = tuple(
        _bar(t, TOP + i * ROW_HEIGHT + 4, x, scale, fit(f"{t.id} {t.title}", LABEL_WIDTH - 8))
        for i, t in enumerate(tasks)
    )
    return Gantt(
        width=LABEL_WIDTH + CHART_WIDTH,
        height=TOP + ROW_HEIGHT * len(tasks) + 8,
        label_width=LABEL_WIDTH,
        row_height=ROW_HEIGHT,
        top=TOP,
        bars=bars,
        months=_ticks(first, last, x, lang),
        milestones=_milestones(milestones, first, last, x, lang),
        today=Tick(x=x(as_of), label=format_short_date(as_of, lang)) if show_today else None,
        links=_links(tasks, bars, ROW_HEIGHT - 8),
        start=first,
    )


def phone_gantt(
    tasks: Sequence[TaskRow],
    milestones: Mapping[str, dt.date],
    as_of: dt.date,
    lang: str,
) -> Gantt:
    """The phone chart: from two weeks before the as-of day, labels above the bars.

    Tasks done before its first day are left out (`hidden` counts them); a bar starting
    earlier is drawn from the left edge (`clipped`)."""
    first = add_days(as_of, -PHONE_BEFORE)
    shown = [t for t in tasks if not (t.status == "done" and t.finish < first)]
    if not shown:
        return _empty(PHONE_WIDTH).model_copy(update={"hidden": len(tasks), "start": first})
    last = max(max(_float_end(t) for t in shown), as_of)
    scale = (PHONE_WIDTH - 8) / max(_days(first, last), 1)

    def x(day: dt.date) -> float:
        return round(4 + max(_days(first, day), 0) * scale, 1)

    bars = tuple(
        _bar(t, TOP + i * PHONE_ROW + 16, x, scale, fit(f"{t.id} {t.title}", PHONE_WIDTH - 8))
        .model_copy(update={"label_x": 4.0, "clipped": t.start < first})
        for i, t in enumerate(shown)
    )  # fmt: skip
    return Gantt(
        width=PHONE_WIDTH,
        height=TOP + PHONE_ROW * len(shown) + 8,
        label_width=0,
        row_height=PHONE_ROW,
        top=TOP,
        bars=bars,
        months=_ticks(first, last, x, lang),
        milestones=_milestones(milestones, first, last, x, lang),
        today=Tick(x=x(as_of), label=format_short_date(as_of, lang)),
        links=_links(shown, bars, 10),
        start=first,
        hidden=len(tasks) - len(shown),
    )


def _bar(task: TaskRow, y: float, x: X, scale: float, label: str) -> Bar:
    left = x(task.start)
    right = x(task.finish)
    slack = task.float_days or 0
    return Bar(
        id=task.id,
        label=label,
        x=left,
        y=y,
        width=max(round(right - left, 1), 3.0),
        state=_state(task),
        critical=task.critical,
        float_width=round(slack * scale, 1) if slack > 0 and task.status != "done" else 0.0,
    )


def _state(task: TaskRow) -> BarState:
    if task.status == "done":
        return "done"
    if task.late:
        return "late"
    if task.status == "doing":
        return "doing"
    return "at-risk" if task.at_risk else "todo"


def _links(tasks: Sequence[TaskRow], bars: Sequence[Bar], height: float) -> tuple[Link, ...]:
    """Elbow connectors from each task of the critical chain to the next one on it."""
    chain = [(t, b) for t, b in zip(tasks, bars, strict=True) if t.critical]
    chain.sort(key=lambda tb: (tb[0].start, tb[0].finish))
    return tuple(
        Link(x1=a.x + a.width, y1=a.y + height / 2, x2=max(b.x, a.x + a.width), y2=b.y)
        for (_, a), (_, b) in itertools.pairwise(chain)
    )


def _ticks(first: dt.date, last: dt.date, x: X, lang: str) -> tuple[Tick, ...]:
    return tuple(Tick(x=x(m), label=format_short_date(m, lang)) for m in _months(first, last))


def _milestones(
    milestones: Mapping[str, dt.date], first: dt.date, last: dt.date, x: X, lang: str
) -> tuple[Tick, ...]:
    return tuple(
        Tick(x=x(day), label=milestone_name(name, lang))
        for name, day in sorted(milestones.items(), key=lambda kv: kv[1])
        if first <= day <= last
    )


def _float_end(task: TaskRow) -> dt.date:
    slack = task.float_days or 0
    if slack <= 0 or task.status == "done":
        return task.finish
    return add_days(task.finish, slack)


def _days(a: dt.date, b: dt.date) -> int:
    return b.toordinal() - a.toordinal()


MAX_TICKS = 24


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every month from `first` to `last`, thinned to at most
    MAX_TICKS ticks (every second, third … month) on a long plan."""
    start = first.year * 12 + first.month - 1
    end = last.year * 12 + last.month - 1
    step = max(1, -(-(end - start + 1) // MAX_TICKS))
    days = (dt.date(m // 12, m % 12 + 1, 1) for m in range(start, end + 1, step))
    return [day for day in days if day >= first]


# Burn-down -----------------------------------------------------------------------

BURN_WIDTH = 320.0
BURN_HEIGHT = 150.0
BURN_PAD = (34.0, 10.0, 12.0, 20.0)  # left, right, top, bottom


def burndown_chart(chart: BurnDownChart, history: Sequence[tuple[dt.date, float]],
                   as_of: dt.date) -> BurnDownChart:  # fmt: skip
    """`chart` with its geometry: the verified share over time up to the as-of day, the
    forecast from there to the day the target is reached, the target and the deadline."""
    if not history:
        return chart
    first = history[0][0]
    ends = [as_of, *(d for d in (chart.reaches, chart.deadline) if d is not None)]
    last = max(ends)
    left, right, top, bottom = BURN_PAD
    span = max(_days(first, last), 1)
    inner_w, inner_h = BURN_WIDTH - left - right, BURN_HEIGHT - top - bottom

    def x(day: dt.date) -> float:
        return round(left + _days(first, day) / span * inner_w, 1)

    def y(share: float) -> float:
        return round(top + (1 - share) * inner_h, 1)

    line = tuple(ChartPoint(x=x(d), y=y(v)) for d, v in history)
    ahead: tuple[ChartPoint, ...] = ()
    if chart.reaches is not None and not chart.reached:
        ahead = (line[-1], ChartPoint(x=x(chart.reaches), y=y(chart.target)))
    return chart.model_copy(
        update={
            "width": BURN_WIDTH,
            "height": BURN_HEIGHT,
            "line": line,
            "forecast": ahead,
            "target_y": y(chart.target),
            "deadline_x": x(chart.deadline) if chart.deadline is not None else None,
            "today_x": x(as_of),
            "first": first,
            "last": last,
        }
    )
