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


def sheet_rows(path: Path) -> tuple[str, Iterator[tuple[int, list[str]]]]:
    """The first sheet's name and its rows as text, each with its row number."""
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:
        raise Unavailable(str(exc)) from exc
    broken = (*_BROKEN, InvalidFileException)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        sheet = book.worksheets[0]
    except broken as exc:
        raise Unreadable(str(exc) or type(exc).__name__) from exc
    return str(sheet.title), _rows(book, sheet, broken)


def _rows(
    book: Any, sheet: Any, broken: tuple[type[BaseException], ...]
) -> Iterator[tuple[int, list[str]]]:
    try:
        sheet.reset_dimensions()  # some writers record a wrong size; read every row
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_text(value) for value in row]
    except broken as exc:
        raise Unreadable(str(exc) or type(exc).__name__) from exc
    finally:
        book.close()


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
