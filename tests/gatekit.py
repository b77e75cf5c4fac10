"""A small catalog with a gate per rule type, and projects built against it, for gate tests."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from helpers import MINIMAL, write_tree

from journey.catalog import Catalog, load_catalog
from journey.gates import GateResult, evaluate
from journey.project import Project, load_project

AS_OF = dt.date(2026, 11, 1)


def _risk(
    rid: str, stage: str, owner: str, likelihood: int, impact: int, level: str, **more: Any
) -> dict[str, Any]:
    return {
        "id": rid,
        "category": "quality" if rid.startswith("RD") else "sales-brochure",
        "title": {"en": f"Risk {rid}", "zh": f"风险 {rid}"},
        "stage": stage,
        "owner": owner,
        "likelihood": str(likelihood),
        "impact": str(impact),
        "controls": ["Review"],
        "level": level,
        **more,
    }


def _check(cid: str, blocking: bool, level: str = "process", **more: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "title": {"en": f"Check {cid}", "zh": f"检查 {cid}"},
        "area": "Lobby",
        "method": "Look",
        "criterion": "Clean",
        "owner": more.pop("owner", "engineering"),
        "blocking": "true" if blocking else "false",
        "level": level,
        **more,
    }


def _task(tid: str, anchor: str, offset: int, days: int, **more: Any) -> dict[str, Any]:
    return {
        "id": tid,
        "title": {"en": f"Task {tid}", "zh": f"任务 {tid}"},
        "owner": "customer-relations",
        "anchor": anchor,
        "offset_days": str(offset),
        "duration_days": str(days),
        "level": more.pop("level", "process"),
        **more,
    }


def _gate(gid: str, milestone: str, *rules: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": gid,
        "title": {"en": f"Gate {gid}", "zh": f"{gid} 准入"},
        "stage": "delivery",
        "milestone": milestone,
        "rules": list(rules),
    }


CATALOG: dict[str, Any] = copy.deepcopy(MINIMAL)
CATALOG["points.yaml"]["points"].append(
    {
        "id": "SP-ENG-002",
        "kind": "risk",
        "title": "Lift entrapment",
        "stage": "delivery",
        "owner": "engineering",
        "level": "whole-process",
        "red_line": "true",
    }
)
CATALOG["risks/sales.yaml"]["risks"] += [
    _risk("RS-002", "sales", "marketing", 1, 1, "process"),
    _risk("RS-003", "sales", "design", 4, 4, "whole-process"),
]
CATALOG["risks/delivery.yaml"] = {
    "kind": "risks",
    "phase": "delivery",
    "categories": [{"id": "quality", "title": "Quality"}],
    "risks": [
        _risk("RD-001", "delivery", "engineering", 4, 5, "process"),
        _risk("RD-002", "delivery", "engineering", 2, 3, "process", points=["SP-ENG-001"]),
        _risk("RD-003", "delivery", "engineering", 5, 5, "whole-process", points=["SP-ENG-002"]),
    ],
}
CATALOG["open-day.yaml"] = {
    "kind": "checklist",
    "id": "open-day",
    "title": "Open day",
    "stage": "delivery",
    "items": [
        _check("OD-001", True),
        _check("OD-002", True),
        _check("OD-003", False),
        _check("OD-004", True, "whole-process"),
        _check("OD-005", True, points=["SP-ENG-001"], owner="customer-relations"),
    ],
}
CATALOG["civil.yaml"] = {
    "kind": "checklist",
    "id": "acceptance-civil",
    "title": "Civil",
    "stage": "delivery",
    "items": [
        _check("AC-CIV-001", True),
        _check("AC-CIV-002", False),
        _check("AC-CIV-003", True, points=["SP-ENG-001"]),
    ],
}
CATALOG["plan.yaml"] = {
    "kind": "plan",
    "id": "delivery-preparation",
    "title": "Delivery preparation",
    "tasks": [
        _task("DP-001", "delivery", -30, 5),
        _task("DP-002", "delivery", -10, 3, depends_on=["DP-001"]),
        _task("DP-003", "delivery", 5, 2),
        _task("DP-004", "handover_party", -1, 1),
        _task("DP-005", "delivery", -20, 1, level="comprehensive"),
        _task("DP-006", "delivery", -3, 1, depends_on=["DP-007"]),
        _task("DP-007", "delivery", -5, 6),
    ],
}
CATALOG["gates.yaml"] = {
    "kind": "gates",
    "gates": [
        _gate(
            "sales",
            "sales_launch",
            {
                "id": "sales-risks",
                "rule": "risks-controlled",
                "phase": "sales",
                "min_rating": "medium",
            },
        ),
        _gate(
            "delivery-risks",
            "delivery",
            {"id": "delivery-risks", "rule": "risks-controlled", "phase": "delivery"},
        ),
        _gate(
            "open-day",
            "open_day",
            {"id": "open-day-checks", "rule": "checklist-passed", "checklists": ["open-day"]},
        ),
        _gate(
            "findings",
            "delivery",
            {
                "id": "findings-closed",
                "rule": "findings-closed",
                "min_ratio": "0.75",
                "max_age_days": "30",
                "checklists": ["acceptance-civil"],
            },
        ),
        _gate("tasks", "delivery", {"id": "tasks-done", "rule": "tasks-done"}),
        _gate("tasks-late", "handover", {"id": "tasks-done-late", "rule": "tasks-done"}),
        _gate(
            "red-lines",
            "delivery",
            {"id": "red-lines", "rule": "red-lines-clear"},
        ),
        _gate(
            "red-lines-sales",
            "sales_launch",
            {"id": "red-lines-sales", "rule": "red-lines-clear", "through_stage": "sales"},
        ),
        _gate(
            "red-lines-strict",
            "delivery",
            {
                "id": "red-lines-strict",
                "rule": "red-lines-clear",
                "severity": "critical",
                "waivable": "false",
            },
        ),
        _gate(
            "order",
            "delivery",
            {
                "id": "open-day-early",
                "rule": "milestone-order",
                "order": ["open_day", "delivery"],
                "min_days": "30",
            },
        ),
        _gate(
            "delivery",
            "delivery",
            {"id": "d-risks", "rule": "risks-controlled", "phase": "delivery"},
            {
                "id": "d-checks",
                "rule": "checklist-passed",
                "checklists": ["acceptance-civil"],
                "severity": "medium",
            },
            {"id": "d-order", "rule": "milestone-order", "order": ["open_day", "delivery"]},
        ),
    ],
}

HEADER = "id,item,building,unit,room,status,found,due,closed,contractor,note\n"


def catalog(tmp_path: Path) -> Catalog:
    """The test catalog, written under `tmp_path/catalog` and loaded."""
    return load_catalog(write_tree(tmp_path / "catalog", CATALOG))


def project_data(**fields: Any) -> dict[str, Any]:
    """A valid project.yaml as a dict; keyword arguments replace or add top-level keys."""
    data: dict[str, Any] = {
        "kind": "project",
        "id": "test-project",
        "name": {"en": "Test Project", "zh": "测试项目"},
        "positioning": "process",
        "buildings": ["T1", "T2", "T3"],
        "milestones": {
            "sales_launch": "2026-03-01",
            "open_day": "2026-09-15",
            "delivery": "2026-11-20",
        },
        "stage": "delivery",
    }
    data.update(fields)
    return data


def write_project(folder: Path, *, findings: str | None = None, **fields: Any) -> Path:
    """Write project.yaml (and findings/f.csv when `findings` rows are given)."""
    tree: dict[str, Any] = {}
    if findings is not None:
        tree["findings/f.csv"] = HEADER + findings
        fields.setdefault("findings", ["findings/f.csv"])
    tree["project.yaml"] = project_data(**fields)
    return write_tree(folder, tree)


def project(
    tmp_path: Path, *, as_of: dt.date = AS_OF, findings: str | None = None, **fields: Any
) -> Project:
    """Build and load a project against the test catalog."""
    folder = write_project(tmp_path / "project", findings=findings, **fields)
    return load_project(folder, catalog(tmp_path), as_of)


# A gate of four rules over four owners' items, for "what is mine" (journey.worklist).
MINE = {
    "id": "mine",
    "title": "Mine",
    "stage": "delivery",
    "milestone": "delivery",
    "rules": [
        {"id": "risks", "rule": "risks-controlled", "phase": "delivery"},
        {"id": "checks", "rule": "checklist-passed", "checklists": ["open-day"]},
        {"id": "tasks", "rule": "tasks-done"},
        {"id": "red-lines", "rule": "red-lines-clear"},
    ],
}


def mine(tmp_path: Path, risks: dict[str, Any]) -> GateResult:
    """Gate `mine` evaluated on a project with `risks`: OD-005 fails (note "wet"), DP-001
    is not done and RS-001 is closed, so four owners' items fail across the four rules."""
    tree = copy.deepcopy(CATALOG)
    tree["gates.yaml"]["gates"].append(MINE)
    cat = load_catalog(write_tree(tmp_path / "catalog", tree))
    folder = write_project(
        tmp_path / "project",
        risks={**risks, "RS-001": "closed"},
        checks={"OD-001": "pass", "OD-002": "pass", "OD-005": {"status": "fail", "note": "wet"}},
        tasks={"DP-002": "done"},
    )
    return evaluate("mine", load_project(folder, cat, AS_OF))
