"""Streaming 600,000 findings rows (3,000 units × 200 points) into aggregates.

Each measurement runs in fresh processes (best of three) so that its peak resident
memory is its own:
the floor (Python's `csv.reader` alone, touching every row) and journey's
`read_findings` (every row checked and folded into the summary, every id remembered
for the duplicate check). Target: within 4× of the floor, peak memory under 300 MiB.

    .venv/bin/python -m benchmarks.bench_findings
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNITS = 3_000
PER_UNIT = 200
TOWERS = 12
AS_OF = dt.date(2026, 10, 20)
STATUSES = ("verified",) * 6 + ("open", "rectified", "reopened", "disputed")
ROOMS = ("living", "kitchen", "bath", "bedroom", "balcony", "hall")
CONTRACTORS = ("Zhongjian No.3", "Huaxin Decoration", "Jinghua Windows", "Anda MEP", "")


def generate(path: Path, items: list[str]) -> int:
    """Write UNITS × PER_UNIT rows; return the file size in bytes."""
    rng = random.Random(2026)
    per_tower = UNITS // TOWERS
    start = dt.date(2026, 6, 1).toordinal()
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("id,item,building,unit,room,status,found,due,closed,contractor,note\n")
        for u in range(UNITS):
            tower = f"T{u // per_tower + 1}"
            unit = f"{(u % per_tower) // 8 + 2}{u % 8 + 1:02d}"
            lines = []
            for k in range(PER_UNIT):
                found = dt.date.fromordinal(start + rng.randrange(140))
                status = rng.choice(STATUSES)
                closed = (found + dt.timedelta(days=rng.randrange(1, 20))).isoformat()
                lines.append(
                    f"F{u:04d}-{k:03d},{rng.choice(items)},{tower},{unit},{rng.choice(ROOMS)},"
                    f"{status},{found.isoformat()},,{closed if status == 'verified' else ''},"
                    f"{rng.choice(CONTRACTORS)},\n"
                )
            out.write("".join(lines))
    return path.stat().st_size


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure_floor(path: Path) -> dict[str, float]:
    """Read every row with csv.reader and do nothing else."""
    import csv

    begin = time.perf_counter()
    rows = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _row in csv.reader(handle):
            rows += 1
    return {"seconds": time.perf_counter() - begin, "rows": rows - 1, "peak_mib": _peak_mib()}


def measure_journey(path: Path) -> dict[str, float]:
    """read_findings on the file, against the bundled catalog's checklist items."""
    from journey.catalog import load_catalog
    from journey.findings import read_findings

    catalog = load_catalog()
    towers = [f"T{n}" for n in range(1, TOWERS + 1)]
    begin = time.perf_counter()
    summary, problems = read_findings([path], catalog.check_items, towers, AS_OF)
    seconds = time.perf_counter() - begin
    assert not problems, problems[:3]
    return {"seconds": seconds, "rows": summary.rows, "peak_mib": _peak_mib()}


def _run(kind: str, path: Path, runs: int = 3) -> dict[str, float]:
    """The fastest of `runs` fresh processes (the machine is shared; the best is the
    least disturbed), with the largest peak memory seen."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_findings", kind, str(path)],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout))
    best: dict[str, float] = min(results, key=lambda r: r["seconds"])
    best["peak_mib"] = max(r["peak_mib"] for r in results)
    return best


def main() -> None:
    from journey.catalog import load_catalog

    items = sorted(i for i in load_catalog().check_items if i.startswith("AC-"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "findings.csv"
        size = generate(path, items)
        floor = _run("--floor", path)
        ours = _run("--journey", path)
    rows = int(ours["rows"])
    print(f"findings CSV: {rows:,} rows, {size / 1e6:.1f} MB")
    print(f"  csv.reader alone:  {floor['seconds']:6.2f} s   peak {floor['peak_mib']:6.1f} MiB")
    print(f"  read_findings:     {ours['seconds']:6.2f} s   peak {ours['peak_mib']:6.1f} MiB")
    print(f"  ratio to the floor: {ours['seconds'] / floor['seconds']:.2f}×")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        measure = measure_floor if sys.argv[1] == "--floor" else measure_journey
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        main()
