"""Streaming findings rows into aggregates: 600,000 and 6,000,000 rows (SPEC §9).

Each measurement runs in fresh processes (best of three for time, the largest peak
memory seen) so that its peak resident memory is its own:

- the floor: Python's `csv.reader` alone, touching every row;
- the baseline: journey with the bundled catalog loaded and an empty findings file;
- journey's `read_findings`: every row checked and folded into the aggregates, every id
  remembered for the duplicate check.

Targets: 6,000,000 rows within 3× the floor and under 300 MiB peak; 600,000 rows within
60 MiB of the baseline. The files are generated into a temporary folder, streamed.

    .venv/bin/python -m benchmarks.bench_findings [--quick]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._timing import best_of, measure_or_main, peak_mib, verdict

TOWERS = 12
PER_UNIT = 200
AS_OF = dt.date(2026, 10, 20)
STATUSES = ("verified",) * 6 + ("open", "rectified", "reopened", "disputed")
ROOMS = ("客厅", "厨房", "主卫", "主卧", "次卧", "阳台", "玄关")
CONTRACTORS = ("中建三局", "华鑫装饰", "精华门窗", "安达机电", "")
SEVERITIES = ("minor", "minor", "minor", "major", "critical", "")
HEADER = "id,item,building,unit,room,status,found,due,closed,contractor,note,severity\n"


def generate(path: Path, rows: int, items: list[str]) -> int:
    """Write `rows` findings (200 a home, 12 towers); return the file size in bytes."""
    rng = random.Random(2026)
    units = rows // PER_UNIT
    per_tower = max(units // TOWERS, 1)
    start = dt.date(2026, 6, 1).toordinal()
    days = [dt.date.fromordinal(start + d).isoformat() for d in range(160)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for u in range(units):
            tower = f"T{min(u // per_tower, TOWERS - 1) + 1}"
            unit = f"{(u % per_tower) // 8 + 2}{u % 8 + 1:02d}"
            lines = []
            for k in range(PER_UNIT):
                found = rng.randrange(140)
                status = rng.choice(STATUSES)
                closed = days[found + rng.randrange(1, 20)] if status == "verified" else ""
                due = days[found + 14] if k % 3 else ""
                lines.append(
                    f"F{u:06d}-{k:03d},{rng.choice(items)},{tower},{unit},{rng.choice(ROOMS)},"
                    f"{status},{days[found]},{due},{closed},{rng.choice(CONTRACTORS)},,"
                    f"{rng.choice(SEVERITIES)}\n"
                )
            out.write("".join(lines))
    return path.stat().st_size


def measure_floor(path: Path) -> dict[str, float]:
    """Read every row with csv.reader and do nothing else."""
    import csv

    begin = time.perf_counter()
    rows = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _row in csv.reader(handle):
            rows += 1
    return {"seconds": time.perf_counter() - begin, "rows": rows - 1, "peak_mib": peak_mib()}


def measure_journey(path: Path) -> dict[str, float]:
    """read_findings on the file, against the bundled catalog's checklist items."""
    from journey.catalog import load_catalog
    from journey.findings import read_findings

    catalog = load_catalog()
    towers = [f"T{n}" for n in range(1, TOWERS + 1)]
    blocking = [i for i, item in catalog.check_items.items() if item.blocking]
    begin = time.perf_counter()
    summary, problems = read_findings([path], catalog.check_items, towers, AS_OF, blocking=blocking)
    seconds = time.perf_counter() - begin
    assert not [p for p in problems if p.is_error], problems[:3]
    return {"seconds": seconds, "rows": summary.rows, "peak_mib": peak_mib()}


MEASURES = {"--floor": measure_floor, "--journey": measure_journey}


def _run(kind: str, path: Path, runs: int = 3) -> dict[str, float]:
    return best_of("benchmarks.bench_findings", kind, str(path), runs=runs)


def main() -> None:
    from journey.catalog import load_catalog

    quick = "--quick" in sys.argv
    items = sorted(i for i in load_catalog().check_items if i.startswith("AC-"))
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.csv"
        empty.write_text(HEADER, encoding="utf-8")
        baseline = _run("--journey", empty, runs=1)["peak_mib"]
        print(f"baseline (catalog loaded, empty findings file): peak {baseline:.1f} MiB")
        for rows in (600_000,) if quick else (600_000, 6_000_000):
            path = Path(tmp) / f"findings-{rows}.csv"
            size = generate(path, rows, items)
            floor = _run("--floor", path)
            ours = _run("--journey", path, runs=3 if rows < 1_000_000 else 2)
            ratio = ours["seconds"] / floor["seconds"]
            print(f"findings CSV: {int(ours['rows']):,} rows, {size / 1e6:.1f} MB")
            print(
                f"  csv.reader alone: {floor['seconds']:6.2f} s  peak {floor['peak_mib']:6.1f} MiB"
            )
            print(f"  read_findings:    {ours['seconds']:6.2f} s  peak {ours['peak_mib']:6.1f} MiB")
            if rows < 1_000_000:
                above = ours["peak_mib"] - baseline
                print(f"  {above:.1f} MiB above the baseline (≤ 60): {verdict(above <= 60)}")
                print(f"  ratio to the floor: {ratio:.2f}×")
            else:
                print(f"  ratio to the floor: {ratio:.2f}× (≤ 3): {verdict(ratio <= 3)}")
                peak = ours["peak_mib"]
                print(f"  peak {peak:.1f} MiB (≤ 300): {verdict(peak <= 300)}")
            path.unlink()


if __name__ == "__main__":
    measure_or_main(MEASURES, main)
