"""Two results of one gate compared (SPEC §14, `journey diff`): what newly blocks, what
was resolved, what still blocks, which waivers expired or were added, how the verdict
moved — for the project and for each batch.

The inputs are `journey gate -o json` files (`journey-gate-result/1`). Each is read
strictly enough to trust what is compared: a file that is not JSON, not a gate result,
or of another schema is a problem with its place (`FILE:LINE:COL` for JSON syntax,
`FILE: PATH` for a field); two results of different gates are a usage problem.

An item *blocks* when it fails (`status: fail`) in a rule that fails the gate (`blocks:
true`); a rule that fails the gate with no failing item blocks as itself. Items are
matched by rule id and item id, the ids journey keeps stable between runs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from journey.errors import InvalidInput, UsageProblem
from journey.problems import Place, Problem
from journey.types import Model

RESULT_SCHEMA = "journey-gate-result/1"
SCHEMA = "journey-gate-diff/1"
MAX_BYTES = 200 * 1024 * 1024  # a gate result of a million items is well below this

Verdict = Literal["pass", "fail"]


# What is read from a result: the fields compared, other fields ignored ----------------


class _Read(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Item(_Read):
    id: str
    title: str = ""
    owner_title: str = ""
    status: Literal["fail", "warn", "waived"]
    reason: str = ""
    batches: tuple[str, ...] = ()


class _Rule(_Read):
    id: str
    title: str = ""
    status: Literal["pass", "fail", "waived", "warn"]
    blocks: bool
    reason: str = ""
    items: tuple[_Item, ...] = ()


class _Waiver(_Read):
    target: str
    reason: str = ""
    approved_by: str = ""
    expires: dt.date
    state: Literal["in-force", "expiring", "expired"]


class _Batch(_Read):
    id: str
    verdict: Verdict
    rules: tuple[_Rule, ...] = ()


class _Project(_Read):
    id: str
    name: str = ""


class _Result(_Read):
    schema_: Literal["journey-gate-result/1"] = Field(alias="schema")
    gate: str
    title: str = ""
    project: _Project
    as_of: dt.date
    verdict: Verdict
    rules: tuple[_Rule, ...]
    waivers: tuple[_Waiver, ...] = ()
    batch: str | None = None
    batches: tuple[_Batch, ...] = ()
    what_if: tuple[dict[str, Any], ...] = ()


# The comparison ------------------------------------------------------------------------


class Entry(Model):
    """One blocking item (or a rule blocking as itself, `item` empty)."""

    rule: str
    rule_title: str
    item: str
    title: str
    owner: str
    reason: str
    batches: tuple[str, ...] = ()
    now: Literal["blocks", "waived", "warns", "passes"] = "blocks"  # its state in NEW


class WaiverChange(Model):
    """A waiver that appeared, expired, was renewed or went away between the results."""

    target: str
    approved_by: str
    expires: dt.date
    reason: str
    was_expires: dt.date | None = None  # a renewed waiver's former expiry date


class BatchDiff(Model):
    """One batch's verdict then and now, and what newly blocks or was resolved in it."""

    id: str
    old: Verdict | None  # None: the batch is not in that result
    new: Verdict | None
    newly_blocking: tuple[Entry, ...]
    resolved: tuple[Entry, ...]
    still_blocking: int


class Side(Model):
    """One of the two results: its file, evaluation date and verdict."""

    file: str
    project: str
    as_of: dt.date
    verdict: Verdict
    what_if: bool = False


class GateDiff(Model):
    """OLD and NEW results of one gate compared."""

    gate: str
    title: str
    batch: str | None = None  # both results taken for this batch alone
    old: Side
    new: Side
    newly_blocking: tuple[Entry, ...]
    resolved: tuple[Entry, ...]
    still_blocking: tuple[Entry, ...]
    waivers_added: tuple[WaiverChange, ...]
    waivers_expired: tuple[WaiverChange, ...]
    waivers_renewed: tuple[WaiverChange, ...]
    waivers_removed: tuple[WaiverChange, ...]
    batches: tuple[BatchDiff, ...]

    @property
    def verdict_changed(self) -> bool:
        """True when the verdict moved between the results."""
        return self.old.verdict != self.new.verdict

    @property
    def anything_new(self) -> bool:
        """True when something blocks now that did not (overall or in a batch)."""
        return bool(self.newly_blocking) or any(b.newly_blocking for b in self.batches)


def read_result(path: Path, shown: str | None = None) -> tuple[_Result | None, list[Problem]]:
    """A gate result file, or the problems that make it unusable."""
    where = shown or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [_problem(where, "", "diff.too_large", size=size)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_problem(where, "", "file.unreadable", reason=exc.strerror or str(exc))]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, [_problem(where, "", "diff.not_utf8")]
    except json.JSONDecodeError as exc:
        place = Place(where, exc.lineno, exc.colno)
        return None, [Problem(place, "", "diff.not_json", {"detail": exc.msg})]
    return _validate(data, where)


def _validate(data: Any, where: str) -> tuple[_Result | None, list[Problem]]:
    if not isinstance(data, dict) or "schema" not in data:
        return None, [_problem(where, "", "diff.not_result", expected=RESULT_SCHEMA)]
    if data["schema"] != RESULT_SCHEMA:
        shown = str(data["schema"])[:80]
        return None, [_problem(where, "schema", "diff.schema", value=shown, expected=RESULT_SCHEMA)]
    try:
        return _Result.model_validate(data), []
    except ValidationError as exc:
        return None, [_field_problem(where, err) for err in exc.errors()[:20]]


def _field_problem(where: str, err: Any) -> Problem:
    path = _path(err["loc"])
    if err["type"] == "missing":
        return _problem(where, path, "diff.missing", field=str(err["loc"][-1]))
    return _problem(where, path, "diff.bad_value")


def _path(loc: Sequence[str | int]) -> str:
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _problem(where: str, path: str, code: str, **params: object) -> Problem:
    return Problem(Place(where), path, code, params)


def compare_files(old: Path, new: Path) -> GateDiff:
    """Read both results and compare them; InvalidInput with every problem of both files,
    UsageProblem when they are results of different gates."""
    from journey.catalog import shown_path

    read = [(read_result(p, shown_path(p)), shown_path(p)) for p in (old, new)]
    problems = [p for (_, found), _ in read for p in found]
    if problems:
        raise InvalidInput(problems)
    (before, _), first = read[0]
    (after, _), second = read[1]
    assert before is not None and after is not None
    if before.gate != after.gate:
        raise UsageProblem("diff.other_gate", old=before.gate, new=after.gate)
    return compare(before, after, first, second)


def compare(old: _Result, new: _Result, old_file: str = "", new_file: str = "") -> GateDiff:
    """NEW against OLD (both results of one gate). When one of them is of one batch alone
    (`--batch`), the other is taken for that batch; two different batches, or a batch
    the other result does not have, are a usage problem."""
    old, new = _same_scope(old, new)
    gone, added, kept = _split(_blocking(old.rules), _blocking(new.rules), new.rules)
    return GateDiff(
        gate=new.gate,
        title=new.title,
        batch=new.batch,
        old=_side(old, old_file),
        new=_side(new, new_file),
        newly_blocking=added,
        resolved=gone,
        still_blocking=kept,
        **_waivers(old.waivers, new.waivers),
        batches=_batches(old, new),
    )


def _same_scope(old: _Result, new: _Result) -> tuple[_Result, _Result]:
    if old.batch == new.batch:
        return old, new
    if old.batch is not None and new.batch is not None:
        raise UsageProblem("diff.other_batch", old=old.batch, new=new.batch)
    if old.batch is None:
        return _one_batch(old, new.batch or "", old.batch, new.batch), new
    return old, _one_batch(new, old.batch, old.batch, new.batch)


def _one_batch(result: _Result, batch: str, old: str | None, new: str | None) -> _Result:
    """The part of a batch-by-batch result that is batch `batch`, as `--batch` gives it."""
    found = next((b for b in result.batches if b.id == batch), None)
    if found is None:
        whole = "what.whole_project"  # shown in the user's language
        raise UsageProblem("diff.other_batch", old=old or whole, new=new or whole)
    return result.model_copy(
        update={"rules": found.rules, "verdict": found.verdict, "batch": batch, "batches": ()}
    )


def _side(result: _Result, file: str) -> Side:
    return Side(
        file=file,
        project=result.project.id,
        as_of=result.as_of,
        verdict=result.verdict,
        what_if=bool(result.what_if),
    )


def _blocking(rules: Iterable[_Rule]) -> dict[tuple[str, str], Entry]:
    out: dict[tuple[str, str], Entry] = {}
    for rule in rules:
        if not rule.blocks:
            continue
        failing = [i for i in rule.items if i.status == "fail"]
        for item in failing:
            out[(rule.id, item.id)] = Entry(
                rule=rule.id,
                rule_title=rule.title,
                item=item.id,
                title=item.title,
                owner=item.owner_title,
                reason=item.reason,
                batches=item.batches,
            )
        if not failing:
            out[(rule.id, "")] = Entry(
                rule=rule.id, rule_title=rule.title, item="", title="", owner="", reason=rule.reason
            )
    return out


def _split(
    before: dict[tuple[str, str], Entry],
    after: dict[tuple[str, str], Entry],
    rules: Iterable[_Rule],
) -> tuple[tuple[Entry, ...], tuple[Entry, ...], tuple[Entry, ...]]:
    """(resolved, newly blocking, still blocking), each in rule and item order."""
    states = _states(rules)
    resolved = tuple(
        e.model_copy(update={"now": states.get(key, "passes")})
        for key, e in before.items()
        if key not in after
    )
    added = tuple(e for key, e in after.items() if key not in before)
    kept = tuple(e for key, e in after.items() if key in before)
    return resolved, added, kept


def _states(rules: Iterable[_Rule]) -> dict[tuple[str, str], Literal["waived", "warns"]]:
    """What a no-longer-blocking item is now: waived, or only a warning."""
    out: dict[tuple[str, str], Literal["waived", "warns"]] = {}
    for rule in rules:
        for item in rule.items:
            if item.status == "waived" or rule.status == "waived":
                out[(rule.id, item.id)] = "waived"
            elif item.status == "warn" or not rule.blocks:
                out[(rule.id, item.id)] = "warns"
        if rule.status == "waived":
            out[(rule.id, "")] = "waived"
    return out


def _waivers(old: Sequence[_Waiver], new: Sequence[_Waiver]) -> dict[str, tuple[WaiverChange, ...]]:
    before = {w.target: w for w in old}
    after = {w.target: w for w in new}

    def change(w: _Waiver, was: _Waiver | None = None) -> WaiverChange:
        return WaiverChange(
            target=w.target,
            approved_by=w.approved_by,
            expires=w.expires,
            reason=w.reason,
            was_expires=was.expires if was is not None else None,
        )

    expired = [
        change(w)
        for t, w in after.items()
        if w.state == "expired" and (t not in before or before[t].state != "expired")
    ]
    renewed = [
        change(w, before[t])
        for t, w in after.items()
        if t in before and w.expires > before[t].expires and w.state != "expired"
    ]
    return {
        "waivers_added": tuple(change(w) for t, w in after.items() if t not in before),
        "waivers_expired": tuple(expired),
        "waivers_renewed": tuple(renewed),
        "waivers_removed": tuple(change(w) for t, w in before.items() if t not in after),
    }


def _batches(old: _Result, new: _Result) -> tuple[BatchDiff, ...]:
    before = {b.id: b for b in old.batches}
    after = {b.id: b for b in new.batches}
    out = []
    for batch_id in [*after, *(b for b in before if b not in after)]:
        was, now = before.get(batch_id), after.get(batch_id)
        gone, added, kept = _split(
            _blocking(was.rules if was else ()),
            _blocking(now.rules if now else ()),
            now.rules if now else (),
        )
        out.append(
            BatchDiff(
                id=batch_id,
                old=was.verdict if was else None,
                new=now.verdict if now else None,
                newly_blocking=added,
                resolved=gone,
                still_blocking=len(kept),
            )
        )
    return tuple(out)


__all__ = ["SCHEMA", "BatchDiff", "Entry", "GateDiff", "WaiverChange", "compare", "compare_files"]
