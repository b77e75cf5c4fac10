"""The public API: every name in `journey.__all__` resolves, lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import journey


@pytest.mark.parametrize("name", journey.__all__)
def test_public_name_resolves(name: str) -> None:
    assert getattr(journey, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = journey.nothing


def test_importing_journey_loads_no_library() -> None:
    code = "import sys, journey; print(sorted(m for m in sys.modules if m.startswith('journey')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['journey', 'journey._version']"
