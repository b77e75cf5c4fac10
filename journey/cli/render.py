"""`journey render REPORT`: one report of a project as HTML or Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from journey.cli._context import (
    batch_option,
    load_project,
    output_file,
    project_option,
    settings,
    what_if_option,
)

if TYPE_CHECKING:
    from journey.whatif import Wanted

# Kept here as well as in journey.reports.REPORTS so that --help imports nothing heavy.
REPORT_NAMES = ("risk-assessment", "delivery-plan", "open-day", "service")


@click.command("render")
@click.argument("report", type=click.Choice(REPORT_NAMES), metavar="REPORT")
@project_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    default="html",
    show_default=True,
    help="HTML (one self-contained file) or Markdown.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (its folder must exist); default or `-`: standard output.",
)
@batch_option
@what_if_option
def command(
    report: str,
    project_dir: Path,
    fmt: str,
    output: Path | None,
    batch: str | None,
    what_if: list[Wanted],
) -> int:
    """Render REPORT (risk-assessment, delivery-plan, open-day or service) for a project.

    The report is rendered completely before it is written, and written atomically:
    a failure leaves any earlier file untouched. Exit 0 once it is written, whatever
    the gate verdicts; 2 when the catalog or project is invalid or the file cannot be
    written. With --milestone NAME=DATE the report is of a what-if, and says so.
    """
    from journey.messages import text
    from journey.reports import build
    from journey.reports.render import render
    from journey.writing import input_files, write_atomic

    s = settings()
    output = output_file(output)
    project = load_project(project_dir, s, batch=batch, what_if=what_if)
    content = render(build(report, project, s.lang), "md" if fmt == "md" else "html")
    if output is None:
        click.echo(content, nl=False)
        return 0
    write_atomic(output, content, input_files(project))
    if not s.quiet:
        click.echo(text("report.written", s.lang, path=str(output)), err=True)
    return 0
