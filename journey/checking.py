"""What `journey validate` checks: catalog folders, single files and project folders."""

from __future__ import annotations

import datetime as dt
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
from journey.problems import Problem, cap, problem, sort_key

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
    """Validate each target: a catalog folder, a project folder, or one YAML file.

    With no target, the active catalog is validated. A single catalog file is checked
    together with the active catalog (minus any file at the same path), so that its
    references resolve as they will once it is part of the catalog. `as_of` (default
    today) decides which project waivers have expired.
    """
    outcome = Outcome()
    base = catalog_root or bundled_root()
    if not targets:
        _check_catalog(outcome, discover(base), base)
        return outcome
    catalog: Catalog | None = None
    for target in targets:
        if not target.exists():
            outcome.problems.append(problem(shown_path(target), 0, 0, "", "file.missing"))
        elif _is_project(target):
            if catalog is None:
                catalog = _active_catalog(outcome, base)
            if catalog is not None:
                folder = target if target.is_dir() else target.parent
                _check_project(outcome, folder, catalog, as_of)
        elif target.is_dir():
            _check_catalog(outcome, discover(target), target)
        else:
            others = [p for p in discover(base) if p.resolve() != target.resolve()]
            _check_catalog(outcome, [*others, target], target, count_only=target)
    outcome.problems = cap(sorted(outcome.problems, key=sort_key))
    return outcome


def _is_project(target: Path) -> bool:
    if target.is_dir():
        found = target / PROJECT_FILE
        return found.exists() or found.is_symlink()
    return target.name == PROJECT_FILE


def _check_catalog(
    outcome: Outcome, paths: list[Path], root: Path, count_only: Path | None = None
) -> None:
    if not paths:
        outcome.problems.append(nothing_found(root))
        return
    catalog, problems = read_catalog(paths, root if root.is_dir() else None)
    outcome.problems.extend(problems)
    outcome.files += 1 if count_only else len(paths)
    outcome.items += catalog.item_count()


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
