"""The numbers of SPEC §12 as rows of text, for the gate's text and Markdown output."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.messages import text

if TYPE_CHECKING:
    from journey.gates import GateResult
    from journey.numbers import Numbers

HEADS = ("num.scope", "num.findings", "num.homes", "num.per_home", "num.rate", "num.reopened",
         "num.days", "num.overdue", "num.score")  # fmt: skip


def rows(result: GateResult, lang: str) -> list[list[str]]:
    """A header row, then the project, each batch and each building (empty without numbers)."""
    numbers = result.numbers
    if numbers is None or (not numbers.project.findings and not numbers.project.homes_inspected):
        return []
    out = [[text(h, lang) for h in HEADS], [text("num.project", lang), *cells(numbers.project)]]
    out += [[b, *cells(n)] for b, n in numbers.batches.items()]
    out += [[b, *cells(n)] for b, n in numbers.buildings.items()]
    return out


def cells(n: Numbers) -> list[str]:
    """One scope's numbers as text; "—" where there is nothing to count."""
    days = (
        "—"
        if n.days_to_close_mean is None
        else f"{n.days_to_close_mean:.1f} / {n.days_to_close_p90}"
    )
    return [
        f"{n.findings:,}",
        f"{n.homes_inspected:,}",
        _num(n.findings_per_home),
        _pct(n.rectification_rate),
        _pct(n.reopened_share),
        days,
        _pct(n.overdue_share),
        _num(n.score),
    ]


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"
