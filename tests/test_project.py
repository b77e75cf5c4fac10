"""Project files (SPEC §3): loading, and every check against the catalog, exactly placed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL, Runner, null_device, write_tree

from journey.catalog import Catalog, load_catalog
from journey.errors import InvalidInput
from journey.messages import render_problem
from journey.problems import Problem
from journey.project import check_project, load_project

AS_OF = dt.date(2026, 10, 20)

CATALOG: dict[str, Any] = {
    **MINIMAL,
    "risks/delivery.yaml": {
        "kind": "risks",
        "phase": "delivery",
        "categories": [{"id": "quality", "title": "Quality"}],
        "risks": [
            {
                "id": "RD-001",
                "category": "quality",
                "title": "Window leakage at handover",
                "stage": "delivery",
                "owner": "engineering",
                "likelihood": "4",
                "impact": "5",
                "controls": ["Water test"],
                "level": "process",
                "points": ["SP-ENG-001"],
            },
        ],
    },
    "open-day.yaml": {
        "kind": "checklist",
        "id": "open-day",
        "title": "Open day",
        "stage": "delivery",
        "items": [
            {
                "id": f"OD-00{n}",
                "title": f"Prerequisite {n}",
                "area": "Site",
                "method": "Walk",
                "criterion": "Safe",
                "owner": "engineering",
                "blocking": "true",
                "level": "process",
            }
            for n in (1, 2, 3)
        ],
    },
    "acceptance.yaml": {
        "kind": "checklist",
        "id": "acceptance",
        "title": "Acceptance",
        "stage": "delivery",
        "items": [
            {
                "id": f"AC-CIV-00{n}",
                "title": f"Civil {n}",
                "area": "Unit",
                "method": "Look",
                "criterion": "Sound",
                "owner": "engineering",
                "blocking": "true" if n == 1 else "false",
                "level": "process",
            }
            for n in (1, 2)
        ],
    },
    "plan.yaml": {
        "kind": "plan",
        "id": "prep",
        "title": "Preparation",
        "tasks": [
            {
                "id": "DP-001",
                "title": "Customer list",
                "owner": "customer-relations",
                "anchor": "delivery",
                "offset_days": "-30",
                "duration_days": "10",
                "level": "process",
            },
            {
                "id": "DP-002",
                "title": "Open-day script",
                "owner": "customer-relations",
                "anchor": "open_day",
                "offset_days": "-10",
                "duration_days": "5",
                "level": "whole-process",
            },
        ],
    },
    "gates.yaml": {
        "kind": "gates",
        "gates": [
            {
                "id": "open-day",
                "title": "Open day",
                "stage": "delivery",
                "milestone": "open_day",
                "rules": [
                    {
                        "id": "open-day-prerequisites",
                        "rule": "checklist-passed",
                        "checklists": ["open-day"],
                    }
                ],
            }
        ],
    },
}

GOOD = """\
kind: project
id: harbour
name: {en: Harbour, zh: 海港}
positioning: process
units: 120
buildings: [T1, T2]
milestones:
  open_day: 2026-10-24
  delivery: 2026-12-26
stage: delivery
risks:
  RD-001: {status: mitigating, likelihood: 2, assignee: Li Wei, due: 2026-11-30}
checks:
  OD-001: pass
  OD-002: {status: fail, note: lift hall power off}
tasks:
  DP-001: done
findings: [findings.csv]
waivers:
  - target: OD-002
    reason: temporary lighting agreed
    approved_by: Zhang Min
    expires: 2026-12-31
extra_risks:
  - id: RX-001
    phase: delivery
    category: quality
    title: Noise from the new metro line
    stage: delivery
    owner: customer-relations
    likelihood: 3
    impact: 3
    controls: [Disclose in the contract]
    level: process
    points: [SP-ENG-001]
"""

FINDINGS = """\
id,item,building,unit,room,status,found,due,closed,contractor,note
F-1,AC-CIV-001,T1,101,kitchen,open,2026-10-01,2026-10-30,,Acme,
F-2,AC-CIV-002,T1,102,,verified,2026-09-01,,2026-09-20,Acme,
F-3,AC-CIV-001,T2,201,bath,rectified,2026-10-18,,,Bolt,
"""


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    monkeypatch.chdir(tmp_path)  # problems then name files relative to tmp_path
    return load_catalog(write_tree(tmp_path / "cat", CATALOG))


def make(tmp_path: Path, text: str, **files: str) -> Path:
    folder = tmp_path / "proj"
    write_tree(folder, {"project.yaml": text, "findings.csv": FINDINGS, **files})
    return folder


def shown(problems: list[Problem], folder: Path) -> list[str]:
    return [render_problem(p, "en").removeprefix(f"{folder.name}/") for p in problems]


def check(tmp_path: Path, catalog: Catalog, text: str, **files: str) -> list[str]:
    folder = make(tmp_path, text, **files)
    return shown(check_project(folder, catalog, as_of=AS_OF)[0], folder)


def edit(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


# Loading --------------------------------------------------------------------------


def test_valid_project_loads_with_defaults_and_shorthand(tmp_path: Path, catalog: Catalog) -> None:
    project = load_project(make(tmp_path, GOOD), catalog, AS_OF)
    assert project.warnings == []
    assert project.check_status("OD-001") == "pass"  # shorthand for {status: pass}
    assert project.check_status("OD-002") == "fail"
    assert project.check_status("OD-003") == "pending"  # unlisted
    assert project.risk_status("RD-001") == "mitigating"
    assert project.risk_status("RX-001") == "open"  # an unlisted extra risk is open
    assert project.task_status("DP-002") == "todo"
    assert project.file.risks["RD-001"].assignee == "Li Wei"
    assert project.risk_phase("RX-001") == "delivery"
    assert project.rating(catalog.risks["RD-001"]) == "high"  # likelihood 4 -> 2, impact 5
    assert project.findings.rows == 3
    assert project.findings.by_building["T1"].rate == 0.5
    assert project.status_place("checks", "OD-002").line == 15


def test_check_project_counts_files(tmp_path: Path, catalog: Catalog) -> None:
    problems, files = check_project(make(tmp_path, GOOD), catalog, as_of=AS_OF)
    assert problems == [] and files == 2


def test_load_raises_every_problem_of_project_and_findings(
    tmp_path: Path, catalog: Catalog
) -> None:
    text = edit("positioning: process", "positioning: proces")
    bad_rows = FINDINGS + "F-1,AC-CIV-001,T1,101,,open,2026-10-02,,,,\n"
    folder = make(tmp_path, text, **{"findings.csv": bad_rows})
    with pytest.raises(InvalidInput) as caught:
        load_project(folder, catalog, AS_OF)
    assert shown(list(caught.value.problems), folder) == [
        "findings.csv:5: error: id: the id `F-1` is already used at "
        "proj/findings.csv:2; every row needs its own id",
        "project.yaml:4:14: error: positioning: unknown positioning level `proces` "
        "(did you mean `process`?)",
    ]


def test_schema_and_reference_problems_come_together(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("  OD-001: pass", "  OD-001: passed\n  OD-009: pass")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:14:11: error: checks.OD-001.status: `passed` is not one of "
        "'pending', 'pass', 'fail' or 'n/a' (did you mean `pass`?)",
        "project.yaml:15:3: error: checks.OD-009: unknown checklist item `OD-009`; check the "
        "id against `journey catalog list` (did you mean `OD-003`?)",
    ]


def test_not_a_project_file(tmp_path: Path, catalog: Catalog) -> None:
    assert check(tmp_path, catalog, "kind: risks\nphase: sales\n") == [
        "project.yaml:1:7: error: kind: this is a `risks` file; a project folder needs "
        "`kind: project` in project.yaml"
    ]


# Ids in the right section -------------------------------------------------------------


def test_unknown_ids_in_each_section(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("  RD-001: {", "  RD-002: {").replace("  DP-001: done", "  DP-010: done")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:12:3: error: risks.RD-002: unknown risk `RD-002`; check the id against "
        "`journey catalog list` (did you mean `RD-001`?)",
        "project.yaml:17:3: error: tasks.DP-010: unknown plan task `DP-010`; check the id "
        "against `journey catalog list` (did you mean `DP-002`?)",
    ]


def test_an_id_in_the_wrong_section(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("  RD-001: {status", "  OD-003: closed\n  SP-ENG-001: closed\n  RD-001: {status")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:12:3: error: risks.OD-003: `OD-003` is a checklist item, not a risk; "
        "move it under `checks:`",
        "project.yaml:13:3: error: risks.SP-ENG-001: `SP-ENG-001` is a sensitive point, which "
        "takes no status of its own; record the risks and checks that cover it under "
        "`risks:` and `checks:`",
    ]


def test_an_id_breaking_the_pattern_is_reported_once(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("  OD-001: pass", "  od-1: pass")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:14:3: error: checks.od-1: unknown checklist item `od-1`; check the id "
        "against `journey catalog list` (did you mean `OD-001`?)",
    ]


def test_unknown_level_and_stage(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("positioning: process", "positioning: whole").replace(
        "\nstage: delivery", "\nstage: deliver"
    )
    assert check(tmp_path, catalog, text) == [
        "project.yaml:4:14: error: positioning: unknown positioning level `whole`",
        "project.yaml:10:8: error: stage: unknown stage `deliver` (did you mean `delivery`?)",
    ]


def test_misspelt_field_of_a_status_gets_a_suggestion(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("likelihood: 2, assignee", "likelyhood: 2, assignee")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:12:32: error: risks.RD-001.likelyhood: unknown field `likelyhood` "
        "(did you mean `likelihood`?)",
    ]


def test_rescored_risk_must_fit_the_matrix(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("likelihood: 2,", "likelihood: 6,")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:12:44: error: risks.RD-001.likelihood: likelihood must be between 1 and "
        "5 (the risk matrix scale)",
    ]


# Milestones, buildings, findings paths -------------------------------------------------


def test_missing_milestones_are_warnings(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("  open_day: 2026-10-24\n", "")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:7:1: warning: milestones: no `open_day` milestone: the gate open-day "
        "is checked against it; add `open_day: YYYY-MM-DD` under `milestones:`",
    ]
    # At whole-process level DP-002 applies, and it is anchored on the open day too.
    text = text.replace("positioning: process", "positioning: whole-process")
    assert check(tmp_path, catalog, text)[0] == (
        "project.yaml:7:1: warning: milestones: no `open_day` milestone: 1 plan task "
        "(DP-002) is scheduled from it and cannot be placed; add `open_day: YYYY-MM-DD` "
        "under `milestones:`"
    )


def test_misspelt_milestone_is_an_error(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("  open_day: 2026-10-24", "  open_days: 2026-10-24\n  topping_out: 2026-05-01")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:8:3: error: milestones.open_days: unknown milestone `open_days`: the "
        "catalog schedules tasks and gates from `open_day`, which this project does not set "
        "(did you mean `open_day`?)",
    ]


def test_duplicate_buildings(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("buildings: [T1, T2]", "buildings:\n  - T1\n  - T2\n  - T1")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:9:5: error: buildings[2]: the building `T1` is listed twice "
        "(first at line 7); keep one",
    ]


def test_missing_and_repeated_findings_files(tmp_path: Path, catalog: Catalog) -> None:
    text = edit("findings: [findings.csv]", "findings: [findings.csv, lost.csv, findings.csv]")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:18:26: error: findings[1]: the findings file `lost.csv` does not exist; "
        "paths are relative to the project folder",
        "project.yaml:18:36: error: findings[2]: the findings file `findings.csv` is listed "
        "twice; list it once",
    ]


@pytest.mark.parametrize(
    "spelling", ["./findings.csv", "sub/../findings.csv", ".//findings.csv", "link.csv", "hard.csv"]
)
def test_one_findings_file_under_two_names_is_one_error(
    tmp_path: Path, catalog: Catalog, spelling: str
) -> None:
    folder = make(
        tmp_path, edit("findings: [findings.csv]", f"findings: [findings.csv, {spelling}]")
    )
    (folder / "sub").mkdir()
    (folder / "link.csv").symlink_to("findings.csv")
    (folder / "hard.csv").hardlink_to(folder / "findings.csv")
    problems = shown(check_project(folder, catalog, as_of=AS_OF)[0], folder)
    assert problems == [
        f"project.yaml:18:26: error: findings[1]: `{spelling}` is the findings file already "
        "listed as `findings.csv` (line 18); list it once"
    ]  # and not one duplicate-id error per row of the file


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_findings_file_that_is_not_a_file(tmp_path: Path, catalog: Catalog, kind: str) -> None:
    folder = make(tmp_path, edit("findings: [findings.csv]", "findings: [findings.csv, x.csv]"))
    if kind == "fifo":
        os.mkfifo(folder / "x.csv")  # reading it would wait for a writer forever
    elif kind == "device":
        (folder / "x.csv").symlink_to("/dev/zero")  # reading it would never end
    else:
        (folder / "x.csv").mkdir()
    assert shown(check_project(folder, catalog, as_of=AS_OF)[0], folder) == [
        "project.yaml:18:26: error: findings[1]: the findings file `x.csv` is not a regular "
        "file (a pipe, a device or a folder)"
    ]


def test_a_project_file_that_is_not_a_file(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "proj"
    folder.mkdir()
    os.mkfifo(folder / "project.yaml")
    assert shown(check_project(folder, catalog, as_of=AS_OF)[0], folder) == [
        "project.yaml: error: (file): not a regular file (a pipe, a device or a folder); "
        "journey reads files only"
    ]


def test_findings_rows_name_project_buildings(tmp_path: Path, catalog: Catalog) -> None:
    rows = FINDINGS + "F-4,AC-CIV-001,T3,301,,open,2026-10-02,,,,\n"
    assert check(tmp_path, catalog, GOOD, **{"findings.csv": rows}) == [
        "findings.csv:5: error: building: unknown building `T3`; use one of 'T1' or 'T2'",
    ]


# Extra risks -------------------------------------------------------------------------


def test_extra_risk_references(tmp_path: Path, catalog: Catalog) -> None:
    text = (
        edit("  - id: RX-001", "  - id: RD-001")
        .replace("category: quality\n    title: Noise", "category: qualty\n    title: Noise")
        .replace("owner: customer-relations\n    likelihood", "owner: sales\n    likelihood")
        .replace("points: [SP-ENG-001]", "points: [SP-ENG-002]")
    )
    text = text.replace("target: OD-002", "target: RD-001")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:25:9: error: extra_risks[0].id: the project risk id `RD-001` is already "
        "used by the catalog (cat/risks/delivery.yaml:7:7); give the project risk an id of its own",
        "project.yaml:27:15: error: extra_risks[0].category: unknown risk category `qualty` "
        "(did you mean `quality`?)",
        "project.yaml:30:12: error: extra_risks[0].owner: unknown profession `sales`",
        "project.yaml:35:14: error: extra_risks[0].points[0]: unknown sensitive point "
        "`SP-ENG-002` (did you mean `SP-ENG-001`?)",
    ]


def test_extra_risk_depending_on_itself(tmp_path: Path, catalog: Catalog) -> None:
    text = GOOD.replace(
        "    points: [SP-ENG-001]\n", "    points: [SP-ENG-001]\n    depends_on: [RX-001]\n"
    )
    assert check(tmp_path, catalog, text) == [
        "project.yaml:36:18: error: extra_risks[0].depends_on[0]: `RX-001` depends on itself"
    ]


def test_extra_risks_depending_on_one_another_in_a_ring(tmp_path: Path, catalog: Catalog) -> None:
    extra = GOOD[GOOD.index("  - id: RX-001") :]
    ring = extra.replace(
        "    points: [SP-ENG-001]\n", "    points: [SP-ENG-001]\n    depends_on: [RX-002]\n"
    ) + extra.replace("RX-001", "RX-002").replace(
        "    points: [SP-ENG-001]\n", "    points: [SP-ENG-001]\n    depends_on: [RX-001]\n"
    )
    problems = check(tmp_path, catalog, GOOD.replace(extra, ring))
    assert len(problems) == 1
    assert "dependency cycle RX-00" in problems[0] and "→ RX-00" in problems[0]
    assert problems[0].startswith("project.yaml:")


def test_extra_risk_used_twice(tmp_path: Path, catalog: Catalog) -> None:
    extra = GOOD[GOOD.index("  - id: RX-001") :]
    assert check(tmp_path, catalog, GOOD + extra) == [
        "project.yaml:36:9: error: extra_risks[1].id: the project risk id `RX-001` is used "
        "twice (first at line 25)",
    ]


# Waivers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("OD-002", []),
        ("RX-001", []),  # a project risk
        ("open-day-prerequisites", []),  # a gate rule id
        (
            "open-day-prerequisite",
            [
                "project.yaml:20:13: error: waivers[0].target: the waiver targets "
                "`open-day-prerequisite`, which is neither a catalog or project item id nor "
                "the id of a gate rule (did you mean `open-day-prerequisites`?)"
            ],
        ),
    ],
)
def test_waiver_targets(tmp_path: Path, catalog: Catalog, target: str, expected: list[str]) -> None:
    assert check(tmp_path, catalog, edit("target: OD-002", f"target: {target}")) == expected


@pytest.mark.parametrize(
    ("expires", "expected"),
    [
        (
            "2026-10-19",
            "project.yaml:23:14: warning: waivers[0].expires: the waiver for `OD-002` expired "
            "on 2026-10-19; it no longer applies — renew it with a new approval or remove it",
        ),
        (
            "2026-10-20",
            "project.yaml:23:14: warning: waivers[0].expires: the waiver for `OD-002` expires "
            "on 2026-10-20, in 0 days; renew it in time or close the item",
        ),
        (
            "2026-11-03",
            "project.yaml:23:14: warning: waivers[0].expires: the waiver for `OD-002` expires "
            "on 2026-11-03, in 14 days; renew it in time or close the item",
        ),
        ("2026-11-04", None),
    ],
)
def test_waiver_expiry(
    tmp_path: Path, catalog: Catalog, expires: str, expected: str | None
) -> None:
    found = check(tmp_path, catalog, edit("expires: 2026-12-31", f"expires: {expires}"))
    assert found == ([expected] if expected else [])


def test_expired_waiver_does_not_hold(tmp_path: Path, catalog: Catalog) -> None:
    project = load_project(
        make(tmp_path, edit("expires: 2026-12-31", "expires: 2026-10-19")), catalog, AS_OF
    )
    waiver = project.file.waivers[0]
    assert waiver.expired(AS_OF) and not waiver.expired(dt.date(2026, 10, 19))
    assert [p.code for p in project.warnings] == ["waiver.expired"]


# The command line ---------------------------------------------------------------------


def test_validate_project_folder(tmp_path: Path, run: Runner) -> None:
    cat = write_tree(tmp_path / "cat", CATALOG)
    folder = make(tmp_path, edit("expires: 2026-12-31", "expires: 2026-10-01"))
    result = run("--catalog", str(cat), "--as-of", "2026-10-20", "validate", str(folder))
    assert result.code == 0
    assert "warning: waivers[0].expires: the waiver for `OD-002` expired on 2026-10-01" in (
        result.err
    )
    result = run("--catalog", str(cat), "validate", str(folder), "--as-of", "2026-09-01")
    assert result.code == 0
    assert result.err == (
        f"{folder}/findings.csv: warning: 2 findings were found after the as-of date "
        "2026-09-01; they count as 0 days old\n"
    )
    bad = make(tmp_path, edit("  DP-001: done", "  DP-001: finished"))
    result = run("--catalog", str(cat), "validate", str(bad))
    assert result.code == 2
    assert "project.yaml:17:11: error: tasks.DP-001.status: `finished` is not one of" in (
        result.err
    )


# Scalars typed strictly: YAML 1.2 and ISO dates, nothing looser -------------------------


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "  open_day: 2026-10-24",
            "  open_day: 0",
            "8:13",
            "`0` is not a date: write it as YYYY-MM-DD",
        ),
        (
            "  open_day: 2026-10-24",
            "  open_day: 2026-10-24T00:00:00",
            "8:13",
            "`2026-10-24T00:00:00` is not a date",
        ),
        ("  open_day: 2026-10-24", "  open_day: 20261024", "8:13", "`20261024` is not a date"),
        ("  open_day: 2026-10-24", "  open_day: 2026-W43-6", "8:13", "`2026-W43-6` is not a date"),
        ("due: 2026-11-30}", "due: 1700000000}", "12:70", "`1700000000` is not a date"),
        ("units: 120", 'units: " 12 "', "5:8", "give a number of homes or the path"),
        ("units: 120", "units: 1_260", "5:8", "give a number of homes or the path"),
        ("units: 120", "units: 120.0", "5:8", "give a number of homes or the path"),
        ("likelihood: 2,", "likelihood: yes,", "12:44", "expected a whole number, got `yes`"),
    ],
)
def test_scalars_are_typed_strictly(
    tmp_path: Path, catalog: Catalog, old: str, new: str, where: str, message: str
) -> None:
    problems = check(tmp_path, catalog, edit(old, new))
    assert len(problems) == 1 and problems[0].startswith(f"project.yaml:{where}: error: "), problems
    assert message in problems[0]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_milestones_at_the_edges_of_the_calendar(
    tmp_path: Path, catalog: Catalog, run: Runner, day: str
) -> None:
    folder = make(tmp_path, edit("  delivery: 2026-12-26", f"  delivery: {day}"))
    cat = str(tmp_path / "cat")
    sink = null_device(tmp_path)
    for args in (
        ["validate", str(folder)],
        ["gate", "open-day", "--project", str(folder), "-o", "json", "-o", f"sarif:{sink}"],
        ["graph", "--project", str(folder), "--milestone", "delivery"],
        ["render", "delivery-plan", "--project", str(folder)],
        ["site", "--project", str(folder), "-o", str(tmp_path / "site")],
    ):
        for as_of in ("2026-10-20", day):
            result = run("--catalog", cat, "--as-of", as_of, *args)
            assert result.code in (0, 1), (args, result.err)


def test_a_unit_register_that_is_not_a_file(tmp_path: Path, catalog: Catalog) -> None:
    folder = make(tmp_path, edit("units: 120", "units: units.csv"))
    os.mkfifo(folder / "units.csv")  # reading it would wait for a writer forever
    assert shown(check_project(folder, catalog, as_of=AS_OF)[0], folder) == [
        "project.yaml:5:8: error: units: not a regular file (a pipe, a device or a folder); "
        "journey reads files only"
    ]


# Gates recorded as passed ---------------------------------------------------------------


def test_a_gate_recorded_as_passed(tmp_path: Path, catalog: Catalog) -> None:
    text = GOOD.replace(
        "findings: [", "gates:\n  open-day: {passed: 2026-10-19, by: Zhou Hua}\nfindings: ["
    )
    project = load_project(make(tmp_path, text), catalog, AS_OF)
    record = project.file.gates["open-day"].for_batch(None)
    assert record is not None and (record.passed, record.by) == (dt.date(2026, 10, 19), "Zhou Hua")


def test_gate_records_are_checked(tmp_path: Path, catalog: Catalog) -> None:
    records = (
        "gates:\n"
        "  open-dya: {passed: 2026-10-19, by: Zhou Hua}\n"
        "  open-day:\n"
        "    passed: 2026-10-21\n"
        "    by: Zhou Hua\n"
        "    batches:\n"
        "      batch-9: {passed: 2026-10-01, by: Zhou Hua}\n"
    )
    text = GOOD.replace("findings: [", records + "findings: [")
    assert check(tmp_path, catalog, text) == [
        "project.yaml:19:3: error: gates.open-dya: unknown gate `open-dya` (did you mean `open-day`?)",
        "project.yaml:21:13: warning: gates.open-day.passed: recorded as passed on 2026-10-21, "
        "after the as-of day 2026-10-20: as of that day it had not passed yet, so the record is "
        "set aside",
        "project.yaml:24:7: error: gates.open-day.batches.batch-9: unknown batch `batch-9`",
    ]
    half = GOOD.replace("findings: [", "gates:\n  open-day: {by: Zhou Hua}\nfindings: [")
    assert check(tmp_path, catalog, half) == [
        "project.yaml:19:13: error: gates.open-day: record a gate passed with `passed: "
        "YYYY-MM-DD` and `by: NAME`, or per batch under `batches:`"
    ]
