"""The after-delivery example, Harbour View Phase 1 (examples/harbour-view-1): its generated
registers are what the generator writes, it validates, and its warranty review fails for
exactly the reasons examples/README.md tells."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from helpers import Runner, example_generator

ROOT = Path(__file__).parent.parent
FOLDER = ROOT / "examples" / "harbour-view-1"
AS_OF = "2026-10-20"


def generator() -> ModuleType:
    return example_generator("make_service")


def test_registers_regenerate_byte_for_byte(tmp_path: Path) -> None:
    counts = generator().write(tmp_path)
    for name in ("repairs", "complaints", "surveys"):
        committed = (FOLDER / "registers" / f"{name}.csv").read_bytes()
        assert (tmp_path / f"{name}.csv").read_bytes() == committed, "run examples/make_service.py"
    assert counts["repairs"] >= 3000 and 300 <= counts["complaints"] <= 400
    assert counts["surveys"] >= 1000


def test_the_example_validates_without_a_warning(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = run("--as-of", AS_OF, "validate", "examples/harbour-view-1")
    assert (result.code, result.err) == (0, ""), result.err
    assert "4 files valid" in result.out


def gate(run: Runner) -> dict[str, Any]:
    result = run(
        "--as-of", AS_OF, "gate", "warranty-review", "--project", str(FOLDER), "-o", "json"
    )
    assert result.code == 1
    found: dict[str, Any] = json.loads(result.out)
    return found


def failing(report: dict[str, Any], rule: str) -> list[tuple[str, str]]:
    found = next(r for r in report["rules"] if r["id"] == rule)
    return [(i["id"], i["reason_code"].rsplit(".", 1)[1]) for i in found["items"]]


def test_the_warranty_review_fails_for_the_reasons_told(run: Runner) -> None:
    report = gate(run)
    assert report["verdict"] == "fail"
    assert failing(report, "warranty-repairs-on-time") == [
        ("leakage", "repairs_repeat_no_investigation"),
        ("doors-windows", "repairs_ratio"),
    ]
    assert failing(report, "warranty-complaints-handled") == [
        ("serious", "complaints_below_level"),
        ("public-relations", "complaints_not_escalated"),
        ("compensation", "complaints_no_evidence"),
        ("general", "complaints_overdue"),
    ]
    assert failing(report, "warranty-satisfaction-acted") == [
        ("complaint-handling", "satisfaction_action_overdue")
    ]


def test_the_earlier_gates_pass_on_a_project_handed_over(run: Runner) -> None:
    for name in ("design", "sales-launch", "open-day", "delivery"):
        result = run("--as-of", AS_OF, "gate", name, "--project", str(FOLDER))
        assert result.code == 0, (name, result.out)


def test_the_registers_tell_the_story() -> None:
    from journey.catalog import load_catalog
    from journey.project import load_project

    p = load_project(FOLDER, load_catalog(), dt.date(2026, 10, 20))
    repairs = p.service.repairs
    assert repairs.by_party["金门窗业"].rate < 0.9 < repairs.by_party["宏建建设"].rate
    assert repairs.repeats / repairs.total <= 0.05
    by_total = sorted(repairs.by_category, key=lambda c: -repairs.by_category[c].total)
    assert set(by_total[:4]) == {"fit-out", "leakage", "wall-floor", "doors-windows"}
    group = [e for e in p.service.complaints.timeline if e.households >= 5]
    assert {e.households for e in group} == {16, 6}
    online = {e.channel for e in p.service.complaints.timeline}
    assert {"douyin", "weibo"} <= online
    surveys = p.service.surveys
    stages = {stage for (_dim, stage) in surveys.cells}
    assert stages == {"prospective", "run-in", "stable"}
    run_in = surveys.stage("run-in").index
    prospective = surveys.stage("prospective").index
    assert run_in is not None and prospective is not None and run_in < prospective
