"""`journey site`: every report of a project in both languages, plus an index page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from journey.cli._context import (
    batch_option,
    load_project,
    project_option,
    settings,
    what_if_option,
)

if TYPE_CHECKING:
    from journey.whatif import Wanted


@click.command("site")
@project_option()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the site to (created if needed).",
)
@click.option(
    "--previous",
    type=click.Path(path_type=Path),
    help="An earlier site folder, its summary.json, or a gate result (-o json): the index "
    "shows what changed since.",
)
@batch_option
@what_if_option
def command(
    project_dir: Path, output: Path, previous: Path | None, batch: str | None, what_if: list[Wanted]
) -> int:
    """Write every report in English and Chinese, as HTML and Markdown, and an index.

    Layout: OUTPUT/index.html (gate verdicts linking to their reports, the numbers, and
    with --previous the change since then), OUTPUT/summary.json (what a later run's
    --previous reads), OUTPUT/en/*.html|md and OUTPUT/zh/*.html|md. Every page is
    rendered before the first is written. Exit 0 once written, whatever the gate
    verdicts; 2 on invalid input, an unreadable --previous or a write failure.
    With --milestone NAME=DATE every page is of a what-if, and says so.
    """
    from journey.messages import text
    from journey.reports.site import INDEX, write_site

    s = settings()
    project = load_project(project_dir, s, batch=batch, what_if=what_if)
    written = write_site(project, output, s.lang, previous)
    if not s.quiet:
        index = output / INDEX
        click.echo(
            text("report.site_written", s.lang, count=len(written), path=str(output), index=index)
        )
    return 0
