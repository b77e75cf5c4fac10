"""The burn-down forecast in words, for the gate's text and Markdown output and the reports:
"T6 reaches 95% on 2027-01-08, 13 days after delivery (2026-12-26)"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from journey.messages import milestone_name, text

if TYPE_CHECKING:
    from journey.burndown import Forecast

DateFormat = Callable[[dt.date], str]


def target_text(share: float) -> str:
    """A target share as a percentage without needless decimals: 95%, 97.5%."""
    return f"{share * 100:g}%"


def sentence(f: Forecast, lang: str, milestone: str, day: DateFormat = dt.date.isoformat) -> str:
    """When `f`'s building (or batch) reaches its target, against its deadline."""
    scope = text("forecast.batch", lang, scope=f.scope) if f.level == "batch" else f.scope
    target = target_text(f.target)
    if f.reached:
        return text("forecast.reached", lang, scope=scope, ratio=f"{f.ratio:.1%}", target=target)
    if f.reaches is None:
        return text("forecast.stalled", lang, scope=scope, recent=_recent(), target=target)
    when = day(f.reaches)
    if f.days_late is None or f.deadline is None:
        return text("forecast.undated", lang, scope=scope, target=target, date=when)
    named = milestone_name(milestone, lang)
    if f.days_late == 0:
        return text("forecast.on_day", lang, scope=scope, target=target, date=when, milestone=named)
    code = "forecast.late" if f.days_late > 0 else "forecast.early"
    return text(code, lang, scope=scope, target=target, date=when, days=abs(f.days_late),
                milestone=named, deadline=day(f.deadline))  # fmt: skip


def pace(f: Forecast, lang: str) -> str:
    """Where it stands and how fast it closes: the figures behind the forecast."""
    return text(
        "forecast.pace",
        lang,
        ratio=f"{f.ratio:.1%}",
        needed=f"{f.needed:,}",
        rate=f"{f.rate:.1f}",
        recent=_recent(),
    )


def _recent() -> int:
    from journey.burndown import RECENT_DAYS

    return RECENT_DAYS
