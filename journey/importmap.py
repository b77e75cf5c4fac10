"""The `import-map` file kind (SPEC §10): how an inspection system's export becomes findings.

A map names, for each findings field, the export's header (or the headers it may go
by); how a finding's id is made (a source column, or a hash of some fields); the rules
that turn the export's own categories into checklist items; and the export's words for
statuses, severities and buildings. A company keeps its maps in its catalog (they are
checked with it, `journey validate`); a project may keep one beside it.

The model checks the shape; `check_map` checks what needs the catalog or the project —
item ids, buildings — and what a model cannot place on its line: regular expressions
that do not compile, building templates that name a group the regex lacks, date formats
that do not read back, a header mapped twice. Every problem names MAP:LINE:COL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from journey.chars import UNSAFE, describe
from journey.problems import Place, Problem
from journey.tables import header_key
from journey.types import ItemId, Model, NonEmpty, Slug, Text
from journey.validation import path_text, suggest
from journey.yamlio import Document

# The findings fields a map can fill from a column (SPEC §3 and §9); `id`, `item` and
# `source` are made by the import itself.
TARGETS = (
    "building", "unit", "room", "status", "found", "due", "closed", "contractor", "note",
    "description", "floor", "category", "severity", "photo",
)  # fmt: skip
Target = Literal[
    "building", "unit", "room", "status", "found", "due", "closed", "contractor", "note",
    "description", "floor", "category", "severity", "photo",
]  # fmt: skip
FindingStatus = Literal["open", "rectified", "verified", "reopened", "disputed"]
Severity = Literal["minor", "major", "critical"]
PLACEHOLDER = re.compile(r"\{(\d+)\}")


def _safe(value: str) -> str:
    bad = UNSAFE.search(value)
    if bad is not None:
        raise PydanticCustomError(
            "map.unsafe_char", "holds the character {char}", {"char": describe(bad.group())}
        )
    return value


Safe = Annotated[NonEmpty, AfterValidator(_safe)]
Headers = Safe | Annotated[tuple[Safe, ...], Field(min_length=1)]


def as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    """A header (or a word) given alone or as a list, as a tuple."""
    return (value,) if isinstance(value, str) else tuple(value)


class Columns(Model):
    """Each findings field and the export's header for it (or the headers it may go by)."""

    building: Headers
    unit: Headers | None = None
    room: Headers | None = None
    status: Headers | None = None
    found: Headers
    due: Headers | None = None
    closed: Headers | None = None
    contractor: Headers | None = None
    note: Headers | None = None
    description: Headers | None = None
    floor: Headers | None = None
    category: Headers | None = None
    severity: Headers | None = None
    photo: Headers | None = None

    def mapped(self) -> dict[str, tuple[str, ...]]:
        """Every mapped field and its accepted headers, in the order of TARGETS."""
        out: dict[str, tuple[str, ...]] = {}
        for target in TARGETS:
            value = getattr(self, target)
            if value is not None:
                out[target] = as_tuple(value)
        return out


class Ids(Model):
    """How a finding's id is made: a source column, or a hash of some fields; a prefix."""

    column: Headers | None = None
    from_: Annotated[tuple[Target, ...], Field(min_length=1)] | None = Field(
        default=None, alias="from"
    )
    prefix: Annotated[str, AfterValidator(_safe)] = ""

    @model_validator(mode="after")
    def _one_source(self) -> Ids:
        if (self.column is None) == (self.from_ is None):
            raise PydanticCustomError(
                "map.ids_one", "give either `column` or `from`, not both or neither"
            )
        return self


class ItemRule(Model):
    """A text of the export's category (or description) that means one checklist item."""

    equals: Safe | None = None
    contains: Headers | None = None
    regex: NonEmpty | None = None
    item: ItemId

    @model_validator(mode="after")
    def _one_test(self) -> ItemRule:
        given = [name for name in ("equals", "contains", "regex") if getattr(self, name)]
        if len(given) != 1:
            raise PydanticCustomError("map.one_test", "give one of `equals`, `contains` or `regex`")
        return self


class BuildingRule(Model):
    """The export's name for a building (exactly, or by a regex) and the project's name."""

    equals: Safe | None = None
    regex: NonEmpty | None = None
    building: Safe

    @model_validator(mode="after")
    def _one_test(self) -> BuildingRule:
        if (self.equals is None) == (self.regex is None):
            raise PydanticCustomError("map.one_building_test", "give one of `equals` or `regex`")
        return self


class ImportMapFile(Model):
    """`kind: import-map`: how one inspection system's export becomes findings."""

    kind: Literal["import-map"]
    id: Slug
    title: Text | None = None
    description: Text | None = None
    sheet: Safe | None = None
    header_row: Annotated[int, Field(ge=1, le=10_000)] = 1
    columns: Columns
    ids: Ids
    items: Annotated[tuple[ItemRule, ...], Field(min_length=1)]
    statuses: dict[Safe, FindingStatus] = Field(default_factory=dict)
    severities: dict[Safe, Severity] = Field(default_factory=dict)
    buildings: tuple[BuildingRule, ...] = ()
    date_formats: tuple[NonEmpty, ...] = ()

    def headers(self) -> dict[str, tuple[str, ...]]:
        """The accepted headers of every mapped field (`Columns.mapped`) and, when ids come
        from a column, of `id`."""
        out = self.columns.mapped()
        if self.ids.column is not None:
            out["id"] = as_tuple(self.ids.column)
        return out


# Checks that need the catalog or the project, or a place the model cannot give ----------


def check_map(
    doc: Document,
    model: ImportMapFile,
    check_items: Collection[str],
    buildings: Sequence[str] = (),
) -> list[Problem]:
    """Every problem of a map that its model cannot see: unknown item ids (against the
    catalog's checklist items), buildings the project does not have (when `buildings`
    is given), regexes, templates, date formats, headers mapped twice, id fields not
    mapped."""
    at = _Places(doc)
    for i, rule in enumerate(model.items):
        if rule.item not in check_items:
            at.add(("items", i, "item"), "ref.unknown", what="what.check_item", value=rule.item,
                   suggestion=suggest(rule.item, check_items))  # fmt: skip
        if rule.regex is not None:
            _compiles(at, ("items", i, "regex"), rule.regex)
    for i, building in enumerate(model.buildings):
        _building(at, i, building, buildings)
    _headers(at, model.headers())
    if model.ids.from_ is not None:
        mapped = model.columns.mapped()
        for i, name in enumerate(model.ids.from_):
            if name not in mapped:
                at.add(("ids", "from", i), "map.not_mapped", value=name)
    for i, fmt in enumerate(model.date_formats):
        if not reads_back(fmt):
            at.add(("date_formats", i), "map.bad_date_format", value=fmt)
    return at.problems


class _Places:
    """Problems at places of one map document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], code: str, **params: object) -> None:
        line, col = self.doc.locate(loc)
        place = Place(self.doc.path, line, col)
        self.problems.append(Problem(place, path_text(self.doc, loc), code, params))


def _compiles(at: _Places, loc: tuple[str | int, ...], pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error as exc:
        at.add(loc, "map.bad_regex", value=pattern, detail=str(exc))
        return None


def _building(at: _Places, i: int, rule: BuildingRule, buildings: Sequence[str]) -> None:
    wanted = [int(n) for n in PLACEHOLDER.findall(rule.building)]
    if rule.regex is not None:
        compiled = _compiles(at, ("buildings", i, "regex"), rule.regex)
        if compiled is None:
            return
        for n in wanted:
            if not 1 <= n <= compiled.groups:
                at.add(("buildings", i, "building"), "map.no_group", value=rule.building,
                       group=n, groups=compiled.groups)  # fmt: skip
    elif wanted:
        at.add(("buildings", i, "building"), "map.template_needs_regex", value=rule.building)
        return
    if buildings and not wanted and rule.building not in buildings:
        at.add(("buildings", i, "building"), "ref.unknown", what="what.building",
               value=rule.building, suggestion=suggest(rule.building, buildings))  # fmt: skip


def _headers(at: _Places, mapped: dict[str, tuple[str, ...]]) -> None:
    """A source header may stand for one field only (the id column among them)."""
    seen: dict[str, str] = {}
    for target, headers in mapped.items():
        for k, header in enumerate(headers):
            key = header_key(header)
            if key in seen and seen[key] != target:
                loc: tuple[str | int, ...] = (
                    ("ids", "column") if target == "id" else ("columns", target)
                )
                at.add((*loc, k) if len(headers) > 1 else loc, "map.header_twice",
                       value=header, other=seen[key])  # fmt: skip
            seen.setdefault(key, target)


_SAMPLE = dt.datetime(2026, 10, 5)


def reads_back(fmt: str) -> bool:
    """True when `fmt` is a strptime format that writes a date and reads the same date back."""
    if "%" not in fmt:
        return False
    try:
        return dt.datetime.strptime(_SAMPLE.strftime(fmt), fmt).date() == _SAMPLE.date()
    except ValueError:
        return False


__all__ = [
    "TARGETS",
    "BuildingRule",
    "Columns",
    "Ids",
    "ImportMapFile",
    "ItemRule",
    "as_tuple",
    "check_map",
]
