"""`checklist-passed`: every applicable blocking item of the named checklists passed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from journey.rules._base import Context, Hit, Reason, RuleOptions, hit, reason
from journey.types import CHECK_DONE, Slug

if TYPE_CHECKING:
    from journey.models import CheckItem


class Options(RuleOptions):
    """Blocking items must be `pass` or `n/a`; failed non-blocking items are warnings."""

    rule: Literal["checklist-passed"]
    checklists: Annotated[tuple[Slug, ...], Field(min_length=1)]


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield blocking items not passed (fail) and non-blocking items failed (warn)."""
    catalog = ctx.project.catalog
    for name in options.checklists:
        for item in catalog.checklists[name].items:
            if ctx.applies(item):
                found = _check_item(item, ctx)
                if found is not None:
                    yield found


def _check_item(item: CheckItem, ctx: Context) -> Hit | None:
    project = ctx.project
    status = project.check_status(item.id)
    if status in CHECK_DONE or (not item.blocking and status != "fail"):
        return None
    state = project.file.checks.get(item.id)
    place = project.status_place("checks", item.id)
    why = _why(status, state.note if state else None, listed=state is not None)
    return hit(item, place, why, status="fail" if item.blocking else "warn")


def _why(status: str, note: str | None, *, listed: bool) -> Reason:
    if status == "fail":
        return reason("check_failed_note", note=note) if note else reason("check_failed")
    return reason("check_pending") if listed else reason("check_unlisted")
