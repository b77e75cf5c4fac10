"""A list as an `.xlsx` workbook, streamed with openpyxl's write-only mode.

Rows go to disk as they come (openpyxl keeps a temporary file per sheet), so a list of
a million findings costs no more memory than one of ten. Each sheet gets a frozen bold
header row, an auto-filter over its rows, columns as wide as their content (CJK
characters count double) — measured on the header and the first `SAMPLE` rows, which
are held back until then, since a column's width is written before its first row —,
dates as real dates (`yyyy-mm-dd`), links as `HYPERLINK` cells and, for a `choice`
column, a drop-down list of its values.

Text is written as text: a note starting with `=` is never a formula.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journey.errors import UsageProblem
from journey.exporting.listing import Cell, Column, Link, Listing, Row, Sheet, display_width
from journey.writing import Staged

if TYPE_CHECKING:
    from collections.abc import Iterable

SAMPLE = 200  # rows per sheet measured for the column widths
MIN_WIDTH, MAX_WIDTH = 6, 60
CELL_MAX = 32_767  # the most characters an Excel cell holds
LINK_MAX = 255  # the longest address HYPERLINK takes
SPARE_ROWS = 200  # rows below the list that keep the drop-down, for rows added by hand
DATE_FORMAT = "yyyy-mm-dd"
LINK_COLOUR = "0563C1"


def require_openpyxl() -> None:
    """Raise a usage problem saying how to install openpyxl when it is missing."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise UsageProblem("export.no_openpyxl") from None


def write_xlsx(listing: Listing, path: Path, protected: Iterable[Path] = ()) -> list[int]:
    """Write `listing` to the workbook `path` atomically; the rows written per sheet."""
    require_openpyxl()
    from openpyxl import Workbook

    with Staged(path, protected) as staged:  # the target is checked before any work
        book = Workbook(write_only=True)
        sheets = [_SheetWriter(book.create_sheet(sheet.name), sheet) for sheet in listing.sheets]
        try:
            listing.fill(lambda index, row: sheets[index].add(row))
            for sheet in sheets:
                sheet.close()
        except BaseException:
            for sheet in sheets:
                sheet.abandon()
            raise
        book.save(staged.handle)
    return [sheet.rows for sheet in sheets]


class _SheetWriter:
    """One worksheet being streamed: rows held back until the widths are known."""

    def __init__(self, ws: Any, sheet: Sheet) -> None:
        from openpyxl.styles import Font

        self.ws = ws
        self.columns = sheet.columns
        self.held: list[Row] | None = []
        self.rows = 0
        self.link_font = Font(color=LINK_COLOUR, underline="single")

    def add(self, row: Row) -> None:
        self.rows += 1
        if self.held is None:
            self.ws.append(self._cells(row))
            return
        self.held.append(row)
        if len(self.held) >= SAMPLE:
            self._start()

    def close(self) -> None:
        """Write what is held back, then the filter and the drop-down lists."""
        from openpyxl.utils import get_column_letter

        if self.held is not None:
            self._start()
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        for i, column in enumerate(self.columns, 1):
            if column.choices:
                self._drop_down(get_column_letter(i), column.choices)

    def abandon(self) -> None:
        """End the sheet's stream quietly when the list fails half-way."""
        if not self.ws.closed:
            with contextlib.suppress(ValueError, OSError):
                self.ws.close()

    def _start(self) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        held, self.held = self.held or [], None
        for i, width in enumerate(_widths(self.columns, held), 1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(self.ws, value=column.header)
            cell.font = bold
            header.append(cell)
        self.ws.append(header)
        for row in held:
            self.ws.append(self._cells(row))

    def _cells(self, row: Row) -> list[Any]:
        return [_cell(self.ws, value, self.link_font) for value in row]

    def _drop_down(self, letter: str, choices: tuple[str, ...]) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        listed = ",".join(c.replace('"', '""') for c in choices)
        valid = DataValidation(
            type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=True
        )
        valid.add(f"{letter}2:{letter}{self.rows + 1 + SPARE_ROWS}")
        self.ws.data_validations.append(valid)


def _cell(ws: Any, value: Cell, link_font: Any) -> Any:
    """A value as openpyxl writes it: plain values as they are, text that would read
    as a formula pinned as text, a link as a HYPERLINK formula."""
    if isinstance(value, str):
        if len(value) > CELL_MAX:
            value = value[: CELL_MAX - 1] + "…"
        if not value.startswith("="):
            return value
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    if isinstance(value, Link):
        return _link(ws, value, link_font)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def _link(ws: Any, link: Link, font: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if len(link.target) > LINK_MAX or len(link.text) > LINK_MAX:
        return _cell(ws, link.text, font)  # too long for HYPERLINK: the address as text
    target = link.target.replace('"', '""')
    shown = link.text.replace('"', '""')
    cell = WriteOnlyCell(ws, value=f'=HYPERLINK("{target}","{shown}")')
    cell.font = font
    return cell


def _widths(columns: tuple[Column, ...], rows: list[Row]) -> list[float]:
    """Each column's width in characters: its header (plus the filter button) or its
    widest cell among `rows`, within MIN_WIDTH and MAX_WIDTH."""
    out = []
    for i, column in enumerate(columns):
        widest = display_width(column.header) + 3  # the filter button
        if column.choices:
            widest = max(widest, *(display_width(c) + 3 for c in column.choices))
        for row in rows:
            if i < len(row):
                widest = max(widest, _width(row[i]))
        out.append(float(min(max(widest + 1, MIN_WIDTH), MAX_WIDTH)))
    return out


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, Link):
        return display_width(value.text)
    if isinstance(value, str):
        return display_width(value[: MAX_WIDTH * 2])
    return len(str(value))
