"""Writing reports: atomic, mode-keeping, never over an input, clear about folders."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from reports_helpers import AS_OF, make_project

from journey.cli import main
from journey.errors import OutputError
from journey.reports import render as render_module
from journey.writing import input_files, write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    write_atomic(target, "one")
    write_atomic(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_keeps_the_mode_of_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.html", "new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o644


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "nope" / "r.html", "x")
    assert caught.value.code == "report.no_folder"
    assert caught.value.params["folder"] == str(tmp_path / "nope")


def test_refuses_to_write_over_an_input(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    inputs = input_files(project)
    for path in (project.folder / "project.yaml", project.folder / "findings.csv"):
        before = path.read_bytes()
        with pytest.raises(OutputError) as caught:
            write_atomic(path, "x", inputs)
        assert caught.value.code == "report.input_file"
        assert path.read_bytes() == before
    catalog_file = tmp_path / "catalog" / "stages.yaml"
    with pytest.raises(OutputError):
        write_atomic(catalog_file, "x", inputs)


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.html"
    target.write_text("old")

    def broken(self: Path, other: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", broken)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "new")
    assert caught.value.params["reason"] == "No space left on device"
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


@pytest.fixture
def cli_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    monkeypatch.setenv("NO_COLOR", "1")
    make_project(tmp_path)
    yield ["--catalog", str(tmp_path / "catalog"), "--as-of", AS_OF.isoformat(), "-q"]
    render_module.environment.cache_clear()


def test_a_template_failing_half_way_leaves_the_earlier_report(
    tmp_path: Path, cli_project: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    target = out / "open-day.html"
    args = [*cli_project, "render", "open-day", "--project", str(tmp_path / "proj")]
    assert main([*args, "-o", str(target)]) == 0
    before = target.read_bytes()
    assert b"NO-GO" in before

    real = render_module._load

    def half_broken(name: str) -> str:
        source = real(name)
        if name == "open-day.html.j2":  # fails after the verdict has been rendered
            source = source.replace("{% block content %}", "{% block content %}{{ r.nope }}")
        return source

    monkeypatch.setattr(render_module, "_load", half_broken)
    render_module.environment.cache_clear()
    assert main([*args, "-o", str(target)]) == 3
    assert target.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["open-day.html"]


def test_render_cli_errors_exit_2(
    tmp_path: Path, cli_project: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    proj = tmp_path / "proj"
    base = [*cli_project, "render", "open-day", "--project", str(proj)]
    assert main([*base, "-o", str(proj / "project.yaml")]) == 2
    assert "refusing to write over" in capsys.readouterr().err
    assert main([*base, "-o", str(tmp_path / "missing" / "r.html")]) == 2
    assert "does not exist; create it first" in capsys.readouterr().err
    assert main([*cli_project, "render", "nonsense", "--project", str(proj)]) == 2
    assert main([*cli_project, "render", "open-day", "--project", str(tmp_path / "nope")]) == 2


def test_render_cli_prints_to_stdout_without_output(
    tmp_path: Path, cli_project: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    proj = str(tmp_path / "proj")
    assert main([*cli_project, "render", "open-day", "--project", proj, "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# Harbour Test — Open-day readiness")
    assert main([*cli_project, "--lang", "zh", "render", "risk-assessment", "--project", proj]) == 0
    assert '<html lang="zh-CN">' in capsys.readouterr().out
    assert main([*cli_project, "render", "delivery-plan", "--project", proj, "--lang", "zh"]) == 0
    assert "交付计划" in capsys.readouterr().out


def test_never_over_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError) as caught:
        write_atomic(fifo, "x")
    assert caught.value.code == "report.not_regular"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


# Files written together (an import's findings and its rejects) ------------------------------


def test_files_together_are_written_both(tmp_path: Path) -> None:
    from journey.writing import files_together

    a, b = tmp_path / "a.csv", tmp_path / "a.rejects.csv"
    a.write_text("old", encoding="utf-8")
    with files_together([a, b]) as (one, two):
        one.write("新\n")
        two.write("rejects\n")
        assert a.read_text(encoding="utf-8") == "old"  # nothing moves before the end
    assert a.read_text(encoding="utf-8") == "新\n" and b.read_text(encoding="utf-8") == "rejects\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.rejects.csv"]


def test_files_together_or_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.writing import files_together

    a, b = tmp_path / "a.csv", tmp_path / "a.rejects.csv"
    a.write_text("old a", encoding="utf-8")
    b.write_text("old b", encoding="utf-8")
    with pytest.raises(ValueError), files_together([a, b]) as (one, _two):
        one.write("half")
        raise ValueError("the work failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.rejects.csv"]
    real = Path.replace

    def second_fails(self: Path, target: Path) -> Path:
        if Path(target) == b:
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", second_fails)
    with pytest.raises(OutputError) as caught, files_together([a, b]) as (one, two):
        one.write("new a")
        two.write("new b")
    assert caught.value.code == "report.write_failed"
    assert a.read_text(encoding="utf-8") == "old a"  # moved, then put back
    assert b.read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.rejects.csv"]


def test_files_together_never_over_an_input_or_a_pipe(tmp_path: Path) -> None:
    from journey.writing import files_together

    a = tmp_path / "a.csv"
    a.write_text("input", encoding="utf-8")
    with pytest.raises(OutputError) as caught, files_together([tmp_path / "b.csv", a], [a]):
        pass
    assert caught.value.code == "report.input_file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    if hasattr(os, "mkfifo"):  # a named pipe in the test's own folder, never a real device
        pipe = tmp_path / "pipe.csv"
        os.mkfifo(pipe)
        with pytest.raises(OutputError) as caught, files_together([pipe]):
            pass
        assert caught.value.code == "report.not_regular"
        assert stat.S_ISFIFO(pipe.stat().st_mode)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "pipe.csv"]
