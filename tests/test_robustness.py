"""Any valid project, however incomplete, gets a verdict or a report, never an internal error.

Seeded random projects against the bundled catalog: statuses for a random share of the
items, milestones that may be missing or out of order, waivers on items and rules that
may have expired, a project risk, findings in any state. Every command must exit 0 or 1.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import Runner

from journey.catalog import Catalog, load_catalog

BASE = dt.date(2026, 1, 1)
HEADER = "id,item,building,unit,room,status,found,due,closed,contractor,note"


def day(rng: random.Random, spread: int = 700) -> str:
    return str(BASE + dt.timedelta(days=rng.randint(0, spread)))


def statuses(rng: random.Random, ids: list[str], choices: tuple[str, ...]) -> dict[str, str]:
    return {i: rng.choice(choices) for i in rng.sample(ids, rng.randint(0, len(ids)))}


def project(rng: random.Random, catalog: Catalog) -> dict[str, Any]:
    rules = [rule.id for gate in catalog.gates.values() for rule in gate.rules]
    targets = [*catalog.risks, *catalog.check_items, *catalog.tasks, *rules]
    milestones = {
        m: day(rng) for m in ("sales_launch", "open_day", "delivery") if rng.random() < 0.7
    }
    return {
        "kind": "project",
        "id": "random",
        "name": {"en": "Random <project>", "zh": "随机项目"},
        "positioning": rng.choice(list(catalog.levels)),
        "buildings": ["T1", "T2"],
        "milestones": milestones,
        "stage": rng.choice(list(catalog.stages)),
        "risks": statuses(rng, list(catalog.risks), ("open", "mitigating", "closed", "accepted")),
        "checks": statuses(rng, list(catalog.check_items), ("pending", "pass", "fail", "n/a")),
        "tasks": statuses(rng, list(catalog.tasks), ("todo", "doing", "done")),
        "findings": ["findings.csv"],
        "waivers": [
            {"target": rng.choice(targets), "reason": "r", "approved_by": "a", "expires": day(rng)}
            for _ in range(rng.randint(0, 3))
        ],
        "extra_risks": [
            {
                "id": "HV-001",
                "phase": rng.choice(["sales", "delivery"]),
                "category": rng.choice(list(catalog.categories)),
                "title": "Metro works at the gate",
                "stage": rng.choice(list(catalog.stages)),
                "owner": "legal",
                "likelihood": "5",
                "impact": "5",
                "controls": ["Agree a route with the metro contractor"],
                "level": "post-processing",
            }
        ],
    }


def findings(rng: random.Random, catalog: Catalog) -> str:
    rows = [HEADER]
    for n in range(rng.randint(0, 40)):
        status = rng.choice(["open", "rectified", "verified", "reopened", "disputed"])
        item = rng.choice(list(catalog.check_items))
        rows.append(f"F{n},{item},{rng.choice(['T1', 'T2'])},{n + 101},,{status},{day(rng)},,,,")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("seed", range(4))
def test_every_command_on_a_random_project(seed: int, tmp_path: Path, run: Runner) -> None:
    rng = random.Random(seed)
    catalog = load_catalog()
    folder = tmp_path / "p"
    folder.mkdir()
    text = yaml.safe_dump(project(rng, catalog), allow_unicode=True, sort_keys=False)
    (folder / "project.yaml").write_text(text, encoding="utf-8")
    (folder / "findings.csv").write_text(findings(rng, catalog), encoding="utf-8")
    lang, as_of = ("en", "zh")[seed % 2], day(rng, 800)
    commands = [["validate", str(folder)], ["graph", "--project", str(folder)]]
    commands += [
        ["gate", gate, "--project", str(folder), "-o", fmt]
        for gate in catalog.gates
        for fmt in ("text", "json", "sarif", "markdown")
    ]
    commands += [
        ["render", report, "--project", str(folder), "--format", fmt]
        for report in ("risk-assessment", "delivery-plan", "open-day")
        for fmt in ("html", "md")
    ]
    for command in commands:
        result = run("--lang", lang, "--as-of", as_of, *command)
        assert result.code in (0, 1), (command, result.err)
        assert "internal error" not in result.err
