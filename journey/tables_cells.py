"""The reference check of a table row, cell by cell (journey.tables).

`Cells.row` says what is wrong with each cell of a row — an empty required cell, a text
that is not a date, a value that is not allowed, a control character, two dates in the
wrong order — and types the sound ones. Every good text of a typed column is remembered
in the column's cache, which is what the fast path (journey.tables_fast) looks up.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from journey.chars import UNSAFE, describe

if TYPE_CHECKING:
    from journey.tables import Column, Schema

BAD: Any = type("Bad", (), {"__slots__": (), "__repr__": lambda self: "BAD"})()
CACHE_LIMIT = 1 << 16  # distinct texts remembered per column
Error = Callable[..., bool]  # error(line, column, code, **params) -> False


class Cells:
    """Checks cells of one schema, reporting through `error`; `seen_id` is told of every
    id found, sound row or not (duplicates are found across all rows)."""

    def __init__(self, schema: Schema, error: Error, seen_id: Callable[[str], None]) -> None:
        self.schema = schema
        self.error = error
        self.seen_id = seen_id
        self.caches: dict[str, dict[str, Any]] = {}
        self.allowed = {c.name: frozenset(c.choices) for c in schema.columns if c.choices}
        for col in schema.columns:
            if col.type not in ("text", "id", "datetime"):
                cache: dict[str, Any] = {}
                if col.type == "choice" and col.choices:
                    cache.update((v, v) for v in col.choices)
                if not col.required:
                    cache[""] = None
                self.caches[col.name] = cache

    def row(self, line: int, cells: list[str], where: Mapping[str, int]) -> dict[str, Any] | None:
        """Every column's value, or None after reporting each bad cell of the row."""
        if not any(cell.strip() for cell in cells):
            return None  # a blank line or a row of empty cells
        ok = self._safe(line, cells, where)
        values: dict[str, Any] = {}
        for col in self.schema.columns:
            at = where.get(col.name)
            value = self.cell(line, col, cells[at] if at is not None and at < len(cells) else "")
            ok = ok and value is not BAD
            values[col.name] = value
            if col.type == "id" and isinstance(value, str) and value:
                self.seen_id(value)
        if not ok:
            return None
        return values if self._ordered(line, values) else None

    def _safe(self, line: int, cells: list[str], where: Mapping[str, int]) -> bool:
        names = {i: name for name, i in where.items()}
        ok = True
        for i, cell in enumerate(cells):
            bad = UNSAFE.search(cell)
            if bad is not None:
                column = names.get(i, f"#{i + 1}")
                code = "table.line_break" if bad.group() in "\r\n" else "table.control_char"
                ok = self.error(line, column, code, char=describe(bad.group()))
        return ok

    def cell(self, line: int, col: Column, raw: str) -> Any:
        """The typed value of one cell; BAD after reporting what is wrong. A good text is
        remembered, as it was written, for the fast path."""
        text = raw.strip()
        if not text:
            if col.required:
                return self.error(line, col.name, "table.required") or BAD
            return "" if col.type in ("text", "id") else None
        if col.type in ("text", "id"):
            return text
        value = self._parse(line, col, text)
        cache = self.caches.get(col.name)
        if value is not BAD and cache is not None and len(cache) < CACHE_LIMIT:
            cache[raw] = value
        return value

    def _parse(self, line: int, col: Column, text: str) -> Any:
        if col.type == "choice":
            return self._choice(line, col, text)
        if col.type in ("date", "datetime"):
            parse, code = _DATES[col.type]
            value = parse(text)
            if value is BAD:
                self.error(line, col.name, code, value=text)
            return value
        if col.type == "link":
            return (
                text
                if is_link(text)
                else self.error(line, col.name, "table.bad_link", value=text) or BAD
            )
        return self._number(line, col, text)

    def _choice(self, line: int, col: Column, text: str) -> Any:
        from journey.messages import OneOf
        from journey.validation import suggest

        allowed = self.allowed.get(col.name)
        if allowed is None or text in allowed:
            return text
        choices = col.choices or ()
        listed = OneOf(choices)
        if col.what and len(choices) > 12:
            code, listed = "table.unknown_value", OneOf(())
        else:
            code = "table.unknown_in" if col.what else "table.not_one_of"
        self.error(
            line, col.name, code, value=text, what=col.what or "what.value", choices=listed,
            suggestion=suggest(text, choices),
        )  # fmt: skip
        return BAD

    def _number(self, line: int, col: Column, text: str) -> Any:
        code = "table.bad_int" if col.type == "int" else "table.bad_number"
        try:
            value: float = int(text) if col.type == "int" else float(text)
        except ValueError:
            return self.error(line, col.name, code, value=text) or BAD
        if not math.isfinite(value):
            return self.error(line, col.name, code, value=text) or BAD
        low, high = col.low, col.high
        if (low is not None and value < low) or (high is not None and value > high):
            shown = {"low": _num(low), "high": _num(high)}
            return self.error(line, col.name, "table.out_of_range", value=text, **shown) or BAD
        return value

    def _ordered(self, line: int, values: Mapping[str, Any]) -> bool:
        ok = True
        for earlier, later in self.schema.order:
            a, b = values.get(earlier), values.get(later)
            if a is not None and b is not None and before(b, a):
                ok = self.error(
                    line, later, "table.before", column=later, value=_shown(b), other=earlier,
                    other_value=_shown(a),
                )  # fmt: skip
        return ok


def before(later: Any, earlier: Any) -> bool:
    """True when `later` falls before `earlier`; a date meeting a date-time compares by day."""
    if isinstance(later, dt.datetime) != isinstance(earlier, dt.datetime):
        later = later.date() if isinstance(later, dt.datetime) else later
        earlier = earlier.date() if isinstance(earlier, dt.datetime) else earlier
    return bool(later < earlier)


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")
_URL = re.compile(r"https://[^\s\"'<>\\]+")


def date_or_bad(text: str) -> Any:
    """A `YYYY-MM-DD` date, or BAD."""
    if not _DATE.fullmatch(text):
        return BAD
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return BAD


def datetime_or_bad(text: str) -> Any:
    """A `YYYY-MM-DD HH:MM[:SS]` date-time, or BAD (None for an empty cell)."""
    if not text:
        return None
    if is_minute_form(text):
        try:
            return _from_iso(text)
        except ValueError:
            pass  # not ASCII digits, or not a day or a time: the pattern says which
    found = _DATETIME.fullmatch(text)
    if found is None:
        return BAD
    year, month, day_, hour, minute, second = (int(g) for g in found.groups(default="0"))
    try:
        return dt.datetime(year, month, day_, hour, minute, second)
    except ValueError:
        return BAD


_from_iso = dt.datetime.fromisoformat
# The common form, `YYYY-MM-DD HH:MM`, is read by the C parser of datetime.fromisoformat
# (a register holds millions of date-times) once these separators stand where they should;
# it then accepts exactly what _DATETIME does with ASCII digits: a week date (2026-W43-2)
# has no `-` at 7, another separator than ` ` or `T`, a time zone or seconds are refused
# here, and a year not followed by `-` makes the parser fail on the month. The fast path
# (journey.tables_fast) writes the test out inline; is_minute_form is the same test.
MINUTE_FORM = "len(t) == 16 and t[7] == '-' and t[10] in ' T' and t[13] == ':'"


def is_minute_form(t: str) -> bool:
    """True when `t` has the separators of `YYYY-MM-DD HH:MM` (or `…THH:MM`) in place."""
    return len(t) == 16 and t[7] == "-" and t[10] in " T" and t[13] == ":"


_DATES = {
    "date": (date_or_bad, "table.bad_date"),
    "datetime": (datetime_or_bad, "table.bad_datetime"),
}


def is_link(text: str) -> bool:
    """An `https://` address, or a relative path that stays inside its folder (a photo)."""
    if text.startswith("https://"):
        return _URL.fullmatch(text) is not None
    parts = text.replace("\\", "/").split("/")
    return (
        ":" not in text
        and not text.startswith(("/", "\\", "~"))
        and ".." not in parts
        and not any(c in text for c in "\"'<>")
    )
