"""The status workbook (SPEC §11): a project's statuses kept in Excel beside project.yaml.

`status: status.xlsx` in project.yaml names a workbook whose three sheets — `risks`,
`checks` and `tasks` (or 风险, 检查项, 计划任务) — hold the statuses that project.yaml
would otherwise hold under `risks:`, `checks:` and `tasks:`. Each sheet is read as a
table by the one table reader (journey.tables) against a schema made from `SHEETS`,
headers in English or Chinese; every row is a status recorded exactly as if it were
written in project.yaml. `journey export status` writes the same sheets, so what it
writes reads back.

Problems are placed `FILE:SHEET!ROW`: an unknown id (with a did-you-mean), an id on
the wrong sheet, an id given twice, a status or date that is not one; and an id with a
status both in the workbook and in project.yaml is an error naming both places.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from journey.problems import Place, Problem, problem
from journey.project_file import (
    CheckState,
    CheckStatus,
    RiskState,
    RiskStatus,
    TaskState,
    TaskStatus,
)
from journey.tables import Column, Schema, TableReader

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.project_file import ProjectFile
    from journey.types import Model
    from journey.yamlio import Document

FieldType = Literal["id", "text", "date", "int", "choice", "per-building"]
SUFFIX = ".xlsx"


@dataclass(frozen=True)
class Field:
    """One column of a status sheet. `info` columns (a title, an owner) are written for
    the reader of the workbook and ignored when it is read back."""

    name: str
    type: FieldType = "text"
    info: bool = False


@dataclass(frozen=True)
class StatusSheet:
    """One sheet: the project.yaml section it stands for, its statuses and columns."""

    section: Literal["risks", "checks", "tasks"]
    statuses: tuple[str, ...]
    default: str  # the status of an item that is recorded nowhere
    fields: tuple[Field, ...]
    what: str  # what an id of this sheet is, in messages
    word: str  # the sheet's name, as a message code

    @property
    def names(self) -> tuple[str, str]:
        """The sheet's name in English and in Chinese (both are read)."""
        from journey.messages import text

        return text(self.word, "en"), text(self.word, "zh")

    def title(self, lang: str) -> str:
        """The sheet's name in `lang`."""
        return self.names[1] if lang == "zh" else self.names[0]

    @property
    def state_fields(self) -> tuple[str, ...]:
        """The columns that hold a field of the item's state, status first."""
        return tuple(f.name for f in self.fields if not f.info and f.name != "id")

    def status_words(self) -> dict[str, str]:
        """Every text a status cell may hold (the id, its English and Chinese words)."""
        from journey.messages import text

        words: dict[str, str] = {}
        for status in self.statuses:
            for said in (status, text(f"status.{status}", "en"), text(f"status.{status}", "zh")):
                words.setdefault(said, status)
        return words

    def schema(self, bounds: Mapping[str, int]) -> Schema:
        """The table schema of this sheet; `bounds` caps int columns (the risk matrix)."""
        from journey.messages import text

        cols = []
        for f in self.fields:
            aliases = (text(f"column.{f.name}", "en"), text(f"column.{f.name}", "zh"))
            required = f.name in ("id", "status")
            kind = "text" if f.info or f.type == "per-building" else f.type
            choices = tuple(self.status_words()) if f.name == "status" else None
            high = bounds.get(f.name)
            low = 1 if f.type == "int" else None
            cols.append(Column(f.name, kind, required, choices, aliases, low=low, high=high))
        return Schema(f"status-{self.section}", tuple(cols))


SHEETS = (
    StatusSheet(
        "risks",
        get_args(RiskStatus),
        "open",
        (
            Field("id", "id"),
            Field("title", info=True),
            Field("owner", info=True),
            Field("rating", info=True),
            Field("status", "choice"),
            Field("likelihood", "int"),
            Field("impact", "int"),
            Field("assignee"),
            Field("due", "date"),
            Field("evidence"),
            Field("note"),
        ),
        "what.risk",
        "what.sheet_risks",
    ),
    StatusSheet(
        "checks",
        get_args(CheckStatus),
        "pending",
        (
            Field("id", "id"),
            Field("checklist", info=True),
            Field("title", info=True),
            Field("owner", info=True),
            Field("blocking", info=True),
            Field("status", "choice"),
            Field("buildings", "per-building"),
            Field("evidence"),
            Field("note"),
            Field("checked", "date"),
            Field("by"),
        ),
        "what.check_item",
        "what.sheet_checks",
    ),
    StatusSheet(
        "tasks",
        get_args(TaskStatus),
        "todo",
        (
            Field("id", "id"),
            Field("title", info=True),
            Field("owner", info=True),
            Field("finish", "date", info=True),
            Field("status", "choice"),
            Field("assignee"),
            Field("done", "date"),
            Field("note"),
        ),
        "what.task",
        "what.sheet_tasks",
    ),
)


@dataclass
class StatusBook:
    """What a status workbook holds: the states by section and id, where each row is,
    and the problems found reading it (conflicts with project.yaml included)."""

    path: Path | None = None
    entries: dict[str, dict[str, Model]] = field(default_factory=dict)
    places: dict[tuple[str, str], Place] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def files(self) -> int:
        """1 when a workbook was read, else 0."""
        return 1 if self.path is not None else 0

    def merged(self, model: ProjectFile) -> ProjectFile:
        """The project file with the workbook's statuses added to its own sections."""
        if not any(self.entries.values()):
            return model
        update = {
            section: {**getattr(model, section), **self.entries.get(section, {})}
            for section in ("risks", "checks", "tasks")
        }
        return model.model_copy(update=update)


def read_status_book(doc: Document, folder: Path, catalog: Catalog) -> StatusBook:
    """The status workbook that project.yaml names under `status:`, read and checked
    against the catalog (an empty book when it names none)."""
    from journey.catalog import shown_path
    from journey.project import score_bounds

    name = doc.data.get("status")
    if not isinstance(name, str) or not name:
        return StatusBook()  # none, or a value of the wrong type (the schema says so)
    path = folder / name
    line, col = doc.locate(("status",))
    if Path(name).suffix.lower() != SUFFIX:
        return StatusBook(
            problems=[problem(doc.path, line, col, "status", "statusbook.format", value=name)]
        )
    if not path.is_file():
        return StatusBook(
            problems=[problem(doc.path, line, col, "status", "statusbook.missing", value=name)]
        )
    book = StatusBook(path=path)
    titles = _sheet_titles(path)
    buildings = doc.data.get("buildings")
    where = _Where(
        path,
        shown_path(path),
        {s.section: _known(s, doc, catalog) for s in SHEETS},
        score_bounds(catalog),
        titles or [],
        [b for b in buildings if isinstance(b, str)] if isinstance(buildings, list) else [],
    )
    # A workbook that cannot be opened is said so once, by the first sheet's reader.
    for sheet in SHEETS if titles is not None else SHEETS[:1]:
        _read_sheet(book, sheet, where)
    book.problems += _conflicts(doc, book)
    return book


@dataclass(frozen=True)
class _Where:
    """What reading the sheets of one workbook needs to know."""

    path: Path
    shown: str
    known: Mapping[str, Collection[str]]  # the ids each sheet takes
    bounds: Mapping[str, int]  # the largest likelihood and impact
    titles: list[str]  # the workbook's worksheets
    buildings: list[str]  # the project's, for results per building


def _sheet_titles(path: Path) -> list[str] | None:
    """The workbook's worksheet names, or None when it cannot be opened."""
    from journey import _xlsx

    with contextlib.suppress(_xlsx.Unavailable, _xlsx.Unreadable):
        book = _xlsx.Workbook(path)
        try:
            return book.sheet_names()
        finally:
            book.close()
    return None


def _sheet_name(sheet: StatusSheet, titles: list[str]) -> str:
    """The worksheet holding `sheet`: its English or Chinese name, case aside."""
    wanted = {n.casefold() for n in sheet.names}
    return next((t for t in titles if t.strip().casefold() in wanted), sheet.section)


def _known(sheet: StatusSheet, doc: Document, catalog: Catalog) -> Collection[str]:
    if sheet.section == "checks":
        return catalog.check_items
    if sheet.section == "tasks":
        return catalog.tasks
    extras = doc.data.get("extra_risks")
    ids = [r.get("id") for r in extras if isinstance(r, dict)] if isinstance(extras, list) else []
    return {*catalog.risks, *(i for i in ids if isinstance(i, str))}


def _read_sheet(book: StatusBook, sheet: StatusSheet, where: _Where) -> None:
    take = ("id", *sheet.state_fields)
    name = _sheet_name(sheet, where.titles)
    reader = TableReader(sheet.schema(where.bounds), take, sheet=name)
    reader.sink = _sink(book, sheet, reader, where)
    reader.read(where.path, where.shown)
    book.problems += reader.finish()


def _sink(
    book: StatusBook, sheet: StatusSheet, reader: TableReader, where: _Where
) -> Callable[[list[tuple[Any, ...]]], None]:
    models: dict[str, type[Model]] = {
        "risks": RiskState,
        "checks": CheckState,
        "tasks": TaskState,
    }
    model = models[sheet.section]
    words = sheet.status_words()
    names = sheet.state_fields
    states = book.entries.setdefault(sheet.section, {})
    ids = where.known[sheet.section]

    def add(rows: list[tuple[Any, ...]]) -> None:
        for line, item_id, *values in rows:
            if item_id not in ids:
                _unknown(reader, sheet, line, item_id, where.known)
                continue
            given = {n: v for n, v in zip(names, values, strict=True) if v not in (None, "")}
            given["status"] = words[given["status"]]
            if "buildings" in given:
                results = _per_building(given["buildings"], words, where.buildings)
                if isinstance(results, Bad):
                    reader.error(line, "buildings", results.code, **results.params)
                    continue
                given["buildings"] = results
            states[item_id] = model.model_validate(given)
            book.places[(sheet.section, item_id)] = Place(
                where.shown, line, 0, reader.current.sheet
            )

    return add


def _unknown(
    reader: TableReader,
    sheet: StatusSheet,
    line: int,
    item_id: str,
    known: Mapping[str, Collection[str]],
) -> None:
    """An id this sheet does not know: the sheet it belongs on, or the nearest id."""
    from journey.validation import suggest

    for other in SHEETS:
        if other is not sheet and item_id in known[other.section]:
            reader.error(
                line, "id", "statusbook.wrong_sheet", value=item_id, what=other.what,
                sheet=other.word,
            )  # fmt: skip
            return
    reader.error(
        line, "id", "statusbook.unknown_id", value=item_id, what=sheet.what,
        suggestion=suggest(item_id, known[sheet.section]),
    )  # fmt: skip


# Results per building ------------------------------------------------------------------

_PARTS = re.compile(r"[;；,，]")
_PAIR = re.compile(r"\s*([^:：]+?)\s*[:：]\s*(.+?)\s*")


class Bad(NamedTuple):
    """Why a cell cannot be read: a message code and its parameters."""

    code: str
    params: dict[str, object]


def format_per_building(results: Mapping[str, str], lang: str) -> str:
    """Results per building as a cell shows them: `T6: fail; T5: n/a` (`T6：不通过；…`)."""
    from journey.messages import text

    if lang == "zh":
        return "；".join(f"{b}：{text(f'status.{s}', 'zh')}" for b, s in results.items())
    return "; ".join(f"{b}: {s}" for b, s in results.items())


def _per_building(
    cell: str, words: Mapping[str, str], buildings: Collection[str]
) -> dict[str, str] | Bad:
    """A cell of results per building (`T6: fail; T5: 不适用`) as {building: status}."""
    from journey.messages import OneOf
    from journey.validation import suggest

    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in _PARTS.split(cell))):
        pair = _PAIR.fullmatch(part)
        if pair is None:
            return Bad("statusbook.per_building", {"value": part})
        building, said = pair.groups()
        if building not in buildings:
            return Bad("table.unknown_value", {"what": "what.building", "value": building,
                                               "suggestion": suggest(building, buildings)})  # fmt: skip
        if said not in words:
            return Bad("table.not_one_of", {"value": said, "choices": OneOf(tuple(words)),
                                            "suggestion": suggest(said, words)})  # fmt: skip
        if building in out:
            return Bad("statusbook.building_twice", {"value": building})
        out[building] = words[said]
    return out


def _conflicts(doc: Document, book: StatusBook) -> list[Problem]:
    """An error at project.yaml's line for each id whose status is also in the workbook."""
    out = []
    for section, states in book.entries.items():
        listed = doc.data.get(section)
        if not isinstance(listed, dict):
            continue
        for item_id in states:
            if item_id in listed:
                line, col = doc.key_mark((section, item_id))
                other = book.places[(section, item_id)].render()
                out.append(
                    problem(
                        doc.path, line, col, f"{section}.{item_id}", "statusbook.twice",
                        value=item_id, other=other,
                    )
                )  # fmt: skip
    return out


__all__ = ["SHEETS", "StatusBook", "StatusSheet", "format_per_building", "read_status_book"]
