"""The `service` report: what it says about repairs, complaints, satisfaction and actions,
in both languages and both formats (SPEC §13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from servicekit import complaint, project, repair

from journey.project import Project
from journey.reports import build
from journey.reports.render import render
from journey.reports.service_models import ServiceReport


@pytest.fixture
def served(tmp_path: Path) -> Project:
    repairs = [repair(f"R{n}") for n in range(1, 9)]
    repairs += [
        repair("R9", fixed="2026-10-09", responsible="金门窗业"),  # 8 days: fix limit is 5
        repair("R10", "leakage", onsite="2026-10-01 11:00", responsible=""),
        repair(
            "R11", "leakage", onsite="2026-10-01 11:00", repeat_of="R10", investigated="2026-10-02"
        ),
        repair(
            "R12",
            "doors",
            reported="2026-09-20 09:00",
            responded="2026-09-20 10:00",
            onsite="2026-09-20 15:00",
            fixed="",
            status="in-progress",
        ),
    ]
    complaints = [
        complaint("C1"),
        complaint("C2", channel="weibo", level="general", status="responded"),
        complaint("C3", households="16", level="serious"),
    ]
    surveys = [
        ["1201", "run-in", "repair", "10", "7"],
        ["1202", "run-in", "repair", "9", "8"],
        ["1203", "prospective", "quality", "8", "8"],
        ["1204", "stable", "property", "8", "9"],
    ]
    actions = [
        {"id": "IA-001", "dimension": "repair", "action": "维修完成后24小时内回访",
         "owner": "customer-relations", "assignee": "李伟", "due": "2026-10-15",
         "standard": "回访率100%"},
        {"id": "IA-002", "target": "SP-ENG-001", "action": "外窗复检", "owner": "engineering",
         "due": "2026-12-31"},
    ]  # fmt: skip
    return project(
        tmp_path, repairs=repairs, complaints=complaints, surveys=surveys, actions=actions
    )


def report(p: Project, lang: str = "en") -> ServiceReport:
    found = build("service", p, lang)
    assert isinstance(found, ServiceReport)
    return found


def test_repairs_per_category_party_age_and_repeat(served: Project) -> None:
    r = report(served)
    doors = next(c for c in r.categories if c.id == "doors")
    assert (doors.total, doors.decided, doors.met, doors.open) == (10, 10, 8, 1)  # R9, R12 late
    assert doors.below and doors.limits == "2 h / 24 h / 5 d"
    assert r.needed == 0.9 and r.max_repeat == 0.5
    parties = {p.name: (p.total, p.met) for p in r.parties}
    assert parties == {"宏建": (10, 9), "金门窗业": (1, 0), "(not recorded)": (1, 1)}
    assert [(a.title, a.bands) for a in r.ageing] == [("Doors", (0, 0, 0, 1))]
    assert [(x.label, x.repeats) for x in r.repeat_categories] == [("Leakage", 1)]
    assert [(h.label, h.repeats) for h in r.repeat_homes] == [("T1 1201", 1)]
    assert (r.totals.repairs, r.totals.repeats, r.totals.repairs_open) == (12, 1, 1)


def test_complaints_by_level_and_channel_with_their_escalations(served: Project) -> None:
    r = report(served)
    assert r.channels == ("Phone", "Weibo")
    general = r.levels[0]
    assert (general.total, general.channels, general.overdue) == (2, (1, 1), 1)
    kinds = {(s.kind, s.first) for s in r.shortfalls}
    assert kinds == {("level", "C2"), ("escalation", "C2"), ("overdue", "C2")}
    assert [(e.id, e.demanded) for e in r.escalations] == [("C3", ""), ("C2", "Serious")]
    assert r.timeline.segments and r.timeline.legend[0] == "General"


def test_satisfaction_by_dimension_and_stage_against_target(served: Project) -> None:
    r = report(served)
    dims = {d.id: d for d in r.dimensions}
    repair_dim = dims["repair"]
    assert repair_dim.weak and repair_dim.acted is False  # its action is overdue
    assert [c.stage for c in repair_dim.stages] == ["Prospective", "Run-in", "Stable", "Mature"]
    assert repair_dim.stages[1].below and repair_dim.stages[0].index is None
    assert not dims["property"].weak
    assert [s.answers for s in r.stages] == [1, 2, 1, 0]
    bars = {g.label: len(g.bars) for g in r.chart.groups}
    assert bars == {"Repair": 1, "Quality": 1, "Property": 1}


def test_actions_with_their_aim_and_state(served: Project) -> None:
    r = report(served, "zh")
    first, second = r.actions
    assert (first.aim, first.overdue, first.assignee) == ("工程维修", True, "李伟")
    assert second.aim == "SP-ENG-001 Window leakage" and not second.overdue
    assert r.totals.actions_overdue == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_report_says_it_in_both_languages(served: Project, lang: str, fmt: str) -> None:
    text = render(report(served, lang), "md" if fmt == "md" else "html")
    words = {
        "en": ["After-delivery service", "Doors", "below the review's ratio" if fmt == "md" else "Doors",
               "not escalated to Public relations", "Escalation timeline", "IA-001"],
        "zh": ["门窗", "未升级至品牌公关", "投诉升级时间线", "满意度指数", "改进措施", "已逾期"],
    }[lang]  # fmt: skip
    assert [w for w in words if w not in text] == []
    if fmt == "html":
        assert '<svg class="sat"' in text and '<svg class="timeline"' in text


def test_a_project_without_registers_says_so(tmp_path: Path) -> None:
    r = report(project(tmp_path), "zh")
    text = render(r, "md")
    assert "尚无报修台账" in text and "尚无投诉台账" in text and "尚无满意度调查答卷" in text
    assert r.timeline.segments == () and r.chart.groups[0].bars == ()


def test_the_warranty_gate_is_not_judged_before_handover(tmp_path: Path) -> None:
    from servicekit import CATALOG, catalog

    gates = {"kind": "gates", "gates": [{**CATALOG["gates.yaml"]["gates"][0],
                                         "id": "warranty-review"}]}  # fmt: skip
    cat = catalog(tmp_path, **{"gates.yaml": gates})
    early = project(tmp_path, cat=cat, stage="sales", milestones={"delivery": "2027-06-30"})
    r = report(early)
    assert (r.due, r.verdict) == (False, "unknown")
    assert [g.id for g in r.header.gates] == []  # after-delivery is not the next stage
    assert "not due before handover" in render(r, "md")
    late = project(tmp_path, cat=cat)
    assert report(late).due and [g.id for g in report(late).header.gates] == ["warranty-review"]
    # and a project at its stage hears about the milestone it lacks
    assert any(w.code == "project.milestone_for_gates" for w in project(
        tmp_path, cat=cat, milestones={"delivery": "2025-10-30"}).warnings)  # fmt: skip


def cells(line: str) -> int:
    """The cells of a Markdown table row (an escaped `\\|` is text)."""
    return len(line.replace("\\|", "").strip().strip("|").split("|"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_markdown_table_row_has_its_header_s_cells(lang: str) -> None:
    from journey.catalog import load_catalog
    from journey.project import load_project

    folder = Path(__file__).parent.parent / "examples" / "harbour-view-1"
    example = load_project(folder, load_catalog(), __import__("datetime").date(2026, 10, 20))
    text = render(report(example, lang), "md")
    tables: list[list[str]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    assert len(tables) >= 10
    for table in tables:
        assert "---" not in table[0] and len(table) >= 2, table[:2]  # a header, then
        assert set(table[1]) <= set("|-:"), table[:2]  # the separator row
        assert {cells(row) for row in table} == {cells(table[0])}, table[:3]
    assert ("9,800" in text) and ("SP-ENG-001" in text)
