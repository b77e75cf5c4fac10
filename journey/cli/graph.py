"""`journey graph`: who must do what before whom, as text or in a graph format."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from journey.cli._context import (
    batch_option,
    load_project,
    output_file,
    print_problems,
    project_option,
    settings,
)
from journey.cli._table import table

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.graph import State
    from journey.graph_analysis import Analysis
    from journey.problems import Problem
    from journey.whatif import Wanted

FORMATS = ("text", "dot", "mermaid", "graphml", "json")


@click.command("graph")
@project_option(
    required=False, help="Project folder: adds statuses, blocked items and the critical path."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--focus", "focus_on", metavar="ID", help="Only this item, its upstream and downstream."
)
@click.option("--stage", metavar="STAGE", help="Only the items of this stage.")
@click.option(
    "--milestone",
    "milestones",
    multiple=True,
    metavar="NAME[=DATE]",
    help="NAME: the milestone of the critical path (default: the one a what-if moves, else "
    "the next one after the as-of date). NAME=DATE, repeatable: what-if — as if that "
    "milestone had that date.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file; default or `-`: standard output.",
)
@batch_option
def command(
    project_dir: Path | None,
    fmt: str,
    focus_on: str | None,
    stage: str | None,
    milestones: tuple[str, ...],
    output: Path | None,
    batch: str | None,
) -> int:
    """Show the responsibility graph: hand-offs between professions, items per stage,
    and with --project the blocked items and the critical path to a milestone.

    --format dot, mermaid, graphml or json exports the graph itself (Mermaid output is
    bare `flowchart` source to paste into a ```mermaid block). --milestone NAME=DATE
    (with --project) is a what-if: the project as if that milestone had that date; a
    value without `=` names the milestone of the critical path. Exit 2 when the catalog
    has a dependency cycle or an option names something unknown.
    """
    from journey.graph import State, export
    from journey.graph_analysis import analyse
    from journey.whatif import summary
    from journey.writing import catalog_files, input_files, write_atomic

    s = settings()
    milestone, what_if = _milestones(milestones)
    output = output_file(output)
    catalog = s.load_catalog()  # a dependency cycle makes it invalid: exit 2
    problems = catalog.warnings
    _check_stage(catalog, stage)
    state, inputs, moved = None, catalog_files(catalog), ""
    if (batch is not None or what_if) and project_dir is None:
        from journey.messages import text

        code = "graph.batch_needs_project" if batch is not None else "graph.whatif_needs_project"
        raise click.UsageError(text(code, s.lang))
    if project_dir is not None:
        project = load_project(project_dir, s, catalog, batch, what_if)
        state, inputs = State.of(project), input_files(project)
        milestone = milestone or (what_if[0].name if what_if else None)
        _check_milestone(state.milestones, milestone)
        moved = summary(project.what_if, s.lang)
    _check_focus(catalog, state, focus_on)
    result = analyse(catalog, state, focus_on=focus_on, stage=stage, milestone=milestone)
    if fmt == "text":
        out = render_text(result, catalog, problems, s.lang)
        out = f"{moved}\n\n{out}" if moved else out
    else:
        if not s.quiet:
            print_problems(problems, s)
        if moved:
            result.graph.graph["what_if"] = moved
        out = _noted(export(result.graph, fmt, s.lang), fmt, moved)
    if output is None:
        click.echo(out, nl=False)
    else:
        write_atomic(output, out, inputs)
    return 0


def _milestones(values: tuple[str, ...]) -> tuple[str | None, list[Wanted]]:
    """`--milestone` values: the one without `=` names the critical path's milestone (at
    most one), those with `=` are a what-if."""
    from journey.errors import UsageProblem
    from journey.whatif import parse

    path = [v for v in values if "=" not in v]
    if len(path) > 1:
        raise UsageProblem("graph.milestone_twice", values=", ".join(path))
    return (path[0] if path else None), parse(v for v in values if "=" in v)


def _noted(out: str, fmt: str, moved: str) -> str:
    """DOT and Mermaid say a what-if in a comment below their first line (GraphML and
    JSON carry it as the graph's `what_if` attribute)."""
    mark = {"dot": "//", "mermaid": "%%"}.get(fmt)
    if not moved or mark is None:
        return out
    first, _, rest = out.partition("\n")
    return f"{first}\n{mark} {moved}\n{rest}"


def _check_focus(catalog: Catalog, state: State | None, focus_on: str | None) -> None:
    """The focus must be a node of the graph: a defect case, a catalog item or one of
    the project's own risks, that applies at the project's level."""
    from journey.errors import UsageProblem
    from journey.validation import suggest

    if focus_on is None or focus_on in catalog.cases:  # a defect case is in every graph
        return
    extras = {risk.id: risk for risk, _, _ in state.extra_risks} if state else {}
    item = catalog.item(focus_on) or extras.get(focus_on)
    if item is None:
        hint = suggest(focus_on, [*catalog.sources, *catalog.cases, *extras])
        raise UsageProblem("graph.unknown_focus", value=focus_on, suggestion=hint)
    if state is not None and not catalog.applies(item, state.level):
        raise UsageProblem(
            "graph.focus_level", value=focus_on, level=item.level, project=state.level
        )


def _check_stage(catalog: Catalog, stage: str | None) -> None:
    from journey.errors import UsageProblem
    from journey.validation import suggest

    if stage is not None and stage not in catalog.stages:
        raise UsageProblem(
            "graph.unknown_stage",
            value=stage,
            choices=", ".join(catalog.stages),
            suggestion=suggest(stage, catalog.stages),
        )


def _check_milestone(milestones: Mapping[str, object], milestone: str | None) -> None:
    from journey.errors import UsageProblem

    if milestone is not None and milestone not in milestones:
        raise UsageProblem(
            "graph.unknown_milestone", value=milestone, choices=", ".join(sorted(milestones))
        )


# Text -----------------------------------------------------------------------------


def render_text(result: Analysis, catalog: Catalog, problems: list[Problem], lang: str) -> str:
    """The text report: counts per stage, hand-offs, project analyses, warnings."""
    from journey.messages import text

    g = result.graph
    items = sum(1 for _, d in g.nodes(data=True) if d["kind"] not in ("stage", "profession"))
    deps = sum(1 for *_, kind in g.edges(data="kind") if kind == "depends_on")
    parts = [
        text(
            "graph.title",
            lang,
            catalog=catalog.name,
            version=catalog.version,
            items=items,
            edges=deps,
        )
    ]
    if result.focus is not None:
        parts.append(_focus(result, lang))
    parts.append(_stages(result, catalog, lang))
    parts.append(_handoffs(result, catalog, lang))
    if result.blocked is not None:
        parts.append(_blocked(result, lang))
    if result.critical is not None:
        parts.append(_critical(result, lang))
    warnings = [p for p in problems if not p.is_error]
    parts.append(_warnings(warnings, lang))
    return "\n\n".join(parts) + "\n"


def _stages(result: Analysis, catalog: Catalog, lang: str) -> str:
    from journey.graph_export import ITEM_KINDS
    from journey.messages import text

    header = text("graph.stage_header", lang).split(" | ")
    rows = []
    for stage_id, counts in result.stages:
        stage = catalog.stages.get(stage_id)
        name = stage.title.get(lang) if stage else text("graph.no_stage", lang)
        rows.append([name, *(str(counts[k]) for k in ITEM_KINDS)])
    return text("graph.stages", lang) + "\n" + _indent(table(header, rows))


def _handoffs(result: Analysis, catalog: Catalog, lang: str) -> str:
    from journey.messages import text

    m = result.matrix
    title = text("graph.handoffs", lang)
    if not any(any(row) for row in m.counts):
        return f"{title}\n  {text('graph.handoffs_none', lang)}"
    names = [f"{i} {catalog.profession_title(p, lang)}" for i, p in enumerate(m.professions, 1)]
    header = ["", *(str(i) for i in range(1, len(names) + 1))]
    rows = [
        [name, *(str(c) if c else "." for c in row)]
        for name, row in zip(names, m.counts, strict=True)
    ]
    return f"{title}\n{_indent(table(header, rows))}"


def _focus(result: Analysis, lang: str) -> str:
    from journey.messages import text

    f = result.focus
    assert f is not None
    item = f.item
    lines = [text("graph.focus", lang, value=item.id, owner=item.owner, status=item.status or "-")]
    for code, entries in (("graph.upstream", f.upstream), ("graph.downstream", f.downstream)):
        lines.append(text(code, lang, value=item.id, count=len(entries)))
        rows = [[e.id, e.kind, e.owner, e.stage or "-", e.status or "-"] for e in entries]
        header = text("graph.entry_header", lang).split(" | ")
        lines.append(_indent(table(header, rows)) if rows else "  " + text("graph.none", lang))
    return "\n".join(lines)


def _blocked(result: Analysis, lang: str) -> str:
    from journey.chars import printable
    from journey.messages import text

    found = result.blocked or []
    lines = [text("graph.blocked", lang, count=len(found))]
    word = text("graph.blocked_by", lang)
    for b in found:
        waits = ", ".join(f"{u.id} ({u.owner}, {u.status})" for u in b.waits_for)
        lines.append(printable(f"  {b.item.id}  {b.item.owner}  {b.item.status}  {word} {waits}"))
    if not found:
        lines.append("  " + text("graph.none", lang))
    return "\n".join(lines)


def _critical(result: Analysis, lang: str) -> str:
    from journey.messages import text

    cp = result.critical
    assert cp is not None
    head = text("graph.critical", lang, milestone=cp.milestone, date=cp.date, as_of=cp.as_of)
    if not cp.steps:
        return f"{head}\n  {text('graph.critical_none', lang, milestone=cp.milestone)}"
    rows = [
        [f"{st.start} → {st.finish}", st.item.id, st.item.owner, st.item.status] for st in cp.steps
    ]
    end = (
        text("graph.critical_end", lang, finish=cp.finish, slack=cp.slack)
        if cp.slack >= 0
        else text("graph.critical_late", lang, finish=cp.finish, late=-cp.slack)
    )
    header = text("graph.critical_header", lang).split(" | ")
    return f"{head}\n{_indent(table(header, rows))}\n  {end}"


def _warnings(warnings: list[Problem], lang: str) -> str:
    from journey.messages import render_problem, text

    title = text("graph.warnings", lang, count=len(warnings))
    if not warnings:
        return f"{title}\n  {text('graph.none', lang)}"
    return title + "\n" + "\n".join(_indent(render_problem(p, lang)) for p in warnings)


def _indent(block: str) -> str:
    return "\n".join(f"  {line}" if line else line for line in block.splitlines())
