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
REASONS = ("missed", "urgent_open", "repeat", "no_investigation", "repeat_no_investigation",
           "investigated_late")  # fmt: skip
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
    # repairs named so far, per reason
    named: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REASONS, 0))
    # per responsible party, the repairs of each outcome (see RepairSink)
    outcomes: dict[str, list[int]] = field(default_factory=dict)

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


PENDING, MET, MISSED = 0, 1, 2  # how a repair stands against one limit
OUTCOMES = 27  # respond × on site × fix: outcome = 9 × respond + 3 × on site + fix


class RepairSink:
    """Folds batches of repair rows into a RepairsSummary; remembers the `repeat_of` ids
    (one per repeat repair) so that they can be checked once every id is known.

    The row loop counts each repair under its outcome — how each of its three limits
    stands (pending, met or missed) — in a list kept per category and responsible party,
    and `finish` adds the outcomes up into the per-category and per-party counts: one
    list update a row instead of a dozen counters."""

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
        self._limits: list[_Limits] = []  # the categories met, in that order
        self._now = dt.datetime.combine(as_of, dt.time.min)
        self._today = as_of

    def limits_of(self, line: int, text: str) -> _Limits | None:
        """The category a row names, or None after reporting it."""
        found = self._names.get(text)
        if found is None:
            self._names.unknown(self.reader.error, line, "category", text)
            return None
        if not any(lim is found for lim in self._limits):
            self._limits.append(found)
        self._by_text[text] = found
        return found

    def __call__(self, rows: list[tuple[Any, ...]]) -> None:
        """Judge and count one batch of sound rows. The loop runs once per repair (a million
        in a large register), so it binds what it reads to local names and leaves the rare
        cases — errors, examples, open and repeat repairs — to methods."""
        by_text, now, today = self._by_text, self._now, self._today
        for row in rows:
            (line, rid, cat_text, building, unit, reported, responded, onsite, fixed, status,
             repeat_of, investigated, party) = row  # fmt: skip
            lim = by_text.get(cat_text) or self.limits_of(line, cat_text)
            if lim is None:
                continue
            if fixed is None and status in DONE_STATUSES:
                self.reader.error(line, "fixed", "repairs.fixed_undated", status=status)
                continue
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
            counts = lim.outcomes.get(party) or self._outcomes(lim, party)
            counts[9 * r + 3 * o + f] += 1
            if lim.named["missed"] < MAX_EXAMPLES and (r == 2 or o == 2 or f == 2):
                self._example(lim, "missed", rid, line)
            if status in OPEN_STATUSES:
                self._open(lim, party, rid, line, reported, onsite, day)
            if repeat_of:
                self._repeat(lim, party, rid, repeat_of, building, unit, line)
            if lim.investigation or repeat_of:
                # a joint investigation is due once the repair is fixed or its fix limit passed
                c = lim.stats
                if investigated is None:
                    if fixed is None and f != 2:
                        pass
                    elif lim.investigation:
                        c.no_investigation += 1
                        if lim.named["no_investigation"] < MAX_EXAMPLES:
                            self._example(lim, "no_investigation", rid, line)
                    else:
                        c.repeat_no_investigation += 1
                        if lim.named["repeat_no_investigation"] < MAX_EXAMPLES:
                            self._example(lim, "repeat_no_investigation", rid, line)
                elif fixed is not None and investigated > fixed:
                    c.investigated_late += 1
                    self._example(lim, "investigated_late", rid, line)

    def finish(self) -> RepairsSummary:
        """The summary, with the outcomes counted into each category and party."""
        by_party = self.summary.by_party
        for lim in self._limits:
            c = lim.stats
            for party, counts in lim.outcomes.items():
                who = by_party[party]
                for outcome, count in enumerate(counts):
                    if count:
                        self._fold(c, who, outcome, count)
            lim.outcomes.clear()
        return self.summary

    @staticmethod
    def _fold(c: CategoryStats, who: PartyStats, outcome: int, count: int) -> None:
        """Count `count` repairs of one outcome into their category and party."""
        r, o, f = outcome // 9, outcome // 3 % 3, outcome % 3
        c.total += count
        who.total += count
        for judged, state in ((c.respond, r), (c.onsite, o), (c.fix, f)):
            if state != PENDING:
                judged[1] += count
                judged[0] += count if state == MET else 0
        if MISSED in (r, o, f):
            c.decided += count
            who.decided += count
        elif PENDING not in (r, o, f):
            c.decided += count
            c.met_all += count
            who.decided += count
            who.met_all += count

    def _outcomes(self, lim: _Limits, party: str) -> list[int]:
        """The outcome counts of `party` in category `lim`; a party past the first
        MAX_PARTIES counts under "…" (and its text is not remembered)."""
        name = self._party(party)
        found = lim.outcomes.get(name)
        if found is None:
            found = lim.outcomes[name] = [0] * OUTCOMES
        return found

    def _party(self, text: str) -> str:
        """The name the party `text` is counted under: itself, or "…" once MAX_PARTIES
        parties are counted one by one."""
        parties = self.summary.by_party
        if text not in parties and len(parties) >= MAX_PARTIES:
            text = OTHER_PARTY
        if text not in parties:  # parties are listed in the order they are first met
            parties[text] = PartyStats()
        return text

    def _open(
        self, lim: _Limits, party: str, rid: str, line: int, reported: dt.datetime,
        onsite: dt.datetime | None, day: dt.date,
    ) -> None:  # fmt: skip
        c = lim.stats
        c.open += 1
        self.summary.by_party[self._party(party)].open += 1
        c.ages[age_band((self._today - day).days)] += 1
        if lim.urgent and onsite is None and reported + lim.onsite < self._now:
            c.urgent_open += 1
            self._example(lim, "urgent_open", rid, line)

    def _repeat(
        self, lim: _Limits, party: str, rid: str, repeat_of: str, building: str, unit: str,
        line: int,
    ) -> None:  # fmt: skip
        if repeat_of == rid:
            self.reader.error(line, "repeat_of", "repairs.repeat_self", value=rid)
            return
        lim.stats.repeats += 1
        self.summary.by_party[self._party(party)].repeats += 1
        self.summary.home_repeats[(building, unit)] += 1
        self._example(lim, "repeat", rid, line)
        if repeat_of not in self.refs:
            self.refs[repeat_of] = (self.reader.current.shown, line)

    def _example(self, lim: _Limits, reason: str, rid: str, line: int) -> None:
        if lim.named[reason] >= MAX_EXAMPLES:
            return
        lim.named[reason] += 1
        current = self.reader.current
        place = Place(current.shown, line, 0, current.sheet)
        lim.stats.examples.setdefault(reason, []).append((rid, place))


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
