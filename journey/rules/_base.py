"""What every gate rule shares: its options, the context it checks in, what it yields.

A rule module holds an `Options` model (validated when the catalog loads) and a
`check(options, ctx)` that yields one `Hit` per item that blocks the gate or warns.
The gate (journey.gates) turns hits into frozen results and applies waivers, so a
rule never needs to know about them; the positioning filter is `ctx.applies`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import Field

from journey.problems import Place
from journey.types import Bool, LocalisedText, Model, Rating, Slug, Text

if TYPE_CHECKING:
    from journey.catalog import AnyItem
    from journey.models import Gate
    from journey.project import Project

HitStatus = Literal["fail", "warn"]
Param = str | int | float | LocalisedText


class RuleOptions(Model):
    """Fields every rule instance in a gate accepts, whatever its type."""

    id: Slug
    rule: str
    title: Text | None = None
    severity: Rating = Rating.HIGH
    waivable: Bool = True


class Reason(Model):
    """A one-line reason as a message code and its parameters, translated when shown."""

    code: str
    params: dict[str, Param] = Field(default_factory=dict)


class Hit(NamedTuple):
    """One item that blocks (`fail`) or only warns (`warn`), and why."""

    id: str
    title: LocalisedText
    owner: str
    status: HitStatus
    reason: Reason
    place: Place
    severity: Rating | None = None  # None: the rule's severity
    assignee: str | None = None
    keys: tuple[str, ...] = ()  # further waiver targets that clear it (a red-line point)
    due: dt.date | None = None  # when it must be settled (None: by the gate's milestone)


@dataclass(frozen=True)
class Context:
    """What a rule checks against: the project, the gate, and whether to filter by level."""

    project: Project
    gate: Gate
    filtered: bool = True  # the positioning filter (off when the rule is not waivable)

    def applies(self, item: AnyItem) -> bool:
        """True when the project is assessed on `item` (always, without the filter)."""
        return not self.filtered or self.project.applies(item)


def reason(code: str, **params: Param) -> Reason:
    """A reason with message code `gate.reason.<code>`."""
    return Reason(code=f"gate.reason.{code}", params=params)


def plain(text: str) -> LocalisedText:
    """The same text in both languages (building names, milestone names)."""
    return LocalisedText(en=text, zh=text)


def hit(
    item: AnyItem,
    place: Place,
    why: Reason,
    *,
    status: HitStatus = "fail",
    severity: Rating | None = None,
    assignee: str | None = None,
    keys: tuple[str, ...] = (),
    due: dt.date | None = None,
) -> Hit:
    """A hit on a catalog item: its id, title and owner come from the item."""
    return Hit(item.id, item.title, item.owner, status, why, place, severity, assignee, keys, due)
