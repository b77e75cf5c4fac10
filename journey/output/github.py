"""`-o github`: workflow-command annotations, at most 10 per level as GitHub shows them.

The Markdown job summary (journey.output.markdown) is appended to
`$GITHUB_STEP_SUMMARY` by the CLI, which owns files and the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journey.messages import text
from journey.output._common import (
    item_reason,
    label,
    one_line,
    owner,
    relative_to,
    source_root,
    what_if,
)

if TYPE_CHECKING:
    from journey.gates import GateResult, ItemResult, RuleResult

LIMIT = 10  # GitHub shows at most 10 error and 10 warning annotations per step


def render(result: GateResult, lang: str) -> str:
    """One `::error` / `::warning` line per item, the most severe first and capped per
    level as GitHub caps them, then a line saying how many more and the verdict."""
    found: dict[str, list[tuple[int, int, ItemResult, RuleResult]]] = {"error": [], "warning": []}
    order = 0
    for rule in result.rules:
        for item in rule.items:
            level = _level(item, rule)
            if level is not None:
                found[level].append((-item.severity.rank, order, item, rule))
                order += 1
    moved = what_if(result, lang)
    lines = [f"::notice title=what-if::{_data(moved)}"] if moved else []
    for level, entries in found.items():
        entries.sort(key=lambda e: (e[0], e[1]))
        lines.extend(annotation(level, item, rule, lang) for _, _, item, rule in entries[:LIMIT])
    lines.extend(
        text("gate.gh.more", lang, count=len(entries) - LIMIT, level=level)
        for level, entries in found.items()
        if len(entries) > LIMIT
    )
    verdict = text(f"gate.verdict.{result.verdict}", lang)
    lines.append(f"journey gate {one_line(result.gate)}: {verdict}")
    return "\n".join(lines) + "\n"


def annotation(level: str, item: ItemResult, rule: RuleResult, lang: str) -> str:
    """`::LEVEL file=…,line=…,col=…,title=…::message` with GitHub's escaping."""
    props = {"file": one_line(relative_to(item.file, source_root(Path.cwd())) or item.file)}
    if item.line:
        props["line"] = str(item.line)
    if item.col:
        props["col"] = str(item.col)
    tag = f" [{', '.join(item.batches)}]" if item.batches else ""
    props["title"] = f"{rule.id}: {label(item, lang)}{tag}"
    head = ",".join(f"{key}={_prop(value)}" for key, value in props.items())
    message = f"{item_reason(item, lang)} [{owner(item, lang)}]"
    return f"::{level} {head}::{_data(message)}"


def _level(item: ItemResult, rule: RuleResult) -> str | None:
    if item.status == "waived" or rule.status == "waived":
        return None
    return "error" if item.status == "fail" and rule.blocks else "warning"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
