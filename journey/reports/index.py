"""The site's index page on one screen, its summary file, and the change since a previous run.

The index shows each gate's verdict (per batch, or the verdict recorded when its
milestone passed) with a link to the report that explains it, the numbers a project is
judged by, and — given a previous result — what changed since. `journey site` also
writes `summary.json` (schema `journey-site/1`): the verdicts, the blocking items per
gate and batch, and the numbers; a later run reads it back with `--previous`.

`--previous` takes a previous site folder (its `summary.json`), that file itself, or a
gate result written by `journey gate -o json` (one gate's verdict and the numbers).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from journey.errors import UsageProblem
from journey.gates import GateResult
from journey.numbers import AllNumbers, Numbers
from journey.reports._common import Outcomes
from journey.reports.models import GateBadge, Header, NumberRow
from journey.types import Model

SUMMARY = "summary.json"
SCHEMA = "journey-site/1"
GATE_SCHEMA = "journey-gate-result/1"
METRICS = ("findings", "rectification_rate", "overdue_share", "score")


class SiteLink(Model):
    """One report in one language, with its HTML and Markdown paths (relative)."""

    report: str
    lang: str
    html: str
    md: str


class GateLine(Model):
    """A gate on the index: its badge, how many items block it, the report to read."""

    badge: GateBadge
    blocking: int
    batches: tuple[tuple[str, int], ...] = ()  # blocking items per batch
    html: str = ""
    md: str = ""


class GateChange(Model):
    """One gate then and now."""

    id: str
    title: str
    was: str | None  # the verdict of the previous result, None when it had no such gate
    now: str
    was_blocking: int | None
    now_blocking: int


class NumberChange(Model):
    """One number of one scope, then and now."""

    scope: str
    level: Literal["project", "batch", "building"]
    metric: str
    was: float | None
    now: float | None


class Change(Model):
    """What changed since a previous result."""

    since: dt.date
    source: str
    gates: tuple[GateChange, ...]
    numbers: tuple[NumberChange, ...]


class SiteIndex(Model):
    """What the index page shows."""

    header: Header
    links: tuple[SiteLink, ...]
    open_day: str
    gates: tuple[GateLine, ...] = ()
    numbers: tuple[NumberRow, ...] = ()
    has_score: bool = False
    change: Change | None = None


class Summary(Model):
    """`summary.json`: what a later run compares itself with."""

    schema_: str = SCHEMA
    project: str
    as_of: dt.date
    gates: dict[str, dict[str, Any]]
    numbers: AllNumbers | None


def blocking(result: GateResult) -> int:
    """The items that block a gate, each counted once (journey.worklist)."""
    from journey.worklist import by_owner

    return sum(len(group.entries) for group in by_owner(result))


def gate_lines(
    badges: tuple[GateBadge, ...], outcomes: Outcomes, lang: str
) -> tuple[GateLine, ...]:
    """Each gate's badge, its blocking items (per batch too) and its report's paths."""
    out = []
    for badge in badges:
        result = outcomes.get(badge.id)
        per_batch: tuple[tuple[str, int], ...] = ()
        if result is not None and result.batches:
            per_batch = tuple(
                (b.id, blocking(result.model_copy(update={"rules": b.rules, "batches": ()})))
                for b in result.batches
            )
        out.append(
            GateLine(
                badge=badge,
                blocking=blocking(result) if result is not None else 0,
                batches=per_batch,
                html=f"{lang}/{badge.report}.html" if badge.report else "",
                md=f"{lang}/{badge.report}.md" if badge.report else "",
            )
        )
    return tuple(out)


def summary(project_id: str, as_of: dt.date, lines: tuple[GateLine, ...],
            numbers: AllNumbers | None) -> Summary:  # fmt: skip
    """The summary a later run compares itself with."""
    gates = {
        line.badge.id: {
            "verdict": line.badge.verdict,
            "blocking": line.blocking,
            "batches": {b: {"blocking": n} for b, n in line.batches},
        }
        for line in lines
    }
    return Summary(project=project_id, as_of=as_of, gates=gates, numbers=numbers)


def summary_json(found: Summary) -> str:
    """`summary.json` as text."""
    data = found.model_dump(mode="json")
    data = {"schema": data.pop("schema_"), **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_previous(path: Path, project_id: str) -> tuple[Summary, str]:
    """A previous summary (or gate result) and how to name its source; UsageProblem when
    it cannot be read or belongs to another project."""
    file = path / SUMMARY if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageProblem("site.previous_missing", path=str(file)) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageProblem("site.previous_unreadable", path=str(file), reason=str(exc)) from None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema not in (SCHEMA, GATE_SCHEMA):
        raise UsageProblem("site.previous_kind", path=str(file), value=str(schema))
    try:
        found = _from_site(data) if schema == SCHEMA else _from_gate(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageProblem("site.previous_unreadable", path=str(file), reason=str(exc)) from None
    if found.project != project_id:
        raise UsageProblem(
            "site.previous_project", path=str(file), other=found.project, project=project_id
        )
    return found, str(file)


def _from_site(data: dict[str, Any]) -> Summary:
    numbers = data.get("numbers")
    return Summary(
        project=str(data["project"]),
        as_of=dt.date.fromisoformat(data["as_of"]),
        gates={str(k): dict(v) for k, v in dict(data["gates"]).items()},
        numbers=AllNumbers.model_validate(numbers) if numbers else None,
    )


def _from_gate(data: dict[str, Any]) -> Summary:
    """A gate result as a summary of one gate: its verdict, its failed items and numbers."""
    items = {
        (item["id"], item.get("owner", ""))
        for rule in data["rules"]
        if rule.get("blocks")
        for item in rule["items"]
        if item.get("status") == "fail"
    }
    gate = {"verdict": data["verdict"], "blocking": len(items), "batches": {}}
    numbers = data.get("numbers")
    return Summary(
        project=str(data["project"]["id"]),
        as_of=dt.date.fromisoformat(data["as_of"]),
        gates={str(data["gate"]): gate},
        numbers=AllNumbers.model_validate(numbers) if numbers else None,
    )


def change(now: Summary, was: Summary, source: str, titles: dict[str, str]) -> Change:
    """The gates and numbers of `now` set against `was`."""
    gates = tuple(
        GateChange(
            id=gate_id,
            title=titles.get(gate_id, gate_id),
            was=str(was.gates[gate_id]["verdict"]) if gate_id in was.gates else None,
            now=str(state["verdict"]),
            was_blocking=int(was.gates[gate_id]["blocking"]) if gate_id in was.gates else None,
            now_blocking=int(state["blocking"]),
        )
        for gate_id, state in now.gates.items()
        if gate_id in was.gates
    )
    return Change(since=was.as_of, source=source, gates=gates, numbers=_numbers(now, was))


def _numbers(now: Summary, was: Summary) -> tuple[NumberChange, ...]:
    if now.numbers is None or was.numbers is None:
        return ()
    scopes: list[tuple[str, Literal["project", "batch", "building"], Numbers, Numbers | None]]
    scopes = [("", "project", now.numbers.project, was.numbers.project)]
    scopes += [
        (name, "batch", n, was.numbers.batches.get(name)) for name, n in now.numbers.batches.items()
    ]
    return tuple(
        NumberChange(
            scope=name, level=level, metric=metric, was=then.get(metric), now=current.get(metric)
        )
        for name, level, current, then in scopes
        if then is not None
        for metric in METRICS
        if current.get(metric) is not None or then.get(metric) is not None
    )
