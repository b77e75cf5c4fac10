"""`journey gate delivery` as a whole process on a project with many findings rows.

Generates a project against the bundled catalog (3,000 units × 200 findings: 600,000
rows by default; `--rows N` for another size)
and times, each in a fresh process so that peak memory is its own: the floor (Python's
`csv.reader` alone over the findings file) and `journey gate delivery` writing every
output format at once. Target: within 4× of the floor, peak memory under 300 MiB.

    .venv/bin/python -m benchmarks.bench_gate [--rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._timing import journey

PER_UNIT = 200
TOWERS = 12
AS_OF = "2026-12-20"
STATUSES = ("verified",) * 7 + ("open", "rectified", "reopened", "disputed")
ROOMS = ("living", "kitchen", "bath", "bedroom", "balcony", "hall")
CONTRACTORS = ("Zhongjian No.3", "Huaxin Decoration", "Jinghua Windows", "Anda MEP")

PROJECT = """\
kind: project
id: bench
name: {{en: Benchmark Towers, zh: 基准测试项目}}
positioning: whole-process
units: {units}
buildings: [{towers}]
milestones:
  sales_launch: 2026-03-18
  open_day: 2026-10-24
  delivery: 2026-12-26
stage: pre-delivery
risks:
  RD-001: {{status: mitigating, assignee: Li Wei, due: 2026-12-01}}
checks:
  OD-001: pass
findings: [findings.csv]
"""


def generate(folder: Path, items: list[str], rows: int) -> int:
    """Write project.yaml and `rows` findings (200 per unit); return the CSV size in bytes."""
    units = max(1, rows // PER_UNIT)
    towers = ", ".join(f"T{n}" for n in range(1, TOWERS + 1))
    (folder / "project.yaml").write_text(PROJECT.format(units=units, towers=towers), "utf-8")
    rng = random.Random(2026)
    start = dt.date(2026, 9, 1).toordinal()
    path = folder / "findings.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("id,item,building,unit,room,status,found,due,closed,contractor,note\n")
        for n in range(rows):
            u = n // PER_UNIT
            found = dt.date.fromordinal(start + rng.randrange(100))
            status = rng.choice(STATUSES)
            closed = found + dt.timedelta(days=rng.randrange(1, 10))
            out.write(
                f"F{n:07d},{rng.choice(items)},T{u % TOWERS + 1},{u // TOWERS + 101},"
                f"{rng.choice(ROOMS)},{status},{found},,"
                f"{closed if status == 'verified' else ''},{rng.choice(CONTRACTORS)},\n"
            )
    return path.stat().st_size


def floor(path: Path) -> None:
    """Read every row with csv.reader and do nothing else (run in a child process)."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        for _row in csv.reader(handle):
            pass


def measure(argv: list[str]) -> dict[str, float]:
    """Wall time and peak resident memory of one child process."""
    code = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], capture_output=True).returncode\n"
        "s = time.perf_counter() - t\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'seconds': s, 'peak_kib': peak, 'rc': rc}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    result["peak_mib"] = result.pop("peak_kib") / divisor
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=600_000)
    args = parser.parse_args(argv)
    from journey.catalog import load_catalog

    items = sorted(i for i in load_catalog().check_items if i.startswith("AC-"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        begin = time.perf_counter()
        size = generate(folder, items, args.rows)
        made = time.perf_counter() - begin
        csv_floor = measure([sys.executable, "-m", "benchmarks.bench_gate", "--floor", tmp])
        outputs = [f"{f}:{folder / ('r.' + f)}" for f in ("json", "junit", "sarif", "markdown")]
        gate = journey(
            "--as-of", AS_OF, "gate", "delivery", "--project", tmp, "--soft-fail", "-o", "text"
        )
        for spec in outputs:
            gate += ["-o", spec]
        ours = measure(gate)
        verdict = json.loads((folder / "r.json").read_text("utf-8"))["verdict"]
    assert ours["rc"] == 0, "journey gate did not complete"
    print(f"project: {args.rows:,} findings rows, {size / 1e6:.1f} MB (generated in {made:.1f} s)")
    print(
        f"  csv.reader alone:                 {csv_floor['seconds']:6.2f} s  "
        f"peak {csv_floor['peak_mib']:6.1f} MiB"
    )
    print(
        f"  journey gate delivery (5 formats): {ours['seconds']:6.2f} s  "
        f"peak {ours['peak_mib']:6.1f} MiB  verdict {verdict}"
    )
    print(f"  ratio to the floor: {ours['seconds'] / csv_floor['seconds']:.2f}×")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--floor":
        floor(Path(sys.argv[2]) / "findings.csv")
    else:
        main()
