"""Rows of an `.xlsx` worksheet as lists of text; the only module that reads with openpyxl.

openpyxl is an optional extra (`pip install 'journey-cr[xlsx]'`), imported when a
workbook is opened, never before. A workbook is a zip of XML files, and a hostile one
can be small on disk and enormous once inflated, damaged anywhere, or made of
chartsheets: the archive is checked before openpyxl sees it, each worksheet is read in
openpyxl's read-only (streaming) mode, rows come as the sheet stores them (a gap of a
million row numbers costs nothing), and whatever openpyxl or zlib raises on a damaged
file becomes `Unreadable`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from journey.errors import JourneyError

MAX_INFLATED = 2 << 30  # 2 GiB of XML in all: far beyond any register
MAX_RATIO = 200  # a real sheet inflates 5 to 20 times; a bomb, thousands of times
MAX_COLUMNS = 1024  # cells further right than this are not a register's


class Unavailable(JourneyError):
    """openpyxl is not installed."""


class Unreadable(JourneyError):
    """The file is not a workbook journey can read (damaged, foreign or a zip bomb)."""


class NoSheet(JourneyError):
    """The workbook has no worksheet of the name asked for (or no worksheet at all)."""

    def __init__(self, sheets: list[str]) -> None:
        super().__init__(", ".join(sheets))
        self.sheets = sheets


# What openpyxl, zipfile, zlib and the XML parser raise on a damaged or foreign file.
# (InvalidFileException is added when openpyxl loads.)
_BROKEN: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
    EOFError,
    SyntaxError,  # xml.etree's ParseError: truncated or malformed XML, entity tricks
    NotImplementedError,  # a compression method zipfile does not know
    RuntimeError,  # an encrypted member
    AttributeError,
    AssertionError,
)


def _check_archive(path: Path) -> None:
    """Refuse what is not a zip, and a zip that inflates beyond any real workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except _BROKEN as exc:
        raise Unreadable(_say(exc)) from exc
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > MAX_INFLATED or (total > (16 << 20) and total > MAX_RATIO * max(packed, 1)):
        raise Unreadable(
            f"it would inflate from {packed:,} to {total:,} bytes, which is no spreadsheet"
        )


def _say(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text[:200] or type(exc).__name__


class Workbook:
    """An `.xlsx` file opened for streaming its worksheets' rows."""

    def __init__(self, path: Path) -> None:
        try:
            import openpyxl
            from openpyxl.utils.exceptions import InvalidFileException
        except ImportError as exc:
            raise Unavailable(str(exc)) from exc
        self.broken = (*_BROKEN, InvalidFileException)
        _check_archive(path)
        try:
            self.book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except self.broken as exc:
            raise Unreadable(_say(exc)) from exc

    def sheet_names(self) -> list[str]:
        """The worksheets' titles, in workbook order (chartsheets are not tables)."""
        return [str(ws.title) for ws in self.book.worksheets]

    def rows(self, sheet: str | None) -> tuple[str, Iterator[tuple[int, list[str]]]]:
        """The title of `sheet` (default the first worksheet) and its rows as text."""
        names = self.sheet_names()
        if sheet is None:
            if not names:
                raise NoSheet(names)
            sheet = names[0]
        elif sheet not in names:
            raise NoSheet(names)
        return sheet, self._rows(sheet)

    def _rows(self, sheet: str) -> Iterator[tuple[int, list[str]]]:
        from openpyxl.worksheet._reader import WorkSheetParser

        ws = self.book[sheet]
        book = self.book
        try:
            with ws._get_source() as src:
                parser = WorkSheetParser(
                    src,
                    ws._shared_strings,
                    data_only=True,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                for number, cells in parser.parse():
                    yield number, _texts(cells)
        except self.broken as exc:
            raise Unreadable(_say(exc)) from exc

    def close(self) -> None:
        """Release the file."""
        self.book.close()


def _texts(cells: list[dict[str, Any]]) -> list[str]:
    """The cells of one row as the texts a CSV would hold, placed by column."""
    if not cells:
        return []
    width = min(max(int(c["column"]) for c in cells), MAX_COLUMNS)
    out = [""] * width
    for cell in cells:
        column = int(cell["column"])
        if 1 <= column <= width:
            out[column - 1] = text(cell["value"])
    return out


def text(value: object) -> str:
    """A cell as text: dates as YYYY-MM-DD (with the time when it has one), 12.0 as 12."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
