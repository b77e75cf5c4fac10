"""What every gate rule shares: its id in the gate, its type, severity and waivability."""

from __future__ import annotations

from journey.types import Model, Rating, Slug, Text


class RuleOptions(Model):
    """Fields every rule instance in a gate accepts, whatever its type."""

    id: Slug
    rule: str
    title: Text | None = None
    severity: Rating = Rating.HIGH
    waivable: bool = True
