"""The bundled example project validates, its findings regenerate exactly, and its gates
give the verdicts examples/README.md explains."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from helpers import Runner

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "harbour-view"
AS_OF = "2026-10-20"


def make_findings() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_findings", ROOT / "examples/make_findings.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_findings"] = module
    spec.loader.exec_module(module)
    return module


def test_findings_regenerate_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "acceptance.csv"
    count = make_findings().write(out)
    committed = EXAMPLE / "findings" / "acceptance.csv"
    assert out.read_bytes() == committed.read_bytes(), "run python examples/make_findings.py"
    assert 3000 <= count <= 5000


def test_example_validates(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = run("--as-of", AS_OF, "validate", "examples/harbour-view")
    assert result.code == 0, result.err
    # The one warning is on purpose: the OD-009 waiver expired five days earlier.
    assert result.err == (
        "examples/harbour-view/project.yaml:192:14: warning: waivers[1].expires: the waiver "
        "for `OD-009` expired on 2026-10-15; it no longer applies — renew it with a new "
        "approval or remove it\n"
    )


def test_example_aggregates() -> None:
    import datetime as dt

    from journey.catalog import load_catalog
    from journey.project import load_project

    project = load_project(EXAMPLE, load_catalog(), dt.date(2026, 10, 20))
    stats = project.findings.by_building
    assert project.file.units == 1260 and list(stats) == ["T1", "T2", "T3", "T4", "T5", "T6"]
    assert all(stats[b].rate >= 0.95 for b in ("T1", "T2", "T3", "T4", "T5"))
    assert stats["T6"].rate < 0.75  # the lagging tower
    as_of = project.as_of
    assert [b for b, s in stats.items() if s.older_than(30, as_of)] == ["T5", "T6"]
    assert stats["T5"].older_than(30, as_of) == 3  # the disputed hollowing findings


def gate(run: Runner, name: str) -> tuple[int, dict[str, object]]:
    result = run("--as-of", AS_OF, "gate", name, "--project", str(EXAMPLE), "-o", "json")
    return result.code, json.loads(result.out)


def blocking(report: dict[str, object], rule: str) -> list[tuple[str, str]]:
    rules = report["rules"]
    assert isinstance(rules, list)
    found = next(r for r in rules if r["id"] == rule)
    return [(i["id"], i["owner"]) for i in found["items"] if i["status"] == "fail"]


def test_open_day_fails_on_its_prerequisites(run: Runner) -> None:
    code, report = gate(run, "open-day")
    assert code == 1 and report["verdict"] == "fail"
    assert blocking(report, "open-day-prerequisites") == [
        ("OD-003", "engineering"),
        ("OD-004", "engineering"),
        ("OD-009", "customer-relations"),  # its waiver expired on 2026-10-15
        ("OD-011", "customer-relations"),  # the joint pre-walk is still pending
    ]


def test_delivery_fails_on_acceptance_and_findings(run: Runner) -> None:
    code, report = gate(run, "delivery")
    assert code == 1 and report["verdict"] == "fail"
    assert ("AC-INS-021", "engineering") in blocking(report, "delivery-acceptance-passed")
    assert ("AC-FIN-009", "design") not in blocking(report, "delivery-acceptance-passed")  # waived
    buildings = {i for i, _ in blocking(report, "delivery-findings-closed")}
    assert {"T5", "T6"} <= buildings and not buildings & {"T1", "T2", "T3", "T4"}


def test_ci_recipes_name_real_commands() -> None:
    import yaml

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
