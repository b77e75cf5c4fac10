"""The example projects validate, their findings regenerate exactly, their story holds
together as a practitioner reads it, and their gates give the verdicts examples/README.md
explains."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from helpers import Runner, example_generator

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "harbour-view"
LAKESIDE = ROOT / "examples" / "lakeside"
AS_OF = "2026-10-20"
CJK = re.compile(r"[\u4e00-\u9fff]")


def make_findings() -> ModuleType:
    return example_generator("make_findings")


def findings(folder: Path) -> list[dict[str, str]]:
    with (folder / "findings" / "acceptance.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def project_yaml(folder: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((folder / "project.yaml").read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("name", ["harbour-view", "lakeside"])
def test_findings_regenerate_byte_for_byte(tmp_path: Path, name: str) -> None:
    module = make_findings()
    out = tmp_path / "acceptance.csv"
    module.write(module.PROJECTS[name], out)
    committed = ROOT / "examples" / name / "findings" / "acceptance.csv"
    assert out.read_bytes() == committed.read_bytes(), "run python examples/make_findings.py"


def test_rounds_have_the_density_of_real_internal_rounds() -> None:
    """Rounds 1–2 sample 10–20 % of each building's homes and find 10–30 defects in each;
    round 3 walks every home (of T1–T4 so far)."""
    homes: dict[tuple[str, str], set[str]] = defaultdict(set)
    per_home: Counter[tuple[str, str, str]] = Counter()
    for row in findings(EXAMPLE):
        rnd = row["id"].split("-")[1]
        if row["unit"]:
            homes[rnd, row["building"]].add(row["unit"])
            per_home[rnd, row["building"], row["unit"]] += 1
    for (rnd, building), units in homes.items():
        if rnd in ("CIV", "INS"):
            assert 0.10 * 210 <= len(units) <= 0.20 * 210, (rnd, building)
            counts = [per_home[rnd, building, u] for u in units]
            assert all(10 <= n <= 30 for n in counts), (rnd, building)
            assert {"2", "31"} <= {u[:-2] for u in units}  # lowest and top floor always
        else:
            assert len(units) == 210, building
    assert {b for r, b in homes if r == "FIN"} == {"T1", "T2", "T3", "T4"}


def test_harbour_view_is_written_in_chinese() -> None:
    """A Chinese project's notes, evidence, assignees, rooms and contractors are Chinese."""
    data = project_yaml(EXAMPLE)
    words = [
        str(entry[key])
        for section in ("risks", "checks", "tasks")
        for entry in data[section].values()
        if isinstance(entry, dict)
        for key in ("note", "evidence", "assignee")
        if key in entry
    ]
    words += [w["reason"] for w in data["waivers"]] + [w["approved_by"] for w in data["waivers"]]
    assert len(words) > 80 and [w for w in words if not CJK.search(w)] == []
    rows = findings(EXAMPLE)
    assert all(CJK.search(r["room"]) and CJK.search(r["contractor"]) for r in rows)
    assert all(CJK.search(r["note"]) for r in rows if r["note"])


def test_lakeside_is_written_in_english() -> None:
    data = project_yaml(LAKESIDE)
    text = yaml.safe_dump({k: data[k] for k in ("risks", "checks", "tasks")}, allow_unicode=True)
    assert not CJK.search(text)
    assert not any(CJK.search(" ".join(r.values())) for r in findings(LAKESIDE))


def test_disputed_means_customer_relations_and_a_contractor_disagree() -> None:
    for folder in (EXAMPLE, LAKESIDE):
        notes = {r["note"] for r in findings(folder) if r["status"] == "disputed"}
        assert notes, folder
        assert not [n for n in notes if "业主" in n or "owner" in n.lower()]
    t5 = [r for r in findings(EXAMPLE) if r["status"] == "disputed" and "-CIV-T5-" in r["id"]]
    assert [r["item"] for r in t5] == ["AC-CIV-001"] * 3  # the round-1 hollowing disputes
    assert all(r["note"].startswith("客关与总包") for r in t5)


def days(text: str) -> list[dt.date]:
    """The dates a Chinese note names: `2027年2月28日`, or `12月11日` (in 2026)."""
    found = re.findall(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日", text)
    return [dt.date(int(y or 2026), int(m), int(d)) for y, m, d in found]


def test_the_timeline_is_one_a_practitioner_believes() -> None:
    data = project_yaml(EXAMPLE)
    m = data["milestones"]
    assert m["design_freeze"] < m["sales_launch"] < m["open_day"] < m["delivery"]
    months = (m["delivery"].year - m["sales_launch"].year) * 12 + m["delivery"].month
    assert 18 <= months - m["sales_launch"].month <= 30  # pre-sale to handover
    # RS-021: the contract delivery date is no earlier than the programme's completion
    # filing date plus 60 days, and the planned handover is not later than the contract date.
    contract, filing = days(data["risks"]["RS-021"]["evidence"])[:2]
    assert (contract - filing).days >= 60 and m["delivery"] <= contract
    # T6 is behind: its filing moves, still 60 days before the contract date (RD-026).
    t6_filing = days(data["risks"]["RD-001"]["note"])[-1]
    assert t6_filing > m["delivery"] - dt.timedelta(days=40)  # too late for the notices
    assert (contract - t6_filing).days >= 60


def test_rd016_evidence_meets_its_criterion() -> None:
    """Inlet ≤ 0.35 MPa, outlets ≤ 0.20 MPa, least favourable outlet ≥ 0.10 MPa."""
    evidence = project_yaml(EXAMPLE)["risks"]["RD-016"]["evidence"]
    inlet = re.search(r"入户管静压([\d.]+)–([\d.]+) MPa", evidence)
    outlet = re.search(r"用水点最高([\d.]+) MPa", evidence)
    least = re.search(r"最不利点.*?([\d.]+) MPa", evidence)
    assert inlet and outlet and least
    assert float(inlet[2]) <= 0.35 and float(outlet[1]) <= 0.20 and float(least[1]) >= 0.10


def test_the_colour_waiver_is_on_the_colour_item_with_disclosure() -> None:
    waiver = next(w for w in project_yaml(EXAMPLE)["waivers"] if w["target"] == "AC-FIN-002")
    assert "客户关系" in waiver["approved_by"] and "法务" in waiver["approved_by"]
    assert "让步接收" in waiver["reason"] and "告知" in waiver["reason"]


def test_what_fails_because_of_t6_says_t6() -> None:
    checks = project_yaml(EXAMPLE)["checks"]
    for item in ("AC-CIV-008", "AC-INS-021", "AC-FIN-020"):
        assert checks[item]["status"] == "fail" and "T6" in checks[item]["note"], item
    for item in ("OD-003", "OD-004", "OD-012"):  # open-day results held per building
        assert checks[item]["status"] == "pass" and checks[item]["buildings"] == {"T6": "fail"}
        assert "T6" in checks[item]["note"], item


def test_example_validates(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("--as-of", AS_OF, "validate", "examples/harbour-view")
    assert result.code == 0, result.err
    # The one warning is on purpose: the OD-009 waiver expired five days earlier.
    assert result.err == (
        "examples/harbour-view/project.yaml:259:14: warning: waivers[1].expires: the waiver "
        "for `OD-009` expired on 2026-10-15; it no longer applies — renew it with a new "
        "approval or remove it\n"
    )
    lakeside = run("--as-of", AS_OF, "validate", "examples/lakeside")
    assert (lakeside.code, lakeside.err) == (0, "")


def test_example_aggregates() -> None:
    from journey.catalog import load_catalog
    from journey.project import load_project

    project = load_project(EXAMPLE, load_catalog(), dt.date(2026, 10, 20))
    stats = project.findings.by_building
    assert project.units is not None and len(project.units) == 1260
    assert list(stats) == ["T1", "T2", "T3", "T4", "T5", "T6"]
    # 6 % to 8 % of the homes are key customers, each tag at least once
    tagged = project.units.tagged()
    assert 0.06 <= len(tagged) / 1260 <= 0.08
    assert {t for home in tagged for t in home.tags} >= {"key", "elderly", "complained-before"}
    as_of = project.as_of
    # T1–T4: last week's round-3 walk is still being put right, nothing old
    assert all(0.7 < stats[b].rate < 0.95 for b in ("T1", "T2", "T3", "T4"))
    assert [b for b, s in stats.items() if s.older_than(30, as_of)] == ["T5", "T6"]
    assert stats["T5"].rate >= 0.95 and stats["T5"].older_than(30, as_of) == 3  # the disputes
    assert stats["T6"].rate == min(s.rate for s in stats.values())  # the lagging tower


def gate(run: Runner, name: str, folder: Path = EXAMPLE) -> tuple[int, dict[str, Any]]:
    result = run("--as-of", AS_OF, "gate", name, "--project", str(folder), "-o", "json")
    return result.code, json.loads(result.out)


def failing(report: dict[str, Any], rule: str) -> list[tuple[str, str]]:
    found = next(r for r in report["rules"] if r["id"] == rule)
    return [(i["id"], i["owner"]) for i in found["items"] if i["status"] == "fail"]


def test_open_day_opens_t1_to_t5_and_holds_t6_back(run: Runner) -> None:
    code, report = gate(run, "open-day")
    assert code == 1 and report["verdict"] == "fail"
    assert [(b["id"], b["verdict"], b["milestone_date"]) for b in report["batches"]] == [
        ("batch-1", "pass", "2026-10-24"),
        ("batch-2", "fail", "2026-11-28"),
    ]
    batch2 = {"batches": ["batch-2"]}
    assert failing(report, "open-day-prerequisites") == [
        ("OD-003", "engineering"),  # T6 lifts not certified: T6 stays off the route
        ("OD-004", "engineering"),
        ("OD-009", "customer-relations"),  # T6's route not drilled; its waiver expired
        ("OD-011", "customer-relations"),  # T6's joint pre-walk still to come
    ]
    rule = next(r for r in report["rules"] if r["id"] == "open-day-prerequisites")
    assert all(i["batches"] == batch2["batches"] for i in rule["items"])
    red = {i for i, _ in failing(report, "open-day-red-lines")}
    assert red == {"OD-003", "OD-004", "OD-012"}  # visitor safety, not the filing
    one = run("--as-of", AS_OF, "gate", "open-day", "-p", str(EXAMPLE), "--batch", "batch-1")
    assert one.code == 0 and "PASS: 0 of 3 rules fail the gate" in one.out


def test_delivery_fails_building_by_building_for_its_own_reasons(run: Runner) -> None:
    code, report = gate(run, "delivery")
    assert code == 1 and report["verdict"] == "fail"
    acceptance = next(r for r in report["rules"] if r["id"] == "delivery-acceptance-passed")
    statuses = {i["id"]: i["status"] for i in acceptance["items"]}
    assert statuses["AC-INS-021"] == statuses["AC-CIV-008"] == "fail"  # T6
    assert statuses["AC-FIN-002"] == "waived"  # colour difference: 让步接收
    rule = next(r for r in report["rules"] if r["id"] == "delivery-findings-closed")
    reasons: dict[str, set[str]] = defaultdict(set)
    for item in rule["items"]:
        if item["id"].startswith("T"):
            reasons[item["id"]].add(item["reason_code"].rsplit(".", 1)[-1])
    assert reasons == {
        **{b: {"findings_ratio"} for b in ("T1", "T2", "T3", "T4")},
        "T5": {"findings_aged"},
        "T6": {"findings_ratio", "findings_aged"},
    }


def test_lakeside_opens_its_site_but_is_not_ready_to_hand_over(run: Runner) -> None:
    assert gate(run, "sales-launch", LAKESIDE)[0] == 0
    code, report = gate(run, "open-day", LAKESIDE)
    assert code == 0 and report["verdict"] == "pass"
    code, report = gate(run, "delivery", LAKESIDE)
    assert code == 1
    assert {i for i, _ in failing(report, "delivery-risks-controlled")} >= {"RD-001", "RD-006"}


def test_ci_recipes_name_real_commands() -> None:
    from journey.cli import COMMANDS

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [h["id"] for h in hooks] == ["journey-validate", "journey-gate"]
    assert all(h["entry"].split()[1] in COMMANDS for h in hooks)
    assert hooks[1]["stages"] == ["manual"]
    workflow = yaml.safe_load((ROOT / "examples/ci/github-actions.yml").read_text("utf-8"))
    steps = workflow["jobs"]["gate"]["steps"]
    script = "\n".join(s.get("run", "") for s in steps)
    assert "validate" in script and "gate open-day" in script
    for output in ("-o github", "-o junit:reports/", "-o sarif:reports/open-day.sarif"):
        assert output in script
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert "github/codeql-action/upload-sarif" in uses and "actions/upload-artifact" in uses


# The GitHub Actions recipe, as a repository that copies it will run it ----------------

RECIPE = ROOT / "examples" / "ci" / "github-actions.yml"
CURRENT = {  # the current major of each action the recipe uses
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "github/codeql-action/upload-sarif": "v4",
    "actions/upload-artifact": "v7",
}


def _recipe() -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = yaml.safe_load(RECIPE.read_text(encoding="utf-8"))
    return data


def test_the_recipe_needs_nothing_of_the_repository_it_is_copied_into() -> None:
    steps = _recipe()["jobs"]["gate"]["steps"]
    for step in steps:
        # `cache: pip` fails without a requirements.txt or pyproject.toml to key on
        assert "cache" not in step.get("with", {}), step
        # installing "." works only in journey's own repository
        assert "install ." not in step.get("run", "") and 'install ".' not in step.get("run", "")
    install = next(s for s in steps if s.get("name") == "Install journey")
    assert install["run"] == 'python -m pip install "$JOURNEY"'
    assert _recipe()["env"]["JOURNEY"].startswith("journey-cr[xlsx]")


def test_the_recipe_has_the_permissions_and_current_actions_it_needs() -> None:
    recipe = _recipe()
    assert recipe["permissions"] == {
        "contents": "read",
        "actions": "read",  # upload-sarif in a private repository
        "security-events": "write",
    }
    used = {
        s["uses"].split("@")[0]: s["uses"].split("@")[1]
        for s in recipe["jobs"]["gate"]["steps"]
        if "uses" in s
    }
    assert used == CURRENT


def test_the_recipes_gate_step_runs_as_written(
    tmp_path: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The commands of the recipe's steps, run against the example (an as-of date set)."""
    script = next(s for s in _recipe()["jobs"]["gate"]["steps"] if s.get("id") == "gate")["run"]
    args = script.split("journey ", 1)[1].replace("\\\n", " ").split()
    args = [a for a in args if a not in ("${AS_OF:+--as-of", '"$AS_OF"}')]
    args = [str(EXAMPLE) if a == '"$PROJECT"' else a for a in args]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "reports").mkdir()
    result = run(*args, "--as-of", AS_OF)
    assert result.code == 1  # the example's open day is not ready
    assert result.out.startswith("::error ")
    for name in ("open-day.xml", "open-day.sarif", "open-day.json"):
        assert (tmp_path / "reports" / name).stat().st_size > 0
