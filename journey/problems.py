"""Problems found in input files: where they are and what is wrong, in any language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import StrEnum
from itertools import groupby
from typing import NamedTuple

MAX_PER_FILE = 200  # problems shown per file; then one saying how many more


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


_PLAIN_KEY = re.compile(r"[^\s.\[\]\"]+")


def key_text(key: object) -> str:
    """A mapping key as a step of a PATH (`risks.RS-001`): quoted when it is empty or
    holds spaces, dots or brackets, so that the path reads one way."""
    text = str(key)
    return text if _PLAIN_KEY.fullmatch(text) else '"' + text.replace('"', '\\"') + '"'


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


def is_more(p: Problem) -> bool:
    """True for the problem that stands for problems left out (`and N more …`)."""
    return p.code.endswith(".more")


def cap(problems: Iterable[Problem], limit: int = MAX_PER_FILE) -> list[Problem]:
    """At most `limit` problems per file (errors before warnings), in order, then one
    saying how many more there were; a file's own `… more` problems are added in.

    `problems` must be sorted by file (see `sort_key`).
    """
    out: list[Problem] = []
    for file, group in groupby(problems, key=lambda p: p.place.file):
        out.extend(_cap_file(file, group, limit))
    return out


def _cap_file(file: str, group: Iterable[Problem], limit: int) -> Iterator[Problem]:
    found = list(group)
    hidden = sum(int(str(p.params.get("count", 0))) for p in found if is_more(p))
    found = [p for p in found if not is_more(p)]
    if len(found) > limit:
        chosen = sorted(range(len(found)), key=lambda i: (not found[i].is_error, i))[:limit]
        hidden += len(found) - limit
        found = [found[i] for i in sorted(chosen)]
    yield from found
    if hidden:
        yield problem(file, 0, 0, "", "file.more", count=hidden)
