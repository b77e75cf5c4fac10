"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def time_command(argv: Sequence[str], runs: int = 7, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(list(argv), check=False, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def journey(*args: str) -> list[str]:
    """The argv of the installed `journey` console script."""
    return [str(VENV_BIN / "journey"), *args]


def peak_mib() -> float:
    """This process's peak resident memory in MiB. On Linux from VmHWM: `ru_maxrss`
    survives `exec`, so a child would report its parent's peak (the process that
    generated the files) if that were higher."""
    import resource

    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


Figures = dict[str, float]


def best_of(module: str, *args: str, runs: int = 1) -> Figures:
    """Run `python -m module ARGS` `runs` times, each a fresh process printing its figures
    as JSON (see `measure_or_main`): the fastest run (the machine is shared; the best is
    the least disturbed), with the largest peak memory seen."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", module, *args], check=True, capture_output=True, text=True
        )
        results.append(json.loads(out.stdout))
    best: Figures = min(results, key=lambda r: r["seconds"])
    best["peak_mib"] = max(r["peak_mib"] for r in results)
    return best


def measure_or_main(
    measures: Mapping[str, Callable[[Path], Figures]], main: Callable[[], None]
) -> None:
    """A benchmark's entry point: `KIND PATH` (a key of `measures`) measures in this fresh
    process and prints the figures as JSON; anything else runs `main`."""
    if len(sys.argv) == 3 and sys.argv[1] in measures:
        print(json.dumps(measures[sys.argv[1]](Path(sys.argv[2]))))
    else:
        main()


def verdict(ok: bool) -> str:
    """How a figure stands against its target."""
    return "meets the target" if ok else "MISSES the target"
