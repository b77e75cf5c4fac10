"""`journey portfolio` over 1,000 projects of 60,000 findings rows each (SPEC §14).

Generates the portfolio once into a temporary folder, streamed (60 million rows, about
6 GB; nothing is committed), then runs `journey portfolio` three times, each in a fresh
process so that its figures are its own:

1. cold — every project read, one worker process per core. Targets: within 10 minutes
   on a 2-core machine; under 300 MiB peak in each worker (the largest worker's peak
   resident memory, from `getrusage(RUSAGE_CHILDREN)` once the pool has been joined);
2. warm — nothing changed: every project from the cache. Target: within 10 s;
3. one project changed (a row appended to its findings): that project is read again, the
   others come from the cache. Target: within the warm run plus that one project read
   alone (measured too) plus a second of slack.

The floor is `csv.reader` over a sample of the projects' findings files, scaled to the
whole portfolio and divided by the cores: what merely touching every row would take.

    .venv/bin/python -m benchmarks.bench_portfolio [--projects N] [--rows N] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._timing import verdict

AS_OF = "2026-10-20"
TOWERS = 6
VARIANTS = 8  # distinct row bodies; each project uses one, with its own ids
ROOMS = ("客厅", "厨房", "主卫", "主卧", "次卧", "阳台", "玄关")
CONTRACTORS = ("中建三局", "华鑫装饰", "精华门窗", "安达机电", "美居门业", "东方雨虹防水", "")
CATEGORIES = ("墙面空鼓", "渗漏", "门窗", "打胶收口", "实测实量", "色差", "五金洁具", "")
STATUSES = ("verified",) * 7 + ("open", "rectified", "reopened", "disputed")
SEVERITIES = ("minor",) * 6 + ("major", "major", "critical")
HEADER = "id,item,building,unit,room,status,found,due,closed,contractor,category,severity\n"

PROJECT = """\
kind: project
id: {id}
name: {{en: Benchmark Project {n}, zh: 基准项目{n}}}
positioning: whole-process
units: {units}
buildings: [{towers}]
milestones:
  design_freeze: 2024-06-28
  sales_launch: 2025-03-15
  open_day: 2026-10-24
  delivery: 2026-12-26
stage: pre-delivery
risks:
  RD-001: {{status: mitigating, assignee: Li Wei, due: 2026-12-01}}
checks:
  OD-001: pass
findings: [findings.csv]
"""


def bodies(items: list[str], rows: int) -> list[list[str]]:
    """VARIANTS lists of `rows` row texts (all but the id), each drawing its items from a
    different part of the checklists, so that some items recur everywhere and some not."""
    out = []
    start = dt.date(2026, 6, 1).toordinal()
    days = [dt.date.fromordinal(start + d).isoformat() for d in range(160)]
    towers = [f"T{n}" for n in range(1, TOWERS + 1)]
    per_unit = 200
    for v in range(VARIANTS):
        rng = random.Random(f"portfolio-bench/{v}")
        mine = items[: len(items) // 2] + rng.sample(items[len(items) // 2 :], len(items) // 4)
        lines = []
        for n in range(rows):
            u = n // per_unit
            found = rng.randrange(140)
            status = rng.choice(STATUSES)
            closed = days[found + rng.randrange(1, 20)] if status == "verified" else ""
            lines.append(
                f"{rng.choice(mine)},{towers[u % TOWERS]},{u // TOWERS + 101},"
                f"{rng.choice(ROOMS)},{status},{days[found]},{days[found + 14]},{closed},"
                f"{rng.choice(CONTRACTORS)},{rng.choice(CATEGORIES)},{rng.choice(SEVERITIES)}\n"
            )
        out.append(lines)
    return out


def generate(root: Path, projects: int, rows: int) -> int:
    """Write the portfolio under `root`, one project at a time; return its size in bytes."""
    from journey.catalog import load_catalog

    items = sorted(i for i in load_catalog().check_items if i.startswith("AC-"))
    variants = bodies(items, rows)
    towers = ", ".join(f"T{n}" for n in range(1, TOWERS + 1))
    units = max(1, rows // 200)
    size = 0
    for p in range(projects):
        folder = root / f"bench-{p:04d}"
        folder.mkdir()
        pid = f"bench-{p:04d}"
        text = PROJECT.format(id=pid, n=p, units=units, towers=towers)
        (folder / "project.yaml").write_text(text, "utf-8")
        body = variants[p % VARIANTS]
        data = HEADER + "".join([f"P{p:04d}-{n:06d},{line}" for n, line in enumerate(body)])
        (folder / "findings.csv").write_text(data, "utf-8")
        size += len(data.encode("utf-8"))
    return size


def _child(*args: str) -> str:
    """The last line a `python -m benchmarks.bench_portfolio ARGS` process prints. Work
    that grows memory runs in such children, so that this process stays small: a child's
    peak resident memory starts from its parent's (Linux keeps it across exec)."""
    here = Path(__file__).resolve().parent.parent
    argv = [sys.executable, "-m", "benchmarks.bench_portfolio", *args]
    done = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=here)
    return done.stdout.splitlines()[-1]


def measure(out: Path, *folders: Path) -> dict[str, float]:
    """Run `journey portfolio` in a fresh process; its wall time, exit code, peak memory
    of the main process and of its largest worker."""
    figures: dict[str, float] = json.loads(_child("--run", str(out), *map(str, folders)))
    return figures


def run(out: str, folders: list[str]) -> None:
    """In this process: the CLI, then what it cost (printed as one line of JSON)."""
    from journey.cli import main

    begin = time.perf_counter()
    code = main(["-q", "--as-of", AS_OF, "portfolio", *folders, "-o", out])
    seconds = time.perf_counter() - begin
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / divisor
    worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / divisor
    print(json.dumps({"seconds": seconds, "rc": code, "main": main_peak, "worker": worker_peak}))


def floor(root: Path, projects: int, sample: int = 20) -> float:
    """Seconds `csv.reader` takes over a sample of findings files, scaled to the portfolio
    and shared among the cores."""
    import csv

    step = max(1, projects // sample)
    picked = [root / f"bench-{p:04d}" / "findings.csv" for p in range(0, projects, step)]
    begin = time.perf_counter()
    for path in picked:
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.reader(handle):
                pass
    per_file = (time.perf_counter() - begin) / len(picked)
    return per_file * projects / (os.cpu_count() or 1)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--tmp", type=Path, default=None, help="where to generate (default /tmp)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        root, out = Path(tmp) / "projects", Path(tmp) / "out"
        root.mkdir()
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "xdg")  # the signing key stays here
        begin = time.perf_counter()
        size = int(_child("--generate", str(root), str(args.projects), str(args.rows)))
        made = time.perf_counter() - begin
        time.sleep(2.5)  # no file is still "being written" when the first run starts
        print(
            f"portfolio: {args.projects:,} projects × {args.rows:,} findings rows = "
            f"{args.projects * args.rows:,} rows, {size / 1e9:.2f} GB "
            f"(generated in {made:.0f} s)"
        )
        estimate = floor(root, args.projects)
        print(f"  floor (csv.reader over every row, {os.cpu_count()} cores): {estimate:7.1f} s")
        cold = measure(out, root)
        _line("cold, every project read", cold)
        fast, small = cold["seconds"] <= 600, cold["worker"] <= 300
        print(f"    {cold['seconds']:.0f} s (≤ 600): {verdict(fast)}")
        print(f"    largest worker {cold['worker']:.0f} MiB (≤ 300): {verdict(small)}")
        print(f"    {cold['seconds'] / estimate:.1f}× the floor")
        warm = measure(out, root)
        _line("warm, nothing changed", warm)
        print(f"    {warm['seconds']:.1f} s (≤ 10): {verdict(warm['seconds'] <= 10)}")
        alone = measure(Path(tmp) / "alone", root / "bench-0007")
        _line("one project alone, cold", alone)
        with (root / "bench-0007" / "findings.csv").open("a", encoding="utf-8") as handle:
            handle.write("P0007-999999,AC-CIV-001,T1,101,客厅,open,2026-10-01,,,,,minor\n")
        time.sleep(2.5)
        changed = measure(out, root)
        _line("one project changed", changed)
        limit = warm["seconds"] + alone["seconds"] + 1
        ok = changed["seconds"] <= limit
        print(f"    {changed['seconds']:.1f} s (≤ {limit:.1f}): {verdict(ok)}")
        assert cold["rc"] == warm["rc"] == changed["rc"] == 0, "journey portfolio failed"


def _line(label: str, figures: dict[str, float]) -> None:
    print(
        f"  {label:28} {figures['seconds']:7.1f} s  main process {figures['main']:5.0f} MiB  "
        f"largest worker {figures['worker']:5.0f} MiB"
    )


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--run":
        run(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 5 and sys.argv[1] == "--generate":
        print(generate(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
    else:
        main()
