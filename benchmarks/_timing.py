"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
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
