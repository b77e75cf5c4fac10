"""One source row to one finding, or to the reasons it cannot be one.

The table reader hands the import each row as the texts of the mapped columns plus the
row's cells; `RowMapper` turns them into the finding's CSV line or a list of reasons.
Every check of the findings reader is made here too — the item is a checklist item, the
building one of the project's, the status and severity journey's words, the dates real
and in order, the photo a link — so that every line the import writes loads as it is.

As in the table reader, a row first tries a fast path (`RowMapper.map`): each text is
looked up among the answers already worked out (a category's item, a building, a
status, a date), and the row is written when every one is known and good. Anything else
— a text seen for the first time, a problem — goes to `RowMapper.reference`, which works
out every answer (remembering it) and says what is wrong. Both give the same result for
every row; a test holds them to it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable
from operator import itemgetter
from typing import Any, NamedTuple

from journey.importing.mapper import Mapper
from journey.importmap import TARGETS, ImportMapFile
from journey.tables import Column, Schema
from journey.tables_cells import is_link

Reason = tuple[str, dict[str, object]]  # a reject code (import.reject.CODE) and its parameters
SHOWN = 60  # characters of a long text quoted in a reason
_NO_DATE = dt.date.max  # an empty due or closed date, on the fast path


class SourceColumns(NamedTuple):
    """The schema an export is read with, the columns taken, and each field's header."""

    schema: Schema
    take: tuple[str, ...]
    header: dict[str, str]  # field (or "id") -> the first header the map accepts for it


def source_columns(model: ImportMapFile) -> SourceColumns:
    """Every mapped field (and the id column) as a text column that must be in the header;
    the export's other columns are expected and kept with each row."""
    mapped = model.headers()
    cols = tuple(Column(h[0], present=True, aliases=h[1:]) for h in mapped.values())
    schema = Schema("import", cols, extra_columns=True)
    return SourceColumns(schema, tuple(c.name for c in cols), {k: h[0] for k, h in mapped.items()})


class Finding(NamedTuple):
    """A row that maps: its id and its line of the findings CSV."""

    id: str
    line: str


class RowMapper:
    """Maps the rows of one import (the tuples the table reader hands its sink): `map`
    is the fast path, `reference` the full check."""

    def __init__(self, model: ImportMapFile, columns: SourceColumns, mapper: Mapper) -> None:
        self.mapper = mapper
        self.header = columns.header
        width = 2 + len(columns.take)  # (line, *values, cells); the pad comes after
        where = {field: 1 + columns.take.index(h) for field, h in columns.header.items()}
        self.pick = itemgetter(*(where.get(t, width) for t in (*TARGETS, "id")))
        hashed = model.ids.from_ or ()
        self.hashed = itemgetter(*(where.get(t, width) for t in hashed)) if hashed else None
        self.prefix = model.ids.prefix
        self.has_status = "status" in where
        self.lines: list[str] = []
        self.writer = csv.writer(_Lines(self.lines), lineterminator="\n")
        self.map = self._fast()

    def _fast(self) -> Callable[[tuple[Any, ...], str], Finding | list[Reason]]:
        """The fast path, a closure: every name it needs is local."""
        pick, prefix, reference = self.pick, self.prefix, self.reference
        item_of, building_of = self.mapper.items.cache.get, self.mapper.buildings.cache.get
        status_of = self.mapper.statuses.exact.get if self.has_status else None
        severity_of, date_of = self.mapper.severities.exact.get, self.mapper.dates.cache.get
        write, lines, by_column = self.writer.writerow, self.lines, self.hashed is None

        def fast(row: tuple[Any, ...], source: str) -> Finding | list[Reason]:
            (building, unit, room, status, found, due, closed, contractor, note, description,
             floor, category, severity, photo, ident) = pick((*row, ""))  # fmt: skip
            item, place, day = item_of(category), building_of(building), date_of(found)
            state = status_of(status) if status_of is not None else "open"
            due_day = date_of(due) if due else _NO_DATE
            closed_day = date_of(closed) if closed else _NO_DATE
            level = severity_of(severity) if severity else ""
            if (
                item is None or place is None or day is None or state is None
                or due_day is None or closed_day is None or closed_day < day or level is None
                or (by_column and not ident) or (photo and not is_link(photo))
            ):  # fmt: skip
                return reference(row, source)
            fid = prefix + ident if by_column else self._id(ident, (*row, ""), [])
            write((fid, item, place, unit, room, state, day, due_day if due else "",
                   closed_day if closed else "", contractor, note, description, floor,
                   category, level, photo, source))  # fmt: skip
            return Finding(fid, lines.pop())

        return fast

    def reference(self, row: tuple[Any, ...], source: str) -> Finding | list[Reason]:
        """The finding a row makes, or every reason it cannot make one."""
        padded = (*row, "")
        (building, unit, room, status, found, due, closed, contractor, note, description,
         floor, category, severity, photo, ident) = self.pick(padded)  # fmt: skip
        m = self.mapper
        bad: list[Reason] = []
        fid = self._id(ident, padded, bad)
        item = m.items(category) or (m.items(description) if description else None)
        if item is None:
            bad.append(("no_item", {"category": _cut(category), "description": _cut(description)}))
        place = m.buildings(building) if building else None
        if place is None:
            bad.append(self._building(building))
        state = (m.statuses(status) if status else None) if self.has_status else "open"
        if state is None:
            bad.append(("unknown_status", {"value": status}) if status else ("no_status", {}))
        day = self._date("found", found, bad, required=True)
        due_day = self._date("due", due, bad) if due else None
        closed_day = self._date("closed", closed, bad) if closed else None
        if day and closed_day and closed_day < day:
            bad.append(("closed_before_found", {"closed": str(closed_day), "found": str(day)}))
        level = m.severities(severity) if severity else ""
        if level is None:
            bad.append(("unknown_severity", {"value": severity}))
        if photo and not is_link(photo):
            bad.append(("bad_photo", {"value": _cut(photo)}))
        if bad:
            return bad
        self.writer.writerow(
            (fid, item, place, unit, room, state, day, due_day or "", closed_day or "",
             contractor, note, description, floor, category, level, photo, source)
        )  # fmt: skip
        return Finding(fid, self.lines.pop())

    def _id(self, ident: str, padded: tuple[Any, ...], bad: list[Reason]) -> str:
        if self.hashed is None:
            if not ident:
                bad.append(("no_id", {"column": self.header["id"]}))
            return self.prefix + ident
        texts = self.hashed(padded)
        joined = "\x1f".join(texts) if isinstance(texts, tuple) else texts
        return self.prefix + hashlib.blake2b(joined.encode(), digest_size=8).hexdigest()

    def _building(self, text: str) -> Reason:
        if not text:
            return ("no_building", {"column": self.header["building"]})
        named = self.mapper.buildings.match(text)
        return ("unknown_building", {"value": text if named == text else f"{text} → {named}"})

    def _date(
        self, field: str, text: str, bad: list[Reason], *, required: bool = False
    ) -> dt.date | None:
        if not text:
            if required:
                bad.append(("no_found", {"column": self.header[field]}))
            return None
        day = self.mapper.dates(text)
        if day is None:
            bad.append(("bad_date", {"column": self.header[field], "value": _cut(text)}))
        return day


class _Lines:
    """A file-like end for csv.writer that keeps each line it writes."""

    def __init__(self, lines: list[str]) -> None:
        self.write = lines.append


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


__all__ = ["Finding", "Reason", "RowMapper", "SourceColumns", "source_columns"]
