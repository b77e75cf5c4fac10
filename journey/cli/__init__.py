"""The `journey` command: global options, lazily loaded subcommands, exit codes.

Exit codes: 0 passed/valid/written, 1 a gate failed, 2 bad usage or invalid input,
3 an internal error (a bug), 130 interrupted.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping
from typing import Any

import click

from journey._version import __version__
from journey.cli._context import Settings, global_options, parse_date, remember

# name -> (module, attribute, one-line help). Modules load only when their command runs.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": (
        "journey.cli.validate",
        "command",
        "Check catalog and project files; every problem at once.",
    ),
    "catalog": ("journey.cli.catalog", "group", "List and show the entries of the active catalog."),
    "graph": (
        "journey.cli.graph",
        "command",
        "Show or export who must do what before whom.",
    ),
    "gate": (
        "journey.cli.gate",
        "command",
        "Evaluate a stage gate against a project; exit 1 when it fails.",
    ),
    "render": (
        "journey.cli.render",
        "command",
        "Render one report of a project as HTML or Markdown.",
    ),
    "site": ("journey.cli.site", "command", "Write every report in both languages plus an index."),
    "export": (
        "journey.cli.export",
        "command",
        "Write a list for the field (rectification, actions, status) as Excel or CSV.",
    ),
    "import": (
        "journey.cli.import_",
        "command",
        "Import an inspection system's export (xlsx, csv) into a findings CSV.",
    ),
    "init": ("journey.cli.init", "command", "Write a commented starter project."),
    "portfolio": (
        "journey.cli.portfolio",
        "command",
        "Every project under some folders on one page: verdicts, numbers, what recurs.",
    ),
    "diff": (
        "journey.cli.diff",
        "command",
        "Compare two results of one gate: what newly blocks, what was resolved.",
    ),
    "schema": (
        "journey.cli.schema",
        "command",
        "Print the JSON Schema of a file kind, for editors.",
    ),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when they are invoked."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(entry[0])
        command: click.Command = getattr(module, entry[1])
        global_options(command)
        return command

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the global options (`--help` and `--version` print here), guarded as
        `invoke` is."""
        from journey.cli._errors import guard_streams

        if parent is None:
            extra.setdefault("terminal_width", _help_width())
        return guard_streams(
            lambda: super(LazyGroup, self).make_context(info_name, args, parent, **extra)
        )

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a closed standard output goes past click (which would make
        it exit 1) to journey's own handling."""
        from journey.cli._errors import guard_streams

        return guard_streams(lambda: super(LazyGroup, self).invoke(ctx))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List subcommands from the table, without importing them."""
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _help_width() -> int:
    """The width click gives help text, worked out as click does (the terminal's columns,
    or COLUMNS, at most 80, less 2, at least 50) but without importing shutil, which
    costs a few percent of `journey --help`."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns or 80, 80) - 2, 50)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--catalog",
    "catalog",
    envvar="JOURNEY_CATALOG",
    type=click.Path(file_okay=False, path_type=str),
    help="Catalog folder to use instead of the bundled one (or JOURNEY_CATALOG).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    default=None,
    help="Language of messages and reports (default: from the locale).",
)
@click.option(
    "--as-of", "as_of", metavar="DATE", help="Evaluate as of this date (YYYY-MM-DD; default today)."
)
@click.option("--no-color", is_flag=True, help="Never colour the output (also NO_COLOR).")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems and results.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Print more detail, and tracebacks of internal errors."
)
@click.version_option(__version__, "--version", prog_name="journey", message="%(prog)s %(version)s")
@click.pass_context
def cli(
    ctx: click.Context,
    catalog: str | None,
    lang: str | None,
    as_of: str | None,
    no_color: bool,
    quiet: bool,
    verbose: bool,
) -> None:
    """journey — customer sensitive points, risks, stage gates and reports.

    Checks a company's customer-relations catalog and each project's state against
    it, and stops a project from passing a stage it is not ready for.
    """
    from journey.messages import default_lang

    settings = Settings(
        catalog=catalog,
        lang=lang or default_lang(),
        color=not no_color and colour_allowed(os.environ),
        quiet=quiet,
        verbose=verbose,
    )
    ctx.obj = settings
    remember(settings)
    if as_of is not None:
        settings.as_of = parse_date(as_of, settings.lang)


def colour_allowed(environ: Mapping[str, str]) -> bool:
    """False when NO_COLOR is set to anything but the empty string (no-color.org), or
    when the terminal says it cannot show colour (TERM=dumb)."""
    return not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and turn every outcome into an exit code."""
    from journey.cli._errors import run

    return run(cli, argv)
