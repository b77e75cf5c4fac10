"""`journey gate` on the command line: exit codes, output targets, messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import pytest
import xmlschema
from gatekit import CATALOG, write_project
from helpers import Runner, write_tree

SARIF_SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"
JUNIT_XSD = xmlschema.XMLSchema(str(Path(__file__).parent / "junit-10.xsd"))  # Jenkins' schema
PASSING = {"OD-001": "pass", "OD-002": "pass", "OD-005": "n/a"}
MILESTONES = {
    "sales_launch": "2026-03-01",
    "open_day": "2026-09-15",
    "delivery": "2026-11-20",
    "handover": "2026-12-01",
    "handover_party": "2026-12-05",
}


def write(folder: Path, **fields: Any) -> None:
    """A project with every milestone the test catalog uses, so it loads without warnings."""
    fields.setdefault("milestones", MILESTONES)
    write_project(folder, **fields)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside tmp_path, with the test catalog at ./catalog and a project at ./p."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    write_tree(tmp_path / "catalog", CATALOG)
    write(tmp_path / "p")
    return tmp_path


def gate(run: Runner, *args: str) -> tuple[int, str, str]:
    result = run("--catalog", "catalog", "--as-of", "2026-11-01", "gate", *args)
    return result.code, result.out, result.err


def test_failed_gate_exits_1_and_names_items_and_owners(here: Path, run: Runner) -> None:
    code, out, err = gate(run, "open-day", "--project", "p")
    assert code == 1, err
    assert "FAIL: 1 of 1 rule fails the gate (--fail-on low)" in out
    assert "Customer relations — 1 item" in out
    assert "   x OD-005 Check OD-005 — overdue by 47 days (2026-09-15)" in out  # the open day
    assert "       no result recorded under `checks:` (pending)" in out
    assert err == ""


def test_passing_gate_exits_0(here: Path, run: Runner) -> None:
    write(here / "p", checks=PASSING)
    code, out, _ = gate(run, "open-day", "--project", "p")
    lines = out.splitlines()
    assert code == 0 and lines[2].startswith("The milestone was on 2026-09-15; the verdict")
    assert lines[3] == (
        "GO: open day on 2026-09-15, 47 days ago; nothing blocks "
        "(0 of 1 rule fails the gate, --fail-on low)"
    )
    assert lines[-1] == "PASS: 0 of 1 rule fails the gate (--fail-on low)"


def test_soft_fail_exits_0_on_a_failed_gate(here: Path, run: Runner) -> None:
    code, out, _ = gate(run, "open-day", "--project", "p", "--soft-fail")
    assert code == 0 and "FAIL:" in out


def test_soft_fail_still_exits_2_on_a_broken_project(here: Path, run: Runner) -> None:
    write_tree(here / "p", {"project.yaml": "kind: project\nid: p\nstage: nowhere\n"})
    code, out, err = gate(run, "open-day", "--project", "p", "--soft-fail")
    assert code == 2 and out == ""
    assert "p/project.yaml:" in err and "error:" in err


def test_missing_project_folder_exits_2(here: Path, run: Runner) -> None:
    code, _, err = gate(run, "open-day", "--project", "nowhere")
    assert code == 2 and "nowhere" in err


def test_invalid_findings_exit_2(here: Path, run: Runner) -> None:
    write(here / "p", findings="F1,AC-CIV-001,T9,101,hall,open,2026-10-01,,,Acme,\n")
    code, _, err = gate(run, "findings", "--project", "p", "--soft-fail")
    assert code == 2 and "p/findings/f.csv:2: error: building:" in err


def test_fail_on_raises_the_bar(here: Path, run: Runner) -> None:
    write(here / "p", checks={"AC-CIV-001": "pass"}, risks={"RD-001": "closed", "RD-002": "closed"})
    assert gate(run, "delivery", "--project", "p")[0] == 1  # d-checks (medium) fails
    assert gate(run, "delivery", "--project", "p", "--fail-on", "high")[0] == 0
    code, _, err = gate(run, "delivery", "--project", "p", "--fail-on", "severe")
    assert code == 2 and "severe" in err


def test_as_of_after_the_subcommand(here: Path, run: Runner) -> None:
    write(here / "p", checks=PASSING)
    result = run(
        "--catalog", "catalog", "gate", "open-day", "-p", "p", "-o", "json", "--as-of", "2027-01-02"
    )
    assert json.loads(result.out)["as_of"] == "2027-01-02"
    result = run("--catalog", "catalog", "gate", "open-day", "-p", "p", "--as-of", "someday")
    assert result.code == 2 and "someday" in result.err


def test_unknown_gate_exits_2_with_did_you_mean(here: Path, run: Runner) -> None:
    code, out, err = gate(run, "open_day", "--project", "p")
    assert code == 2 and out == ""
    assert err == (
        "journey: error: no gate `open_day` in the catalog; gates: sales, delivery-risks, "
        "open-day, findings, tasks, tasks-late, red-lines, red-lines-sales, red-lines-strict, "
        "order, delivery (did you mean `open-day`?)\n"
    )


def test_four_outputs_in_one_run(here: Path, run: Runner) -> None:
    code, out, err = gate(
        run,
        "open-day",
        "--project",
        "p",
        "-o",
        "json:r.json",
        "-o",
        "junit:r.xml",
        "-o",
        "sarif:r.sarif",
        "-o",
        "text",
    )
    assert code == 1
    assert "FAIL:" in out
    assert err.splitlines() == ["wrote r.json", "wrote r.xml", "wrote r.sarif"]
    assert json.loads((here / "r.json").read_text(encoding="utf-8"))["verdict"] == "fail"
    JUNIT_XSD.validate(str(here / "r.xml"))
    suite = ET.parse(here / "r.xml").getroot().find("testsuite")
    assert suite is not None and [c.get("name") for c in suite.iter("testcase")] == [
        "open-day-checks"
    ]
    sarif = json.loads((here / "r.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert uris == {"p/project.yaml"}
    assert not [p.name for p in here.iterdir() if p.name.endswith(".tmp")]


def test_quiet_does_not_announce_files(here: Path, run: Runner) -> None:
    result = run("-q", "--catalog", "catalog", "gate", "open-day", "-p", "p", "-o", "json:r.json")
    assert result.code == 1 and result.out == "" and result.err == ""


def test_two_outputs_on_stdout_exit_2(here: Path, run: Runner) -> None:
    code, out, err = gate(run, "open-day", "--project", "p", "-o", "json", "-o", "text")
    assert code == 2 and out == ""
    assert "only one output can go to standard output (json, text)" in err


def test_missing_output_folder_exits_2_before_evaluating(here: Path, run: Runner) -> None:
    code, out, err = gate(run, "open-day", "--project", "p", "-o", "json:out/r.json")
    assert (code, out) == (2, "")
    assert err == (
        "journey: error: cannot write out/r.json: the folder out does not exist; create it first\n"
    )


def test_unknown_format_exits_2(here: Path, run: Runner) -> None:
    code, _, err = gate(run, "open-day", "--project", "p", "-o", "sarf:r.sarif")
    assert code == 2 and "unknown output format `sarf`" in err and "`sarif`" in err


def test_output_file_is_replaced_whole(here: Path, run: Runner) -> None:
    (here / "r.md").write_text("old", encoding="utf-8")
    gate(run, "open-day", "--project", "p", "-o", "markdown:r.md")
    assert (here / "r.md").read_text(encoding="utf-8").startswith("## ❌ Gate open-day")


def test_failed_render_leaves_the_earlier_file(
    here: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journey.output.json as json_output

    (here / "r.json").write_text("earlier", encoding="utf-8")

    def boom(*_: object) -> str:
        raise RuntimeError("render broke")

    monkeypatch.setattr(json_output, "render", boom)
    code, _, _ = gate(run, "open-day", "--project", "p", "-o", "json:r.json")
    assert code == 3
    assert (here / "r.json").read_text(encoding="utf-8") == "earlier"


def test_github_annotations_and_step_summary(
    here: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = here / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = gate(run, "open-day", "--project", "p", "-o", "github")
    assert code == 1
    assert out.startswith("::error file=p/project.yaml,line=")
    assert out.count("::error ") == 3
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n## ❌ Gate open-day")


def test_chinese_output(here: Path, run: Runner) -> None:
    result = run(
        "--lang",
        "zh",
        "--catalog",
        "catalog",
        "--as-of",
        "2026-11-01",
        "gate",
        "open-day",
        "-p",
        "p",
    )
    assert result.code == 1
    assert "未通过：1 条规则中有 1 条导致节点准入不通过（--fail-on low）" in result.out
    assert "`checks:` 中没有记录结果（待检）" in result.out


def test_project_warnings_go_to_stderr(here: Path, run: Runner) -> None:
    waiver = {"target": "OD-002", "reason": "r", "approved_by": "Li", "expires": "2026-11-05"}
    write(here / "p", checks={**PASSING, "OD-002": "fail"}, waivers=[waiver])
    code, out, err = gate(run, "open-day", "--project", "p")
    assert code == 0 and "PASS:" in out
    assert "p/project.yaml:" in err and "warning: waivers[0].expires" in err


def test_project_file_path_is_accepted(here: Path, run: Runner) -> None:
    assert gate(run, "open-day", "--project", "p/project.yaml")[0] == 1


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github", "markdown"])
def test_a_missing_milestone_fails_the_rule_in_every_format(
    here: Path, run: Runner, fmt: str
) -> None:
    write(here / "p", milestones={"delivery": "2026-11-20"})
    code, out, err = gate(run, "order", "--project", "p", "-o", fmt)
    assert code == 1, err
    assert "open_day" in out.replace("\\_", "_")  # Markdown escapes the underscore
    if fmt == "junit":
        JUNIT_XSD.validate(out)
    if fmt == "json":
        item = json.loads(out)["rules"][0]["items"][0]
        assert (item["id"], item["owner"], item["owner_title"]) == ("open_day", "", "")


def test_output_never_overwrites_the_project_file(here: Path, run: Runner) -> None:
    before = (here / "p" / "project.yaml").read_bytes()
    code, _, err = gate(run, "open-day", "--project", "p", "-o", "json:p/project.yaml")
    assert code == 2
    assert "refusing to write over p/project.yaml" in err
    assert (here / "p" / "project.yaml").read_bytes() == before


# Data never starts a line ---------------------------------------------------------------

FORGE = "\n::error file=README.md,line=1::forged\nx/project.yaml:1:1: error: forged"


def _forging_project(here: Path) -> None:
    """Valid YAML whose texts hold line breaks that try to print lines of their own (a
    block scalar keeps its line breaks; control characters are refused at input)."""
    write(
        here / "p",
        name={"en": "Tower" + FORGE, "zh": "塔楼" + FORGE},
        checks={"OD-001": {"status": "fail", "note": "power off" + FORGE}},
        risks={"RD-001": {"status": "open", "assignee": "Li" + FORGE}},
        waivers=[
            {
                "target": "OD-002",
                "reason": "accepted" + FORGE,
                "approved_by": "Wu" + FORGE,
                "expires": "2026-12-31",
            }
        ],
    )


@pytest.mark.parametrize("fmt", ["text", "github", "markdown", "junit", "sarif", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_output_lets_project_data_start_a_line(
    here: Path, run: Runner, fmt: str, lang: str
) -> None:
    _forging_project(here)
    for gate_name in ("open-day", "delivery"):
        result = run(
            "--catalog", "catalog", "--lang", lang, "gate", gate_name, "-p", "p", "-o", fmt
        )
        code, out, err = result.code, result.out, result.err
        assert code in (0, 1), err
        for line in (out + err).splitlines():
            assert not line.startswith(("::error file=README", "x/project.yaml")), (fmt, line)
        if fmt == "junit":
            JUNIT_XSD.validate(out)


def test_graph_text_and_validate_keep_data_on_one_line(here: Path, run: Runner) -> None:
    _forging_project(here)
    for args in (
        ["--catalog", "catalog", "graph", "--project", "p", "--focus", "RD-001"],
        ["--catalog", "catalog", "validate", "p"],
        ["--catalog", "catalog", "render", "open-day", "--project", "p", "--format", "md"],
    ):
        result = run(*args)
        assert result.code in (0, 1), result.err
        for line in (result.out + result.err).splitlines():
            assert not line.startswith(("::error file=README", "x/project.yaml")), (args, line)
