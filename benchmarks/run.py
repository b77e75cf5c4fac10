"""Run every benchmark in turn and print their figures (`make bench`)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

NAMES = [
    "bench_startup",
    "bench_validate",
    "bench_findings",
    "bench_xlsx",
    "bench_import",
    "bench_service",
    "bench_graph",
    "bench_gate",
    "bench_site",
    "bench_export",
    "bench_portfolio",
]


def main() -> None:
    for name in NAMES:
        print(f"== {name}")
        module = importlib.import_module(f"benchmarks.{name}")
        module.main()


if __name__ == "__main__":
    main()
