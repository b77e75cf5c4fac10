"""A small catalog with the after-delivery kinds, and projects with registers, for the tests
of journey.service, its gate rules and the service report."""

from __future__ import annotations

import copy
import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from helpers import MINIMAL, write_tree

from journey.catalog import Catalog, load_catalog
from journey.project import Project, load_project

AS_OF = dt.date(2026, 11, 1)

REPAIR_HEADER = ["id", "category", "building", "unit", "reported", "responded", "onsite",
                 "fixed", "verified", "status", "repeat_of", "investigated", "responsible",
                 "note"]  # fmt: skip
COMPLAINT_HEADER = ["id", "received", "channel", "households", "topic", "level",
                    "escalated_to", "responded", "closed", "compensation", "evidence",
                    "status"]  # fmt: skip
SURVEY_HEADER = ["unit", "stage", "dimension", "expected", "perceived"]


def _cat(cid: str, zh: str, respond: str, onsite: str, fix: str, **more: Any) -> dict[str, Any]:
    return {
        "id": cid,
        "title": {"en": cid.title(), "zh": zh},
        "respond_hours": respond,
        "onsite_hours": onsite,
        "fix_days": fix,
        "owner": more.pop("owner", "engineering"),
        **more,
    }


def _level(lid: str, zh: str, respond: str, close: str, **more: Any) -> dict[str, Any]:
    return {
        "id": lid,
        "title": {"en": lid.title(), "zh": zh},
        "handler": "customer-relations",
        "respond_hours": respond,
        "close_days": close,
        **more,
    }


def _dim(did: str, zh: str, owner: str, target: str) -> dict[str, Any]:
    return {"id": did, "title": {"en": did.title(), "zh": zh}, "owner": owner, "target": target}


CATALOG: dict[str, Any] = copy.deepcopy(MINIMAL)
CATALOG["stages.yaml"]["stages"].append(
    {"id": "after-delivery", "title": {"en": "After delivery", "zh": "交付后"}}
)
CATALOG["professions.yaml"]["professions"] += [
    {"id": "property", "title": {"en": "Property", "zh": "物业"}},
    {"id": "public-relations", "title": {"en": "Public relations", "zh": "品牌公关"}},
    {"id": "legal", "title": {"en": "Legal", "zh": "法务"}},
]
CATALOG["service/levels.yaml"] = {
    "kind": "service-levels",
    "categories": [
        _cat("leakage", "渗漏", "2", "4", "7", urgent="true", points=["SP-ENG-001"]),
        _cat("crack", "结构裂缝", "2", "24", "30", investigation="true"),
        _cat("doors", "门窗", "2", "24", "5", owner="property"),
    ],
}
CATALOG["service/complaints.yaml"] = {
    "kind": "complaint-levels",
    "levels": [
        _level("general", "一般投诉", "2", "7"),
        _level("major", "重要投诉", "1", "15"),
        _level("serious", "重大投诉", "1", "30", points=["SP-ENG-001"]),
        _level("crisis", "重大危机事件", "0.5", "60", contributors=["public-relations", "legal"]),
    ],
    "triggers": [
        {"households": "5", "level": "serious"},
        {"households": "30", "level": "crisis"},
        {
            "channels": ["weibo", "douyin", "media"],
            "level": "serious",
            "contributors": ["public-relations"],
        },
        {"compensation": "true", "level": "major", "evidence": "true", "contributors": ["legal"]},
    ],
}
CATALOG["service/satisfaction.yaml"] = {
    "kind": "satisfaction",
    "dimensions": [
        _dim("repair", "工程维修", "customer-relations", "0.9"),
        _dim("quality", "房屋质量", "engineering", "0.9"),
        _dim("property", "物业服务", "property", "0.85"),
    ],
    "stages": [
        {"id": "prospective", "title": {"en": "Prospective", "zh": "准业主"}, "to_month": "0"},
        {
            "id": "run-in",
            "title": {"en": "Run-in", "zh": "磨合期"},
            "from_month": "0",
            "to_month": "12",
        },
        {
            "id": "stable",
            "title": {"en": "Stable", "zh": "稳定期"},
            "from_month": "12",
            "to_month": "36",
        },
        {"id": "mature", "title": {"en": "Mature", "zh": "老业主"}, "from_month": "36"},
    ],
}


def _gate(gid: str, *rules: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": gid,
        "title": {"en": f"Gate {gid}", "zh": f"{gid} 准入"},
        "stage": "after-delivery",
        "milestone": "warranty_review",
        "rules": list(rules),
    }


CATALOG["gates.yaml"] = {
    "kind": "gates",
    "gates": [
        _gate("repairs", {"id": "repairs", "rule": "repairs-on-time", "max_repeat": "0.5"}),
        _gate("complaints", {"id": "complaints", "rule": "complaints-handled"}),
        _gate("satisfaction", {"id": "satisfaction", "rule": "satisfaction-acted"}),
    ],
}


def catalog(tmp_path: Path, **changes: Any) -> Catalog:
    """The catalog above (with `changes`: file name -> content) loaded from `tmp_path`."""
    tree = copy.deepcopy(CATALOG)
    tree.update(changes)
    return load_catalog(write_tree(tmp_path / "catalog", tree))


def table(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Write a CSV register; its name relative to the project folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path.name


def repair(
    rid: str,
    category: str = "doors",
    reported: str = "2026-10-01 09:00",
    responded: str = "2026-10-01 10:00",
    onsite: str = "2026-10-01 15:00",
    fixed: str = "2026-10-03",
    status: str = "verified",
    **more: str,
) -> list[str]:
    """One repair row, on time by default."""
    row = {
        "id": rid, "category": category, "building": "T1", "unit": "1201",
        "reported": reported, "responded": responded, "onsite": onsite, "fixed": fixed,
        "verified": "", "status": status, "repeat_of": "", "investigated": "",
        "responsible": "宏建", "note": "", **more,
    }  # fmt: skip
    return [row[name] for name in REPAIR_HEADER]


def complaint(
    cid: str,
    channel: str = "phone",
    households: str = "1",
    level: str = "general",
    status: str = "closed",
    **more: str,
) -> list[str]:
    """One complaint row, handled in time by default."""
    row = {
        "id": cid, "received": "2026-10-01 09:00", "channel": channel, "households": households,
        "topic": "", "level": level, "escalated_to": "", "responded": "2026-10-01 10:00",
        "closed": "2026-10-05" if status == "closed" else "", "compensation": "",
        "evidence": "", "status": status, **more,
    }  # fmt: skip
    return [row[name] for name in COMPLAINT_HEADER]


def project(
    tmp_path: Path,
    *,
    repairs: Sequence[Sequence[str]] | None = None,
    complaints: Sequence[Sequence[str]] | None = None,
    surveys: Sequence[Sequence[str]] | None = None,
    actions: Sequence[dict[str, str]] = (),
    listed: dict[str, list[str]] | None = None,
    as_of: dt.date = AS_OF,
    cat: Catalog | None = None,
    **fields: Any,
) -> Project:
    """A project with the given registers (CSV) and actions, loaded against the catalog;
    `listed` lists register files as they are (`{"repairs": ["a.xlsx"]}`)."""
    folder = tmp_path / "project"
    data: dict[str, Any] = {
        "kind": "project",
        "id": "harbour-view-1",
        "name": {"en": "Harbour View Phase 1", "zh": "海景一期"},
        "positioning": "process",
        "buildings": ["T1", "T2"],
        "milestones": {"delivery": "2025-10-30", "warranty_review": "2026-11-15"},
        "stage": "after-delivery",
    }
    for name, header, rows in (
        ("repairs", REPAIR_HEADER, repairs),
        ("complaints", COMPLAINT_HEADER, complaints),
        ("surveys", SURVEY_HEADER, surveys),
    ):
        if rows is not None:
            data[name] = [table(folder / f"{name}.csv", header, rows)]
    data.update(listed or {})
    if actions:
        data["actions"] = list(actions)
    data.update(fields)
    write_tree(folder, {"project.yaml": data})
    return load_project(folder, cat or catalog(tmp_path), as_of)
