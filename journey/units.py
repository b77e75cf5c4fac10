"""The unit register (SPEC §12): every home of a project, with customer tags.

`units: units.csv` in `project.yaml` names a table of `building, unit, floor, area,
type, tags` and optionally `inspected` (the day the home was walked in the acceptance
rounds), read with the one table reader. Tags are separated by `;` (or `；`): `key`,
`complained-before`, `media`, `group-organiser`, `lawyer`, `elderly`, or any other
text; the tagged homes are the key-customer list of delivery preparation (客户梳理).
The register holds homes, never people: a column of names or phone numbers, or a cell
that looks like a mobile number, is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from journey.problems import Problem, sort_key
from journey.tables import Column, Schema, TableReader, header_key

if TYPE_CHECKING:
    from journey.findings import UnitStats
    from journey.project import Project

KNOWN_TAGS = ("key", "complained-before", "media", "group-organiser", "lawyer", "elderly")
TAG_WORDS = {  # what a Chinese team writes for the known tags
    "重点客户": "key",
    "重点": "key",
    "曾投诉": "complained-before",
    "媒体": "media",
    "群诉组织者": "group-organiser",
    "律师": "lawyer",
    "老人": "elderly",
    "老年人": "elderly",
}
PERSONAL = ("name", "姓名", "业主姓名", "客户姓名", "phone", "mobile", "tel", "电话", "手机",
            "联系电话", "手机号", "身份证", "idcard", "id number")  # fmt: skip
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

SCHEMA = Schema(
    "units",
    (
        Column("building", "choice", required=True, what="what.building", aliases=("楼栋", "楼号")),
        Column("unit", required=True, aliases=("房号", "户号", "房间号")),
        Column("floor", aliases=("楼层",)),
        Column("area", "number", low=0, aliases=("面积", "建筑面积")),
        Column("type", aliases=("户型",)),
        Column("tags", aliases=("标签", "客户标签")),
        Column("inspected", "date", aliases=("验收日期", "查验日期", "分户验收日期")),
    ),
)
TAKE = ("building", "unit", "tags", "inspected", "floor", "area", "type")


@dataclass(frozen=True, slots=True)
class Home:
    """One home of the register."""

    building: str
    unit: str
    tags: tuple[str, ...]
    inspected: dt.date | None


@dataclass
class UnitRegister:
    """Every home of a project by building, in register order."""

    files: list[str] = field(default_factory=list)
    homes: dict[str, dict[str, Home]] = field(default_factory=dict)  # building -> unit -> home
    has_inspected: bool = False  # the register has an `inspected` column
    details: dict[tuple[str, str], tuple[str | None, float | None, str | None]] = field(
        default_factory=dict
    )  # (building, unit) -> floor, area, layout

    def __len__(self) -> int:
        return sum(len(units) for units in self.homes.values())

    def all(self) -> list[Home]:
        """Every home, building by building."""
        return [home for units in self.homes.values() for home in units.values()]

    def inspected(self, building: str) -> list[Home]:
        """The homes of a building walked in the acceptance rounds (with a date)."""
        return [h for h in self.homes.get(building, {}).values() if h.inspected is not None]

    def tagged(self) -> list[Home]:
        """The homes with at least one tag: the key-customer list."""
        return [home for home in self.all() if home.tags]


def tags_of(text: str) -> tuple[str, ...]:
    """The tags of a cell: `key; 媒体` → (`key`, `media`)."""
    parts = [part.strip() for part in re.split(r"[;；]", text)]
    return tuple(dict.fromkeys(TAG_WORDS.get(part, part) for part in parts if part))


def read_units(
    path: Path, shown: str, buildings: Sequence[str]
) -> tuple[UnitRegister, list[Problem]]:
    """Read a unit register; every problem (an unknown building, a unit listed twice, a
    tag spelt close to a known one, personal data) with its place."""
    register = UnitRegister(files=[shown])
    seen: dict[tuple[str, str], int] = {}
    reader = TableReader(SCHEMA.allow(building=buildings), TAKE)

    def sink(rows: list[tuple[Any, ...]]) -> None:
        for line, building, unit, tags, inspected, floor, area, layout in rows:
            if _home(reader, register, seen, line, building, unit, tags, inspected):
                register.details[building, unit] = (floor or None, area, layout or None)

    reader.sink = sink
    if not _personal_columns(path, reader, shown):
        reader.read(path, shown)
    register.has_inspected = reader.has_column("inspected")
    return register, sorted(reader.finish(), key=sort_key)


def _home(
    reader: TableReader,
    register: UnitRegister,
    seen: dict[tuple[str, str], int],
    line: int,
    building: str,
    unit: str,
    tags: str,
    inspected: dt.date | None,
) -> bool:
    first = seen.setdefault((building, unit), line)
    if first != line:
        return reader.error(line, "unit", "units.twice", building=building, unit=unit, first=first)
    if _MOBILE.search(tags) or _MOBILE.search(unit):
        return reader.error(line, "tags", "units.personal_value")
    found = tags_of(tags)
    for tag in found:
        _check_tag(reader, line, tag)
    register.homes.setdefault(building, {})[unit] = Home(building, unit, found, inspected)
    return True


def _check_tag(reader: TableReader, line: int, tag: str) -> None:
    from journey.validation import suggest

    if tag in KNOWN_TAGS:
        return
    near = suggest(tag, KNOWN_TAGS)
    if near and near != tag:
        reader.warn(line, "tags", "units.tag_spelling", value=tag, suggestion=near)


def _personal_columns(path: Path, reader: TableReader, shown: str) -> bool:
    """Refuse a register whose header names people's names or phone numbers."""
    from journey import tables_io

    rows = tables_io.rows_of(path, None)
    header = next(rows, None)
    if header is None:
        return False
    bad = [cell for cell in header[1] if header_key(cell.strip()) in _PERSONAL_KEYS]
    if not bad:
        return False
    reader.begin(path, shown)
    for cell in bad:
        reader.error(header[0], cell.strip(), "units.personal_column", column=cell.strip())
    return True


_PERSONAL_KEYS = frozenset(header_key(name) for name in PERSONAL)


class HomeState(NamedTuple):
    """Where one home stands for handover: deliverable, or held back and why."""

    building: str
    unit: str
    tags: tuple[str, ...]
    findings: int
    open: int
    blocking_open: int
    first_blocking: str
    disputed: int

    @property
    def deliverable(self) -> bool:
        """No open finding on a blocking item and none disputed."""
        return not self.blocking_open and not self.disputed


def home_states(project: Project) -> list[HomeState]:
    """Every home in view: from the register (in its order), or else every home with a
    finding; the public areas ("" unit) are not a home."""
    register = project.units
    out: list[HomeState] = []
    seen: set[tuple[str, str]] = set()
    buildings = project.buildings or tuple(sorted(project.findings.by_building))
    for building in buildings:
        stats = project.findings.by_building.get(building)
        listed = register.homes.get(building, {}) if register is not None else {}
        units = list(listed) if register is not None else sorted(stats.units if stats else [])
        for unit in units:
            if not unit or (building, unit) in seen:
                continue
            seen.add((building, unit))
            home = stats.units.get(unit) if stats else None
            tags = listed[unit].tags if unit in listed else ()
            out.append(_state(building, unit, tags, home))
    return out


def _state(building: str, unit: str, tags: tuple[str, ...], home: UnitStats | None) -> HomeState:
    if home is None:
        return HomeState(building, unit, tags, 0, 0, 0, "", 0)
    return HomeState(
        building, unit, tags, home.findings, home.open, home.blocking_open,
        home.first_blocking, home.disputed,
    )  # fmt: skip
