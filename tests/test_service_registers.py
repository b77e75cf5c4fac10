"""The after-delivery registers (journey.service): what they add up to, and every kind of
bad input named at its place — CSV line, xlsx sheet and row, YAML line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import Runner
from servicekit import (
    REPAIR_HEADER,
    SURVEY_HEADER,
    catalog,
    complaint,
    project,
    repair,
    table,
)

from journey.errors import InvalidInput
from journey.messages import render_problem
from journey.project import Project, check_project


def problems(tmp_path: Path, **registers: object) -> list[str]:
    """Every problem of the project, rendered in English, paths relative to tmp_path."""
    with pytest.raises(InvalidInput) as err:
        project(tmp_path, **registers)  # type: ignore[arg-type]
    shown = [render_problem(p, "en") for p in err.value.problems]
    return [line.replace(str(tmp_path) + "/", "") for line in shown]


def at(found: list[str], where: str) -> str:
    """The one problem at `where` (e.g. `repairs.csv:3`)."""
    hits = [line for line in found if where in line]
    assert len(hits) == 1, found
    return hits[0]


# Repairs -------------------------------------------------------------------------------


def test_repairs_add_up_per_category_party_and_home(tmp_path: Path) -> None:
    rows = [
        repair("R1"),
        repair("R2", "leakage", onsite="2026-10-01 11:00", fixed="2026-10-10", responsible="宏建"),
        repair("R3", "leakage", onsite="2026-10-01 11:00", repeat_of="R2", investigated="2026-10-02"),
        repair("R4", responsible="", reported="2026-10-30 09:00", responded="", onsite="",
               fixed="", status="open"),
    ]  # fmt: skip
    p: Project = project(tmp_path, repairs=rows)
    repairs = p.service.repairs
    assert (repairs.total, repairs.repeats, repairs.open) == (4, 1, 1)
    leak = repairs.by_category["leakage"]
    assert (leak.total, leak.decided, leak.met_all, leak.fix) == (2, 2, 1, [1, 2])
    assert repairs.by_party["宏建"].total == 3 and repairs.by_party[""].open == 1
    assert repairs.home_repeats == {("T1", "1201"): 1}


def test_parties_past_the_limit_are_counted_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first MAX_PARTIES responsible parties are counted one by one, in the order they
    are met; the repairs of any other party are counted together under "…"."""
    from journey.service import repairs as repairs_module

    monkeypatch.setattr(repairs_module, "MAX_PARTIES", 2)
    rows = [
        repair("R1", responsible="宏建"),
        repair("R2", "leakage", responsible="金门", fixed="2026-10-30"),
        repair("R3", responsible="安达", fixed="", status="open"),
        repair("R4", "leakage", responsible="华艺", repeat_of="R2", investigated="2026-10-02"),
        repair("R5", responsible="宏建"),
    ]  # fmt: skip
    by_party = project(tmp_path, repairs=rows).service.repairs.by_party
    assert list(by_party) == ["宏建", "金门", "…"]
    assert [(p.total, p.decided, p.met_all) for p in by_party.values()] == [
        (2, 2, 2), (1, 1, 0), (2, 2, 0)
    ]  # fmt: skip
    assert (by_party["…"].open, by_party["…"].repeats) == (1, 1)


def test_chinese_headers_and_category_titles_are_read(tmp_path: Path) -> None:
    header = ["报修单号", "报修类别", "楼栋", "房号", "报修时间", "响应时间", "上门时间",
              "完成日期", "复验日期", "状态", "重复报修单号", "查勘日期", "责任单位", "备注"]  # fmt: skip
    folder = tmp_path / "project"
    table(folder / "repairs.csv", header, [repair("R1", "渗漏"), repair("R2", "Doors")])
    p = project(tmp_path, listed={"repairs": ["repairs.csv"]})
    assert p.service.repairs.by_category["leakage"].total == 1
    assert p.service.repairs.by_category["doors"].total == 1


def test_bad_repair_rows_are_named_at_their_line(tmp_path: Path) -> None:
    rows = [
        repair("R1", "leakge"),
        repair("R2", onsite="2026-09-30 08:00"),
        repair("R3", repeat_of="R99"),
        repair("R4", repeat_of="R4"),
        repair("R5", fixed="", status="fixed"),
        repair("R6", repeat_of="R7"),  # names a repair further down: fine
        repair("R7"),
        repair("R8", building="T9"),
    ]
    found = problems(tmp_path, repairs=rows)
    assert at(found, "repairs.csv:2:") == (
        "project/repairs.csv:2: error: category: unknown repair category `leakge`; use one of "
        "'leakage', 'crack' or 'doors' (did you mean `leakage`?)"
    )
    assert "onsite 2026-09-30 08:00 is before reported 2026-10-01 09:00" in at(found, "csv:3:")
    assert at(found, "csv:4:").endswith(
        "repeat_of: `R99` is no repair of the register; `repeat_of` names the earlier repair order"
    )
    assert "names itself" in at(found, "csv:5:")
    assert "is `fixed` but has no fixed date" in at(found, "csv:6:")
    assert "unknown building `T9`" in at(found, "csv:9:")
    assert len(found) == 6


def test_a_repair_register_that_is_missing_or_listed_twice(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    table(folder / "repairs.csv", REPAIR_HEADER, [repair("R1")])
    found = problems(tmp_path, listed={"repairs": ["repairs.csv", "repairs.csv", "r2.csv"]})
    assert any("repairs[1]: the repair register `repairs.csv` is listed twice" in f for f in found)
    assert any("repairs[2]: the repair register `r2.csv` does not exist" in f for f in found)


def repair_book(folder: Path, *rows: list[str]) -> None:
    """`folder/repairs.xlsx`: a repair register on the sheet 报修台账."""
    pytest.importorskip("openpyxl")
    from workbooks import write_book

    folder.mkdir()
    write_book(folder / "repairs.xlsx", {"报修台账": [REPAIR_HEADER, *rows]})


def test_a_bad_cell_in_an_xlsx_register_names_its_sheet_and_row(tmp_path: Path) -> None:
    repair_book(tmp_path / "project", repair("R1"), repair("R2", status="closed"))
    found = problems(tmp_path, listed={"repairs": ["repairs.xlsx"]})
    assert found == [
        "project/repairs.xlsx:报修台账!3: error: status: `closed` is not allowed here; use one of "
        "'open', 'in-progress', 'fixed', 'verified' or 'reopened'"
    ]


# Complaints ----------------------------------------------------------------------------


def test_complaints_add_up_per_level_channel_and_month(tmp_path: Path) -> None:
    rows = [
        complaint("C1"),
        complaint("C2", channel="微博", level="3", escalated_to="品牌公关", topic="SP-ENG-001"),
        complaint(
            "C3",
            channel="12345",
            level="重要投诉",
            compensation="1,200",
            evidence="照片",
            escalated_to="legal",
        ),
    ]
    summary = project(tmp_path, complaints=rows).service.complaints
    assert summary.total == 3 and summary.open == 0
    assert summary.by_level["serious"].by_channel == {"weibo": 1}
    assert summary.by_level["major"].amount == 1200.0
    assert summary.by_channel() == {"phone": 1, "weibo": 1, "government": 1}
    assert summary.by_month == {(2026, 10): {"general": 1, "serious": 1, "major": 1}}
    assert summary.topics == {"SP-ENG-001": 1}
    assert [e.id for e in summary.timeline] == ["C2"]  # the two highest levels only


def test_bad_complaint_rows_are_named_at_their_line(tmp_path: Path) -> None:
    rows = [
        complaint("C1", level="0"),
        complaint("C2", level="5"),
        complaint("C3", level="genral"),
        complaint("C4", channel="wechatt"),
        complaint("C5", escalated_to="pr"),
        complaint("C6", compensation="some"),
        complaint("C7", responded="2026-09-30 10:00"),
        complaint("C8", households="0"),
    ]
    found = problems(tmp_path, complaints=rows)
    assert at(found, "csv:2:").endswith(
        "level: level 0 is below the lowest complaint level, 1 (`general`)"
    )
    assert at(found, "csv:3:").endswith(
        "level: level 5 is above the highest complaint level, 4 (`crisis`)"
    )
    assert "unknown complaint level `genral`" in at(found, "csv:4:")
    assert "(did you mean `general`?)" in at(found, "csv:4:")
    assert "unknown channel `wechatt`" in at(found, "csv:5:")
    assert "(did you mean `wechat`?)" in at(found, "csv:5:")
    assert "escalated_to: unknown profession `pr`" in at(found, "csv:6:")
    assert "`some` is neither an amount nor yes or no" in at(found, "csv:7:")
    assert "responded 2026-09-30 10:00 is before received" in at(found, "csv:8:")
    assert "`0` is outside the allowed range 1 to -" in at(found, "csv:9:")


# Surveys -------------------------------------------------------------------------------


def test_bad_survey_answers_are_named_at_their_line(tmp_path: Path) -> None:
    rows = [
        ["1201", "run-in", "repair", "8", "11"],
        ["1202", "run in", "repair", "8", "7"],
        ["1203", "磨合期", "repairs", "0", "7"],
    ]
    found = problems(tmp_path, surveys=rows)
    assert "perceived: `11` is outside the allowed range 1 to 10" in at(found, "csv:2:")
    assert "stage: unknown life-cycle stage `run in`" in at(found, "csv:3:")
    assert "(did you mean `run-in`?)" in at(found, "csv:3:")
    assert "expected: `0` is outside the allowed range 1 to 10" in at(found, "csv:4:")


def test_a_stage_that_misses_the_months_since_handover_warns(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    rows = [
        ["1201", "run-in", "repair", "8", "8", "2026-03-01"],
        ["1202", "run-in", "repair", "8", "8", "2026-12-01"],  # 13 months after 2025-10-30
        ["1203", "prospective", "repair", "8", "8", "2026-01-10"],
    ]
    table(folder / "surveys.csv", [*SURVEY_HEADER, "surveyed"], rows)
    p = project(tmp_path, listed={"surveys": ["surveys.csv"]})
    warned = [render_problem(w, "en") for w in p.warnings]
    assert warned == [
        f"{folder}/surveys.csv:3: warning: stage: 2 answers name a life-cycle stage that does "
        "not cover the months since handover on 2025-10-30 (first here: `run-in`, 13 months); "
        "check the stage or the survey date"
    ]


# Actions in project.yaml ---------------------------------------------------------------


def test_bad_actions_are_named_at_their_yaml_place(tmp_path: Path) -> None:
    actions = [
        {"id": "IA-001", "dimension": "repiar", "action": "回访", "owner": "customer-relations",
         "due": "2026-12-31"},
        {"id": "IA-002", "dimension": "repair", "action": "回访", "due": "2026-12-31"},
        {"id": "IA-003", "dimension": "repair", "action": "回访", "owner": "customer-relations"},
        {"id": "IA-001", "target": "SP-ENG-009", "action": "培训", "owner": "engineer",
         "due": "2026-12-31"},
    ]  # fmt: skip
    found = problems(tmp_path, actions=actions)
    yaml = [line.split(": ", 1)[1] for line in found if "project.yaml" in line]
    assert "error: actions[0].dimension: unknown satisfaction dimension `repiar` (did you mean " \
        "`repair`?)" in yaml  # fmt: skip
    assert "error: actions[1].owner: the required field `owner` is missing" in yaml
    assert "error: actions[2].due: the required field `due` is missing" in yaml
    assert "error: actions[3].id: the action id `IA-001` is already used on line 15; give each " \
        "action its own id" in yaml  # fmt: skip
    assert any(
        line.startswith("error: actions[3].target: `SP-ENG-009` is no item") for line in yaml
    )
    assert any(
        line.startswith("error: actions[3].owner: unknown profession `engineer`") for line in yaml
    )


def test_validate_reads_the_registers_of_a_project(tmp_path: Path) -> None:
    project(tmp_path, repairs=[repair("R1")], complaints=[complaint("C1")])
    folder = tmp_path / "project"
    found, files = check_project(folder, catalog(tmp_path / "again"))
    assert (found, files) == ([], 3)


def test_bad_registers_exit_2_naming_their_places(tmp_path: Path, run: Runner) -> None:
    from helpers import write_tree
    from servicekit import CATALOG, REPAIR_HEADER, SURVEY_HEADER

    catalog_dir = write_tree(tmp_path / "catalog", CATALOG)
    folder = tmp_path / "project"
    table(folder / "repairs.csv", REPAIR_HEADER, [repair("R1", "leakge")])
    table(folder / "surveys.csv", SURVEY_HEADER, [["1201", "run-in", "repair", "8", "11"]])
    write_tree(folder, {"project.yaml": {
        "kind": "project", "id": "p", "name": "P", "positioning": "process",
        "buildings": ["T1"], "stage": "after-delivery",
        "milestones": {"delivery": "2025-10-30", "warranty_review": "2026-11-15"},
        "repairs": ["repairs.csv"], "surveys": ["surveys.csv"],
        "actions": [{"id": "IA-1", "dimension": "repair", "action": "回访",
                     "owner": "customer-relations"}],
    }})  # fmt: skip
    base = ["--catalog", str(catalog_dir), "--as-of", "2026-11-01"]
    for args in (["validate", str(folder)], ["gate", "repairs", "--project", str(folder)]):
        result = run(*base, *args)
        assert result.code == 2, result.err
        assert "repairs.csv:2: error: category: unknown repair category `leakge`" in result.err
        assert "surveys.csv:2: error: perceived: `11` is outside the allowed range 1 to 10" in (
            result.err
        )
        assert "project.yaml:16:3: error: actions[0].due: the required field `due`" in result.err


def test_a_rule_names_the_sheet_and_row_of_an_xlsx_register(tmp_path: Path) -> None:
    from journey.gates import evaluate

    folder = tmp_path / "project"
    repair_book(folder, repair("R1"), repair("R2", fixed="2026-10-20"))  # 19 days: limit 5
    result = evaluate("repairs", project(tmp_path, listed={"repairs": ["repairs.xlsx"]}))
    late = result.rules[0].items[0]
    assert (late.id, late.file, late.sheet, late.line) == (
        "doors", str(folder / "repairs.xlsx"), "报修台账", 3,
    )  # fmt: skip
