"""`journey diff OLD.json NEW.json`: two results of one gate compared."""

from __future__ import annotations

from pathlib import Path

import click

from journey.cli._context import settings

FORMATS = ("text", "json", "markdown")


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text, json or markdown (for a pull-request comment).",
)
@click.option(
    "--fail-on-new", is_flag=True, help="Exit 1 when anything blocks in NEW that did not in OLD."
)
def command(old: Path, new: Path, fmt: str, fail_on_new: bool) -> int:
    """Compare two results of one gate (`journey gate GATE -o json:FILE`), OLD then NEW.

    Shows the items newly blocking, resolved and still blocking, the waivers added,
    expired, renewed or removed, and the verdict change, for the project and for each
    batch. Exit 0; 1 with --fail-on-new when something newly blocks; 2 when a file is
    not a gate result, or the two are results of different gates or schemas.
    """
    from journey.gatediff import compare_files
    from journey.output.diff import render

    s = settings()
    diff = compare_files(old, new)
    click.echo(render(diff, fmt, s.lang), nl=False)
    return 1 if fail_on_new and diff.anything_new else 0
