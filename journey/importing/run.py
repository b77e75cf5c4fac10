"""`journey import` (SPEC §10): inspection-system exports in, the project's findings out.

Every source row ends in exactly one place: a line of the findings CSV, or a row of the
rejects file beside it. The findings are sorted by id, so that the same export (in
whatever row order the system wrote it) gives the same bytes, and a changed row changes
its one line. They are sorted without holding them: the external sort of
journey.importing.sorting spills sorted runs to a temporary folder past a few MiB and
merges them back as the file is written. A duplicate id sorts next to its first use:
the first row in source order keeps it, the later ones are rejected — their cells are
read again in a second pass, only when there are any, so nothing per row is kept.

The findings and the rejects are written together (journey.writing.files_together):
both or neither, never over an input.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from journey.catalog import shown_path
from journey.chars import printable
from journey.errors import InvalidInput, OutputError
from journey.findings import ALL_COLUMNS
from journey.importing.mapper import Mapper
from journey.importing.rejects import Layout
from journey.importing.rows import Finding, Reason, RowMapper, source_columns
from journey.importing.sorting import Sorter
from journey.importing.suggest import suggest_item
from journey.importmap import ImportMapFile
from journey.messages import text
from journey.models import CheckItem
from journey.problems import Place, Problem
from journey.tables import MAX_PROBLEMS_PER_FILE, TableReader, paused_gc
from journey.writing import check_target, files_together

US = "\x1f"  # between the fields of a spilled record; refused in every cell
TOP_UNMATCHED = 10
UNMATCHED_LIMIT = 10_000  # distinct unmatched texts counted


@dataclass
class ImportResult:
    """What an import read and wrote, for its summary."""

    output: Path
    rejects: Path
    files: list[str]
    read: int = 0
    imported: int = 0
    rejected: Counter[str] = field(default_factory=Counter)  # by reason code
    unmatched: list[tuple[str, int, str | None]] = field(default_factory=list)  # text, rows, item
    warnings: list[Problem] = field(default_factory=list)


def rejects_path(output: Path) -> Path:
    """Where the rejects of an import written to `output` (a .csv file) go."""
    return output.with_name(output.name[: -len(".csv")] + ".rejects.csv")


def import_findings(
    sources: Sequence[Path],
    model: ImportMapFile,
    check_items: Mapping[str, CheckItem],
    buildings: Sequence[str],
    output: Path,
    *,
    lang: str = "en",
    strict: bool = False,
    protected: Iterable[Path] = (),
) -> ImportResult:
    """Import `sources` with the map `model` into the findings CSV `output` and its
    rejects file; raise InvalidInput when a source cannot be read (or, with `strict`,
    when any row is rejected) — and then nothing is written."""
    shield = [*protected, *sources]
    for target in (output, rejects_path(output)):  # before the reading, not after it
        check_target(target, shield)
    run = _Run(model, check_items, buildings, lang, sources)
    try:
        with paused_gc(), run.findings, run.rejects, run.dups:  # rows make no cycles
            run.read()
            run.write(output, shield, strict)
    except OSError as exc:  # a temporary run could not be written (a full disk …)
        raise OutputError("report.write_failed", path=str(output), reason=str(exc)) from exc
    return run.result(output)


class _Run:
    """One import: the reading pass, the merge that writes, the rejects."""

    def __init__(
        self,
        model: ImportMapFile,
        check_items: Mapping[str, CheckItem],
        buildings: Sequence[str],
        lang: str,
        sources: Sequence[Path],
    ) -> None:
        self.model = model
        self.items = check_items
        self.lang = lang
        self.sources = list(sources)
        self.columns = source_columns(model)
        self.rows = RowMapper(model, self.columns, Mapper(model, buildings))
        self.findings, self.rejects, self.dups = Sorter(), Sorter(), Sorter()
        self.layout = Layout()
        self.labels: list[str] = []  # per file: `name:` or `name:sheet!`, before the row
        self.shown = [shown_path(p) for p in self.sources]
        self.sheets: list[str] = []
        self.rejected: Counter[str] = Counter()
        self.unmatched: Counter[str] = Counter()
        self.read_rows = 0
        self.imported = 0
        self.warnings: list[Problem] = []
        self.file = 0

    # Reading -------------------------------------------------------------------------

    def _reader(self, sink: Callable[[list[tuple[Any, ...]]], None]) -> TableReader:
        model = self.model
        schema, take = self.columns.schema, self.columns.take
        return TableReader(schema, take, sink, model.sheet, model.header_row, cells=True)

    def read(self) -> None:
        """Read every source, each row into the findings or the rejects; raise
        InvalidInput when any source has an error."""
        reader = self.reader = self._reader(self._fold)
        for index, path in enumerate(self.sources):
            self.file = index
            reader.read(path, self.shown[index])
            if len(self.labels) == index:  # no row reached the sink
                self._begin()
        problems = reader.finish()
        if any(p.is_error for p in problems):
            raise InvalidInput(problems)
        self.warnings = problems
        self.read_rows = reader.rows

    def _begin(self) -> None:
        """The file being read, once its header is known: its label and its columns."""
        entry = self.reader.current
        name = printable(entry.path.name)
        self.labels.append(f"{name}:{entry.sheet}!" if entry.sheet else f"{name}:")
        self.sheets.append(entry.sheet)
        self.layout.add_file(entry.header)

    def _fold(self, rows: list[tuple[Any, ...]]) -> None:
        if len(self.labels) == self.file:
            self._begin()
        label, file, mapped = self.labels[self.file], self.file, self.rows.map
        add = self.findings.add
        for row in rows:
            line = row[0]
            made = mapped(row, f"{label}{line}")
            pos = f"{file:04x}{line:010x}"
            if isinstance(made, Finding):
                add(f"{made.id}\x00{pos}", made.line)
            else:
                self._reject(pos, made, row[-1])

    def _reject(self, pos: str, reasons: list[Reason], cells: list[str]) -> None:
        code = reasons[0][0]
        self.rejected[code] += 1
        for reason, params in reasons:
            if reason == "no_item":
                shown = str(params["category"] or params["description"])
                if shown in self.unmatched or len(self.unmatched) < UNMATCHED_LIMIT:
                    self.unmatched[shown] += 1
        said = "; ".join(text(f"import.reject.{c}", self.lang, **p) for c, p in reasons)
        file = int(pos[:4], 16)
        self.layout.widen(file, len(cells))
        self.rejects.add(pos, f"{code}{US}{said}{US}{US.join(cells)}\n")

    # Writing -------------------------------------------------------------------------

    def write(self, output: Path, protected: list[Path], strict: bool) -> None:
        """Write the findings, sorted, and the rejects, in source order — both or neither."""
        with files_together([output, rejects_path(output)], protected) as (out, rejected):
            out.write(",".join(ALL_COLUMNS) + "\n")
            self._write_findings(out)
            if self.dups.count:
                self._second_pass()
            if strict and self.rejects.count:
                raise InvalidInput(list(self._problems()))
            self._write_rejects(rejected)
        accounted = self.imported + sum(self.rejected.values())
        assert accounted == self.read_rows, (self.read_rows, accounted)

    def _write_findings(self, out: TextIO) -> None:
        previous, first, written = None, "", 0
        for key, line in self.findings:
            fid, pos = key[:-15], key[-14:]
            if fid == previous:  # a later use of an id: rejected in the second pass
                self.dups.add(pos, f"{first}{US}{fid}\n")
                continue
            previous, first = fid, pos
            out.write(line)
            written += 1
        self.imported = written

    def _second_pass(self) -> None:
        """Read the files holding duplicate ids again, rejecting those rows with their cells."""
        pending: Iterator[tuple[str, str]] = iter(self.dups)
        nxt = [next(pending, None)]

        def pick(rows: list[tuple[Any, ...]]) -> None:
            for row in rows:
                pos = f"{self.file:04x}{row[0]:010x}"
                now = nxt[0]
                if now is not None and now[0] == pos:
                    first, fid = now[1].rstrip("\n").split(US)
                    other = f"{self.labels[int(first[:4], 16)]}{int(first[4:], 16)}"
                    self._reject(pos, [("duplicate_id", {"value": fid, "other": other})], row[-1])
                    nxt[0] = next(pending, None)

        reader = self._reader(pick)
        for index, path in enumerate(self.sources):
            now = nxt[0]
            if now is not None and int(now[0][:4], 16) == index:
                self.file = index
                reader.read(path, self.shown[index])
        if nxt[0] is not None:  # the row is gone: the file changed while it was read
            index = int(nxt[0][0][:4], 16)
            changed = Problem(Place(self.shown[index]), "", "import.changed", {})
            raise InvalidInput([changed])

    def _records(self) -> Iterator[tuple[int, int, str, str, list[str]]]:
        """The rejects in source order: file, row, code, reason and cells."""
        for pos, record in self.rejects:
            code, said, *cells = record.rstrip("\n").split(US)
            yield int(pos[:4], 16), int(pos[4:], 16), code, said, cells

    def _write_rejects(self, out: TextIO) -> None:
        out.write("\ufeff")  # Excel opens UTF-8 with a BOM as UTF-8: Chinese reads right
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["source", "reason", "reason_text", *self.layout.names])
        for file, line, code, said, cells in self._records():
            writer.writerow(
                [f"{self.labels[file]}{line}", code, said, *self.layout.row(file, cells)]
            )

    def _problems(self) -> Iterator[Problem]:
        """The rejects as errors (with --strict), capped per file as the reader caps."""
        shown: Counter[int] = Counter()
        for file, line, _code, said, _cells in self._records():
            shown[file] += 1
            if shown[file] <= MAX_PROBLEMS_PER_FILE:
                sheet_row = f"{self.sheets[file]}!{line}" if self.sheets[file] else ""
                place = Place(self.shown[file], line, 0)
                yield Problem(place, "", "import.rejected", {"reason": said}, sheet_row=sheet_row)
        for file, count in sorted(shown.items()):
            if count > MAX_PROBLEMS_PER_FILE:
                hidden = count - MAX_PROBLEMS_PER_FILE
                yield Problem(Place(self.shown[file]), "", "table.more", {"count": hidden})

    def result(self, output: Path) -> ImportResult:
        """The counts and the most frequent unmatched categories, with a suggested item."""
        top = [
            (shown, count, suggest_item(shown, self.items))
            for shown, count in sorted(self.unmatched.items(), key=lambda kv: (-kv[1], kv[0]))[
                :TOP_UNMATCHED
            ]
        ]
        return ImportResult(
            output=output,
            rejects=rejects_path(output),
            files=self.shown,
            read=self.read_rows,
            imported=self.imported,
            rejected=self.rejected,
            unmatched=top,
            warnings=self.warnings,
        )


__all__ = ["ImportResult", "import_findings", "rejects_path"]
