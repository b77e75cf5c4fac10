"""`checklist-passed`: every applicable blocking item of the named checklists passed."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from journey.rules._base import RuleOptions
from journey.types import Slug


class Options(RuleOptions):
    """Blocking items must be `pass` or `n/a`; failed non-blocking items are warnings."""

    rule: Literal["checklist-passed"]
    checklists: Annotated[tuple[Slug, ...], Field(min_length=1)]
