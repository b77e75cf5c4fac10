"""The status workbook (SPEC §11): statuses kept in Excel count exactly as in project.yaml,
with every problem placed at its sheet and row, and a conflict naming both places."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from gatekit import AS_OF, catalog, write_project
from helpers import Runner
from workbooks import (
    EXAMPLE_AS_OF,
    copy_example,
    move_statuses_out,
    rows,
    set_cell,
    write_book,
)

from journey.catalog import load_catalog
from journey.errors import InvalidInput
from journey.exporting import export
from journey.gates import GateResult, evaluate
from journey.messages import render_problem
from journey.output import render
from journey.output.json import document
from journey.problems import Place
from journey.project import load_project

RISKS = ["id", "status", "likelihood", "impact", "assignee", "due", "evidence", "note"]
CHECKS = ["id", "status", "evidence", "note", "checked", "by"]
TASKS = ["id", "status", "assignee", "done", "note"]
SARIF_SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"

STATES: dict[str, Any] = {
    "risks": {
        "RD-001": {
            "status": "mitigating",
            "likelihood": "2",
            "assignee": "Li Wei",
            "due": "2026-10-01",
            "note": "night shift",
        },
        "RS-003": "closed",
    },
    "checks": {"OD-001": {"status": "fail", "note": "lift not certified"}, "OD-002": "pass"},
    "tasks": {"DP-001": {"status": "done", "done": "2026-10-20"}, "DP-002": "doing"},
}


def book(
    risks: list[list[Any]] | None = None,
    checks: list[list[Any]] | None = None,
    tasks: list[list[Any]] | None = None,
) -> dict[str, list[list[Any]]]:
    """The three sheets with English headers and the given rows."""
    return {"risks": [RISKS, *(risks or [])], "checks": [CHECKS, *(checks or [])],
            "tasks": [TASKS, *(tasks or [])]}  # fmt: skip


SAME_IN_A_BOOK = book(
    risks=[
        ["RD-001", "mitigating", 2, None, "Li Wei", dt.date(2026, 10, 1), None, "night shift"],
        ["RS-003", "closed"],
    ],
    checks=[["OD-001", "fail", None, "lift not certified"], ["OD-002", "pass"]],
    tasks=[["DP-001", "done", None, dt.date(2026, 10, 20)], ["DP-002", "doing"]],
)


def with_book(tmp_path: Path, sheets: dict[str, list[list[Any]]], **fields: Any) -> Path:
    folder = write_project(tmp_path / "project", status="status.xlsx", **fields)
    write_book(folder / "status.xlsx", sheets)
    return folder


def problems_of(tmp_path: Path, folder: Path) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load_project(folder, catalog(tmp_path), AS_OF)
    return [render_problem(p, "en") for p in caught.value.problems if p.is_error]


def without_places(result: GateResult) -> dict[str, Any]:
    doc = document(result, "en")
    doc["project"].pop("path")
    for item in items_of(doc):
        for key in ("file", "line", "col", "sheet"):
            item.pop(key, None)
    return doc


def items_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of a JSON gate result: of its rules, and of each batch's rules."""
    rules = [*doc["rules"], *(r for batch in doc.get("batches", ()) for r in batch["rules"])]
    return [item for rule in rules for item in rule["items"]]


# Counting exactly as project.yaml ------------------------------------------------------


def test_workbook_statuses_are_the_projects_own(tmp_path: Path) -> None:
    in_yaml = load_project(write_project(tmp_path / "yaml", **STATES), catalog(tmp_path), AS_OF)
    in_book = load_project(with_book(tmp_path, SAME_IN_A_BOOK), catalog(tmp_path), AS_OF)
    for section in ("risks", "checks", "tasks"):
        assert getattr(in_book.file, section) == getattr(in_yaml.file, section)
    assert in_book.risk_status("RD-001") == "mitigating"
    assert in_book.check_status("OD-001") == "fail" and in_book.check_status("OD-003") == "pending"
    assert in_book.task_status("DP-002") == "doing"
    for gate in in_yaml.catalog.gates:
        assert without_places(evaluate(gate, in_book)) == without_places(evaluate(gate, in_yaml))


def test_a_workbook_status_is_placed_at_its_sheet_and_row(tmp_path: Path) -> None:
    project = load_project(with_book(tmp_path, SAME_IN_A_BOOK), catalog(tmp_path), AS_OF)
    shown = project.status_place("checks", "OD-001").file
    assert shown.endswith("status.xlsx")
    assert project.status_place("checks", "OD-001") == Place(shown, 2, 0, "checks")
    assert project.status_place("risks", "RS-003") == Place(shown, 3, 0, "risks")
    assert project.status_place("checks", "OD-004").file == project.path  # recorded nowhere
    result = evaluate("open-day", project)
    item = next(i for r in result.rules for i in r.items if i.id == "OD-001")
    assert (item.file, item.line, item.sheet) == (shown, 2, "checks")
    assert f"{shown}:checks!2" in render("text", result, "en")
    assert f"({shown}:checks!2)" in render("junit", result, "en")
    sarif = json.loads(render("sarif", result, "en"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    found = next(r for r in sarif["runs"][0]["results"] if r["properties"]["item"] == "OD-001")
    location = found["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": 2}
    assert location["properties"] == {"sheet": "checks"}
    assert json.loads(render("json", result, "en"))["rules"][0]["items"][0]["sheet"] == "checks"


def test_chinese_sheets_headers_and_statuses_read(tmp_path: Path) -> None:
    sheets: dict[str, list[list[Any]]] = {
        "风险": [["编号", "状态", "可能性", "责任人", "完成时限"], ["RD-001", "管控中", 2, "李伟", "2026-10-01"]],
        "检查项": [["编号", "名称", "状态", "备注"], ["OD-001", "开放日", "不通过", "电梯未检"]],
        "计划任务": [["编号", "状态", "完成日期"], ["DP-001", "已完成", dt.date(2026, 10, 20)]],
    }  # fmt: skip
    project = load_project(with_book(tmp_path, sheets), catalog(tmp_path), AS_OF)
    assert project.file.risks["RD-001"].status == "mitigating"
    assert project.file.risks["RD-001"].likelihood == 2
    assert project.file.risks["RD-001"].due == dt.date(2026, 10, 1)
    assert project.file.checks["OD-001"].note == "电梯未检"
    assert project.file.tasks["DP-001"].done == dt.date(2026, 10, 20)
    assert project.status_place("tasks", "DP-001").sheet == "计划任务"


# Problems ------------------------------------------------------------------------------


def test_an_id_with_a_status_in_both_places_is_an_error_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = with_book(tmp_path, SAME_IN_A_BOOK, checks={"OD-002": "fail", "OD-003": "pass"})
    assert problems_of(tmp_path, folder) == [
        "project/project.yaml:18:3: error: checks.OD-002: `OD-002` has a status here and in "
        "the status workbook at project/status.xlsx:checks!3; keep one of the two"
    ]


def test_bad_rows_are_named_by_sheet_and_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sheets = book(
        risks=[
            ["RD-001", "mitigating", 7],
            ["RD-0O2", "open"],
            ["OD-001", "closed"],
            ["RD-003", "done"],
        ],
        checks=[
            ["OD-001", "pass", None, None, "20/10/2026"],
            ["OD-002", None, "photo"],
            ["OD-001", "fail"],
        ],
    )
    folder = with_book(tmp_path, sheets)
    assert problems_of(tmp_path, folder) == [
        "project/status.xlsx:checks!2: error: checked: `20/10/2026` is not a date; write it "
        "as YYYY-MM-DD, e.g. 2026-10-20",
        "project/status.xlsx:checks!3: error: status: this cell is empty; every row needs a "
        "value here",
        "project/status.xlsx:checks!4: error: id: the id `OD-001` is already used at "
        "project/status.xlsx:checks!2; every row needs its own id",
        "project/status.xlsx:risks!2: error: likelihood: `7` is outside the allowed range 1 to 5",
        "project/status.xlsx:risks!3: error: id: unknown risk `RD-0O2`; check the id against "
        "`journey catalog list` (did you mean `RD-002`?)",
        "project/status.xlsx:risks!4: error: id: `OD-001` is a checklist item; its row belongs "
        "on the `checks` sheet",
        "project/status.xlsx:risks!5: error: status: `done` is not allowed here; use one of "
        "'open', '未关闭', 'mitigating', '管控中', 'closed', '已关闭', 'accepted' or "
        "'风险接受（已审批）'",
    ]


def test_a_missing_sheet_is_named_with_the_sheets_there_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sheets = book()
    sheets["task"] = sheets.pop("tasks")
    assert problems_of(tmp_path, with_book(tmp_path, sheets)) == [
        "project/status.xlsx: error: the workbook has no worksheet `tasks`; its "
        "worksheets are risks, checks, task (did you mean `task`?)"
    ]


def test_the_workbook_must_exist_and_be_xlsx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = write_project(tmp_path / "project", status="status.csv")
    (folder / "status.csv").write_text("id,status\n", encoding="utf-8")
    assert problems_of(tmp_path, folder) == [
        "project/project.yaml:16:9: error: status: the status workbook "
        "`status.csv` must be an .xlsx file (`journey export status` writes one)"
    ]
    folder = write_project(tmp_path / "other", status="gone.xlsx")
    assert problems_of(tmp_path, folder) == [
        "other/project.yaml:16:9: error: status: the status workbook `gone.xlsx` "
        "does not exist (paths are relative to the project folder)"
    ]


def test_validate_reads_the_workbook(run: Runner, tmp_path: Path) -> None:
    folder = with_book(tmp_path, SAME_IN_A_BOOK)
    cat = str(tmp_path / "catalog")
    catalog(tmp_path)
    result = run("--catalog", cat, "--as-of", str(AS_OF), "validate", str(folder))
    assert result.code == 0, result.err
    assert "2 files valid" in result.out
    set_cell(folder / "status.xlsx", "checks", "OD-002", "status", "passed")
    result = run("--catalog", cat, "--as-of", str(AS_OF), "gate", "open-day", "-p", str(folder))
    assert result.code == 2
    assert "status.xlsx:checks!3: error: status: `passed` is not allowed here" in result.err


# The example, round trip ---------------------------------------------------------------


@pytest.fixture(scope="module")
def journey_catalog() -> Any:
    return load_catalog()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_round_trip_of_the_examples_statuses(
    tmp_path: Path, lang: str, journey_catalog: Any
) -> None:
    """Export the statuses, take them out of project.yaml, name the workbook: every gate
    gives the same result, now pointing at the workbook's rows."""
    folder = copy_example(tmp_path)
    before = load_project(folder, journey_catalog, EXAMPLE_AS_OF)
    export("status", before, folder / "status.xlsx", lang=lang)
    move_statuses_out(folder, "status.xlsx")
    after = load_project(folder, journey_catalog, EXAMPLE_AS_OF)
    for section in ("risks", "checks", "tasks"):
        recorded = getattr(before.file, section)
        assert {k: v for k, v in getattr(after.file, section).items() if k in recorded} == recorded
    placed = 0
    for gate in journey_catalog.gates:
        old, new = without_places(evaluate(gate, before)), evaluate(gate, after)
        assert without_places(new) == _listed(old, without_places(new))
        placed += _point_at_the_workbook(new, folder)
    assert placed > 20


# The one difference a workbook makes: it lists every risk the project is assessed on, so
# a risk project.yaml left out is recorded there as `open`, and its reason says "still
# open" rather than "not listed under `risks:`".
LISTED = {
    "gate.reason.risk_unlisted": "gate.reason.risk_open",
    "gate.reason.red_risk_unlisted": "gate.reason.red_risk_open",
}


def _listed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`old` with the reasons of unlisted risks as the workbook words them."""
    for a, b in zip(items_of(old), items_of(new), strict=True):
        if a["reason_code"] in LISTED:
            assert b["reason_code"] == LISTED[a["reason_code"]], (a, b)
            a["reason_code"], a["reason"] = b["reason_code"], b["reason"]
    return old


def _point_at_the_workbook(result: GateResult, folder: Path) -> int:
    """Check that every item recorded in the workbook names its row; how many do."""
    count = 0
    for rule in result.rules:
        for item in rule.items:
            if item.sheet is None:
                continue
            assert item.file.endswith("status.xlsx")
            ids = [r[0] for r in rows(folder / "status.xlsx", item.sheet)]
            assert ids.index(item.id) + 1 == item.line
            count += 1
    return count


def test_changing_one_status_in_the_workbook_changes_the_gate(
    tmp_path: Path, journey_catalog: Any
) -> None:
    folder = copy_example(tmp_path)
    before = load_project(folder, journey_catalog, EXAMPLE_AS_OF)
    export("status", before, folder / "status.xlsx", lang="zh")
    move_statuses_out(folder, "status.xlsx")
    failing = _failing(evaluate("open-day", load_project(folder, journey_catalog, EXAMPLE_AS_OF)))
    assert "OD-011" in failing
    # OD-011 passed in T1–T5; T6's joint pre-walk is done now.
    set_cell(folder / "status.xlsx", "检查项", "OD-011", "分楼栋结果", "T6：通过")
    after = evaluate("open-day", load_project(folder, journey_catalog, EXAMPLE_AS_OF))
    assert _failing(after) == failing - {"OD-011"}


def _failing(result: GateResult) -> set[str]:
    return {i.id for r in result.rules for i in r.items if i.status == "fail"}


def test_a_damaged_workbook_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = write_project(tmp_path / "project", status="status.xlsx")
    (folder / "status.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (problem,) = problems_of(tmp_path, folder)
    assert problem.startswith("project/status.xlsx: error: cannot read the workbook")


def test_results_per_building_read_and_their_mistakes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    checks = ["id", "status", "per building"]
    good = {"risks": [RISKS], "checks": [checks, ["OD-001", "pass", "T3：不通过；T2: n/a"]],
            "tasks": [TASKS]}  # fmt: skip
    project = load_project(with_book(tmp_path, good), catalog(tmp_path), AS_OF)
    assert project.file.checks["OD-001"].buildings == {"T3": "fail", "T2": "n/a"}
    assert project.check_status("OD-001") == "fail"
    bad = {
        "risks": [RISKS],
        "checks": [
            checks,
            ["OD-001", "pass", "T9: fail"],
            ["OD-002", "pass", "T1 fail"],
            ["OD-003", "pass", "T1: failed"],
            ["OD-004", "pass", "T1: pass; T1: fail"],
        ],
        "tasks": [TASKS],
    }
    assert problems_of(tmp_path, with_book(tmp_path / "again", bad)) == [
        "again/project/status.xlsx:checks!2: error: buildings: unknown building `T9`",
        "again/project/status.xlsx:checks!3: error: buildings: `T1 fail` is not a result per "
        "building; write each as building: status, e.g. `T6: fail; T5: n/a`",
        "again/project/status.xlsx:checks!4: error: buildings: `failed` is not allowed here; "
        "use one of 'pending', '待检查', 'pass', '通过', 'fail', '不通过', 'n/a' or '不适用' "
        "(did you mean `fail`?)",
        "again/project/status.xlsx:checks!5: error: buildings: the building `T1` has two "
        "results here; keep one",
    ]
