"""Problems found in input files: where they are and what is wrong, in any language."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    """How serious a problem is: errors make input invalid, warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


class Place(NamedTuple):
    """A position in a file; line and column are 1-based, 0 means unknown. In a
    workbook, `line` is the row of worksheet `sheet`."""

    file: str
    line: int = 0
    col: int = 0
    sheet: str = ""

    def render(self) -> str:
        """`FILE:LINE:COL`, `FILE:LINE`, `FILE:SHEET!ROW` or `FILE`, as much as is known."""
        if self.sheet and self.line:
            return f"{self.file}:{self.sheet}!{self.line}"
        if self.line and self.col:
            return f"{self.file}:{self.line}:{self.col}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


class Problem(NamedTuple):
    """One problem: a message code and its parameters, translated only when shown."""

    place: Place
    path: str
    code: str
    params: dict[str, object]
    severity: Severity = Severity.ERROR
    related: tuple[tuple[Place, str], ...] = ()
    sheet_row: str = ""  # "SHEET!ROW" for .xlsx findings

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity is Severity.ERROR


def problem(
    file: str,
    line: int,
    col: int,
    path: str,
    code: str,
    *,
    severity: Severity = Severity.ERROR,
    related: tuple[tuple[Place, str], ...] = (),
    **params: object,
) -> Problem:
    """Build a problem at FILE:LINE:COL."""
    return Problem(Place(file, line, col), path, code, params, severity, related)


def sort_key(p: Problem) -> tuple[str, str, int, int, str]:
    """Problems sort by file (and worksheet), then position, then path."""
    return (p.place.file, p.sheet_row.partition("!")[0], p.place.line, p.place.col, p.path)
