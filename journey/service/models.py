"""The after-delivery catalog kinds (SPEC §13) and the improvement actions of a project.

- `service-levels`: repair categories with the limits a warranty repair must meet —
  respond (接单响应), be on site (上门), fix (完成维修) — whether the category is urgent,
  and whether a joint on-site investigation and an agreed repair plan come first;
- `complaint-levels`: complaint levels, lowest first, each with the profession that
  handles it and its limits, and the triggers that demand a level (a group complaint, an
  online channel, a compensation claim) and bring in other professions;
- `satisfaction`: the dimensions owners are asked about, each with an owner and a target
  index (perceived ÷ expected), and the stages of the customer life cycle.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journey.types import ItemId, Model, NonEmpty, Slug, Text

Hours = Annotated[float, Field(gt=0)]
Refs = tuple[ItemId, ...]
Professions = tuple[Slug, ...]

Channel = Literal[
    "phone", "counter", "app", "wechat", "weibo", "douyin", "media", "government", "other"
]
CHANNELS: tuple[str, ...] = get_args(Channel)
ActionStatus = Literal["open", "doing", "done"]


def _invalid(code: str, **params: str) -> PydanticCustomError:
    """An error whose message is `code` in the message table (journey._msg_service)."""
    return PydanticCustomError(code, code, params)


class RepairCategory(Model):
    """A kind of warranty repair and the limits every repair of it must meet."""

    id: Slug
    title: Text
    description: Text | None = None
    respond_hours: Hours
    onsite_hours: Hours
    fix_days: Annotated[int, Field(ge=0)]
    urgent: bool = False
    investigation: bool = False
    owner: Slug
    contributors: Professions = ()
    points: Refs = ()

    @model_validator(mode="after")
    def _respond_first(self) -> RepairCategory:
        if self.onsite_hours < self.respond_hours:
            raise _invalid("service.respond_first")
        return self


class ComplaintLevel(Model):
    """A complaint level: who handles it, at which post, and its limits."""

    id: Slug
    title: Text
    description: Text | None = None
    supervisor: Text | None = None  # the post that answers for it (项目客服主管 …)
    handler: Slug
    contributors: Professions = ()
    respond_hours: Hours
    close_days: Annotated[int, Field(ge=1)]
    points: Refs = ()


class Trigger(Model):
    """A condition that demands a complaint level (and the professions it brings in):
    `households` (a group complaint), `channels` (online or media) or `compensation`."""

    title: Text | None = None
    households: Annotated[int, Field(ge=2)] | None = None
    channels: Annotated[tuple[Channel, ...], Field(min_length=1)] | None = None
    compensation: bool | None = None
    level: Slug
    contributors: Professions = ()
    evidence: bool = False

    @model_validator(mode="after")
    def _one_condition(self) -> Trigger:
        given = [
            name
            for name in ("households", "channels", "compensation")
            if getattr(self, name) is not None
        ]
        if len(given) != 1:
            raise _invalid("service.trigger_one")
        if self.compensation is False:
            raise _invalid("service.trigger_false")
        if self.evidence and self.compensation is None:
            raise _invalid("service.evidence_alone")
        return self

    @property
    def kind(self) -> str:
        """`households`, `channels` or `compensation`."""
        if self.households is not None:
            return "households"
        return "channels" if self.channels is not None else "compensation"


class Dimension(Model):
    """A satisfaction dimension, its owner and the index (perceived ÷ expected) to reach."""

    id: Slug
    title: Text
    description: Text | None = None
    owner: Slug
    contributors: Professions = ()
    target: Annotated[float, Field(gt=0, le=10)]
    points: Refs = ()


class LifeStage(Model):
    """A stage of the customer life cycle and the months after handover it covers
    (`from_month` empty: from signing; `to_month` empty: onwards)."""

    id: Slug
    title: Text
    description: Text | None = None
    from_month: int | None = None
    to_month: int | None = None

    @model_validator(mode="after")
    def _months(self) -> LifeStage:
        low, high = self.from_month, self.to_month
        if low is not None and high is not None and high <= low:
            raise _invalid("service.months")
        return self

    def covers(self, months: int) -> bool:
        """True when `months` after handover fall in this stage."""
        after_start = self.from_month is None or months >= self.from_month
        return after_start and (self.to_month is None or months < self.to_month)


# Files ---------------------------------------------------------------------------------


class ServiceLevelsFile(Model):
    """`kind: service-levels`: repair categories and their limits (报修响应时限)."""

    kind: Literal["service-levels"]
    title: Text | None = None
    description: Text | None = None
    categories: Annotated[tuple[RepairCategory, ...], Field(min_length=1)]


class ComplaintLevelsFile(Model):
    """`kind: complaint-levels`: complaint levels, lowest first, and their triggers (投诉分级)."""

    kind: Literal["complaint-levels"]
    title: Text | None = None
    description: Text | None = None
    levels: Annotated[tuple[ComplaintLevel, ...], Field(min_length=1)]
    triggers: tuple[Trigger, ...] = ()


class SatisfactionFile(Model):
    """`kind: satisfaction`: dimensions with targets and the life-cycle stages (客户满意度)."""

    kind: Literal["satisfaction"]
    title: Text | None = None
    description: Text | None = None
    dimensions: Annotated[tuple[Dimension, ...], Field(min_length=1)]
    stages: Annotated[tuple[LifeStage, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _stages_in_order(self) -> SatisfactionFile:
        for before, after in zip(self.stages, self.stages[1:], strict=False):
            if before.to_month is None or (
                after.from_month is not None and after.from_month < before.to_month
            ):
                raise _invalid("service.stages_overlap", before=before.id, after=after.id)
        return self


# The project's improvement actions ------------------------------------------------------


class Action(Model):
    """An improvement action (改进措施): what is done about a weak dimension (or any item),
    by whom, by when, and how it is judged done."""

    id: NonEmpty
    dimension: Slug | None = None
    target: NonEmpty | None = None
    action: NonEmpty
    owner: Slug
    assignee: NonEmpty | None = None
    due: dt.date
    standard: NonEmpty | None = None
    status: ActionStatus = "open"
    done: dt.date | None = None
    note: NonEmpty | None = None

    @model_validator(mode="after")
    def _one_aim(self) -> Action:
        if (self.dimension is None) == (self.target is None):
            raise _invalid("service.action_aim")
        return self

    def overdue(self, as_of: dt.date) -> bool:
        """Past its due date and not done."""
        return self.status != "done" and self.due < as_of


__all__ = [
    "CHANNELS",
    "Action",
    "Channel",
    "ComplaintLevel",
    "ComplaintLevelsFile",
    "Dimension",
    "LifeStage",
    "RepairCategory",
    "SatisfactionFile",
    "ServiceLevelsFile",
    "Trigger",
]
