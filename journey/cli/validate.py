"""`journey validate`: check catalog and project files, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from journey.cli._context import print_problems, say, settings, summarise


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 2 on any warning).")
def command(paths: tuple[Path, ...], strict: bool) -> int:
    """Check catalog folders, catalog files and project folders.

    With no PATH, checks the active catalog (the bundled one, or --catalog). A
    folder holding project.yaml is checked as a project against the active catalog.
    Exit 0 when valid, 2 when any file has an error.
    """
    from journey.checking import validate_paths
    from journey.messages import text

    s = settings()
    outcome = validate_paths(list(paths), s.catalog_root(), s.as_of)
    errors, warnings = print_problems(outcome.problems, s)
    if errors or (strict and warnings):
        summarise(outcome.problems, errors, warnings, s)
        return 2
    extra = text("cli.with_warnings", s.lang, warnings=warnings) if warnings else ""
    if outcome.items:
        message = text(
            "cli.valid", s.lang, files=outcome.files, items=outcome.items, warnings=extra
        )
    else:  # a project alone: its entries are statuses, not catalog items
        message = text("cli.valid_files", s.lang, files=outcome.files, warnings=extra)
    say(message, s)
    return 0
