"""Opening table files, CSV (journey.tables_csv reads its lines) or `.xlsx`.

Worksheet rows come from
journey._xlsx as `(row, cells, clean)` triples, `clean` False when a cell holds a
character journey refuses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from journey.chars import UNSAFE
from journey.tables import SUFFIXES, regular_file

Fail = Callable[..., None]  # fail(code, line=0, **params): report a problem of the file
Row = tuple[int, list[str], bool]


def problem_with(path: Path) -> tuple[str, dict[str, object]] | None:
    """Why `path` cannot be read as a table (a message code and its parameters), or None."""
    if path.suffix.lower() not in SUFFIXES:
        return "table.format", {"value": path.name}
    why = regular_file(path)
    return (why, {}) if why else None


# CSV -----------------------------------------------------------------------------------


def open_csv(path: Path, fail: Fail) -> BinaryIO | None:
    """The file opened for reading blocks of lines (journey.tables_csv), or None."""
    try:
        return path.open("rb")
    except OSError as exc:
        fail("file.unreadable", reason=exc.strerror or str(exc))
        return None


def rows_of(path: Path, sheet: str | None, header_row: int = 1) -> Iterator[tuple[int, list[str]]]:
    """The header, then every row after it, of a file that has been read once already
    (the second pass over ids)."""
    from journey.tables_csv import Blocks, NotUtf8, Quoted

    if path.suffix.lower() == ".csv":
        handle = open_csv(path, _ignore)
        if handle is None:
            return
        with handle:
            blocks, quoted = Blocks(handle, _ignore), Quoted(_ignore)
            try:
                header = blocks.header(header_row)
                if header is None:
                    return
                yield header
                line = blocks.line
                for lines, _clean in blocks:
                    more = iter(lines)
                    for text in more:
                        line += 1
                        if text:
                            line, at, cells = quoted(text, line, more)
                            if cells is not None:
                                yield abs(at), cells
            except (NotUtf8, OSError):
                return
        return
    source = open_xlsx(path, sheet, _ignore)
    if source is not None:
        with source:
            for number, cells, _clean in source.rows:
                if number >= header_row:
                    yield number, cells


def _ignore(code: str, line: int = 0, **params: object) -> None:
    """Problems of a second reading were reported by the first."""


# xlsx ----------------------------------------------------------------------------------


class Sheet:
    """An open worksheet: its title and its rows (header first); closes the workbook."""

    def __init__(self, rows: Iterator[Row], title: str, book: object) -> None:
        self.rows = rows
        self.title = title
        self.book = book

    def __enter__(self) -> Sheet:
        return self

    def __exit__(self, *_exc: object) -> None:
        close = getattr(self.book, "close", None)
        if close is not None:
            close()


def open_xlsx(path: Path, sheet: str | None, fail: Fail) -> Sheet | None:
    """The worksheet `sheet` (default the first) of a workbook, or None after saying why."""
    from journey import _xlsx

    try:
        book = _xlsx.Workbook(path)
    except _xlsx.Unavailable:
        fail("table.no_openpyxl")
        return None
    except _xlsx.Unreadable as exc:
        fail("table.bad_xlsx", detail=str(exc))
        return None
    try:
        title, rows = book.rows(sheet)
    except _xlsx.NoSheet as exc:
        from journey.validation import suggest

        if sheet is None:
            fail("table.no_worksheet")
        else:
            hint = suggest(sheet, exc.sheets)
            fail("table.no_sheet", value=sheet, sheets=exc.sheets or "-", suggestion=hint)
        book.close()
        return None
    return Sheet(_checked(rows, fail), title, book)


def _checked(rows: Iterator[tuple[int, list[str]]], fail: Fail) -> Iterator[Row]:
    from journey import _xlsx

    try:
        for number, cells in rows:
            yield number, cells, UNSAFE.search("\t".join(cells)) is None
    except _xlsx.Unreadable as exc:
        fail("table.bad_xlsx", detail=str(exc))
