"""A project's state against the catalog (SPEC §3): the `project.yaml` model and its view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from journey.catalog import AnyItem, Catalog
from journey.findings import FindingsSummary
from journey.models import Risk
from journey.problems import Place, Problem
from journey.types import ItemId, MilestoneName, Model, NonEmpty, Rating, Slug, Text
from journey.yamlio import Document

RiskStatus = Literal["open", "mitigating", "closed", "accepted"]
CheckStatus = Literal["pending", "pass", "fail", "n/a"]
TaskStatus = Literal["todo", "doing", "done"]
Score = Annotated[int, Field(ge=1)]

RISK_DONE = frozenset({"closed", "accepted"})
CHECK_DONE = frozenset({"pass", "n/a"})


def _shorthand(value: Any) -> Any:
    """`OD-001: pass` is short for `OD-001: {status: pass}`."""
    return {"status": value} if isinstance(value, str) else value


class RiskState(Model):
    """Where a project stands on one risk, with optional re-scoring."""

    status: RiskStatus
    likelihood: Score | None = None
    impact: Score | None = None
    assignee: NonEmpty | None = None
    due: dt.date | None = None
    evidence: NonEmpty | None = None
    note: NonEmpty | None = None


class CheckState(Model):
    """The result of one checklist item."""

    status: CheckStatus
    evidence: NonEmpty | None = None
    note: NonEmpty | None = None
    checked: dt.date | None = None
    by: NonEmpty | None = None


class TaskState(Model):
    """The progress of one plan task."""

    status: TaskStatus
    assignee: NonEmpty | None = None
    done: dt.date | None = None
    note: NonEmpty | None = None


class Waiver(Model):
    """An approved exception for an item id or a gate rule id, until it expires."""

    target: NonEmpty
    reason: NonEmpty
    approved_by: NonEmpty
    expires: dt.date


class ExtraRisk(Risk):
    """A project-specific risk: the fields of a catalog risk plus its phase."""

    phase: Literal["sales", "delivery"]


class ProjectFile(Model):
    """`kind: project`: one development project and its state against the catalog."""

    kind: Literal["project"]
    id: Slug
    name: Text
    positioning: Slug
    units: Annotated[int, Field(ge=0)] | None = None
    buildings: tuple[NonEmpty, ...] = ()
    milestones: dict[MilestoneName, dt.date] = Field(default_factory=dict)
    stage: Slug
    risks: dict[ItemId, Annotated[RiskState, BeforeValidator(_shorthand)]] = Field(
        default_factory=dict
    )
    checks: dict[ItemId, Annotated[CheckState, BeforeValidator(_shorthand)]] = Field(
        default_factory=dict
    )
    tasks: dict[ItemId, Annotated[TaskState, BeforeValidator(_shorthand)]] = Field(
        default_factory=dict
    )
    findings: tuple[NonEmpty, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    extra_risks: tuple[ExtraRisk, ...] = ()


@dataclass
class Project:
    """A loaded, valid project: its file, the catalog it is read against, its findings."""

    file: ProjectFile
    doc: Document
    folder: Path
    catalog: Catalog
    as_of: dt.date
    findings: FindingsSummary
    warnings: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The project file as shown in messages."""
        return self.doc.path

    @property
    def level(self) -> str:
        """The project's positioning level."""
        return self.file.positioning

    def risks(self) -> dict[str, Risk]:
        """Catalog risks then the project's extra risks, by id."""
        merged: dict[str, Risk] = dict(self.catalog.risks)
        merged.update({r.id: r for r in self.file.extra_risks})
        return merged

    def risk_phase(self, risk_id: str) -> str:
        """`sales` or `delivery`."""
        for extra in self.file.extra_risks:
            if extra.id == risk_id:
                return extra.phase
        return self.catalog.risk_phase.get(risk_id, "")

    def applies(self, item: AnyItem) -> bool:
        """True when the project's positioning level covers the item."""
        return self.catalog.applies(item, self.level)

    def risk_status(self, risk_id: str) -> str:
        """The risk's status; unlisted risks are `open`."""
        state = self.file.risks.get(risk_id)
        return state.status if state else "open"

    def check_status(self, item_id: str) -> str:
        """The check's result; unlisted items are `pending`."""
        state = self.file.checks.get(item_id)
        return state.status if state else "pending"

    def task_status(self, task_id: str) -> str:
        """The task's progress; unlisted tasks are `todo`."""
        state = self.file.tasks.get(task_id)
        return state.status if state else "todo"

    def rating(self, risk: Risk) -> Rating:
        """The risk's rating, with the project's likelihood and impact overrides."""
        state = self.file.risks.get(risk.id)
        likelihood = (state and state.likelihood) or risk.likelihood
        impact = (state and state.impact) or risk.impact
        return self.catalog.rating(likelihood, impact)

    def place(self, *loc: str | int) -> Place:
        """The position of a node of `project.yaml` (the nearest existing one)."""
        line, col = self.doc.locate(loc)
        return Place(self.doc.path, line, col)

    def status_place(self, section: str, item_id: str) -> Place:
        """Where an item's status is recorded, or the section (or file) where it would be."""
        data = self.doc.data
        if isinstance(data, dict) and isinstance(data.get(section), dict):
            if item_id in data[section]:
                line, col = self.doc.key_mark((section, item_id))
                return Place(self.doc.path, line, col)
            line, col = self.doc.key_mark((section,))
            return Place(self.doc.path, line, col)
        return Place(self.doc.path, 1, 1)
