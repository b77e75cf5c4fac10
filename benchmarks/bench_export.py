"""Writing the rectification list of 600,000 findings, as CSV files and as a workbook.

The list streams: the findings are read a second time and every row not verified goes
straight to its contractor's sheet (a CSV file, or openpyxl's write-only worksheet), so
memory must stay where loading the project left it. Each measurement runs in a fresh
process:

- the baseline: the project loaded (the gate's own pass over the findings);
- `export rectification --format csv` and `export rectification` (xlsx), each after
  the same load: the seconds the export adds and its peak memory.

Target: each export's peak within 40 MiB of the baseline's. The seconds are reported,
not judged: the workbook's are openpyxl's (about 3.4 million cells written).

    .venv/bin/python -m benchmarks.bench_export [--quick]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from benchmarks._timing import best_of, measure_or_main, peak_mib, verdict
from benchmarks.bench_findings import TOWERS, generate

AS_OF = dt.date(2026, 10, 20)
PROJECT = """kind: project
id: bench
name: Bench
positioning: whole-process
stage: pre-delivery
buildings: [{towers}]
milestones: {{sales_launch: 2025-03-01, open_day: 2026-10-24, delivery: 2026-12-26}}
findings: [findings.csv]
"""


def measure(kind: str, folder: Path) -> dict[str, float]:
    """Load the project, then (for csv and xlsx) export its rectification list."""
    from journey.catalog import load_catalog
    from journey.exporting import export
    from journey.project import load_project

    begin = time.perf_counter()
    project = load_project(folder, load_catalog(), AS_OF)
    loaded = time.perf_counter()
    rows = 0
    if kind != "load":
        target = folder / ("list.xlsx" if kind == "xlsx" else "lists")
        written = export("rectification", project, target, fmt=kind)
        rows = sum(written.rows[1:])
    return {
        "load": loaded - begin,
        "seconds": time.perf_counter() - loaded,
        "rows": rows,
        "peak_mib": peak_mib(),
    }


MEASURES = {f"--{kind}": partial(measure, kind) for kind in ("load", "csv", "xlsx")}


def _run(kind: str, folder: Path) -> dict[str, float]:
    return best_of("benchmarks.bench_export", f"--{kind}", str(folder))


def main() -> None:
    from journey.catalog import load_catalog

    rows = 60_000 if "--quick" in sys.argv else 600_000
    items = sorted(i for i in load_catalog().check_items if i.startswith("AC-"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        towers = ", ".join(f"T{n}" for n in range(1, TOWERS + 1))
        (folder / "project.yaml").write_text(PROJECT.format(towers=towers), encoding="utf-8")
        size = generate(folder / "findings.csv", rows, items)
        base = _run("load", folder)
        print(f"project with {rows:,} findings ({size / 1e6:.1f} MB)")
        print(
            f"  loaded (the gate's pass): {base['load']:6.2f} s  peak {base['peak_mib']:6.1f} MiB"
        )
        for kind in ("csv", "xlsx"):
            found = _run(kind, folder)
            above = found["peak_mib"] - base["peak_mib"]
            print(
                f"  export {kind:4}: {int(found['rows']):,} rows in {found['seconds']:6.2f} s  "
                f"peak {found['peak_mib']:6.1f} MiB, {above:+.1f} MiB (≤ 40): {verdict(above <= 40)}"
            )


if __name__ == "__main__":
    measure_or_main(MEASURES, main)
