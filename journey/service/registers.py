"""A project's after-delivery registers read together: repairs, complaints, surveys.

Each register is read by the one table reader (journey.tables) into its sink; what needs
every row first is checked at the end: a `repeat_of` must name a repair of the registers
(the ids it names are kept, one per repeat repair, and looked up among the id hashes the
reader keeps for every row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journey.problems import Problem
from journey.service import complaints, repairs, surveys
from journey.service._names import Names
from journey.service.complaints import ComplaintSink, ComplaintsSummary
from journey.service.repairs import RepairSink, RepairsSummary
from journey.service.surveys import SurveySink, SurveysSummary
from journey.tables import TableReader, paused_gc

if TYPE_CHECKING:
    from journey.catalog import Catalog

REGISTERS = ("repairs", "complaints", "surveys")


@dataclass
class ServiceData:
    """What a project's after-delivery registers add up to."""

    repairs: RepairsSummary = field(default_factory=RepairsSummary)
    complaints: ComplaintsSummary = field(default_factory=ComplaintsSummary)
    surveys: SurveysSummary = field(default_factory=SurveysSummary)


@dataclass(frozen=True)
class Sources:
    """The register files of a project, by register, as (path, shown) pairs."""

    repairs: Sequence[tuple[Path, str]] = ()
    complaints: Sequence[tuple[Path, str]] = ()
    surveys: Sequence[tuple[Path, str]] = ()


def read_registers(
    sources: Sources,
    catalog: Catalog,
    buildings: Sequence[str],
    as_of: dt.date,
    handover: dt.date | None = None,
) -> tuple[ServiceData, list[Problem]]:
    """Stream every register of a project into its summary; every bad row is a problem.

    `buildings` are the project's buildings (a repair may name only those; any when
    empty); `handover` the delivery date, against which a dated survey answer's
    life-cycle stage is checked."""
    data = ServiceData()
    problems: list[Problem] = []
    with paused_gc():  # rows make no reference cycles; the collector only costs time
        if sources.repairs:
            data.repairs, found = _repairs(sources.repairs, catalog, buildings, as_of)
            problems += found
        if sources.complaints:
            data.complaints, found = _complaints(sources.complaints, catalog, as_of)
            problems += found
        if sources.surveys:
            data.surveys, found = _surveys(sources.surveys, catalog, handover)
            problems += found
    return data, problems


def profession_names(catalog: Catalog) -> Names[str]:
    """The texts a register may write for a profession: its id or title."""
    return Names("what.profession", ((p.id, p.title, p.id) for p in catalog.professions.values()))


def _repairs(
    paths: Iterable[tuple[Path, str]], catalog: Catalog, buildings: Sequence[str], as_of: dt.date
) -> tuple[RepairsSummary, list[Problem]]:
    reader = TableReader(repairs.schema_for(list(buildings)), repairs.TAKE)
    sink = RepairSink(catalog.repair_categories, as_of, reader)
    reader.sink = sink
    for path, shown in paths:
        sink.summary.files.append(shown)
        reader.read(path, shown)
    known = reader.known_ids(sink.refs)
    for ref, (shown, line) in sorted(sink.refs.items(), key=lambda kv: kv[1]):
        if ref not in known:
            reader.error_in(shown, line, "repeat_of", "repairs.unknown_repeat", value=ref)
    return sink.finish(), reader.finish()


def _complaints(
    paths: Iterable[tuple[Path, str]], catalog: Catalog, as_of: dt.date
) -> tuple[ComplaintsSummary, list[Problem]]:
    reader = TableReader(complaints.SCHEMA, complaints.TAKE)
    sink = ComplaintSink(
        catalog.complaint_levels,
        catalog.complaint_triggers,
        profession_names(catalog),
        catalog.points,
        as_of,
        reader,
    )
    reader.sink = sink
    for path, shown in paths:
        sink.summary.files.append(shown)
        reader.read(path, shown)
    return sink.finish(), reader.finish()


def _surveys(
    paths: Iterable[tuple[Path, str]], catalog: Catalog, handover: dt.date | None
) -> tuple[SurveysSummary, list[Problem]]:
    reader = TableReader(surveys.SCHEMA, surveys.TAKE)
    sink = SurveySink(catalog.dimensions, catalog.life_stages, reader, handover)
    reader.sink = sink
    for path, shown in paths:
        sink.summary.files.append(shown)
        reader.read(path, shown)
        sink.file_read()
    return sink.summary, reader.finish()


__all__ = ["REGISTERS", "ServiceData", "Sources", "profession_names", "read_registers"]
