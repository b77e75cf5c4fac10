"""The bundled catalog is product content: complete, bilingual, valid and consistent."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from journey.catalog import Catalog, bundled_root, discover, load_catalog
from journey.models import CheckItem, Risk
from journey.rules import checklist_passed, milestone_order, red_lines_clear, risks_controlled

TEXT_FIELDS = {"title", "description", "area", "method", "criterion"}
SALES_CATEGORIES = {
    "planning-points",
    "environmental-assessment",
    "contract-drawings",
    "sales-brochure",
    "adverse-factors",
    "advertising",
    "on-site-display",
    "sales-signing",
    "sales-props-changes",
    "promotional-materials",
}
DELIVERY_CATEGORIES = {
    "laws-licences",
    "contract-filing",
    "sales-commitments",
    "common-defects",
    "fine-decoration",
    "concealed-works",
    "major-design-changes",
    "construction-delay",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def raw_texts(node: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """Every value of a text field, and every control, as written in the YAML."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k in TEXT_FIELDS:
                yield k, v
            elif k == "controls":
                yield from (("controls", c) for c in v)
            else:
                yield from raw_texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from raw_texts(v, key)


def test_every_text_is_bilingual() -> None:
    missing = []
    for path in discover(bundled_root()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in raw_texts(data):
            if not (isinstance(value, dict) and value.get("en") and value.get("zh")):
                missing.append(f"{path.name}: {key}: {value!r}"[:120])
    assert not missing, "\n".join(missing[:20])


def test_chinese_texts_are_chinese() -> None:
    for path in discover(bundled_root()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for _key, value in raw_texts(data):
            if isinstance(value, dict) and value.get("zh"):
                assert re.search(r"[\u4e00-\u9fff]", value["zh"]), (path.name, value)


def test_counts(catalog: Catalog) -> None:
    assert list(catalog.stages) == [
        "design",
        "construction",
        "sales",
        "pre-delivery",
        "delivery",
        "after-delivery",
    ]
    assert set(catalog.professions) == {
        "design",
        "engineering",
        "cost",
        "marketing",
        "customer-relations",
        "property",
        "public-relations",
        "legal",
    }
    assert list(catalog.levels) == ["post-processing", "process", "whole-process", "comprehensive"]
    kinds = Counter(p.kind for p in catalog.points.values())
    assert len(catalog.points) >= 36 and min(kinds["risk"], kinds["value"], kinds["contact"]) >= 8
    assert sum(p.red_line for p in catalog.points.values()) >= 6
    sales = [r for r in catalog.risks.values() if catalog.risk_phase[r.id] == "sales"]
    delivery = [r for r in catalog.risks.values() if catalog.risk_phase[r.id] == "delivery"]
    assert len(sales) >= 20 and len(delivery) >= 20
    assert {r.category for r in sales} >= SALES_CATEGORIES
    assert {r.category for r in delivery} >= DELIVERY_CATEGORIES
    sizes = {cid: len(c.items) for cid, c in catalog.checklists.items()}
    assert sizes["acceptance-civil"] >= 15 and sizes["acceptance-installation"] >= 20
    assert sizes["acceptance-final"] >= 15 and sizes["open-day"] >= 10
    assert len(catalog.tasks) >= 15
    assert {t.anchor for t in catalog.tasks.values()} == {"open_day", "delivery"}
    assert any(t.depends_on for t in catalog.tasks.values())
    assert catalog.matrix is not None and len(catalog.matrix.grid) == 5


def test_gates(catalog: Catalog) -> None:
    gates = catalog.gates
    assert {g.milestone for g in gates.values()} <= {"sales_launch", "open_day", "delivery"}
    sales = {type(r) for r in gates["sales-launch"].rules}
    assert {risks_controlled.Options, red_lines_clear.Options} <= sales
    open_day = gates["open-day"].rules
    assert any(
        isinstance(r, checklist_passed.Options) and "open-day" in r.checklists for r in open_day
    )
    order = [r for r in open_day if isinstance(r, milestone_order.Options)]
    assert order and order[0].order == ("open_day", "delivery") and order[0].min_days >= 30
    delivery = {r.rule for r in gates["delivery"].rules}
    assert delivery >= {
        "risks-controlled",
        "checklist-passed",
        "findings-closed",
        "tasks-done",
        "red-lines-clear",
    }


def test_every_risk_names_points_and_every_sensitive_point_is_covered(catalog: Catalog) -> None:
    assert all(r.points for r in catalog.risks.values())
    covered = {p for i in catalog.items() if isinstance(i, (Risk, CheckItem)) for p in i.points}
    must = {p.id for p in catalog.points.values() if p.kind == "risk" or p.red_line}
    assert must - covered == set()


def test_criteria_are_concrete(catalog: Catalog) -> None:
    """Every criterion states a number, a tolerance or a named standard."""
    vague = [
        i.id
        for i in catalog.check_items.values()
        if not re.search(r"\d|GB|JGJ", i.criterion.get("en"))
    ]
    assert not vague


def test_bundled_catalog_validates_cleanly() -> None:
    from journey.checking import validate_paths

    outcome = validate_paths([], None)
    assert outcome.errors == []


def test_catalog_files_use_every_kind() -> None:
    kinds = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] for p in discover(bundled_root())
    }
    assert kinds >= {
        "catalog",
        "stages",
        "professions",
        "positioning",
        "sensitive-points",
        "risks",
        "checklist",
        "plan",
        "matrix",
        "gates",
    }


def test_root_is_inside_package() -> None:
    assert Path(bundled_root(), "__init__.py").exists()


def test_statutory_and_practice_items(catalog: Catalog) -> None:
    """分户验收, the two delivery risk assessments, 交付评估, the sales-stage licences, prices
    and filing, and pre-sale funds (保交楼) are in the catalog and wired into the plan."""
    tasks = catalog.tasks
    assert "DP-028" in tasks["DP-006"].depends_on  # completion acceptance after 分户验收
    assert "DP-007" in tasks["DP-028"].depends_on  # which needs permanent supply
    assert (tasks["DP-029"].offset_days, tasks["DP-030"].offset_days) == (-180, -90)
    assert tasks["DP-031"].depends_on == ("DP-014",)  # third-party assessment after round 3
    assert "交付评估" in tasks["DP-031"].title.get("zh")
    licences = {r.id for r in catalog.risks.values() if "SP-LEG-006" in r.points}
    assert licences == {"RS-028", "RS-029", "RS-030"}
    assert catalog.points["SP-LEG-006"].red_line
    funds = {r.id for r in catalog.risks.values() if "SP-LEG-007" in r.points}
    assert funds == {"RS-031", "RD-029"}
    assert {catalog.risk_phase[r] for r in funds} == {"sales", "delivery"}
    assert "竣工联合验收" in " ".join(c.get("zh") for c in catalog.risks["RD-002"].controls)


def test_round_3_walks_every_home_and_rounds_1_and_2_sample(catalog: Catalog) -> None:
    final = catalog.checklists["acceptance-final"].description
    civil = catalog.checklists["acceptance-civil"].description
    assert final is not None and civil is not None
    assert "every home of every building" in final.get("en") and "不抽样" in final.get("zh")
    assert "10–20%" in civil.get("en") and "10%–20%" in civil.get("zh")
    assert catalog.checklists["acceptance-final"].title.get("zh") == "模拟验收第三轮——精装收尾"


# Words a Chinese customer-relations team does not use for these things (issue 9's table).
NOT_THE_INDUSTRY_WORD = {
    "关卡": "节点准入",
    "闸口": "节点准入",
    "知识库": "标准库",
    "里程碑": "关键节点",
    "豁免": "特批 / 让步接收",
    "账龄": "问题存续天数",
    "整改率": "整改销项率",
    "关键项": "否决项",
    "相序": "插座极性 / 火零反接",
    "环境评估": "环评（环境影响评价）",
}


def test_chinese_texts_use_the_industry_words() -> None:
    wrong = []
    for path in discover(bundled_root()):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in raw_texts(data):
            zh = value.get("zh", "") if isinstance(value, dict) else ""
            wrong += [
                f"{path.name}: {key}: {w} → {NOT_THE_INDUSTRY_WORD[w]}"
                for w in NOT_THE_INDUSTRY_WORD
                if w in zh
            ]
    assert not wrong, "\n".join(wrong)
