"""A list as a folder of CSV files, one per sheet, UTF-8 with a BOM so that Excel opens
Chinese text correctly.

The files are written together (journey.writing.files_together): all of them replace
the older files, or none does. Dates are `YYYY-MM-DD`; a link is its text. A text cell
that Excel would run as a formula (starting with `=`, `+`, `-` or `@`) is written with
a leading apostrophe, as Excel itself shows typed text.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from journey.errors import OutputError
from journey.exporting.listing import Cell, Link, Listing, Row, file_names
from journey.writing import files_together

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Folder(NamedTuple):
    """What was written: each file with its rows, and CSV files found there that were not."""

    files: list[Path]
    rows: list[int]
    others: list[str]


def write_csv_folder(listing: Listing, folder: Path, protected: Iterable[Path] = ()) -> Folder:
    """Write one CSV file per sheet of `listing` into `folder` (created when its parent
    exists)."""
    _make(folder)
    names = file_names([sheet.name for sheet in listing.sheets], ".csv")
    paths = [folder / name for name in names]
    with files_together(paths, protected) as streams:
        writers = [csv.writer(stream, lineterminator="\r\n") for stream in streams]
        for stream, writer, sheet in zip(streams, writers, listing.sheets, strict=True):
            stream.write("\ufeff")  # Excel opens UTF-8 with a BOM as UTF-8
            writer.writerow([column.header for column in sheet.columns])
        rows = [0] * len(writers)

        def emit(index: int, row: Row) -> None:
            rows[index] += 1
            writers[index].writerow([_text(value) for value in row])

        listing.fill(emit)
    return Folder(paths, rows, _others(folder, names))


def check_folder(folder: Path) -> None:
    """Raise OutputError unless `folder` is a folder, or a new name in one."""
    if folder.exists() and not folder.is_dir():
        raise OutputError("export.csv_not_folder", path=str(folder))
    if not folder.parent.is_dir():
        raise OutputError("report.no_folder", folder=str(folder.parent), path=str(folder))


def _make(folder: Path) -> None:
    check_folder(folder)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise OutputError(
            "report.write_failed", path=str(folder), reason=exc.strerror or str(exc)
        ) from exc


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Link):
        value = value.text
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def _others(folder: Path, written: list[str]) -> list[str]:
    """CSV files in `folder` this export did not write (left from an earlier one?)."""
    mine = {name.casefold() for name in written}
    with contextlib.suppress(OSError):
        return sorted(
            p.name
            for p in folder.iterdir()
            if p.suffix.lower() == ".csv" and p.name.casefold() not in mine
        )
    return []
