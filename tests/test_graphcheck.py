"""Graph checks run by `journey validate`: cycles, uncovered points, order warnings."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL, Runner, write_tree

from journey.catalog import discover, load_catalog, read_catalog
from journey.errors import InvalidInput
from journey.graphcheck import MAX_CYCLES_PER_COMPONENT, components, shortest_cycle
from journey.messages import render_problem
from journey.problems import Problem


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems name files relative to the working folder."""
    monkeypatch.chdir(tmp_path)


def check(**extra: Any) -> dict[str, Any]:
    """A checklist item as a dict; `extra` adds fields such as depends_on."""
    return {
        "id": "",
        "title": "Check",
        "area": "Lobby",
        "method": "Look",
        "criterion": "No cracks wider than 0.3 mm",
        "owner": "engineering",
        "blocking": "true",
        "level": "process",
        **extra,
    }


def checklist(name: str, stage: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"kind": "checklist", "id": name, "title": name, "stage": stage, "items": items}


def task(task_id: str, offset: int, duration: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": task_id,
        "title": f"Task {task_id}",
        "owner": "customer-relations",
        "anchor": "delivery",
        "offset_days": str(offset),
        "duration_days": str(duration),
        "level": "process",
        **extra,
    }


def catalog_with(tmp_path: Path, files: dict[str, Any]) -> list[Problem]:
    """Problems of MINIMAL plus `files` (a dict replaces or adds files)."""
    tree = copy.deepcopy(MINIMAL)
    tree.update(files)
    root = write_tree(tmp_path, tree)
    _, problems = read_catalog(discover(root))
    return problems


def items(*pairs: tuple[str, list[str]]) -> list[dict[str, Any]]:
    return [check(id=i, depends_on=deps) if deps else check(id=i) for i, deps in pairs]


def test_three_item_cycle_across_files_is_one_error_with_every_step(tmp_path: Path) -> None:
    tree = {
        "acc.yaml": checklist("acc", "sales", items(("AC-CIV-001", ["DP-001"]))),
        "plan.yaml": {
            "kind": "plan",
            "id": "prep",
            "title": "Prep",
            "tasks": [task("DP-001", -30, 5, depends_on=["RS-001"])],
        },
    }
    risks = copy.deepcopy(MINIMAL["risks/sales.yaml"])
    risks["risks"][0]["depends_on"] = ["AC-CIV-001"]
    tree["risks/sales.yaml"] = risks
    problems = [p for p in catalog_with(tmp_path, tree) if p.is_error]
    assert len(problems) == 1
    assert render_problem(problems[0], "en").splitlines() == [
        "acc.yaml:15:5: error: items[0].depends_on[0]: dependency cycle "
        "AC-CIV-001 → DP-001 → RS-001 → AC-CIV-001: each item waits for the next, so none "
        "of them can ever be done first; remove one of these dependencies",
        "    plan.yaml:13:5: DP-001 → RS-001",
        "    risks/sales.yaml:20:5: RS-001 → AC-CIV-001",
    ]


def test_two_disjoint_cycles_are_both_reported(tmp_path: Path) -> None:
    pairs = [
        ("AC-CIV-001", ["AC-CIV-002"]),
        ("AC-CIV-002", ["AC-CIV-001"]),
        ("AC-CIV-003", []),
        ("AC-CIV-004", ["AC-CIV-005"]),
        ("AC-CIV-005", ["AC-CIV-006", "AC-CIV-003"]),
        ("AC-CIV-006", ["AC-CIV-004"]),
    ]
    problems = catalog_with(tmp_path, {"acc.yaml": checklist("acc", "sales", items(*pairs))})
    cycles = [p for p in problems if p.code == "graph.cycle"]
    assert [p.params["cycle"] for p in cycles] == [
        "AC-CIV-001 → AC-CIV-002 → AC-CIV-001",
        "AC-CIV-004 → AC-CIV-005 → AC-CIV-006 → AC-CIV-004",
    ]
    assert [(p.place.line, [r.render() for r, _ in p.related]) for p in cycles] == [
        (15, ["acc.yaml:25:5"]),
        (43, ["acc.yaml:53:5", "acc.yaml:64:5"]),
    ]


def test_cycles_sharing_items_are_each_spelled_out_up_to_a_cap(tmp_path: Path) -> None:
    spokes = [f"AC-HUB-{n:03d}" for n in range(1, MAX_CYCLES_PER_COMPONENT + 4)]
    pairs = [("AC-HUB-000", spokes), *((s, ["AC-HUB-000"]) for s in spokes)]
    problems = catalog_with(tmp_path, {"acc.yaml": checklist("acc", "sales", items(*pairs))})
    cycles = [p for p in problems if p.code == "graph.cycle"]
    assert len(cycles) == MAX_CYCLES_PER_COMPONENT
    assert cycles[1].params["cycle"] == "AC-HUB-002 → AC-HUB-000 → AC-HUB-002"
    (more,) = [p for p in problems if p.code == "graph.cycle_more"]
    assert more.params == {"value": "AC-HUB-011", "count": 3}


def test_components_are_linear_and_ignore_acyclic_parts() -> None:
    n = 50_000
    chain = {f"N{i}": [f"N{i + 1}"] for i in range(n)}
    chain[f"N{n}"] = ["N0"]
    chain["X"] = ["N0"]
    (component,) = components(chain)
    assert len(component) == n + 1 and "X" not in component


def test_self_dependencies_and_unknown_ids_do_not_disturb_cycle_finding() -> None:
    edges = {"A": ["A", "B", "Z"], "B": ["A"], "C": ["C"]}
    assert components(edges) == [["A", "B"]]
    assert shortest_cycle(edges, "A", {"A", "B"}) == ["A", "B"]


def test_unknown_dependency_names_file_line_and_suggestion(tmp_path: Path) -> None:
    tree = {"acc.yaml": checklist("acc", "sales", items(("AC-CIV-001", ["RS-010"])))}
    (p,) = [p for p in catalog_with(tmp_path, tree) if p.is_error]
    assert render_problem(p, "en") == (
        "acc.yaml:15:5: error: items[0].depends_on[0]: unknown item `RS-010` "
        "(did you mean `RS-001`?)"
    )


def test_uncovered_red_line_point_is_a_warning(tmp_path: Path) -> None:
    problems = catalog_with(tmp_path, {})
    assert [(p.code, p.params["value"], p.is_error) for p in problems] == [
        ("graph.uncovered_red_line", "SP-ENG-001", False)
    ]
    assert render_problem(problems[0], "en").startswith(
        "points.yaml:10:7: warning: points[1].id: the red-line sensitive point `SP-ENG-001`"
    )


def test_covering_check_and_value_points_raise_nothing(tmp_path: Path) -> None:
    points = copy.deepcopy(MINIMAL["points.yaml"])
    points["points"].append({**points["points"][0], "id": "SP-VAL-001", "kind": "value"})
    points["points"][-1]["red_line"] = "false"
    tree = {
        "points.yaml": points,
        "acc.yaml": checklist("acc", "delivery", [check(id="AC-CIV-001", points=["SP-ENG-001"])]),
    }
    assert catalog_with(tmp_path, tree) == []


def test_order_warnings(tmp_path: Path) -> None:
    tree = {
        "acc.yaml": checklist(
            "acc",
            "sales",
            [
                check(id="AC-CIV-001", depends_on=["AC-DEL-001", "SP-MKT-001"]),
                check(id="AC-CIV-002", depends_on=["RS-001"], level="post-processing"),
            ],
        ),
        "late.yaml": checklist("late", "delivery", [check(id="AC-DEL-001", points=["SP-ENG-001"])]),
        "plan.yaml": {
            "kind": "plan",
            "id": "prep",
            "title": "Prep",
            "tasks": [task("DP-001", -30, 10), task("DP-002", -25, 5, depends_on=["DP-001"])],
        },
    }
    found = [(p.code, p.path, p.params) for p in catalog_with(tmp_path, tree)]
    assert found == [
        (
            "graph.later_stage",
            "items[0].depends_on[0]",
            {
                "value": "AC-CIV-001",
                "stage": "sales",
                "other": "AC-DEL-001",
                "other_stage": "delivery",
            },
        ),
        ("graph.depends_on_point", "items[0].depends_on[1]", {"value": "SP-MKT-001"}),
        (
            "graph.level_gap",
            "items[1].depends_on[0]",
            {
                "value": "AC-CIV-002",
                "level": "post-processing",
                "other": "RS-001",
                "other_level": "process",
            },
        ),
        (
            "graph.plan_order",
            "tasks[1].depends_on[0]",
            {
                "value": "DP-002",
                "start": -25,
                "other": "DP-001",
                "finish": -20,
                "anchor": "delivery",
            },
        ),
    ]


def test_validate_exits_2_on_a_cycle_and_0_with_warnings_only(mini: Path, run: Runner) -> None:
    assert run("--catalog", str(mini), "validate").code == 0
    pairs = [("AC-CIV-001", ["AC-CIV-002"]), ("AC-CIV-002", ["AC-CIV-001"])]
    write_tree(mini, {"acc.yaml": checklist("acc", "sales", items(*pairs))})
    result = run("--catalog", str(mini), "validate")
    assert result.code == 2
    assert "dependency cycle AC-CIV-001 → AC-CIV-002 → AC-CIV-001" in result.err
    assert run("--catalog", str(mini), "validate", "--strict").code == 2


def test_a_cycle_makes_the_catalog_invalid_for_every_command(tmp_path: Path, run: Runner) -> None:
    tree = copy.deepcopy(MINIMAL)
    tree["plan.yaml"] = {
        "kind": "plan",
        "id": "prep",
        "title": "Prep",
        "tasks": [
            task("DP-001", -10, 2, depends_on=["DP-002"]),
            task("DP-002", -5, 2, depends_on=["DP-001"]),
        ],
    }
    root = write_tree(tmp_path / "cat", tree)
    with pytest.raises(InvalidInput) as caught:
        load_catalog(root)
    assert [p.code for p in caught.value.problems if p.is_error] == ["graph.cycle"]
    write_tree(
        tmp_path / "p",
        {"project.yaml": "kind: project\nid: p\nname: P\npositioning: process\nstage: sales\n"},
    )
    for command in (["gate", "x", "--project", "p"], ["render", "delivery-plan", "--project", "p"]):
        result = run("--catalog", "cat", *command)
        assert result.code == 2, result.err
        assert "dependency cycle DP-001 → DP-002 → DP-001" in result.err
