"""Geometry of the `service` report's two inline-SVG charts; templates draw it.

- Satisfaction: one row per dimension, one bar per life-cycle stage, the index on a
  horizontal axis with the dimension's target marked — labels on the left, as in the Gantt
  chart, so that long titles stay readable on a phone and on A4.
- Complaints: the complaints received each month, stacked by level, lowest level at the
  bottom.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence

from journey.messages import format_short_date
from journey.reports.models import Tick
from journey.reports.service_models import (
    Bar,
    DimensionGroup,
    DimensionRow,
    SatisfactionChart,
    Segment,
    TimelineChart,
)

LABEL_WIDTH = 230.0
CHART_WIDTH = 420.0
WIDTH = 720.0
BAR = 8.0
GAP = 12.0
TOP = 26.0
LABEL_CHARS = {"en": 34, "zh": 16}


def satisfaction_chart(
    dims: Sequence[DimensionRow], stages: Sequence[str], lang: str
) -> SatisfactionChart:
    """Bars of each dimension's index per stage, against its target."""
    values = [c.index for d in dims for c in d.stages if c.index is not None]
    values += [d.target for d in dims]
    low = min(0.5, math.floor(min(values, default=0.5) * 10) / 10)
    high = max(1.1, math.ceil(max(values, default=1.1) * 10) / 10)

    def x(value: float) -> float:
        return round(LABEL_WIDTH + (value - low) / (high - low) * CHART_WIDTH, 1)

    row = BAR * max(len(stages), 1) + GAP
    groups = []
    for i, dim in enumerate(dims):
        top = TOP + i * row
        bars = tuple(
            Bar(
                x=LABEL_WIDTH,
                y=round(top + k * BAR, 1),
                width=max(round(x(cell.index) - LABEL_WIDTH, 1), 1.0),
                height=BAR - 1,
                stage=k,
                index=cell.index,
                below=cell.below,
                label=f"{cell.stage} {cell.index:.2f}",
            )
            for k, cell in enumerate(dim.stages)
            if cell.index is not None
        )
        groups.append(
            DimensionGroup(
                label=_label(dim.title, LABEL_CHARS.get(lang, 34)),
                x=x(dim.target),
                width=row - GAP,
                target_y=top,
                bars=bars,
            )
        )
    height = TOP + row * len(dims) + 8
    steps = round((high - low) * 10)
    scale = tuple(Tick(x=x(low + s / 10), label=f"{low + s / 10:.1f}") for s in range(steps + 1))
    return SatisfactionChart(
        width=WIDTH,
        height=height,
        top=TOP,
        bottom=height - 8,
        groups=tuple(groups),
        scale=scale,
        legend=tuple(stages),
    )


def timeline_chart(
    by_month: Mapping[tuple[int, int], Mapping[str, int]],
    levels: Sequence[str],
    titles: Sequence[str],
    lang: str,
) -> TimelineChart:
    """Complaints received per month, stacked by level (`levels`: ids, lowest first, and
    their `titles` for the legend)."""
    left, right, top, bottom = 44.0, WIDTH - 10.0, 14.0, 190.0
    months = _months(min(by_month), max(by_month)) if by_month else []
    totals = [sum(by_month.get(m, {}).values()) for m in months]
    peak = _nice(max(totals, default=0))
    step = (right - left) / max(len(months), 1)
    segments: list[Segment] = []
    ticks: list[Tick] = []
    every = max(1, math.ceil(len(months) / 12))  # at most 12 month labels
    for i, month in enumerate(months):
        x0 = left + i * step
        if i % every == 0:
            day = dt.date(month[0], month[1], 1)
            ticks.append(Tick(x=round(x0 + step * 0.15, 1), label=_month(day, lang)))
        y = bottom
        for rank, level in enumerate(levels):
            count = by_month.get(month, {}).get(level, 0)
            if not count:
                continue
            h = round(count / peak * (bottom - top), 1) if peak else 0.0
            y -= h
            segments.append(
                Segment(
                    level=rank,
                    x=round(x0 + step * 0.15, 1),
                    y=round(y, 1),
                    width=round(step * 0.7, 1),
                    height=max(h, 0.5),
                    count=count,
                )
            )
    scale = tuple(
        Tick(x=round(bottom - k / 4 * (bottom - top), 1), label=str(peak * k // 4))
        for k in range(5)
    )
    return TimelineChart(
        width=WIDTH,
        height=bottom + 24,
        top=top,
        bottom=bottom,
        months=tuple(ticks),
        segments=tuple(segments),
        scale=scale if peak else (),
        legend=tuple(titles),
    )


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out = []
    year, month = first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _month(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year % 100:02d}年{day.month}月"
    return format_short_date(day, lang).split(" ", 1)[1] + f" {day.year % 100:02d}"


def _nice(value: int) -> int:
    """The smallest round number (1, 2 or 5 × 10ⁿ, times 4 for the grid) at or above."""
    if value <= 0:
        return 0
    for base in (4, 8, 20, 40, 80, 200, 400, 800, 2000, 4000, 8000, 20000, 40000, 80000):
        if value <= base:
            return base
    return int(math.ceil(value / 100000) * 100000)


def _label(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["satisfaction_chart", "timeline_chart"]
