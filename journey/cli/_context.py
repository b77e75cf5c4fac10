"""What every command shares: the global settings and how problems are printed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.problems import Problem
    from journey.project import Project
    from journey.whatif import Wanted


class Settings:
    """Global options, set once by the top-level command (a plain class: no dataclasses
    import on the start-up path)."""

    def __init__(
        self,
        catalog: str | None = None,
        lang: str = "en",
        color: bool = True,
        quiet: bool = False,
        verbose: bool = False,
    ) -> None:
        self.catalog = catalog
        self.lang = lang
        self.color = color
        self.quiet = quiet
        self.verbose = verbose
        self.as_of = dt.date.today()

    def catalog_root(self) -> Path | None:
        """The catalog folder chosen with --catalog, or None for the bundled one."""
        return Path(self.catalog) if self.catalog else None

    def load_catalog(self) -> Catalog:
        """Load the active catalog; raises InvalidInput when it has errors."""
        from journey.catalog import load_catalog

        return load_catalog(self.catalog_root())


_current: list[Settings] = []


def remember(s: Settings) -> None:
    """Keep the settings of this run for the error handler, which runs after click."""
    _current[:] = [s]


def current() -> Settings | None:
    """The settings of the latest run, if the top-level command got that far."""
    return _current[0] if _current else None


def settings() -> Settings:
    """The settings of the running command."""
    return settings_of(click.get_current_context())


def settings_of(ctx: click.Context) -> Settings:
    """The settings of the run that `ctx` belongs to."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):  # a subcommand invoked on its own, as in tests
        root.obj = Settings()
        remember(root.obj)
    obj: Settings = root.obj
    return obj


def parse_date(value: str, lang: str) -> dt.date:
    """A YYYY-MM-DD date, or a usage error in the user's language."""
    from journey.dates import parse_date as parse
    from journey.messages import text

    try:
        return parse(value)
    except ValueError:
        raise click.BadParameter(text("cli.bad_date", lang, value=value)) from None


def global_options(command: click.Command) -> None:
    """Give `command` (and a group's subcommands) every global option, so that
    `journey validate --catalog DIR -q` means what `journey --catalog DIR -q validate`
    means; given after the subcommand, an option overrides the one given before it."""
    if any(p.name == "global_catalog" for p in command.params):
        return
    command.params.extend(_global_params())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            global_options(sub)


def _global_params() -> list[click.Parameter]:
    def store(attr: str) -> Callable[[click.Context, click.Parameter, object], None]:
        def callback(ctx: click.Context, _param: click.Parameter, value: object) -> None:
            if value is None or value is False:
                return
            s = settings_of(ctx)
            if attr == "as_of":
                s.as_of = parse_date(str(value), s.lang)
            elif attr == "color":
                s.color = False
            else:
                setattr(s, attr, value)

        return callback

    def version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value and not ctx.resilient_parsing:
            from journey._version import __version__

            click.echo(f"journey {__version__}")
            ctx.exit()

    option = click.Option
    return [
        option(
            ["--catalog", "global_catalog"],
            metavar="DIR",
            expose_value=False,
            callback=store("catalog"),
            help="Catalog folder to use instead of the bundled one (also before the command).",
        ),
        option(
            ["--lang", "global_lang"],
            type=click.Choice(["en", "zh"]),
            expose_value=False,
            callback=store("lang"),
            help="Language of messages and reports (also before the command).",
        ),
        option(
            ["--as-of", "global_as_of"],
            metavar="DATE",
            expose_value=False,
            callback=store("as_of"),
            help="Evaluate as of this date (YYYY-MM-DD; default today).",
        ),
        option(
            ["--no-color", "global_no_color"],
            is_flag=True,
            expose_value=False,
            callback=store("color"),
            help="Never colour the output (also NO_COLOR).",
        ),
        option(
            ["-q", "--quiet", "global_quiet"],
            is_flag=True,
            expose_value=False,
            callback=store("quiet"),
            help="Print only problems and results.",
        ),
        option(
            ["-v", "--verbose", "global_verbose"],
            is_flag=True,
            expose_value=False,
            callback=store("verbose"),
            help="Print more detail, and tracebacks of internal errors.",
        ),
        option(
            ["--version", "global_version"],
            is_flag=True,
            is_eager=True,
            expose_value=False,
            callback=version,
            help="Show the version and exit.",
        ),
    ]


def project_option(
    required: bool = True, help: str = "Project folder (holding project.yaml)."
) -> Callable[[click.decorators.FC], click.decorators.FC]:
    """`--project DIR` (or the path of its project.yaml), passed as `project_dir`."""
    return click.option(
        "--project",
        "-p",
        "project_dir",
        required=required,
        metavar="DIR",
        type=click.Path(path_type=Path),
        help=help,
    )


def batch_option(f: click.decorators.FC) -> click.decorators.FC:
    """`--batch ID`: one batch of a project handed over in batches."""
    return click.option(
        "--batch",
        "batch",
        metavar="ID",
        help="Only this batch of a project handed over in batches (its buildings and milestones).",
    )(f)


def what_if_option(f: click.decorators.FC) -> click.decorators.FC:
    """`--milestone NAME=DATE`, repeatable: evaluate as if that milestone had that date
    (the batch's, with --batch); passed as `what_if`, parsed before any work."""

    def parse(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> list[Wanted]:
        from journey.whatif import parse as parse_specs

        return parse_specs(value)

    return click.option(
        "--milestone",
        "what_if",
        multiple=True,
        metavar="NAME=DATE",
        callback=parse,
        help="What-if: evaluate as if milestone NAME had this date (with --batch, the "
        "batch's); repeatable. The output says so.",
    )(f)


def output_file(output: Path | None) -> Path | None:
    """The file `-o` names, its folder checked before any work; None for standard output
    (no `-o`, or `-o -` as for `gate`)."""
    if output is None or str(output) == "-":
        return None
    from journey.writing import check_folder

    check_folder(output)
    return output


def load_project(
    project_dir: Path,
    s: Settings,
    catalog: Catalog | None = None,
    batch: str | None = None,
    what_if: Sequence[Wanted] = (),
) -> Project:
    """The project against the active catalog (or `catalog`), with the milestones of a
    what-if moved, or the view of one of its batches; its warnings go to stderr."""
    from journey.project import load_project as load

    if project_dir.name == "project.yaml" and not project_dir.is_dir():
        project_dir = project_dir.parent
    project = load(project_dir, catalog or s.load_catalog(), s.as_of)
    print_problems(project.warnings, s)
    if what_if:
        from journey.whatif import apply

        project = apply(project, what_if, batch)
    return project.for_batch(batch) if batch is not None else project


def print_problems(problems: Iterable[Problem], s: Settings) -> tuple[int, int]:
    """Print problems to stderr; return the count of errors and of warnings."""
    from journey.messages import render_problem
    from journey.problems import is_more

    errors = warnings = 0
    for p in problems:
        line = render_problem(p, s.lang)
        if is_more(p):  # stands for that many problems not shown
            errors += int(str(p.params.get("count", 0)))
            colour = "red"
        elif p.is_error:
            errors += 1
            colour = "red"
        else:
            warnings += 1
            colour = "yellow"
        click.echo(
            click.style(line, fg=colour) if s.color else line,
            err=True,
            color=None if s.color else False,
        )
    return errors, warnings


def summarise(problems: Iterable[Problem], errors: int, warnings: int, s: Settings) -> None:
    """The closing line of a run that met problems: errors and warnings in how many files."""
    from journey.messages import text

    files = len({p.place.file for p in problems})
    line = text("cli.summary_errors", s.lang, errors=errors, warnings=warnings, files=files)
    click.echo(line, err=True)


def say(message: str, s: Settings, *, err: bool = False) -> None:
    """Print an informational line unless --quiet."""
    if not s.quiet:
        click.echo(message, err=err)
