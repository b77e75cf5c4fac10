"""Reading `.xlsx` findings: a real 1,000,000-row workbook, and a small hostile one.

- A findings workbook of 1,000,000 rows (17 columns, dates as date cells, as Excel
  saves them with shared strings), generated once into a temporary folder with
  openpyxl's write-only mode, read by `read_findings` in a fresh process: time and peak
  memory, against openpyxl alone iterating the same sheet (the floor).
- A workbook of some 100 KB whose sheet holds 20,000,000 empty rows (120 MB of XML once
  inflated): the table reader must refuse it at once, before inflating it.

    .venv/bin/python -m benchmarks.bench_xlsx [--rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
import zipfile
from pathlib import Path

from benchmarks._timing import best_of, measure_or_main, peak_mib

AS_OF = dt.date(2026, 10, 20)
TOWERS = [f"T{n}" for n in range(1, 13)]
STATUSES = ("verified",) * 6 + ("open", "rectified", "reopened", "disputed")


def generate(path: Path, rows: int, items: list[str]) -> int:
    """A findings workbook of `rows` rows; its size in bytes."""
    import openpyxl

    rng = random.Random(2026)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("问题清单")
    sheet.append(["id", "item", "building", "unit", "room", "status", "found", "due", "closed",
                  "contractor", "note", "severity"])  # fmt: skip
    start = dt.datetime(2026, 6, 1)
    for n in range(rows):
        found = start + dt.timedelta(days=rng.randrange(120))
        status = rng.choice(STATUSES)
        closed = found + dt.timedelta(days=rng.randrange(1, 20)) if status == "verified" else None
        sheet.append([
            f"F{n:07d}", rng.choice(items), rng.choice(TOWERS), f"{rng.randrange(2, 32)}0{rng.randrange(1, 8)}",
            "厨房", status, found, found + dt.timedelta(days=14), closed, "中建三局", None, "minor",
        ])  # fmt: skip
    book.save(path)
    return path.stat().st_size


def bomb(path: Path, good: Path) -> int:
    """`good` with 20,000,000 empty rows added to its sheet; its size in bytes."""
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if not info.filename.startswith("xl/worksheets/"):
                new.writestr(info.filename, data)
                continue
            head, tail = data.split(b"</sheetData>", 1)
            with new.open(info.filename, "w", force_zip64=True) as out:  # streamed: this
                out.write(head)  # process stays small, so its children's peaks are theirs
                for _ in range(20):
                    out.write(b"<row/>" * 1_000_000)
                out.write(b"</sheetData>" + tail)
    return path.stat().st_size


def measure_floor(path: Path) -> dict[str, float]:
    """openpyxl alone, read-only, every row's values."""
    import openpyxl

    begin = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    return {"seconds": time.perf_counter() - begin, "rows": rows - 1, "peak_mib": peak_mib()}


def measure_journey(path: Path) -> dict[str, float]:
    """read_findings on the workbook (every row checked and folded)."""
    from journey.catalog import load_catalog
    from journey.findings import read_findings

    catalog = load_catalog()
    begin = time.perf_counter()
    summary, problems = read_findings([path], catalog.check_items, TOWERS, AS_OF)
    seconds = time.perf_counter() - begin
    errors = [p for p in problems if p.is_error]
    return {
        "seconds": seconds,
        "rows": summary.rows,
        "problems": len(errors),
        "peak_mib": peak_mib(),
    }


MEASURES = {"--floor": measure_floor, "--journey": measure_journey}


def _run(kind: str, path: Path) -> dict[str, float]:
    return best_of("benchmarks.bench_xlsx", kind, str(path))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    from journey.catalog import load_catalog

    items = sorted(i for i in load_catalog().check_items if i.startswith("AC-"))
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "findings.xlsx"
        begin = time.perf_counter()
        size = generate(book, args.rows, items)
        made = time.perf_counter() - begin
        floor = _run("--floor", book)
        ours = _run("--journey", book)
        print(
            f"findings workbook: {args.rows:,} rows, {size / 1e6:.1f} MB (written in {made:.0f} s)"
        )
        print(f"  openpyxl alone:  {floor['seconds']:6.1f} s  peak {floor['peak_mib']:6.1f} MiB")
        print(f"  read_findings:   {ours['seconds']:6.1f} s  peak {ours['peak_mib']:6.1f} MiB")
        print(f"  ratio to openpyxl alone: {ours['seconds'] / floor['seconds']:.2f}×")
        small = Path(tmp) / "small.xlsx"
        generate(small, 10, items)
        hostile = Path(tmp) / "bomb.xlsx"
        bomb_size = bomb(hostile, small)
        refused = _run("--journey", hostile)
        print(
            f"20,000,000 empty rows in a {bomb_size / 1e3:.0f} KB workbook: refused in "
            f"{refused['seconds']:.2f} s, peak {refused['peak_mib']:.1f} MiB "
            f"({int(refused['problems'])} problem)"
        )


if __name__ == "__main__":
    measure_or_main(MEASURES, main)
