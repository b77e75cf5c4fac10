"""What is mine: a gate's blocking items once each, grouped by owner, most urgent first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import gatekit

from journey.worklist import by_owner


def test_one_entry_per_item_grouped_by_owner_most_urgent_first(tmp_path: Path) -> None:
    risks = {
        "RD-001": {"status": "mitigating", "assignee": "Chen Jing", "due": "2026-10-25"},
        "RD-002": {"status": "open", "assignee": "Chen Jing", "note": "B2 ramp seeps"},
    }
    result = gatekit.mine(tmp_path, risks)
    groups = by_owner(result)
    assert [(g.owner, [e.id for e in g.entries]) for g in groups] == [
        ("engineering", ["RD-001", "RD-002"]),  # RD-001 was due on 25 Oct
        ("customer-relations", ["DP-001", "OD-005"]),  # DP-001 was due on 26 Oct
    ]
    rd1, rd2 = groups[0].entries
    assert (rd1.due, rd1.days, rd1.overdue) == (dt.date(2026, 10, 25), -7, True)
    # RD-002 fails two rules and is listed once, naming both; no date of its own: the
    # milestone's. The red-line rule names its assignee as the risk rule does.
    assert [p.rule for p in rd2.parts] == ["risks", "red-lines"]
    assert {p.item.assignee for p in rd2.parts} == {"Chen Jing"}
    assert (rd2.due, rd2.days, rd2.note) == (dt.date(2026, 11, 20), 19, "B2 ramp seeps")
    assert groups[0].assignees() == [("Chen Jing", 2)]
    assert groups[0].overdue == 1
    dp1, od5 = groups[1].entries
    assert (dp1.days, [p.rule for p in od5.parts], od5.note) == (-6, ["checks", "red-lines"], "wet")
