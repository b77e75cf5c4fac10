"""The numbers a project is judged by and assessment scores (SPEC §12), hand-computed."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from gatekit import AS_OF, CATALOG, write_project
from helpers import write_tree

from journey.catalog import Catalog, load_catalog
from journey.errors import InvalidInput
from journey.gates import evaluate
from journey.messages import render_problem
from journey.numbers import Numbers, all_numbers, percentile
from journey.output import render
from journey.project import Project, load_project

HEADER = "id,item,building,unit,room,status,found,due,closed,contractor,note,severity\n"
ROWS = (
    "F-1,AC-CIV-001,T1,101,,verified,2026-10-01,,2026-10-05,Acme,,major\n"  # 4 days
    "F-2,AC-CIV-001,T1,101,,verified,2026-10-01,,2026-10-11,Acme,,\n"  # 10 days
    "F-3,AC-CIV-002,T1,102,,reopened,2026-10-10,2026-10-20,,Acme,,\n"  # overdue
    "F-4,AC-CIV-003,T1,103,,open,2026-10-20,2026-11-10,,Acme,,\n"
    "F-5,AC-CIV-002,T1,,,verified,2026-10-02,,,Acme,,\n"  # public area, no closed date
    "F-6,AC-CIV-001,T2,201,,verified,2026-10-01,,2026-10-31,Bolt,,\n"  # 30 days
    "F-7,AC-CIV-001,T2,202,,open,2026-10-25,,,Bolt,,critical\n"
    "F-8,AC-CIV-001,T2,202,,open,2026-10-26,,,Bolt,,critical\n"
)
SCORING = {
    "kind": "scoring",
    "id": "third-party",
    "title": "Third-party assessment",
    "description": "Deduction scoring for the tests",
    "cap_per_unit": "10",
    "pass_score": "97",
    "deductions": [
        {"checklist": "acceptance-civil", "minor": "1", "major": "3", "critical": "8"},
        {"item": "AC-CIV-003", "minor": "5"},
    ],
}


def make(
    tmp_path: Path,
    *,
    scoring: bool = True,
    rows: str = ROWS,
    files: dict[str, str] | None = None,
    **fields: Any,
) -> Project:
    tree = copy.deepcopy(CATALOG)
    if scoring:
        tree["scoring.yaml"] = SCORING
    catalog = load_catalog(write_tree(tmp_path / "catalog", tree))
    folder = write_project(tmp_path / "p", **fields)
    write_tree(folder, {"findings/f.csv": HEADER + rows, **(files or {})})
    data = (folder / "project.yaml").read_text(encoding="utf-8")
    (folder / "project.yaml").write_text(data + "findings: [findings/f.csv]\n", encoding="utf-8")
    return load_project(folder, catalog, AS_OF)


def test_numbers_per_building_and_project(tmp_path: Path) -> None:
    numbers = all_numbers(make(tmp_path))
    t1, t2, t3 = (numbers.buildings[b] for b in ("T1", "T2", "T3"))
    assert t1 == Numbers(
        findings=5, homes_inspected=3, findings_per_home=5 / 3, rectification_rate=0.6,
        reopened_share=0.2, days_to_close_mean=7.0, days_to_close_p90=10, overdue_share=0.2,
        score=(96 + 99 + 95) / 3,
    )  # fmt: skip
    assert t2 == Numbers(
        findings=3, homes_inspected=2, findings_per_home=1.5, rectification_rate=1 / 3,
        reopened_share=0.0, days_to_close_mean=30.0, days_to_close_p90=30, overdue_share=0.0,
        score=(99 + 90) / 2,  # 202: two critical findings, 16 points, capped at 10
    )  # fmt: skip
    assert t3 == Numbers(
        findings=0, homes_inspected=0, findings_per_home=None, rectification_rate=None,
        reopened_share=None, days_to_close_mean=None, days_to_close_p90=None, overdue_share=None,
        score=None,
    )  # fmt: skip
    assert numbers.project == Numbers(
        findings=8, homes_inspected=5, findings_per_home=1.6, rectification_rate=0.5,
        reopened_share=0.125, days_to_close_mean=44 / 3, days_to_close_p90=30,
        overdue_share=0.125, score=(96 + 99 + 95 + 99 + 90) / 5,
    )  # fmt: skip


def test_without_scoring_there_is_no_score(tmp_path: Path) -> None:
    assert all_numbers(make(tmp_path, scoring=False)).project.score is None


def test_the_register_says_which_homes_were_inspected(tmp_path: Path) -> None:
    register = (
        "building,unit,floor,area,type,tags,inspected\n"
        "T1,101,1,89.5,三房,key,2026-09-30\n"
        "T1,102,1,89.5,三房,,2026-09-30\n"
        "T1,103,1,120,四房,,\n"
        "T1,104,1,120,四房,elderly;媒体,2026-09-30\n"
        "T3,301,3,89.5,三房,,2026-10-02\n"
    )
    project = make(tmp_path, units="units.csv", files={"units.csv": register})
    numbers = all_numbers(project)
    assert numbers.buildings["T1"].homes_inspected == 3  # 101, 102, 104 (103 not walked)
    assert numbers.buildings["T1"].score == pytest.approx((96 + 99 + 100) / 3)
    assert (numbers.buildings["T3"].findings_per_home, numbers.buildings["T3"].score) == (
        0.0,
        100.0,
    )
    assert project.units is not None
    assert [(h.unit, h.tags) for h in project.units.tagged()] == [
        ("101", ("key",)),
        ("104", ("elderly", "media")),
    ]


def test_all_verified_and_no_closed_dates(tmp_path: Path) -> None:
    rows = "F-1,AC-CIV-001,T1,101,,verified,2026-10-01,,,,,\nF-2,AC-CIV-001,T1,102,,verified,2026-10-01,,,,,\n"
    t1 = all_numbers(make(tmp_path, rows=rows)).buildings["T1"]
    assert (t1.rectification_rate, t1.days_to_close_mean, t1.days_to_close_p90) == (1.0, None, None)
    assert t1.overdue_share == 0.0


def test_the_90th_percentile_by_nearest_rank() -> None:
    assert percentile({}, 0.9) is None
    assert percentile({5: 1}, 0.9) == 5
    assert percentile({1: 9, 100: 1}, 0.9) == 1  # 9 of 10 closed within a day
    assert percentile({1: 8, 100: 2}, 0.9) == 100


# Scoring file and number rules -----------------------------------------------------------


def rule_gate(tmp_path: Path, *rules: dict[str, Any]) -> Catalog:
    tree = copy.deepcopy(CATALOG)
    tree["scoring.yaml"] = SCORING
    tree["gates.yaml"]["gates"].append(
        {"id": "judged", "title": "Judged", "stage": "delivery", "milestone": "delivery",
         "rules": list(rules)}
    )  # fmt: skip
    return load_catalog(write_tree(tmp_path / "catalog", tree))


def test_kpi_and_score_rules_name_what_misses(tmp_path: Path) -> None:
    project = make(tmp_path)
    catalog = rule_gate(
        tmp_path / "c",
        {"id": "rate", "rule": "kpi-at-least", "metric": "rectification_rate", "min": "0.9"},
        {"id": "p90", "rule": "kpi-at-least", "metric": "days_to_close_p90", "max": "14", "per": "project"},
        {"id": "score", "rule": "score-at-least"},
    )  # fmt: skip
    project = load_project(project.folder, catalog, AS_OF)
    result = evaluate("judged", project)
    reasons = {
        r.id: [(i.id, render("text", result, "en").count(i.id)) for i in r.items]
        for r in result.rules
    }
    assert [i.id for i in result.rules[0].items] == ["T1", "T2"]  # T3 has nothing to count
    assert [i.id for i in result.rules[1].items] == ["test-project"]
    assert [i.id for i in result.rules[2].items] == ["T1", "T2"]  # 96.7 and 94.5 < 97
    assert reasons
    data = json.loads(render("json", result, "en"))
    assert data["rules"][0]["items"][0]["reason"] == (
        "rectification rate is 60.0%, below the target 90.0% (5 findings)"
    )
    assert data["rules"][2]["items"][1]["reason"] == (
        "scored 94.5, below the pass score 97 (mean of 2 homes inspected)"
    )
    assert data["numbers"]["project"]["findings"] == 8
    assert set(data["numbers"]) == {"project", "buildings", "batches"}


def test_number_rules_per_batch(tmp_path: Path) -> None:
    batches = [{"id": "a", "buildings": ["T1"]}, {"id": "b", "buildings": ["T2", "T3"]}]
    project = make(tmp_path, batches=batches)
    catalog = rule_gate(
        tmp_path / "c", {"id": "score", "rule": "score-at-least", "per": "batch", "min_score": "95"}
    )
    result = evaluate("judged", load_project(project.folder, catalog, AS_OF))
    assert [(b.id, b.verdict) for b in result.batches] == [("a", "pass"), ("b", "fail")]
    assert result.numbers is not None and result.numbers.batches["b"].score == 94.5


def test_a_scoring_file_naming_nothing_is_refused(tmp_path: Path) -> None:
    tree = copy.deepcopy(CATALOG)
    tree["scoring.yaml"] = {
        **SCORING,
        "deductions": [{"item": "AC-CIV-009", "minor": "1"}, {"checklist": "civil", "major": "2"}],
    }
    with pytest.raises(InvalidInput) as caught:
        load_catalog(write_tree(tmp_path / "catalog", tree))
    shown = [render_problem(p, "en").split("scoring.yaml:")[1] for p in caught.value.problems]
    assert shown == [
        "8:9: error: deductions[0].item: unknown checklist item `AC-CIV-009` (did you mean `AC-CIV-003`?)",
        "10:14: error: deductions[1].checklist: unknown checklist `civil`",
    ]


def test_a_kpi_rule_naming_an_unknown_metric_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        rule_gate(
            tmp_path, {"id": "x", "rule": "kpi-at-least", "metric": "rectifcation_rate", "min": "1"}
        )
    shown = [render_problem(p, "en") for p in caught.value.problems]
    assert any("rectifcation_rate" in line for line in shown), shown
