"""Field types shared by every journey file model: ids, ratings and localised text."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

ITEM_ID_PATTERN = r"^[A-Z]{2,4}(-[A-Z0-9]{2,6})*-[0-9]{3}$"
CASE_ID_PATTERN = r"^DC(-[A-Z0-9]{2,6})*-[0-9]{3}$"  # an item id that starts with DC
SLUG_PATTERN = r"^[a-z][a-z0-9-]*$"
MILESTONE_PATTERN = r"^[a-z][a-z0-9_]*$"

ItemId = Annotated[str, StringConstraints(pattern=ITEM_ID_PATTERN)]
CaseId = Annotated[str, StringConstraints(pattern=CASE_ID_PATTERN)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
MilestoneName = Annotated[str, StringConstraints(pattern=MILESTONE_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class Model(BaseModel):
    """Base of every file model: unknown fields are errors and values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Rating(StrEnum):
    """Risk ratings and rule severities, lowest first."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """0 for low up to 3 for critical."""
        return _RANKS[self]


_RANKS = {Rating.LOW: 0, Rating.MEDIUM: 1, Rating.HIGH: 2, Rating.CRITICAL: 3}

# The statuses that settle an item in a project: a risk under control, a check passed.
RISK_DONE = frozenset({"closed", "accepted"})
CHECK_DONE = frozenset({"pass", "n/a"})
TASK_DONE = "done"


class LocalisedText(Model):
    """Text shown to people, in English and Chinese; a plain string serves both."""

    en: NonEmpty | None = None
    zh: NonEmpty | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to the other language."""
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or ""

    def __str__(self) -> str:
        return self.get("en")


def _text_input(value: Any) -> Any:
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("schema.empty_text", "must not be empty")
        return {"en": value, "zh": value}
    if isinstance(value, dict):
        if not value.get("en") and not value.get("zh") and set(value) <= {"en", "zh"}:
            raise PydanticCustomError("schema.localised_empty", "give en or zh")
        return value
    if isinstance(value, LocalisedText):
        return value
    raise PydanticCustomError("schema.localised", "expected text or a mapping {en, zh}")


Text = Annotated[
    LocalisedText,
    BeforeValidator(_text_input, json_schema_input_type=str | LocalisedText),
]
