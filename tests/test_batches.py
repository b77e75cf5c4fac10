"""Handing over in batches (SPEC §12): the view of a batch, gates batch by batch, checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gatekit import AS_OF, catalog, project, write_project

from journey.errors import InvalidInput, UsageProblem
from journey.gates import GateResult, evaluate
from journey.messages import render_problem
from journey.output import render
from journey.project import check_project, load_project

BATCHES = [
    {"id": "batch-a", "buildings": ["T1", "T2"]},
    {
        "id": "batch-b",
        "buildings": ["T3"],
        "milestones": {"open_day": "2026-10-20", "delivery": "2027-01-15"},
    },
]
PASSED = {"OD-002": "pass", "OD-005": "pass"}
FAILS_IN_T3 = {"OD-001": {"status": "pass", "buildings": {"T3": "fail"}}, **PASSED}
FINDINGS = (
    "F-1,AC-CIV-001,T1,101,,verified,2026-10-01,,2026-10-05,Acme,\n"
    "F-2,AC-CIV-003,T1,102,,open,2026-10-20,,,Acme,\n"
    "F-3,AC-CIV-001,T3,301,,verified,2026-10-02,,2026-10-03,Bolt,\n"
)


def batched(tmp_path: Path, **fields: Any) -> Any:
    fields.setdefault("batches", BATCHES)
    return project(tmp_path, **fields)


def blocking(result: GateResult | Any) -> dict[str, list[str]]:
    """Rule id -> the ids of the items that fail it."""
    return {r.id: [i.id for i in r.items if i.status == "fail"] for r in result.rules}


def test_a_batch_sees_its_buildings_milestones_and_results(tmp_path: Path) -> None:
    p = batched(tmp_path, checks=FAILS_IN_T3, findings=FINDINGS)
    a, b = p.for_batch("batch-a"), p.for_batch("batch-b")
    assert (a.buildings, b.buildings) == (("T1", "T2"), ("T3",))
    assert a.file.milestones["delivery"].isoformat() == "2026-11-20"
    assert b.file.milestones["delivery"].isoformat() == "2027-01-15"
    assert (p.check_status("OD-001"), a.check_status("OD-001"), b.check_status("OD-001")) == (
        "fail", "pass", "fail",
    )  # fmt: skip
    assert (sorted(a.findings.by_building), a.findings.rows) == (["T1"], 2)
    assert (sorted(b.findings.by_building), b.findings.rows) == (["T3"], 1)


def test_batch_by_batch_names_which_batch_fails_on_which_item(tmp_path: Path) -> None:
    p = batched(tmp_path, checks=FAILS_IN_T3, findings=FINDINGS)
    result = evaluate("open-day", p)
    assert [(b.id, b.verdict) for b in result.batches] == [("batch-a", "pass"), ("batch-b", "fail")]
    assert blocking(result.batches[1]) == {"open-day-checks": ["OD-001"]}
    assert result.verdict == "fail" and blocking(result) == {"open-day-checks": ["OD-001"]}
    assert result.rules[0].items[0].batches == ("batch-b",)
    assert result.batches[1].milestone_date is not None
    assert result.batches[1].milestone_date.isoformat() == "2026-10-20"


def test_findings_are_judged_per_batch(tmp_path: Path) -> None:
    result = evaluate("findings", batched(tmp_path, findings=FINDINGS))
    assert [(b.id, b.verdict) for b in result.batches] == [("batch-a", "fail"), ("batch-b", "pass")]
    assert blocking(result.batches[0]) == {"findings-closed": ["T1", "AC-CIV-003"]}
    assert [i.batches for i in result.rules[0].items] == [("batch-a",), ("batch-a",)]


def test_an_item_blocking_in_every_batch_is_one_item_naming_them(tmp_path: Path) -> None:
    result = evaluate("delivery-risks", batched(tmp_path))
    items = result.rules[0].items
    assert [i.id for i in items] == ["RD-001", "RD-002"]
    assert {i.batches for i in items} == {("batch-a", "batch-b")}
    assert result.rules[0].reason.code == "gate.rule_failed_in"
    assert result.counts.items_failed == 2


def test_tasks_follow_each_batch_milestones(tmp_path: Path) -> None:
    result = evaluate("tasks", batched(tmp_path, tasks={"DP-001": "done"}))
    # DP-002 finishes a week before each batch's own delivery: two items, one a batch.
    assert [blocking(b)["tasks-done"] for b in result.batches] == [["DP-002"], ["DP-002"]]
    finishes = {
        (i.id, i.batches): i.reason.params["finish"]
        for i in result.rules[0].items
        if i.status == "fail"
    }
    assert finishes == {
        ("DP-002", ("batch-a",)): "2026-11-13",
        ("DP-002", ("batch-b",)): "2027-01-08",
    }


def test_one_batch_alone(tmp_path: Path) -> None:
    checks = {
        "OD-001": {"status": "pass", "buildings": {"T3": "fail"}},
        "OD-002": "pass",
        "OD-005": "pass",
    }
    p = batched(tmp_path, checks=checks)
    a = evaluate("open-day", p, batch="batch-a")
    assert (a.verdict, a.batch, a.batches) == ("pass", "batch-a", ())
    b = evaluate("open-day", p, batch="batch-b")
    assert (b.verdict, blocking(b)) == ("fail", {"open-day-checks": ["OD-001"]})
    with pytest.raises(UsageProblem) as caught:
        evaluate("open-day", p, batch="batch-c")
    assert caught.value.params["suggestion"] == "batch-b"
    with pytest.raises(UsageProblem):
        evaluate("open-day", project(tmp_path / "plain"), batch="batch-a")


def test_a_project_without_batches_is_judged_as_before(tmp_path: Path) -> None:
    result = evaluate("open-day", project(tmp_path, checks={"OD-001": "fail"}))
    assert result.batches == () and result.batch is None
    assert all(not i.batches for r in result.rules for i in r.items)


def test_every_output_format_shows_the_batches(tmp_path: Path) -> None:
    checks = {
        "OD-001": {"status": "pass", "buildings": {"T3": "fail"}},
        "OD-002": "pass",
        "OD-005": "pass",
    }
    result = evaluate("open-day", batched(tmp_path, checks=checks))
    text = render("text", result, "en")
    assert "batch-a (T1, T2) · open_day 2026-09-15 (47 days ago): PASS, 0 rules fail" in text
    assert "batch-b (T3) · open_day 2026-10-20 (12 days ago): FAIL, 1 rule fails" in text
    assert "   x OD-001 Check OD-001  [batch-b] — overdue by 12 days (2026-10-20)" in text
    md = render("markdown", result, "zh")
    assert "| batch-b | T3 | 2026-10-20 | ❌ 未通过 |" in md
    junit = render("junit", result, "en")
    assert '<testsuite name="open-day.batch-a"' in junit and 'name="open-day.batch-b"' in junit
    import json

    data = json.loads(render("json", result, "en"))
    assert [(b["id"], b["verdict"], b["buildings"]) for b in data["batches"]] == [
        ("batch-a", "pass", ["T1", "T2"]),
        ("batch-b", "fail", ["T3"]),
    ]
    assert data["rules"][0]["items"][0]["batches"] == ["batch-b"]
    sarif = json.loads(render("sarif", result, "en"))
    assert sarif["runs"][0]["results"][0]["properties"]["batches"] == ["batch-b"]
    assert "[batch-b]" in render("github", result, "en")


# Project checks ------------------------------------------------------------------------


def problems(tmp_path: Path, **fields: Any) -> list[str]:
    folder = write_project(tmp_path / "p", **fields)
    found, _ = check_project(folder, catalog(tmp_path), as_of=AS_OF)
    return [render_problem(p, "en").split("project.yaml:", 1)[1] for p in found if p.is_error]


def test_every_building_in_exactly_one_batch(tmp_path: Path) -> None:
    twice = [{"id": "a", "buildings": ["T1", "T2"]}, {"id": "b", "buildings": ["T2", "T3", "T9"]}]
    assert problems(tmp_path, batches=twice) == [
        "23:5: error: batches[1].buildings[0]: building `T2` is already in batch `a`; every "
        "building belongs to exactly one batch",
        "25:5: error: batches[1].buildings[2]: building `T9` is not in the project's "
        "`buildings:` list",
    ]
    assert problems(tmp_path / "one", batches=[{"id": "a", "buildings": ["T1"]}]) == [
        "17:1: error: batches: buildings T2, T3 are in no batch; every building belongs to "
        "exactly one batch"
    ]


def test_batch_ids_milestones_and_per_building_results(tmp_path: Path) -> None:
    batches = [
        {"id": "a", "buildings": ["T1", "T2"], "milestones": {"opne_day": "2026-10-01"}},
        {"id": "a", "buildings": ["T3"]},
    ]
    checks = {"OD-001": {"status": "pass", "buildings": {"T4": "fail"}}}
    assert problems(tmp_path, batches=batches, checks=checks) == [
        "22:5: error: batches[0].milestones.opne_day: the batch milestone `opne_day` is not one "
        "of the project's milestones (sales_launch, open_day, delivery) (did you mean `open_day`?)",
        "23:7: error: batches[1].id: the batch id `a` is used twice (first on line 17)",
        "30:7: error: checks.OD-001.buildings.T4: building `T4` is not in the project's "
        "`buildings:` list; a result per building names a listed building",
    ]


def test_a_batched_project_loads_and_rejects_a_bad_batch(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", batches=[{"id": "a", "buildings": []}])
    with pytest.raises(InvalidInput) as caught:
        load_project(folder, catalog(tmp_path), AS_OF)
    assert "needs at least 1 entries" in render_problem(caught.value.problems[0], "en") or any(
        "buildings" in p.path for p in caught.value.problems
    )


def test_the_cli_names_an_unknown_batch_and_evaluates_one(tmp_path: Path, run: Any) -> None:
    folder = write_project(tmp_path / "p", batches=BATCHES, checks=PASSED)
    catalog_dir = tmp_path / "c"
    from gatekit import CATALOG
    from helpers import write_tree

    write_tree(catalog_dir, CATALOG)
    common = ("--catalog", str(catalog_dir), "--as-of", "2026-11-01")
    result = run(*common, "gate", "open-day", "-p", str(folder), "--batch", "batch-x")
    assert result.code == 2
    assert result.err.endswith(
        "journey: error: the project has no batch `batch-x`; its batches are batch-a, batch-b "
        "(did you mean `batch-b`?)\n"
    )
    result = run(*common, "gate", "open-day", "-p", str(folder), "--batch", "batch-b")
    assert result.code == 1 and "batch batch-b" in result.out.splitlines()[0]
    plain = write_project(tmp_path / "plain")
    result = run(*common, "gate", "open-day", "-p", str(plain), "--batch", "batch-a")
    assert result.code == 2 and "has no batches" in result.err
