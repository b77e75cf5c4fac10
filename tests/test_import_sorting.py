"""The import's external sort: in key order, within its budget, its runs cleaned up."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from journey.importing import sorting
from journey.importing.sorting import Sorter


def records(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    keys = {f"MY-{rng.randrange(10**6):06d}\x00{i:014x}" for i in range(n)}
    return [(key, f"{key[:9]},楼栋,状态 {rng.random()}\n") for key in keys]


def test_in_memory_when_it_fits() -> None:
    data = records(50)
    with Sorter() as sorter:
        for key, text in data:
            sorter.add(key, text)
        assert list(sorter) == sorted(data)
        assert sorter.runs == []


def test_spilled_runs_merge_back_in_order_and_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sorting, "MAX_RUNS", 4)  # the runs are merged into one as they grow
    data = records(2000)
    with Sorter(budget=2_000, folder=tmp_path) as sorter:
        for key, text in data:
            sorter.add(key, text)
        assert 1 <= len(sorter.runs) < 4
        assert list(sorter) == sorted(data)
        assert list(tmp_path.iterdir())  # the runs live in a folder of their own …
    assert list(tmp_path.iterdir()) == []  # … removed when the sort is done
