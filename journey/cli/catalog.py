"""`journey catalog list` and `journey catalog show`: what the active catalog holds."""

from __future__ import annotations

import json

import click

from journey.chars import inert_json
from journey.cli._context import settings
from journey.cli._table import table

_HEADERS = {
    "en": ("ID", "KIND", "STAGE", "OWNER", "LEVEL", "TITLE"),
    "zh": ("编号", "类型", "阶段", "负责专业", "适用等级", "标题"),
}


@click.group("catalog")
def group() -> None:
    """List and show the entries of the active catalog."""


@group.command("list")
@click.option(
    "--kind",
    help="Only this kind: points, risks, checks, tasks, gates, checklists, stages, professions, "
    "levels, cases (defect cases), repairs (repair categories), complaints (complaint levels), "
    "dimensions, life-stages.",
)
@click.option("--stage", help="Only entries of this stage (e.g. sales, delivery).")
@click.option("--level", help="Only items that apply at this positioning level (e.g. process).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def list_command(kind: str | None, stage: str | None, level: str | None, fmt: str) -> int:
    """List catalog entries as a table (or JSON), optionally filtered."""
    from journey.errors import UsageProblem
    from journey.listing import ALIASES, KINDS, normalise_kind, rows, shown_row
    from journey.validation import suggest

    s = settings()
    chosen = None
    if kind:
        chosen = normalise_kind(kind)
        if chosen is None:
            raise UsageProblem(
                "cli.unknown_kind",
                value=kind,
                choices=", ".join(KINDS),
                suggestion=suggest(kind, [*KINDS, *ALIASES]),
            )
    catalog = s.load_catalog()
    for value, known, what in (
        (stage, catalog.stages, "what.stage"),
        (level, catalog.levels, "what.level"),
    ):
        if value is not None and value not in known:
            raise UsageProblem(
                "cli.unknown_filter",
                what=what,
                value=value,
                choices=", ".join(known),
                suggestion=suggest(value, known),
            )
    found = rows(catalog, s.lang, chosen, stage, level)
    if fmt == "json":
        click.echo(
            inert_json(json.dumps([r._asdict() for r in found], ensure_ascii=False, indent=2))
        )
    else:
        shown = [list(shown_row(catalog, r, s.lang)) for r in found]
        click.echo(table(_HEADERS[s.lang], shown))
    return 0


@group.command("show")
@click.argument("entry_id", metavar="ID")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def show_command(entry_id: str, fmt: str) -> int:
    """Show every field of one catalog entry (an item, defect case, stage, gate …)."""
    from journey.errors import UsageProblem
    from journey.listing import details, find, shown_details
    from journey.validation import suggest

    s = settings()
    catalog = s.load_catalog()
    found = find(catalog, entry_id)
    if found is None:
        ids = [i.id for i in catalog.items()] + list(catalog.cases)
        ids += list(catalog.gates) + list(catalog.stages)
        hint = suggest(entry_id, ids)
        raise UsageProblem("cli.unknown_id", value=entry_id, suggestion=hint)
    kind, entry = found
    data = {"kind": kind, **details(catalog, entry, s.lang)}
    if fmt == "json":
        click.echo(inert_json(json.dumps(data, ensure_ascii=False, indent=2)))
        return 0
    for key, value in shown_details(catalog, data, s.lang).items():
        click.echo(f"{key}:{_block(value)}")
    return 0


def _block(value: object, indent: str = "  ") -> str:
    if isinstance(value, list):
        if not value:
            return " []"
        return "".join(f"\n{indent}- {_inline(v)}" for v in value)
    if isinstance(value, dict):
        return "".join(f"\n{indent}{k}:{_block(v, indent + '  ')}" for k, v in value.items())
    return f" {_inline(value)}"


def _inline(value: object) -> str:
    from journey.chars import printable

    if isinstance(value, dict):
        return printable(", ".join(f"{k}: {v}" for k, v in value.items() if v is not None))
    return "" if value is None else printable(str(value))
