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

TEXT_FIELDS = {
    "title",
    "description",
    "area",
    "method",
    "criterion",
    "problem",
    "harm",
    "cause",
    "requirement",
    "standard",
}
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


@pytest.fixture(scope="module")
def raw() -> list[tuple[Path, Any]]:
    """Each bundled catalog file and its YAML as written, parsed once for the module."""
    return [(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in discover(bundled_root())]


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


def test_every_text_is_bilingual(raw: list[tuple[Path, Any]]) -> None:
    missing = []
    for path, data in raw:
        for key, value in raw_texts(data):
            if not (isinstance(value, dict) and value.get("en") and value.get("zh")):
                missing.append(f"{path.name}: {key}: {value!r}"[:120])
    assert not missing, "\n".join(missing[:20])


def test_chinese_texts_are_chinese(raw: list[tuple[Path, Any]]) -> None:
    for path, data in raw:
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
    milestones = {"design_freeze", "sales_launch", "open_day", "delivery", "warranty_review"}
    assert {g.milestone for g in gates.values()} <= milestones
    design = gates["design"]
    assert (design.stage, design.milestone) == ("design", "design_freeze")
    review, risks, red = design.rules
    assert isinstance(review, checklist_passed.Options) and review.checklists == ("design-review",)
    assert isinstance(risks, risks_controlled.Options) and risks.stage == "design"
    assert isinstance(red, red_lines_clear.Options) and red.through_stage == "design"
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
    warranty = gates["warranty-review"]
    assert (warranty.stage, warranty.milestone) == ("after-delivery", "warranty_review")
    assert [r.rule for r in warranty.rules] == [
        "repairs-on-time",
        "complaints-handled",
        "satisfaction-acted",
    ]


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


def test_bundled_catalog_has_no_graph_warnings() -> None:
    assert load_catalog().warnings == []


def test_catalog_files_use_every_kind(raw: list[tuple[Path, Any]]) -> None:
    kinds = {data["kind"] for _, data in raw}
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
        "defect-cases",
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


def test_chinese_texts_use_the_industry_words(raw: list[tuple[Path, Any]]) -> None:
    wrong = []
    for path, data in raw:
        for key, value in raw_texts(data):
            zh = value.get("zh", "") if isinstance(value, dict) else ""
            wrong += [
                f"{path.name}: {key}: {w} → {NOT_THE_INDUSTRY_WORD[w]}"
                for w in NOT_THE_INDUSTRY_WORD
                if w in zh
            ]
    assert not wrong, "\n".join(wrong)


# Defect cases and early involvement (SPEC §14) -----------------------------------------

CASE_TOPICS = {"WIN", "WAL", "ROF", "BSM", "CRK", "DRN", "NOI", "LAY", "KIT", "BTH", "PRK", "PUB"}
REVIEW_TOPICS = {"LAY", "KIT", "BTH", "WIN", "PUB", "LND", "PRK", "NOI", "SGT", "SAF"}


def topic(entry_id: str) -> str:
    return entry_id.split("-")[1]


def test_defect_case_library(catalog: Catalog) -> None:
    cases = catalog.cases
    assert len(cases) >= 30
    assert {topic(c) for c in cases} >= CASE_TOPICS | {"SGT", "SAF"}
    linked = {case for case, _ in catalog.case_links()}
    assert set(cases) == linked, "every case is caught by at least one checklist item"
    for case in cases.values():
        assert case.points, case.id
        assert case.prevent_stage in catalog.stages and case.owner in catalog.professions
        # The requirement speaks to the profession that must act, by its name.
        owner = catalog.professions[case.owner].title
        assert case.requirement.get("en").startswith(owner.get("en")), case.id
        assert case.requirement.get("zh").startswith(owner.get("zh")), case.id
        assert re.search(r"GB|JGJ|Company|MOHURD|管理规定", case.standard.get("en")), case.id


def test_cases_are_caught_on_site_or_at_the_drawings(catalog: Catalog) -> None:
    """A case to be prevented at design is read on the drawings: a design-review item names
    it. Cases left to construction are caught by an acceptance round."""
    for _, item_id in catalog.case_links():
        assert catalog.item_checklist[item_id]  # a checklist item, never a risk or task
    for case in catalog.cases.values():
        lists = {catalog.item_checklist[i] for c, i in catalog.case_links() if c == case.id}
        if case.prevent_stage == "design":
            assert "design-review" in lists, case.id
        else:
            assert {x for x in lists if x.startswith("acceptance-")}, case.id


def test_design_review_checklist(catalog: Catalog) -> None:
    review = catalog.checklists["design-review"]
    assert review.stage == "design" and len(review.items) >= 30
    assert {topic(i.id) for i in review.items} >= REVIEW_TOPICS
    assert all(i.cases and i.points for i in review.items)
    assert any(i.blocking for i in review.items) and not all(i.blocking for i in review.items)
    # Both files tell the same story: a reader of either sees every link.
    from_items = {(c, i.id) for i in review.items for c in i.cases}
    from_cases = {(c.id, i) for c in catalog.cases.values() for i in c.items if i.startswith("DR-")}
    assert from_items == from_cases


def test_design_review_items_link_to_design_stage_points_and_red_lines(catalog: Catalog) -> None:
    review = catalog.checklists["design-review"]
    points = {p for i in review.items for p in i.points}
    red = {p.id for p in catalog.points.values() if p.red_line and p.stage == "design"}
    assert red <= points, "the design gate's red-line rule must see the design review"


def design_project(folder: Path, checks: dict[str, str], risks: dict[str, str]) -> Path:
    """A whole-process project at the design stage, with its design freeze ahead."""
    data: dict[str, Any] = {
        "kind": "project",
        "id": "lakeside-1",
        "name": {"en": "Lakeside Phase 1", "zh": "湖畔一期"},
        "positioning": "whole-process",
        "units": "600",
        "buildings": ["T1"],
        "milestones": {
            "design_freeze": "2026-06-30",
            "sales_launch": "2027-03-01",
            "open_day": "2028-09-01",
            "delivery": "2028-11-30",
        },
        "stage": "design",
        "risks": risks,
        "checks": checks,
    }
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "project.yaml").write_text(text, "utf-8")
    return folder


def test_design_gate_blocks_on_the_design_review_until_it_is_read(
    catalog: Catalog, tmp_path: Path
) -> None:
    import datetime as dt

    from journey.gates import evaluate
    from journey.project import load_project

    as_of = dt.date(2026, 6, 1)
    review = catalog.checklists["design-review"].items
    blocking = sorted(i.id for i in review if i.blocking)
    project = load_project(design_project(tmp_path / "a", {}, {}), catalog, as_of)
    result = evaluate("design", project)
    rules = {r.id: r for r in result.rules}
    assert result.verdict == "fail"
    failed = sorted(i.id for i in rules["design-review-passed"].items if i.status == "fail")
    assert failed == blocking
    # Design-stage risks rated medium or above, sales- or delivery-phase alike.
    assert {i.id for i in rules["design-risks-controlled"].items} >= {"RS-001", "RS-003"}

    # The review read and answered, a failed sunlight analysis: the red line still holds.
    checks = {i.id: "pass" for i in review}
    checks["DR-PLN-001"] = "fail"
    # Every risk closed: the red-line rule also sees later-stage risks on design red lines.
    stage_risks = {r.id: "closed" for r in catalog.risks.values()}
    project = load_project(design_project(tmp_path / "b", checks, stage_risks), catalog, as_of)
    rules = {r.id: r for r in evaluate("design", project).rules}
    assert [i.id for i in rules["design-red-lines"].items] == ["DR-PLN-001"]
    assert [i.id for i in rules["design-review-passed"].items] == ["DR-PLN-001"]
    assert rules["design-risks-controlled"].status == "pass"

    checks["DR-PLN-001"] = "pass"
    project = load_project(design_project(tmp_path / "c", checks, stage_risks), catalog, as_of)
    assert evaluate("design", project).verdict == "pass"


# A rule's title is the condition it checks, so that "Not met: <title>" (未满足：…) says
# what is missing. A title that reports an outcome ("… passed", "…已通过") contradicts a
# failed verdict: "Not met: Open-day prerequisites passed".
OUTCOME_EN = re.compile(r"\b(passed|failed|is met|are met)\b", re.IGNORECASE)
OUTCOME_ZH = re.compile(r"已|未通过|不通过")


def condition_problems(en: str, zh: str) -> list[str]:
    out = [f"en reads as an outcome: {en}" for _ in OUTCOME_EN.finditer(en)]
    return out + [f"zh reads as an outcome: {zh}" for _ in OUTCOME_ZH.finditer(zh)]


def test_the_condition_check_catches_outcomes() -> None:
    assert condition_problems("Open-day prerequisites passed", "开放日前置条件已通过")
    assert not condition_problems("Every blocking open-day prerequisite passes", "否决项全部通过")


def test_every_bundled_rule_title_reads_as_a_condition(catalog: Catalog) -> None:
    from journey.messages import text

    problems = []
    for gate in catalog.gates.values():
        for rule in gate.rules:
            title = rule.title
            assert title is not None and title.en and title.zh, (gate.id, rule.id)
            problems += condition_problems(title.en, title.zh)
            shown = text("gate.failed_rules", "en", rules=title.en)
            assert shown.startswith("Not met: ") and "pass" not in shown.split(": ", 1)[0]
    assert problems == []


def test_every_default_rule_title_reads_as_a_condition() -> None:
    from journey.messages import text
    from journey.rules import RULES

    problems = []
    for rule in RULES:
        en, zh = text(f"gate.title.{rule}", "en"), text(f"gate.title.{rule}", "zh")
        problems += condition_problems(en, zh)
    assert problems == []
    assert text("gate.failed_rules", "zh", rules="否决项全部通过") == "未满足：否决项全部通过"
