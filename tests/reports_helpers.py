"""A small catalog and project for the report tests, written to a temporary folder."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from helpers import MINIMAL, write_tree

from journey.catalog import load_catalog
from journey.project import Project, load_project

AS_OF = dt.date(2026, 10, 20)


def _item(item_id: str, title: str, **extra: Any) -> dict[str, Any]:
    base = {
        "id": item_id,
        "title": {"en": title, "zh": f"{title}（中）"},
        "area": {"en": "Lobby", "zh": "大堂"},
        "method": "Walk",
        "criterion": "Complete",
        "owner": "engineering",
        "blocking": "true",
        "level": "process",
    }
    base.update(extra)
    return base


def _task(task_id: str, title: str, anchor: str, offset: int, days: int, **extra: Any) -> Any:
    base = {
        "id": task_id,
        "title": {"en": title, "zh": f"{title}（中）"},
        "owner": "customer-relations",
        "anchor": anchor,
        "offset_days": str(offset),
        "duration_days": str(days),
        "level": "process",
    }
    base.update(extra)
    return base


def catalog_tree() -> dict[str, Any]:
    """MINIMAL plus delivery risks, two checklists, a plan and the gates."""
    tree = copy.deepcopy(MINIMAL)
    tree["risks/delivery.yaml"] = {
        "kind": "risks",
        "phase": "delivery",
        "categories": [{"id": "quality", "title": {"en": "Quality", "zh": "质量"}}],
        "risks": [
            {
                "id": f"RD-{n:03d}",
                "category": "quality",
                "title": {"en": f"Delivery risk {n}", "zh": f"交付风险{n}"},
                "stage": "delivery",
                "owner": "engineering",
                "likelihood": str(l_),
                "impact": str(i_),
                "controls": [{"en": "Inspect", "zh": "检查"}],
                "level": "process",
            }
            for n, (l_, i_) in enumerate([(4, 5), (4, 5), (2, 2), (5, 1), (1, 1)], start=1)
        ],
    }
    tree["risks/delivery.yaml"]["risks"][0]["points"] = ["SP-ENG-001"]
    tree["open-day.yaml"] = {
        "kind": "checklist",
        "id": "open-day",
        "title": "Open day",
        "stage": "delivery",
        "phase": "open-day",
        "items": [
            _item("OD-001", "Safe access", public_area="true"),
            _item("OD-002", "Lift hall power", public_area="true"),
            _item("OD-003", "Visitor log", blocking="false", owner="customer-relations"),
            _item("OD-004", "Escorts ready", owner="customer-relations"),
        ],
    }
    tree["acceptance/civil.yaml"] = {
        "kind": "checklist",
        "id": "acceptance-civil",
        "title": {"en": "Acceptance: civil", "zh": "模拟验收：土建"},
        "stage": "delivery",
        "phase": "civil",
        "items": [
            _item("AC-CIV-001", "Hollowing", public_area="false"),
            _item("AC-CIV-002", "Cracks"),
            _item("AC-CIV-003", "Corridor finish", public_area="true"),
        ],
    }
    tree["plan.yaml"] = {
        "kind": "plan",
        "id": "delivery-preparation",
        "title": "Delivery preparation",
        "tasks": [
            _task(
                "DP-001", "Key-customer list", "delivery", -120, 21, category="customer-preparation"
            ),
            _task("DP-002", "Acceptance round 1", "delivery", -100, 10, category="acceptance"),
            _task("DP-003", "Rectify round 1", "delivery", -95, 30, depends_on=["DP-002"]),
            _task("DP-004", "Emergency plans", "delivery", -30, 10, category="emergency"),
            _task("DP-005", "Open-day rehearsal", "open_day", -3, 2),
            _task("DP-006", "Delivery day site", "delivery", -5, 5, depends_on=["DP-003"]),
            _task("DP-007", "Comprehensive only", "delivery", -5, 5, level="comprehensive"),
        ],
    }
    tree["gates.yaml"] = {
        "kind": "gates",
        "gates": [
            {
                "id": "open-day",
                "title": {"en": "Ready to open the site", "zh": "工地开放日准入"},
                "stage": "delivery",
                "milestone": "open_day",
                "rules": [
                    {
                        "id": "open-day-prerequisites",
                        "rule": "checklist-passed",
                        "title": {
                            "en": "Every blocking prerequisite passes",
                            "zh": "前置条件否决项全部通过",
                        },
                        "checklists": ["open-day"],
                    },
                ],
            },
        ],
    }
    return tree


PROJECT: dict[str, Any] = {
    "kind": "project",
    "id": "harbour-test",
    "name": {"en": "Harbour Test", "zh": "海景测试"},
    "positioning": "whole-process",
    "buildings": ["T1", "T2"],
    "milestones": {"open_day": "2026-10-24", "delivery": "2026-12-26"},
    "stage": "delivery",
    "risks": {
        "RD-001": {"status": "mitigating", "assignee": "Li Wei", "due": "2026-10-01"},
        "RD-003": {"status": "closed", "likelihood": "3", "impact": "4"},
    },
    "checks": {
        "OD-001": "pass",
        "OD-002": {"status": "fail", "note": "1F lift hall power not yet energised"},
        "AC-CIV-001": "pass",
        "AC-CIV-002": "fail",
    },
    "tasks": {"DP-001": "done", "DP-002": "done"},
    "findings": ["findings.csv"],
    "waivers": [
        {
            "target": "RD-002",
            "reason": "accepted by design review",
            "approved_by": "Zhang Min",
            "expires": "2026-12-31",
        }
    ],
}

FINDINGS = """id,item,building,unit,room,status,found,due,closed,contractor,note
F1,AC-CIV-001,T1,101,kitchen,verified,2026-09-01,2026-09-10,2026-09-09,BuildCo,
F2,AC-CIV-001,T1,102,bath,open,2026-09-01,2026-09-10,,BuildCo,
F3,AC-CIV-002,T1,103,bath,verified,2026-10-15,,2026-10-16,BuildCo,
F4,AC-CIV-003,T2,,lobby,open,2026-10-18,,,PaintCo,
F5,AC-CIV-003,T2,,corridor,rectified,2026-10-01,,,PaintCo,
F6,AC-CIV-002,T2,201,bed,verified,2026-10-01,,2026-10-05,BuildCo,
F7,AC-CIV-002,T2,202,bed,verified,2026-10-01,,2026-10-05,BuildCo,
"""


def make_project(
    root: Path,
    catalog: dict[str, Any] | None = None,
    project: dict[str, Any] | None = None,
    findings: str = FINDINGS,
) -> Project:
    """Write a catalog and a project under `root` and load them."""
    write_tree(root / "catalog", catalog or catalog_tree())
    write_tree(root / "proj", {"project.yaml": project or PROJECT, "findings.csv": findings})
    return load_project(root / "proj", load_catalog(root / "catalog"), AS_OF)
