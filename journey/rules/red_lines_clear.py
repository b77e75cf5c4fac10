"""`red-lines-clear`: no red-line sensitive point has an open risk, failed check or finding."""

from __future__ import annotations

from typing import Literal

from journey.rules._base import RuleOptions
from journey.types import Slug


class Options(RuleOptions):
    """Red-line points whose stage is at or before `through_stage` (default: all) are clear."""

    rule: Literal["red-lines-clear"]
    through_stage: Slug | None = None
