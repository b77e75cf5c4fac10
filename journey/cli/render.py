"""`journey render REPORT`: one report of a project as HTML or Markdown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journey.cli._context import as_of_option, print_problems, settings

if TYPE_CHECKING:
    from journey.cli._context import Settings
    from journey.project import Project

# Kept here as well as in journey.reports.REPORTS so that --help imports nothing heavy.
REPORT_NAMES = ("risk-assessment", "delivery-plan", "open-day")


def project_option(f: click.decorators.FC) -> click.decorators.FC:
    """`--project DIR`, required."""
    return click.option(
        "--project",
        "project_dir",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Project folder (holding project.yaml).",
    )(f)


def lang_option(
    what: str = "the report",
) -> Callable[[click.decorators.FC], click.decorators.FC]:
    """`--lang en|zh` after the subcommand; it overrides the global one."""

    def store(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value is not None:
            settings().lang = value

    return click.option(
        "--lang",
        type=click.Choice(["en", "zh"]),
        expose_value=False,
        callback=store,
        help=f"Language of {what} (default: the global --lang, from the locale).",
    )


def load(project_dir: Path, s: Settings) -> Project:
    """The catalog and the project; warnings go to stderr unless --quiet."""
    from journey.project import load_project

    project = load_project(project_dir, s.load_catalog(), s.as_of)
    if project.warnings and not s.quiet:
        print_problems(project.warnings, s)
    return project


@click.command("render")
@click.argument("report", type=click.Choice(REPORT_NAMES), metavar="REPORT")
@project_option
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
    help="Write to this file (its folder must exist); default: standard output.",
)
@lang_option()
@as_of_option
def command(report: str, project_dir: Path, fmt: str, output: Path | None) -> int:
    """Render REPORT (risk-assessment, delivery-plan or open-day) for a project.

    The report is rendered completely before it is written, and written atomically:
    a failure leaves any earlier file untouched. Exit 0 once it is written, whatever
    the gate verdicts; 2 when the catalog or project is invalid or the file cannot be
    written.
    """
    from journey.messages import text
    from journey.reports import build
    from journey.reports.render import render
    from journey.writing import input_files, write_atomic

    s = settings()
    project = load(project_dir, s)
    content = render(build(report, project, s.lang), "md" if fmt == "md" else "html")
    if output is None:
        click.echo(content, nl=False)
        return 0
    write_atomic(output, content, input_files(project))
    if not s.quiet:
        click.echo(text("report.written", s.lang, path=str(output)), err=True)
    return 0
