"""The complaint register (投诉台账, SPEC §13): complaints streamed into counters.

One row a complaint: `id, received, channel, households, topic, level, escalated_to,
responded, closed, compensation, evidence, status`, optionally `building, unit, note`.
`received` and `responded` are date-times, `closed` a date. `level` names a level of the
catalog by id, title or number (1 is the lowest); `escalated_to` the professions brought
in (`public-relations; legal`, ids or titles); `compensation` an amount (empty or 0 for
none) or yes/no (是/否).

As each complaint arrives, the catalog's triggers say which level it demands (a group of
households, an online or media channel, a compensation claim) and which professions must
be brought in; it is counted per level and channel, and every shortfall — a level below
the one demanded, a profession not brought in, compensation without evidence, a case
open past its level's `close_days` — is counted with the first few complaints named.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from journey.problems import Place
from journey.service._names import Names
from journey.service.models import CHANNELS, ComplaintLevel, Trigger
from journey.tables import Column, Schema, TableReader

COMPLAINT_STATUSES = ("open", "responded", "closed")
MAX_EXAMPLES = 5
CACHED = 4096  # distinct `escalated_to` and `compensation` cells, and combinations judged, kept
TIMELINE = 30  # the most recent complaints at the two highest levels, for the report

SCHEMA = Schema(
    "complaints",
    (
        Column("id", "id", required=True, aliases=("投诉编号", "投诉单号", "complaint id")),
        Column("received", "datetime", required=True, aliases=("受理时间", "投诉时间")),
        Column("channel", required=True, aliases=("渠道", "投诉渠道", "来源")),
        Column("households", "int", low=1, aliases=("户数", "涉及户数", "投诉户数")),
        Column("topic", aliases=("投诉主题", "投诉内容", "主题")),
        Column("level", required=True, aliases=("投诉等级", "等级", "级别")),
        Column("escalated_to", aliases=("升级至", "协同专业", "升级部门")),
        Column("responded", "datetime", aliases=("响应时间", "首次响应时间")),
        Column("closed", "date", aliases=("关闭日期", "办结日期", "结案日期")),
        Column("compensation", aliases=("赔偿金额", "补偿金额", "是否赔偿", "赔偿")),
        Column("evidence", aliases=("证据", "取证记录", "证据材料")),
        Column("status", "choice", required=True, choices=COMPLAINT_STATUSES,
               aliases=("状态", "处理状态")),
        Column("building", aliases=("楼栋",)),
        Column("unit", aliases=("房号",)),
        Column("note", aliases=("备注",)),
    ),
    order=(("received", "responded"), ("received", "closed")),
)  # fmt: skip
TAKE = ("id", "received", "channel", "households", "topic", "level", "escalated_to",
        "responded", "closed", "compensation", "evidence", "status")  # fmt: skip

CHANNEL_SYNONYMS = {
    "电话": "phone", "来电": "phone", "热线": "phone", "客服热线": "phone", "400热线": "phone",
    "前台": "counter", "来访": "counter", "现场": "counter", "服务中心": "counter",
    "小程序": "app", "线上报事": "app",
    "微信": "wechat", "公众号": "wechat", "企业微信": "wechat", "业主群": "wechat",
    "微博": "weibo", "抖音": "douyin", "短视频": "douyin",
    "媒体": "media", "新闻媒体": "media", "报社": "media", "电视台": "media", "记者": "media",
    "政府": "government", "12345": "government", "信访": "government",
    "政务热线": "government", "市长热线": "government", "住建": "government",
    "其他": "other", "其它": "other",
}  # fmt: skip
_YES = frozenset({"是", "有", "yes", "y", "true"})
_NO = frozenset({"否", "无", "no", "n", "false"})
_SEPARATORS = re.compile(r"\s*[;；,，、/]\s*")

Example = tuple[str, Place]


class InFile(Protocol):
    """The file a row is read from, as the table reader knows it (TableReader.current)."""

    shown: str
    sheet: str


@dataclass(slots=True)
class Tally:
    """How many complaints share one shortfall, and the first few of them."""

    count: int = 0
    examples: list[Example] = field(default_factory=list)
    why: Counter[str] = field(default_factory=Counter)  # trigger kinds that demanded it

    def add(self, cid: str, line: int, file: InFile, why: str = "") -> None:
        """Count one complaint (at `line` of `file`); name it if it is among the first few."""
        self.count += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append((cid, Place(file.shown, line, 0, file.sheet)))
        if why:
            self.why[why] += 1

    def demanded_by(self) -> str:
        """The kind of trigger that demanded the level most often (`households` if none)."""
        return self.why.most_common(1)[0][0] if self.why else "households"


@dataclass(slots=True)
class LevelStats:
    """The complaints recorded at one level."""

    total: int = 0
    open: int = 0
    overdue: Tally = field(default_factory=Tally)  # not closed, past close_days
    closed_late: int = 0
    respond: list[int] = field(default_factory=lambda: [0, 0])  # met, judged
    by_channel: dict[str, int] = field(default_factory=dict)
    compensated: int = 0
    amount: float = 0.0


class Escalation(NamedTuple):
    """One complaint at one of the two highest levels (or demanding one), for a timeline."""

    received: dt.datetime
    id: str
    channel: str
    households: int
    level: str
    demanded: str
    escalated_to: tuple[str, ...]
    responded: dt.datetime | None
    closed: dt.date | None
    status: str
    amount: float
    place: Place


@dataclass
class ComplaintsSummary:
    """What the complaint registers of a project add up to."""

    files: list[str] = field(default_factory=list)
    by_level: dict[str, LevelStats] = field(default_factory=dict)
    shortfall: dict[str, Tally] = field(default_factory=dict)  # demanded level -> complaints
    unescalated: dict[str, Tally] = field(default_factory=dict)  # profession -> complaints
    no_evidence: Tally = field(default_factory=Tally)
    by_month: dict[tuple[int, int], dict[str, int]] = field(default_factory=dict)
    topics: Counter[str] = field(default_factory=Counter)  # sensitive point -> complaints
    timeline: list[Escalation] = field(default_factory=list)  # most recent first

    @property
    def total(self) -> int:
        """Every complaint read."""
        return sum(s.total for s in self.by_level.values())

    @property
    def open(self) -> int:
        """Complaints not yet closed."""
        return sum(s.open for s in self.by_level.values())

    def by_channel(self) -> Counter[str]:
        """Complaints per channel, every level together."""
        out: Counter[str] = Counter()
        for stats in self.by_level.values():
            out.update(stats.by_channel)
        return out


@dataclass(frozen=True, slots=True)
class _Level:
    id: str
    rank: int
    respond: dt.timedelta
    close_days: int
    handler: str
    contributors: frozenset[str]
    stats: LevelStats


@dataclass(frozen=True, slots=True)
class _Judged:
    """What the catalog makes of one combination of level, channel, households, professions
    brought in and compensation — the same for every complaint that writes them."""

    level: _Level
    channel: str
    homes: int
    compensation: tuple[bool, float]
    shortfall: str  # the level demanded, when above the recorded one ("" when not)
    why: str  # which kind of trigger demanded it
    unescalated: tuple[str, ...]  # the professions that should have been brought in
    evidence_needed: bool
    top: _Level | None  # the level that puts the complaint on the timeline, if any
    escalated: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    """The triggers in the form the row loop reads them."""

    households: tuple[tuple[int, int, frozenset[str]], ...]  # threshold, rank, contributors
    channels: dict[str, tuple[int, frozenset[str]]]  # channel -> rank, contributors
    compensation: tuple[int, frozenset[str], bool] | None  # rank, contributors, evidence

    @classmethod
    def of(cls, triggers: Iterable[Trigger], ranks: Mapping[str, int]) -> _Rules:
        """Combine triggers: the highest level and every contributor each condition brings."""
        households: list[tuple[int, int, frozenset[str]]] = []
        channels: dict[str, tuple[int, frozenset[str]]] = {}
        comp: tuple[int, frozenset[str], bool] | None = None
        for t in triggers:
            rank, who = ranks.get(t.level, 0), frozenset(t.contributors)
            if t.households is not None:
                households.append((t.households, rank, who))
            for ch in t.channels or ():
                old = channels.get(ch, (0, frozenset()))
                channels[ch] = (max(old[0], rank), old[1] | who)
            if t.compensation:
                old_c = comp or (0, frozenset(), False)
                comp = (max(old_c[0], rank), old_c[1] | who, old_c[2] or t.evidence)
        households.sort(reverse=True)
        return cls(tuple(households), channels, comp)


def _level_names(levels: Iterable[ComplaintLevel], ranked: Sequence[_Level]) -> Names[_Level]:
    """The texts a register may write for a complaint level (id, title or 1 … N)."""
    entries = [(lv.id, lv.title, ranked[i]) for i, lv in enumerate(levels)]
    numbers = {str(i): lv.id for i, lv in enumerate(ranked, start=1)}
    return Names("what.complaint_level", entries, numbers)


def channel_names() -> Names[str]:
    """The texts a register may write for a channel (its id, or a Chinese word for it)."""
    from journey.messages import in_both

    entries = [(ch, in_both(f"channel.{ch}"), ch) for ch in CHANNELS]
    return Names("what.channel", entries, CHANNEL_SYNONYMS)


class ComplaintSink:
    """Folds batches of complaint rows into a ComplaintsSummary."""

    def __init__(
        self,
        levels: Mapping[str, ComplaintLevel],
        triggers: Iterable[Trigger],
        professions: Names[str],
        points: Collection[str],
        as_of: dt.date,
        reader: TableReader,
    ) -> None:
        self.summary = ComplaintsSummary()
        self.reader = reader
        self._ranked = [  # lowest first: a level's rank is its place here
            _Level(
                lv.id, i, dt.timedelta(hours=lv.respond_hours), lv.close_days, lv.handler,
                frozenset(lv.contributors), self.summary.by_level.setdefault(lv.id, LevelStats()),
            )
            for i, lv in enumerate(levels.values())
        ]  # fmt: skip
        self._levels = _level_names(levels.values(), self._ranked)
        self._channels = channel_names()
        self._professions = professions
        self._rules = _Rules.of(triggers, {lv.id: lv.rank for lv in self._ranked})
        self._points = frozenset(points)
        # the rank from which a complaint is on the timeline: the two highest levels, if two
        count = len(self._ranked)
        self._top = count - 2 if count > 1 else count
        self._now = dt.datetime.combine(as_of, dt.time.min)
        self._today = as_of
        self._escalated_cells: dict[str, frozenset[str]] = {}
        self._compensation_cells: dict[str, tuple[bool, float]] = {}
        self._judged: dict[tuple[str, str, int | None, str, str], _Judged] = {}
        self._heap: list[tuple[dt.datetime, int, Escalation]] = []
        self._seq = 0

    def __call__(self, rows: list[tuple[Any, ...]]) -> None:
        """Judge and count one batch of sound rows."""
        add = self._one
        for row in rows:
            add(*row)

    def finish(self) -> ComplaintsSummary:
        """The summary, with the timeline most recent first."""
        self.summary.timeline = [e for _, _, e in sorted(self._heap, reverse=True)]
        return self.summary

    def _one(
        self, line: int, cid: str, received: dt.datetime, channel_text: str,
        households: int | None, topic: str, level_text: str, escalated_text: str,
        responded: dt.datetime | None, closed: dt.date | None, comp_text: str, evidence: str,
        status: str,
    ) -> None:  # fmt: skip
        key = (level_text, channel_text, households, escalated_text, comp_text)
        j = self._judged.get(key) or self._judge(line, key)
        if j is None:
            return
        if status == "closed" and closed is None:
            self.reader.error(line, "closed", "complaints.closed_undated")
            return
        level = j.level
        self._count(level, j.channel, received, responded, closed, status, j.compensation)
        file, summary = self.reader.current, self.summary
        if j.shortfall:
            _tally(summary.shortfall, j.shortfall).add(cid, line, file, j.why)
        for who in j.unescalated:
            _tally(summary.unescalated, who).add(cid, line, file)
        if j.evidence_needed and not evidence:
            summary.no_evidence.add(cid, line, file)
        if status != "closed" and (self._today - received.date()).days > level.close_days:
            level.stats.overdue.add(cid, line, file)
        if topic in self._points:
            summary.topics[topic] += 1
        if j.top is not None:
            entry = Escalation(
                received, cid, j.channel, j.homes, level.id, j.top.id, j.escalated, responded,
                closed, status, j.compensation[1], Place(file.shown, line, 0, file.sheet),
            )  # fmt: skip
            self._remember(entry)

    def _judge(self, line: int, key: tuple[str, str, int | None, str, str]) -> _Judged | None:
        """What the catalog makes of a row's level, channel, households, professions brought
        in and compensation; None after reporting a text that names nothing."""
        level_text, channel_text, households, escalated_text, comp_text = key
        level = self._level(line, level_text)
        channel = self._channel(line, channel_text)
        escalated = self._escalated(line, escalated_text)
        compensation = self._compensation(line, comp_text)
        if level is None or channel is None or escalated is None or compensation is None:
            return None
        homes = households or 1
        demanded, need, why = self._demands(channel, homes, compensation[0])
        shortfall = self._ranked[demanded].id if demanded > level.rank else ""
        need = need | level.contributors | self._ranked[demanded].contributors
        missing = sorted(need - escalated - {level.handler})
        comp_rule = self._rules.compensation
        top = max(level.rank, demanded)
        judged = _Judged(
            level, channel, homes, compensation, shortfall, why, tuple(missing),
            compensation[0] and comp_rule is not None and comp_rule[2],
            self._ranked[top] if top >= self._top else None, tuple(sorted(escalated)),
        )  # fmt: skip
        if len(self._judged) < CACHED:
            self._judged[key] = judged
        return judged

    def _count(
        self, level: _Level, channel: str, received: dt.datetime,
        responded: dt.datetime | None, closed: dt.date | None, status: str,
        compensation: tuple[bool, float],
    ) -> None:  # fmt: skip
        s = level.stats
        s.total += 1
        s.by_channel[channel] = s.by_channel.get(channel, 0) + 1
        if status == "closed":
            if closed is not None and (closed - received.date()).days > level.close_days:
                s.closed_late += 1
        else:
            s.open += 1
        if responded is not None:
            s.respond[1] += 1
            s.respond[0] += responded - received <= level.respond
        elif received + level.respond < self._now:
            s.respond[1] += 1
        if compensation[0]:
            s.compensated += 1
            s.amount += compensation[1]
        key = (received.year, received.month)
        month = self.summary.by_month.get(key)
        if month is None:
            month = self.summary.by_month[key] = {}
        month[level.id] = month.get(level.id, 0) + 1

    def _demands(
        self, channel: str, homes: int, compensated: bool
    ) -> tuple[int, frozenset[str], str]:
        """The rank the triggers demand, the professions they bring in, and which kind
        of trigger demanded the highest rank."""
        rules = self._rules
        rank, need, why = 0, frozenset[str](), ""
        for threshold, t_rank, who in rules.households:
            if homes >= threshold:
                need |= who
                if t_rank > rank:
                    rank, why = t_rank, "households"
        found = rules.channels.get(channel)
        if found is not None:
            need |= found[1]
            if found[0] > rank:
                rank, why = found[0], "channels"
        if compensated and rules.compensation is not None:
            need |= rules.compensation[1]
            if rules.compensation[0] > rank:
                rank, why = rules.compensation[0], "compensation"
        return rank, need, why

    def _remember(self, entry: Escalation) -> None:
        self._seq += 1
        item = (entry.received, self._seq, entry)
        if len(self._heap) < TIMELINE:
            heapq.heappush(self._heap, item)
        elif item[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, item)

    # Values -------------------------------------------------------------------------

    def _level(self, line: int, text: str) -> _Level | None:
        found = self._levels.get(text)
        if found is not None:
            return found
        if text.lstrip("-").isdigit():
            lowest, highest = self._ranked[0].id, self._ranked[-1].id
            if int(text) < 1:
                self.reader.error(line, "level", "complaints.level_below", value=text,
                                  lowest=lowest)  # fmt: skip
            else:
                self.reader.error(line, "level", "complaints.level_above", value=text,
                                  highest=highest, count=len(self._ranked))  # fmt: skip
            return None
        self._levels.unknown(self.reader.error, line, "level", text)
        return None

    def _channel(self, line: int, text: str) -> str | None:
        found = self._channels.get(text)
        if found is None:
            self._channels.unknown(self.reader.error, line, "channel", text)
        return found

    def _escalated(self, line: int, text: str) -> frozenset[str] | None:
        found = self._escalated_cells.get(text)
        if found is not None:
            return found
        out: set[str] = set()
        for part in filter(None, _SEPARATORS.split(text.strip())):
            who = self._professions.get(part)
            if who is None:
                self._professions.unknown(self.reader.error, line, "escalated_to", part)
                return None
            out.add(who)
        result = frozenset(out)
        if len(self._escalated_cells) < CACHED:
            self._escalated_cells[text] = result
        return result

    def _compensation(self, line: int, text: str) -> tuple[bool, float] | None:
        found = self._compensation_cells.get(text)
        if found is not None:
            return found
        result = compensation_value(text)
        if result is None:
            self.reader.error(line, "compensation", "complaints.bad_compensation", value=text)
            return None
        if len(self._compensation_cells) < CACHED:
            self._compensation_cells[text] = result
        return result


def _tally(tallies: dict[str, Tally], key: str) -> Tally:
    found = tallies.get(key)
    if found is None:
        found = tallies[key] = Tally()
    return found


def compensation_value(text: str) -> tuple[bool, float] | None:
    """(compensation involved, amount) for a cell: an amount, yes or no; None if neither."""
    word = text.strip().casefold()
    if not word or word in _NO:
        return False, 0.0
    if word in _YES:
        return True, 0.0
    try:
        amount = float(word.replace(",", ""))
    except ValueError:
        return None
    if amount != amount or amount < 0 or amount == float("inf"):
        return None
    return amount > 0, amount


__all__ = [
    "CHANNEL_SYNONYMS",
    "COMPLAINT_STATUSES",
    "SCHEMA",
    "ComplaintSink",
    "ComplaintsSummary",
    "Escalation",
    "LevelStats",
    "Tally",
    "channel_names",
    "compensation_value",
]
