"""`journey --help` and `--version` stay fast: they import click and little else."""

from __future__ import annotations

import subprocess
import sys

import pytest

from journey.cli import COMMANDS

HEAVY = ("networkx", "jinja2", "openpyxl", "pydantic", "yaml")

PROBE = """
import sys
from journey.cli import main
try:
    main({args!r})
finally:
    heavy = sorted(m for m in {heavy!r} if m in sys.modules)
    sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


ARGS = [["--help"], ["--version"], *([name, "--help"] for name in sorted(COMMANDS))]


@pytest.mark.parametrize("args", ARGS, ids=" ".join)
def test_help_imports_nothing_heavy(args: list[str]) -> None:
    code = PROBE.format(args=args, heavy=HEAVY)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "HEAVY=\n" in result.stderr, result.stderr
    assert result.stdout.strip()
