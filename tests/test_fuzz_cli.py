"""Property: whatever project.yaml, catalog file or findings table a user feeds journey,
every command answers 0, 1 or 2, never a traceback, and every line on stderr is a
problem in the documented form (or its indented continuation, or the summary).

Inputs are mutations of valid files: values swapped for hostile ones (control
characters, line breaks that try to forge a line, dates at the calendar's edges, YAML
1.1 booleans, padded numbers, huge numbers, lists where text belongs), keys dropped or
added, and raw text edits. `make test` runs a short pass; `make fuzz` runs a long one
(JOURNEY_FUZZ_EXAMPLES sets how many examples each property gets).
"""

from __future__ import annotations

import copy
import io
import os
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
import yaml
from gatekit import CATALOG, HEADER, project_data
from helpers import null_device, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journey.cli import main

EXAMPLES = int(os.environ.get("JOURNEY_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=EXAMPLES <= 25,  # the short pass in `make test` is the same every run
)

# What stderr may hold: a problem `FILE[:LINE[:COL]|:SHEET!ROW]: error|warning: …`, its
# indented further places, the closing summary, or a usage or output error of journey.
PROBLEM = re.compile(r"^.+?(:\d+(:\d+)?|:[^:\n]+!\d+)?: (error|warning): \S.*$")
ALLOWED = [
    PROBLEM,
    re.compile(r"^    \S.*$"),
    re.compile(r"^\d+ errors?, \d+ warnings? in \d+ files?$"),
    re.compile(r"^journey: error: \S.*$"),
]

HOSTILE = [
    "",
    " ",
    "x",
    "yes",
    "no",
    "on",
    "True",
    "null",
    "~",
    "0",
    "-1",
    " 12 ",
    "1_000",
    "12.0",
    "1e999",
    "nan",
    "99999999999999999999999",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-10-24T00:00:00",
    "20261024",
    "line\n::error file=README.md,line=1::forged",
    "a\x01b",
    "esc\x1b]0;title\x07",
    "\u202eevil",
    "\x85",
    "\u2028",
    "\ufeff",
    "tab\there",
    "海景二期",
    "RS-001",
    "OD-001",
    "T1",
    "open",
    "pass",
    "verified",
    "delivery",
    "process",
    "../project.yaml",
    "/dev/zero",
    "findings/f.csv",
    "a" * 300,
]
SCALARS = st.sampled_from(HOSTILE)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(SCALARS, inner, max_size=3),
    max_leaves=6,
)


def _mutate(data: Any, draw: st.DrawFn) -> Any:
    """A copy of `data` with a few values replaced, keys dropped or added."""
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 4))):
        path = _walk(data, draw)
        if not path:
            continue
        *parents, last = path
        holder = data
        for step in parents:
            holder = holder[step]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "replace":
            holder[last] = draw(VALUES)
        elif action == "drop" and isinstance(holder, dict):
            holder.pop(last, None)
        elif isinstance(holder, dict):
            holder[draw(SCALARS)] = draw(VALUES)
        elif isinstance(holder, list):
            holder.append(draw(VALUES))
    return data


def _walk(data: Any, draw: st.DrawFn) -> list[Any]:
    path: list[Any] = []
    node = data
    while isinstance(node, (dict, list)) and node and draw(st.booleans()):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        step = draw(st.sampled_from(keys))
        path.append(step)
        node = node[step]
    if not path and isinstance(data, dict) and data:
        path.append(draw(st.sampled_from(list(data))))
    return path


@st.composite
def yaml_text(draw: st.DrawFn, base: dict[str, Any]) -> bytes:
    """A mutated document, dumped as YAML (escapes and all), then perhaps edited raw."""
    text = yaml.safe_dump(_mutate(base, draw), allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.sampled_from(['"\\U00110000"', "\t", "&a ", "*a", ": ", "- ", "{", "\n  "]))
        text = text[:at] + piece + text[at:]
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def table_rows(draw: st.DrawFn) -> list[list[str]]:
    header = HEADER.strip().split(",")
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    base = ["F1", "AC-CIV-001", "T1", "101", "kitchen", "open", "2026-10-01", "", "", "Acme", ""]
    rows = [header]
    for n in range(draw(st.integers(0, 6))):
        row = [f"F{n}", *base[1:]]
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.integers(0, len(row) - 1))] = draw(SCALARS)
        rows.append(row[: draw(st.integers(len(row) - 2, len(row)))])
    return rows


def _csv(rows: list[list[str]]) -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8", errors="surrogatepass")


def _xlsx(rows: list[list[str]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        try:
            sheet.append(row)
        except IllegalCharacterError:  # openpyxl refuses to write some control characters
            sheet.append([re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "?", cell) for cell in row])
    book.save(path)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz-cli")
    SINK[:] = [null_device(base)]
    write_tree(base / "catalog", CATALOG)
    return base


SINK: list[Path] = [Path("/dev/null")]  # a private null device once `root` has made one


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--no-color", "-q", "--as-of", "2026-11-01", *args])
    return code, out.getvalue(), err.getvalue()


def assert_answers(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), err
    assert "Traceback" not in out + err and "internal error" not in err, err
    for line in err.splitlines():
        assert any(p.match(line) for p in ALLOWED), f"stray stderr line: {line!r}\n{err}"


def project_commands(folder: Path, catalog: Path) -> list[list[str]]:
    c = ["--catalog", str(catalog)]
    return [
        [*c, "validate", str(folder)],
        [*c, "gate", "delivery", "--project", str(folder), "-o", "text", "-o", f"junit:{SINK[0]}"],
        [*c, "graph", "--project", str(folder)],
    ]


def _fresh(root: Path, name: str) -> Path:
    folder = root / name
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):
            path.unlink() if not path.is_dir() or path.is_symlink() else path.rmdir()
    folder.mkdir(exist_ok=True)
    return folder


BASE_PROJECT = project_data(
    checks={"OD-001": "pass", "OD-002": {"status": "fail", "note": "power off"}},
    risks={"RD-001": {"status": "mitigating", "assignee": "Li Wei", "due": "2026-12-01"}},
    tasks={"DP-001": "done"},
    waivers=[{"target": "OD-002", "reason": "r", "approved_by": "a", "expires": "2026-12-31"}],
    findings=["findings/f.csv"],
)


@FUZZ
@given(data=st.data())
def test_any_project_file(root: Path, data: st.DataObject) -> None:
    folder = _fresh(root, "project")
    (folder / "project.yaml").write_bytes(data.draw(yaml_text(BASE_PROJECT)))
    write_tree(folder, {"findings/f.csv": HEADER})
    for command in project_commands(folder, root / "catalog"):
        assert_answers(*run(*command))


@FUZZ
@given(data=st.data())
def test_any_catalog_file(root: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(CATALOG)))
    folder = _fresh(root, "catalog-copy")
    write_tree(folder, {k: v for k, v in CATALOG.items() if k != name})
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data.draw(yaml_text(CATALOG[name])))
    project = _fresh(root, "project-for-catalog")
    write_tree(project, {"project.yaml": BASE_PROJECT, "findings/f.csv": HEADER})
    assert_answers(*run("--catalog", str(folder), "validate"))
    for command in project_commands(project, folder):
        assert_answers(*run(*command))


@FUZZ
@given(rows=table_rows())
def test_any_findings_csv(root: Path, rows: list[list[str]]) -> None:
    folder = _fresh(root, "csv")
    write_tree(folder, {"project.yaml": BASE_PROJECT, "findings/f.csv": _csv(rows)})
    for command in project_commands(folder, root / "catalog"):
        assert_answers(*run(*command))


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 5))
@given(rows=table_rows())
def test_any_findings_xlsx(root: Path, rows: list[list[str]]) -> None:
    pytest.importorskip("openpyxl")
    folder = _fresh(root, "xlsx")
    write_tree(folder, {"project.yaml": {**BASE_PROJECT, "findings": ["findings/f.xlsx"]}})
    (folder / "findings").mkdir()
    _xlsx(rows, folder / "findings" / "f.xlsx")
    for command in project_commands(folder, root / "catalog"):
        assert_answers(*run(*command))


def _damage(path: Path, flips: list[tuple[int, int]]) -> None:
    """Flip bytes inside the compressed sheet data of a workbook (headers intact)."""
    data = bytearray(path.read_bytes())
    start = data.find(b"xl/worksheets/sheet1.xml") + 40
    for offset, mask in flips:
        at = min(start + offset, len(data) - 1)
        data[at] ^= mask
    path.write_bytes(bytes(data))


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 5))
@given(
    rows=table_rows(),
    flips=st.lists(st.tuples(st.integers(0, 200), st.integers(1, 255)), min_size=1, max_size=6),
)
def test_any_damaged_findings_xlsx(
    root: Path, rows: list[list[str]], flips: list[tuple[int, int]]
) -> None:
    pytest.importorskip("openpyxl")
    folder = _fresh(root, "xlsx-damaged")
    write_tree(folder, {"project.yaml": {**BASE_PROJECT, "findings": ["findings/f.xlsx"]}})
    (folder / "findings").mkdir()
    _xlsx(rows, folder / "findings" / "f.xlsx")
    _damage(folder / "findings" / "f.xlsx", flips)
    for command in project_commands(folder, root / "catalog"):
        assert_answers(*run(*command))
