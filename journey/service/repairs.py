"""The repair register (报修台账, SPEC §13): warranty repairs streamed into counters.

One row a repair order: `id, category, building, unit, reported, responded, onsite, fixed,
verified, status, repeat_of, investigated, responsible, note`. `reported`, `responded` and
`onsite` are date-times (`YYYY-MM-DD HH:MM`); `fixed`, `verified` and `investigated` are
dates. Nothing per row is kept: each repair is judged against its category's limits as it
arrives and counted per category, per responsible party and, for repeats, per home.

How a repair is judged, as of the start of the as-of day:
- each limit (respond, on site, fix) is met when its time falls within the limit after
  `reported`, missed when it falls later — or is still not recorded once the limit has
  passed — and pending otherwise; an on-site visit answers for a response not recorded;
- a repair is decided once a limit is missed or all three are met or missed, and meets
  every limit when all three are met;
- an urgent repair with nobody on site yet, its on-site limit passed, is an urgent repair
  left open;
- a repair whose category requires a joint investigation (and any repeat repair) needs an
  `investigated` date once it is fixed or its fix limit has passed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from journey.findings import AGE_BANDS, age_band
from journey.problems import Place
from journey.service._names import Names
from journey.service.models import RepairCategory
from journey.tables import Column, Schema, TableReader

REPAIR_STATUSES = ("open", "in-progress", "fixed", "verified", "reopened")
OPEN_STATUSES = frozenset({"open", "in-progress", "reopened"})
DONE_STATUSES = frozenset({"fixed", "verified"})
MAX_EXAMPLES = 5  # repairs named per category and reason
MAX_PARTIES = 1000  # responsible parties counted one by one; the rest together as "…"
OTHER_PARTY = "…"

SCHEMA = Schema(
    "repairs",
    (
        Column("id", "id", required=True, aliases=("报修单号", "工单号", "维修单号", "repair id")),
        Column("category", required=True, aliases=("报修类别", "报修分类", "维修类别", "类别")),
        Column("building", "choice", what="what.building", aliases=("楼栋", "楼号", "栋号")),
        Column("unit", aliases=("房号", "户号", "房间号")),
        Column("reported", "datetime", required=True, aliases=("报修时间", "报修日期")),
        Column("responded", "datetime", aliases=("响应时间", "接单时间")),
        Column("onsite", "datetime", aliases=("上门时间", "到场时间", "到达时间")),
        Column("fixed", "date", aliases=("完成日期", "维修完成日期", "完工日期")),
        Column("verified", "date", aliases=("复验日期", "验收日期")),
        Column("status", "choice", required=True, choices=REPAIR_STATUSES,
               aliases=("状态", "工单状态")),
        Column("repeat_of", aliases=("重复报修", "原报修单号", "重复报修单号")),
        Column("investigated", "date", aliases=("查勘日期", "联合查勘日期", "现场查勘日期")),
        Column("responsible", aliases=("责任单位", "维修单位", "施工单位")),
        Column("note", aliases=("备注",)),
    ),
    order=(
        ("reported", "responded"),
        ("reported", "onsite"),
        ("reported", "fixed"),
        ("fixed", "verified"),
        ("reported", "investigated"),
    ),
)  # fmt: skip
TAKE = ("id", "category", "building", "unit", "reported", "responded", "onsite", "fixed",
        "status", "repeat_of", "investigated", "responsible")  # fmt: skip


Example = tuple[str, Place]  # a repair id and where its row is


@dataclass(slots=True)
class CategoryStats:
    """The repairs of one category, judged against its limits."""

    total: int = 0
    open: int = 0
    respond: list[int] = field(default_factory=lambda: [0, 0])  # met, judged
    onsite: list[int] = field(default_factory=lambda: [0, 0])
    fix: list[int] = field(default_factory=lambda: [0, 0])
    decided: int = 0
    met_all: int = 0
    repeats: int = 0
    urgent_open: int = 0
    no_investigation: int = 0
    repeat_no_investigation: int = 0
    investigated_late: int = 0
    ages: dict[str, int] = field(default_factory=lambda: dict.fromkeys(AGE_BANDS, 0))
    examples: dict[str, list[Example]] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """The share of decided repairs that met every limit (1.0 when none is decided)."""
        return self.met_all / self.decided if self.decided else 1.0

    def first(self, reason: str) -> Example | None:
        """The first repair counted for `reason`, if any."""
        found = self.examples.get(reason)
        return found[0] if found else None


@dataclass(slots=True)
class PartyStats:
    """The repairs a responsible party (责任单位) answers for."""

    total: int = 0
    decided: int = 0
    met_all: int = 0
    open: int = 0
    repeats: int = 0

    @property
    def rate(self) -> float:
        """The share of decided repairs that met every limit."""
        return self.met_all / self.decided if self.decided else 1.0


@dataclass
class RepairsSummary:
    """What the repair registers of a project add up to."""

    files: list[str] = field(default_factory=list)
    by_category: dict[str, CategoryStats] = field(default_factory=dict)
    by_party: dict[str, PartyStats] = field(default_factory=dict)
    home_repeats: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        """Every repair read."""
        return sum(c.total for c in self.by_category.values())

    @property
    def repeats(self) -> int:
        """Repairs that repeat an earlier one (`repeat_of` set)."""
        return sum(c.repeats for c in self.by_category.values())

    @property
    def open(self) -> int:
        """Repairs still open, in progress or reopened."""
        return sum(c.open for c in self.by_category.values())


@dataclass(slots=True)
class _Limits:
    """A category's limits as the row loop uses them, and its counters."""

    id: str
    respond: dt.timedelta
    onsite: dt.timedelta
    fix_days: int
    urgent: bool
    investigation: bool
    stats: CategoryStats

    @classmethod
    def of(cls, c: RepairCategory, stats: CategoryStats) -> _Limits:
        """The limits of category `c`, counting into `stats`."""
        return cls(
            c.id,
            dt.timedelta(hours=c.respond_hours),
            dt.timedelta(hours=c.onsite_hours),
            c.fix_days,
            c.urgent,
            c.investigation,
            stats,
        )


class RepairSink:
    """Folds batches of repair rows into a RepairsSummary; remembers the `repeat_of` ids
    (one per repeat repair) so that they can be checked once every id is known."""

    def __init__(
        self, categories: Mapping[str, RepairCategory], as_of: dt.date, reader: TableReader
    ) -> None:
        self.summary = RepairsSummary()
        self.reader = reader
        self.refs: dict[str, tuple[str, int]] = {}  # repeat_of -> first place naming it
        stats = self.summary.by_category
        self._names = Names(
            "what.repair_category",
            (
                (c.id, c.title, _Limits.of(c, stats.setdefault(c.id, CategoryStats())))
                for c in categories.values()
            ),
        )
        self._by_text: dict[str, _Limits] = {}  # each text the register wrote, as the loop reads it
        self._now = dt.datetime.combine(as_of, dt.time.min)
        self._today = as_of

    def limits_of(self, line: int, text: str) -> _Limits | None:
        """The category a row names, or None after reporting it."""
        found = self._names.get(text)
        if found is None:
            self._names.unknown(self.reader.error, line, "category", text)
            return None
        self._by_text[text] = found
        return found

    def __call__(self, rows: list[tuple[Any, ...]]) -> None:
        """Judge and count one batch of sound rows. The loop runs once per repair (a million
        in a large register), so it binds what it reads to local names and leaves the rare
        cases — errors, open and repeat repairs, investigations — to methods."""
        by_text, parties, now, today = self._by_text, self.summary.by_party, self._now, self._today
        for row in rows:
            (line, rid, cat_text, building, unit, reported, responded, onsite, fixed, status,
             repeat_of, investigated, party) = row  # fmt: skip
            lim = by_text.get(cat_text) or self.limits_of(line, cat_text)
            if lim is None:
                continue
            if fixed is None and status in DONE_STATUSES:
                self.reader.error(line, "fixed", "repairs.fixed_undated", status=status)
                continue
            c = lim.stats
            c.total += 1
            day = reported.date()
            answer = responded if responded is not None else onsite
            due = reported + lim.respond
            r = (1 if answer <= due else 2) if answer is not None else (2 if due < now else 0)
            due = reported + lim.onsite
            o = (1 if onsite <= due else 2) if onsite is not None else (2 if due < now else 0)
            if fixed is not None:
                f = 1 if (fixed - day).days <= lim.fix_days else 2
            else:
                f = 2 if (today - day).days > lim.fix_days else 0
            if r:
                c.respond[1] += 1
                c.respond[0] += r == 1
            if o:
                c.onsite[1] += 1
                c.onsite[0] += o == 1
            if f:
                c.fix[1] += 1
                c.fix[0] += f == 1
            who = parties.get(party) or self._party(party)
            who.total += 1
            if r == 2 or o == 2 or f == 2:
                c.decided += 1
                who.decided += 1
                self._example(c, "missed", rid, line)
            elif r and o and f:
                c.decided += 1
                c.met_all += 1
                who.decided += 1
                who.met_all += 1
            if status in OPEN_STATUSES:
                self._open(c, lim, who, rid, line, reported, onsite, day)
            if repeat_of:
                self._repeat(c, who, rid, repeat_of, building, unit, line)
            if lim.investigation or repeat_of:
                due_now = fixed is not None or f == 2
                self._investigation(c, lim, rid, line, due_now, investigated, fixed)

    def _open(
        self, c: CategoryStats, lim: _Limits, who: PartyStats, rid: str, line: int,
        reported: dt.datetime, onsite: dt.datetime | None, day: dt.date,
    ) -> None:  # fmt: skip
        c.open += 1
        who.open += 1
        c.ages[age_band((self._today - day).days)] += 1
        if lim.urgent and onsite is None and reported + lim.onsite < self._now:
            c.urgent_open += 1
            self._example(c, "urgent_open", rid, line)

    def _repeat(
        self, c: CategoryStats, party: PartyStats, rid: str, repeat_of: str, building: str,
        unit: str, line: int,
    ) -> None:  # fmt: skip
        if repeat_of == rid:
            self.reader.error(line, "repeat_of", "repairs.repeat_self", value=rid)
            return
        c.repeats += 1
        party.repeats += 1
        self.summary.home_repeats[(building, unit)] += 1
        self._example(c, "repeat", rid, line)
        if repeat_of not in self.refs:
            self.refs[repeat_of] = (self.reader.current.shown, line)

    def _investigation(
        self, c: CategoryStats, lim: _Limits, rid: str, line: int, due: bool,
        investigated: dt.date | None, fixed: dt.date | None,
    ) -> None:  # fmt: skip
        if investigated is None:
            if due and lim.investigation:
                c.no_investigation += 1
                self._example(c, "no_investigation", rid, line)
            elif due:
                c.repeat_no_investigation += 1
                self._example(c, "repeat_no_investigation", rid, line)
        elif fixed is not None and investigated > fixed:
            c.investigated_late += 1
            self._example(c, "investigated_late", rid, line)

    def _party(self, name: str) -> PartyStats:
        parties = self.summary.by_party
        found = parties.get(name)
        if found is None:
            if len(parties) >= MAX_PARTIES:
                name = OTHER_PARTY
            found = parties.setdefault(name, PartyStats())
        return found

    def _example(self, c: CategoryStats, reason: str, rid: str, line: int) -> None:
        found = c.examples.get(reason)
        if found is None:
            found = c.examples[reason] = []
        elif len(found) >= MAX_EXAMPLES:
            return
        current = self.reader.current
        found.append((rid, Place(current.shown, line, 0, current.sheet)))


def schema_for(buildings: tuple[str, ...] | list[str]) -> Schema:
    """The repairs schema with a project's buildings as the allowed values."""
    return SCHEMA.allow(building=buildings)


__all__ = [
    "REPAIR_STATUSES",
    "SCHEMA",
    "CategoryStats",
    "PartyStats",
    "RepairSink",
    "RepairsSummary",
    "schema_for",
]
