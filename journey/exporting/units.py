"""`journey export units`: every home, deliverable or held back and why (SPEC §12).

One sheet a batch (or one for the project): every home of the unit register — or,
without a register, every home with a finding — with its floor, area, layout, customer
tags, open findings, and `deliverable` or `hold` with the reasons for a hold: an open
finding on a blocking item (the first one named), a disputed finding. The delivery-day
team walks this list; the tagged homes are the key customers (客户梳理).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.exporting.listing import Cell, ColumnSpec, Listing, Sheet, columns, rows_of
from journey.messages import text
from journey.units import KNOWN_TAGS, HomeState, home_states

if TYPE_CHECKING:
    from journey.exporting import Request
    from journey.project import Project

SPEC: tuple[ColumnSpec, ...] = (
    "building", "unit", "floor", ("area", "number"), "type", "tags", ("open_findings", "int"),
    "handover", "hold_reasons",
)  # fmt: skip


def build(request: Request) -> Listing:
    """A sheet per batch (or one for the project), a row per home."""
    project, lang = request.project, request.lang
    views = [(b.id, project.for_batch(b.id)) for b in project.file.batches] or [
        (text("export.units_sheet", lang), project)
    ]
    sheets = [Sheet(name, columns(lang, *SPEC)) for name, _ in views]
    rows: list[tuple[int, list[Cell]]] = []
    for index, (_, view) in enumerate(views):
        rows += [(index, _row(view, home, lang)) for home in home_states(view)]
    return Listing(sheets, rows_of(rows))


def _row(project: Project, home: HomeState, lang: str) -> list[Cell]:
    details = project.units.details if project.units is not None else {}
    floor, area, layout = details.get((home.building, home.unit), (None,) * 3)
    tags = [text(f"tag.{t}", lang) if t in KNOWN_TAGS else t for t in home.tags]
    return [
        home.building,
        home.unit,
        floor,
        area,
        layout,
        ("、" if lang == "zh" else ", ").join(tags) or None,
        home.open,
        text("home.deliverable" if home.deliverable else "home.hold", lang),
        _reasons(home, lang),
    ]


def _reasons(home: HomeState, lang: str) -> str | None:
    parts = []
    if home.blocking_open:
        parts.append(
            text("home.blocking", lang, count=home.blocking_open, first=home.first_blocking)
        )
    if home.disputed:
        parts.append(text("home.disputed", lang, count=home.disputed))
    return ("；" if lang == "zh" else "; ").join(parts) or None
