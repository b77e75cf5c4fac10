"""`journey export` on the command line: what it says, and its exit codes."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from gatekit import AS_OF, catalog, write_project
from helpers import Runner

FINDINGS = "F1,AC-CIV-001,T1,101,hall,open,2026-10-01,,,Acme,\n"


@pytest.fixture
def args(tmp_path: Path) -> tuple[list[str], Path]:
    catalog(tmp_path)
    folder = write_project(tmp_path / "project", findings=FINDINGS)
    return ["--catalog", str(tmp_path / "catalog"), "--as-of", str(AS_OF), "export"], folder


def test_writes_and_says_what(run: Runner, tmp_path: Path, args: tuple[list[str], Path]) -> None:
    head, folder = args
    out = tmp_path / "r.xlsx"
    result = run(*head, "rectification", "-p", str(folder), "-o", str(out))
    assert result.code == 0, result.err
    assert result.err.splitlines()[-1] == f"wrote {out}: 2 sheets, 2 rows"
    assert openpyxl.load_workbook(out).sheetnames == ["summary", "Acme"]
    result = run(*head, "actions", "-p", str(folder), "-o", str(tmp_path / "csv"),
                 "--format", "csv", "--lang", "zh")  # fmt: skip
    assert result.code == 0, result.err
    assert result.err.splitlines()[-1].startswith(f"已写入 {tmp_path / 'csv'}：")
    assert (tmp_path / "csv" / "工程.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_stray_csv_file_is_mentioned_not_touched(
    run: Runner, tmp_path: Path, args: tuple[list[str], Path]
) -> None:
    head, folder = args
    out = tmp_path / "lists"
    out.mkdir()
    (out / "Old Co.csv").write_text("kept", encoding="utf-8")
    result = run(*head, "rectification", "-p", str(folder), "-o", str(out), "--format", "csv")
    assert result.code == 0
    assert result.err.splitlines()[-1] == (
        f"{out} also holds 1 CSV file this export did not write (Old Co.csv); they are left "
        "as they are"
    )
    assert (out / "Old Co.csv").read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--by", "building"], "journey: error: the status list takes no `--by`; its sheets "
                               "are always the same"),
        (["--by", "contractors"], None),
        (["-o", "x.csv"], "journey: error: the workbook x.csv needs a name ending in .xlsx"),
        (["-o", "nope/x.xlsx"], "journey: error: cannot write nope/x.xlsx: the folder nope does not exist"),
    ],
)  # fmt: skip
def test_usage_problems_exit_2_before_any_work(
    run: Runner,
    tmp_path: Path,
    args: tuple[list[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    message: str | None,
) -> None:
    head, folder = args
    monkeypatch.chdir(tmp_path)
    (folder / "project.yaml").write_text("kind: project\n", encoding="utf-8")  # invalid
    name = "rectification" if "contractors" in extra else "status"
    outputs = [] if "-o" in extra else ["-o", "s.xlsx"]
    result = run(*head, name, "-p", str(folder), *outputs, *extra)
    assert result.code == 2
    if message is None:
        assert (
            "`--by contractors` does not apply to the rectification list; use one of " in result.err
        )
        assert "(did you mean `contractor`?)" in result.err
    else:
        assert result.err.startswith(message)
    assert "project.yaml" not in result.err  # refused before the project was read


def test_without_openpyxl_exit_2_saying_how_to_install_it(
    run: Runner, tmp_path: Path, args: tuple[list[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    head, folder = args
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = run(*head, "status", "-p", str(folder), "-o", str(tmp_path / "s.xlsx"))
    assert result.code == 2
    assert "pip install 'journey-cr[xlsx]'" in result.err and "--format csv" in result.err


def test_an_invalid_project_exits_2(
    run: Runner, tmp_path: Path, args: tuple[list[str], Path]
) -> None:
    head, folder = args
    (folder / "findings" / "f.csv").write_text("id,item\n", encoding="utf-8")
    result = run(*head, "rectification", "-p", str(folder), "-o", str(tmp_path / "r.xlsx"))
    assert result.code == 2
    assert "f.csv:1: error: building: the header has no `building` column" in result.err
    assert not (tmp_path / "r.xlsx").exists()
