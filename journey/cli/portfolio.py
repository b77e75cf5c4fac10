"""`journey portfolio DIR... -o DIR`: every project under some folders on one page."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journey.cli._context import Settings, print_problems, say, settings

if TYPE_CHECKING:
    from journey.portfolio import Portfolio


@click.command("portfolio")
@click.argument(
    "folders", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for index.html, portfolio.json and the cache (created if needed).",
)
@click.option(
    "--gate",
    "gates",
    multiple=True,
    metavar="GATE",
    help="Evaluate this gate (repeatable; default: every gate of the catalog).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes (default: one per core).",
)
def command(
    folders: tuple[Path, ...], output: Path, gates: tuple[str, ...], jobs: int | None
) -> int:
    """Evaluate every project under FOLDERS and write a portfolio page.

    Each FOLDER is a project (it holds project.yaml) or holds projects one level down.
    Writes OUTPUT/index.html and OUTPUT/portfolio.json: each gate's verdict per project
    and batch, the numbers, open red lines, contractor rankings and what recurs across
    projects, the recurring items no defect case covers first. Projects are read in
    parallel; one whose files have not changed is taken from the cache in OUTPUT.
    Exit 0 once written; 2 when a folder holds no project or a project is invalid or
    shares its id with another (the others are still evaluated, the page lists them).
    """
    from journey.messages import text
    from journey.portfolio import build, write
    from journey.portfolio.workers import jobs_default
    from journey.writing import catalog_files

    s = settings()
    catalog = s.load_catalog()
    portfolio = build(
        folders,
        output,
        catalog,
        catalog_root=s.catalog_root(),
        as_of=s.as_of,
        gates=gates,
        jobs=jobs or jobs_default(),
        progress=_progress(s),
    )
    for invalid in portfolio.invalid:
        print_problems(invalid.problems, s)
    written = write(portfolio, output, s.lang, catalog_files(catalog))
    _notes(portfolio, s)
    say(
        text(
            "portfolio.written",
            s.lang,
            projects=len(portfolio.projects),
            read=portfolio.read,
            reused=portfolio.reused,
            invalid=len(portfolio.invalid),
            paths=", ".join(str(p) for p in written),
        ),
        s,
        err=True,
    )
    return 0 if portfolio.valid else 2


def _progress(s: Settings) -> Callable[[int, int], None] | None:
    """On a terminal, a line counting the projects read, rewritten in place."""
    from journey.messages import text

    if s.quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        line = text("portfolio.progress", s.lang, done=done, total=total)
        click.echo(f"\r{line}{end}", nl=False, err=True)

    return show


def _notes(portfolio: Portfolio, s: Settings) -> None:
    """The cache's state when it could not serve, and with -v how the work was spread."""
    from journey.messages import text
    from journey.portfolio.cache import key_folder

    note = portfolio.cache_note
    loud = note in ("portfolio.cache_damaged", "portfolio.cache_no_key")
    if note and (loud or s.verbose):
        click.echo(f"journey: {text(note, s.lang, folder=str(key_folder()))}", err=True)
    if s.verbose and portfolio.read:
        peak = round(portfolio.worker_peak_kib / 1024, 1)
        line = text("portfolio.workers", s.lang, workers=portfolio.workers, peak=peak)
        click.echo(f"journey: {line}", err=True)
