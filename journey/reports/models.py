"""The data of every report: frozen models that HTML, Markdown and the embedded JSON share.

Texts from the catalog and the project are already resolved to the report's language,
so a model is exactly what a reader sees; templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from journey.types import Model, Rating

Verdict = Literal["pass", "fail", "unknown"]
BarState = Literal["done", "late", "at-risk", "critical", "normal"]


class BatchBadge(Model):
    """One batch's verdict on a gate."""

    id: str
    buildings: tuple[str, ...]
    verdict: Verdict


class GateBadge(Model):
    """One gate's verdict for the header, with the titles of the rules that failed and,
    for a project handed over in batches, each batch's verdict."""

    id: str
    title: str
    verdict: Verdict
    failed: tuple[str, ...] = ()
    batches: tuple[BatchBadge, ...] = ()


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


class HeatCell(Model):
    """One likelihood × impact cell: its rating and how many risks sit in it."""

    likelihood: int
    impact: int
    rating: Rating
    count: int
    open: int


class HeatMap(Model):
    """The matrix of one stage, rows from the highest likelihood down."""

    likelihood: tuple[str, ...]
    impact: tuple[str, ...]
    rows: tuple[tuple[HeatCell, ...], ...]
    total: int


class StageSection(Model):
    """The risks of one stage."""

    id: str
    title: str
    heat: HeatMap
    risks: tuple[RiskRow, ...]
    open: int


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
    attention: tuple[RiskRow, ...]  # open risks rated high or critical, most urgent first
    stages: tuple[StageSection, ...]
    professions: tuple[ProfessionRow, ...]
    uncovered: tuple[PointRow, ...]


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


class Bar(Model):
    """A Gantt bar in chart units (1 unit = 1 px at the chart's natural width)."""

    id: str
    label: str
    x: float
    y: float
    width: float
    state: BarState
    critical: bool


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


class NumberRow(Model):
    """The numbers of SPEC §12 for one scope (the project, a batch, a building)."""

    scope: str
    level: Literal["project", "batch", "building"]
    findings: int
    homes_inspected: int
    findings_per_home: float | None
    rectification_rate: float | None
    reopened_share: float | None
    days_to_close_mean: float | None
    days_to_close_p90: int | None
    overdue_share: float | None
    score: float | None


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
    waivers: tuple[WaiverRow, ...]


# The service report's models build on the ones above (Header, Tick); the package imports
# this module first, so the import below always finds them defined.
from journey.reports.service_models import ServiceReport  # noqa: E402

Report = RiskAssessment | DeliveryPlan | OpenDay | ServiceReport
