"""The example portfolio: it regenerates exactly, and its page says what examples/README.md
says it does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import Runner, example_generator

ROOT = Path(__file__).parent.parent
FOLDER = ROOT / "examples" / "portfolio"


def test_the_portfolio_regenerates_byte_for_byte(tmp_path: Path) -> None:
    example_generator("make_portfolio").write_all(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(FOLDER) for p in FOLDER.rglob("*") if p.is_file())
    assert made == committed
    for rel in made:
        same = (tmp_path / rel).read_bytes() == (FOLDER / rel).read_bytes()
        assert same, f"{rel}: run python examples/make_portfolio.py"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    import datetime as dt

    from journey.catalog import load_catalog
    from journey.portfolio import build
    from journey.portfolio.page import document

    out = tmp_path_factory.mktemp("portfolio")
    p = build([FOLDER], out, load_catalog(), catalog_root=None, as_of=dt.date(2026, 10, 20))
    assert p.valid
    return document(p, "en")


def test_each_project_has_the_verdicts_its_story_gives(page: dict[str, Any]) -> None:
    projects = {p["id"]: p for p in page["projects"]}
    assert set(projects) == {
        "binhai-2", "huayuan-3", "hujing-1", "jiangpan-1", "shanyu-2", "zhongyang-1"
    }  # fmt: skip
    assert set(projects["shanyu-2"]["gates"].values()) == {"pass"}  # handed over
    assert projects["shanyu-2"]["gate_details"]["warranty-review"]["due"]
    assert not projects["hujing-1"]["gate_details"]["warranty-review"]["due"]
    assert projects["huayuan-3"]["gates"]["design"] == "fail"  # the design review
    assert projects["huayuan-3"]["numbers"]["project"]["findings"] == 0
    assert projects["hujing-1"]["gates"]["open-day"] == "pass"
    assert projects["hujing-1"]["gates"]["delivery"] == "fail"
    batches = projects["jiangpan-1"]["batch_gates"]
    assert (batches["batch-1"]["open-day"], batches["batch-2"]["open-day"]) == ("pass", "fail")
    assert projects["zhongyang-1"]["stage"] == "sales"


def test_recurring_defects_no_case_covers_come_first(page: dict[str, Any]) -> None:
    recurring = page["recurring"]
    uncovered = [r["item"] for r in recurring if not r["covered_by"]]
    assert recurring[0]["item"] == "AC-CIV-013"
    assert {"AC-CIV-013", "AC-INS-018", "AC-FIN-005", "AC-FIN-002"} <= set(uncovered)
    covered = [r for r in recurring if r["covered_by"]]
    assert recurring.index(covered[0]) == len(uncovered)
    assert page["recurring_categories"] and page["contractors"]
    repairs = {r["key"]: r for r in page["repair_categories"]}
    assert repairs["leakage"]["project_ids"] == ["shanyu-2"]
    assert repairs["leakage"]["reopened"] >= 1  # a leak repaired twice
    assert page["repair_parties"][0]["key"] == "东方雨虹防水"  # the open leak


def test_make_demo_writes_the_portfolio_page(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "portfolio"
    result = run("--as-of", "2026-10-20", "portfolio", str(FOLDER), "-o", str(out))
    assert result.code == 0, result.err
    assert json.loads((out / "portfolio.json").read_text("utf-8"))["summary"]["projects"] == 6
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "portfolio examples/portfolio -o $(OUT)/portfolio" in makefile
