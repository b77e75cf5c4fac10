"""Chinese output reads as a Chinese customer-relations team writes (issue 9's table):
节点准入 not 关卡, 标准库 not 知识库, 关键节点 not 里程碑, 特批 not 豁免, 否决项 not 关键项,
整改销项率 and 问题存续天数 not 整改率 and 账龄, 管控中 and 风险接受（已审批） for risk statuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import Runner

from journey import messages
from journey.project import Project
from journey.reports import build
from journey.reports.render import render

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "harbour-view"

NOT_OUR_WORDS = {
    "关卡": "节点准入",
    "闸口": "节点准入",
    "知识库": "标准库",
    "里程碑": "关键节点",
    "豁免": "特批 / 让步接收",
    "账龄": "问题存续天数 / 超期分布",
    "整改率": "整改销项率",
    "关键项": "否决项",
    "未处理": "未关闭",
    "处理中": "管控中",
    "已接受": "风险接受（已审批）",
    "相序": "插座极性 / 火零反接",
    "环境评估": "环评（环境影响评价）",
}


def wrong_words(text: str) -> list[str]:
    return [f"{w} → {NOT_OUR_WORDS[w]}" for w in NOT_OUR_WORDS if w in text]


def test_no_chinese_message_uses_a_word_the_industry_does_not() -> None:
    found = {
        code: wrong_words(messages._MESSAGES[code][1])
        for code in messages.all_codes()
        if wrong_words(messages._MESSAGES[code][1])
    }
    assert found == {}


def test_statuses_and_gate_words_in_chinese() -> None:
    zh = {
        code: messages.text(code, "zh")
        for code in messages.all_codes()
        if "{" not in messages._MESSAGES[code][1]
    }
    assert zh["status.open"] == zh["gate.status.open"] == "未关闭"
    assert zh["status.mitigating"] == zh["gate.status.mitigating"] == "管控中"
    assert zh["status.accepted"] == zh["gate.status.accepted"] == "风险接受（已审批）"
    assert zh["plan.rate"] == "整改销项率" and zh["word.blocking"] == "否决项"
    assert zh["head.milestones"] == "关键节点" and zh["what.gate"] == "节点准入"


@pytest.fixture(scope="module")
def example() -> Project:
    from journey.catalog import load_catalog
    from journey.project import load_project

    return load_project(EXAMPLE, load_catalog(), dt.date(2026, 10, 20))


@pytest.mark.parametrize("name", ["risk-assessment", "delivery-plan", "open-day"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_chinese_reports_use_the_industry_words(example: Project, name: str, fmt: str) -> None:
    text = render(build(name, example, "zh"), "md" if fmt == "md" else "html")
    assert wrong_words(text) == []
    expected = {
        "risk-assessment": ["管控中", "风险接受（已审批）", "节点准入结论", "交付评估（交付准入）"],
        "delivery-plan": [
            "整改销项率",
            "问题存续天数",
            "超期分布",
            "否决项",
            "第三轮模拟验收（精装收尾）",
        ],
        "open-day": ["特批", "已过期", "暂不具备开放条件"],  # OD-009's 特批 expired
    }[name]
    assert [w for w in expected if w not in text] == []


def test_journey_in_chinese_uses_the_industry_words(run: Runner) -> None:
    gate = run(
        "--lang", "zh", "-v", "--as-of", "2026-10-20", "gate", "delivery", "--project", str(EXAMPLE)
    )
    assert gate.code == 1
    assert wrong_words(gate.out + gate.err) == []
    assert "节点准入 delivery：交付评估（交付准入）" in gate.out
    assert "关键节点 delivery" in gate.out and "特批事项" in gate.out
    assert "逾期 8 天" in gate.out and "整改销项率" in gate.out  # DP-007, late, comes first
    assert "暂不具备条件：交付（2026-12-26，还有 67 天）" in gate.out
    shown = run("--lang", "zh", "catalog", "show", "OD-003")
    assert wrong_words(shown.out) == [] and "负责专业: 工程" in shown.out


def test_catalog_list_and_show_in_chinese_name_things_by_their_titles(run: Runner) -> None:
    listed = run("--lang", "zh", "catalog", "list", "--kind", "points", "--stage", "sales")
    row = next(line for line in listed.out.splitlines() if line.startswith("SP-LEG-006"))
    assert row.split()[:5] == ["SP-LEG-006", "客户敏感点", "销售阶段", "法务", "事后处理"]
    shown = run("--lang", "zh", "catalog", "show", "SP-ENG-012").out
    assert "类型: 风险点" in shown and "阶段: 施工阶段" in shown and "负责专业: 工程" in shown
    assert "  - 设计" in shown and "engineering" not in shown
    risk = run("--lang", "zh", "catalog", "show", "RS-004").out
    assert "类别: 环评（环境影响评价）" in risk and "风险评级: 高" in risk
    # English, and JSON in any language, keep the ids
    assert "SP-LEG-006  points" in run("catalog", "list", "--kind", "points").out
    data = run("--lang", "zh", "catalog", "show", "SP-ENG-012", "--format", "json").out
    assert '"owner": "engineering"' in data
