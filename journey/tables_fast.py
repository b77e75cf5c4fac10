"""The fast path of the table reader: a row loop compiled for one schema and one header.

A general loop over columns (a `map` of converters, a tuple per row) costs more than
splitting the line; a loop written out for the exact columns of a file runs at about
the speed of `csv.reader` itself. So, as `collections.namedtuple` and `dataclasses` do,
the loop is written as source text from the schema and compiled once per file. Its
source holds only positions and generated names; every value it needs (caches, the
header width, the sink) is passed in, never pasted into the text.

The loop takes a row only when every typed cell is a text already seen and checked
(a dictionary look-up), every required cell is filled and the line is clean; anything
else goes to `slow`, the reference check in journey.tables, which reports what is
wrong or folds the row — so both paths agree on every row.

Two loops come from the same body: one over the lines of a CSV file (split on commas;
a line that holds a quote, or a refused character, goes to `special`, which reads it as
csv.reader would), one over rows already split (xlsx).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from journey.tables import BATCH, ID_BUCKETS
from journey.tables_cells import BAD, MINUTE_FORM, before, datetime_or_bad

if TYPE_CHECKING:
    from journey.tables import Schema
    from journey.tables_cells import Cells


class Loops(NamedTuple):
    """`csv(blocks, sink, slow, ids, special, line) -> rows folded` over the
    `(lines, clean)` blocks of journey.tables_csv (`line`: the header's line, `special`
    a journey.tables_csv.Quoted), and `rows(rows, sink, slow, ids) -> rows folded` over
    `(row, cells, clean)` triples."""

    csv: Callable[..., int]
    rows: Callable[..., int]


def compile_fast(
    schema: Schema,
    take: Sequence[str],
    where: Mapping[str, int],
    checker: Cells,
    *,
    cells: bool = False,
) -> Loops:
    """The row loops for a file whose header puts column `name` at `where[name]`; with
    `cells`, each row's tuple ends with its list of cells."""
    ns: dict[str, Any] = {"before": before, "WHERE": dict(where)}
    body, tests, var = _body(schema, take, where, checker, ns)
    need = max(where.values(), default=-1) + 1
    to_slow = [
        "            r = slow(at, c, WHERE)",
        "            if r is not None:",
        "                add(r)",
        "            continue",
    ]
    used = set(where.values())
    cells_as = ", ".join(f"x{i}" if i in used else "_" for i in range(need)) + ","
    check = [
        # the cells the schema reads, as local names: one unpacking instead of an index each
        f"        if len(c) == {need}:",
        f"            {cells_as} = c",
        f"        elif len(c) > {need}:",
        f"            {cells_as} = c[:{need}]",
        "        else:",
        *("    " + statement for statement in to_slow),
        # a text not seen before (KeyError from a cache) sends the row to `slow`
        "        try:",
        *(f"            {statement}" for statement in body),
        "        except KeyError:",
        *("    " + statement for statement in to_slow),
    ]
    if not any(col.required for col in schema.columns):
        # nothing else tells a row of empty cells (which `slow` skips) from a row
        tests.append('not "".join(c).strip()')
    if tests:
        check += [
            f"        if {' or '.join(tests)}:",
            *to_slow,
        ]
    for v in [var[c.name] for c in schema.columns if c.type == "id"]:
        # journey.tables._IdHashes.add, written out: one hash into its bucket
        check += [f"        h = hash({v})", f"        ids[h & {ID_BUCKETS - 1}].append(h)"]
    check += [
        f"        add((at{''.join(', ' + var[name] for name in take)}{', c' if cells else ''}))",
    ]
    flush = [
        "        if len(batch) >= BATCH:",
        "            n += len(batch)",
        "            sink(batch)",
        "            batch.clear()",
    ]
    start = ["    n = 0", "    batch = []", "    add = batch.append"]
    end = ["    sink(batch)", "    return n + len(batch)"]
    ns["BATCH"] = BATCH
    source = "\n".join(
        [
            "def rows(rows, sink, slow, ids):",
            *start,
            "    for at, c, clean in rows:",
            "        if not clean:",
            *to_slow,
            *check,
            *flush,
            *end,
            "",
            "def csv(blocks, sink, slow, ids, special, line):",
            *start,
            "    for lines, clean in blocks:",
            "        more = iter(lines)",
            "        for text in more:",
            "            line += 1",  # an empty line splits into one empty cell: `slow` skips it
            "            if '\"' in text or not (clean or text.isprintable()):",
            "                line, at, c = special(text, line, more)",
            "                if c is None:",
            "                    continue",
            "                if at < 0:",
            "                    at = -at",
            *("    " + statement for statement in to_slow),
            "            else:",
            '                c = text.split(",")',
            "                at = line",
            *("    " + statement for statement in check),
            *("    " + statement for statement in flush),
            *end,
        ]
    )
    exec(compile(source, f"<table reader for {schema.name}>", "exec"), ns)
    return Loops(ns["csv"], ns["rows"])


def _body(
    schema: Schema,
    take: Sequence[str],
    where: Mapping[str, int],
    checker: Cells,
    ns: dict[str, Any],
) -> tuple[list[str], list[str], dict[str, str]]:
    """The statements that type each cell (a KeyError for a text the fast path does not
    know), the tests that send a row to `slow`, and each column's variable name."""
    body: list[str] = []
    tests: list[str] = []
    var = {col.name: f"v{i}" for i, col in enumerate(schema.columns)}
    for i, col in enumerate(schema.columns):
        v, at = var[col.name], where.get(col.name)
        if at is None:  # not in this file: its value is that of an empty cell
            var[col.name] = '""' if col.type in ("text", "id") else "None"
            continue
        if col.type in ("text", "id"):
            if col.name in take or col.type == "id" or col.required:
                body.append(f"{v} = x{at}.strip()")
                if col.required:
                    tests.append(f"not {v}")
        elif col.type == "datetime":
            # journey.tables_cells.datetime_or_bad, its common case written out: the C
            # parser reads `YYYY-MM-DD HH:MM` once its separators are seen in place
            other = "datetime_required" if col.required else "datetime_known"
            ns.update({"from_iso": dt.datetime.fromisoformat, other: _KNOWN[other]})
            body += [
                f"t = x{at}",
                "try:",
                f"    {v} = from_iso(t) if {MINUTE_FORM} else {other}(t)",
                "except ValueError:",
                f"    {v} = {other}(t)",
            ]
        else:
            # the column's cache holds every good text seen (and "" when it may be empty)
            ns[f"G{i}"] = checker.caches[col.name]
            body.append(f"{v} = G{i}[x{at}]")
    for earlier, later in schema.order:
        a, b = var[earlier], var[later]
        first, second = schema.column(earlier), schema.column(later)
        compare = _before(b, a, second.type, first.type)
        guards = [f"{x} is not None" for x, c in ((a, first), (b, second)) if not c.required]
        tests.append("(" + " and ".join([*guards, compare]) + ")")
    return body, tests, var


def _datetime_known(text: str) -> Any:
    """A date-time cell's value (None when empty), or KeyError for a bad one."""
    value = datetime_or_bad(text)
    if value is BAD:
        raise KeyError(text)
    return value


def _datetime_required(text: str) -> Any:
    """A required date-time cell's value, or KeyError for a bad or empty one."""
    value = datetime_or_bad(text)
    if value is BAD or value is None:
        raise KeyError(text)
    return value


_KNOWN = {"datetime_known": _datetime_known, "datetime_required": _datetime_required}


def _before(later: str, earlier: str, later_type: str, earlier_type: str) -> str:
    """The test that `later` falls before `earlier`, written for their types: a date meeting
    a date-time compares by day (as journey.tables_cells.before does)."""
    if later_type == earlier_type:
        return f"{later} < {earlier}"
    if later_type == "date" and earlier_type == "datetime":
        return f"{later} < {earlier}.date()"
    if later_type == "datetime" and earlier_type == "date":
        return f"{later}.date() < {earlier}"
    return f"before({later}, {earlier})"
