"""The D-days that criteria and controls name agree with the plan's windows (catalog_dates)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from catalog_dates import Contradiction, analyse, clauses, ddays, windows
from helpers import MINIMAL, write_tree

from journey.catalog import load_catalog


def test_the_bundled_catalog_has_no_date_contradiction() -> None:
    found = analyse(load_catalog())
    assert found == [], "\n".join(map(str, found))


def test_the_bundled_plan_keeps_the_statutory_order() -> None:
    """Utilities, then household acceptance, then completion filing, then the notices."""
    plan = windows(load_catalog())
    assert plan["DP-007"].finish <= plan["DP-028"].start  # 分户验收 needs permanent supply
    assert plan["DP-028"].finish <= plan["DP-006"].start  # completion acceptance after 分户验收
    assert plan["DP-006"].finish <= plan["DP-018"].start  # notices once filing is in hand
    assert plan["DP-018"].finish <= -30  # served at least 30 days before delivery (RD-006)
    assert plan["DP-029"].start == -180 and plan["DP-030"].start == -90


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("reviewed at D−180 and D−90", "en", [(-180, -180, False), (-90, -90, False)]),
        ("sends it at least 30 days before delivery", "en", [(-30, -30, True)]),
        ("held about 150 days before delivery", "en", [(-150, -150, False)]),
        ("typically 45–60 days before delivery", "en", [(-60, -45, False)]),
        ("by D−40", "en", [(-40, -40, True)]),
        ("see RD-008 and OD-009", "en", []),
        (
            "在交付前180天和90天的交付风险评估会上复核",
            "zh",
            [(-180, -180, False), (-90, -90, False)],
        ),
        ("至少在交付前30天寄送", "zh", [(-30, -30, True)]),
        ("开放日一般在交付前45–60天举行", "zh", [(-60, -45, False)]),
        ("最迟于交付前38天记入第三轮模拟验收", "zh", [(-38, -38, True)]),
    ],
)
def test_d_days_are_read_in_both_languages(
    text: str, lang: str, expected: list[tuple[int, int, bool]]
) -> None:
    assert [(d.early, d.late, d.deadline) for d in ddays(text, lang)] == expected


def test_clauses_split_sentences_and_semicolons_but_not_decimals() -> None:
    assert clauses("Drop ≤ 0.02 MPa; no leak. Then test again.", "en") == [
        "Drop ≤ 0.02 MPa",
        "no leak",
        "Then test again.",
    ]
    assert clauses("先试压；再复测。完成", "zh") == ["先试压", "再复测", "完成"]


# The plan of catalog 2026.11.0 and the texts the customer-relations review found at odds with it
# (RD-006 in its present wording: the contradiction lay in the plan, not the text).
OLD: dict[str, Any] = {
    "plan.yaml": {
        "kind": "plan",
        "id": "delivery-preparation",
        "title": "Delivery preparation",
        "tasks": [
            {
                "id": "DP-007",
                "title": "Permanent water, power and gas connected",
                "owner": "engineering",
                "anchor": "delivery",
                "offset_days": "-60",
                "duration_days": "30",
                "level": "process",
            },
            {
                "id": "DP-014",
                "title": "Round 3",
                "description": "Checklist acceptance-final applied through the owner's eyes.",
                "owner": "customer-relations",
                "anchor": "delivery",
                "offset_days": "-45",
                "duration_days": "7",
                "level": "process",
            },
            {
                "id": "DP-018",
                "title": "Send delivery notices",
                "owner": "customer-relations",
                "anchor": "delivery",
                "offset_days": "-30",
                "duration_days": "3",
                "level": "process",
            },
        ],
    },
    "final.yaml": {
        "kind": "checklist",
        "id": "acceptance-final",
        "title": "Round 3",
        "stage": "delivery",
        "items": [
            {
                "id": "AC-FIN-018",
                "title": "Permanent utilities connected and meters read",
                "area": "Units",
                "method": "Confirm with the utility companies' certificates.",
                "criterion": {
                    "en": "100% of units on permanent supply (no construction supply left).",
                    "zh": "100%户使用正式水电（无临时施工用电用水）。",
                },
                "owner": "engineering",
                "blocking": "true",
                "level": "process",
            }
        ],
    },
    "delivery.yaml": {
        "kind": "risks",
        "phase": "delivery",
        "categories": [{"id": "contract-filing", "title": "Contract and filing"}],
        "risks": [
            {
                "id": "RD-006",
                "category": "contract-filing",
                "title": "Delivery notice late",
                "stage": "delivery",
                "owner": "customer-relations",
                "likelihood": "2",
                "impact": "2",
                "level": "process",
                "controls": [
                    {
                        "en": "Customer relations sends the delivery notice by EMS at least 30 days"
                        " before delivery.",
                        "zh": "至少在交付前30天以EMS寄送交付通知书。",
                    }
                ],
            },
            {
                "id": "RD-008",
                "category": "contract-filing",
                "title": "Gas not connected",
                "stage": "delivery",
                "owner": "engineering",
                "likelihood": "3",
                "impact": "5",
                "level": "process",
                "controls": [
                    {
                        "en": "Gas ignition and heating trial run are completed in 100% of units by"
                        " D−15, with the results recorded in round 3 of simulated acceptance.",
                        "zh": "交付前15天完成100%户的燃气点火通气及供暖试运行，结果记入第三轮模拟验收。",
                    }
                ],
            },
        ],
    },
}


def found(tmp_path: Path, **changes: Any) -> list[Contradiction]:
    tree = {**MINIMAL, **OLD, **changes}
    return analyse(load_catalog(write_tree(tmp_path / "cat", tree)))


def test_it_finds_the_contradictions_the_review_found(tmp_path: Path) -> None:
    result = {(c.owner, c.lang, c.rule, c.dday, *sorted(c.tasks)) for c in found(tmp_path)}
    assert result == {
        # round 3 (D−45…D−38) wants permanent supply that DP-007 delivers only by D−30
        ("AC-FIN-018", "en", "needed by DP-014", "", "DP-007"),
        ("AC-FIN-018", "zh", "needed by DP-014", "", "DP-007"),
        # notices sent D−30…D−27 against "at least 30 days before delivery"
        ("RD-006", "en", "deadline", "D−30", "DP-018"),
        ("RD-006", "zh", "deadline", "D−30", "DP-018"),
        # gas lit by D−15 "recorded in round 3", which ends on D−38
        ("RD-008", "en", "recorded", "D−15", "DP-014"),
        ("RD-008", "zh", "recorded", "D−15", "DP-014"),
    }


def test_a_text_whose_languages_name_different_days_is_reported(tmp_path: Path) -> None:
    risks = OLD["delivery.yaml"]
    control = {"en": "Send the delivery notice by D−45.", "zh": "交付前40天寄送交付通知书。"}
    changed = {**risks, "risks": [{**risks["risks"][0], "controls": [control]}]}
    parity = [c for c in found(tmp_path, **{"delivery.yaml": changed}) if c.lang == "en/zh"]
    assert [(c.owner, c.field, c.rule) for c in parity] == [
        ("RD-006", "controls[0]", "D-days differ")
    ]
