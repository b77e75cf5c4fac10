"""`journey diff`: two results of one gate compared (journey.gatediff, journey.output.diff)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from gatekit import project
from helpers import Runner

from journey.errors import InvalidInput, UsageProblem
from journey.gatediff import _Result, compare, compare_files
from journey.gates import evaluate
from journey.output.diff import render
from journey.output.json import document

BATCHES = [
    {"id": "b1", "buildings": ["T1", "T2"]},
    {"id": "b2", "buildings": ["T3"], "milestones": {"open_day": "2026-10-20"}},
]


def result(tmp_path: Path, name: str, gate: str = "open-day", **fields: Any) -> dict[str, Any]:
    """A gate result as `journey gate -o json` writes it."""
    folder = tmp_path / name
    folder.mkdir()
    return document(evaluate(gate, project(folder, **fields)), "en")


def diff(old: dict[str, Any], new: dict[str, Any]) -> Any:
    return compare(_Result.model_validate(old), _Result.model_validate(new), "old", "new")


def keys(entries: Any) -> list[tuple[str, str]]:
    return [(e.rule, e.item) for e in entries]


def test_newly_blocking_resolved_and_still_blocking(tmp_path: Path) -> None:
    old = result(tmp_path, "a", checks={"OD-001": "fail", "OD-002": "pass", "OD-005": "fail"})
    new = result(
        tmp_path,
        "b",
        checks={"OD-001": "pass", "OD-002": "fail", "OD-005": "fail"},
        waivers=[{"target": "OD-005", "reason": "r", "approved_by": "Li", "expires": "2026-12-31"}],
    )
    d = diff(old, new)
    assert keys(d.newly_blocking) == [("open-day-checks", "OD-002")]
    assert [(e.item, e.now) for e in d.resolved] == [("OD-001", "passes"), ("OD-005", "waived")]
    assert keys(d.still_blocking) == []
    assert [w.target for w in d.waivers_added] == ["OD-005"]
    assert (d.old.verdict, d.new.verdict, d.verdict_changed) == ("fail", "fail", False)
    assert d.anything_new


def test_verdict_change_and_nothing_new(tmp_path: Path) -> None:
    old = result(tmp_path, "a", checks={"OD-001": "fail"})
    new = result(tmp_path, "b", checks={"OD-001": "pass", "OD-002": "pass", "OD-005": "pass"})
    d = diff(old, new)
    assert d.verdict_changed and d.new.verdict == "pass"
    assert not d.anything_new
    assert {e.item for e in d.resolved} == {"OD-001", "OD-002", "OD-005"}
    text = render(d, "text", "en")
    assert "Verdict: FAIL → PASS" in text
    assert "Newly blocking (0):\n   none" in text


def test_waivers_expired_renewed_and_removed() -> None:
    base: dict[str, Any] = {
        "schema": "journey-gate-result/1",
        "gate": "delivery",
        "project": {"id": "p"},
        "as_of": "2026-11-01",
        "verdict": "pass",
        "rules": [],
        "waivers": [
            {"target": "A", "expires": "2026-11-10", "state": "expiring"},
            {"target": "B", "expires": "2026-11-30", "state": "in-force"},
            {"target": "C", "expires": "2026-12-31", "state": "in-force"},
        ],
    }
    new = copy.deepcopy(base)
    new["as_of"] = "2026-11-15"
    new["waivers"] = [
        {"target": "A", "expires": "2026-11-10", "state": "expired"},
        {"target": "B", "expires": "2027-01-31", "state": "in-force", "approved_by": "Zhang"},
        {"target": "D", "expires": "2027-01-31", "state": "in-force"},
    ]
    d = diff(base, new)
    assert [w.target for w in d.waivers_expired] == ["A"]
    assert [(w.target, w.was_expires) for w in d.waivers_renewed] == [("B", dt.date(2026, 11, 30))]
    assert [w.target for w in d.waivers_removed] == ["C"]
    assert [w.target for w in d.waivers_added] == ["D"]
    text = render(d, "text", "en")
    assert "Waivers renewed (1):\n   B: until 2027-01-31, approved by Zhang — " in text
    assert "(was until 2026-11-30)" in text


def test_batches_are_compared_each(tmp_path: Path) -> None:
    old = result(tmp_path, "a", batches=BATCHES, checks={"OD-001": "fail"})
    new = result(
        tmp_path,
        "b",
        batches=BATCHES,
        checks={"OD-001": {"status": "pass", "buildings": {"T3": "fail"}}, "OD-002": "pass"},
    )
    d = diff(old, new)
    by_id = {b.id: b for b in d.batches}
    assert {e.item for e in by_id["b1"].resolved} == {"OD-001", "OD-002"}
    assert keys(by_id["b1"].newly_blocking) == []
    assert keys(by_id["b2"].newly_blocking) == []
    assert by_id["b2"].still_blocking == 2  # OD-001 (T3 fails) and OD-005
    assert by_id["b2"].resolved[0].item == "OD-002"


def test_one_batch_against_the_whole_takes_that_batch(tmp_path: Path) -> None:
    old = result(tmp_path, "a", batches=BATCHES, checks={"OD-001": "fail"})
    folder = tmp_path / "c"
    folder.mkdir()
    p = project(folder, batches=BATCHES, checks={"OD-001": "pass"})
    new = document(evaluate("open-day", p, batch="b1"), "en")
    d = diff(old, new)
    assert d.batch == "b1" and d.batches == ()
    assert {e.item for e in d.resolved} == {"OD-001"}
    other = copy.deepcopy(new)
    other["batch"] = "b9"
    with pytest.raises(UsageProblem) as mismatch:
        diff(old, other)
    assert mismatch.value.code == "diff.other_batch"


# Files --------------------------------------------------------------------------------


def write(path: Path, data: Any) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def test_results_of_two_gates_are_a_usage_problem(tmp_path: Path) -> None:
    a = write(tmp_path / "a.json", result(tmp_path, "a"))
    b = write(tmp_path / "b.json", result(tmp_path, "b", gate="tasks"))
    with pytest.raises(UsageProblem) as other:
        compare_files(a, b)
    assert other.value.code == "diff.other_gate"
    assert other.value.params == {"old": "open-day", "new": "tasks"}


def test_files_that_are_not_results_are_named_with_their_place(tmp_path: Path) -> None:
    good = result(tmp_path, "a")
    broken = write(tmp_path / "broken.json", '{"schema": "journey-gate-result/1",\n  "gate": }')
    sarif = write(tmp_path / "other.json", {"schema": "journey-gate-result/2", "gate": "x"})
    plain = write(tmp_path / "plain.json", [1, 2])
    missing = copy.deepcopy(good)
    del missing["rules"][0]["items"][0]["status"]
    partial = write(tmp_path / "partial.json", missing)
    with pytest.raises(InvalidInput) as bad:
        compare_files(broken, sarif)
    found = [(p.place.render(), p.path, p.code) for p in bad.value.problems]
    assert found == [
        (f"{broken}:2:11", "", "diff.not_json"),
        (str(sarif), "schema", "diff.schema"),
    ]
    with pytest.raises(InvalidInput) as bad:
        compare_files(plain, partial)
    found = [(p.place.render(), p.path, p.code) for p in bad.value.problems]
    assert found == [
        (str(plain), "", "diff.not_result"),
        (str(partial), "rules[0].items[0].status", "diff.missing"),
    ]


def test_cli_exit_codes_and_formats(tmp_path: Path, run: Runner) -> None:
    old = write(
        tmp_path / "old.json", result(tmp_path, "a", checks={"OD-001": "fail", "OD-002": "pass"})
    )
    new = write(tmp_path / "new.json", result(tmp_path, "b", checks={"OD-002": "fail"}))
    assert run("diff", str(old), str(new)).code == 0
    failing = run("diff", str(old), str(new), "--fail-on-new")
    assert failing.code == 1
    assert "   + open-day-checks: OD-002 Check OD-002 (Engineering)" in failing.out
    assert run("diff", str(new), str(new), "--fail-on-new").code == 0
    as_json = json.loads(run("diff", str(old), str(new), "--format", "json").out)
    assert as_json["schema"] == "journey-gate-diff/1"
    assert [e["item"] for e in as_json["newly_blocking"]] == ["OD-002"]
    assert as_json["newly_blocking_any"] is True
    md = run("--lang", "zh", "diff", str(old), str(new), "--format", "markdown").out
    assert md.startswith("## ❌ 节点准入 open-day：")
    assert "### 新增阻碍项（1）" in md
    assert "| open-day-checks | OD-002 Check OD-002 | Engineering |" in md  # as the result says
    other = write(tmp_path / "t.json", result(tmp_path, "c", gate="tasks"))
    refused = run("diff", str(old), str(other))
    assert refused.code == 2
    assert "journey: error: the results are of different gates (`open-day` and `tasks`)" in (
        refused.err
    )
    gone = run("diff", str(old), str(tmp_path / "nope.json"))
    assert gone.code == 2 and "nope.json: error: cannot read the file" in gone.err


def test_markdown_escapes_what_results_hold(tmp_path: Path) -> None:
    old = result(tmp_path, "a", checks={"OD-001": "pass"})
    new = result(tmp_path, "b", checks={"OD-001": {"status": "fail", "note": "a | b <img> `x`"}})
    md = render(diff(old, new), "markdown", "en")
    line = next(ln for ln in md.splitlines() if "OD-001" in ln)
    assert "a \\| b &lt;img&gt; \\`x\\`" in line


def test_text_from_a_result_cannot_forge_a_line_or_a_terminal_escape(tmp_path: Path) -> None:
    old = result(tmp_path, "a", checks={"OD-001": "pass"})
    new = result(tmp_path, "b", checks={"OD-001": "fail"})
    forged = "x\n::error file=a::forged\x1b]0;t\x07\u202e"
    new["rules"][0]["items"][0]["id"] = forged
    new["rules"][0]["items"][0]["reason"] = forged
    d = diff(old, new)
    text = render(d, "text", "en")
    assert "\n::error" not in text and "\x1b" not in text and "\u202e" not in text
    assert "x ::error file=a::forged\\x1b]0;t\\x07\\u202e" in text
    as_json = render(d, "json", "en")
    assert "\x1b" not in as_json and "\u202e" not in as_json
    assert json.loads(as_json)["newly_blocking"][0]["item"] == forged
