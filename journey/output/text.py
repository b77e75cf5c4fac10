"""`-o text`: a verdict line, then each rule that did not simply pass, with who must act.

Colour is the caller's business: the CLI passes a `style(text, role)` function (roles:
pass, fail, warn, waived, dim, bold); without one the text is plain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from journey.messages import text
from journey.output._common import (
    item_reason,
    label,
    one_line,
    owner,
    rating,
    say,
    what_if,
    where,
)

if TYPE_CHECKING:
    from journey.gates import GateResult, ItemResult, RuleResult

Style = Callable[[str, str], str]


def _plain(value: str, _role: str) -> str:
    return value


def render(
    result: GateResult, lang: str, style: Style | None = None, limit: int | None = None
) -> str:
    """The result as plain text (styled by `style` when given), ending in a newline.

    With `limit`, at most that many items are listed per rule, then how many more.
    """
    paint = style or _plain
    lines = [*_header(result, lang, paint), _verdict(result, lang, paint), ""]
    lines.extend(_batches(result, lang, paint))
    for rule in result.rules:
        lines.extend(_rule(rule, result, lang, paint, limit))
    lines.extend(_waivers(result, lang))
    lines.extend(_numbers(result, lang))
    lines.extend(["", _verdict(result, lang, paint)])
    return "\n".join(lines) + "\n"


def _batches(result: GateResult, lang: str, paint: Style) -> list[str]:
    """A line per batch: its buildings, its milestone date and its verdict."""
    if not result.batches:
        return []
    lines = [text("gate.text.batches", lang) + ":"]
    for b in result.batches:
        verdict = text(f"gate.verdict.{b.verdict}", lang)
        line = text(
            "gate.text.batch_line",
            lang,
            batch=b.id,
            buildings=", ".join(b.buildings),
            milestone=result.milestone,
            date=b.milestone_date or "-",
            verdict=verdict,
            failed=b.counts.blocking_rules,
        )
        lines.append("   " + paint(line, "pass" if b.verdict == "pass" else "fail"))
    return [*lines, ""]


def _numbers(result: GateResult, lang: str) -> list[str]:
    """The numbers of SPEC §12 as a compact table, columns aligned."""
    from journey.output._numbers import rows

    table = rows(result, lang)
    if not table:
        return []
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    lines = ["", text("gate.text.numbers", lang) + ":"]
    for row in table:
        cells = [
            _pad(cell, widths[0]) if i == 0 else _lpad(cell, widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("   " + "  ".join(cells).rstrip())
    return lines


def _width(value: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in value)


def _lpad(value: str, width: int) -> str:
    return " " * max(0, width - _width(value)) + value


def _header(result: GateResult, lang: str, paint: Style) -> list[str]:
    p = result.project
    head = text("gate.text.gate", lang, gate=result.gate, title=result.title.get(lang))
    context = text(
        "gate.text.context",
        lang,
        project=p.id,
        name=p.name.get(lang),
        positioning=p.positioning_title.get(lang) if p.positioning_title else p.positioning,
        catalog=result.catalog.name,
        version=result.catalog.version,
        as_of=result.as_of,
    )
    date = result.milestone_date or "-"
    milestone = text("gate.text.milestone", lang, milestone=result.milestone, date=date)
    if result.batch is not None:
        head += " · " + text("gate.text.one_batch", lang, batch=result.batch)
    lines = [paint(head, "bold"), paint(f"{context} · {milestone}", "dim")]
    moved = what_if(result, lang)
    return [*lines, paint(moved, "warn")] if moved else lines


def _rule(
    rule: RuleResult, result: GateResult, lang: str, paint: Style, limit: int | None
) -> list[str]:
    mark = paint(_pad(text(f"gate.mark.{rule.status}", lang), 6), rule.status)
    sev = rating(rule.severity.value, lang)
    title = one_line(rule.title.get(lang))
    head = f"{mark} {one_line(rule.id)}  {title}  [{sev}] — {one_line(say(rule.reason, lang))}"
    lines = [head]
    if rule.status == "fail" and not rule.blocks:
        lines.append("       " + text("gate.text.below_fail_on", lang, fail_on=result.fail_on))
    shown = rule.items if limit is None else rule.items[:limit]
    lines.extend(_item(item, lang, paint) for item in shown)
    if len(shown) < len(rule.items):
        more = text("gate.text.more", lang, count=len(rule.items) - len(shown))
        lines.append(paint(f"     {more}", "dim"))
    return lines


def _pad(value: str, width: int) -> str:
    """`value` padded to `width` terminal columns (a Chinese character takes two)."""
    used = sum(2 if ord(ch) >= 0x2E80 else 1 for ch in value)
    return value + " " * max(0, width - used)


def _item(item: ItemResult, lang: str, paint: Style) -> str:
    status = {"fail": "x", "warn": "!", "waived": "~"}[item.status]
    role = {"fail": "fail", "warn": "warn", "waived": "waived"}[item.status]
    who = (
        text("gate.text.owner", lang, owner=owner(item, lang)) if item.owner else owner(item, lang)
    )
    tag = f"  [{', '.join(item.batches)}]" if item.batches else ""
    return (
        f"   {paint(status, role)} {label(item, lang)}  ({who}){tag}\n"
        f"       {one_line(item_reason(item, lang))}\n"
        f"       {paint(where(item), 'dim')}"
    )


def _waivers(result: GateResult, lang: str) -> list[str]:
    if not result.waivers:
        return []
    lines = ["", text("gate.text.waivers", lang) + ":"]
    for w in result.waivers:
        state = text(f"gate.wstate.{w.state}", lang)
        lines.append(
            "   "
            + text(
                "gate.text.waiver_line",
                lang,
                target=w.target,
                state=state,
                expires=w.expires,
                approved_by=w.approved_by,
                reason=w.reason,
            )
        )
    return lines


def _verdict(result: GateResult, lang: str, paint: Style) -> str:
    verdict = text(f"gate.verdict.{result.verdict}", lang)
    line = text(
        "gate.text.verdict",
        lang,
        verdict=verdict,
        failed=result.counts.blocking_rules,
        rules=result.counts.rules,
        fail_on=result.fail_on,
    )
    return paint(line, "pass" if result.passed else "fail")


__all__ = ["Style", "render"]
