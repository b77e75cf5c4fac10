"""Reading projects in parallel, one worker process per core (SPEC §14).

Per-project work is independent, so the portfolio scales by projects: each worker loads
the catalog once, then reads one project folder at a time and sends back its small
summary (`Outcome`), never its rows. On platforms that fork, workers inherit the catalog
the parent already loaded; elsewhere each loads it in its initializer.

A project is stamped after it is read — each input file's size, modification time and
SHA-256 — so that the cache knows what it summarised. A file modified after its
project's reading began (its time is not before the start, less a margin for coarse
file-system clocks) makes the reading *racy*: the cache never reuses it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import sys
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from journey.errors import InvalidInput
from journey.portfolio.models import Outcome, Stamp

if TYPE_CHECKING:
    from journey.catalog import Catalog

MARGIN_NS = 2_000_000_000  # file-system clocks lag the system clock by up to this much


class Task(NamedTuple):
    """One project folder to read: as the user gave it, and resolved (the cache's key)."""

    given: str
    folder: str


class Setting(NamedTuple):
    """What every reading shares."""

    catalog_root: str | None  # None: the bundled catalog
    as_of: dt.date
    gates: tuple[str, ...]


def absolute(path: str | Path) -> str:
    """A path made absolute without following symbolic links (a linked project.yaml
    stays inside its project folder, which is what the cache checks)."""
    return os.path.abspath(path)  # noqa: PTH100 - Path.resolve() follows links


def jobs_default() -> int:
    """One worker per core."""
    return os.cpu_count() or 1


def workers(tasks: int, jobs: int) -> int:
    """How many processes read `tasks` projects: none for none, this one for one (or with
    one job), else one per job up to one per project."""
    if tasks == 0:
        return 0
    return 1 if jobs <= 1 or tasks == 1 else min(jobs, tasks)


def read_all(
    tasks: Sequence[Task], setting: Setting, catalog: Catalog, jobs: int
) -> Iterator[Outcome]:
    """Each task's outcome, in task order: in this process for a single task or job, else
    in `jobs` worker processes."""
    _prepare(setting, catalog)
    count = workers(len(tasks), jobs)
    if count <= 1:
        yield from map(read, tasks)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(8, len(tasks) // (count * 8)))
    with ProcessPoolExecutor(count, context, initializer=_init, initargs=(setting,)) as pool:
        yield from pool.map(read, tasks, chunksize=chunk)


class _State:
    """What this process reads projects with (set before workers fork, or in each)."""

    setting: Setting | None = None
    catalog: Catalog | None = None


def _prepare(setting: Setting, catalog: Catalog) -> None:
    _State.setting, _State.catalog = setting, catalog


def _init(setting: Setting) -> None:
    """A worker's start: the catalog is already here after a fork, else it is loaded."""
    if _State.setting != setting or _State.catalog is None:
        from journey.catalog import load_catalog

        root = Path(setting.catalog_root) if setting.catalog_root else None
        _prepare(setting, load_catalog(root))


def read(task: Task) -> Outcome:
    """Read, evaluate and summarise one project folder."""
    from journey.portfolio.summary import summarise
    from journey.project import load_project

    setting, catalog = _State.setting, _State.catalog
    assert setting is not None and catalog is not None, "read() before _prepare()"
    started = time.time_ns()
    try:
        project = load_project(Path(task.given), catalog, setting.as_of)
    except InvalidInput as exc:
        return Outcome(task.folder, None, exc.problems, peak_kib=peak_kib())
    stamps, racy = stamp_all(project.source_files(), started)
    summary = summarise(project, setting.gates)
    return Outcome(task.folder, summary, tuple(project.warnings), stamps, racy, peak_kib())


def stamp_all(paths: Sequence[Path], started: int) -> tuple[tuple[Stamp, ...], bool]:
    """The stamps of a project's files, and whether any changed after `started`."""
    stamps = []
    for path in paths:
        try:
            stamps.append(stamp(path))
        except OSError:  # gone or unreadable since it was read: do not cache this reading
            return tuple(stamps), True
    racy = any(s.mtime_ns >= started - MARGIN_NS for s in stamps)
    return tuple(stamps), racy


def stamp(path: Path) -> Stamp:
    """Size, modification time and SHA-256 of a file (the time taken before the hash)."""
    info = path.stat()
    return Stamp(
        path=absolute(path),
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        sha256=digest(path),
    )


def digest(path: Path) -> str:
    """The SHA-256 of a file's content, read in blocks."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def peak_kib() -> int:
    """This process's peak resident memory so far, in KiB (0 where it cannot be known)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak
