"""A compiled import map: dates, item rules, words, buildings; and item suggestions."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from importkit import MAP

from journey.catalog import load_catalog
from journey.importing.mapper import Dates, Mapper
from journey.importing.suggest import suggest_item
from journey.importmap import ImportMapFile


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    model = ImportMapFile.model_validate(yaml.safe_load(MAP))
    return Mapper(model, ("T1", "T2", "T3"))


def test_dates_in_every_form_and_none_for_the_rest() -> None:
    dates = Dates(("%Y/%m/%d", "%d.%m.%Y"))
    day = dt.date(2026, 10, 5)
    for text in ("2026-10-05", "2026-10-05 08:00", "46300", "46300.25", "2026/10/5",
                 "2026/10/05 17:45:09", "05.10.2026"):  # fmt: skip
        assert dates(text) == day, text
    for text in ("2026-10-32", "1005", "20261005", "2026/10", "46300x", "next week"):
        assert dates(text) is None, text
    assert dates("9999") is None  # four digits are a year, not a serial


def test_items_first_rule_then_description(mapper: Mapper) -> None:
    assert mapper.items("墙面空鼓") == "AC-CIV-001"
    assert mapper.items("门窗五金") == "AC-INS-016"  # regex
    assert mapper.items("外墙渗水严重") == "AC-CIV-007"  # contains
    assert mapper.items("其他") is None
    assert mapper.items("") is None


def test_words_ignore_case_and_journeys_own_words_stand(mapper: Mapper) -> None:
    assert mapper.statuses("已复验") == "verified"
    assert mapper.statuses("Verified") == "verified"
    assert mapper.statuses("作废") is None
    assert mapper.severities("严重") == "major" and mapper.severities("critical") == "critical"


def test_buildings_exact_then_regex_then_as_written(mapper: Mapper) -> None:
    assert mapper.buildings("一期1栋") == "T1"
    assert mapper.buildings("3#楼") == "T3"
    assert mapper.buildings("2#") == "T2"
    assert mapper.buildings("T2") == "T2"  # the project's own name needs no rule
    assert mapper.buildings("9#楼") is None  # T9 is no building of the project
    assert mapper.buildings.match("9#楼") == "T9"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("空鼓", "AC-CIV-001"),  # the first title that holds the word
        ("地漏", "AC-INS-011"),
        ("栏杆", "AC-CIV-016"),
        ("门锁", "AC-INS-018"),
        ("开荒保洁", "AC-FIN-010"),
        ("Trap seal", "AC-INS-011"),
        ("lifts", "AC-INS-021"),
        ("window hardware", "AC-INS-016"),
        ("其他", None),
        ("misc", None),
    ],
)
def test_suggestions_read_both_languages(text: str, item: str | None) -> None:
    assert suggest_item(text, load_catalog().check_items) == item
