"""Inspection findings (SPEC §3): streamed from CSV or `.xlsx` into aggregates only.

A large project holds hundreds of thousands of rows, so no row is kept: each one is
checked by a small hand-written parser and folded into the counters below. Only the
finding ids are remembered (to catch duplicates across files), packed with the line
of their first use.

Row rules: `id`, `item`, `building`, `status` and `found` are required; `unit` (empty
for public areas), `room`, `due`, `closed`, `contractor` and `note` may be empty.
Dates are `YYYY-MM-DD`. A `verified` finding without a `closed` date is accepted: the
status is what counts, and many teams record the verification date elsewhere; but a
`closed` date before `found` is an error.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from journey.problems import Place, Problem, Severity, problem

FINDING_STATUSES = ("open", "rectified", "verified", "reopened", "disputed")
CLOSED = "verified"
AGE_BANDS = ("0-7", "8-14", "15-30", ">30")
COLUMNS = (
    "id",
    "item",
    "building",
    "unit",
    "room",
    "status",
    "found",
    "due",
    "closed",
    "contractor",
    "note",
)
REQUIRED_VALUES = ("id", "item", "building", "status", "found")
MAX_PROBLEMS_PER_FILE = 200
SUFFIXES = (".csv", ".xlsx")
BAD_DATE = dt.date(1, 1, 1)  # stands for a malformed date cell (compared by identity)


def age_band(days: int) -> str:
    """The ageing band of an open finding `days` old."""
    if days <= 7:
        return "0-7"
    if days <= 14:
        return "8-14"
    if days <= 30:
        return "15-30"
    return ">30"


@dataclass
class BuildingStats:
    """Findings of one building."""

    total: int = 0
    verified: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    open_found: Counter[dt.date] = field(default_factory=Counter)  # open findings by found date
    open_by_contractor: Counter[str] = field(default_factory=Counter)

    @property
    def open(self) -> int:
        """Findings not yet verified."""
        return self.total - self.verified

    @property
    def rate(self) -> float:
        """The rectification rate: the share verified (1.0 with no findings)."""
        return self.verified / self.total if self.total else 1.0

    def older_than(self, days: int, as_of: dt.date) -> int:
        """How many open findings were found more than `days` days before `as_of`."""
        return sum(n for found, n in self.open_found.items() if (as_of - found).days > days)


@dataclass
class ItemStats:
    """Findings recorded against one checklist item."""

    total: int = 0
    open: int = 0
    first_open: Place | None = None  # the file and line of its first open finding
    first_open_id: str = ""


@dataclass
class FindingsSummary:
    """What the findings files of a project add up to."""

    files: list[str] = field(default_factory=list)
    rows: int = 0
    by_building: dict[str, BuildingStats] = field(default_factory=dict)
    by_item: dict[str, ItemStats] = field(default_factory=dict)
    by_status: Counter[str] = field(default_factory=Counter)
    open_by_contractor: Counter[str] = field(default_factory=Counter)

    @property
    def open(self) -> int:
        """Findings not yet verified, in every building."""
        return self.rows - self.by_status[CLOSED]

    def total_up(self) -> None:
        """Fill the totals that reading leaves to the end (per building and overall)."""
        self.rows = 0
        self.by_status.clear()
        self.open_by_contractor.clear()
        for stats in self.by_building.values():
            stats.total = sum(stats.by_status.values())
            stats.verified = stats.by_status[CLOSED]
            self.rows += stats.total
            self.by_status.update(stats.by_status)
            self.open_by_contractor.update(stats.open_by_contractor)

    def ageing(self, as_of: dt.date) -> dict[str, int]:
        """Open findings per ageing band (0-7, 8-14, 15-30, >30 days) as of a date."""
        bands = dict.fromkeys(AGE_BANDS, 0)
        for stats in self.by_building.values():
            for found, n in stats.open_found.items():
                bands[age_band((as_of - found).days)] += n
        return bands


def read_findings(
    paths: Iterable[Path],
    check_items: Iterable[str],
    buildings: Sequence[str],
    as_of: dt.date,
) -> tuple[FindingsSummary, list[Problem]]:
    """Stream every findings file into one summary; every bad row becomes a problem.

    `check_items` are the checklist item ids a finding may name; `buildings` the
    project's buildings (any building is accepted when it is empty). At most
    MAX_PROBLEMS_PER_FILE problems are reported per file, then one saying how many more.
    """
    from journey.catalog import shown_path

    folder = _Folder(FindingsSummary(), frozenset(check_items), frozenset(buildings), as_of)
    for path in paths:
        folder.read(path, shown_path(path))
    folder.summary.total_up()
    return folder.summary, folder.problems


class _Rows(Protocol):
    """What `csv.reader` offers: rows, and the number of lines read so far."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


class _Folder:
    """Folds rows into a summary; remembers only finding ids and the problems found.

    Every row first goes through `fast`, which checks it with membership tests and
    dictionary look-ups only; a row that fails any of them is checked again, field by
    field, by `fold`, which says what is wrong.
    """

    def __init__(
        self,
        summary: FindingsSummary,
        items: frozenset[str],
        buildings: frozenset[str],
        as_of: dt.date,
    ) -> None:
        self.summary = summary
        self.items = items
        self.buildings = buildings
        self.as_of = as_of
        self.problems: list[Problem] = []
        self.files: list[tuple[str, str]] = []  # (shown path, sheet name or "")
        self.seen: dict[str, int] = {}  # finding id -> line << 16 | file index
        self.dates: dict[str, dt.date] = {}  # cell text -> date, for valid dates only
        self.shown = ""
        self.sheet = ""
        self.reported = 0
        self.future = 0

    # Files -------------------------------------------------------------------

    def read(self, path: Path, shown: str) -> None:
        """Read one file, CSV or .xlsx by its suffix."""
        self.shown, self.sheet, self.reported, self.future = shown, "", 0, 0
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            self.error(0, "", "findings.format", value=path.name)
            return
        self.summary.files.append(shown)
        if suffix == ".csv":
            self.read_csv(path)
        else:
            self.read_xlsx(path)
        self.finish_file()

    def read_csv(self, path: Path) -> None:
        import csv

        self.files.append((self.shown, ""))
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle)
                try:
                    self.read_rows(reader)
                except csv.Error as exc:  # e.g. a field over csv's size limit
                    self.error(reader.line_num, "", "findings.bad_csv", detail=str(exc))
        except UnicodeDecodeError:
            self.error(_bad_utf8_line(path), "", "findings.not_utf8")
        except OSError as exc:
            self.error(0, "", "file.unreadable", reason=exc.strerror or str(exc))

    def read_xlsx(self, path: Path) -> None:
        from journey import _xlsx

        try:
            rows = _xlsx.SheetRows(path)
            self.sheet = rows.title
            self.files.append((self.shown, self.sheet))
            self.read_rows(rows)
        except _xlsx.Unavailable:
            self.error(0, "", "findings.no_openpyxl")
        except _xlsx.Unreadable as exc:
            self.error(0, "", "findings.bad_xlsx", detail=str(exc))

    def read_rows(self, rows: _Rows) -> None:
        """Check the header, then fold every row."""
        header = next(rows, None)
        if header is None:
            self.error(1, "", "findings.empty", columns=COLUMNS)
            return
        index = self.header(header)
        if index is not None:
            self.fast(rows, [index[name] for name in COLUMNS])

    def header(self, names: list[str]) -> dict[str, int] | None:
        """Column positions by name; an error per missing or repeated column."""
        index: dict[str, int] = {}
        ok = True
        for i, raw in enumerate(names):
            name = raw.strip().lower()
            if name in COLUMNS and name in index:
                self.error(1, name, "findings.duplicate_column", column=name)
                ok = False
            index.setdefault(name, i)
        for name in COLUMNS:
            if name not in index:
                self.error(1, name, "findings.missing_column", column=name, columns=COLUMNS)
                ok = False
        return index if ok else None

    def finish_file(self) -> None:
        if self.reported > MAX_PROBLEMS_PER_FILE:
            more = self.reported - MAX_PROBLEMS_PER_FILE
            self.problems.append(problem(self.shown, 0, 0, "", "findings.more", count=more))
        if self.future:
            self.problems.append(
                problem(
                    self.shown,
                    0,
                    0,
                    "",
                    "findings.after_as_of",
                    severity=Severity.WARNING,
                    count=self.future,
                    as_of=self.as_of.isoformat(),
                )
            )

    # Rows --------------------------------------------------------------------

    def fast(self, rows: _Rows, take: list[int]) -> None:
        """Fold every sound row with look-ups only; hand any other row to `fold`."""
        i_id, i_item, i_building, _u, _r, i_status, i_found, i_due, i_closed, i_who, _n = take
        need = max(take) + 1
        items, buildings, check_building = self.items, self.buildings, bool(self.buildings)
        statuses, dates, seen, add = _STATUSES, self.dates, self.seen, self.add
        file_no = len(self.files) - 1
        line = 1
        for values in rows:
            start, line = line + 1, rows.line_num
            if len(values) < need:
                self.slow(values, take, need, start)
                continue
            fid, item, building = values[i_id].strip(), values[i_item], values[i_building].strip()
            status, found, due, closed = (
                values[i_status],
                dates.get(values[i_found]),
                values[i_due],
                values[i_closed],
            )
            if (
                found is None
                or item not in items
                or status not in statuses
                or not building
                or (check_building and building not in buildings)
                or not fid
                or fid in seen
                or (due and due not in dates)
                or (closed and (closed not in dates or dates[closed] < found))
            ):
                self.slow(values, take, need, start)
                continue
            seen[fid] = start << 16 | file_no
            add(fid, item, building, status, found, values[i_who].strip(), start)

    def slow(self, values: list[str], take: list[int], need: int, line: int) -> None:
        """Strip and check a row that the fast path could not take, field by field."""
        if len(values) < need:
            values = [*values, *([""] * (need - len(values)))]
        fields = [values[i].strip() for i in take]
        if any(fields):  # skip blank lines and rows of empty cells
            self.fold(fields, line)

    def fold(self, row: list[str], line: int) -> None:
        """Check one stripped row (id, item, building, unit, room, status, found, due,
        closed, contractor, note) and add it to the aggregates when it is sound."""
        fid, item, building, _unit, _room, status, found_text = row[:7]
        ok = self.required(row, line)
        if item and item not in self.items:
            ok = self.error(line, "item", "findings.unknown_item", value=item, choices=self.items)
        if building and self.buildings and building not in self.buildings:
            ok = self.error(
                line,
                "building",
                "findings.unknown_building",
                value=building,
                buildings=sorted(self.buildings),
                choices=self.buildings,
            )
        if status and status not in _STATUSES:
            ok = self.error(
                line,
                "status",
                "findings.unknown_status",
                value=status,
                statuses=FINDING_STATUSES,
                choices=FINDING_STATUSES,
            )
        found = self.date(found_text, line, "found")
        due = self.date(row[7], line, "due")
        closed = self.date(row[8], line, "closed")
        if found is BAD_DATE or due is BAD_DATE or closed is BAD_DATE:
            ok = False
        elif found and closed and closed < found:
            ok = self.error(
                line, "closed", "findings.closed_before_found", closed=row[8], found=found_text
            )
        if fid:
            ok = self.unique(fid, line) and ok
        if ok and found is not None:
            self.add(fid, item, building, status, found, row[9], line)

    def required(self, row: list[str], line: int) -> bool:
        ok = True
        for name in REQUIRED_VALUES:
            if not row[_POSITION[name]]:
                ok = self.error(line, name, "findings.required")
        return ok

    def date(self, text: str, line: int, column: str) -> dt.date | None:
        """The date in a cell; None when empty, BAD_DATE (and an error) when malformed."""
        if not text:
            return None
        day = self.dates.get(text)
        if day is not None:
            return day
        try:
            if len(text) != 10 or text[4] != "-" or text[7] != "-":
                raise ValueError(text)
            day = dt.date.fromisoformat(text)
        except ValueError:
            self.error(line, column, "findings.bad_date", value=text)
            return BAD_DATE
        self.dates[text] = day
        return day

    def unique(self, fid: str, line: int) -> bool:
        packed = self.seen.get(fid)
        if packed is None:
            self.seen[fid] = line << 16 | (len(self.files) - 1)
            return True
        first_file, first_sheet = self.files[packed & 0xFFFF]
        first_line = packed >> 16
        where = f"{first_file}:{first_sheet}!{first_line}" if first_sheet else None
        other = where or f"{first_file}:{first_line}"
        return self.error(line, "id", "findings.duplicate_id", value=fid, other=other)

    def add(
        self,
        fid: str,
        item: str,
        building: str,
        status: str,
        found: dt.date,
        contractor: str,
        line: int,
    ) -> None:
        """Count one sound row (totals are summed by `total_up`)."""
        summary = self.summary
        stats = summary.by_building.get(building)
        if stats is None:
            stats = summary.by_building[building] = BuildingStats()
        stats.by_status[status] += 1
        item_stats = summary.by_item.get(item)
        if item_stats is None:
            item_stats = summary.by_item[item] = ItemStats()
        item_stats.total += 1
        if found > self.as_of:
            self.future += 1
        if status == CLOSED:
            return
        stats.open_found[found] += 1
        item_stats.open += 1
        if item_stats.first_open is None:
            item_stats.first_open = Place(self.shown, line, 0)
            item_stats.first_open_id = fid
        if contractor:
            stats.open_by_contractor[contractor] += 1

    # Problems ----------------------------------------------------------------

    def error(
        self,
        line: int,
        path: str,
        code: str,
        *,
        choices: Iterable[str] | None = None,
        **params: object,
    ) -> bool:
        """Record an error (unless this file already has too many); always False."""
        self.reported += 1
        if self.reported > MAX_PROBLEMS_PER_FILE:
            return False
        if choices is not None:
            from journey.validation import suggest

            params["suggestion"] = suggest(str(params.get("value", "")), choices)
        sheet_row = f"{self.sheet}!{line}" if self.sheet and line else ""
        self.problems.append(
            Problem(Place(self.shown, line, 0), path, code, params, sheet_row=sheet_row)
        )
        return False


_STATUSES = frozenset(FINDING_STATUSES)
_POSITION = {name: i for i, name in enumerate(COLUMNS)}


def _bad_utf8_line(path: Path) -> int:
    """The first line of a file that is not valid UTF-8."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 0
