"""Gate output formats: the same result as text, JSON, JUnit, SARIF, GitHub and Markdown."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from gatekit import AS_OF, project

from journey.gates import (
    CatalogRef,
    Counts,
    GateResult,
    ItemResult,
    ItemStatus,
    ProjectRef,
    RuleResult,
    evaluate,
)
from journey.markdown import escape
from journey.output import FORMATS, render
from journey.rules import Reason
from journey.types import LocalisedText, Rating

SARIF_SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"


@pytest.fixture
def result(tmp_path: Path) -> GateResult:
    """delivery: d-risks fails (RD-001 critical, RD-002 waived), d-checks is waived as a
    rule, d-order passes."""
    waivers = [
        {"target": "RD-002", "reason": "re-scored", "approved_by": "Li", "expires": "2026-12-31"},
        {
            "target": "d-checks",
            "reason": "round 1 signed",
            "approved_by": "Wu",
            "expires": "2026-11-05",
        },
    ]
    risks = {"RD-001": {"status": "mitigating", "assignee": "Chen Jie"}}
    p = project(tmp_path, risks=risks, waivers=waivers)
    return evaluate("delivery", p)


def test_every_format_renders_in_both_languages(result: GateResult) -> None:
    for name in FORMATS:
        for lang in ("en", "zh"):
            assert render(name, result, lang).endswith("\n")


# json --------------------------------------------------------------------------


def test_json_is_the_canonical_result(result: GateResult) -> None:
    data = json.loads(render("json", result, "en"))
    assert data["gate"] == "delivery" and data["verdict"] == "fail"
    assert data["project"] == {
        "id": "test-project",
        "name": "Test Project",
        "positioning": "process",
        "positioning_title": "Process",
        "stage": "delivery",
        "path": result.project.path,
    }
    assert data["catalog"] == {"name": "mini", "version": "1.0"}
    assert (data["as_of"], data["fail_on"], data["milestone_date"]) == (
        "2026-11-01",
        "low",
        "2026-11-20",
    )
    assert [(r["id"], r["status"], r["severity"]) for r in data["rules"]] == [
        ("d-risks", "fail", "critical"),
        ("d-checks", "waived", "medium"),
        ("d-order", "pass", "high"),
    ]
    rd1, rd2 = data["rules"][0]["items"]
    assert rd1 == {
        "id": "RD-001",
        "title": "Risk RD-001",
        "owner": "engineering",
        "owner_title": "Engineering",
        "status": "fail",
        "reason": "rated critical and still mitigating; close or accept it",
        "reason_code": "gate.reason.risk_open",
        "assignee": "Chen Jie",
        "file": rd1["file"],
        "line": rd1["line"],
        "col": 3,
        "severity": "critical",
        "due": "2026-11-20",  # no date of its own: the gate's milestone
    }
    assert rd1["file"].endswith("project.yaml") and rd1["line"] > 1
    assert (rd2["status"], rd2["waiver"], rd2["waived_by"]) == ("waived", "applied", "Li")
    assert "waived by Li until 2026-12-31" in rd2["reason"]
    assert [(w["target"], w["state"]) for w in data["waivers"]] == [
        ("RD-002", "in-force"),
        ("d-checks", "expiring"),
    ]
    assert data["counts"]["blocking_rules"] == 1


def test_json_in_chinese(result: GateResult) -> None:
    data = json.loads(render("json", result, "zh"))
    assert data["project"]["name"] == "测试项目"
    assert (
        data["rules"][0]["items"][0]["reason"] == "评级为极高，状态仍为管控中，需关闭或经审批接受"
    )


# junit -------------------------------------------------------------------------


def test_junit_has_a_testcase_per_rule(result: GateResult) -> None:
    root = ET.fromstring(render("junit", result, "en"))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert list(cases) == ["d-risks", "d-checks", "d-order"]
    failure = cases["d-risks"].find("failure")
    assert failure is not None and failure.get("type") == "critical"
    assert failure.text is not None
    assert failure.text.startswith("RD-001 Risk RD-001 [Engineering (Chen Jie)]: rated critical")
    assert "RD-002" not in failure.text  # waived items do not block
    assert cases["d-checks"].find("skipped") is not None
    assert list(cases["d-order"]) == []


# sarif -------------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(result: GateResult) -> None:
    log = json.loads(render("sarif", result, "en"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)


def test_sarif_result_per_item_at_its_status_line(result: GateResult) -> None:
    run = json.loads(render("sarif", result, "en"))["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["d-risks", "d-checks", "d-order"]
    by_item = {r["properties"]["item"]: r for r in run["results"]}
    assert set(by_item) == {"RD-001", "RD-002", "AC-CIV-001", "AC-CIV-003"}
    rd1 = by_item["RD-001"]
    item = result.rules[0].items[0]
    assert (rd1["ruleId"], rd1["ruleIndex"], rd1["level"]) == ("d-risks", 0, "error")
    location = rd1["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "file://" + item.file  # an absolute path
    assert location["region"] == {"startLine": item.line, "startColumn": item.col}
    assert "suppressions" not in rd1
    assert by_item["RD-002"]["suppressions"][0]["kind"] == "external"
    assert by_item["AC-CIV-001"]["suppressions"][0]["justification"].startswith("2 items block")


def test_sarif_findings_location_is_the_csv_line(tmp_path: Path) -> None:
    rows = "F1,AC-CIV-001,T1,101,kitchen,open,2026-10-20,,,Acme,\n"
    p = project(tmp_path, findings=rows)
    run = json.loads(render("sarif", evaluate("findings", p), "en"))["runs"][0]
    located = {
        r["properties"]["item"]: r["locations"][0]["physicalLocation"] for r in run["results"]
    }
    assert located["AC-CIV-001"]["artifactLocation"]["uri"].endswith("findings/f.csv")
    assert located["AC-CIV-001"]["region"] == {"startLine": 2}


# github ------------------------------------------------------------------------


def synthetic(items: int, *, title: str = "Lobby", status: ItemStatus = "fail") -> GateResult:
    """A result with one failing rule of `items` items."""
    made = tuple(
        ItemResult(
            id=f"OD-{n:03d}",
            title=LocalisedText(en=title, zh=title),
            owner="engineering",
            status=status,
            reason=Reason(code="gate.reason.check_failed_note", params={"note": "50% done\nnext"}),
            file="p/project.yaml",
            line=n + 1,
            col=3,
            severity=Rating.HIGH,
        )
        for n in range(1, items + 1)
    )
    rule = RuleResult(
        id="od",
        rule="checklist-passed",
        title=LocalisedText(en=title, zh=title),
        severity=Rating.HIGH,
        status="fail",
        blocks=True,
        waivable=True,
        reason=Reason(code="gate.rule_failed", params={"count": items}),
        items=made,
    )
    counts: dict[str, Any] = dict.fromkeys(Counts.model_fields, 0)
    return GateResult(
        gate="open-day",
        title=LocalisedText(en=title, zh=title),
        stage="delivery",
        milestone="open_day",
        milestone_date=dt.date(2026, 10, 24),
        project=ProjectRef(
            id="p", name=LocalisedText(en=title), positioning="process", stage="x", path="p"
        ),
        catalog=CatalogRef(name="c", version="1"),
        as_of=AS_OF,
        verdict="fail",
        fail_on=Rating.LOW,
        rules=(rule,),
        waivers=(),
        counts=Counts(**{**counts, "rules": 1, "failed": 1, "blocking_rules": 1}),
    )


def test_github_annotations_are_capped_at_ten_per_level() -> None:
    lines = render("github", synthetic(13), "en").splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 10
    assert errors[0] == (
        "::error file=p/project.yaml,line=2,col=3,title=od%3A OD-001 Lobby"
        "::check failed: 50%25 done next [engineering]"
    )
    assert "3 more error annotations not shown" in lines[10]
    assert lines[-1] == "journey gate open-day: FAIL"


def test_github_escapes_properties() -> None:
    line = render("github", synthetic(1, title="A, B: C"), "en").splitlines()[0]
    assert "title=od%3A OD-001 A%2C B%3A C::" in line


def test_github_warnings_for_rules_below_fail_on(result: GateResult) -> None:
    lines = render("github", result.model_copy(), "en").splitlines()
    assert [line.split(" ")[0] for line in lines if line.startswith("::")] == ["::error"]


# markdown ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("`rm -rf`", r"\`rm -rf\`"),
        ("# Heading", r"\# Heading"),
        ("two\nlines", "two lines"),
        ("*bold* [link](x)", r"\*bold\* \[link\](x)"),
    ],
)
def test_markdown_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_markdown_escapes_catalog_text_in_tables() -> None:
    md = render("markdown", synthetic(1, title="# T1 | <b>`x`</b>"), "en")
    assert "<b>" not in md and "\n# T1" not in md
    assert r"## ❌ Gate open-day: \# T1 \| &lt;b&gt;\`x\`&lt;/b&gt;" in md
    assert r"| OD-001 # T1 \| &lt;b&gt;\`x\`&lt;/b&gt; |" in md
    table_rows = [line for line in md.splitlines() if line.startswith("| OD-001")]
    assert len(table_rows) == 1 and table_rows[0].count(" | ") == 4


def test_markdown_summary(result: GateResult) -> None:
    md = render("markdown", result, "en")
    assert md.startswith("## ❌ Gate delivery: Gate delivery\n")
    assert (
        "| d-risks<br>Every risk in scope is closed or accepted | ❌ fail | critical | 1 item blocks |"
        in md
    )
    assert "**NO-GO: delivery on 2026-11-20, in 19 days; 1 item blocks" in md
    assert "### Engineering — 1 item (Chen Jie 1)" in md
    assert "| RD-001 Risk RD-001 · Chen Jie | due in 19 days (2026-11-20) | rated critical" in md
    assert "| RD-002 Risk RD-002 | waived | Engineering | " in md  # not blocking, listed apart


# text --------------------------------------------------------------------------


def test_text_names_blocking_items_owners_and_places(result: GateResult) -> None:
    from journey.output.text import render as render_text

    out = render_text(result, "en")
    lines = out.splitlines()
    assert lines[0] == "Gate delivery: Gate delivery"
    assert lines[2] == (
        "NO-GO: delivery on 2026-11-20, in 19 days; 1 item blocks "
        "(1 of 3 rules fail the gate, --fail-on low)"
    )
    assert lines[-1] == "FAIL: 1 of 3 rules fail the gate (--fail-on low)"
    item = result.rules[0].items[0]
    owner = lines.index("Engineering — 1 item (Chen Jie 1)")
    assert lines[owner + 1] == "   x RD-001 Risk RD-001 · Chen Jie — due in 19 days (2026-11-20)"
    assert lines[owner + 3] == f"       {item.file}:{item.line}:{item.col} · rules: d-risks"
    assert "   NOT MET  d-risks  Every risk in scope is closed or accepted  [critical]" in out
    assert any(line.startswith("   WAIVED   d-checks") for line in lines)
    # RD-002 is waived: it does not block, and is listed with what does not
    assert lines.index("Not blocking: waived items, warnings, failures below --fail-on:") > owner
    assert "   ~ RD-002 Risk RD-002  (owner Engineering)" in lines


def test_text_styles_through_the_given_function(result: GateResult) -> None:
    from journey.output.text import render as render_text

    seen: list[str] = []

    def style(value: str, role: str) -> str:
        seen.append(role)
        return f"<{role}>{value}</{role}>"

    out = render_text(result, "en", style)
    assert "<fail>NOT MET </fail> d-risks" in out
    assert {"bold", "dim", "fail", "waived", "pass"} <= set(seen)


def test_text_in_chinese(result: GateResult) -> None:
    from journey.output.text import render as render_text

    out = render_text(result, "zh")
    assert "未通过：3 条规则中有 1 条导致节点准入不通过（--fail-on low）" in out
    assert (
        "暂不具备条件：交付（2026-11-20，还有 19 天）前仍有 1 项阻碍（3 条规则中有 1 条不满足"
        in out
    )
    assert "范围内风险全部关闭或经审批接受" in out
    assert (
        "工程：1 项（Chen Jie 1）\n   x RD-001 风险 RD-001 · Chen Jie — 19 天后到期（2026-11-20）"
        in out
    )
    assert "\n   未满足   d-risks" in out and "\n   已特批   d-checks" in out


def test_text_limit_lists_how_many_more() -> None:
    from journey.output.text import render as render_text

    out = render_text(synthetic(15), "en", limit=12)
    assert out.count("   x OD-") == 12
    assert "     … and 3 more (-v lists them all; -o markdown or json keeps them all)" in out
    assert render_text(synthetic(15), "en").count("   x OD-") == 15


def mine(tmp_path: Path) -> GateResult:
    """Four owners' items across four rules, some overdue, one risk in two rules."""
    import gatekit

    risks = {
        "RD-001": {"status": "mitigating", "assignee": "Chen Jing", "due": "2026-11-10"},
        "RD-002": {"status": "open", "assignee": "Chen Jing", "note": "B2 ramp seeps",
                   "evidence": "photo log 12"},
    }  # fmt: skip
    return gatekit.mine(tmp_path, risks)


def test_text_puts_what_is_late_first_and_groups_it_by_owner(tmp_path: Path) -> None:
    from journey.output.text import render as render_text

    out = render_text(mine(tmp_path), "en")
    lines = out.splitlines()
    heads = [line for line in lines if " — " in line and not line.startswith(" ")]
    # Customer relations holds the most urgent item (DP-001, due 26 Oct): it comes first
    assert heads == [
        "Customer relations — 2 items, 1 overdue",
        "Engineering — 2 items (Chen Jing 2)",
    ]
    entries = [line.split(" — ")[0].strip() for line in lines if line.startswith("   x ")]
    assert entries == [
        "x DP-001 Task DP-001",  # overdue by 6 days
        "x OD-005 Check OD-005",  # the milestone: 20 Nov
        "x RD-001 Risk RD-001 · Chen Jing",  # 10 Nov
        "x RD-002 Risk RD-002 · Chen Jing",  # the milestone
    ]
    assert "   x DP-001 Task DP-001 — overdue by 6 days (2026-10-26)" in lines
    # RD-002 fails two rules: listed once, naming both, with the team's note and evidence
    rd2 = lines.index("   x RD-002 Risk RD-002 · Chen Jing — due in 19 days (2026-11-20)")
    assert "threatens red line SP-ENG-001" in lines[rd2 + 1]
    assert lines[rd2 + 2] == "       note: B2 ramp seeps"
    assert lines[rd2 + 3] == "       evidence: photo log 12"
    assert lines[rd2 + 4].endswith(" · rules: risks, red-lines")
    assert out.count("RD-002 Risk RD-002") == 1
    # the same owner is named the same way in every rule: no "Engineering" without Chen Jing
    assert "RD-002 Risk RD-002  (owner Engineering)" not in out


def test_json_groups_what_blocks_by_owner(tmp_path: Path) -> None:
    data = json.loads(render("json", mine(tmp_path), "en"))
    groups = data["by_owner"]
    assert [(g["owner"], g["count"], g["overdue"]) for g in groups] == [
        ("customer-relations", 2, 1),
        ("engineering", 2, 0),
    ]
    rd2 = groups[1]["items"][1]
    assert (rd2["id"], rd2["rules"], rd2["note"], rd2["evidence"], rd2["days"]) == (
        "RD-002",
        ["risks", "red-lines"],
        "B2 ramp seeps",
        "photo log 12",
        19,
    )
    risk_items = data["rules"][0]["items"]
    assert {i["id"]: i.get("note") for i in risk_items}["RD-002"] == "B2 ramp seeps"


def test_a_past_gate_says_so_and_is_still_evaluated(tmp_path: Path) -> None:
    from journey.output.text import render as render_text

    record = {"sales": {"passed": "2026-02-27", "by": "Zhou Hua"}}
    result = evaluate("sales", project(tmp_path, gates=record))
    lines = render_text(result, "en").splitlines()
    assert lines[2] == (
        "The milestone was on 2026-03-01; the gate was recorded as passed on 2026-02-27 by "
        "Zhou Hua. What follows is the evaluation as of 2026-11-01, and the exit code follows it."
    )
    assert lines[3].startswith("NO-GO: sales launch on 2026-03-01, 245 days ago;")
    data = json.loads(render("json", result, "en"))
    assert (data["milestone_passed"], data["recorded"]) == (
        True,
        {"passed": "2026-02-27", "by": "Zhou Hua", "note": None},
    )
    unrecorded = render_text(evaluate("sales", project(tmp_path / "b")), "zh")
    assert "该关键节点已于 2026-03-01 过去，当时的结论未记录" in unrecorded


def test_text_and_json_forecast_when_each_building_is_ready(tmp_path: Path) -> None:
    """T1: 100 findings, 70 verified — 50 long ago, 20 within the last 14 days (19 Oct to
    1 Nov, about 1.4 a day): 5 more to reach 75%, at 20/14 a day: 4 days, on 5 Nov."""
    from journey.output.text import render as render_text

    rows = (
        "".join(
            f"F{n},AC-CIV-002,T1,{100 + n},,verified,2026-10-01,,2026-10-02,,\n" for n in range(50)
        )
        + "".join(
            f"G{n},AC-CIV-002,T1,{200 + n},,verified,2026-10-01,,2026-10-{19 + n // 2:02d},,\n"
            for n in range(20)
        )
        + "".join(f"H{n},AC-CIV-002,T1,{300 + n},,open,2026-10-20,,,,\n" for n in range(30))
    )
    result = evaluate("findings", project(tmp_path, findings=rows))
    (f,) = result.rules[0].forecasts
    assert (f.findings, f.verified, f.needed, f.recent_closed) == (100, 70, 5, 20)
    assert f.reaches == dt.date(2026, 11, 5) and f.days_late == -15  # delivery 20 Nov
    out = render_text(result, "en")
    assert (
        "   T1 reaches 75% on 2026-11-05, 15 days before delivery (2026-11-20) — 70.0% verified "
        "now, 5 more to verify; 1.4 closed a day over the last 14 days"
    ) in out
    data = json.loads(render("json", result, "zh"))
    (forecast,) = data["rules"][0]["forecasts"]
    assert forecast["reaches"] == "2026-11-05" and forecast["days_late"] == -15
    assert forecast["text"] == "T1 预计 2026-11-05 达到 75%，早于交付（2026-11-20）15 天"


# What CI consumers accept, whatever the data holds -------------------------------------

JUNIT_XSD = Path(__file__).parent / "junit-10.xsd"
EXAMPLE = Path(__file__).parent.parent / "examples" / "harbour-view"
FORGED = "Lobby\n::error file=README.md,line=1::pwned\r\nx.yaml:1:1: error: fake \x1b]0;title\x07\x1b[2J\u202eevil\x00"


def hostile() -> GateResult:
    """A failing result whose every text from data tries to forge a line, retitle the
    terminal, clear the screen, reorder text, or break XML (a NUL)."""
    base = synthetic(3, title=FORGED)
    item = (
        base.rules[0]
        .items[0]
        .model_copy(
            update={
                "file": "p\n::warning file=x::y\x01/project.yaml",
                "assignee": "Li\nWei\x1b[31m",
                "reason": Reason(code="gate.reason.check_failed_note", params={"note": FORGED}),
            }
        )
    )
    rule = base.rules[0].model_copy(update={"items": (item, *base.rules[0].items[1:])})
    return base.model_copy(update={"rules": (rule,)})


def junit_schema() -> Any:
    import xmlschema

    return xmlschema.XMLSchema(str(JUNIT_XSD))


def example_results() -> list[GateResult]:
    from journey.catalog import load_catalog
    from journey.project import load_project

    example = load_project(EXAMPLE, load_catalog(), dt.date(2026, 10, 20))
    return [
        evaluate(gate, example, Rating(fail_on))
        for gate in example.catalog.gates
        for fail_on in ("low", "high", "critical")
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_junit_output_is_valid_for_jenkins(lang: str, result: GateResult) -> None:
    schema = junit_schema()
    for gate_result in [result, hostile(), synthetic(0), *example_results()]:
        document = render("junit", gate_result, lang)
        schema.validate(document)  # raises on the first violation
        suite = ET.fromstring(document).find("testsuite")
        assert suite is not None and suite.get("time") is not None
        assert all(case.get("time") is not None for case in suite.iter("testcase"))


def test_junit_failures_agree_with_the_exit_code_under_fail_on(tmp_path: Path) -> None:
    """RD-001 is critical and RD-003 medium: at --fail-on critical the medium rule fails
    below the threshold, so the gate's verdict (and exit code) decide it passes or not."""
    risks = {"RD-001": {"status": "closed"}}
    p = project(tmp_path, risks=risks)
    for fail_on in ("low", "medium", "high", "critical"):
        gate_result = evaluate("delivery", p, Rating(fail_on))
        suite = ET.fromstring(render("junit", gate_result, "en")).find("testsuite")
        assert suite is not None
        failures = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
        assert failures == [r.id for r in gate_result.rules if r.blocks]
        assert suite.get("failures") == str(len(failures))
        assert (failures == []) == gate_result.passed
        sarif = json.loads(render("sarif", gate_result, "en"))["runs"][0]["results"]
        errors = [r for r in sarif if r["level"] == "error"]
        assert (errors == []) == gate_result.passed
        github = render("github", gate_result, "en")
        assert ("::error " in github) != gate_result.passed


def test_every_format_keeps_hostile_data_on_its_own_line() -> None:
    from journey.output.text import render as render_text

    bad = hostile()
    outputs = {name: render(name, bad, "en") for name in FORMATS}
    outputs["text"] = render_text(bad, "en", limit=None)
    for name, out in outputs.items():
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, name
        assert "\x00" not in out and "\x01" not in out, name
        lines = out.splitlines()
        assert not any(
            line.startswith(("::error file=README", "::warning file=x")) for line in lines
        ), name
        assert not any(line.startswith("x.yaml:1:1: error") for line in lines), name
    annotations = [line for line in outputs["github"].splitlines() if line.startswith("::")]
    assert len(annotations) == 3 and all(a.startswith("::error file=p") for a in annotations)
    ET.fromstring(outputs["junit"])
    junit_schema().validate(outputs["junit"])
    for name in ("json", "sarif"):
        json.loads(outputs[name])


def test_sarif_rules_carry_help_and_results_one_fingerprint_each() -> None:
    """The example's delivery gate fails the same building twice in the findings rule and
    names the same item in two red-line results: GitHub merges results that share a
    fingerprint, so each needs its own."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    for gate_result in example_results():
        log = json.loads(render("sarif", gate_result, "en"))
        jsonschema.validate(log, schema)
        run = log["runs"][0]
        assert run["tool"]["driver"]["informationUri"].startswith("https://")
        for rule in run["tool"]["driver"]["rules"]:
            assert rule["fullDescription"]["text"] and rule["help"]["text"]
            assert rule["help"]["markdown"].startswith("**")
            assert rule["fullDescription"]["text"] != rule["shortDescription"]["text"]
        keys = [(r["ruleId"], r["partialFingerprints"]["journeyItem/v2"]) for r in run["results"]]
        assert len(keys) == len(set(keys))


def test_sarif_paths_resolve_from_the_repository_root(tmp_path: Path) -> None:
    from journey.output.sarif import log

    (tmp_path / ".git").mkdir()
    sub = tmp_path / "projects" / "hv"
    sub.mkdir(parents=True)
    bad = synthetic(1).model_copy()
    run = log(bad, "en", root=tmp_path)["runs"][0]
    # p/project.yaml is relative to the current folder, not to tmp_path: absolute URI
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"][
        "uri"
    ].startswith("file:///")
    from journey.output._common import relative_to, source_root

    assert source_root(sub) == tmp_path
    assert relative_to(str(sub / "project.yaml"), tmp_path) == "projects/hv/project.yaml"
    here = log(bad, "en", root=Path.cwd())["runs"][0]
    location = here["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "p/project.yaml", "uriBaseId": "SRCROOT"}
    assert here["originalUriBaseIds"]["SRCROOT"]["uri"] == Path.cwd().as_uri() + "/"


def test_github_shows_the_most_severe_annotations_first() -> None:
    """Ten annotations per level are all GitHub shows: they go to the worst items, not
    to whichever rule comes first."""
    mild = synthetic(12)
    items = tuple(i.model_copy(update={"severity": Rating.MEDIUM}) for i in mild.rules[0].items)
    severe = tuple(
        i.model_copy(update={"id": f"RD-{n:03d}", "severity": Rating.CRITICAL})
        for n, i in enumerate(mild.rules[0].items[:3], 1)
    )
    rules = (
        mild.rules[0].model_copy(update={"items": items}),
        mild.rules[0].model_copy(update={"id": "risks", "items": severe}),
    )
    lines = render("github", mild.model_copy(update={"rules": rules}), "en").splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == 10
    assert [f"RD-00{k}" in e for k, e in enumerate(errors[:3], 1)] == [True] * 3
    assert "5 more error annotations not shown" in "\n".join(lines)


def test_graphml_parses_whatever_the_titles_hold() -> None:
    import networkx as nx

    from journey.graph_export import to_graphml, to_json

    g = nx.DiGraph()
    g.add_node("RS-001", kind="risk", id="RS-001", title_en=FORGED, title_zh="标题\x0b", order=1)
    g.add_node("profession:x\x01", kind="profession", id="x", title_en="X\x1b", title_zh="X")
    g.add_edge("RS-001", "profession:x\x01", kind="owner")
    document = to_graphml(g)
    root = ET.fromstring(document)
    assert root.tag.endswith("graphml") and "\x1b" not in document
    assert len(nx.parse_graphml(document)) == 2
    json.loads(to_json(g))
