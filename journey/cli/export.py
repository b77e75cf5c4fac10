"""`journey export LIST`: a list for the field as an Excel workbook or CSV files."""

from __future__ import annotations

from pathlib import Path

import click

from journey.cli._context import (
    load_project,
    project_option,
    say,
    settings,
)

# Kept here as well as in journey.exporting.LISTS so that --help imports nothing heavy.
LIST_NAMES = ("rectification", "actions", "status", "units")


@click.command("export")
@click.argument("list_name", metavar="LIST", type=click.Choice(LIST_NAMES))
@project_option()
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="PATH",
    type=click.Path(path_type=Path),
    help="The workbook to write (.xlsx), or with --format csv the folder for the CSV "
    "files; its folder must exist.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "csv"]),
    default="xlsx",
    show_default=True,
    help="An Excel workbook, or a folder with one CSV file (UTF-8 with BOM) per sheet.",
)
@click.option(
    "--by",
    metavar="KEY",
    help="How rectification is split into sheets: contractor (default) or building.",
)
def command(list_name: str, project_dir: Path, output: Path, fmt: str, by: str | None) -> int:
    """Write LIST for the project in DIR: rectification (整改通知单: findings not verified,
    a sheet per contractor or building), actions (责任清单: what the gates need, a sheet
    per profession) or status (the risks, checks and tasks to edit in Excel, then name
    under `status:` in project.yaml).

    The output's folder is checked before any work, and the file is written atomically,
    never over one of the project's or catalog's files. Exit 0 once written; 2 when the
    input is invalid, an option does not apply, or the file cannot be written.
    """
    from journey.exporting import check_request, export
    from journey.messages import text

    s = settings()
    check_request(list_name, by, fmt, output)
    project = load_project(project_dir, s)
    written = export(list_name, project, output, fmt=fmt, lang=s.lang, by=by)
    say(
        text(
            "export.written",
            s.lang,
            path=str(written.path),
            sheets=len(written.rows),
            rows=sum(written.rows),
        ),
        s,
        err=True,
    )
    if written.others:
        say(
            text(
                "export.stale",
                s.lang,
                folder=str(written.path),
                count=len(written.others),
                files=written.others,
            ),
            s,
            err=True,
        )
    return 0
