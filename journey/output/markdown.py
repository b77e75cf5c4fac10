"""`-o markdown`: the verdict, a table of rules, what blocks and who owns it, the waivers.

Every text from catalogs and projects is escaped, so a title holding `|`, `<b>`,
back-ticks or a leading `#` cannot break a table or inject markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journey.markdown import escape
from journey.messages import text
from journey.output._common import (
    context,
    item_reason,
    label,
    owner,
    rating,
    rule_status,
    say,
    what_if,
    where,
)

if TYPE_CHECKING:
    from journey.gates import GateResult
    from journey.worklist import OwnerGroup

ICON = {"pass": "✅", "fail": "❌", "waived": "➖", "warn": "⚠️"}
SUMMARY_LIMIT = 1024 * 1024  # GitHub refuses a job summary over 1 MiB


def render(result: GateResult, lang: str) -> str:
    """The result as GitHub-flavoured Markdown (a job summary, a ticket comment): the
    verdict with the days to the milestone, the batches, the rules, what blocks by owner
    (each item once, most urgent first), what does not block, the forecasts, the waivers
    and the numbers."""
    from journey.worklist import by_owner

    groups = by_owner(result)
    lines = [*_head(result, lang, groups), "", *_batches(result, lang), *_rules_table(result, lang)]
    for group in groups:
        lines.extend(["", *_owner_table(group, result, lang)])
    lines.extend(_also(result, lang))
    lines.extend(_forecasts(result, lang))
    if result.waivers:
        lines.extend(["", *_waivers(result, lang)])
    lines.extend(_numbers(result, lang))
    return "\n".join(lines) + "\n"


def _owner_table(group: OwnerGroup, result: GateResult, lang: str) -> list[str]:
    """One owner's blocking items: a row each, most urgent first."""
    from journey.output.text import due, group_head, reasons

    heads = ("gate.md.item", "gate.md.when", "gate.md.reason", "gate.md.rule", "gate.md.where")
    lines = [f"### {escape(group_head(group, lang))}", "", _row(*(text(h, lang) for h in heads))]
    lines.append(_row(*["---"] * len(heads)))
    everywhere = {b.id for b in result.batches}
    for e in group.entries:
        first = e.parts[0].item
        name = label(first, lang) + (f" · {e.assignee}" if e.assignee else "")
        if set(e.batches) not in (set(), everywhere):
            name += f" [{', '.join(e.batches)}]"
        when = due(e.days, e.due, lang) or "—"
        why = ("；" if lang == "zh" else "; ").join(reasons(e, lang))
        for extra, code in ((e.note, "gate.text.note"), (e.evidence, "gate.text.evidence")):
            if extra:
                why += " — " + text(code, lang, note=extra, evidence=extra)
        rules = ", ".join(dict.fromkeys(p.rule for p in e.parts))
        cell = f"**{escape(when)}**" if e.overdue else escape(when)
        lines.append(_row(escape(name), cell, escape(why), escape(rules), escape(where(first))))
    return lines


def _also(result: GateResult, lang: str) -> list[str]:
    """What does not block: waived items, warnings, failures below --fail-on."""
    from journey.worklist import not_blocking

    found = not_blocking(result)
    if not found:
        return []
    heads = ("gate.md.item", "gate.md.status", "gate.md.owner", "gate.md.reason", "gate.md.rule")
    lines = ["", f"### {text('gate.text.also', lang)}", ""]
    lines += [_row(*(text(h, lang) for h in heads)), _row(*["---"] * len(heads))]
    for rule, item in found:
        tag = f" [{', '.join(item.batches)}]" if item.batches else ""
        lines.append(
            _row(
                escape(label(item, lang) + tag),
                text(f"gate.rstatus.{item.status}", lang),
                escape(owner(item, lang)),
                escape(item_reason(item, lang)),
                escape(rule.id),
            )
        )
    return lines


def _forecasts(result: GateResult, lang: str) -> list[str]:
    from journey.burndown import RECENT_DAYS
    from journey.output._forecast import pace, sentence

    lines: list[str] = []
    for rule in result.rules:
        if rule.forecasts:
            head = text("gate.text.forecast", lang, rule=rule.id, days=RECENT_DAYS)
            lines.extend(["", f"### {escape(head)}", ""])
            lines.extend(
                f"- **{escape(sentence(f, lang, result.milestone))}** — {escape(pace(f, lang))}"
                for f in rule.forecasts
            )
    return lines


def _batches(result: GateResult, lang: str) -> list[str]:
    if not result.batches:
        return []
    heads = ("gate.md.batch", "gate.md.buildings", "gate.md.date", "gate.md.status")
    lines = [_row(*(text(h, lang) for h in heads)), _row(*["---"] * len(heads))]
    for b in result.batches:
        verdict = text(f"gate.verdict.{b.verdict}", lang)
        icon = ICON["pass" if b.verdict == "pass" else "fail"]
        date = b.milestone_date.isoformat() if b.milestone_date else "-"
        lines.append(_row(escape(b.id), escape(", ".join(b.buildings)), date, f"{icon} {verdict}"))
    return [*lines, ""]


def _numbers(result: GateResult, lang: str) -> list[str]:
    from journey.output._numbers import rows

    table = rows(result, lang)
    if not table:
        return []
    lines = ["", f"### {text('gate.text.numbers', lang)}", "", _row(*table[0])]
    lines.append(_row("---", *["---:"] * (len(table[0]) - 1)))
    lines.extend(_row(escape(row[0]), *row[1:]) for row in table[1:])
    return lines


def _head(result: GateResult, lang: str, groups: tuple[OwnerGroup, ...]) -> list[str]:
    from journey.output.text import go_line, past

    verdict = text(f"gate.verdict.{result.verdict}", lang)
    title = text("gate.text.gate", lang, gate=result.gate, title=escape(result.title.get(lang)))
    summary = text(
        "gate.text.verdict",
        lang,
        verdict=f"**{verdict}**",
        failed=result.counts.blocking_rules,
        rules=result.counts.rules,
        fail_on=result.fail_on,
    )
    milestone = text(
        "gate.text.milestone",
        lang,
        milestone=escape(result.milestone),
        date=result.milestone_date or "-",
    )
    icon = ICON["pass" if result.passed else "fail"]
    moved = what_if(result, lang)
    lines = [f"## {icon} {title}", "", f"{context(result, lang, escape)} · {milestone}", ""]
    if moved:
        lines += [f"> ⚠️ {escape(moved)}", ""]
    lines += [f"*{escape(line)}*" for line in past(result, lang, _plain)]
    return [*lines, f"**{escape(go_line(result, groups, lang, _plain))}**", "", summary]


def _plain(value: str, _role: str) -> str:
    return value


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _rules_table(result: GateResult, lang: str) -> list[str]:
    heads = ("gate.md.rule", "gate.md.status", "gate.md.severity", "gate.md.reason")
    lines = [_row(*(text(h, lang) for h in heads)), _row(*["---"] * len(heads))]
    for rule in result.rules:
        lines.append(
            _row(
                f"{escape(rule.id)}<br>{escape(rule.title.get(lang))}",
                f"{ICON[rule.status]} {rule_status(rule, lang)}",
                rating(rule.severity.value, lang),
                escape(say(rule.reason, lang)),
            )
        )
    return lines


def _waivers(result: GateResult, lang: str) -> list[str]:
    heads = (
        "gate.md.target",
        "gate.md.status",
        "gate.md.expires",
        "gate.md.approved_by",
        "gate.md.reason",
    )
    lines = [f"### {text('gate.text.waivers', lang)}", ""]
    lines += [_row(*(text(h, lang) for h in heads)), _row(*["---"] * len(heads))]
    for w in result.waivers:
        lines.append(
            _row(
                escape(w.target),
                text(f"gate.wstate.{w.state}", lang),
                w.expires.isoformat(),
                escape(w.approved_by),
                escape(w.reason),
            )
        )
    return lines


def cut(markdown: str, room: int, lang: str) -> str:
    """`markdown` within `room` bytes of UTF-8: whole lines, then a note of what was left
    out (a job summary over GitHub's limit is not shown at all)."""
    if len(markdown.encode("utf-8")) <= room:
        return markdown
    lines = markdown.splitlines(keepends=True)
    note_room = len(_cut_note(len(lines), lang).encode("utf-8"))
    kept: list[str] = []
    used = 0
    for line in lines:
        size = len(line.encode("utf-8"))
        if used + size + note_room > room:
            break
        kept.append(line)
        used += size
    if used + note_room > room:
        return ""
    return "".join(kept) + _cut_note(len(lines) - len(kept), lang)


def _cut_note(count: int, lang: str) -> str:
    return "\n> " + text("gate.md.cut", lang, count=count) + "\n"
