"""Lists for the field (SPEC §11): what a project needs done, in Excel or CSV.

`journey export LIST` writes one of `LISTS` — the rectification notices per contractor,
each profession's actions for the gates, the status workbook — as an `.xlsx` workbook
or a folder of CSV files. A list is a module with `build(request) -> Listing`
(journey.exporting.listing: sheets of localised headers and typed rows); adding one is
a module and a line in `LISTS`. This package imports the core and is imported by no
core module.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from journey.errors import OutputError, UsageProblem

if TYPE_CHECKING:
    from journey.exporting.listing import Listing
    from journey.project import Project


@dataclass(frozen=True)
class ListSpec:
    """A list: the module that builds it, and the `--by` keys it takes (default first)."""

    module: str
    by: tuple[str, ...] = ()


LISTS: dict[str, ListSpec] = {
    "rectification": ListSpec("journey.exporting.rectification", ("contractor", "building")),
    "actions": ListSpec("journey.exporting.actions"),
    "status": ListSpec("journey.exporting.status"),
    "units": ListSpec("journey.exporting.units"),
}


class Request(NamedTuple):
    """What a list is built for: the project, the language, `--by`, and the folder the
    output goes to (relative links are made relative to it)."""

    project: Project
    lang: str
    by: str
    out_dir: Path


class Written(NamedTuple):
    """What an export wrote: its files, the rows per sheet, and stray CSV files found."""

    path: Path
    files: list[Path]
    rows: list[int]
    others: list[str]


def check_request(name: str, by: str | None, fmt: str, output: Path) -> str:
    """Check what can be checked before any work — the list's `--by`, the output's
    name and folder, openpyxl for xlsx — and return the `--by` key to use."""
    from journey.validation import suggest

    spec = LISTS[name]
    if by is not None and not spec.by:
        raise UsageProblem("export.no_by", list=name)
    if by is not None and by not in spec.by:
        raise UsageProblem(
            "export.unknown_by", value=by, list=name, choices=", ".join(spec.by),
            suggestion=suggest(by, spec.by),
        )  # fmt: skip
    if fmt == "xlsx":
        _check_workbook_path(output)
    else:
        from journey.exporting.csvfiles import check_folder

        check_folder(output)
    return by or (spec.by[0] if spec.by else "")


def _check_workbook_path(output: Path) -> None:
    from journey.exporting.xlsx import require_openpyxl
    from journey.writing import Target, check_target

    if output.suffix.lower() != ".xlsx":
        raise UsageProblem("export.not_xlsx", path=str(output))
    if check_target(output) is Target.STREAM:  # a workbook is staged, never written through
        raise OutputError("report.not_regular", path=str(output))
    require_openpyxl()


def build(name: str, request: Request) -> Listing:
    """The list `name` for a project, ready to write."""
    module = importlib.import_module(LISTS[name].module)
    listing: Listing = module.build(request)
    return listing


def export(
    name: str, project: Project, output: Path, *, fmt: str = "xlsx", lang: str = "en",
    by: str | None = None,
) -> Written:  # fmt: skip
    """Write list `name` of `project` to `output` (a workbook, or a folder of CSV files),
    never over one of the project's or catalog's files."""
    from journey.writing import input_files

    key = check_request(name, by, fmt, output)
    out_dir = output.parent if fmt == "xlsx" else output
    listing = build(name, Request(project, lang, key, out_dir))
    protected = input_files(project)
    if fmt == "xlsx":
        from journey.exporting.xlsx import write_xlsx

        rows = write_xlsx(listing, output, protected)
        return Written(output, [output], rows, [])
    from journey.exporting.csvfiles import write_csv_folder

    folder = write_csv_folder(listing, output, protected)
    return Written(output, folder.files, folder.rows, folder.others)


__all__ = ["LISTS", "ListSpec", "Request", "Written", "build", "check_request", "export"]
