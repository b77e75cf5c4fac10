"""One streaming reader for every table journey reads (SPEC §9).

Findings, import sources, repair orders, complaints, survey answers, unit registers and
status workbooks are all tables: CSV (UTF-8, with or without a BOM) or `.xlsx` (the
first worksheet unless a sheet is named). A `Schema` describes one kind of table as
data — each column's name, type, whether it is required, its allowed values and the
other headers it answers to (Chinese ones among them). `TableReader` streams the rows
of any number of files into the caller's aggregate: a `sink(rows)` called with batches
of sound rows, each a tuple `(line, *values)` of the columns the caller asked for,
typed. Nothing per row is kept but an 8-byte hash of its id, so memory does not grow
with the rows beyond that.

Every row goes first through a fast path compiled for the schema and the file's header
(journey.tables_fast): dictionary look-ups of cell texts already seen, nothing else. A row
that fails any of them — a value never seen, an empty required cell, a control
character — is checked again cell by cell by `journey.tables_cells.Cells.row`, the
reference, which says
what is wrong and remembers every good value for the fast path. Both paths give the
same result for every row (a property test holds them to it).
"""

from __future__ import annotations

import gc
import re
import stat
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from journey.chars import UNSAFE, describe
from journey.problems import Place, Problem, Severity
from journey.tables_cells import Cells

if TYPE_CHECKING:
    from journey.tables_fast import Loops

ColumnType = Literal["text", "id", "date", "datetime", "int", "number", "choice", "link"]
MAX_PROBLEMS_PER_FILE = 200
MAX_LINE = 1 << 20  # a CSV line longer than 1 MiB is not a row of a register
SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Column:
    """One column of a table schema.

    `required` columns must be in the header and hold a value in every row; `present`
    columns must be in the header but may be empty (the mapped columns of an import). A
    `choice`
    column's allowed values are `choices`, or are given when the table is read
    (`Schema.allow`); `what` names what a value is in messages (`what.check_item`).
    `low` and `high` bound `int` and `number` values.
    """

    name: str
    type: ColumnType = "text"
    required: bool = False
    choices: tuple[str, ...] | None = None
    aliases: tuple[str, ...] = ()
    what: str = ""
    low: float | None = None
    high: float | None = None
    present: bool = False


@dataclass(frozen=True)
class Schema:
    """The columns of one kind of table, and which columns may not precede which.

    `extra_columns` says that other columns are expected (an export holds many that an
    import does not map): they are not warned about.
    """

    name: str
    columns: tuple[Column, ...]
    order: tuple[tuple[str, str], ...] = ()  # (earlier, later): later may not be before earlier
    extra_columns: bool = False

    def column(self, name: str) -> Column:
        """The column called `name` (KeyError for another)."""
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Every column name, in schema order."""
        return tuple(col.name for col in self.columns)

    def allow(self, **choices: Collection[str]) -> Schema:
        """The schema with the allowed values of some `choice` columns set (ids of a
        catalog, a project's buildings); an empty collection allows any value."""
        cols = []
        for col in self.columns:
            if col.name in choices:
                values = choices[col.name]
                col = replace(col, choices=tuple(values) if values else None)
            cols.append(col)
        return replace(self, columns=tuple(cols))

    def headers(self) -> dict[str, str]:
        """Every header a column answers to, normalised, by column name."""
        out: dict[str, str] = {}
        for col in self.columns:
            for name in (col.name, *col.aliases):
                out.setdefault(header_key(name), col.name)
        return out


def header_key(name: str) -> str:
    """A header as it is matched: case, spaces, `_` and `-` ignored."""
    return re.sub(r"[\s_\-]+", "", name).casefold()


# Reading ---------------------------------------------------------------------------

Sink = Callable[[list[tuple[Any, ...]]], None]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector (also as a decorator). Table rows and graph work make
    millions of small containers that are never cyclic garbage; the collections they
    trigger, each walking the whole heap, take as long as the work itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _unused(_value: int) -> None:
    """Where ids go when a schema has no id column."""


def _no_rows(rows: list[tuple[Any, ...]]) -> None:
    """The sink until the caller sets its own."""


BATCH = 512  # rows handed to the sink at a time (few: they are still in the CPU cache)
ID_BUCKETS = 16  # id hashes are kept in this many arrays (few: appends stay in the cache)


@dataclass
class _File:
    shown: str
    sheet: str
    path: Path
    index: int
    errors: int = 0
    warnings: int = 0
    hidden: int = 0
    columns: frozenset[str] = frozenset()  # the schema columns its header holds
    header: list[str] = field(default_factory=list)  # the header's cells, as written


@dataclass
class TableReader:
    """Reads files of one schema into a sink; collects problems, capped per file.

    `take` names the columns of each row tuple `(line, *values)` handed to `sink(rows)`
    (a list of up to BATCH tuples, in file order; it must not keep the list), in that
    order: a text column's value is its stripped text ("" when empty), a typed column's value is a
    `date`, `datetime`, `int` or `float` (None when empty), a choice its text. With
    `cells`, each tuple ends with the row's cells as written (an import repeats a
    rejected row whole). The header is the first non-empty row at or after `header_row`
    (a title and an export date often stand above it); the rows above are skipped.
    A sink that needs the reader (its `current` file, its `error`) is set after it is
    made: `reader.sink = ...`.
    """

    schema: Schema
    take: Sequence[str]
    sink: Sink = _no_rows
    sheet: str | None = None
    header_row: int = 1
    cells: bool = False
    problems: list[Problem] = field(default_factory=list)
    files: list[_File] = field(default_factory=list)
    rows: int = 0

    def __post_init__(self) -> None:
        unknown = [name for name in self.take if name not in self.schema.names]
        if unknown:
            raise KeyError(f"not columns of {self.schema.name}: {unknown}")
        self._ids = _IdHashes() if any(c.type == "id" for c in self.schema.columns) else None
        noted = self._ids.add if self._ids is not None else _unused
        self._check = Cells(self.schema, self.error, lambda value: noted(hash(value)))

    def begin(self, path: Path, shown: str) -> None:
        """Make `path` the current file, so that problems found about it before (or
        instead of) reading it are placed in it."""
        entry = _File(shown, "", path, len(self.files))
        self.files.append(entry)
        self._file = entry

    def has_column(self, name: str) -> bool:
        """True when the header of a file read so far holds the column `name`."""
        return any(name in entry.columns for entry in self.files)

    def read(self, path: Path, shown: str) -> None:
        """Stream one file into the sink; its problems join `problems`."""
        from journey import tables_io

        self.begin(path, shown)
        why = tables_io.problem_with(path)
        if why is not None:
            self.error(0, "", why[0], **why[1])
        elif path.suffix.lower() == ".csv":
            self._read_csv(path)
        else:
            self._read_xlsx(path)

    def _read_csv(self, path: Path) -> None:
        from journey import tables_io
        from journey.tables_csv import Blocks, NotUtf8, Quoted

        handle = tables_io.open_csv(path, self.file_error)
        if handle is None:
            return
        blocks = Blocks(handle, self.file_error)
        try:
            with handle:
                layout = self._header(blocks.header(self.header_row))
                if layout is not None:
                    ids = self._ids.buckets if self._ids is not None else None
                    special = Quoted(self.file_error)
                    folded = self._loops(layout).csv(
                        blocks, self.sink, self._slow, ids, special, blocks.line
                    )
                    self.rows += folded
        except NotUtf8 as exc:
            self.file_error("table.not_utf8", exc.line)
        except OSError as exc:
            self.file_error("file.unreadable", reason=exc.strerror or str(exc))

    def _read_xlsx(self, path: Path) -> None:
        from journey import tables_io

        source = tables_io.open_xlsx(path, self.sheet, self.file_error)
        if source is None:
            return
        with source:
            self._file.sheet = source.title
            first = next((row for row in source.rows if row[0] >= self.header_row), None)
            layout = self._header(first[:2] if first else None)
            if layout is not None:
                ids = self._ids.buckets if self._ids is not None else None
                folded = self._loops(layout).rows(source.rows, self.sink, self._slow, ids)
                self.rows += folded

    def _header(self, header: tuple[int, list[str]] | None) -> dict[str, int] | None:
        if header is None:
            if self._file.errors:  # already said why (not UTF-8, unreadable …)
                return None
            if self.header_row > 1:
                self.error(self.header_row, "", "table.no_header", row=self.header_row,
                           columns=self._required_names())  # fmt: skip
            else:
                self.error(1, "", "table.empty", columns=self._required_names())
            return None
        self._header_line = header[0]
        self._file.header = header[1]
        where = self._layout(header[1])
        if where is not None:
            self._file.columns = frozenset(where)
        return where

    def _loops(self, where: dict[str, int]) -> Loops:
        from journey.tables_fast import compile_fast

        return compile_fast(self.schema, self.take, where, self._check, cells=self.cells)

    def finish(self) -> list[Problem]:
        """Duplicate ids (a second pass names both places) and the per-file caps."""
        if self._ids is not None and self._ids.has_duplicates():
            self._name_duplicates()
        for entry in self.files:
            if entry.hidden:
                self.problems.append(
                    Problem(Place(entry.shown), "", "table.more", {"count": entry.hidden})
                )
        return self.problems

    def known_ids(self, values: Iterable[str]) -> set[str]:
        """Those of `values` that some row read so far has as its id — by the 8-byte hash
        kept for every id, so a reference (`repeat_of`) is checked without keeping ids."""
        if self._ids is None:
            return set()
        wanted: dict[int, list[str]] = {}
        for value in values:
            wanted.setdefault(hash(value), []).append(value)
        hashes = set(wanted)
        found: set[str] = set()
        for bucket in self._ids.buckets:  # intersection walks the array: no set of it is made
            for h in hashes.intersection(bucket):
                found.update(wanted[h])
        return found

    # Header ----------------------------------------------------------------------

    def _required_names(self) -> str:
        return ", ".join(c.name for c in self.schema.columns if c.required or c.present)

    def _layout(self, header: list[str]) -> dict[str, int] | None:
        """Where each schema column is in this file; an error per missing or repeated one."""
        known = self.schema.headers()
        where: dict[str, int] = {}
        ok = True
        line = self._header_line
        for i, raw in enumerate(header):
            text = raw.strip()
            bad = UNSAFE.search(text)
            if bad is not None:
                ok = self.error(line, f"#{i + 1}", "table.control_char", char=describe(bad.group()))
                continue
            if not text:
                continue
            name = known.get(header_key(text))
            if name is None:
                if not self.schema.extra_columns:
                    self._unknown_column(line, text, known)
            elif name in where:
                ok = self.error(line, name, "table.duplicate_column", column=text)
            else:
                where[name] = i
        for col in self.schema.columns:
            if (col.required or col.present) and col.name not in where:
                ok = self.error(
                    line, col.name, "table.missing_column", column=col.name,
                    columns=self._required_names(),
                )  # fmt: skip
        return where if ok else None

    def _unknown_column(self, line: int, text: str, known: Mapping[str, str]) -> None:
        from journey.validation import suggest

        names = sorted({*self.schema.names})
        near = suggest(text, [*names, *(c for c in known if c not in names)])
        hint = known.get(header_key(near), near) if near else None
        self.warn(line, text, "table.unknown_column", column=text, suggestion=hint)

    # Rows ------------------------------------------------------------------------

    def _slow(
        self, line: int, cells: list[str], where: Mapping[str, int]
    ) -> tuple[Any, ...] | None:
        """A row the fast path could not take: check every cell; the row's tuple if it is
        sound (the fast path adds it to its batch, so rows reach the sink in file order)."""
        values = self._check.row(line, cells, where)
        if values is None:
            return None
        if self.cells:
            return (line, *(values[name] for name in self.take), cells)
        return (line, *(values[name] for name in self.take))

    # Duplicate ids -----------------------------------------------------------------

    def _name_duplicates(self) -> None:
        """Read the files again, keeping only the rows whose id hash repeats, and report
        each later use of an id with the place of its first use."""
        from journey import tables_io

        assert self._ids is not None
        suspects = self._ids.repeated()
        id_col = next(c.name for c in self.schema.columns if c.type == "id")
        known = self.schema.headers()
        first: dict[str, tuple[_File, int]] = {}
        for entry in self.files:
            self._file = entry
            rows = tables_io.rows_of(entry.path, self.sheet, self.header_row)
            header = next(rows, None)
            cols = [known.get(header_key(h.strip())) for h in (header[1] if header else [])]
            if id_col not in cols:
                continue
            at = cols.index(id_col)
            for line, cells in rows:
                value = cells[at].strip() if at < len(cells) else ""
                if value and hash(value) in suspects:
                    seen = first.setdefault(value, (entry, line))
                    if seen != (entry, line):
                        other = _where(seen[0], seen[1])
                        self.error(line, id_col, "table.duplicate_id", value=value, other=other)

    # Problems ----------------------------------------------------------------------

    def error(self, line: int, path: str, code: str, **params: object) -> bool:
        """Record an error at a line (and column `path`) of the current file; always False."""
        self._add(line, path, code, params, Severity.ERROR)
        return False

    def warn(self, line: int, path: str, code: str, **params: object) -> None:
        """Record a warning in the current file."""
        self._add(line, path, code, params, Severity.WARNING)

    def _add(
        self, line: int, path: str, code: str, params: dict[str, object], severity: Severity
    ) -> None:
        entry = self._file
        if severity is Severity.ERROR:
            entry.errors += 1
            shown = entry.errors
        else:
            entry.warnings += 1
            shown = entry.warnings
        if shown > MAX_PROBLEMS_PER_FILE:  # errors and warnings are capped each
            entry.hidden += 1
            return
        sheet_row = f"{entry.sheet}!{line}" if entry.sheet and line else ""
        self.problems.append(
            Problem(Place(entry.shown, line, 0), path, code, params, severity, (), sheet_row)
        )

    def error_in(self, shown: str, line: int, path: str, code: str, **params: object) -> None:
        """Record an error at a line of a file read earlier (named as shown), within its cap:
        a check that needs every row first (a reference to another row's id) reports so."""
        current = self._file
        self._file = next(f for f in self.files if f.shown == shown)
        try:
            self.error(line, path, code, **params)
        finally:
            self._file = current

    def file_error(self, code: str, line: int = 0, **params: object) -> None:
        """An error about the current file as a whole (unreadable, not a table …)."""
        self.error(line, "", code, **params)

    @property
    def current(self) -> _File:
        """The file being read."""
        return self._file


def _where(entry: _File, line: int) -> str:
    return f"{entry.shown}:{entry.sheet}!{line}" if entry.sheet else f"{entry.shown}:{line}"


# Ids -----------------------------------------------------------------------------------


class _IdHashes:
    """The 64-bit hash of every id seen, in ID_BUCKETS arrays: 8 bytes a row (the
    duplicate check makes a set of one array at a time).

    A repeated hash means a repeated id (or, once in billions of rows, two ids with the
    same hash); `TableReader` then reads the files again to name both places.
    """

    def __init__(self) -> None:
        self.buckets = [array("q") for _ in range(ID_BUCKETS)]

    def add(self, value: int) -> None:  # the fast path writes this out inline
        """Remember one id hash."""
        self.buckets[value & (ID_BUCKETS - 1)].append(value)

    def has_duplicates(self) -> bool:
        """True when some hash was added twice."""
        return any(len(set(bucket)) < len(bucket) for bucket in self.buckets)

    def repeated(self) -> frozenset[int]:
        """The hashes added more than once."""
        out: set[int] = set()
        for bucket in self.buckets:
            if len(set(bucket)) < len(bucket):
                out.update(h for h, n in Counter(bucket).items() if n > 1)
        return frozenset(out)


# Files ---------------------------------------------------------------------------------


def regular_file(path: Path) -> str | None:
    """None when `path` is a regular file that can be read; else why not (a code)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "file.missing"
    if not stat.S_ISREG(mode):
        return "table.not_regular"
    return None


def read_tables(
    paths: Iterable[tuple[Path, str]],
    schema: Schema,
    take: Sequence[str],
    sink: Sink,
    *,
    sheet: str | None = None,
    header_row: int = 1,
) -> tuple[int, list[Problem]]:
    """Read every `(path, shown)` into `sink`; the rows folded and every problem."""
    reader = TableReader(schema, take, sink, sheet, header_row)
    for path, shown in paths:
        reader.read(path, shown)
    return reader.rows, reader.finish()


__all__ = [
    "MAX_PROBLEMS_PER_FILE",
    "Column",
    "ColumnType",
    "Schema",
    "TableReader",
    "header_key",
    "read_tables",
    "regular_file",
]
