"""`journey --help` start-up time against importing click alone (target: within 1.3x)."""

from __future__ import annotations

import sys

from benchmarks._timing import journey, time_command


def main() -> None:
    click_alone = time_command([sys.executable, "-c", "import click"], runs=15)
    help_time = time_command(journey("--help"), runs=15)
    version_time = time_command(journey("--version"), runs=15)
    print(f"python -c 'import click': {click_alone * 1000:7.1f} ms")
    print(f"journey --help:           {help_time * 1000:7.1f} ms  ({help_time / click_alone:.2f}x)")
    print(
        f"journey --version:        {version_time * 1000:7.1f} ms  ({version_time / click_alone:.2f}x)"
    )


if __name__ == "__main__":
    main()
