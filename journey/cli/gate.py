"""`journey gate`: evaluate one stage gate against a project; exit 1 when it fails."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import click

from journey.cli._context import (
    Settings,
    batch_option,
    load_project,
    project_option,
    say,
    settings,
    what_if_option,
)

if TYPE_CHECKING:
    from journey.gates import GateResult
    from journey.whatif import Wanted

FORMAT_NAMES = ("text", "json", "junit", "sarif", "github", "markdown")
RATINGS = ("low", "medium", "high", "critical")
TEXT_LIMIT = 8  # blocking items listed per owner on the terminal without -v


class Target(NamedTuple):
    """One `-o FORMAT[:PATH]`: a format and a file, or None for standard output."""

    format: str
    path: Path | None


@click.command("gate")
@click.argument("gate")
@project_option(help="The project folder (holding project.yaml).")
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FORMAT[:PATH]",
    help="Output format, to PATH or standard output; repeatable. "
    "FORMAT: text (default), json, junit, sarif, github, markdown.",
)
@click.option(
    "--fail-on",
    type=click.Choice(RATINGS),
    default="low",
    show_default=True,
    help="The lowest severity of a failed rule that fails the gate.",
)
@click.option(
    "--soft-fail", is_flag=True, help="Exit 0 even when the gate fails (not on bad input)."
)
@batch_option
@what_if_option
def command(
    gate: str,
    project_dir: Path,
    outputs: tuple[str, ...],
    fail_on: str,
    soft_fail: bool,
    batch: str | None,
    what_if: list[Wanted],
) -> int:
    """Evaluate GATE of the catalog against the project in DIR.

    A project handed over in batches is evaluated batch by batch (it fails when any
    batch fails); --batch evaluates one batch alone. Exit 0 when the gate passes, 1
    when it fails (0 with --soft-fail), 2 when the catalog, project, findings or options
    are invalid.

    --milestone NAME=DATE evaluates the project as if that milestone had that date (the
    batch's, with --batch); every output format says so.
    """
    from journey.gates import evaluate, find_gate
    from journey.types import Rating
    from journey.writing import input_files

    s = settings()
    targets = parse_targets(outputs)
    catalog = s.load_catalog()
    find_gate(catalog, gate)
    project = load_project(project_dir, s, catalog, batch, what_if)
    result = evaluate(gate, project, Rating(fail_on))
    inputs = input_files(project)
    for target in targets:
        emit(target, result, s, inputs)
    return 0 if result.passed or soft_fail else 1


def parse_targets(outputs: tuple[str, ...]) -> list[Target]:
    """Parse every `-o`; unknown formats, two on stdout or a missing folder are usage errors."""
    from journey.errors import UsageProblem
    from journey.validation import suggest
    from journey.writing import check_folder

    targets: list[Target] = []
    for spec in outputs or ("text",):
        name, _, where = spec.partition(":")
        if name not in FORMAT_NAMES:
            raise UsageProblem(
                "gate.out_unknown_format",
                value=name,
                choices=", ".join(FORMAT_NAMES),
                suggestion=suggest(name, FORMAT_NAMES),
            )
        path = Path(where) if where and where != "-" else None
        if path is not None:
            check_folder(path)
        targets.append(Target(name, path))
    on_stdout = [t.format for t in targets if t.path is None]
    if len(on_stdout) > 1:
        raise UsageProblem("gate.out_two_stdout", formats=", ".join(on_stdout))
    _check_distinct([t.path for t in targets if t.path is not None])
    return targets


def _check_distinct(paths: list[Path]) -> None:
    """Two outputs to one regular file would leave only the last: a usage error."""
    import os

    seen: dict[object, Path] = {}
    for path in paths:
        try:
            st = path.stat()
            key: object = (st.st_dev, st.st_ino) if not _stream(st.st_mode) else None
        except FileNotFoundError:
            key = os.path.normpath(path.absolute())
        if key is None:
            continue
        if key in seen:
            from journey.errors import UsageProblem

            raise UsageProblem("gate.out_same_file", path=str(path), other=str(seen[key]))
        seen[key] = path


def _stream(mode: int) -> bool:
    import stat

    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def emit(target: Target, result: GateResult, s: Settings, protected: list[Path]) -> None:
    """Render one target and send it to its file (never one of `protected`) or stdout."""
    import os

    from journey.messages import text
    from journey.output import render

    if target.path is None:
        click.echo(_stdout_text(target.format, result, s), nl=False)
    else:
        from journey.writing import write_atomic

        write_atomic(target.path, render(target.format, result, s.lang), protected)
        say(text("gate.out_written", s.lang, path=target.path), s, err=True)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if target.format == "github" and summary:
        write_summary(Path(summary), result, s, protected)


def write_summary(path: Path, result: GateResult, s: Settings, protected: list[Path]) -> None:
    """Append the Markdown summary to the job summary file, within GitHub's size limit."""
    from journey.output.markdown import SUMMARY_LIMIT, cut
    from journey.output.markdown import render as render_markdown
    from journey.writing import append, size_of

    room = SUMMARY_LIMIT - size_of(path)
    append(path, cut(render_markdown(result, s.lang), room, s.lang), protected)


def _stdout_text(name: str, result: GateResult, s: Settings) -> str:
    import sys

    from journey.output import render

    if name != "text":
        return render(name, result, s.lang)
    from journey.output.text import render as render_text

    colour = s.color and sys.stdout.isatty()
    limit = None if s.verbose else TEXT_LIMIT
    return render_text(result, s.lang, _style if colour else None, limit)


_COLOURS = {
    "pass": {"fg": "green", "bold": True},
    "fail": {"fg": "red", "bold": True},
    "warn": {"fg": "yellow"},
    "waived": {"fg": "cyan"},
    "dim": {"dim": True},
    "bold": {"bold": True},
}


def _style(value: str, role: str) -> str:
    return click.style(value, **_COLOURS.get(role, {}))  # type: ignore[arg-type]
