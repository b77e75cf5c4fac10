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

from journey.tables import BATCH
from journey.tables_cells import BAD, CLOCKS, DAYS, before, datetime_or_bad

combine = dt.datetime.combine

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
    ns: dict[str, Any] = {"BAD": BAD, "before": before, "WHERE": dict(where)}
    body, tests, var = _body(schema, take, where, checker, ns)
    need = max(where.values(), default=-1) + 1
    to_slow = [
        "            r = slow(at, c, WHERE)",
        "            if r is not None:",
        "                add(r)",
        "                n += 1",
        "            continue",
    ]
    check = [
        f"        if len(c) < {need}:",
        *to_slow,
        *(f"        {statement}" for statement in body),
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
        check += [f"        h = hash({v})", "        ids[h & 255].append(h)"]
    check += [
        f"        add((at{''.join(', ' + var[name] for name in take)}{', c' if cells else ''}))",
        "        n += 1",
        f"        if not n % {BATCH}:",
        "            sink(batch)",
        "            batch.clear()",
    ]
    start = ["    n = 0", "    batch = []", "    add = batch.append"]
    flush = ["    sink(batch)"]
    source = "\n".join(
        [
            "def rows(rows, sink, slow, ids):",
            *start,
            "    for at, c, clean in rows:",
            "        if not clean:",
            *to_slow,
            *check,
            *flush,
            "    return n",
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
            "    sink(batch)",
            "    return n",
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
    """The statements that type each cell, the tests that send a row to `slow`, and
    each column's variable name."""
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
                body.append(f"{v} = c[{at}].strip()")
                if col.required:
                    tests.append(f"not {v}")
        elif col.type == "datetime":
            # journey.tables_cells.datetime_or_bad, its common case written out: a day and a
            # minute already read make the value without a call
            ns.update(DAYS=DAYS, CLOCKS=CLOCKS, combine=combine, datetime_or_bad=datetime_or_bad)
            body += [
                f"t = c[{at}]",
                "d = DAYS.get(t[:10])",
                "k = CLOCKS.get(t[11:])",
                f"{v} = combine(d, k) if d is not None and k is not None and len(t) == 16 "
                "and t[10] in ' T' else datetime_or_bad(t)",
            ]
            tests.append(f"{v} is BAD" + (f" or {v} is None" if col.required else ""))
        else:
            ns[f"g{i}"] = checker.caches[col.name].get
            if col.required:
                body.append(f"{v} = g{i}(c[{at}], BAD)")
            else:  # an empty cell (the common case for due or closed dates) costs no look-up
                body.append(f"{v} = g{i}(c[{at}], BAD) if c[{at}] else None")
            tests.append(f"{v} is BAD")
    for earlier, later in schema.order:
        a, b = var[earlier], var[later]
        first, second = schema.column(earlier), schema.column(later)
        compare = _before(b, a, second.type, first.type)
        guards = [f"{x} is not None" for x, c in ((a, first), (b, second)) if not c.required]
        tests.append("(" + " and ".join([*guards, compare]) + ")")
    return body, tests, var


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
