"""The data of the `service` report (SPEC §13): after the keys — repairs against their
limits, complaints by level and channel with their escalations, satisfaction by dimension
and life-cycle stage against target, and the improvement actions.

Like every report model, texts are already in the report's language; the charts are
geometry only (journey.reports.service_svg) and the templates draw them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from journey.reports.models import Header, Tick, Verdict
from journey.types import Model


class Totals(Model):
    """The numbers at the top of the report."""

    repairs: int
    repairs_open: int
    repairs_decided: int
    repairs_met: int
    repeats: int
    complaints: int
    complaints_open: int
    complaints_overdue: int
    answers: int
    index: float | None
    weak: int  # dimensions below target
    actions: int
    actions_overdue: int

    @property
    def met_rate(self) -> float:
        """The share of decided repairs that met every limit."""
        return self.repairs_met / self.repairs_decided if self.repairs_decided else 1.0

    @property
    def repeat_share(self) -> float:
        """Repeat repairs over all repairs."""
        return self.repeats / self.repairs if self.repairs else 0.0


class CategoryRow(Model):
    """One repair category: its limits and how its repairs met them."""

    id: str
    title: str
    owner: str
    limits: str  # "2 h / 4 h / 7 d"
    urgent: bool
    investigation: bool
    total: int
    decided: int
    met: int
    rate: float
    respond: float | None
    onsite: float | None
    fix: float | None
    open: int
    repeats: int
    urgent_open: int
    no_investigation: int
    below: bool  # under the warranty gate's ratio


class PartyRow(Model):
    """One responsible party (责任单位) and the repairs it answers for."""

    name: str
    total: int
    decided: int
    met: int
    rate: float
    open: int
    repeats: int


class AgeRow(Model):
    """Open repairs of one category by age band (days since reported)."""

    title: str
    bands: tuple[int, ...]
    total: int


class RepeatRow(Model):
    """Repeat repairs of one category, or of one home."""

    label: str
    repeats: int
    share: float  # of the category's repairs (0 for a home)


class LevelRow(Model):
    """One complaint level: who answers for it, its limits and its complaints by channel."""

    id: str
    title: str
    supervisor: str
    handler: str
    limits: str  # "2 h / 7 d"
    total: int
    open: int
    overdue: int
    respond: float | None
    closed_late: int
    channels: tuple[int, ...]  # in the order of ServiceReport.channels
    compensated: int
    amount: float


class TopicRow(Model):
    """A sensitive point complaints were about, and how many."""

    id: str
    title: str
    count: int


class Shortfall(Model):
    """A way complaints fell short of the escalation rules, with the first ones named."""

    kind: Literal["level", "escalation", "evidence", "overdue"]
    label: str
    count: int
    first: str


class EscalationRow(Model):
    """One complaint at the top levels, on the escalation timeline."""

    id: str
    received: dt.datetime
    channel: str
    households: int
    level: str
    demanded: str  # the level its triggers demand ("" when the same)
    escalated_to: str
    responded: dt.datetime | None
    closed: dt.date | None
    status: str
    days: int  # open: days since received; closed: days it took
    amount: float


class Segment(Model):
    """One level's complaints in one month of the timeline chart."""

    level: int  # rank, for the colour
    x: float
    y: float
    width: float
    height: float
    count: int


class TimelineChart(Model):
    """Complaints received per month, stacked by level."""

    width: float
    height: float
    top: float
    bottom: float
    months: tuple[Tick, ...]
    segments: tuple[Segment, ...]
    scale: tuple[Tick, ...]  # horizontal grid lines, label = count
    legend: tuple[str, ...]  # level titles, lowest first


class StageCell(Model):
    """A dimension's index among owners at one life-cycle stage."""

    stage: str
    index: float | None
    answers: int
    below: bool


class DimensionRow(Model):
    """One satisfaction dimension against its target, overall and by stage."""

    id: str
    title: str
    owner: str
    target: float
    index: float | None
    answers: int
    stages: tuple[StageCell, ...]
    weak: bool
    actions: tuple[str, ...]  # ids of actions aimed at it
    acted: bool  # has an action with a standard, not overdue


class Bar(Model):
    """One bar of the satisfaction chart (a dimension at a stage)."""

    x: float
    y: float
    width: float
    height: float
    stage: int  # position of the stage, for the colour
    index: float
    below: bool
    label: str


class DimensionGroup(Model):
    """The bars and target line of one dimension."""

    label: str
    x: float
    width: float
    target_y: float
    bars: tuple[Bar, ...]


class SatisfactionChart(Model):
    """Index per dimension and life-cycle stage against target."""

    width: float
    height: float
    top: float
    bottom: float
    groups: tuple[DimensionGroup, ...]
    scale: tuple[Tick, ...]  # y grid, label = index
    legend: tuple[str, ...]  # stage titles


class StageInfo(Model):
    """A life-cycle stage and the months after handover it covers."""

    id: str
    title: str
    months: str
    answers: int
    index: float | None


class ActionRow(Model):
    """An improvement action as the project records it."""

    id: str
    aim: str
    action: str
    owner: str
    assignee: str
    due: dt.date
    standard: str
    status: str
    overdue: bool
    done: dt.date | None


class ServiceReport(Model):
    """After the keys: repairs, complaints, satisfaction and improvement."""

    kind: Literal["service"] = "service"
    header: Header
    verdict: Verdict  # the warranty-review gate's
    due: bool  # the gate is due at the project's stage (else its verdict says nothing)
    gate_title: str
    failed: tuple[str, ...]  # titles of its failed rules
    totals: Totals
    needed: float | None
    categories: tuple[CategoryRow, ...]
    parties: tuple[PartyRow, ...]
    age_bands: tuple[str, ...]
    ageing: tuple[AgeRow, ...]
    repeat_categories: tuple[RepeatRow, ...]
    repeat_homes: tuple[RepeatRow, ...]
    max_repeat: float | None
    channels: tuple[str, ...]  # channel labels, in column order
    levels: tuple[LevelRow, ...]
    shortfalls: tuple[Shortfall, ...]
    topics: tuple[TopicRow, ...]
    timeline: TimelineChart
    escalations: tuple[EscalationRow, ...]
    stages: tuple[StageInfo, ...]
    dimensions: tuple[DimensionRow, ...]
    chart: SatisfactionChart
    actions: tuple[ActionRow, ...]


__all__ = ["ServiceReport"]
