"""A portfolio built: projects found, taken from the cache or read in parallel, checked
for duplicate ids, and what recurs across them counted.

Every folder given is a project (it holds `project.yaml`) or holds projects one level
down. A folder with neither, a project that fails validation, and a project whose id an
earlier one already has are all reported with their place and kept out of the numbers;
the others are still evaluated, and the portfolio is not valid (`journey portfolio`
exits 2 once it has written the page that lists them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from journey._version import __version__
from journey.catalog import shown_path
from journey.errors import UsageProblem
from journey.portfolio import cache, recur
from journey.portfolio.models import (
    Entry,
    GateInfo,
    Invalid,
    Key,
    Outcome,
    Portfolio,
    ProjectSummary,
)
from journey.portfolio.workers import Setting, Task, absolute, read_all, workers
from journey.problems import Place, Problem
from journey.project_file import PROJECT_FILE

if TYPE_CHECKING:
    from journey.catalog import Catalog


def find_projects(folders: Sequence[Path]) -> tuple[list[Path], list[Invalid]]:
    """The project folders under `folders` (each itself, or its sub-folders holding
    project.yaml), in order and each once; a folder with none is an Invalid. A folder
    that does not exist is a usage problem."""
    found: list[Path] = []
    empty: list[Invalid] = []
    seen: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            raise UsageProblem("portfolio.no_folder", path=str(folder))
        inside = [folder] if (folder / PROJECT_FILE).is_file() else _children(folder)
        if not inside:
            shown = shown_path(folder)
            problem = Problem(Place(shown), "", "portfolio.no_project", {"folder": shown})
            empty.append(Invalid(shown, (problem,)))
        for project in inside:
            key = absolute(project)
            if key not in seen:
                seen.add(key)
                found.append(project)
    return found, empty


def _children(folder: Path) -> list[Path]:
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [p for p in entries if not p.name.startswith(".") and (p / PROJECT_FILE).is_file()]


def build(
    folders: Sequence[Path],
    out: Path,
    catalog: Catalog,
    *,
    catalog_root: Path | None,
    as_of: dt.date,
    gates: Sequence[str] = (),
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Portfolio:
    """The portfolio of every project under `folders`, using and renewing the cache in
    `out` (nothing is written here); `progress(done, total)` hears of each project read."""
    from journey.gates import find_gate

    chosen = tuple(dict.fromkeys(gates)) or tuple(catalog.gates)
    for gate in chosen:
        find_gate(catalog, gate)
    found, invalid = find_projects(folders)
    if not found:
        raise UsageProblem("portfolio.none", folders=", ".join(str(f) for f in folders))
    key = Key(journey=__version__, catalog=cache.fingerprint(catalog), as_of=as_of, gates=chosen)
    loaded = cache.load(out, key, catalog) if out.is_dir() else cache.Loaded({}, "")
    tasks, reused = _plan(found, loaded.entries)
    setting = Setting(str(catalog_root) if catalog_root else None, as_of, chosen)
    read = []
    for outcome in read_all(tasks, setting, catalog, jobs):
        read.append(outcome)
        if progress is not None:
            progress(len(read), len(tasks))
    outcomes = _in_order(found, read + reused)
    portfolio = _assemble(outcomes, invalid, catalog, as_of, chosen)
    portfolio.read, portfolio.reused = len(read), len(reused)
    portfolio.workers = workers(len(tasks), jobs)
    portfolio.worker_peak_kib = max((o.peak_kib for o in read), default=0)
    portfolio.cache_note, portfolio.key = loaded.note, key
    portfolio.entries = [
        Entry(folder=o.folder, stamps=o.stamps, summary=o.summary)
        for o in outcomes
        if o.summary is not None and o.stamps and not o.racy
    ]
    portfolio.inputs = [st.path for o in outcomes for st in o.stamps]
    return portfolio


def _plan(found: list[Path], cached: dict[str, Entry]) -> tuple[list[Task], list[Outcome]]:
    """What must be read, and what the cache still holds."""
    tasks: list[Task] = []
    reused: list[Outcome] = []
    for folder in found:
        where = absolute(folder)
        entry = cached.get(where)
        kept = cache.fresh(entry) if entry is not None else None
        if kept is None:
            tasks.append(Task(str(folder), where))
        else:
            summary = kept.summary.model_copy(update={"path": shown_path(folder)})
            reused.append(Outcome(where, summary, (), kept.stamps, cached=True))
    return tasks, reused


def _in_order(found: list[Path], outcomes: list[Outcome]) -> list[Outcome]:
    by_folder = {o.folder: o for o in outcomes}
    return [by_folder[absolute(folder)] for folder in found]


def _assemble(
    outcomes: list[Outcome],
    invalid: list[Invalid],
    catalog: Catalog,
    as_of: dt.date,
    gates: tuple[str, ...],
) -> Portfolio:
    projects: list[ProjectSummary] = []
    first: dict[str, ProjectSummary] = {}
    problems = list(invalid)
    for o in outcomes:
        s = o.summary
        if s is None:
            problems.append(Invalid(shown_path(Path(o.folder)), o.problems))
        elif s.id in first:
            problems.append(_duplicate(s, first[s.id]))
        else:
            first[s.id] = s
            projects.append(s)
    projects.sort(key=lambda s: s.id)
    return Portfolio(
        as_of=as_of,
        catalog=catalog.name,
        version=catalog.version,
        gates=tuple(
            GateInfo(id=g, title=c.title, stage=c.stage, milestone=c.milestone)
            for g in gates
            for c in (catalog.gates[g],)
        ),
        projects=projects,
        invalid=problems,
        recurring=recur.recurring(projects, catalog),
        categories=recur.categories(projects),
        contractors=recur.contractors(projects),
        repair_categories=recur.ranked_categories(projects, "repairs"),
        repair_parties=recur.contractors(projects, "repairs"),
        repair_titles={c.id: c.title for c in catalog.repair_categories.values()},
    )


def _duplicate(s: ProjectSummary, other: ProjectSummary) -> Invalid:
    file = str(Path(s.path) / PROJECT_FILE)
    there = str(Path(other.path) / PROJECT_FILE)
    problem = Problem(
        Place(file, s.id_line, s.id_col),
        "id",
        "portfolio.duplicate_id",
        {"value": s.id, "other": there},
    )
    return Invalid(s.path, (problem,), s.id)
