"""What a portfolio is made of: one small summary per project, and what recurs across them.

A `ProjectSummary` is everything the portfolio needs from one project — verdicts, the
numbers, open red lines, counts by item, category and contractor — and nothing of its
rows, so that a thousand of them fit in memory and in the cache. The same frozen,
strict models validate the cache when it is read back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field

from journey.numbers import AllNumbers
from journey.problems import Problem
from journey.types import LocalisedText, Model, Slug

Verdict = Literal["pass", "fail"]
Count = Annotated[int, Field(ge=0)]
Source = Literal["findings", "repairs", "complaints"]  # the registers counted across projects


class GateCell(Model):
    """One gate on one project: its verdict, each batch's, and whether it is due yet."""

    verdict: Verdict
    due: bool  # the gate's stage is at or before the project's stage
    blocking: Count  # items that fail a rule failing the gate
    batches: dict[str, Verdict] = Field(default_factory=dict)


class RedLine(Model):
    """A red-line sensitive point held open on a project, and what holds it open."""

    point: str
    title: LocalisedText
    items: tuple[str, ...]


class Tally(Model):
    """Counts of one key (an item, a category, a contractor) in one project's register."""

    count: Count
    open: Count = 0
    overdue: Count = 0
    reopened: Count = 0


class SourceCounts(Model):
    """One register of a project counted by item (a checklist item for findings, the
    sensitive point complained about), by category (the inspection system's, the repair
    category, the complaint level) and by contractor (the responsible party of a repair)."""

    by_item: dict[str, Tally] = Field(default_factory=dict)
    by_category: dict[str, Tally] = Field(default_factory=dict)
    by_contractor: dict[str, Tally] = Field(default_factory=dict)


class ProjectSummary(Model):
    """Everything the portfolio keeps of one valid project."""

    id: Slug
    id_line: Count = 0  # where `id:` stands in project.yaml, for a duplicate id
    id_col: Count = 0
    name: LocalisedText
    path: str  # the project folder as shown
    stage: str
    stage_title: LocalisedText
    positioning: str
    buildings: tuple[str, ...]
    batches: tuple[str, ...]
    gates: dict[str, GateCell]
    numbers: AllNumbers
    red_lines: tuple[RedLine, ...]
    sources: dict[Source, SourceCounts]
    warnings: Count = 0


class Stamp(Model):
    """One input file of a project as it was read: what the cache compares."""

    path: str  # absolute
    size: Count
    mtime_ns: Count
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class GateInfo(Model):
    """A gate of the portfolio as its columns show it."""

    id: str
    title: LocalisedText
    stage: str
    milestone: str


class Key(Model):
    """What every entry of a cache was computed with."""

    journey: str
    catalog: str  # SHA-256 over the catalog's files
    as_of: dt.date
    gates: tuple[str, ...]


class Entry(Model):
    """One project as it was read: its folder, its files' stamps, its summary."""

    folder: str
    stamps: tuple[Stamp, ...] = Field(min_length=1)
    summary: ProjectSummary


@dataclass(frozen=True)
class Outcome:
    """What reading one project folder gave: its summary, or the problems that made it
    invalid; the files it read (for the cache) and the worker's peak memory so far."""

    folder: str  # absolute
    summary: ProjectSummary | None
    problems: tuple[Problem, ...] = ()
    stamps: tuple[Stamp, ...] = ()
    racy: bool = False  # a file changed while it was read: never reuse this reading
    peak_kib: int = 0
    cached: bool = False


# Across projects ---------------------------------------------------------------------


class Recurring(Model):
    """A checklist item found on several projects (or a sensitive point complained about
    on several), and the defect cases that cover it."""

    item: str
    kind: Literal["check", "point"]
    title: LocalisedText
    checklist: str
    projects: Count
    project_ids: tuple[str, ...]
    findings: Count
    complaints: Count = 0
    open: Count
    covered_by: tuple[str, ...]


class KeyRow(Model):
    """A category or contractor across projects."""

    key: str
    projects: Count
    project_ids: tuple[str, ...]
    count: Count
    open: Count = 0
    overdue: Count = 0
    reopened: Count = 0


@dataclass(frozen=True)
class Invalid:
    """A folder that gave no usable project, and why."""

    path: str
    problems: tuple[Problem, ...]
    id: str = ""


@dataclass
class Portfolio:
    """Every project of the portfolio and what recurs across them."""

    as_of: dt.date
    catalog: str
    version: str
    gates: tuple[GateInfo, ...]
    projects: list[ProjectSummary]
    invalid: list[Invalid]
    recurring: list[Recurring]
    categories: list[KeyRow]
    contractors: list[KeyRow]
    repair_categories: list[KeyRow] = field(default_factory=list)
    repair_parties: list[KeyRow] = field(default_factory=list)
    repair_titles: dict[str, LocalisedText] = field(default_factory=dict)  # by category id
    read: int = 0  # projects read this run
    reused: int = 0  # projects taken from the cache
    workers: int = 0
    worker_peak_kib: int = 0
    cache_note: str = ""  # a message code when the cache was not used
    inputs: list[str] = field(default_factory=list)  # every file read, never written over
    key: Key | None = None  # what the cache is made with
    entries: list[Entry] = field(default_factory=list)  # what the cache will keep

    @property
    def valid(self) -> bool:
        """True when every folder gave a valid project."""
        return not self.invalid
