"""The `project.yaml` model (SPEC §3): statuses, waivers, gate records, batches.

journey.project reads a project folder into these models and wraps them in the view
the gates and reports read (`Project`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from journey.models import Risk
from journey.service.models import Action
from journey.tables import SUFFIXES
from journey.types import AS_INT, Date, ItemId, MilestoneName, Model, NonEmpty, Slug, Text

PROJECT_FILE = "project.yaml"

RiskStatus = Literal["open", "mitigating", "closed", "accepted"]
CheckStatus = Literal["pending", "pass", "fail", "n/a"]
TaskStatus = Literal["todo", "doing", "done"]
Score = Annotated[int, Field(ge=1), AS_INT]


def _shorthand(value: Any) -> Any:
    """`OD-001: pass` is short for `OD-001: {status: pass}`."""
    return {"status": value} if isinstance(value, str) else value


class RiskState(Model):
    """Where a project stands on one risk, with optional re-scoring."""

    status: RiskStatus
    likelihood: Score | None = None
    impact: Score | None = None
    assignee: NonEmpty | None = None
    due: Date | None = None
    evidence: NonEmpty | None = None
    note: NonEmpty | None = None


class CheckState(Model):
    """The result of one checklist item; `buildings` overrides it building by building."""

    status: CheckStatus
    buildings: dict[NonEmpty, CheckStatus] = Field(default_factory=dict)
    evidence: NonEmpty | None = None
    note: NonEmpty | None = None
    checked: Date | None = None
    by: NonEmpty | None = None


class TaskState(Model):
    """The progress of one plan task."""

    status: TaskStatus
    assignee: NonEmpty | None = None
    done: Date | None = None
    note: NonEmpty | None = None


def combined(statuses: Iterable[str]) -> str:
    """One check result from several buildings' results."""
    seen = set(statuses)
    for status in ("fail", "pending", "pass"):
        if status in seen:
            return status
    return "n/a" if seen else "pending"


EXPIRING_DAYS = 14  # a waiver this close to its expiry date is flagged
WaiverState = Literal["in-force", "expired", "expiring"]


def waiver_state(expires: dt.date, as_of: dt.date) -> WaiverState:
    """`expired` after its date, `expiring` within 14 days of it, else `in-force`."""
    if expires < as_of:
        return "expired"
    if (expires - as_of).days <= EXPIRING_DAYS:
        return "expiring"
    return "in-force"


class Waiver(Model):
    """An approved exception for an item id or a gate rule id, until it expires."""

    target: NonEmpty
    reason: NonEmpty
    approved_by: NonEmpty
    expires: Date

    def expired(self, as_of: dt.date) -> bool:
        """True once the expiry date has passed: a waiver holds through its `expires` day."""
        return self.expires < as_of

    def state(self, as_of: dt.date) -> WaiverState:
        """In force, expiring within 14 days, or expired, as of a date."""
        return waiver_state(self.expires, as_of)


class PassedGate(Model):
    """A gate passed on a day, as recorded by whoever signed it off."""

    passed: dt.date
    by: NonEmpty
    note: NonEmpty | None = None


class GateRecord(Model):
    """The verdict of a gate recorded when its milestone came: for the whole project
    (`passed` and `by`) and/or for some batches of a project handed over in batches."""

    passed: dt.date | None = None
    by: NonEmpty | None = None
    note: NonEmpty | None = None
    batches: dict[Slug, PassedGate] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _complete(self) -> GateRecord:
        if (self.passed is None) != (self.by is None) or (self.passed is None and not self.batches):
            raise PydanticCustomError(
                "project.gate_record", "give `passed` (the date) and `by`, or `batches:`"
            )
        return self

    def for_batch(self, batch: str | None) -> PassedGate | None:
        """The record that holds for `batch` (its own, else the project's), or None."""
        own = self.batches.get(batch) if batch is not None else None
        if own is not None:
            return own
        if self.passed is None or self.by is None:
            return None
        return PassedGate(passed=self.passed, by=self.by, note=self.note)


class ExtraRisk(Risk):
    """A project-specific risk: the fields of a catalog risk plus its phase."""

    phase: Literal["sales", "delivery"]


class Batch(Model):
    """Buildings opened and handed over together (分批开放 / 分批交付), with the
    milestones of their own that override the project's."""

    id: Slug
    title: Text | None = None
    buildings: Annotated[tuple[NonEmpty, ...], Field(min_length=1)]
    milestones: dict[MilestoneName, Date] = Field(default_factory=dict)


def _units(value: Any) -> Any:
    """`units:` is a count of homes or the path of a unit register (.csv or .xlsx)."""
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    if isinstance(value, str) and not value.lower().endswith(SUFFIXES):
        raise PydanticCustomError(
            "project.units", "give a number of homes or the path of a unit register (.csv, .xlsx)"
        )
    return value


UnitsField = Annotated[Annotated[int, Field(ge=0)] | NonEmpty, BeforeValidator(_units)]


def _short(status: Any, state: type[Model]) -> BeforeValidator:
    """The shorthand `OD-001: pass`, which the JSON Schema allows too: editors and
    check-jsonschema accept what journey accepts."""
    return BeforeValidator(_shorthand, json_schema_input_type=status | state)


class ProjectFile(Model):
    """`kind: project`: one development project and its state against the catalog."""

    kind: Literal["project"]
    id: Slug
    name: Text
    positioning: Slug
    units: UnitsField | None = None
    buildings: tuple[NonEmpty, ...] = ()
    milestones: dict[MilestoneName, Date] = Field(default_factory=dict)
    batches: tuple[Batch, ...] = ()
    stage: Slug
    risks: dict[ItemId, Annotated[RiskState, _short(RiskStatus, RiskState)]] = Field(
        default_factory=dict
    )
    checks: dict[ItemId, Annotated[CheckState, _short(CheckStatus, CheckState)]] = Field(
        default_factory=dict
    )
    tasks: dict[ItemId, Annotated[TaskState, _short(TaskStatus, TaskState)]] = Field(
        default_factory=dict
    )
    findings: tuple[NonEmpty, ...] = ()
    status: NonEmpty | None = None  # the status workbook (SPEC §11), journey.statusbook
    repairs: tuple[NonEmpty, ...] = ()
    complaints: tuple[NonEmpty, ...] = ()
    surveys: tuple[NonEmpty, ...] = ()
    actions: tuple[Action, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    gates: dict[Slug, GateRecord] = Field(default_factory=dict)
    extra_risks: tuple[ExtraRisk, ...] = ()

    def registers(self) -> list[str]:
        """Every after-delivery register file listed (repairs, complaints, surveys)."""
        return [*self.repairs, *self.complaints, *self.surveys]
