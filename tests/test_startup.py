"""`journey --help` and `--version` stay fast: they import click and little else."""

from __future__ import annotations

import os
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


@pytest.mark.parametrize("args", [["--help"], ["--version"]], ids=" ".join)
def test_top_level_help_imports_neither_shutil_nor_traceback(args: list[str]) -> None:
    # click imports shutil to size help text, and journey printed tracebacks with it:
    # together a few percent of the start-up
    code = PROBE.format(args=args, heavy=("shutil", "traceback"))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "HEAVY=\n" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("columns", "width"), [("60", 58), ("200", 78), ("30", 50), ("80", 78), ("", 78), ("x", 78)]
)
def test_help_is_as_wide_as_click_would_make_it(
    monkeypatch: pytest.MonkeyPatch, columns: str, width: int
) -> None:
    from journey.cli import _help_width

    def not_a_terminal(fd: int) -> os.terminal_size:
        raise OSError(25, "Inappropriate ioctl for device")

    monkeypatch.setenv("COLUMNS", columns)
    # without COLUMNS and a terminal, 80 columns, as shutil's fallback
    monkeypatch.setattr(os, "get_terminal_size", not_a_terminal)
    assert _help_width() == width
    if not columns:
        monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((66, 24)))
        assert _help_width() == 64
