"""`journey export rectification` (整改通知单): every finding not yet verified, as the
notice each contractor (or each building's team) works through.

The first sheet, `summary`, ranks contractors (or buildings) by open, overdue and
reopened findings; its figures are the gate's own aggregates (`project.findings`),
so the list and the gate never disagree. Then one sheet per contractor (or building),
most open findings first, with each finding not verified: the findings files are read
again as a stream by the one table reader — a second pass made here, not by the gate —
and each row goes straight to its sheet, in file order. Nothing per row is kept.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from journey.chars import printable
from journey.errors import OutputError, UsageProblem
from journey.exporting.listing import ColumnSpec, Emit, Link, Listing, Sheet, columns, sheet_names
from journey.findings import CLOSED, FINDING_STATUSES, FindingsSummary, schema_for
from journey.messages import text
from journey.tables import TableReader

if TYPE_CHECKING:
    from journey.exporting import Request
    from journey.project import Project

ROW_COLUMNS: tuple[ColumnSpec, ...] = (
    "id", "building", "unit", "room", "item", "item_title", "description", ("photo", "link"),
    ("found", "date"), ("fix_by", "date"), ("days_open", "int"), ("days_overdue", "int"),
    "status", "contractor",
)  # fmt: skip
MAX_SHEETS = 200  # contractors or buildings: more is a list nobody reads, or a typo
TAKE = ("id", "building", "unit", "room", "item", "description", "photo", "found", "due",
        "status", "contractor")  # fmt: skip


class Tally(NamedTuple):
    """A contractor's (or building's) findings not verified, overdue and reopened."""

    open: int
    overdue: int
    reopened: int


def ranking(findings: FindingsSummary, by: str) -> list[tuple[str, Tally]]:
    """Contractors (`by="contractor"`, "" for findings naming none) or buildings with
    findings not verified, most open first, then most overdue, then most reopened —
    from the gate's aggregates."""
    counts: dict[str, list[int]] = {}

    def add(key: str, column: int, n: int) -> None:
        counts.setdefault(key, [0, 0, 0])[column] += n

    for building, stats in findings.by_building.items():
        reopened = stats.by_status["reopened"]
        if by == "building":
            for column, n in enumerate((stats.open, stats.overdue, reopened)):
                add(building, column, n)
            continue
        for column, per, whole in (
            (0, stats.open_by_contractor, stats.open),
            (1, stats.overdue_by_contractor, stats.overdue),
            (2, stats.reopened_by_contractor, reopened),
        ):
            for contractor, n in per.items():
                add(contractor, column, n)
            add("", column, whole - sum(per.values()))  # findings naming no contractor
    ranked = [(key, Tally(*n)) for key, n in counts.items() if n[0] > 0]
    return sorted(ranked, key=lambda kt: (-kt[1].open, -kt[1].overdue, -kt[1].reopened, kt[0]))


def build(request: Request) -> Listing:
    """The summary sheet and one sheet per contractor (or building) with open findings."""
    lang, by = request.lang, request.by
    ranked = ranking(request.project.findings, by)
    if len(ranked) > MAX_SHEETS:  # each sheet holds a file open while the list streams
        what = "what.contractor" if by == "contractor" else "what.building"
        raise UsageProblem("export.too_many_sheets", count=len(ranked), what=what,
                           limit=MAX_SHEETS)  # fmt: skip
    labels = [_label(key, by, lang) for key, _ in ranked]
    names = sheet_names([text("sheet.summary", lang), *labels])
    key_column = "contractor" if by == "contractor" else "building"
    summary = columns(lang, ("rank", "int"), key_column, ("open", "int"), ("overdue", "int"),
                      ("reopened", "int"))  # fmt: skip
    rows = columns(lang, *ROW_COLUMNS)
    sheets = [Sheet(names[0], summary), *(Sheet(name, rows) for name in names[1:])]
    index = {key: i for i, (key, _) in enumerate(ranked, 1)}

    def fill(emit: Emit) -> None:
        for rank, ((_key, tally), label) in enumerate(zip(ranked, labels, strict=True), 1):
            emit(0, [rank, label, tally.open, tally.overdue, tally.reopened])
        expected = sum(tally.open for _, tally in ranked)
        _stream(request, index, emit, expected)

    return Listing(sheets, fill)


def _label(key: str, by: str, lang: str) -> str:
    if by == "contractor" and not key:
        return text("sheet.no_contractor", lang)
    return printable(key)


def _stream(request: Request, index: dict[str, int], emit: Emit, expected: int) -> None:
    """Read the findings files again; send each finding not verified to its sheet."""
    from journey.catalog import shown_path

    project = request.project
    schema = schema_for(project.catalog.check_items, project.file.buildings)
    sent = [0, 0]  # rows sent to a sheet, rows of no sheet the gate counted
    reader = TableReader(schema, TAKE, _sink(request, index, emit, sent))
    for name in project.file.findings:
        path = project.folder / name
        reader.read(path, shown_path(path))
    changed = any(p.is_error for p in reader.finish()) or sent[1] > 0
    if changed or sent[0] != expected:
        rows = sent[0] + sent[1]
        raise OutputError("export.findings_changed", rows=rows, expected=expected)


def _sink(
    request: Request, index: dict[str, int], emit: Emit, sent: list[int]
) -> Callable[[list[tuple[Any, ...]]], None]:
    """The closure the reader calls with each batch of rows (its names are local)."""
    project, lang = request.project, request.lang
    as_of = project.as_of
    by_contractor = request.by == "contractor"
    title = _titles(project, lang)
    word = {s: text(f"finding.{s}", lang) if lang == "zh" else s for s in FINDING_STATUSES}
    link = _linker(project.folder, request.out_dir)
    day = dt.timedelta(days=1)

    def add(rows: list[tuple[Any, ...]]) -> None:
        for _line, fid, building, unit, room, item, desc, photo, found, due, status, firm in rows:
            if status == CLOSED:
                continue
            sheet = index.get(firm if by_contractor else building)
            if sheet is None:  # a row the gate did not count: the files changed
                sent[1] += 1
                continue
            sent[0] += 1
            late = (as_of - due) // day if due is not None and due < as_of else 0
            emit(sheet, (
                fid, building, unit, room, item, title(item), desc, link(photo) if photo else None,
                found, due, max((as_of - found) // day, 0), late, word[status], firm,
            ))  # fmt: skip

    return add


def _titles(project: Project, lang: str) -> Callable[[str], str]:
    items = project.catalog.check_items
    cache: dict[str, str] = {}

    def title(item_id: str) -> str:
        found = cache.get(item_id)
        if found is None:
            found = cache[item_id] = printable(items[item_id].title.get(lang))
        return found

    return title


def _linker(folder: Path, out_dir: Path) -> Callable[[str], Link]:
    """A photo as a link: an https:// address as it is, a path (relative to the project
    folder) made relative to the folder the list is written to."""
    base = Path(os.path.relpath(folder.resolve(), out_dir.resolve())).as_posix()

    def link(photo: str) -> Link:
        if photo.startswith("https://"):
            return Link(photo, photo)
        return Link(photo, posixpath.normpath(posixpath.join(base, photo.replace("\\", "/"))))

    return link
