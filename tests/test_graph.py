"""The responsibility graph: hand-offs, blocked items, critical path and focus, exactly."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL, write_tree

from journey import graph
from journey import graph_analysis as analysis
from journey.catalog import Catalog, load_catalog
from journey.models import Risk

D = dt.date


def check(item_id: str, owner: str, *deps: str, level: str = "process") -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": item_id,
        "title": {"en": f"Check {item_id}", "zh": f"检查 {item_id}"},
        "area": "Site",
        "method": "Look",
        "criterion": "Within 3 mm",
        "owner": owner,
        "blocking": "true",
        "level": level,
    }
    if deps:
        entry["depends_on"] = list(deps)
    return entry


def task(task_id: str, offset: int, duration: int, *deps: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": task_id,
        "title": f"Task {task_id}",
        "owner": "customer-relations",
        "contributors": ["engineering"],
        "anchor": "delivery",
        "offset_days": str(offset),
        "duration_days": str(duration),
        "level": "process",
    }
    if deps:
        entry["depends_on"] = list(deps)
    return entry


#: design → engineering ×2, design → marketing ×1, engineering → customer relations ×1,
#: marketing → customer relations ×1; AC-DES-003 applies only at `comprehensive`.
TREE: dict[str, Any] = {
    "prep.yaml": {
        "kind": "checklist",
        "id": "prep",
        "title": "Preparation",
        "stage": "sales",
        "items": [
            check("AC-DES-001", "design"),
            check("AC-DES-002", "design", "AC-DES-001"),
            check("AC-DES-003", "design", level="comprehensive"),
            check("AC-ENG-001", "engineering", "AC-DES-001"),
            check("AC-ENG-002", "engineering", "AC-DES-002", "AC-ENG-001"),
        ],
    },
    "plan.yaml": {
        "kind": "plan",
        "id": "handover",
        "title": "Handover",
        "tasks": [
            task("DP-001", -30, 10, "AC-ENG-002"),
            task("DP-002", -20, 5, "DP-001", "RS-001"),
            task("DP-003", -15, 3, "DP-002"),
        ],
    },
}

STATUSES = {
    "AC-DES-001": "pass",
    "AC-DES-002": "pending",
    "AC-ENG-001": "fail",
    "AC-ENG-002": "pending",
    "RS-001": "open",
    "DP-001": "doing",
    "DP-002": "todo",
    "DP-003": "todo",
}


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    monkeypatch.chdir(tmp_path)
    tree = copy.deepcopy(MINIMAL)
    tree.update(TREE)
    tree["risks/sales.yaml"]["risks"][0]["depends_on"] = ["AC-DES-001"]
    return load_catalog(write_tree(tmp_path / "cat", tree))


def state(**changes: Any) -> graph.State:
    base: dict[str, Any] = {
        "level": "whole-process",
        "statuses": STATUSES,
        "milestones": {"sales_launch": D(2026, 3, 1), "delivery": D(2026, 12, 31)},
        "as_of": D(2026, 12, 5),
    }
    return graph.State(**{**base, **changes})


def test_nodes_and_edges(catalog: Catalog) -> None:
    g = graph.build(catalog)
    assert g.nodes["AC-ENG-002"] == {
        "kind": "check",
        "id": "AC-ENG-002",
        "owner": "engineering",
        "stage": "sales",
        "level": "process",
        "file": "cat/prep.yaml",
        "line": 50,
        "title_en": "Check AC-ENG-002",
        "title_zh": "检查 AC-ENG-002",
    }
    assert sorted(g.out_edges("DP-002", data="kind")) == [
        ("DP-002", "DP-001", "depends_on"),
        ("DP-002", "RS-001", "depends_on"),
        ("DP-002", "profession:customer-relations", "owner"),
        ("DP-002", "profession:engineering", "contributor"),
    ]
    assert ("RS-001", "SP-MKT-001", "threatens") in g.edges(data="kind")
    assert ("RS-001", "stage:sales", "stage") in g.edges(data="kind")


def test_handoff_matrix_exactly(catalog: Catalog) -> None:
    g = graph.build(catalog)
    matrix = analysis.handoff_matrix(g)
    assert matrix.professions == ("design", "marketing", "engineering", "customer-relations")
    assert matrix.counts == ((0, 1, 2, 0), (0, 0, 0, 1), (0, 0, 0, 1), (0, 0, 0, 0))
    edges = {(u, v): d["count"] for u, v, d in g.edges(data=True) if d["kind"] == "handoff"}
    assert edges == {
        ("profession:design", "profession:engineering"): 2,
        ("profession:design", "profession:marketing"): 1,
        ("profession:engineering", "profession:customer-relations"): 1,
        ("profession:marketing", "profession:customer-relations"): 1,
    }


def test_stage_counts(catalog: Catalog) -> None:
    assert analysis.stage_counts(graph.build(catalog)) == [
        ("design", {"point": 0, "risk": 0, "check": 0, "task": 0, "case": 0}),
        ("sales", {"point": 1, "risk": 1, "check": 5, "task": 0, "case": 0}),
        ("delivery", {"point": 1, "risk": 0, "check": 0, "task": 0, "case": 0}),
        ("", {"point": 0, "risk": 0, "check": 0, "task": 3, "case": 0}),
    ]


def test_blocked_items_exactly(catalog: Catalog) -> None:
    found = analysis.blocked(graph.build(catalog, state()))
    assert [(b.item.id, [(u.id, u.status) for u in b.waits_for]) for b in found] == [
        ("AC-ENG-002", [("AC-DES-002", "pending"), ("AC-ENG-001", "fail")]),
        ("DP-001", [("AC-ENG-002", "pending")]),
        ("DP-002", [("DP-001", "doing"), ("RS-001", "open")]),
        ("DP-003", [("DP-002", "todo")]),
    ]


def test_waived_and_finished_items_block_nothing(catalog: Catalog) -> None:
    statuses = {**STATUSES, "AC-ENG-002": "waived", "DP-001": "done", "RS-001": "accepted"}
    found = analysis.blocked(graph.build(catalog, state(statuses=statuses)))
    assert [b.item.id for b in found] == ["DP-003"]


def test_critical_path_exactly(catalog: Catalog) -> None:
    s = state()
    path = analysis.critical_path(graph.build(catalog, s), catalog, s, "delivery")
    assert [(st.item.id, st.start, st.finish) for st in path.steps] == [
        ("AC-DES-002", D(2026, 12, 5), D(2026, 12, 5)),
        ("AC-ENG-002", D(2026, 12, 5), D(2026, 12, 5)),
        ("DP-001", D(2026, 12, 5), D(2026, 12, 15)),
        ("DP-002", D(2026, 12, 15), D(2026, 12, 20)),
        ("DP-003", D(2026, 12, 20), D(2026, 12, 23)),
    ]
    assert (path.finish, path.slack) == (D(2026, 12, 23), 8)


def test_critical_path_from_a_task_in_progress(catalog: Catalog) -> None:
    checks_done = dict.fromkeys(("AC-DES-002", "AC-ENG-001", "AC-ENG-002"), "pass")
    s = state(statuses={**STATUSES, **checks_done, "RS-001": "closed"})
    path = analysis.critical_path(graph.build(catalog, s), catalog, s, "delivery")
    assert [(st.item.id, st.start, st.finish) for st in path.steps] == [
        ("DP-001", D(2026, 12, 1), D(2026, 12, 11)),
        ("DP-002", D(2026, 12, 11), D(2026, 12, 16)),
        ("DP-003", D(2026, 12, 16), D(2026, 12, 19)),
    ]
    assert path.slack == 12


def test_critical_path_late_and_planned_starts(catalog: Catalog) -> None:
    s = state(as_of=D(2026, 12, 25), statuses={**STATUSES, "DP-001": "done"})
    path = analysis.critical_path(graph.build(catalog, s), catalog, s, "delivery")
    assert [st.item.id for st in path.steps] == ["RS-001", "DP-002", "DP-003"]
    assert (path.finish, path.slack) == (D(2027, 1, 2), -2)
    nothing = analysis.critical_path(graph.build(catalog, s), catalog, s, "sales_launch")
    assert (nothing.steps, nothing.slack) == ((), -299)


def test_focus_upstream_and_downstream(catalog: Catalog) -> None:
    f = analysis.focus(graph.build(catalog, state()), "AC-ENG-002")
    assert [e.id for e in f.upstream] == ["AC-DES-001", "AC-DES-002", "AC-ENG-001"]
    assert [(e.id, e.status) for e in f.downstream] == [
        ("DP-001", "doing"),
        ("DP-002", "todo"),
        ("DP-003", "todo"),
    ]
    g = graph.build(catalog)
    assert [e.id for e in analysis.focus(g, "RS-001").downstream] == ["DP-002", "DP-003"]
    point = analysis.focus(g, "SP-MKT-001")
    assert ([e.id for e in point.upstream], point.downstream) == (["AC-DES-001", "RS-001"], ())
    assert analysis.focus(g, "AC-DES-003") == analysis.Focus(
        analysis.Entry.of(g, "AC-DES-003"), (), ()
    )


def test_positioning_level_and_extra_risks(catalog: Catalog) -> None:
    extra = Risk.model_validate(
        {
            **MINIMAL["risks/sales.yaml"]["risks"][0],
            "id": "RS-090",
            "depends_on": ["RS-001"],
            "points": ["SP-ENG-001"],
        }
    )
    g = graph.build(catalog, state(extra_risks=((extra, "p/project.yaml", 40),)))
    assert "AC-DES-003" in graph.build(catalog) and "AC-DES-003" not in g
    assert g.nodes["RS-090"]["status"] == "open" and g.nodes["RS-090"]["line"] == 40
    assert [b.item.id for b in analysis.blocked(g)][:3] == ["AC-ENG-002", "DP-001", "DP-002"]
    assert ("RS-090", "SP-ENG-001", "threatens") in g.edges(data="kind")


def test_cut_to_stage_recounts_handoffs(catalog: Catalog) -> None:
    result = analysis.analyse(catalog, stage="sales")
    g = result.graph
    assert sorted(n for n, d in g.nodes(data=True) if d["kind"] == "check") == [
        "AC-DES-001",
        "AC-DES-002",
        "AC-DES-003",
        "AC-ENG-001",
        "AC-ENG-002",
    ]
    assert "DP-001" not in g and "stage:sales" in g and "stage:delivery" not in g
    assert result.matrix.as_dict() == {"design": {"engineering": 2, "marketing": 1}}


def test_analyse_focus_with_project(catalog: Catalog) -> None:
    result = analysis.analyse(catalog, state(), focus_on="DP-002")
    assert result.focus is not None and result.blocked is not None
    assert sorted(n for n, d in result.graph.nodes(data=True) if d["kind"] in graph.ITEM_KINDS) == [
        "AC-DES-001",
        "AC-DES-002",
        "AC-ENG-001",
        "AC-ENG-002",
        "DP-001",
        "DP-002",
        "DP-003",
        "RS-001",
    ]
    assert result.critical is not None and result.critical.milestone == "delivery"


def test_exports_are_deterministic_and_escaped(catalog: Catalog) -> None:
    for fmt in ("dot", "mermaid", "graphml", "json"):
        assert graph.export(graph.build(catalog), fmt) == graph.export(graph.build(catalog), fmt)
    g = graph.build(catalog)
    g.nodes["AC-DES-001"]["title_en"] = 'Say "hi" <b>#1</b>'
    mermaid = graph.export(g, "mermaid")
    assert mermaid.startswith("flowchart LR\n")
    assert 'n_AC_DES_001["AC-DES-001 Say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt;"]' in mermaid
    assert '"AC-DES-001 Say \\"hi\\" <b>#1</b>"' in graph.export(g, "dot")
    assert graph.mermaid_ids(["a-b", "a_b", "a.b"]) == {
        "a-b": "n_a_b",
        "a.b": "n_a_b_2",
        "a_b": "n_a_b_3",
    }
