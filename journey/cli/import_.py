"""`journey import SOURCE...`: an inspection system's export into the project's findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from journey.cli._context import Settings, print_problems, project_option, settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from journey.importing import ImportResult
    from journey.models import CheckItem


@click.command("import")
@click.argument(
    "sources", nargs=-1, required=True, metavar="SOURCE...", type=click.Path(path_type=Path)
)
@click.option(
    "--map",
    "map_spec",
    required=True,
    metavar="MAP",
    help="The import map: a map file, or the id of a map in the active catalog.",
)
@project_option(help="The project folder (holding project.yaml) the findings are for.")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="PATH",
    type=click.Path(path_type=Path),
    help="The findings CSV to write; rejected rows go beside it to NAME.rejects.csv.",
)
@click.option("--strict", is_flag=True, help="Exit 2, writing nothing, when any row is rejected.")
def command(
    sources: tuple[Path, ...], map_spec: str, project_dir: Path, output: Path, strict: bool
) -> int:
    """Import SOURCE files (.xlsx or .csv exports) into a findings CSV, using MAP.

    Every source row lands in PATH or in the rejects file beside it, with its reason.
    The findings are sorted by id: importing the same export again gives the same file.
    Exit 0 once both files are written; 2 when the map or a source is invalid, or with
    --strict when any row is rejected (then nothing is written).
    """
    from journey.errors import UsageProblem
    from journey.importing import import_findings, load_map, project_buildings
    from journey.writing import catalog_files

    s = settings()
    if output.suffix.lower() != ".csv":
        raise UsageProblem("import.out_not_csv", path=str(output))
    catalog = s.load_catalog()
    buildings, project_file = project_buildings(project_dir)
    loaded = load_map(map_spec, catalog, buildings)
    protected = [project_file, *catalog_files(catalog)]
    if loaded.path is not None:
        protected.append(loaded.path)
    result = import_findings(
        list(sources), loaded.model, catalog.check_items, buildings, output,
        lang=s.lang, strict=strict, protected=protected,
    )  # fmt: skip
    print_problems(result.warnings, s)
    if not s.quiet:
        for line in summary(result, s, catalog.check_items):
            click.echo(line, err=True)
    return 0


def summary(result: ImportResult, s: Settings, items: Mapping[str, CheckItem]) -> list[str]:
    """What was written, then rows read, imported and rejected by reason, then the most
    frequent categories no rule maps, each with the item it most likely means."""
    from journey.messages import text

    lang = s.lang
    rejected = sum(result.rejected.values())
    lines = [
        text("import.wrote_findings", lang, path=str(result.output), count=result.imported),
        text("import.wrote_rejects", lang, path=str(result.rejects), count=rejected),
        text("import.summary", lang, read=result.read, files=len(result.files),
             imported=result.imported, rejected=rejected),
    ]  # fmt: skip
    if rejected:
        lines.append("  " + text("import.by_reason", lang))
        width = max(len(code) for code in result.rejected)
        for code, count in sorted(result.rejected.items(), key=lambda kv: (-kv[1], kv[0])):
            label = text(f"import.reason.{code}", lang)
            lines.append(f"    {count:>7}  {code:<{width}}  {label}")
    if result.unmatched:
        lines.append("  " + text("import.unmatched", lang))
        lines += ["    " + _unmatched(entry, lang, items) for entry in result.unmatched]
    return lines


def _unmatched(
    entry: tuple[str, int, str | None], lang: str, items: Mapping[str, CheckItem]
) -> str:
    from journey.messages import text

    shown, count, item = entry
    found = items.get(item) if item else None
    if found is None:
        return text("import.unmatched_none", lang, text=shown, count=count)
    title = found.title.get(lang)
    return text("import.unmatched_near", lang, text=shown, count=count, item=item, title=title)
