"""What-if (`--milestone NAME=DATE`): the project evaluated as if a milestone had moved."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from gatekit import CATALOG, project, write_project
from helpers import Runner, write_tree

from journey.errors import UsageProblem
from journey.gates import evaluate
from journey.whatif import apply, parse, summary

BATCHES = [
    {"id": "b1", "buildings": ["T1", "T2"]},
    {"id": "b2", "buildings": ["T3"], "milestones": {"open_day": "2026-10-20"}},
]


def test_parse_takes_name_equals_date() -> None:
    (w,) = parse(["open_day=2026-11-05"])
    assert (w.name, w.date) == ("open_day", dt.date(2026, 11, 5))
    for spec, code in (
        ("open_day", "whatif.bad_spec"),
        ("=2026-11-05", "whatif.bad_spec"),
        ("open_day=2026-13-05", "whatif.bad_date"),
        ("open_day=soon", "whatif.bad_date"),
    ):
        with pytest.raises(UsageProblem) as bad:
            parse([spec])
        assert bad.value.code == code and bad.value.params["value"] == spec
    with pytest.raises(UsageProblem) as twice:
        parse(["open_day=2026-11-05", "open_day=2026-11-06"])
    assert twice.value.code == "whatif.twice"


def test_moving_a_milestone_makes_a_task_due(tmp_path: Path) -> None:
    """DP-004 is anchored on `handover_party`, which the project has not dated: it cannot be
    scheduled, so the tasks gate only warns. As if the party were on 2026-11-10, the task
    (the day before) falls before delivery (11-20) and, not done, blocks."""
    p = project(tmp_path, tasks={"DP-001": "done", "DP-002": "done"})
    before = evaluate("tasks", p)
    assert before.verdict == "pass" and before.what_if == ()
    moved = apply(p, parse(["handover_party=2026-11-10"]))
    assert p.file.milestones.get("handover_party") is None  # the project itself is unchanged
    after = evaluate("tasks", moved)
    assert after.verdict == "fail"
    items = {i.id: (i.status, i.reason.code) for r in after.rules for i in r.items}
    assert items == {"DP-004": ("fail", "gate.reason.task_due")}
    (move,) = after.what_if
    assert (move.name, move.date, move.was, move.batch) == (
        "handover_party",
        dt.date(2026, 11, 10),
        None,
        None,
    )


def test_moving_delivery_changes_what_is_late(tmp_path: Path) -> None:
    """As of 2026-11-01 with delivery on 11-20, DP-001 (finishing 10-26) is late and
    DP-002 (11-13) due; delivery a month later makes both merely due, a fortnight
    earlier makes DP-002 late too."""
    p = project(tmp_path, tasks={"DP-004": "done"})

    def reasons(moved: object) -> dict[str, str]:
        result = evaluate("tasks", moved)  # type: ignore[arg-type]
        return {i.id: i.reason.code for r in result.rules for i in r.items if i.status == "fail"}

    assert reasons(p) == {"DP-001": "gate.reason.task_late", "DP-002": "gate.reason.task_due"}
    later = apply(p, parse(["delivery=2026-12-20"]))
    assert reasons(later) == {"DP-001": "gate.reason.task_due", "DP-002": "gate.reason.task_due"}
    early = apply(p, parse(["delivery=2026-11-05"]))
    assert reasons(early) == {"DP-001": "gate.reason.task_late", "DP-002": "gate.reason.task_late"}
    assert early.what_if[0].was == dt.date(2026, 11, 20)


def test_a_batch_milestone_moves_with_batch(tmp_path: Path) -> None:
    p = project(tmp_path, batches=BATCHES)
    moved = apply(p, parse(["open_day=2026-12-01"]), "b2")
    b2 = next(b for b in moved.file.batches if b.id == "b2")
    assert b2.milestones["open_day"] == dt.date(2026, 12, 1)
    assert moved.file.milestones["open_day"] == dt.date(2026, 9, 15)  # the project's stays
    (move,) = moved.what_if
    assert (move.batch, move.was) == ("b2", dt.date(2026, 10, 20))
    assert moved.for_batch("b2").file.milestones["open_day"] == dt.date(2026, 12, 1)
    assert "in batch b2" in summary(moved.what_if, "en")


def test_without_batch_a_batch_that_sets_the_milestone_keeps_it(tmp_path: Path) -> None:
    p = project(tmp_path, batches=BATCHES)
    moved = apply(p, parse(["open_day=2026-09-30"]))
    assert moved.what_if[0].shadowed == ("b2",)
    assert moved.for_batch("b1").file.milestones["open_day"] == dt.date(2026, 9, 30)
    assert moved.for_batch("b2").file.milestones["open_day"] == dt.date(2026, 10, 20)
    assert summary(moved.what_if, "en") == (
        "What-if: open day 15 Sep 2026 → 30 Sep 2026 (b2 keeps its own date)"
    )
    assert summary(moved.what_if, "zh") == (
        "假设推演：工地开放日 由 2026年9月15日 调整为 2026年9月30日 （1 个批次 b2 仍按本批次日期）"
    )


def test_an_unknown_milestone_is_a_usage_problem_with_a_suggestion(tmp_path: Path) -> None:
    p = project(tmp_path)
    with pytest.raises(UsageProblem) as unknown:
        apply(p, parse(["open_dya=2026-11-05"]))
    assert unknown.value.code == "whatif.unknown"
    assert unknown.value.params["suggestion"] == "open_day"
    with pytest.raises(UsageProblem) as no_batch:
        apply(p, parse(["open_day=2026-11-05"]), "b9")
    assert no_batch.value.code == "batch.none"


# On the command line -----------------------------------------------------------------

MILESTONES = {"sales_launch": "2026-03-01", "open_day": "2026-09-15", "delivery": "2026-11-20"}


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path / "catalog", CATALOG)
    write_project(tmp_path / "p", milestones=MILESTONES, tasks={"DP-001": "done", "DP-002": "done"})
    return tmp_path


def journey(run: Runner, *args: str) -> tuple[int, str, str]:
    result = run("--catalog", "catalog", "--as-of", "2026-11-01", *args)
    return result.code, result.out, result.err


def test_gate_says_it_is_a_what_if_in_every_format(here: Path, run: Runner) -> None:
    code, out, _ = journey(run, "gate", "tasks", "-p", "p")
    assert code == 0 and "What-if" not in out
    args = ("gate", "tasks", "-p", "p", "--milestone", "handover_party=2026-11-10")
    code, out, _ = journey(run, *args, "-o", "json:r.json", "-o", "markdown:r.md", "-o", "text")
    assert code == 1
    assert out.splitlines()[2] == "What-if: handover_party (no date) → 10 Nov 2026"
    data = json.loads((here / "r.json").read_text("utf-8"))
    assert data["what_if"] == [
        {"name": "handover_party", "date": "2026-11-10", "was": None, "batch": None, "shadowed": []}
    ]
    assert "> ⚠️ What-if: handover\\_party (no date) → 10 Nov 2026" in (here / "r.md").read_text()
    for fmt in ("junit", "sarif", "github"):
        _, shown, _ = journey(run, *args, "-o", fmt)
        assert "handover_party" in shown
        assert "10 Nov 2026" in shown or "2026-11-10" in shown


def test_render_and_site_say_it_too(here: Path, run: Runner) -> None:
    code, out, _ = journey(
        run, "render", "open-day", "-p", "p", "--milestone", "open_day=2026-11-15"
    )
    assert code == 0
    assert '<p class="what-if" role="note">What-if: open day 15 Sep 2026 → 15 Nov 2026</p>' in out
    code, out, _ = journey(
        run,
        "render",
        "delivery-plan",
        "-p",
        "p",
        "--format",
        "md",
        "--milestone",
        "open_day=2026-11-15",
    )
    assert "> ⚠️ What-if: open day 15 Sep 2026 → 15 Nov 2026" in out
    code, _, _ = journey(run, "site", "-p", "p", "-o", "site", "--milestone", "open_day=2026-11-15")
    assert code == 0
    for page in ("index.html", "en/risk-assessment.html", "zh/open-day.html"):
        assert 'class="what-if"' in (here / "site" / page).read_text("utf-8")
    assert "假设推演：工地开放日" in (here / "site" / "zh" / "open-day.html").read_text("utf-8")


def test_graph_takes_both_a_path_milestone_and_a_what_if(here: Path, run: Runner) -> None:
    code, out, _ = journey(run, "graph", "-p", "p", "--milestone", "delivery=2026-12-20")
    assert code == 0
    assert out.startswith("What-if: delivery 20 Nov 2026 → 20 Dec 2026\n")
    assert "Critical path to delivery (2026-12-20" in out  # the moved milestone by default
    code, out, _ = journey(
        run, "graph", "-p", "p", "--milestone", "open_day", "--milestone", "delivery=2026-12-20"
    )
    assert "Critical path to open_day" in out
    code, out, _ = journey(
        run, "graph", "-p", "p", "--format", "dot", "--milestone", "delivery=2026-12-20"
    )
    assert out.splitlines()[1] == "// What-if: delivery 20 Nov 2026 → 20 Dec 2026"
    code, out, _ = journey(
        run, "graph", "-p", "p", "--format", "json", "--milestone", "delivery=2026-12-20"
    )
    assert json.loads(out)["graph"]["what_if"].startswith("What-if: delivery")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("gate", "tasks", "-p", "p", "--milestone", "delivry=2026-12-01"),
            "journey: error: `--milestone delivry=2026-12-01`: neither the project nor the "
            "catalog has a milestone `delivry`; known milestones: delivery, handover, "
            "handover_party, open_day, sales_launch (did you mean `delivery`?)",
        ),
        (
            ("render", "open-day", "-p", "p", "--milestone", "delivery=2026-02-30"),
            "journey: error: `--milestone delivery=2026-02-30`: `2026-02-30` is not a date",
        ),
        (
            ("site", "-p", "p", "-o", "s", "--milestone", "delivery"),
            "journey: error: `--milestone delivery`: give NAME=DATE",
        ),
        (
            ("graph", "--milestone", "delivery=2026-12-01"),
            "Error: --milestone NAME=DATE moves a milestone of a project: give the project",
        ),
        (
            ("graph", "-p", "p", "--milestone", "delivery", "--milestone", "open_day"),
            "journey: error: --milestone names the critical path's milestone more than once",
        ),
    ],
)
def test_bad_what_ifs_exit_2(here: Path, run: Runner, args: tuple[str, ...], message: str) -> None:
    code, _, err = journey(run, *args)
    assert code == 2
    assert message in err
