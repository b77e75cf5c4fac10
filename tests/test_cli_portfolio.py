"""`journey portfolio` on the command line: files, messages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import Outcome, Runner
from portfolio_kit import project, row, write_catalog

AS_OF = "2026-11-01"


def setup(tmp_path: Path) -> tuple[Path, Path]:
    catalog = write_catalog(tmp_path)
    root = tmp_path / "projects"
    for pid in ("alpha", "bravo", "charlie"):
        project(root, pid, [row(f"{pid}-1", "AC-CIV-002", contractor="Apex")])
    return catalog, root


def portfolio(run: Runner, catalog: Path, *args: str) -> Outcome:
    return run("--catalog", str(catalog), "--as-of", AS_OF, "portfolio", *args)


def test_writes_the_page_and_the_document(run: Runner, tmp_path: Path) -> None:
    catalog, root = setup(tmp_path)
    out = tmp_path / "out"
    result = portfolio(run, catalog, str(root), "-o", str(out), "--gate", "open-day")
    assert result.code == 0, result.err
    assert "3 projects evaluated, 0 not (3 read, 0 taken from the cache)" in result.err
    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    assert [p["id"] for p in data["projects"]] == ["alpha", "bravo", "charlie"]
    assert data["recurring"][0]["item"] == "AC-CIV-002"
    page = (out / "index.html").read_text("utf-8")
    assert '<html lang="en">' in page and "AC-CIV-002" in page and "no defect case" in page
    again = portfolio(run, catalog, str(root), "-o", str(out), "--gate", "open-day")
    assert "(0 read, 3 taken from the cache)" in again.err


def test_in_chinese(run: Runner, tmp_path: Path) -> None:
    catalog, root = setup(tmp_path)
    out = tmp_path / "out"
    result = portfolio(run, catalog, str(root), "-o", str(out), "--lang", "zh", "-j", "2")
    assert result.code == 0
    assert "已评估 3 个项目，0 个未评估（读取 3 个，取自缓存 0 个）" in result.err
    page = (out / "index.html").read_text("utf-8")
    assert '<html lang="zh-CN">' in page and "项目总览" in page and "无缺陷案例" in page
    assert json.loads((out / "portfolio.json").read_text("utf-8"))["lang"] == "zh"


def test_invalid_projects_exit_2_after_the_others_are_written(run: Runner, tmp_path: Path) -> None:
    catalog, root = setup(tmp_path)
    project(root, "delta", [row("D1", "AC-CIV-002", "mended")])
    project(root, "echo", [row("E1", "AC-CIV-002")], id="alpha")
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    result = portfolio(run, catalog, str(root), str(empty), "-o", str(out))
    assert result.code == 2
    err = result.err
    assert f"{root / 'delta' / 'f.csv'}:2: error: status: `mended` is not allowed here" in err
    assert (
        f"{root / 'echo' / 'project.yaml'}:2:5: error: id: the project id `alpha` is also the id "
        f"of {root / 'alpha' / 'project.yaml'}"
    ) in err
    assert f"{empty}: error: no project here" in err
    assert "3 projects evaluated, 3 not (5 read, 0 taken from the cache)" in err
    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    assert [p["id"] for p in data["projects"]] == ["alpha", "bravo", "charlie"]
    assert [i["path"] for i in data["invalid"]] == [
        str(empty),
        str(root / "delta"),
        str(root / "echo"),
    ]
    page = (out / "index.html").read_text("utf-8")
    assert 'id="invalid"' in page and "mended" in page and str(empty) in page


def test_nothing_to_evaluate_writes_nothing(run: Runner, tmp_path: Path) -> None:
    catalog = write_catalog(tmp_path)
    out = tmp_path / "out"
    missing = portfolio(run, catalog, str(tmp_path / "nowhere"), "-o", str(out))
    assert missing.code == 2
    assert "journey: error: no folder" in missing.err
    (tmp_path / "empty").mkdir()
    none = portfolio(run, catalog, str(tmp_path / "empty"), "-o", str(out))
    assert none.code == 2
    assert "journey: error: no project under" in none.err
    assert not out.exists()


def test_an_unknown_gate_exits_2_with_a_suggestion(run: Runner, tmp_path: Path) -> None:
    catalog, root = setup(tmp_path)
    result = portfolio(run, catalog, str(root), "-o", str(tmp_path / "o"), "--gate", "opne-day")
    assert result.code == 2
    assert "(did you mean `open-day`?)" in result.err


def test_a_corrupt_cache_is_said_and_rebuilt(run: Runner, tmp_path: Path) -> None:
    catalog, root = setup(tmp_path)
    out = tmp_path / "out"
    portfolio(run, catalog, str(root), "-o", str(out))
    (out / "portfolio.cache.json").write_text("{", "utf-8")
    result = run("--catalog", str(catalog), "-v", "portfolio", str(root), "-o", str(out))
    assert result.code == 0
    assert "journey: warning: the cache in the output folder is damaged" in result.err
    assert "(3 read, 0 taken from the cache)" in result.err
    assert "worker process" in result.err
