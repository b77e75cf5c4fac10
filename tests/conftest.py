"""Shared fixtures: a small valid catalog on disk, and a CLI runner."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import MINIMAL, Runner, write_tree


@dataclass
class Result:
    """What a CLI run printed and returned."""

    code: int
    out: str
    err: str


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A small valid catalog folder."""
    return write_tree(tmp_path / "catalog", MINIMAL)


@pytest.fixture(params=["libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test once with libyaml and once with the pure-Python parser."""
    if request.param == "pure":
        monkeypatch.setenv("JOURNEY_PURE_YAML", "1")
    else:
        monkeypatch.delenv("JOURNEY_PURE_YAML", raising=False)
    yield str(request.param)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run `journey ARGS` in-process; returns a Result with exit code, stdout, stderr."""
    from journey.cli import main

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("JOURNEY_CATALOG", raising=False)
    monkeypatch.delenv("JOURNEY_LANG", raising=False)

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture(autouse=True)
def _own_cache_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys journey keeps in the user's cache folder (the portfolio cache's) stay in the
    test session's own folder, never in the home of whoever runs the tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
