"""What-if (SPEC §14): a project evaluated as if some milestones had other dates.

`--milestone NAME=DATE` on `gate`, `render`, `site` and `graph` moves one milestone of
the loaded project — of the project itself, or with `--batch` of that batch — before
anything is evaluated, and every output says which dates were moved. Nothing is written
back to `project.yaml`.

A name must be one of the project's milestones (the batch's too, with `--batch`) or one
the catalog uses (a gate's milestone or a plan task's anchor), so that a what-if may date
a milestone the project has not dated yet; anything else is a usage error with a
did-you-mean. Without `--batch`, a batch that sets the same milestone keeps its own date:
the move says which batches did (`shadowed`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from journey.errors import UsageProblem
from journey.types import Model

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.project import Project
    from journey.project_file import Batch


class MilestoneMove(Model):
    """One milestone moved for a what-if: its new date, the date it had, and where."""

    name: str
    date: dt.date
    was: dt.date | None = None  # None: the project (or batch) had no date for it
    batch: str | None = None  # the batch whose milestone moved
    shadowed: tuple[str, ...] = ()  # batches that keep a date of their own for it


class Wanted(NamedTuple):
    """A `NAME=DATE` as given, parsed."""

    name: str
    date: dt.date
    spec: str


def parse(specs: Iterable[str]) -> list[Wanted]:
    """Each `NAME=DATE`; a malformed one, a bad date or a name given twice is a usage
    problem naming what was typed."""
    out: list[Wanted] = []
    for spec in specs:
        name, sep, value = spec.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            raise UsageProblem("whatif.bad_spec", value=spec)
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise UsageProblem("whatif.bad_date", value=spec, date=value) from None
        if any(w.name == name for w in out):
            raise UsageProblem("whatif.twice", value=name)
        out.append(Wanted(name, day, spec))
    return out


def catalog_milestones(catalog: Catalog) -> set[str]:
    """The milestones the catalog's gates and plan tasks name."""
    return {g.milestone for g in catalog.gates.values()} | {
        t.anchor for t in catalog.tasks.values()
    }


def apply(project: Project, wanted: Sequence[Wanted], batch: str | None = None) -> Project:
    """The project with the wanted milestones moved (of batch `batch` when given); the
    moves are kept in `project.what_if`. Unknown names are usage problems."""
    if not wanted:
        return project
    whole = project.whole or project
    target = whole.for_batch(batch).batch if batch is not None else None  # checks the id
    known = _known(whole, target)
    for w in wanted:
        if w.name not in known:
            _unknown(w, known)
    if target is not None:
        return _move_batch(whole, target, wanted)
    return _move_project(whole, wanted)


def _known(project: Project, batch: Batch | None) -> list[str]:
    names = set(project.file.milestones) | catalog_milestones(project.catalog)
    if batch is not None:
        names |= set(batch.milestones)
    return sorted(names)


def _unknown(w: Wanted, known: list[str]) -> None:
    from journey.validation import suggest

    raise UsageProblem(
        "whatif.unknown",
        value=w.spec,
        name=w.name,
        choices=", ".join(known),
        suggestion=suggest(w.name, known),
    )


def _move_project(project: Project, wanted: Sequence[Wanted]) -> Project:
    dates = dict(project.file.milestones)
    moves = []
    for w in wanted:
        shadowed = tuple(b.id for b in project.file.batches if w.name in b.milestones)
        moves.append(
            MilestoneMove(name=w.name, date=w.date, was=dates.get(w.name), shadowed=shadowed)
        )
        dates[w.name] = w.date
    file = project.file.model_copy(update={"milestones": dates})
    return replace(project, file=file, what_if=(*project.what_if, *moves))


def _move_batch(project: Project, batch: Batch, wanted: Sequence[Wanted]) -> Project:
    dates = dict(batch.milestones)
    inherited = project.file.milestones
    moves = [
        MilestoneMove(
            name=w.name, date=w.date, was=dates.get(w.name, inherited.get(w.name)), batch=batch.id
        )
        for w in wanted
    ]
    dates.update({w.name: w.date for w in wanted})
    moved = batch.model_copy(update={"milestones": dates})
    batches = tuple(moved if b.id == batch.id else b for b in project.file.batches)
    file = project.file.model_copy(update={"batches": batches})
    return replace(project, file=file, what_if=(*project.what_if, *moves))


def describe(move: MilestoneMove, lang: str) -> str:
    """One line saying what moved: `open_day 24 Oct 2026 → 5 Nov 2026 (batch-2)`."""
    from journey.messages import format_date, milestone_name, text

    was = format_date(move.was, lang) if move.was else text("whatif.no_date", lang)
    line = text(
        "whatif.moved",
        lang,
        milestone=milestone_name(move.name, lang),
        was=was,
        date=format_date(move.date, lang),
    )
    if move.batch:
        line += " " + text("whatif.in_batch", lang, batch=move.batch)
    if move.shadowed:
        line += " " + text(
            "whatif.shadowed", lang, batches=", ".join(move.shadowed), count=len(move.shadowed)
        )
    return line


def summary(moves: Sequence[MilestoneMove], lang: str) -> str:
    """`What-if: …; …` — every move on one line, or "" when nothing moved."""
    from journey.messages import text

    if not moves:
        return ""
    sep = "；" if lang == "zh" else "; "
    return text("whatif.title", lang, moves=sep.join(describe(m, lang) for m in moves))


__all__ = ["MilestoneMove", "Wanted", "apply", "catalog_milestones", "describe", "parse", "summary"]
