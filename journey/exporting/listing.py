"""What a list is, whatever it holds: sheets with localised headers and typed rows.

A list (journey.exporting.rectification, .actions, .status …) builds a `Listing`: its
sheets, each a name and columns, and a `fill(emit)` that calls `emit(sheet, row)` for
every row, in any order across sheets — so a list can stream a findings file once and
send each row to its contractor's sheet. The writers (journey.exporting.xlsx, .csvfiles)
turn any Listing into a workbook or a folder of CSV files; a list knows nothing of them.

A cell is None (empty), text, an int, a float, a `datetime.date`, or a `Link`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from journey.messages import text

CellType = Literal["text", "int", "number", "date", "link", "choice"]


class Link(NamedTuple):
    """A cell that links to `target` (an https:// address or a relative path), shown as `text`."""

    text: str
    target: str


Cell = str | int | float | dt.date | Link | None
Row = Sequence[Cell]
Emit = Callable[[int, Row], None]


@dataclass(frozen=True)
class Column:
    """One column: its header as shown, the type of its cells, and for a `choice` column
    the values its drop-down list offers."""

    header: str
    type: CellType = "text"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    """One sheet of a list (one CSV file in a folder)."""

    name: str
    columns: tuple[Column, ...]


@dataclass
class Listing:
    """A list ready to be written: its sheets, and `fill(emit)` to stream its rows."""

    sheets: list[Sheet]
    fill: Callable[[Emit], None]


ColumnSpec = str | tuple[str, CellType]  # a column by name: `"id"` or `("found", "date")`


def columns(lang: str, *spec: ColumnSpec) -> tuple[Column, ...]:
    """Columns by name, each headed `column.<name>` in `lang` (text unless typed)."""
    out = []
    for entry in spec:
        if isinstance(entry, str):
            out.append(Column(text(f"column.{entry}", lang)))
        else:
            out.append(Column(text(f"column.{entry[0]}", lang), entry[1]))
    return tuple(out)


def rows_of(rows: Iterable[tuple[int, Row]]) -> Callable[[Emit], None]:
    """A `fill` for rows known in advance, as `(sheet, row)` pairs."""

    def fill(emit: Emit) -> None:
        for sheet, row in rows:
            emit(sheet, row)

    return fill


# Names ---------------------------------------------------------------------------------

SHEET_NAME_MAX = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED_FILES = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)


def sheet_names(names: Iterable[str]) -> list[str]:
    """Worksheet names Excel accepts, each distinct (ignoring case): characters it refuses
    become `_`, long names are cut to 31 characters, repeats get ` (2)`, ` (3)` …"""
    out: list[str] = []
    for name in names:
        clean = _NOT_IN_SHEET_NAMES.sub("_", name).strip().strip("'") or "_"
        if clean.casefold() == "history":  # reserved by Excel
            clean = f"{clean}_"
        out.append(_distinct(clean[:SHEET_NAME_MAX], out, SHEET_NAME_MAX))
    return out


def file_names(names: Iterable[str], suffix: str) -> list[str]:
    """File names for sheets, safe on every system and distinct ignoring case."""
    out: list[str] = []
    stems: list[str] = []
    for name in names:
        clean = _NOT_IN_FILE_NAMES.sub("_", unicodedata.normalize("NFC", name)).strip(" .") or "_"
        if _RESERVED_FILES.match(clean):
            clean = f"_{clean}"
        stem = _distinct(clean[:100], stems, 100)
        stems.append(stem)
        out.append(stem + suffix)
    return out


def _distinct(name: str, taken: list[str], limit: int) -> str:
    seen = {t.casefold() for t in taken}
    candidate, n = name, 1
    while candidate.casefold() in seen:
        n += 1
        mark = f" ({n})"
        candidate = name[: limit - len(mark)] + mark
    return candidate


def display_width(value: str) -> int:
    """The width of text in a fixed-width column: wide (CJK) characters count double."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)
