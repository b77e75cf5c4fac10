"""The data of every report: frozen models that HTML, Markdown and the embedded JSON share.

Texts from the catalog and the project are already resolved to the report's language,
so a model is exactly what a reader sees; templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from journey.numbers import Numbers
from journey.types import Model, Rating

Verdict = Literal["pass", "fail", "unknown"]
BarState = Literal["done", "doing", "late", "at-risk", "todo"]
# live: evaluated as of the as-of day; recorded: the milestone has passed and the project
# recorded the verdict of the time; not-recorded: the milestone has passed, nothing recorded
GateState = Literal["live", "recorded", "not-recorded"]


class BatchBadge(Model):
    """One batch's verdict on a gate."""

    id: str
    buildings: tuple[str, ...]
    verdict: Verdict
    state: GateState = "live"
    milestone_date: dt.date | None = None
    recorded_on: dt.date | None = None
    recorded_by: str = ""


class GateBadge(Model):
    """One gate's verdict for the header, with the titles of the rules that failed and,
    for a project handed over in batches, each batch's verdict. A gate whose milestone
    has passed shows the verdict recorded at the time instead (`state`)."""

    id: str
    title: str
    verdict: Verdict
    failed: tuple[str, ...] = ()
    batches: tuple[BatchBadge, ...] = ()
    state: GateState = "live"
    milestone: str = ""
    milestone_date: dt.date | None = None
    recorded_on: dt.date | None = None
    recorded_by: str = ""
    recorded_note: str = ""
    report: str = ""  # the report that shows this gate's detail


class WorkRow(Model):
    """One item blocking a gate (or one open risk), as its owner needs to see it."""

    id: str
    title: str
    assignee: str = ""
    severity: Rating
    due: dt.date | None = None
    days: int | None = None  # due − as-of: negative when overdue
    rules: tuple[str, ...] = ()  # the titles of the rules it fails
    reasons: tuple[str, ...] = ()
    note: str = ""
    evidence: str = ""
    batches: tuple[str, ...] = ()


class WorkGroup(Model):
    """What one profession must act on, most urgent first."""

    owner: str
    count: int
    overdue: int
    assignees: tuple[tuple[str, int], ...] = ()
    rows: tuple[WorkRow, ...]  # the most urgent (at most WORK_ROWS)
    more: int = 0  # how many more the group holds


class Milestone(Model):
    """A project milestone and its date."""

    name: str
    date: dt.date


class Header(Model):
    """What every report shows first."""

    report: str
    lang: str
    project_id: str
    project_name: str
    catalog_name: str
    catalog_version: str
    level: str
    stage: str
    as_of: dt.date
    milestones: tuple[Milestone, ...]
    gates: tuple[GateBadge, ...]
    batch: str = ""  # the batch a report of one batch is about
    batch_buildings: tuple[str, ...] = ()
    what_if: str = ""  # the milestones moved for a what-if, on one line


class WaiverRow(Model):
    """An approved exception and whether it is still in force."""

    target: str
    reason: str
    approved_by: str
    expires: dt.date
    in_force: bool
    state: Literal["in-force", "expiring", "expired"] = "in-force"


# Risk assessment -------------------------------------------------------------------


class RiskRow(Model):
    """One applicable risk as the project stands on it."""

    id: str
    title: str
    phase: str
    category: str
    owner_id: str
    owner: str
    assignee: str = ""
    likelihood: int
    impact: int
    rating: Rating
    status: str
    due: dt.date | None = None
    overdue: bool = False
    controls: tuple[str, ...]
    waiver: WaiverRow | None = None
    note: str = ""
    evidence: str = ""
    inherent: Rating  # the catalog's rating, before the project's re-scoring
    inherent_likelihood: int
    inherent_impact: int
    is_open: bool = True  # neither closed, accepted nor waived


class HeatCell(Model):
    """One likelihood × impact cell: its rating and the risks that sit in it."""

    likelihood: int
    impact: int
    rating: Rating
    count: int
    open: int
    ids: tuple[str, ...] = ()


class HeatMap(Model):
    """The matrix of one stage, rows from the highest likelihood down."""

    likelihood: tuple[str, ...]
    impact: tuple[str, ...]
    rows: tuple[tuple[HeatCell, ...], ...]
    total: int


class StageSection(Model):
    """The risks of one stage: every applicable risk on the catalog's scores (inherent),
    the open ones on the project's (residual); open risks in full, the rest summarised."""

    id: str
    title: str
    heat: HeatMap  # inherent: every applicable risk, the catalog's likelihood and impact
    residual: HeatMap  # open risks only, with the project's re-scoring
    risks: tuple[RiskRow, ...]
    open: int

    @property
    def open_risks(self) -> tuple[RiskRow, ...]:
        """Risks still open (neither closed, accepted nor waived)."""
        return tuple(r for r in self.risks if r.is_open)

    @property
    def settled_risks(self) -> tuple[RiskRow, ...]:
        """Risks closed, accepted or waived."""
        return tuple(r for r in self.risks if not r.is_open)


class ProfessionRow(Model):
    """What one profession owns and how much of it is still open."""

    id: str
    title: str
    owned: int
    open: int
    severe_open: tuple[str, ...]


class PointRow(Model):
    """A customer sensitive point."""

    id: str
    title: str
    stage: str
    owner: str
    red_line: bool


class RiskAssessment(Model):
    """Risks per stage with heat maps, per profession, and uncovered sensitive points."""

    kind: Literal["risk-assessment"] = "risk-assessment"
    header: Header
    total: int
    open: int
    severe_open: int
    stages: tuple[StageSection, ...]
    professions: tuple[ProfessionRow, ...]
    uncovered: tuple[PointRow, ...]
    work: tuple[WorkGroup, ...] = ()  # open risks by owner, most urgent first


# Delivery plan ---------------------------------------------------------------------


class TaskRow(Model):
    """A scheduled plan task and how it stands."""

    id: str
    title: str
    owner: str
    assignee: str = ""
    category: str = ""
    status: str
    start: dt.date
    finish: dt.date
    pushed_days: int
    critical: bool
    late: bool
    at_risk: bool
    note: str = ""
    float_days: int | None = None  # total float (journey.schedule); None when done


class Bar(Model):
    """A Gantt bar in chart units (1 unit = 1 px at the chart's natural width)."""

    id: str
    label: str
    x: float
    y: float
    width: float
    state: BarState
    critical: bool
    float_width: float = 0.0  # the float after the bar, in chart units
    label_x: float = 4.0  # where the label starts (beside the bar on the phone chart)
    clipped: bool = False  # starts before the chart's first day


class Link(Model):
    """A connector between two consecutive tasks of the critical chain."""

    x1: float
    y1: float
    x2: float
    y2: float


class Tick(Model):
    """A labelled vertical line of the chart (a month start, a milestone, today)."""

    x: float
    label: str


class Gantt(Model):
    """The inline-SVG Gantt chart: geometry only, drawn by the template."""

    width: float
    height: float
    label_width: float
    row_height: float
    top: float
    bars: tuple[Bar, ...]
    months: tuple[Tick, ...]
    milestones: tuple[Tick, ...]
    today: Tick | None
    links: tuple[Link, ...] = ()
    start: dt.date | None = None  # the chart's first day
    hidden: int = 0  # tasks done before the first day, left out (the phone chart)


class ChartPoint(Model):
    """A point of a burn-down line in chart units."""

    x: float
    y: float


class BurnDownChart(Model):
    """One building's (or batch's) rectification burn-down: the share verified over time,
    the target, the forecast to the day it is reached, and the deadline."""

    scope: str
    level: Literal["building", "batch"]
    findings: int
    verified: int
    ratio: float
    target: float
    needed: int
    rate: float
    recent_days: int
    reached: bool
    reaches: dt.date | None
    deadline: dt.date | None
    days_late: int | None
    sentence: str = ""  # the forecast in words
    pace: str = ""  # the figures behind it
    width: float = 0.0
    height: float = 0.0
    line: tuple[ChartPoint, ...] = ()
    forecast: tuple[ChartPoint, ...] = ()
    target_y: float = 0.0
    deadline_x: float | None = None
    today_x: float = 0.0
    first: dt.date | None = None
    last: dt.date | None = None


class RoundRow(Model):
    """One checklist's results: a simulated-acceptance round."""

    id: str
    title: str
    phase: str
    total: int
    passed: int
    failed: int
    pending: int
    not_applicable: int
    blocking_failed: tuple[str, ...]
    waived: tuple[str, ...] = ()  # failed items whose waiver is in force


class BuildingRow(Model):
    """Findings of one building."""

    building: str
    total: int
    verified: int
    open: int
    rate: float
    older_30: int


class CountRow(Model):
    """A label and a count (an ageing band, a contractor)."""

    label: str
    count: int


class NumberRow(Numbers):
    """The numbers of SPEC §12 for one scope (the project, a batch, a building)."""

    scope: str
    level: Literal["project", "batch", "building"]


class KeyCustomer(Model):
    """A tagged home of the unit register (客户梳理) and where it stands."""

    building: str
    unit: str
    tags: tuple[str, ...]  # shown in the report's language
    open: int
    blocking_open: int
    first_blocking: str
    disputed: int
    deliverable: bool


class DeliveryPlan(Model):
    """The scheduled plan, acceptance rounds, rectification and preparation."""

    kind: Literal["delivery-plan"] = "delivery-plan"
    header: Header
    gantt: Gantt
    tasks: tuple[TaskRow, ...]
    critical_path: tuple[str, ...]
    last_task: str
    unanchored: tuple[tuple[str, str], ...]
    rounds: tuple[RoundRow, ...]
    buildings: tuple[BuildingRow, ...]
    findings_total: int
    findings_verified: int
    rate: float
    ageing: tuple[CountRow, ...]
    contractors: tuple[CountRow, ...]
    preparation: tuple[TaskRow, ...]
    emergency: tuple[TaskRow, ...]
    numbers: tuple[NumberRow, ...] = ()
    has_score: bool = False
    key_customers: tuple[KeyCustomer, ...] = ()
    homes: int = 0  # homes in view (the register's, or those with findings)
    homes_held: int = 0
    phone_gantt: Gantt | None = None  # from two weeks before the as-of day, for phones
    burndown: tuple[BurnDownChart, ...] = ()
    gate: str = ""  # the gate this plan is judged by (delivery)
    gate_title: str = ""
    work: tuple[WorkGroup, ...] = ()  # what blocks that gate, by owner
    waivers: tuple[WaiverRow, ...] = ()  # the waivers that gate consulted


# Open day --------------------------------------------------------------------------


class Blocker(Model):
    """Something that stands in the way of the open day, and who owns it."""

    id: str
    title: str
    owner: str
    reason: Literal["fail", "pending", "gate"]
    note: str = ""


class Prerequisite(Model):
    """An open-day checklist item as the project stands on it."""

    id: str
    title: str
    area: str
    owner: str
    blocking: bool
    status: str
    evidence: str = ""
    note: str = ""
    checked: dt.date | None = None
    by: str = ""
    waived: bool = False
    waiver_expired: dt.date | None = None  # a waiver named it but expired on this day


class VisitorFinding(Model):
    """Open findings recorded against a check item in a public or visitor area."""

    id: str
    title: str
    area: str
    owner: str
    open: int
    total: int


class OpenDay(Model):
    """GO / NO-GO and everything behind it."""

    kind: Literal["open-day"] = "open-day"
    header: Header
    verdict: Literal["go", "no-go"]
    open_day: dt.date | None
    days_left: int | None
    blockers: tuple[Blocker, ...]
    prerequisites: tuple[Prerequisite, ...]
    visitor_findings: tuple[VisitorFinding, ...]
    waivers: tuple[WaiverRow, ...]  # the waivers the open-day gate consulted, expired too
    work: tuple[WorkGroup, ...] = ()  # what blocks the open-day gate, by owner
    gate_title: str = ""


# The service report's models build on the ones above (Header, Tick); the package imports
# this module first, so the import below always finds them defined.
from journey.reports.service_models import ServiceReport  # noqa: E402

Report = RiskAssessment | DeliveryPlan | OpenDay | ServiceReport
