"""Wording shared by every formatter: reasons, statuses and places in one language."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from journey.chars import printable
from journey.messages import text
from journey.problems import Place
from journey.types import LocalisedText

if TYPE_CHECKING:
    from journey.gates import GateResult, ItemResult, RuleResult
    from journey.rules import Reason
    from journey.worklist import OwnerGroup

_WORDS = {"status": "gate.status.", "rating": "gate.rating."}


def say(reason: Reason, lang: str) -> str:
    """A reason in `lang`: localised parameters resolved, status and rating words translated."""
    params: dict[str, object] = {}
    for key, value in reason.params.items():
        if isinstance(value, LocalisedText):
            params[key] = value.get(lang)
        elif key in _WORDS and isinstance(value, str):
            params[key] = word(_WORDS[key] + value, value, lang)
        else:
            params[key] = value
    return text(reason.code, lang, **params)


def word(code: str, fallback: str, lang: str) -> str:
    """A translated word, or `fallback` when there is no message for it."""
    from journey.messages import has

    return text(code, lang) if has(code) else fallback


def item_reason(item: ItemResult, lang: str) -> str:
    """The item's reason, followed by what its waiver did, if one names it."""
    base = say(item.reason, lang)
    if item.waiver == "applied":
        extra = text(
            "gate.item_waived", lang, approved_by=item.waived_by, expires=item.waiver_expires
        )
    elif item.waiver == "expired":
        extra = text("gate.item_waiver_expired", lang, expires=item.waiver_expires)
    elif item.waiver == "not-waivable":
        extra = text("gate.item_not_waivable", lang)
    else:
        return base
    return f"{base}; {extra}" if lang != "zh" else f"{base}；{extra}"


def label(item: ItemResult, lang: str) -> str:
    """`ID title`, or just the id when the title only repeats it (a building, a milestone)."""
    title = one_line(item.title.get(lang))
    return item.id if title == item.id else f"{item.id} {title}"


def where(item: ItemResult) -> str:
    """`FILE:LINE:COL` (or `FILE:SHEET!ROW`) of the item's status, or where it would be
    recorded."""
    return one_line(Place(item.file, item.line, item.col, item.sheet or "").render())


def owner(item: ItemResult, lang: str) -> str:
    """The owner, with the assignee when the project names one."""
    if not item.owner:
        return text("gate.text.no_owner", lang)
    name = item.owner_title.get(lang) if item.owner_title else item.owner
    return one_line(f"{name} ({item.assignee})" if item.assignee else name)


def context(result: GateResult, lang: str, quote: Callable[[str], str] = str) -> str:
    """`project ID (NAME) · positioning · catalog NAME VERSION · as of DATE`, each text
    from data passed through `quote` (Markdown escapes it)."""
    p = result.project
    return text(
        "gate.text.context",
        lang,
        project=quote(p.id),
        name=quote(p.name.get(lang)),
        positioning=quote(positioning(result, lang)),
        catalog=quote(result.catalog.name),
        version=quote(result.catalog.version),
        as_of=result.as_of,
    )


def positioning(result: GateResult, lang: str) -> str:
    """The project's positioning level: its title in `lang`, else its id."""
    title = result.project.positioning_title
    return title.get(lang) if title else result.project.positioning


def group_owner(group: OwnerGroup, lang: str) -> str:
    """The profession a group of blocking items belongs to (or "no owner")."""
    if group.owner_title is not None:
        return group.owner_title.get(lang)
    return group.owner or text("gate.text.no_owner", lang)


def rule_status(rule: RuleResult, lang: str) -> str:
    """The rule's status as a word."""
    return text(f"gate.rstatus.{rule.status}", lang)


def rating(value: str, lang: str) -> str:
    """A rating or severity as a word."""
    return text(f"gate.rating.{value}", lang)


def what_if(result: GateResult, lang: str) -> str:
    """`What-if: open_day 24 Oct 2026 → 5 Nov 2026`, or "" for a result of real dates."""
    from journey.whatif import summary

    return summary(result.what_if, lang)


def one_line(value: str) -> str:
    """Text from data on one line: line breaks and tabs become spaces, and any other
    control character a visible escape, so that it can neither start a line of its own
    nor send a terminal an escape sequence."""
    return " ".join(printable(value).split())


def source_root(start: Path) -> Path:
    """The top of the git work tree holding `start`, or `start` itself outside one: CI
    services place files relative to it, whichever folder journey ran in."""
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def relative_to(path: str, base: Path) -> str | None:
    """`path` (as shown, relative to the current folder) relative to `base`, with `/`
    separators; None when it lies outside `base`."""
    absolute = Path(os.path.normpath(Path(path).absolute()))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return None
