"""`journey diff` as text, JSON or Markdown (for a weekly meeting or a pull-request comment).

Texts that come from the results (titles, reasons, owners) are shown as the results hold
them; the fixed words follow the language asked for. Markdown escapes every such text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from journey.chars import inert_json
from journey.markdown import escape
from journey.messages import text
from journey.output._common import one_line

if TYPE_CHECKING:
    from journey.gatediff import BatchDiff, Entry, GateDiff, Side, WaiverChange

SECTIONS = ("newly_blocking", "resolved", "still_blocking")
WAIVERS = ("waivers_added", "waivers_expired", "waivers_renewed", "waivers_removed")
MARK = {"newly_blocking": "+", "resolved": "-", "still_blocking": "="}


def render(diff: GateDiff, fmt: str, lang: str) -> str:
    """The comparison in `fmt` (text, json or markdown), ending in a newline."""
    return {"text": _text, "json": _json, "markdown": _markdown}[fmt](diff, lang)


def _json(diff: GateDiff, lang: str) -> str:
    from journey.gatediff import SCHEMA

    data = diff.model_dump(mode="json")
    head = {"schema": SCHEMA, "lang": lang, "gate": data.pop("gate"), "title": data.pop("title")}
    verdict = {"verdict_changed": diff.verdict_changed, "newly_blocking_any": diff.anything_new}
    text = json.dumps({**head, **verdict, **data}, ensure_ascii=False, indent=2)
    return inert_json(text) + "\n"


# Text ---------------------------------------------------------------------------------


def _head(diff: GateDiff, lang: str) -> str:
    head = text("diff.head", lang, gate=diff.gate, title=one_line(diff.title))
    return f"{head} · {text('diff.one_batch', lang, batch=diff.batch)}" if diff.batch else head


def _text(diff: GateDiff, lang: str) -> str:
    lines = [_head(diff, lang)]
    lines += [_side("diff.old", diff.old, lang), _side("diff.new", diff.new, lang)]
    lines += _notes(diff, lang)
    lines += ["", _verdict_line(diff, lang)]
    for section in SECTIONS:
        entries: Sequence[Entry] = getattr(diff, section)
        lines += ["", text(f"diff.{section}", lang, count=len(entries)) + ":"]
        lines += [_entry(e, MARK[section], lang) for e in entries] or ["   " + _none(lang)]
    for section in WAIVERS:
        changes: Sequence[WaiverChange] = getattr(diff, section)
        if changes:
            lines += ["", text(f"diff.{section}", lang, count=len(changes)) + ":"]
            lines += ["   " + _waiver(w, lang) for w in changes]
    if diff.batches:
        lines += ["", text("diff.batches", lang) + ":"]
        lines += ["   " + _batch(b, lang) for b in diff.batches]
    return "\n".join(lines) + "\n"


def _side(code: str, side: Side, lang: str) -> str:
    verdict = text(f"gate.verdict.{side.verdict}", lang)
    return "   " + text(code, lang, file=side.file, as_of=side.as_of, verdict=verdict)


def _notes(diff: GateDiff, lang: str) -> list[str]:
    notes = []
    if diff.old.project != diff.new.project:
        notes.append(text("diff.other_project", lang, old=diff.old.project, new=diff.new.project))
    for side, code in ((diff.old, "diff.old_what_if"), (diff.new, "diff.new_what_if")):
        if side.what_if:
            notes.append(text(code, lang))
    return ["   " + n for n in notes]


def _verdict_line(diff: GateDiff, lang: str) -> str:
    old = text(f"gate.verdict.{diff.old.verdict}", lang)
    new = text(f"gate.verdict.{diff.new.verdict}", lang)
    code = "diff.verdict_changed" if diff.verdict_changed else "diff.verdict_same"
    return text(code, lang, old=old, new=new)


def _entry(e: Entry, mark: str, lang: str) -> str:
    label = one_line(f"{e.rule}: {e.item} {e.title}" if e.item else e.rule)
    owner = f" ({one_line(e.owner)})" if e.owner else ""
    batches = f" [{', '.join(e.batches)}]" if e.batches else ""
    now = "" if e.now == "blocks" else f" — {text(f'diff.now.{e.now}', lang)}"
    return f"   {mark} {label}{owner}{batches}{now}\n       {one_line(e.reason)}"


def _waiver(w: WaiverChange, lang: str) -> str:
    was = text("diff.was_expires", lang, date=w.was_expires) if w.was_expires else ""
    return text(
        "diff.waiver_line",
        lang,
        target=w.target,
        expires=w.expires,
        approved_by=w.approved_by,
        reason=one_line(w.reason),
    ) + (f" {was}" if was else "")


def _batch(b: BatchDiff, lang: str) -> str:
    return text(
        "diff.batch_line",
        lang,
        batch=b.id,
        old=_verdict(b.old, lang),
        new=_verdict(b.new, lang),
        added=len(b.newly_blocking),
        resolved=len(b.resolved),
        kept=b.still_blocking,
    )


def _verdict(value: str | None, lang: str) -> str:
    return text(f"gate.verdict.{value}", lang) if value else text("diff.absent", lang)


def _none(lang: str) -> str:
    return text("diff.none", lang)


# Markdown -----------------------------------------------------------------------------


def _markdown(diff: GateDiff, lang: str) -> str:
    icon = "❌" if diff.anything_new else "✅"
    lines = [f"## {icon} {escape(_head(diff, lang))}", ""]
    lines += [f"- {escape(_side('diff.old', diff.old, lang).strip())}"]
    lines += [f"- {escape(_side('diff.new', diff.new, lang).strip())}"]
    lines += [f"- {escape(n.strip())}" for n in _notes(diff, lang)]
    lines += ["", f"**{escape(_verdict_line(diff, lang))}**"]
    for section in SECTIONS:
        entries: Sequence[Entry] = getattr(diff, section)
        lines += ["", f"### {text(f'diff.{section}', lang, count=len(entries))}", ""]
        lines += _entries_table(entries, lang) if entries else [_none(lang)]
    for section in WAIVERS:
        changes: Sequence[WaiverChange] = getattr(diff, section)
        if changes:
            lines += ["", f"### {text(f'diff.{section}', lang, count=len(changes))}", ""]
            lines += [f"- {escape(_waiver(w, lang))}" for w in changes]
    if diff.batches:
        lines += ["", f"### {text('diff.batches', lang)}", ""]
        lines += [f"- {escape(_batch(b, lang))}" for b in diff.batches]
    return "\n".join(lines) + "\n"


def _entries_table(entries: Sequence[Entry], lang: str) -> list[str]:
    heads = ("gate.md.rule", "gate.md.item", "gate.md.owner", "gate.md.reason")
    rows = [_row(*(text(h, lang) for h in heads)), _row(*["---"] * len(heads))]
    for e in entries:
        item = f"{e.item} {e.title}".strip()
        if e.batches:
            item += f" [{', '.join(e.batches)}]"
        if e.now != "blocks":
            item += f" — {text(f'diff.now.{e.now}', lang)}"
        rows.append(_row(*(escape(one_line(v)) for v in (e.rule, item, e.owner, e.reason))))
    return rows


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


__all__ = ["render"]
