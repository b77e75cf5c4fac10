"""Rows of the first sheet of an `.xlsx` workbook; the only module that imports openpyxl.

openpyxl is an optional extra (`pip install 'journey[xlsx]'`): it is imported when a
workbook is read, never before. The workbook is opened read-only, so rows stream.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from journey.errors import JourneyError


class Unavailable(JourneyError):
    """openpyxl is not installed."""


class Unreadable(JourneyError):
    """The file is not a workbook openpyxl can read."""


# What openpyxl raises on a damaged or foreign file (InvalidFileException is a ValueError
# subclass in some versions, an Exception in others: it is added when openpyxl loads).
_BROKEN: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
    EOFError,
)


class SheetRows:
    """The rows of a workbook's first sheet as lists of text, like `csv.reader` gives.

    `line_num` is the number of the row last returned, as `csv.reader` counts lines.
    """

    def __init__(self, path: Path) -> None:
        try:
            import openpyxl
            from openpyxl.utils.exceptions import InvalidFileException
        except ImportError as exc:
            raise Unavailable(str(exc)) from exc
        self.broken = (*_BROKEN, InvalidFileException)
        try:
            self.book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            sheet = self.book.worksheets[0]
            sheet.reset_dimensions()  # some writers record a wrong size; read every row
        except self.broken as exc:
            raise Unreadable(str(exc) or type(exc).__name__) from exc
        self.title = str(sheet.title)
        self.line_num = 0
        self._rows: Iterator[tuple[Any, ...]] = sheet.iter_rows(values_only=True)

    def __iter__(self) -> SheetRows:
        return self

    def __next__(self) -> list[str]:
        try:
            row = next(self._rows)
        except StopIteration:
            self.book.close()
            raise
        except self.broken as exc:
            self.book.close()
            raise Unreadable(str(exc) or type(exc).__name__) from exc
        self.line_num += 1
        return [_text(value) for value in row]


def _text(value: object) -> str:
    """A cell as the text a CSV would hold: dates as YYYY-MM-DD, 12.0 as 12."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
