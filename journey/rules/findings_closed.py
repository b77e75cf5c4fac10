"""`findings-closed`: inspection findings are verified, building by building."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from journey.rules._base import RuleOptions
from journey.types import Slug


class Options(RuleOptions):
    """Per building, the verified share reaches `min_ratio`; nothing blocking or too old is open."""

    rule: Literal["findings-closed"]
    min_ratio: Annotated[float, Field(ge=0, le=1)] = 1.0
    max_age_days: Annotated[int, Field(ge=0)] | None = None
    checklists: tuple[Slug, ...] = ()
