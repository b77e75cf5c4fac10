"""Defect cases (SPEC §14): the model, the loader's checks, graph links and warnings, and
the CLI's list, show and schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from helpers import MINIMAL, Runner, write_tree

from journey import graph
from journey import graph_analysis as analysis
from journey.catalog import Catalog, discover, load_catalog, read_catalog
from journey.messages import render_problem
from journey.problems import Problem
from journey.schemas import schema_for


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems name files relative to the working folder."""
    monkeypatch.chdir(tmp_path)


def case(case_id: str, **extra: Any) -> dict[str, Any]:
    """A defect case as a dict; `extra` replaces or adds fields."""
    return {
        "id": case_id,
        "title": {"en": f"Case {case_id}", "zh": f"案例 {case_id}"},
        "problem": {"en": "Water at the window corner", "zh": "窗角渗水"},
        "harm": {"en": "Owners refuse the keys", "zh": "业主拒收"},
        "cause": {"en": "No sill upstand", "zh": "窗台未设压顶"},
        "requirement": {"en": "Design: cast-in sill", "zh": "设计：现浇窗台压顶"},
        "standard": {"en": "GB 55030-2022", "zh": "GB 55030-2022"},
        "owner": "design",
        "prevent_stage": "design",
        "points": ["SP-ENG-001"],
        **extra,
    }


def check(item_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": item_id,
        "title": f"Check {item_id}",
        "area": "Drawings",
        "method": "Read the details",
        "criterion": "Outer sill 10 mm below the inner",
        "owner": "design",
        "blocking": "true",
        "level": "process",
        **extra,
    }


def tree(cases: list[dict[str, Any]], items: list[dict[str, Any]]) -> dict[str, Any]:
    """MINIMAL plus a design-review checklist (covering SP-ENG-001) and a case library."""
    out = copy.deepcopy(MINIMAL)
    out["design-review.yaml"] = {
        "kind": "checklist",
        "id": "design-review",
        "title": "Design review",
        "stage": "design",
        "items": items,
    }
    out["cases.yaml"] = {"kind": "defect-cases", "cases": cases}
    return out


GOOD = tree(
    [case("DC-WIN-001"), case("DC-WIN-002", items=["DR-WIN-002"])],
    [
        check("DR-WIN-001", points=["SP-ENG-001"], cases=["DC-WIN-001"]),
        check("DR-WIN-002", points=["SP-ENG-001"]),
    ],
)


def problems_of(tmp_path: Path, files: dict[str, Any]) -> list[Problem]:
    root = write_tree(tmp_path / "cat", files)
    return read_catalog(discover(root))[1]


def rendered(problems: list[Problem]) -> list[str]:
    return [render_problem(p, "en") for p in problems]


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return load_catalog(write_tree(tmp_path / "cat", GOOD))


# Loading ---------------------------------------------------------------------------


def test_cases_load_and_link_from_either_side(catalog: Catalog) -> None:
    assert list(catalog.cases) == ["DC-WIN-001", "DC-WIN-002"]
    assert catalog.cases["DC-WIN-002"].items == ("DR-WIN-002",)
    assert catalog.check_items["DR-WIN-001"].cases == ("DC-WIN-001",)
    assert catalog.case_links() == [("DC-WIN-001", "DR-WIN-001"), ("DC-WIN-002", "DR-WIN-002")]
    assert catalog.warnings == []
    assert catalog.case_source("DC-WIN-002").place("items", 0).render() == "cat/cases.yaml:50:5"


def test_unknown_references_are_errors_with_suggestions(tmp_path: Path) -> None:
    bad = case(
        "DC-WIN-001",
        owner="desgn",
        contributors=["engineerin"],
        prevent_stage="desing",
        points=["SP-ENG-002"],
        items=["DR-WIN-003"],
    )
    files = tree([bad], [check("DR-WIN-001", points=["SP-ENG-001"], cases=["DC-WIN-003"])])
    assert rendered([p for p in problems_of(tmp_path, files) if p.is_error]) == [
        "cat/cases.yaml:22:10: error: cases[0].owner: unknown profession `desgn` "
        "(did you mean `design`?)",
        "cat/cases.yaml:23:18: error: cases[0].prevent_stage: unknown stage `desing` "
        "(did you mean `design`?)",
        "cat/cases.yaml:25:5: error: cases[0].points[0]: unknown sensitive point `SP-ENG-002` "
        "(did you mean `SP-ENG-001`?)",
        "cat/cases.yaml:27:5: error: cases[0].contributors[0]: unknown profession "
        "`engineerin` (did you mean `engineering`?)",
        "cat/cases.yaml:29:5: error: cases[0].items[0]: unknown checklist item `DR-WIN-003` "
        "(did you mean `DR-WIN-001`?)",
        "cat/design-review.yaml:17:5: error: items[0].cases[0]: unknown defect case "
        "`DC-WIN-003` (did you mean `DC-WIN-001`?)",
    ]


def test_a_case_is_caught_by_checklist_items_not_risks(tmp_path: Path) -> None:
    files = tree([case("DC-WIN-001", items=["RS-001"])], [check("DR-WIN-001")])
    (found,) = [p for p in problems_of(tmp_path, files) if p.is_error]
    assert render_problem(found, "en") == (
        "cat/cases.yaml:27:5: error: cases[0].items[0]: `RS-001` is not a checklist item; a "
        "defect case is caught by checklist items (design review, acceptance, open day), so "
        "list one of those"
    )


def test_duplicate_case_ids_and_clashes_with_item_ids(tmp_path: Path) -> None:
    files = tree(
        [case("DC-WIN-001", items=["DR-WIN-001"]), case("DC-WIN-001", items=["DR-WIN-001"])],
        [check("DR-WIN-001", points=["SP-ENG-001"])],
    )
    files["more.yaml"] = {
        "kind": "checklist",
        "id": "more",
        "title": "More",
        "stage": "design",
        "items": [check("DC-WIN-002")],
    }
    files["cases2.yaml"] = {"kind": "defect-cases", "cases": [case("DC-WIN-002")]}
    assert rendered([p for p in problems_of(tmp_path, files) if p.is_error]) == [
        "cat/cases.yaml:28:7: error: cases[1].id: the id `DC-WIN-001` is already used at "
        "cat/cases.yaml:3:7",
        "cat/more.yaml:6:7: error: items[0].id: the id `DC-WIN-002` is already used at "
        "cat/cases2.yaml:3:7",
    ]


def test_case_ids_start_with_dc(tmp_path: Path) -> None:
    files = tree([case("WIN-001")], [check("DR-WIN-001", points=["SP-ENG-001"])])
    (found,) = problems_of(tmp_path, files)
    assert render_problem(found, "en").startswith(
        "cat/cases.yaml:3:7: error: cases[0].id: `WIN-001` does not match the id pattern"
    )


def test_required_fields_are_named(tmp_path: Path) -> None:
    incomplete = case("DC-WIN-001")
    del incomplete["requirement"], incomplete["harm"]
    files = tree([incomplete], [check("DR-WIN-001", points=["SP-ENG-001"])])
    messages = [p.params.get("field") for p in problems_of(tmp_path, files)]
    assert messages == ["harm", "requirement"]


def test_a_case_linked_to_no_item_is_a_graph_warning(tmp_path: Path) -> None:
    files = tree(
        [case("DC-WIN-001", items=["DR-WIN-001"]), case("DC-WIN-002")],
        [check("DR-WIN-001", points=["SP-ENG-001"])],
    )
    (found,) = problems_of(tmp_path, files)
    assert not found.is_error
    assert render_problem(found, "en") == (
        "cat/cases.yaml:28:7: warning: cases[1].id: the defect case `DC-WIN-002` is linked to "
        "no checklist item, so nothing stops it being built again; list in its `items` the "
        "design-review or acceptance item that catches it, or name the case in that item's "
        "`cases`"
    )
    assert "缺陷案例 `DC-WIN-002` 未关联任何检查项" in render_problem(found, "zh")


def test_linking_from_the_item_alone_silences_the_warning(tmp_path: Path) -> None:
    files = tree(
        [case("DC-WIN-001")],
        [check("DR-WIN-001", points=["SP-ENG-001"], cases=["DC-WIN-001"])],
    )
    assert problems_of(tmp_path, files) == []


# The graph -------------------------------------------------------------------------


def test_cases_are_nodes_linked_to_items_points_owner_and_stage(catalog: Catalog) -> None:
    g = graph.build(catalog)
    assert g.nodes["DC-WIN-001"] == {
        "kind": "case",
        "id": "DC-WIN-001",
        "owner": "design",
        "stage": "design",
        "file": "cat/cases.yaml",
        "line": 3,
        "title_en": "Case DC-WIN-001",
        "title_zh": "案例 DC-WIN-001",
    }
    assert sorted(g.out_edges("DC-WIN-002", data="kind")) == [
        ("DC-WIN-002", "SP-ENG-001", "affects"),
        ("DC-WIN-002", "profession:design", "owner"),
        ("DC-WIN-002", "stage:design", "stage"),
    ]
    # One edge for each link, whichever file declared it.
    prevents = sorted((u, v) for u, v, k in g.edges(data="kind") if k == "prevents")
    assert prevents == [("DR-WIN-001", "DC-WIN-001"), ("DR-WIN-002", "DC-WIN-002")]
    assert dict(analysis.stage_counts(g))["design"] == {
        "point": 0,
        "risk": 0,
        "check": 2,
        "task": 0,
        "case": 2,
    }


def test_focus_on_a_case_shows_what_catches_it(catalog: Catalog) -> None:
    result = analysis.analyse(catalog, focus_on="DC-WIN-002")
    assert result.focus is not None
    assert [e.id for e in result.focus.upstream] == ["DR-WIN-002"]
    assert ("DR-WIN-002", "DC-WIN-002", "prevents") in result.graph.edges(data="kind")
    # A cut to a stage does not drag in the cases and points its items name.
    cut = analysis.analyse(catalog, stage="sales").graph
    assert not [n for n, d in cut.nodes(data=True) if d["kind"] == "case"]


def test_graph_exports_draw_cases(catalog: Catalog) -> None:
    g = graph.build(catalog)
    assert '"DC-WIN-001" [label="DC-WIN-001 Case DC-WIN-001", shape=octagon];' in (
        graph.export(g, "dot")
    )
    assert '"DR-WIN-001" -> "DC-WIN-001" [label="prevents"];' in graph.export(g, "dot")


# The command line ----------------------------------------------------------------------


@pytest.fixture
def cat(tmp_path: Path) -> str:
    return str(write_tree(tmp_path / "cat", GOOD))


def test_catalog_list_cases(cat: str, run: Runner) -> None:
    result = run("--catalog", cat, "catalog", "list", "--kind", "case", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == [
        {
            "id": "DC-WIN-001",
            "kind": "cases",
            "stage": "design",
            "owner": "design",
            "level": "",
            "title": "Case DC-WIN-001",
        },
        {
            "id": "DC-WIN-002",
            "kind": "cases",
            "stage": "design",
            "owner": "design",
            "level": "",
            "title": "Case DC-WIN-002",
        },
    ]
    result = run("--catalog", cat, "catalog", "list", "--kind", "cases", "--level", "process")
    assert result.out.splitlines()[1:] == []  # cases have no positioning level


def test_catalog_show_a_case_and_its_links(cat: str, run: Runner) -> None:
    result = run("--catalog", cat, "--lang", "zh", "catalog", "show", "DC-WIN-001")
    assert result.code == 0, result.err
    assert result.out.startswith("类型: 缺陷案例\n编号: DC-WIN-001\n")
    assert "危害: 业主拒收" in result.out and "预防阶段: 设计\n" in result.out
    assert "发现或预防它的检查项:\n  - DR-WIN-001 (design-review)" in result.out
    data = json.loads(
        run("--catalog", cat, "catalog", "show", "DC-WIN-002", "--format", "json").out
    )
    assert data["kind"] == "cases" and data["items"] == ["DR-WIN-002"]
    assert data["requirement"] == "Design: cast-in sill"
    assert data["defined_at"] == "cat/cases.yaml:26:3"
    item = json.loads(
        run("--catalog", cat, "catalog", "show", "DR-WIN-001", "--format", "json").out
    )
    assert item["cases"] == ["DC-WIN-001"] and item["linked_cases"] == ["DC-WIN-001"]
    point = json.loads(
        run("--catalog", cat, "catalog", "show", "SP-ENG-001", "--format", "json").out
    )
    assert point["defect_cases"] == ["DC-WIN-001", "DC-WIN-002"]
    result = run("--catalog", cat, "catalog", "show", "DC-WIN-01")
    assert result.code == 2 and "(did you mean `DC-WIN-001`?)" in result.err


def test_graph_command_focuses_on_a_case(cat: str, run: Runner) -> None:
    result = run("--catalog", cat, "graph", "--focus", "DC-WIN-001")
    assert result.code == 0, result.err
    assert "Focus: DC-WIN-001 (design, -)" in result.out
    table = result.out.split("Items per stage\n")[1].splitlines()
    assert table[0].split() == ["stage", "points", "risks", "checks", "tasks", "cases"]
    assert table[1].split() == ["Design", "0", "0", "1", "0", "1"]  # the cut to the focus
    result = run("--catalog", cat, "graph", "--focus", "DC-WIN-01")
    assert result.code == 2 and "did you mean `DC-WIN-001`" in result.err


def test_schema_of_defect_cases(run: Runner) -> None:
    result = run("schema", "defect-cases")
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema["properties"]["kind"]["const"] == "defect-cases"
    case_schema = schema["$defs"]["DefectCase"]
    assert set(case_schema["required"]) == {
        "id",
        "title",
        "problem",
        "harm",
        "cause",
        "requirement",
        "standard",
        "owner",
        "prevent_stage",
    }
    assert {"points", "items", "seen_on", "contributors"} <= set(case_schema["properties"])


def test_schema_accepts_the_bundled_library_and_rejects_a_bad_case() -> None:
    root = Path(__file__).parent.parent / "checklists"
    data = yaml.safe_load((root / "defect-cases.yaml").read_text(encoding="utf-8"))
    schema = schema_for("defect-cases")
    jsonschema.validate(data, schema)
    data["cases"][0]["id"] = "WIN-001"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    review = yaml.safe_load((root / "design-review.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(review, schema_for("checklist"))
