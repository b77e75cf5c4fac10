"""`journey export status`: the project's risks, checks and tasks as a workbook to edit.

Three sheets (journey.statusbook.SHEETS) with every item the project is assessed on —
those it has not recorded yet with their default status, so the workbook is the whole
to-do — pre-filled from the project (project.yaml, or its status workbook). The status
column offers the allowed statuses in a drop-down list, in the workbook's language.
Saved beside project.yaml and named under `status:`, the workbook is read back as the
project's statuses (journey.statusbook).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from journey.chars import printable
from journey.exporting.listing import Cell, CellType, Column, Listing, Sheet, rows_of
from journey.messages import text
from journey.statusbook import SHEETS, Field, StatusSheet, format_per_building

if TYPE_CHECKING:
    from journey.exporting import Request
    from journey.project import Project

_TYPES: dict[str, CellType] = {"id": "text", "text": "text", "date": "date", "int": "int"}


def build(request: Request) -> Listing:
    """The three sheets, in the request's language."""
    lang = request.lang
    sheets = []
    rows: list[tuple[int, list[Cell]]] = []
    for index, spec in enumerate(SHEETS):
        sheets.append(Sheet(spec.title(lang), tuple(_column(f, spec, lang) for f in spec.fields)))
        words = {s: status_word(s, lang) for s in spec.statuses}
        for info, state in _ITEMS[spec.section](request.project, lang):
            rows.append((index, _row(spec, info, state, words, lang)))
    return Listing(sheets, rows_of(rows))


def status_word(status: str, lang: str) -> str:
    """A status as the workbook shows it: its id in English, its word in Chinese."""
    return text(f"status.{status}", "zh") if lang == "zh" else status


def _column(f: Field, spec: StatusSheet, lang: str) -> Column:
    header = text(f"column.{f.name}", lang)
    if f.name == "status":
        return Column(header, "choice", tuple(status_word(s, lang) for s in spec.statuses))
    return Column(header, _TYPES.get(f.type, "text"))


def _row(
    spec: StatusSheet, info: dict[str, Cell], state: Any, words: dict[str, str], lang: str
) -> list[Cell]:
    row: list[Cell] = []
    for f in spec.fields:
        if f.info or f.name == "id":
            row.append(info.get(f.name))
        elif f.name == "status":
            row.append(words[state.status if state is not None else spec.default])
        elif f.type == "per-building":
            results = getattr(state, f.name, None) if state is not None else None
            row.append(format_per_building(results, lang) if results else None)
        else:
            value = getattr(state, f.name, None) if state is not None else None
            row.append(printable(value) if isinstance(value, str) else value)
    return row


Items = Iterator[tuple[dict[str, Cell], Any]]


def _risks(project: Project, lang: str) -> Items:
    states = project.file.risks
    for risk in project.risks().values():
        if not project.applies(risk) and risk.id not in states:
            continue
        rating = project.rating(risk)
        yield (
            {
                "id": risk.id,
                "title": printable(risk.title.get(lang)),
                "owner": _profession(project, risk.owner, lang),
                "rating": text(f"gate.rating.{rating.value}", lang),
            },
            states.get(risk.id),
        )


def _checks(project: Project, lang: str) -> Items:
    states = project.file.checks
    for checklist in project.catalog.checklists.values():
        for item in checklist.items:
            if not project.applies(item) and item.id not in states:
                continue
            yield (
                {
                    "id": item.id,
                    "checklist": printable(checklist.title.get(lang)),
                    "title": printable(item.title.get(lang)),
                    "owner": _profession(project, item.owner, lang),
                    "blocking": text(f"catalog.bool.{str(item.blocking).lower()}", lang),
                },
                states.get(item.id),
            )


def _tasks(project: Project, lang: str) -> Items:
    from journey.schedule import schedule

    states = project.file.tasks
    tasks = [t for t in project.catalog.tasks.values() if project.applies(t) or t.id in states]
    plan = schedule(tasks, project.file.milestones)
    last = dt.date.max

    def finish(task_id: str) -> dt.date | None:
        slot = plan.slots.get(task_id)
        return slot.finish if slot is not None else None

    for task in sorted(tasks, key=lambda t: (finish(t.id) or last, t.id)):
        yield (
            {
                "id": task.id,
                "title": printable(task.title.get(lang)),
                "owner": _profession(project, task.owner, lang),
                "finish": finish(task.id),
            },
            states.get(task.id),
        )


def _profession(project: Project, owner: str, lang: str) -> str:
    return printable(project.catalog.profession_title(owner, lang))


_ITEMS = {"risks": _risks, "checks": _checks, "tasks": _tasks}
