"""Checks of a project file against the catalog: ids, levels, milestones and waivers.

They read the composed YAML data rather than the validated model, so that a project
with a schema error still gets every reference problem reported in the same run. Values
of the wrong type are left to the schema check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from typing import Any

from journey.catalog import Catalog
from journey.problems import Place, Problem, Severity
from journey.project_file import waiver_state
from journey.service.checks import action_refs
from journey.validation import path_text, suggest
from journey.yamlio import Document

SECTIONS = {"risks": "what.risk", "checks": "what.check_item", "tasks": "what.task"}
_EXTRA_REFS = {
    "category": "what.category",
    "stage": "what.stage",
    "owner": "what.profession",
    "level": "what.level",
    "contributors": "what.profession",
    "points": "what.point",
    "depends_on": "what.item",
}


def check_references(doc: Document, catalog: Catalog, as_of: dt.date) -> list[Problem]:
    """Every reference problem of `project.yaml`, errors and warnings."""
    data = doc.data
    extra_ids = [r["id"] for r in _dicts(data.get("extra_risks")) if isinstance(r.get("id"), str)]
    problems = [
        *_level_and_stage(doc, catalog),
        *_buildings(doc),
        *_extra_risks(doc, catalog),
        *_milestones(doc, catalog),
        *_waivers(doc, catalog, extra_ids, as_of),
        *action_refs(doc, catalog, extra_ids),
        *_gate_records(doc, catalog, as_of),
    ]
    for section in SECTIONS:
        problems += _section_ids(doc, catalog, section, extra_ids)
    return problems


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


def at(
    doc: Document,
    loc: tuple[str | int, ...],
    code: str,
    *,
    key: bool = False,
    severity: Severity = Severity.ERROR,
    **params: object,
) -> Problem:
    """A problem placed at a node of `project.yaml` (at its key with `key`)."""
    line, col = doc.locate(loc, key=key)
    return Problem(Place(doc.path, line, col), path_text(doc, loc), code, params, severity)


def _unknown(
    doc: Document, loc: tuple[str | int, ...], value: str, known: Collection[str], what: str
) -> list[Problem]:
    if value in known:  # a dict or set: constant time
        return []
    hint = suggest(value, known)
    return [at(doc, loc, "ref.unknown", what=what, value=value, suggestion=hint)]


def _level_and_stage(doc: Document, catalog: Catalog) -> list[Problem]:
    out: list[Problem] = []
    for name, known, what in (
        ("positioning", catalog.levels, "what.level"),
        ("stage", catalog.stages, "what.stage"),
    ):
        value = doc.data.get(name)
        if isinstance(value, str):
            out += _unknown(doc, (name,), value, known, what)
    return out


def _section_ids(
    doc: Document, catalog: Catalog, section: str, extra_ids: list[str]
) -> list[Problem]:
    entries = doc.data.get(section)
    if not isinstance(entries, dict):
        return []
    known: set[str] = {
        "risks": {*catalog.risks, *extra_ids},
        "checks": set(catalog.check_items),
        "tasks": set(catalog.tasks),
    }[section]
    out: list[Problem] = []
    for item_id in entries:
        if item_id in known:
            continue
        loc = (section, item_id)
        elsewhere = _section_of(catalog, item_id)
        if item_id in catalog.points:
            out.append(at(doc, loc, "project.point_here", key=True, value=item_id))
        elif elsewhere:
            what, home = elsewhere
            out.append(
                at(
                    doc,
                    loc,
                    "project.wrong_section",
                    key=True,
                    value=item_id,
                    what=what,
                    expected=SECTIONS[section],
                    section=home,
                )
            )
        else:
            hint = suggest(item_id, known)
            out.append(
                at(
                    doc,
                    loc,
                    "project.unknown_id",
                    key=True,
                    what=SECTIONS[section],
                    value=item_id,
                    suggestion=hint,
                )
            )
    return out


def _gate_records(doc: Document, catalog: Catalog, as_of: dt.date) -> list[Problem]:
    """Recorded gate verdicts: known gates and batches, dates not after the as-of day."""
    records = doc.data.get("gates")
    if not isinstance(records, dict):
        return []
    batches = [b.get("id") for b in _dicts(doc.data.get("batches"))]
    out: list[Problem] = []
    for gate_id, record in records.items():
        if not isinstance(gate_id, str):
            continue
        out += [
            at(doc, ("gates", gate_id), "ref.unknown", key=True, what="what.gate",
               value=gate_id, suggestion=suggest(gate_id, catalog.gates))
            for _ in [0] if gate_id not in catalog.gates
        ]  # fmt: skip
        if not isinstance(record, dict):
            continue
        out += _passed_date(doc, ("gates", gate_id), record, as_of)
        per_batch = record.get("batches")
        for batch_id, entry in per_batch.items() if isinstance(per_batch, dict) else ():
            loc = ("gates", gate_id, "batches", batch_id)
            if isinstance(batch_id, str) and batch_id not in batches:
                known = [b for b in batches if isinstance(b, str)]
                hint = suggest(batch_id, known)
                out.append(
                    at(doc, loc, "ref.unknown", key=True, what="what.batch", value=batch_id,
                       suggestion=hint)
                )  # fmt: skip
            if isinstance(entry, dict):
                out += _passed_date(doc, loc, entry, as_of)
    return out


def _passed_date(
    doc: Document, loc: tuple[str | int, ...], record: dict[str, Any], as_of: dt.date
) -> list[Problem]:
    """A gate cannot have been passed after the day it is looked at from: a warning (the
    project may be evaluated as of an earlier day on purpose), and the record is set aside."""
    day = record.get("passed")
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            return []  # the schema check names a bad date
    if isinstance(day, dt.date) and day > as_of:
        return [
            at(doc, (*loc, "passed"), "project.gate_passed_later", day=day.isoformat(),
               as_of=as_of.isoformat(), severity=Severity.WARNING)
        ]  # fmt: skip
    return []


def _section_of(catalog: Catalog, item_id: str) -> tuple[str, str] | None:
    """The kind of an item id and the project section its status belongs in."""
    if item_id in catalog.risks:
        return "what.risk", "risks"
    if item_id in catalog.check_items:
        return "what.check_item", "checks"
    if item_id in catalog.tasks:
        return "what.task", "tasks"
    return None


def _buildings(doc: Document) -> list[Problem]:
    buildings = doc.data.get("buildings")
    if not isinstance(buildings, list):
        return []
    first: dict[str, int] = {}
    out: list[Problem] = []
    for j, name in enumerate(buildings):
        if not isinstance(name, str):
            continue
        if name in first:
            line = doc.locate(("buildings", first[name]))[0]
            out.append(
                at(doc, ("buildings", j), "project.duplicate_building", value=name, first_line=line)
            )
        else:
            first[name] = j
    return out


def _extra_risks(doc: Document, catalog: Catalog) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[str, int] = {}
    extras = list(_dicts(doc.data.get("extra_risks")))
    ids = [r.get("id") for r in extras]
    known: dict[str, Collection[str]] = {
        "category": catalog.categories,
        "stage": catalog.stages,
        "owner": catalog.professions,
        "contributors": catalog.professions,
        "level": catalog.levels,
        "points": catalog.points,
        "depends_on": {*catalog.sources, *(i for i in ids if isinstance(i, str))},
    }
    for i, risk in enumerate(doc.data.get("extra_risks") or []):
        if not isinstance(risk, dict):
            continue
        out += _extra_id(doc, catalog, i, risk.get("id"), seen)
        for name, what in _EXTRA_REFS.items():
            value = risk.get(name)
            values = value if isinstance(value, list) else [value]
            for k, ref in enumerate(values):
                if isinstance(ref, str):
                    loc = (
                        ("extra_risks", i, name, k)
                        if isinstance(value, list)
                        else ("extra_risks", i, name)
                    )
                    if name == "depends_on" and ref == risk.get("id"):
                        out.append(at(doc, loc, "ref.self", value=ref))
                    else:
                        out += _unknown(doc, loc, ref, known[name], what)
    return out + _extra_cycles(doc)


def _extra_cycles(doc: Document) -> list[Problem]:
    """A cycle among the project's own risks (catalog items cannot depend on them, so
    no cycle passes through the catalog)."""
    from graphlib import CycleError, TopologicalSorter

    entries = [
        (i, r) for i, r in enumerate(doc.data.get("extra_risks") or []) if isinstance(r, dict)
    ]
    deps: dict[str, list[tuple[int, int, str]]] = {}
    for i, risk in entries:
        after = risk.get("depends_on")
        if isinstance(risk.get("id"), str) and isinstance(after, list):
            deps[risk["id"]] = [
                (i, k, d) for k, d in enumerate(after) if isinstance(d, str) and d != risk["id"]
            ]
    graph = {rid: [d for _, _, d in found if d in deps] for rid, found in deps.items()}
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as exc:
        ids = list(exc.args[1][:-1])  # [a, b, a]: each waits for the next
        ids.reverse()
        first, nxt = ids[0], ids[1 % len(ids)]
        i, k = next((i, k) for i, k, d in deps[first] if d == nxt)
        shown = " → ".join([*ids, ids[0]])
        return [at(doc, ("extra_risks", i, "depends_on", k), "graph.cycle", cycle=shown)]
    return []


def _extra_id(
    doc: Document, catalog: Catalog, i: int, risk_id: object, seen: dict[str, int]
) -> list[Problem]:
    if not isinstance(risk_id, str):
        return []
    loc = ("extra_risks", i, "id")
    if risk_id in catalog.sources:
        other = catalog.place(risk_id, "id").render()
        return [at(doc, loc, "project.extra_clash", value=risk_id, other=other)]
    if risk_id in seen:
        line = doc.locate(("extra_risks", seen[risk_id], "id"))[0]
        return [at(doc, loc, "project.extra_twice", value=risk_id, first_line=line)]
    seen[risk_id] = i
    return []


def _milestones(doc: Document, catalog: Catalog) -> list[Problem]:
    """Milestones that catalog tasks or gates need and the project lacks: a misspelt one
    is an error at its line; one simply missing is a warning (its tasks go unscheduled)."""
    raw = doc.data.get("milestones")
    have = [name for name in raw if isinstance(name, str)] if isinstance(raw, dict) else []
    tasks, gates = _milestone_users(doc, catalog)
    needed = set(tasks) | set(gates)
    spare = [name for name in have if name not in needed]
    out: list[Problem] = []
    for name in sorted(needed - set(have)):
        typo = suggest(name, spare)
        if typo:
            spare.remove(typo)
            out.append(
                at(
                    doc,
                    ("milestones", typo),
                    "project.unknown_milestone",
                    key=True,
                    value=typo,
                    expected=name,
                    suggestion=name,
                )
            )
            continue
        where = ("milestones",)
        warn = Severity.WARNING
        if name in tasks:
            shown = tasks[name][:3] + (["…"] if len(tasks[name]) > 3 else [])
            out.append(
                at(
                    doc,
                    where,
                    "project.milestone_for_tasks",
                    key=True,
                    severity=warn,
                    value=name,
                    count=len(tasks[name]),
                    tasks=shown,
                )
            )
        if name in gates:
            out.append(
                at(
                    doc,
                    where,
                    "project.milestone_for_gates",
                    key=True,
                    severity=warn,
                    value=name,
                    gates=gates[name],
                )
            )
    return out


def _milestone_users(
    doc: Document, catalog: Catalog
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The plan tasks (that apply at the project's level) and the gates due at its stage
    (journey.catalog.Catalog.gates_due) using each milestone."""
    level = doc.data.get("positioning")
    tasks: dict[str, list[str]] = {}
    for task in catalog.tasks.values():
        if not isinstance(level, str) or catalog.applies(task, level):
            tasks.setdefault(task.anchor, []).append(task.id)
    gates: dict[str, list[str]] = {}
    stage = doc.data.get("stage")
    for gate in catalog.gates_due(stage if isinstance(stage, str) else ""):
        for name in (gate.milestone, *(m for r in gate.rules for m in getattr(r, "order", ()))):
            if gate.id not in gates.get(name, []):
                gates.setdefault(name, []).append(gate.id)
    return tasks, gates


def _waivers(
    doc: Document, catalog: Catalog, extra_ids: list[str], as_of: dt.date
) -> list[Problem]:
    rules = [rule.id for gate in catalog.gates.values() for rule in gate.rules]
    targets = {*catalog.sources, *extra_ids, *rules}
    out: list[Problem] = []
    for i, waiver in enumerate(doc.data.get("waivers") or []):
        if not isinstance(waiver, dict):
            continue
        target = waiver.get("target")
        if isinstance(target, str) and target not in targets:
            hint = suggest(target, targets)
            out.append(
                at(
                    doc,
                    ("waivers", i, "target"),
                    "waiver.unknown_target",
                    value=target,
                    suggestion=hint,
                )
            )
        out += _expiry(doc, i, str(target), waiver.get("expires"), as_of)
    return out


def _expiry(doc: Document, i: int, target: str, expires: object, as_of: dt.date) -> list[Problem]:
    try:
        day = dt.date.fromisoformat(expires) if isinstance(expires, str) else None
    except ValueError:
        day = None  # the schema check reports it
    if day is None:
        return []
    loc = ("waivers", i, "expires")
    state = waiver_state(day, as_of)
    params: dict[str, Any] = {"target": target, "expires": day.isoformat()}
    if state == "expired":
        code = "waiver.expired"
    elif state == "expiring":
        code, params["days"] = "waiver.expiring", (day - as_of).days
    else:
        return []
    return [at(doc, loc, code, severity=Severity.WARNING, **params)]
