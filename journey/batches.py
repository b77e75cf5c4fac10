"""Handing over in batches (分批开放 / 分批交付, SPEC §12): the view of one batch, and the
checks that keep `batches:` and per-building results sound.

A batch is some of the project's buildings with milestones of their own. Seen from a
batch, the project has the batch's milestones (over its own), the findings of the
batch's buildings only, and each check's results in those buildings only; every gate
rule then works unchanged on that view.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from journey._project_refs import at
from journey.errors import UsageProblem
from journey.problems import Problem
from journey.validation import suggest

if TYPE_CHECKING:
    from journey.project import Project
    from journey.yamlio import Document


def batch_view(project: Project, batch_id: str) -> Project:
    """The project as batch `batch_id` sees it (UsageProblem for an unknown batch)."""
    batches = {b.id: b for b in project.file.batches}
    if not batches:
        raise UsageProblem("batch.none")
    batch = batches.get(batch_id)
    if batch is None:
        raise UsageProblem(
            "batch.unknown",
            value=batch_id,
            choices=", ".join(batches),
            suggestion=suggest(batch_id, batches),
        )
    milestones = {**project.file.milestones, **batch.milestones}
    return replace(
        project,
        file=project.file.model_copy(update={"milestones": milestones}),
        findings=project.findings.only(batch.buildings),
        batch=batch,
        whole=project,
    )


def check_batches(doc: Document) -> list[Problem]:
    """Every building in exactly one batch, batch ids unique, batch milestones known to
    the project, per-building check results only for listed buildings."""
    data = doc.data
    buildings = [b for b in data.get("buildings") or [] if isinstance(b, str)]
    milestones = data.get("milestones")
    known = [m for m in milestones if isinstance(m, str)] if isinstance(milestones, dict) else []
    out: list[Problem] = []
    batches = data.get("batches")
    if isinstance(batches, list) and batches:
        out += _batches(doc, batches, buildings, known)
    out += _per_building(doc, buildings)
    return out


def _batches(
    doc: Document, batches: list[Any], buildings: list[str], milestones: list[str]
) -> list[Problem]:
    out: list[Problem] = []
    ids: dict[str, int] = {}
    owner: dict[str, str] = {}
    for i, batch in enumerate(batches):
        if not isinstance(batch, dict):
            continue
        batch_id = batch.get("id")
        if isinstance(batch_id, str):
            if batch_id in ids:
                first = doc.locate(("batches", ids[batch_id], "id"))[0]
                out.append(
                    at(doc, ("batches", i, "id"), "batch.twice", value=batch_id, first_line=first)
                )
            ids.setdefault(batch_id, i)
        out += _batch_buildings(doc, i, batch, buildings, owner, str(batch_id))
        for name in batch.get("milestones") or {}:
            if isinstance(name, str) and name not in milestones:
                out.append(
                    at(doc, ("batches", i, "milestones", name), "batch.milestone_unknown", key=True,
                       value=name, known=", ".join(milestones) or "-",
                       suggestion=suggest(name, milestones))
                )  # fmt: skip
    missing = [b for b in buildings if b not in owner]
    if missing:
        out.append(
            at(
                doc,
                ("batches",),
                "batch.building_none",
                value=", ".join(missing),
                count=len(missing),
            )
        )
    return out


def _batch_buildings(
    doc: Document,
    i: int,
    batch: dict[str, Any],
    buildings: list[str],
    owner: dict[str, str],
    batch_id: str,
) -> list[Problem]:
    out: list[Problem] = []
    names = batch.get("buildings")
    for j, name in enumerate(names if isinstance(names, list) else []):
        if not isinstance(name, str):
            continue
        loc = ("batches", i, "buildings", j)
        if buildings and name not in buildings:
            out.append(
                at(
                    doc,
                    loc,
                    "batch.building_unknown",
                    value=name,
                    suggestion=suggest(name, buildings),
                )
            )
        elif name in owner:
            out.append(at(doc, loc, "batch.building_twice", value=name, other=owner[name]))
        else:
            owner[name] = batch_id
    return out


def _per_building(doc: Document, buildings: list[str]) -> list[Problem]:
    checks = doc.data.get("checks")
    out: list[Problem] = []
    for item_id, state in checks.items() if isinstance(checks, dict) else []:
        results = state.get("buildings") if isinstance(state, dict) else None
        for name in results if isinstance(results, dict) else {}:
            if isinstance(name, str) and name not in buildings:
                loc = ("checks", item_id, "buildings", name)
                out.append(
                    at(
                        doc,
                        loc,
                        "batch.check_building",
                        key=True,
                        value=name,
                        suggestion=suggest(name, buildings),
                    )
                )
    return out
