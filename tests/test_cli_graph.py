"""`journey graph` and the graph checks of `journey validate`, through the CLI."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pydot
import pytest
import yaml
from helpers import MINIMAL, Runner, write_tree
from test_graph import TREE

from journey.catalog import bundled_root, load_catalog
from journey.graphcheck import check_graph


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A copy of the bundled catalog that a test may add files to."""
    root = tmp_path / "cat"
    shutil.copytree(bundled_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return root


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """The hand-built catalog of test_graph, with a project folder beside it."""
    tree = copy.deepcopy(MINIMAL)
    tree.update(TREE)
    tree["risks/sales.yaml"]["risks"][0]["depends_on"] = ["AC-DES-001"]
    write_tree(tmp_path / "small", tree)
    project = {
        "kind": "project",
        "id": "demo",
        "name": "Demo",
        "positioning": "whole-process",
        "milestones": {"sales_launch": "2026-03-01", "delivery": "2026-12-31"},
        "stage": "sales",
        "checks": {"AC-DES-001": "pass", "AC-ENG-001": "fail"},
        "tasks": {"DP-001": "doing"},
        "waivers": [
            {
                "target": "AC-ENG-001",
                "reason": "Rework accepted by design review",
                "approved_by": "Zhang Min",
                "expires": "2027-01-31",
            }
        ],
    }
    write_tree(tmp_path / "proj", {"project.yaml": project})
    return tmp_path / "small"


def cyclic_checklist(name: str, ids: list[str]) -> dict[str, Any]:
    """A checklist whose items depend on one another in a ring."""
    items = [
        {
            "id": item_id,
            "title": f"Ring {item_id}",
            "area": "Site",
            "method": "Look",
            "criterion": "Within 3 mm",
            "owner": "engineering",
            "blocking": "true",
            "level": "process",
            "depends_on": [ids[(i + 1) % len(ids)]],
        }
        for i, item_id in enumerate(ids)
    ]
    return {"kind": "checklist", "id": name, "title": name, "stage": "pre-delivery", "items": items}


def test_bundled_catalog_has_no_graph_errors() -> None:
    assert [p for p in check_graph(load_catalog()) if p.is_error] == []


def test_injected_cycles_in_bundled_copy_are_each_printed(bundled_copy: Path, run: Runner) -> None:
    write_tree(
        bundled_copy,
        {
            "ring.yaml": cyclic_checklist("ring", ["AC-RNG-001", "AC-RNG-002", "AC-RNG-003"]),
            "pair.yaml": cyclic_checklist("pair", ["AC-PAR-001", "AC-PAR-002"]),
        },
    )
    result = run("--catalog", "cat", "validate")
    assert result.code == 2
    lines = result.err.splitlines()
    ring = lines.index(
        "cat/ring.yaml:15:5: error: items[0].depends_on[0]: dependency cycle "
        "AC-RNG-001 → AC-RNG-002 → AC-RNG-003 → AC-RNG-001: each item waits for the next, "
        "so none of them can ever be done first; remove one of these dependencies"
    )
    assert lines[ring + 1 : ring + 3] == [
        "    cat/ring.yaml:25:5: AC-RNG-002 → AC-RNG-003",
        "    cat/ring.yaml:35:5: AC-RNG-003 → AC-RNG-001",
    ]
    pair = [i for i, line in enumerate(lines) if "AC-PAR-001 → AC-PAR-002 → AC-PAR-001" in line]
    assert len(pair) == 1
    assert lines[pair[0]].startswith("cat/pair.yaml:15:5: error:")
    assert lines[pair[0] + 1] == "    cat/pair.yaml:25:5: AC-PAR-002 → AC-PAR-001"
    assert run("--catalog", "cat", "graph").code == 2


def test_unknown_dependency_names_file_line_and_suggestion(bundled_copy: Path, run: Runner) -> None:
    ring = cyclic_checklist("ring", ["AC-RNG-001"])
    ring["items"][0]["depends_on"] = ["AC-CVI-010"]
    write_tree(bundled_copy, {"ring.yaml": ring})
    result = run("--catalog", "cat", "validate")
    assert result.code == 2
    assert (
        "cat/ring.yaml:15:5: error: items[0].depends_on[0]: unknown item `AC-CVI-010` "
        "(did you mean `AC-CIV-010`?)"
    ) in result.err.splitlines()


def test_text_report_of_a_project(small: Path, run: Runner) -> None:
    result = run("--catalog", "small", "graph", "--project", "proj", "--as-of", "2026-12-05")
    assert result.code == 0, result.err
    out = result.out
    assert "Blocked items — open items waiting for open upstream items (4)" in out
    assert (
        "  DP-002  customer-relations  todo  waits for "
        "DP-001 (customer-relations, doing), RS-001 (marketing, open)"
    ) in out
    critical = out.split("Critical path to delivery (2026-12-31) from 2026-12-05\n")[1]
    assert [line.split()[3] for line in critical.splitlines()[1:6]] == [
        "AC-DES-002",
        "AC-ENG-002",
        "DP-001",
        "DP-002",
        "DP-003",
    ]
    assert "forecast finish 2026-12-23: 8 days of slack" in critical
    assert "  AC-ENG-002  engineering  pending  waits for AC-DES-002 (design, pending)" in out
    assert "  1 Design              .  1  2  ." in out


def test_focus_in_text_and_chinese(small: Path, run: Runner) -> None:
    result = run("--catalog", "small", "--lang", "zh", "graph", "--focus", "AC-ENG-002")
    assert result.code == 0, result.err
    assert "上游——AC-ENG-002 所等待的工作（3 项）" in result.out
    assert "下游——AC-ENG-002 所阻碍的工作（3 项）" in result.out


def test_unknown_focus_stage_and_milestone_are_usage_errors(small: Path, run: Runner) -> None:
    result = run("--catalog", "small", "graph", "--focus", "AC-ENG-02")
    assert result.code == 2
    assert result.err == (
        "journey: error: --focus: no item has the id `AC-ENG-02` (did you mean `AC-ENG-002`?)\n"
    )
    result = run("--catalog", "small", "graph", "--stage", "sale")
    assert result.code == 2 and "(did you mean `sales`?)" in result.err
    result = run("--catalog", "small", "graph", "--project", "proj", "--milestone", "open_day")
    assert result.code == 2 and "it has delivery, sales_launch" in result.err


def test_output_file_and_missing_folder(small: Path, run: Runner, tmp_path: Path) -> None:
    assert run("--catalog", "small", "graph", "-o", "g.txt").out == ""
    written = (tmp_path / "g.txt").read_text(encoding="utf-8")
    assert written.startswith("mini 1.0: 11 items, 9 dependencies\n")
    result = run("--catalog", "small", "graph", "-o", "no/such/g.txt")
    assert result.code == 2
    assert result.err == (
        "journey: error: cannot write no/such/g.txt: the folder no/such does not exist; "
        "create it first\n"
    )


def export(run: Runner, fmt: str, *args: str) -> str:
    result = run("--catalog", "small", "-q", "graph", "--format", fmt, *args)
    assert result.code == 0, result.err
    return result.out


def json_counts(run: Runner, *args: str) -> tuple[int, int]:
    data = json.loads(export(run, "json", *args))
    return len(data["nodes"]), len(data["edges"])


CUTS = [(), ("--stage", "sales"), ("--focus", "DP-002"), ("--project", "proj")]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot's use of pyparsing
@pytest.mark.parametrize("args", CUTS, ids=str)
def test_dot_parses_with_pydot(small: Path, run: Runner, args: tuple[str, ...]) -> None:
    graphs = pydot.graph_from_dot_data(export(run, "dot", *args))
    assert graphs is not None
    (dot,) = graphs
    nodes = [n for n in dot.get_nodes() if n.get_name() not in ("node", "edge", "graph")]
    assert (len(nodes), len(dot.get_edges())) == json_counts(run, *args)


@pytest.mark.parametrize("args", CUTS, ids=str)
def test_graphml_reads_back(
    small: Path, run: Runner, tmp_path: Path, args: tuple[str, ...]
) -> None:
    out = tmp_path / "g.graphml"
    assert (
        run("--catalog", "small", "-q", "graph", "--format", "graphml", "-o", str(out), *args).code
        == 0
    )
    g = nx.read_graphml(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == json_counts(run, *args)
    assert g.nodes["AC-ENG-002"]["owner"] == "engineering"


NODE = re.compile(r'^    (n_\w+)\["([^"]*)"\]$')
EDGE = re.compile(r'^    (n_\w+) -->\|"([^"]*)"\| (n_\w+)$')


def parse_mermaid(source: str) -> tuple[set[str], list[tuple[str, str]]]:
    """A small parser for the flowchart subset journey writes; rejects anything else."""
    lines = source.splitlines()
    assert lines[0] == "flowchart LR"
    nodes: set[str] = set()
    edges: list[tuple[str, str]] = []
    for line in lines[1:]:
        if m := NODE.match(line):
            assert m[1] not in nodes
            nodes.add(m[1])
        elif m := EDGE.match(line):
            assert m[1] in nodes and m[3] in nodes
            edges.append((m[1], m[3]))
        else:
            raise AssertionError(f"not flowchart syntax: {line!r}")
    return nodes, edges


@pytest.mark.parametrize("args", CUTS, ids=str)
def test_mermaid_matches_json(small: Path, run: Runner, args: tuple[str, ...]) -> None:
    nodes, edges = parse_mermaid(export(run, "mermaid", *args))
    assert (len(nodes), len(edges)) == json_counts(run, *args)


def test_bundled_graph_exports(run: Runner) -> None:
    result = run("-q", "graph", "--format", "mermaid")
    assert result.code == 0, result.err
    nodes, edges = parse_mermaid(result.out)
    data = json.loads(run("-q", "graph", "--format", "json").out)
    assert (len(nodes), len(edges)) == (len(data["nodes"]), len(data["edges"]))
    assert run("graph").code == 0


def test_focus_on_a_project_risk_and_on_an_item_above_the_projects_level(
    small: Path, run: Runner, tmp_path: Path
) -> None:
    project = tmp_path / "proj" / "project.yaml"
    data = yaml.safe_load(project.read_text(encoding="utf-8"))
    data["positioning"] = "process"
    data["extra_risks"] = [
        {
            "id": "HV-001",
            "phase": "delivery",
            "category": "sales-brochure",
            "title": "Metro works at the gate",
            "stage": "delivery",
            "owner": "customer-relations",
            "likelihood": "3",
            "impact": "3",
            "controls": ["Agree a route"],
            "level": "process",
            "depends_on": ["RS-001"],
        }
    ]
    project.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run("--catalog", "small", "graph", "--project", "proj", "--focus", "HV-001")
    assert result.code == 0, result.err
    assert "Focus: HV-001 (customer-relations, open)" in result.out
    assert "RS-001" in result.out  # upstream
    result = run("--catalog", "small", "graph", "--focus", "HV-001")  # no project: no such risk
    assert result.code == 2 and "no item has the id `HV-001`" in result.err
    higher = next(i.id for i in load_catalog(small).items() if i.level == "comprehensive")
    result = run("--catalog", "small", "graph", "--project", "proj", "--focus", higher)
    assert result.code == 2
    assert result.err == (
        f"journey: error: --focus: `{higher}` applies from the `comprehensive` level up, and "
        "this project is at `process`: it is not in the project's graph\n"
    )
