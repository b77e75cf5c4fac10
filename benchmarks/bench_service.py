"""The `warranty-review` gate on a large after-delivery project (SPEC §9, §13):
1,000,000 repair orders, 100,000 complaints and 200,000 survey answers.

Each measurement runs in fresh processes (best of three for time, the largest peak memory
seen), so that its peak resident memory is its own:

- the floor: Python's `csv.reader` alone over the three registers, touching every row;
- the baseline: the same project with empty registers, loaded and gated;
- journey: the project loaded (every row of every register checked and folded into the
  aggregates, every id remembered for the duplicate check, every `repeat_of` checked
  against the ids) and the warranty-review gate evaluated on it.

Targets, those of the table reader: within 3× the floor, and under 300 MiB peak. The files
are generated into a temporary folder and streamed.

    .venv/bin/python -m benchmarks.bench_service [--quick]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._timing import best_of, measure_or_main, peak_mib, verdict

AS_OF = dt.date(2026, 10, 20)
START = dt.datetime(2025, 10, 18, 8, 0)
TOWERS = [f"T{n}" for n in range(1, 13)]
PARTIES = ("宏建建设", "金门窗业", "安达机电", "华艺装饰", "智联科技", "海景物业", "")
REPAIR_HEADER = ("id,category,building,unit,reported,responded,onsite,fixed,verified,status,"
                 "repeat_of,investigated,responsible,note\n")  # fmt: skip
COMPLAINT_HEADER = ("id,received,channel,households,topic,level,escalated_to,responded,closed,"
                    "compensation,evidence,status\n")  # fmt: skip
SURVEY_HEADER = "unit,stage,dimension,expected,perceived,building\n"
MINUTES = 365 * 24 * 60


def _stamp(minute: int) -> str:
    return (START + dt.timedelta(minutes=minute)).strftime("%Y-%m-%d %H:%M")


def _day(minute: int) -> str:
    return (START + dt.timedelta(minutes=minute)).date().isoformat()


def _unit(rng: random.Random) -> str:
    return f"{rng.randrange(2, 32)}{rng.randrange(1, 7):02d}"


def write_repairs(path: Path, rows: int, categories: list[str]) -> None:
    """`rows` repair orders over a year, 4 % of them repeats of an earlier order."""
    rng = random.Random(13)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(REPAIR_HEADER)
        lines = []
        for n in range(rows):
            at = MINUTES * n // rows
            fixed = at + rng.randrange(60, 6 * 1440)
            done = fixed < MINUTES - 1440
            status = rng.choice(("verified", "verified", "fixed")) if done else "in-progress"
            repeat = f"BX{rng.randrange(n):07d}" if n and rng.random() < 0.04 else ""
            cat = rng.choice(categories)
            lines.append(
                f"BX{n:07d},{cat},{rng.choice(TOWERS)},{_unit(rng)},{_stamp(at)},"
                f"{_stamp(at + rng.randrange(5, 110))},{_stamp(at + rng.randrange(30, 1400))},"
                f"{_day(fixed) if done else ''},{_day(fixed + 1440) if status == 'verified' else ''},"
                f"{status},{repeat},{_day(at + 1440) if repeat else ''},{rng.choice(PARTIES)},\n"
            )
            if len(lines) >= 10_000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))


def write_complaints(path: Path, rows: int) -> None:
    """`rows` complaints, mostly general, some groups, online and compensated."""
    rng = random.Random(14)
    channels = ("phone", "phone", "counter", "app", "wechat", "government", "weibo")
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(COMPLAINT_HEADER)
        lines = []
        for n in range(rows):
            at = MINUTES * n // rows
            channel = rng.choice(channels)
            level = {"government": "major", "weibo": "serious"}.get(channel, "general")
            homes = 6 if rng.random() < 0.01 else 1
            level = "serious" if homes > 1 else level
            escalated = "public-relations" if channel == "weibo" else ""
            closed = _day(at + rng.randrange(1440, 5 * 1440))
            lines.append(
                f"TS{n:07d},{_stamp(at)},{channel},{homes},SP-CR-007,{level},{escalated},"
                f"{_stamp(at + rng.randrange(5, 55))},{closed},,,closed\n"
            )
        out.write("".join(lines))


def write_surveys(path: Path, rows: int, dims: list[str], stages: list[str]) -> None:
    """`rows` answers across every dimension and life-cycle stage."""
    rng = random.Random(15)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(SURVEY_HEADER)
        out.write(
            "".join(
                f"{_unit(rng)},{rng.choice(stages)},{rng.choice(dims)},{rng.randrange(6, 11)},"
                f"{rng.randrange(5, 11)},{rng.choice(TOWERS)}\n"
                for _ in range(rows)
            )
        )


def write_project(folder: Path, repairs: int, complaints: int, answers: int) -> Path:
    """A project folder with its three registers; the folder."""
    from journey.catalog import load_catalog

    catalog = load_catalog()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "project.yaml").write_text(
        "kind: project\nid: bench\nname: Bench\npositioning: post-processing\n"
        f"buildings: [{', '.join(TOWERS)}]\n"
        "milestones: {delivery: 2025-10-18, warranty_review: 2026-10-28}\n"
        "stage: after-delivery\n"
        "repairs: [repairs.csv]\ncomplaints: [complaints.csv]\nsurveys: [surveys.csv]\n",
        encoding="utf-8",
    )
    write_repairs(folder / "repairs.csv", repairs, sorted(catalog.repair_categories))
    write_complaints(folder / "complaints.csv", complaints)
    write_surveys(folder / "surveys.csv", answers, sorted(catalog.dimensions),
                  sorted(catalog.life_stages))  # fmt: skip
    return folder


def measure_floor(folder: Path) -> dict[str, float]:
    """Read every row of the three registers with csv.reader and do nothing else."""
    import csv

    begin = time.perf_counter()
    rows = 0
    for name in ("repairs.csv", "complaints.csv", "surveys.csv"):
        with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
            for _row in csv.reader(handle):
                rows += 1
    return {"seconds": time.perf_counter() - begin, "rows": rows - 3, "peak_mib": peak_mib()}


def measure_journey(folder: Path) -> dict[str, float]:
    """Load the project (every register read) and evaluate the warranty-review gate."""
    from journey.catalog import load_catalog
    from journey.gates import evaluate
    from journey.project import load_project

    catalog = load_catalog()
    begin = time.perf_counter()
    project = load_project(folder, catalog, AS_OF)
    result = evaluate("warranty-review", project)
    seconds = time.perf_counter() - begin
    service = project.service
    rows = service.repairs.total + service.complaints.total + service.surveys.answers
    return {"seconds": seconds, "rows": rows, "peak_mib": peak_mib(),
            "rules": len(result.rules)}  # fmt: skip


MEASURES = {"--floor": measure_floor, "--journey": measure_journey}


def _run(kind: str, folder: Path, runs: int = 3) -> dict[str, float]:
    return best_of("benchmarks.bench_service", kind, str(folder), runs=runs)


def main() -> None:
    quick = "--quick" in sys.argv
    scale = 10 if quick else 1
    with tempfile.TemporaryDirectory() as tmp:
        empty = write_project(Path(tmp) / "empty", 0, 0, 0)
        baseline = _run("--journey", empty, runs=1)["peak_mib"]
        print(
            f"baseline (catalog loaded, empty registers, gate evaluated): peak {baseline:.1f} MiB"
        )
        sizes = (1_000_000 // scale, 100_000 // scale, 200_000 // scale)
        folder = write_project(Path(tmp) / "big", *sizes)
        size = sum(p.stat().st_size for p in folder.glob("*.csv"))
        floor = _run("--floor", folder)
        ours = _run("--journey", folder)
        ratio = ours["seconds"] / floor["seconds"]
        print(
            f"registers: {sizes[0]:,} repairs, {sizes[1]:,} complaints, {sizes[2]:,} answers "
            f"({int(ours['rows']):,} rows, {size / 1e6:.1f} MB)"
        )
        print(
            f"  csv.reader alone:          {floor['seconds']:6.2f} s  peak {floor['peak_mib']:6.1f} MiB"
        )
        print(
            f"  load + warranty-review:    {ours['seconds']:6.2f} s  peak {ours['peak_mib']:6.1f} MiB"
        )
        print(f"  ratio to the floor: {ratio:.2f}× (≤ 3): {verdict(ratio <= 3)}")
        peak = ours["peak_mib"]
        print(f"  peak {peak:.1f} MiB (≤ 300): {verdict(peak <= 300)}")
        print(f"  {peak - baseline:.1f} MiB above the baseline")


if __name__ == "__main__":
    measure_or_main(MEASURES, main)
