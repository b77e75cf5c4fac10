"""`journey export units`: every home, deliverable or held back and why, a sheet a batch."""

from __future__ import annotations

from pathlib import Path

import pytest
from gatekit import AS_OF, catalog, write_project
from helpers import write_tree
from workbooks import EXAMPLE, EXAMPLE_AS_OF, rows

from journey.catalog import load_catalog
from journey.exporting import export
from journey.project import load_project

FINDINGS = (
    "F-1,AC-CIV-001,T1,101,,open,2026-10-01,,,Acme,\n"  # blocking item open: hold
    "F-2,AC-CIV-002,T1,102,,disputed,2026-10-01,,,Acme,\n"  # disputed: hold
    "F-3,AC-CIV-002,T2,201,,open,2026-10-01,,,Acme,\n"  # open, not blocking: deliverable
    "F-4,AC-CIV-001,T3,301,,verified,2026-10-01,,2026-10-02,Acme,\n"
)
REGISTER = (
    "building,unit,floor,area,type,tags\n"
    "T1,101,1,89.5,三房,key\nT1,102,1,89.5,三房,\nT2,201,2,120,四房,elderly;媒体\n"
    "T2,202,2,120,四房,\nT3,301,3,89.5,三房,lawyer\n"
)


def test_every_home_with_why_it_is_held(tmp_path: Path) -> None:
    folder = write_project(
        tmp_path / "p", findings=FINDINGS, units="units.csv",
        batches=[{"id": "a", "buildings": ["T1", "T2"]}, {"id": "b", "buildings": ["T3"]}],
    )  # fmt: skip
    write_tree(folder, {"units.csv": REGISTER})
    project = load_project(folder, catalog(tmp_path), AS_OF)
    written = export("units", project, tmp_path / "units.xlsx")
    assert written.rows == [4, 1]
    assert rows(written.path, "a") == [
        ("building", "unit", "floor", "area (m²)", "layout", "tags", "open findings",
         "handover", "why held back"),
        ("T1", "101", "1", 89.5, "三房", "key customer", 1, "hold",
         "1 open on a blocking item (first F-1)"),
        ("T1", "102", "1", 89.5, "三房", None, 1, "hold", "1 disputed"),
        ("T2", "201", "2", 120, "四房", "elderly, media", 1, "deliverable", None),
        ("T2", "202", "2", 120, "四房", None, 0, "deliverable", None),
    ]  # fmt: skip
    zh = export("units", project, tmp_path / "zh.xlsx", lang="zh")
    assert rows(zh.path, "b") == [
        (
            "楼栋",
            "房号",
            "楼层",
            "面积（m²）",
            "户型",
            "客户标签",
            "未关闭问题",
            "交付",
            "暂缓原因",
        ),
        ("T3", "301", "3", 89.5, "三房", "律师", 0, "可交付", None),
    ]


def test_without_a_register_every_home_with_a_finding(tmp_path: Path) -> None:
    folder = write_project(tmp_path / "p", findings=FINDINGS)
    project = load_project(folder, catalog(tmp_path), AS_OF)
    written = export("units", project, tmp_path / "units.csv", fmt="csv")
    assert written.rows == [4]
    text = written.files[0].read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and b"T1,101,,,,,1,hold" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_example_lists_all_1260_homes(tmp_path: Path, lang: str) -> None:
    project = load_project(EXAMPLE, load_catalog(), EXAMPLE_AS_OF)
    written = export("units", project, tmp_path / "u.xlsx", lang=lang)
    assert written.rows == [1050, 210]  # batch-1 (T1–T5), batch-2 (T6)
    t6 = rows(written.path, "batch-2")[1:]
    held = [r for r in t6 if r[7] in ("hold", "暂缓交付")]
    t6_stats = project.for_batch("batch-2").findings.by_building["T6"].units
    expected = [u for u, home in t6_stats.items() if u and (home.blocking_open or home.disputed)]
    assert sorted(r[1] for r in held) == sorted(expected)  # the public areas ("") are no home
