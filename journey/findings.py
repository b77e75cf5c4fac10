"""Inspection findings (SPEC §3, §9): streamed from CSV or `.xlsx` into aggregates only.

A large project holds hundreds of thousands of rows, so no row is kept: the table
reader (journey.tables) checks each one against `SCHEMA` and `FindingsSummary.add`
folds it into counters per building, per checklist item and per home. Those counters
are all that the gates, the reports, the numbers of SPEC §12 and the exports need.

`id`, `item`, `building`, `status` and `found` are required; the other columns may be
missing or empty. Dates are `YYYY-MM-DD` (or Excel dates). A `verified` finding without
a `closed` date is accepted: the status is what counts, and many teams record the
verification date elsewhere; but a `closed` date before `found` is an error.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journey.problems import Place, Problem
from journey.tables import MAX_PROBLEMS_PER_FILE, Column, Schema, TableReader, paused_gc

FINDING_STATUSES = ("open", "rectified", "verified", "reopened", "disputed")
SEVERITIES = ("minor", "major", "critical")
CLOSED = "verified"
AGE_BANDS = ("0-7", "8-14", "15-30", ">30")

SCHEMA = Schema(
    "findings",
    (
        Column("id", "id", required=True, aliases=("编号", "问题编号", "finding id")),
        Column("item", "choice", required=True, what="what.check_item",
               aliases=("检查项", "检查项编号", "item id")),
        Column("building", "choice", required=True, what="what.building",
               aliases=("楼栋", "楼号", "栋号")),
        Column("unit", aliases=("房号", "户号", "房间号")),
        Column("room", aliases=("部位", "房间", "位置")),
        Column("status", "choice", required=True, choices=FINDING_STATUSES,
               aliases=("状态",)),
        Column("found", "date", required=True, aliases=("发现日期", "登记日期", "登记时间")),
        Column("due", "date", aliases=("整改期限", "期限", "整改时限")),
        Column("closed", "date", aliases=("关闭日期", "关闭时间", "复验日期")),
        Column("contractor", aliases=("责任单位", "施工单位", "整改单位")),
        Column("note", aliases=("备注",)),
        Column("description", aliases=("问题描述", "描述")),
        Column("floor", aliases=("楼层",)),
        Column("category", aliases=("问题分类", "分类", "问题类别")),
        Column("severity", "choice", choices=SEVERITIES,
               aliases=("严重程度", "严重性", "等级")),
        Column("photo", "link", aliases=("照片", "图片")),
        Column("source", aliases=("来源",)),
    ),
    order=(("found", "closed"),),
)  # fmt: skip
COLUMNS = SCHEMA.names[:11]  # the columns of SPEC §3, in the order journey writes them
ALL_COLUMNS = SCHEMA.names
TAKE = ("id", "item", "building", "unit", "status", "found", "due", "closed", "contractor",
        "severity", "category")  # fmt: skip


def age_band(days: int) -> str:
    """The ageing band of an open finding `days` old."""
    if days <= 7:
        return "0-7"
    if days <= 14:
        return "8-14"
    if days <= 30:
        return "15-30"
    return ">30"


@dataclass(slots=True)
class ItemStats:
    """Findings recorded against one checklist item."""

    total: int = 0
    open: int = 0
    first_open: Place | None = None  # the file and line of its first open finding
    first_open_id: str = ""

    def merge(self, other: ItemStats) -> None:
        """Add another building's findings of the same item."""
        self.total += other.total
        self.open += other.open
        if self.first_open is None:
            self.first_open, self.first_open_id = other.first_open, other.first_open_id


@dataclass(slots=True)
class UnitStats:
    """Findings of one home (`unit` "" stands for the building's public areas)."""

    findings: int = 0
    open: int = 0
    disputed: int = 0
    blocking_open: int = 0
    first_blocking: str = ""  # the id of its first open finding on a blocking item
    deducted: float = 0.0  # assessment deductions before the per-unit cap


@dataclass(slots=True)
class BuildingStats:
    """Findings of one building."""

    total: int = 0
    verified: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    by_item: dict[str, ItemStats] = field(default_factory=dict)
    open_found: Counter[dt.date] = field(default_factory=Counter)  # open findings by found day
    open_by_contractor: Counter[str] = field(default_factory=Counter)
    overdue_by_contractor: Counter[str] = field(default_factory=Counter)
    reopened_by_contractor: Counter[str] = field(default_factory=Counter)
    by_contractor: Counter[str] = field(default_factory=Counter)  # every finding, any status
    by_category: Counter[str] = field(default_factory=Counter)  # the source system's category
    overdue: int = 0  # not verified and past its due date on the as-of day
    closed_pairs: Counter[tuple[dt.date, dt.date]] = field(default_factory=Counter)
    undated_verified: Counter[dt.date] = field(default_factory=Counter)  # by found day
    units: dict[str, UnitStats] = field(default_factory=dict)

    @property
    def open(self) -> int:
        """Findings not yet verified."""
        return self.total - self.verified

    @property
    def rate(self) -> float:
        """The rectification rate: the share verified (1.0 with no findings)."""
        return self.verified / self.total if self.total else 1.0

    def older_than(self, days: int, as_of: dt.date) -> int:
        """How many open findings were found more than `days` days before `as_of`."""
        return sum(n for found, n in self.open_found.items() if (as_of - found).days > days)

    def found_days(self) -> Counter[dt.date]:
        """Every finding by the day it was found."""
        out = Counter(self.open_found)
        out.update(self.undated_verified)
        for (found, _closed), n in self.closed_pairs.items():
            out[found] += n
        return out

    def close_days(self) -> Counter[int]:
        """Days from found to closed, over verified findings with both dates."""
        out: Counter[int] = Counter()
        for (found, closed), n in self.closed_pairs.items():
            out[(closed - found).days] += n
        return out


@dataclass
class FindingsSummary:
    """What the findings files of a project add up to."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    by_building: dict[str, BuildingStats] = field(default_factory=dict)
    by_item: dict[str, ItemStats] = field(default_factory=dict)
    by_status: Counter[str] = field(default_factory=Counter)
    open_by_contractor: Counter[str] = field(default_factory=Counter)

    @property
    def open(self) -> int:
        """Findings not yet verified, in every building."""
        return self.rows - self.by_status[CLOSED]

    def total_up(self) -> None:
        """Fill the totals that reading leaves to the end (per building and overall)."""
        self.rows = 0
        self.by_status.clear()
        self.open_by_contractor.clear()
        self.by_item = {}
        for stats in self.by_building.values():
            stats.total = sum(stats.by_status.values())
            stats.verified = stats.by_status[CLOSED]
            self.rows += stats.total
            self.by_status.update(stats.by_status)
            self.open_by_contractor.update(stats.open_by_contractor)
            for item, found in stats.by_item.items():
                self.by_item.setdefault(item, ItemStats()).merge(found)

    def only(self, buildings: Collection[str]) -> FindingsSummary:
        """The findings of some buildings only (a batch), totalled."""
        part = FindingsSummary(files=list(self.files))
        part.by_building = {b: s for b, s in self.by_building.items() if b in buildings}
        part.total_up()
        return part

    def ageing(self, as_of: dt.date) -> dict[str, int]:
        """Open findings per ageing band (0-7, 8-14, 15-30, >30 days) as of a date."""
        bands = dict.fromkeys(AGE_BANDS, 0)
        for stats in self.by_building.values():
            for found, n in stats.open_found.items():
                bands[age_band((as_of - found).days)] += n
        return bands


@dataclass(slots=True)
class _Tally:
    """The raw counts of one building as its rows arrive; `stats()` makes BuildingStats.

    The sink runs once per row, so it touches plain dicts and slotted counters only
    (`collections.Counter`, a dict subclass, misses CPython's fast path for `d[k]`).
    """

    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FINDING_STATUSES, 0))
    items: dict[str, ItemStats] = field(default_factory=dict)
    homes: dict[str, UnitStats] = field(default_factory=dict)
    open_found: dict[dt.date, int] = field(default_factory=dict)
    closed_pairs: dict[tuple[dt.date, dt.date], int] = field(default_factory=dict)
    undated: dict[dt.date, int] = field(default_factory=dict)
    overdue: dict[str, int] = field(default_factory=dict)  # contractor ("" none): overdue
    contractors: dict[tuple[str, str], int] = field(default_factory=dict)  # open, by status
    made: dict[str, int] = field(default_factory=dict)  # every finding by contractor
    categories: dict[str, int] = field(default_factory=dict)  # every finding by category

    def stats(self) -> BuildingStats:
        """The building's findings as the gates and reports read them."""
        out = BuildingStats(
            by_status=Counter({status: n for status, n in self.by_status.items() if n}),
            open_found=Counter(self.open_found),
            closed_pairs=Counter(self.closed_pairs),
            undated_verified=Counter(self.undated),
            by_contractor=Counter(self.made),
            by_category=Counter(self.categories),
            overdue=sum(self.overdue.values()),
            by_item=self.items,
            units=self.homes,
        )
        for (contractor, status), count in self.contractors.items():
            out.open_by_contractor[contractor] += count
            if status == "reopened":
                out.reopened_by_contractor[contractor] += count
        out.overdue_by_contractor.update({c: n for c, n in self.overdue.items() if c})
        return out


def _sink(
    tallies: dict[str, _Tally],
    as_of: dt.date,
    blocking: frozenset[str],
    deductions: Mapping[tuple[str, str], float] | None,
    shown: Callable[[], str],
    future: list[int],
) -> Callable[..., None]:
    """The function the table reader calls with each batch of sound rows (a closure:
    its names are local, which matters at a million rows)."""
    deduct = dict(deductions or {})

    def add(rows: list[tuple[Any, ...]]) -> None:
        last, tally = None, _Tally()
        for (
            line,
            fid,
            item,
            building,
            unit,
            status,
            found,
            due,
            closed,
            contractor,
            sev,
            cat,
        ) in rows:
            if building is not last:  # rows mostly come building by building
                last = building
                tally = tallies.get(building) or tallies.setdefault(building, _Tally())
            tally.by_status[status] += 1
            if contractor:
                made = tally.made
                made[contractor] = made.get(contractor, 0) + 1
            if cat:
                cats = tally.categories
                cats[cat] = cats.get(cat, 0) + 1
            of_item = tally.items.get(item)
            if of_item is None:
                of_item = tally.items[item] = ItemStats()
            of_item.total += 1
            home = tally.homes.get(unit)
            if home is None:
                home = tally.homes[unit] = UnitStats()
            home.findings += 1
            if deduct:
                home.deducted += deduct.get((item, sev or ""), 0.0)
            if found > as_of:
                future[0] += 1
            if status == CLOSED:
                if closed is None:
                    tally.undated[found] = tally.undated.get(found, 0) + 1
                else:
                    pairs = tally.closed_pairs
                    key = (found, closed)
                    pairs[key] = pairs.get(key, 0) + 1
                continue
            ages = tally.open_found
            ages[found] = ages.get(found, 0) + 1
            of_item.open += 1
            home.open += 1
            if of_item.first_open is None:
                of_item.first_open, of_item.first_open_id = Place(shown(), line, 0), fid
            if item in blocking:
                home.blocking_open += 1
                home.first_blocking = home.first_blocking or fid
            if status == "disputed":
                home.disputed += 1
            if due is not None and due < as_of:
                tally.overdue[contractor] = tally.overdue.get(contractor, 0) + 1
            if contractor:
                by = (contractor, status)
                tally.contractors[by] = tally.contractors.get(by, 0) + 1

    return add


def schema_for(check_items: Iterable[str], buildings: Sequence[str]) -> Schema:
    """The findings schema with a project's item ids and buildings as allowed values."""
    return SCHEMA.allow(item=tuple(check_items), building=buildings)


def read_findings(
    paths: Iterable[Path],
    check_items: Iterable[str],
    buildings: Sequence[str],
    as_of: dt.date,
    *,
    blocking: Collection[str] = (),
    deductions: Mapping[tuple[str, str], float] | None = None,
) -> tuple[FindingsSummary, list[Problem]]:
    """Stream every findings file into one summary; every bad row becomes a problem.

    `check_items` are the checklist item ids a finding may name; `buildings` the
    project's buildings (any building is accepted when it is empty); `blocking` the
    blocking items (an open finding on one holds its home back); `deductions` the
    assessment points of a finding by (item, severity). At most
    MAX_PROBLEMS_PER_FILE problems are reported per file, then one saying how many more.
    """
    tallies: dict[str, _Tally] = {}
    future = [0]
    reader = TableReader(schema_for(check_items, buildings), TAKE)
    reader.sink = _sink(
        tallies, as_of, frozenset(blocking), deductions, lambda: reader.current.shown, future
    )
    summary = FindingsSummary()
    with paused_gc():  # rows make no reference cycles; the collector only costs time
        _read_all(reader, paths, summary, future, as_of)
    problems = reader.finish()
    summary.by_building = {name: tally.stats() for name, tally in tallies.items()}
    summary.total_up()
    return summary, problems


def _read_all(
    reader: TableReader,
    paths: Iterable[Path],
    summary: FindingsSummary,
    future: list[int],
    as_of: dt.date,
) -> None:
    from journey.catalog import shown_path

    for path in paths:
        before = future[0]
        shown = shown_path(path)
        summary.files.append(shown)
        reader.read(path, shown)
        if future[0] > before:
            reader.warn(
                0, "", "findings.after_as_of", count=future[0] - before, as_of=as_of.isoformat()
            )


__all__ = [
    "AGE_BANDS",
    "ALL_COLUMNS",
    "CLOSED",
    "COLUMNS",
    "FINDING_STATUSES",
    "MAX_PROBLEMS_PER_FILE",
    "SCHEMA",
    "SEVERITIES",
    "BuildingStats",
    "FindingsSummary",
    "ItemStats",
    "UnitStats",
    "age_band",
    "read_findings",
    "schema_for",
]
