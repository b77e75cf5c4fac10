"""The unit register (SPEC §12): homes and customer tags, never people."""

from __future__ import annotations

from pathlib import Path

import pytest

from journey.messages import render_problem
from journey.units import read_units, tags_of


@pytest.fixture(autouse=True)
def _here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    register, problems = read_units(path, "units.csv", ("T1", "T2"))
    return register, [render_problem(p, "en") for p in problems]


def test_tags_in_english_and_chinese() -> None:
    assert tags_of("key; 媒体；elderly ; key") == ("key", "media", "elderly")
    assert tags_of("") == ()


def test_a_register_of_homes(tmp_path: Path) -> None:
    register, problems = read(
        tmp_path,
        "楼栋,房号,楼层,面积,户型,标签,验收日期\nT1,101,1,89.5,三房,重点客户,2026-09-30\nT2,201,2,120,四房,,\n",
    )
    assert problems == []
    from journey.units import UnitRegister

    assert isinstance(register, UnitRegister) and len(register) == 2 and register.has_inspected
    assert [(h.building, h.unit, h.tags) for h in register.tagged()] == [("T1", "101", ("key",))]


def test_bad_rows_unknown_building_twice_and_tag_spelling(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path,
        "building,unit,tags\nT1,101,kye\nT9,901,\nT1,101,\nT2,201,vip\n",
    )
    assert problems == [
        "units.csv:2: warning: tags: unknown tag `kye`; kept as it is written (did you mean `key`?)",
        "units.csv:3: error: building: unknown building `T9`; use one of 'T1' or 'T2'",
        "units.csv:4: error: unit: unit 101 of T1 is already listed on line 2",
    ]


def test_personal_data_is_refused(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "building,unit,业主姓名,联系电话\nT1,101,张三,13800138000\n")
    assert problems == [
        "units.csv:1: error: 业主姓名: the unit register lists homes, never people: remove the "
        "column `业主姓名` (names and phone numbers stay in the CRM)",
        "units.csv:1: error: 联系电话: the unit register lists homes, never people: remove the "
        "column `联系电话` (names and phone numbers stay in the CRM)",
    ]
    _, problems = read(tmp_path, "building,unit,tags\nT1,101,call 13800138000\n")
    assert problems == [
        "units.csv:2: error: tags: this looks like a mobile phone number; the unit register "
        "holds homes, never people"
    ]
