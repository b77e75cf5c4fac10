"""`-o text`: what a team acts on, in the order it matters.

First the verdict as GO / NO-GO with the days to the milestone and how much blocks (and,
for a gate whose milestone has passed, what was recorded then); the batches; one line
per rule; then what blocks grouped by owner — each item once, naming every rule it
fails, most urgent first, with "overdue by N days" or "due in N days", the team's note
and evidence, and where its status is recorded; what does not block (waived items,
warnings); when each building reaches the target of a findings-closed rule; the
waivers; the numbers; and the rules' verdict again as the last line.

Colour is the caller's business: the CLI passes a `style(text, role)` function (roles:
pass, fail, warn, waived, dim, bold); without one the text is plain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from journey.messages import milestone_name, text
from journey.output._common import (
    context,
    group_owner,
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
    import datetime as dt

    from journey.gates import GateResult, ItemResult, RuleResult
    from journey.worklist import Entry, OwnerGroup

Style = Callable[[str, str], str]
INDENT = "   "
DETAIL = "       "


def _plain(value: str, _role: str) -> str:
    return value


def render(
    result: GateResult, lang: str, style: Style | None = None, limit: int | None = None
) -> str:
    """The result as plain text (styled by `style` when given), ending in a newline.

    With `limit`, at most that many items are listed per owner, then how many more.
    """
    from journey.worklist import by_owner

    paint = style or _plain
    groups = by_owner(result)
    lines = [*_header(result, lang, paint), *past(result, lang, paint)]
    lines.extend([go_line(result, groups, lang, paint), ""])
    lines.extend(_batches(result, lang, paint))
    lines.extend(_rules(result, lang, paint))
    lines.extend(_owners(groups, result, lang, paint, limit))
    lines.extend(_also(result, lang, paint, limit))
    lines.extend(_forecasts(result, lang))
    lines.extend(_waivers(result, lang))
    lines.extend(_numbers(result, lang))
    lines.extend(["", _verdict(result, lang, paint)])
    return "\n".join(lines) + "\n"


def _head(code: str, lang: str, **params: object) -> str:
    """A section head with the colon of the language."""
    return text(code, lang, **params) + ("：" if lang == "zh" else ":")


def _joined(parts: list[str], lang: str) -> str:
    return ("；" if lang == "zh" else "; ").join(parts)


def when(days: int, lang: str) -> str:
    """`in 67 days`, `today`, `12 days ago`."""
    if days > 0:
        return text("when.in", lang, days=days)
    return text("when.today", lang) if days == 0 else text("when.ago", lang, days=-days)


def due(entry_days: int | None, day: dt.date | None, lang: str) -> str:
    """`overdue by 8 days (2026-10-12)`, `due in 7 days (2026-10-27)`; "" without a date."""
    if entry_days is None or day is None:
        return ""
    if entry_days < 0:
        phrase = text("due.overdue", lang, days=-entry_days)
    elif entry_days == 0:
        phrase = text("due.today", lang)
    else:
        phrase = text("due.in", lang, days=entry_days)
    return text("gate.text.due", lang, when=phrase, date=day.isoformat())


def go_line(result: GateResult, groups: tuple[OwnerGroup, ...], lang: str, paint: Style) -> str:
    """GO or NO-GO, the milestone and the days to it, and how much blocks."""
    count = sum(len(g.entries) for g in groups)
    late = sum(g.overdue for g in groups)
    overdue = text("gate.text.overdue", lang, count=late) if late else ""
    milestone = one_line(milestone_name(result.milestone, lang))
    day = result.milestone_date
    if day is None:
        code = "gate.text.go_undated" if result.passed else "gate.text.no_go_undated"
        line = text(code, lang, milestone=milestone, count=count, overdue=overdue)
    else:
        days = day.toordinal() - result.as_of.toordinal()
        code = "gate.text.go" if result.passed else "gate.text.no_go"
        line = text(code, lang, milestone=milestone, date=day.isoformat(),
                    when=when(days, lang), count=count, overdue=overdue)  # fmt: skip
    rules = text(
        "gate.text.rules_fail",
        lang,
        failed=result.counts.blocking_rules,
        rules=result.counts.rules,
        fail_on=result.fail_on,
    )
    line = text("gate.text.with_rules", lang, line=line, rules=rules)
    return paint(line, "pass" if result.passed else "fail")


def past(result: GateResult, lang: str, paint: Style) -> list[str]:
    """For a gate whose milestone has passed: what was recorded then, and what follows."""
    if not result.milestone_passed or result.milestone_date is None:
        return []
    record = result.recorded
    day = result.milestone_date.isoformat()
    if record is None:
        line = text("gate.text.past_unrecorded", lang, date=day, as_of=result.as_of.isoformat())
    else:
        line = text(
            "gate.text.past_recorded",
            lang,
            date=day,
            passed=record.passed.isoformat(),
            by=one_line(record.by),
            as_of=result.as_of.isoformat(),
        )
    return [paint(line, "dim")]


def _batches(result: GateResult, lang: str, paint: Style) -> list[str]:
    """A line per batch: its buildings, its milestone date and its verdict."""
    if not result.batches:
        return []
    lines = [_head("gate.text.batches", lang)]
    for b in result.batches:
        verdict = text(f"gate.verdict.{b.verdict}", lang)
        date = "-"
        if b.milestone_date is not None:
            days = b.milestone_date.toordinal() - result.as_of.toordinal()
            date = text("gate.text.dated", lang, when=when(days, lang), date=b.milestone_date)
        line = text(
            "gate.text.batch_line",
            lang,
            batch=b.id,
            buildings=", ".join(b.buildings),
            milestone=result.milestone,
            date=date,
            verdict=verdict,
            failed=b.counts.blocking_rules,
        )
        if b.milestone_passed:
            record = b.recorded
            line += " · " + (
                text(
                    "gate.text.batch_recorded",
                    lang,
                    passed=record.passed.isoformat(),
                    by=one_line(record.by),
                )
                if record is not None
                else text("gate.text.batch_unrecorded", lang)
            )
        lines.append(INDENT + paint(line, "pass" if b.verdict == "pass" else "fail"))
    return [*lines, ""]


def _rules(result: GateResult, lang: str, paint: Style) -> list[str]:
    lines = [_head("gate.text.rules", lang)]
    for rule in result.rules:
        lines.extend(_rule(rule, result, lang, paint))
    return lines


def _rule(rule: RuleResult, result: GateResult, lang: str, paint: Style) -> list[str]:
    mark = paint(_pad(text(f"gate.mark.{rule.status}", lang), 8), rule.status)
    sev = rating(rule.severity.value, lang)
    title = one_line(rule.title.get(lang))
    head = f"{mark} {one_line(rule.id)}  {title}  [{sev}] — {one_line(say(rule.reason, lang))}"
    lines = [INDENT + head]
    if rule.status == "fail" and not rule.blocks:
        lines.append(DETAIL + text("gate.text.below_fail_on", lang, fail_on=result.fail_on))
    return lines


def _owners(
    groups: tuple[OwnerGroup, ...], result: GateResult, lang: str, paint: Style, limit: int | None
) -> list[str]:
    """What blocks, by owner: each group's head, then its entries, most urgent first."""
    if not groups:
        return []
    lines = ["", paint(_head("gate.text.by_owner", lang), "bold")]
    everywhere = {b.id for b in result.batches}
    for group in groups:
        lines.append(paint(group_head(group, lang), "bold"))
        shown = group.entries if limit is None else group.entries[:limit]
        for entry in shown:
            lines.extend(_entry(entry, everywhere, lang, paint))
        if len(shown) < len(group.entries):
            more = text("gate.text.more", lang, count=len(group.entries) - len(shown))
            lines.append(paint(f"     {more}", "dim"))
    return lines


def group_head(group: OwnerGroup, lang: str) -> str:
    """`Engineering — 2 items, 1 overdue (Chen Jing 2)`: the owner, the count, the
    assignees, on one line."""
    late = text("gate.text.overdue", lang, count=group.overdue) if group.overdue else ""
    names = ("、" if lang == "zh" else ", ").join(
        f"{one_line(n)} {k}" for n, k in group.assignees()
    )
    return text(
        "gate.text.group",
        lang,
        owner=one_line(group_owner(group, lang)),
        count=len(group.entries),
        overdue=late,
        names=text("gate.text.names", lang, names=names) if names else "",
    )


def _entry(entry: Entry, everywhere: set[str], lang: str, paint: Style) -> list[str]:
    first = entry.parts[0].item
    title = label(first, lang)
    who = f" · {one_line(entry.assignee)}" if entry.assignee else ""
    tag = f"  [{', '.join(entry.batches)}]" if set(entry.batches) not in (set(), everywhere) else ""
    when_due = due(entry.days, entry.due, lang)
    role = "fail" if entry.overdue else "dim"
    head = f"{INDENT}{paint('x', 'fail')} {title}{who}{tag}"
    lines = [head + (f" — {paint(when_due, role)}" if when_due else "")]
    lines.append(DETAIL + _joined(reasons(entry, lang), lang))
    if entry.note:
        lines.append(DETAIL + text("gate.text.note", lang, note=one_line(entry.note)))
    if entry.evidence:
        lines.append(DETAIL + text("gate.text.evidence", lang, evidence=one_line(entry.evidence)))
    rules = ", ".join(dict.fromkeys(one_line(p.rule) for p in entry.parts))
    place = f"{where(first)} · {text('gate.text.rules_of', lang, rules=rules)}"
    lines.append(DETAIL + paint(place, "dim"))
    return lines


def reasons(entry: Entry, lang: str) -> list[str]:
    """Each rule's reason once; batch by batch where they differ between batches."""
    several = len(entry.batches) > 1
    found: dict[str, None] = {}
    for part in entry.parts:
        said = one_line(item_reason(part.item, lang))
        if several and part.item.batches and len(part.item.batches) < len(entry.batches):
            said = text("word.label", lang, label=", ".join(part.item.batches), value=said)
        found[said] = None
    return list(found)


def _also(result: GateResult, lang: str, paint: Style, limit: int | None) -> list[str]:
    """Items that do not block: waived, warnings, and failures below --fail-on."""
    from journey.worklist import not_blocking

    items = not_blocking(result)
    if not items:
        return []
    lines = ["", paint(_head("gate.text.also", lang), "bold")]
    shown = items if limit is None else items[:limit]
    lines.extend(_item(item, rule, lang, paint) for rule, item in shown)
    if len(shown) < len(items):
        lines.append(
            paint(f"     {text('gate.text.more', lang, count=len(items) - len(shown))}", "dim")
        )
    return lines


def _item(item: ItemResult, rule: RuleResult, lang: str, paint: Style) -> str:
    status = {"fail": "x", "warn": "!", "waived": "~"}[item.status]
    role = {"fail": "fail", "warn": "warn", "waived": "waived"}[item.status]
    who = (
        text("gate.text.owner", lang, owner=owner(item, lang)) if item.owner else owner(item, lang)
    )
    tag = f"  [{', '.join(item.batches)}]" if item.batches else ""
    place = f"{where(item)} · {text('gate.text.rules_of', lang, rules=one_line(rule.id))}"
    return (
        f"{INDENT}{paint(status, role)} {label(item, lang)}  ({who}){tag}\n"
        f"{DETAIL}{one_line(item_reason(item, lang))}\n"
        f"{DETAIL}{paint(place, 'dim')}"
    )


def _forecasts(result: GateResult, lang: str) -> list[str]:
    """When each building (and batch) reaches the target of each findings-closed rule."""
    from journey.burndown import RECENT_DAYS
    from journey.output._forecast import pace, sentence

    lines: list[str] = []
    for rule in result.rules:
        if not rule.forecasts:
            continue
        lines.extend(
            ["", _head("gate.text.forecast", lang, rule=one_line(rule.id), days=RECENT_DAYS)]
        )
        for f in rule.forecasts:
            words = one_line(sentence(f, lang, result.milestone))
            lines.append(f"{INDENT}{words} — {pace(f, lang)}")
    return lines


def _numbers(result: GateResult, lang: str) -> list[str]:
    """The numbers of SPEC §12 as a compact table, columns aligned."""
    from journey.output._numbers import rows

    table = rows(result, lang)
    if not table:
        return []
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    lines = ["", _head("gate.text.numbers", lang)]
    for row in table:
        cells = [
            _pad(cell, widths[0]) if i == 0 else _lpad(cell, widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append(INDENT + "  ".join(cells).rstrip())
    return lines


def _width(value: str) -> int:
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in value)


def _lpad(value: str, width: int) -> str:
    return " " * max(0, width - _width(value)) + value


def _pad(value: str, width: int) -> str:
    """`value` padded to `width` terminal columns (a Chinese character takes two)."""
    return value + " " * max(0, width - _width(value))


def _header(result: GateResult, lang: str, paint: Style) -> list[str]:
    head = text("gate.text.gate", lang, gate=result.gate, title=result.title.get(lang))
    date = result.milestone_date or "-"
    milestone = text("gate.text.milestone", lang, milestone=result.milestone, date=date)
    if result.batch is not None:
        head += " · " + text("gate.text.one_batch", lang, batch=result.batch)
    about = f"{context(result, lang)} · {milestone}"
    lines = [paint(one_line(head), "bold"), paint(one_line(about), "dim")]
    moved = what_if(result, lang)
    return [*lines, paint(moved, "warn")] if moved else lines


def _waivers(result: GateResult, lang: str) -> list[str]:
    if not result.waivers:
        return []
    lines = ["", _head("gate.text.waivers", lang)]
    for w in result.waivers:
        state = text(f"gate.wstate.{w.state}", lang)
        lines.append(
            INDENT
            + one_line(
                text(
                    "gate.text.waiver_line",
                    lang,
                    target=w.target,
                    state=state,
                    expires=w.expires,
                    approved_by=w.approved_by,
                    reason=w.reason,
                )
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


__all__ = ["Style", "due", "go_line", "group_head", "past", "reasons", "render", "when"]
