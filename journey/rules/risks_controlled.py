"""`risks-controlled`: every applicable risk rated at or above a threshold is under control."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from journey.rules._base import RuleOptions
from journey.types import Rating, Slug


class Options(RuleOptions):
    """Risks of one phase (or one stage) rated `min_rating` or above must be closed."""

    rule: Literal["risks-controlled"]
    phase: Literal["sales", "delivery"] | None = None
    stage: Slug | None = None
    min_rating: Rating = Rating.LOW

    @model_validator(mode="after")
    def _one_scope(self) -> Options:
        if self.phase is not None and self.stage is not None:
            raise PydanticCustomError(
                "rule.options", "{detail}", {"detail": "give either `phase` or `stage`, not both"}
            )
        return self
