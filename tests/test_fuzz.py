"""Property tests: whatever bytes a user feeds `journey validate`, it answers 0 or 2, never a traceback."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from helpers import MINIMAL, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journey.cli import main

YAMLISH = st.lists(
    st.sampled_from(
        [
            "kind: risks\n",
            "kind: stages\n",
            "phase: sales\n",
            "risks:\n",
            "  - id: RS-001\n",
            "    title: {en: a, zh: 乙}\n",
            "    owner: design\n",
            "- ",
            "  ",
            ": ",
            "{",
            "}",
            "[",
            "]",
            ",",
            "&a ",
            "*a",
            "!!str ",
            "<<: ",
            "? ",
            "---\n",
            "...\n",
            "#",
            "'",
            '"',
            "\\ud800",
            "\t",
            "\n",
            "\r\n",
            "\ufeff",
            "销售",
            "NO",
            "010",
            "2024-02-30",
            "|\n",
            ">-\n",
            "%YAML 1.1\n",
        ]
    ),
    max_size=40,
).map("".join)


def validate_bytes(root: Path, data: bytes) -> tuple[int, str]:
    (root / "fuzz.yaml").write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(
            ["--no-color", "--catalog", str(root / "catalog"), "validate", str(root / "fuzz.yaml")]
        )
    return code, out.getvalue() + err.getvalue()


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    write_tree(base / "catalog", MINIMAL)
    return base


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes(root: Path, data: bytes) -> None:
    code, output = validate_bytes(root, data)
    assert code in (0, 2), output
    assert "Traceback" not in output and "internal error" not in output


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=YAMLISH | st.text(max_size=200))
def test_arbitrary_yamlish_text(root: Path, text: str) -> None:
    code, output = validate_bytes(root, text.encode("utf-8", errors="surrogatepass"))
    assert code in (0, 2), output
    assert "Traceback" not in output and "internal error" not in output
