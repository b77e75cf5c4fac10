"""`complaints-handled`: complaints are handled at the level their triggers demand (SPEC §13).

Every complaint is recorded at or above the level the catalog's triggers demand (a
group of households, an online or media channel, a compensation claim); a complaint
whose triggers (or level) bring in one of the professions of `escalate` (default public
relations and legal) was escalated to it; compensation is paid only with evidence where a
trigger says so; and none is open past its level's `close_days`. How each complaint is
judged: journey.service.complaints.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from journey.messages import in_both
from journey.rules._base import Context, Hit, RuleOptions, plain, reason
from journey.types import LocalisedText, Slug

if TYPE_CHECKING:
    from journey.problems import Place
    from journey.service.complaints import Tally


class Options(RuleOptions):
    """Complaints at their level, escalated to `escalate`, compensated with evidence, on time."""

    rule: Literal["complaints-handled"]
    escalate: tuple[Slug, ...] = ("public-relations", "legal")


def check(options: Options, ctx: Context) -> Iterator[Hit]:
    """Yield each level with complaints recorded below it, each profession not brought
    in, compensation without evidence, and each level with complaints open too long."""
    catalog = ctx.project.catalog
    summary = ctx.project.service.complaints
    for level_id, level in catalog.complaint_levels.items():
        tally = summary.shortfall.get(level_id)
        if tally is not None and tally.count:
            why = _why(tally)
            code, params = "complaints_below_level", {"level": level.title, "why": why}
            yield _hit(ctx, level_id, level.title, level.handler, tally, code, **params)
    for who in options.escalate:
        tally = summary.unescalated.get(who)
        prof = catalog.professions.get(who)
        if tally is not None and tally.count and prof is not None:
            code = "complaints_not_escalated"
            yield _hit(ctx, who, prof.title, who, tally, code, profession=prof.title)
    if summary.no_evidence.count:
        owner = "legal" if "legal" in catalog.professions else ""
        title = in_both("svc.compensation")
        yield _hit(ctx, "compensation", title, owner, summary.no_evidence, "complaints_no_evidence")
    for level_id, level in catalog.complaint_levels.items():
        stats = summary.by_level.get(level_id)
        if stats is not None and stats.overdue.count:
            code, days = "complaints_overdue", level.close_days
            yield _hit(ctx, level_id, level.title, level.handler, stats.overdue, code, days=days)


def _hit(
    ctx: Context, item: str, title: LocalisedText, owner: str, tally: Tally, code: str,
    **params: str | int | LocalisedText,
) -> Hit:  # fmt: skip
    first = tally.examples[0] if tally.examples else None
    place: Place = first[1] if first else ctx.project.place("complaints")
    shown = ", ".join(cid for cid, _ in tally.examples)
    more = tally.count - len(tally.examples)
    why = reason(code, count=tally.count, first=shown + (" …" if more > 0 else ""), **params)
    return Hit(item, title or plain(item), owner, "fail", why, place)


def _why(tally: Tally) -> LocalisedText:
    """What demanded the level, in words: the most frequent kind of trigger."""
    return in_both(f"svc.trigger.{tally.demanded_by()}")
