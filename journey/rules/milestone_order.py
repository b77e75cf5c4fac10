"""`milestone-order`: project milestones keep their order and spacing."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from journey.rules._base import RuleOptions
from journey.types import MilestoneName


class Options(RuleOptions):
    """Each milestone of `order` falls at least `min_days` after the one before it."""

    rule: Literal["milestone-order"]
    order: Annotated[tuple[MilestoneName, ...], Field(min_length=2)]
    min_days: Annotated[int, Field(ge=0)] = 1
