"""The satisfaction survey register (满意度调查, SPEC §13): answers streamed into sums.

One row an answer: `unit, stage, dimension, expected, perceived` (scores 1–10), optionally
`building` and `surveyed` (the date). The index of an answer is perceived ÷ expected
(seed 001: satisfaction = perceived performance / expectation); a dimension's index is the
mean over its answers, overall and per life-cycle stage. Only sums per dimension and stage
are kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from journey.service._names import Names
from journey.service.models import Dimension, LifeStage
from journey.tables import Column, Schema, TableReader

SCHEMA = Schema(
    "surveys",
    (
        Column("unit", required=True, aliases=("房号", "户号")),
        Column("stage", required=True, aliases=("阶段", "客户阶段", "业主阶段", "生命周期阶段")),
        Column("dimension", required=True, aliases=("维度", "调查维度", "指标")),
        Column("expected", "number", required=True, low=1, high=10,
               aliases=("期望分", "期望值", "期望")),
        Column("perceived", "number", required=True, low=1, high=10,
               aliases=("感知分", "感知值", "实际感受", "满意分")),
        Column("building", aliases=("楼栋",)),
        Column("surveyed", "date", aliases=("调查日期", "回访日期")),
    ),
)  # fmt: skip
TAKE = ("stage", "dimension", "expected", "perceived", "surveyed")


@dataclass(slots=True)
class Cell:
    """The answers of one dimension at one life-cycle stage, as sums."""

    answers: int = 0
    ratio_sum: float = 0.0

    @property
    def index(self) -> float | None:
        """The mean of perceived ÷ expected, or None without answers."""
        return self.ratio_sum / self.answers if self.answers else None

    def merge(self, other: Cell) -> None:
        """Add another cell's answers."""
        self.answers += other.answers
        self.ratio_sum += other.ratio_sum


@dataclass
class SurveysSummary:
    """Survey answers per (dimension, life-cycle stage)."""

    files: list[str] = field(default_factory=list)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)

    @property
    def answers(self) -> int:
        """Every answer read."""
        return sum(c.answers for c in self.cells.values())

    def overall(self) -> Cell:
        """Every answer, whatever the dimension and stage."""
        return _merged(self.cells.values())

    def dimension(self, dim: str) -> Cell:
        """Every answer about one dimension, whatever the stage."""
        return _merged(cell for (d, _stage), cell in self.cells.items() if d == dim)

    def stage(self, stage: str) -> Cell:
        """Every answer of owners at one stage, whatever the dimension."""
        return _merged(cell for (_dim, s), cell in self.cells.items() if s == stage)


def _merged(cells: Iterable[Cell]) -> Cell:
    out = Cell()
    for cell in cells:
        out.merge(cell)
    return out


class SurveySink:
    """Folds batches of survey answers into a SurveysSummary."""

    def __init__(
        self,
        dimensions: Mapping[str, Dimension],
        stages: Mapping[str, LifeStage],
        reader: TableReader,
        handover: dt.date | None = None,
    ) -> None:
        self.summary = SurveysSummary()
        self.reader = reader
        self.handover = handover
        self._misplaced = 0  # answers of the file being read whose stage misses the months
        self._first_misplaced: tuple[int, str, int] | None = None  # line, stage, months
        self._dims = Names("what.dimension", ((d.id, d.title, d.id) for d in dimensions.values()))
        self._stages = Names("what.life_stage", ((s.id, s.title, s) for s in stages.values()))
        self._cells: dict[tuple[str, str], Cell] = {}

    def __call__(self, rows: list[tuple[Any, ...]]) -> None:
        """Add one batch of sound answers."""
        cells = self._cells
        for line, stage_text, dim_text, expected, perceived, surveyed in rows:
            key = (stage_text, dim_text)
            cell = cells.get(key)
            if cell is None:
                cell = self._cell(line, stage_text, dim_text)
                if cell is None:
                    continue
                cells[key] = cell
            cell.answers += 1
            cell.ratio_sum += perceived / expected
            if surveyed is not None and self.handover is not None:
                self._check_stage(line, stage_text, surveyed)

    def _check_stage(self, line: int, stage_text: str, surveyed: dt.date) -> None:
        """Count an answer whose stage does not cover the months since handover."""
        stage = self._stages.get(stage_text)
        assert self.handover is not None
        months = months_after(surveyed, self.handover)
        if stage is None or stage.covers(months):
            return
        self._misplaced += 1
        if self._first_misplaced is None:
            self._first_misplaced = (line, stage.id, months)

    def file_read(self) -> None:
        """Warn once about the file just read when answers name a stage that does not cover
        the months since handover; count afresh for the next file."""
        if self._first_misplaced is not None and self.handover is not None:
            line, stage, months = self._first_misplaced
            self.reader.warn(
                line, "stage", "surveys.stage_months", count=self._misplaced, stage=stage,
                months=months, handover=self.handover.isoformat(),
            )  # fmt: skip
        self._misplaced, self._first_misplaced = 0, None

    def _cell(self, line: int, stage_text: str, dim_text: str) -> Cell | None:
        stage = self._stages.get(stage_text)
        dim = self._dims.get(dim_text)
        if stage is None:
            self._stages.unknown(self.reader.error, line, "stage", stage_text)
        if dim is None:
            self._dims.unknown(self.reader.error, line, "dimension", dim_text)
        if stage is None or dim is None:
            return None
        return self.summary.cells.setdefault((dim, stage.id), Cell())


def months_after(day: dt.date, handover: dt.date) -> int:
    """Whole months from `handover` to `day` (negative before handover)."""
    months = (day.year - handover.year) * 12 + day.month - handover.month
    return months - 1 if day.day < handover.day else months


__all__ = ["SCHEMA", "Cell", "SurveySink", "SurveysSummary", "months_after"]
