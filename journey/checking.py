"""What `journey validate` checks: catalog folders, single files and project folders."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from journey.catalog import (
    Catalog,
    bundled_root,
    discover,
    nothing_found,
    read_catalog,
    shown_path,
)
from journey.problems import Problem, Severity, cap, problem, sort_key
from journey.tables import SUFFIXES

PROJECT_FILE = "project.yaml"


@dataclass
class Outcome:
    """Every problem found, and how much was looked at."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    items: int = 0

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the input invalid."""
        return [p for p in self.problems if p.is_error]


def validate_paths(
    targets: Sequence[Path], catalog_root: Path | None, as_of: dt.date | None = None
) -> Outcome:
    """Validate each target: a catalog folder, a project folder, or one file.

    With no target, the active catalog is validated. A project's `project.yaml` or one
    of its findings tables checks that project (once, however many of its files are
    given, as pre-commit gives them); a file of the active catalog checks the active
    catalog (once); any other YAML file is checked together with the active catalog
    (minus any file at the same path), so that its references resolve as they will
    once it is part of the catalog. `as_of` (default today) decides which project
    waivers have expired.
    """
    outcome = Outcome()
    base = catalog_root or bundled_root()
    if not targets:
        _check_catalog(outcome, discover(base), base)
        return outcome
    plan = _Plan(base)
    for target in targets:
        plan.add(target, outcome)
    catalog = _check_catalog(outcome, discover(base), base) if plan.whole_catalog else None
    if plan.projects:
        if not plan.whole_catalog:  # read once: checked in full above, or only for errors
            catalog = _active_catalog(outcome, base)
        if catalog is not None:
            for folder in plan.projects.values():
                _check_project(outcome, folder, catalog, as_of)
    outcome.problems.extend(_unlisted(plan.tables))
    outcome.problems = cap(sorted(outcome.problems, key=sort_key))
    return outcome


@dataclass
class _Plan:
    """What the targets ask to check, each project and the catalog once."""

    base: Path
    projects: dict[object, Path] = field(default_factory=dict)
    tables: list[tuple[Path, Path]] = field(default_factory=list)  # (table, its project)
    whole_catalog: bool = False

    def add(self, target: Path, outcome: Outcome) -> None:
        if not target.exists() and not target.is_symlink():
            outcome.problems.append(problem(shown_path(target), 0, 0, "", "file.missing"))
        elif _is_project(target):
            self._project(target if target.is_dir() else target.parent)
        elif target.is_dir():
            _check_catalog(outcome, discover(target), target)
        elif target.suffix.lower() in SUFFIXES:
            folder = _project_above(target)
            if folder is None:
                outcome.problems.append(
                    problem(shown_path(target), 0, 0, "", "validate.no_project")
                )
            else:
                self._project(folder)
                self.tables.append((target, folder))
        elif self.base.is_dir() and _inside(target, self.base):
            self.whole_catalog = True
        else:
            others = [p for p in discover(self.base) if _key(p) != _key(target)]
            _check_catalog(outcome, [*others, target], target, count_only=target)

    def _project(self, folder: Path) -> None:
        self.projects.setdefault(_key(folder), folder)


def _key(path: Path) -> object:
    """The file or folder behind `path`, whatever its spelling."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return os.path.normpath(path.absolute())
    return info.st_dev, info.st_ino


def _inside(path: Path, folder: Path) -> bool:
    here = Path(os.path.normpath(path.absolute()))
    return Path(os.path.normpath(folder.absolute())) in here.parents


def _project_above(table: Path) -> Path | None:
    """The nearest folder holding project.yaml, from the table's folder upwards."""
    start = Path(os.path.normpath(table.absolute())).parent
    for folder in (start, *start.parents):
        if (folder / PROJECT_FILE).exists():
            return Path(shown_path(folder))
    return None


def _unlisted(tables: list[tuple[Path, Path]]) -> list[Problem]:
    """A warning for each table its project does not list: journey never reads it."""
    from journey.yamlio import load_file

    out: list[Problem] = []
    for table, folder in tables:
        doc, _ = load_file(folder / PROJECT_FILE, shown_path(folder / PROJECT_FILE))
        listed = doc.data.get("findings") if doc is not None else None
        names = [n for n in listed if isinstance(n, str)] if isinstance(listed, list) else []
        if _key(table) not in {_key(folder / n) for n in names}:
            where = shown_path(table)
            out.append(
                problem(
                    where,
                    0,
                    0,
                    "",
                    "validate.not_listed",
                    severity=Severity.WARNING,
                    project=shown_path(folder / PROJECT_FILE),
                )
            )
    return out


def _is_project(target: Path) -> bool:
    if target.is_dir():
        found = target / PROJECT_FILE
        return found.exists() or found.is_symlink()
    return target.name == PROJECT_FILE


def _check_catalog(
    outcome: Outcome, paths: list[Path], root: Path, count_only: Path | None = None
) -> Catalog | None:
    """Every problem of the catalog made of `paths`, and what it holds counted; the
    catalog when it has no error."""
    if not paths:
        outcome.problems.append(nothing_found(root))
        return None
    catalog, problems = read_catalog(paths, root if root.is_dir() else None)
    outcome.problems.extend(problems)
    outcome.files += 1 if count_only else len(paths)
    outcome.items += catalog.item_count()
    return None if any(p.is_error for p in problems) else catalog


def _active_catalog(outcome: Outcome, base: Path) -> Catalog | None:
    catalog, problems = read_catalog(discover(base), base)
    errors = [p for p in problems if p.is_error]
    outcome.problems.extend(errors)
    return None if errors else catalog


def _check_project(outcome: Outcome, folder: Path, catalog: Catalog, as_of: dt.date | None) -> None:
    from journey.project import check_project

    problems, files = check_project(folder, catalog, as_of=as_of)
    outcome.problems.extend(problems)
    outcome.files += files
