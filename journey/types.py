"""Field types shared by every journey file model: ids, ratings and localised text."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

from journey.dates import is_date_form

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


# Scalars from YAML arrive as text; they are typed here by YAML 1.2's core schema and
# nothing looser: `yes` is no boolean, ` 12 ` or `1_000` no number, `0` or
# `2026-10-24T00:00:00` no date (pydantic's lax mode would take every one of them).
_INT = re.compile(r"[-+]?[0-9]+")
_NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_TRUE, _FALSE = ("true", "True", "TRUE"), ("false", "False", "FALSE")


def _int_input(value: Any) -> Any:
    if isinstance(value, str) and _INT.fullmatch(value):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise PydanticCustomError("schema.int", "expected a whole number", {"input": _shown(value)})


def _number_input(value: Any) -> Any:
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        return float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    raise PydanticCustomError("schema.number", "expected a number", {"input": _shown(value)})


def _bool_input(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if value in _TRUE or value in _FALSE:
        return value in _TRUE
    raise PydanticCustomError("schema.bool", "expected true or false", {"input": _shown(value)})


def _date_input(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not is_date_form(value):
        raise PydanticCustomError("schema.date_form", "not a date", {"input": _shown(value)})
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:  # 2024-02-30
        raise PydanticCustomError(
            "schema.date", "not a date", {"input": value, "detail": str(exc)}
        ) from None


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else ""


# Put after any Field constraint (`Annotated[int, Field(ge=1), AS_INT]`) so that the
# text is typed first and the constraint, which the JSON Schema shows, checked after.
AS_INT = BeforeValidator(_int_input)
AS_NUMBER = BeforeValidator(_number_input)
Int = Annotated[int, AS_INT]
Number = Annotated[float, AS_NUMBER]
Bool = Annotated[bool, BeforeValidator(_bool_input)]
Date = Annotated[dt.date, BeforeValidator(_date_input)]

Text = Annotated[
    LocalisedText,
    BeforeValidator(_text_input, json_schema_input_type=str | LocalisedText),
]
