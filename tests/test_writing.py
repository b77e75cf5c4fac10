"""Writing reports: atomic, mode-keeping, never over an input, clear about folders."""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import null_device
from reports_helpers import AS_OF, make_project

from journey.cli import main
from journey.errors import OutputError
from journey.reports import render as render_module
from journey.writing import append, input_files, write_atomic


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


# What stands at an output path decides how it is written -------------------------------


def test_a_character_device_is_written_through_never_replaced(tmp_path: Path) -> None:
    device = null_device(tmp_path)
    before = device.stat()
    write_atomic(device, "discarded")
    after = device.stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_is_written_through_to_its_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe 管道")
    reader.join(timeout=10)
    assert received == ["through the pipe 管道".encode()]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_a_file_keeps_the_link_and_replaces_the_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.symlink_to(p.parent / "nowhere"), "output.dangling_link"),
        (
            lambda p: (p.symlink_to(p.parent / "b"), (p.parent / "b").symlink_to(p)),
            "output.symlink_loop",
        ),
        (lambda p: p.mkdir(), "report.is_folder"),
        (lambda p: _socket(p), "report.not_regular"),
    ],
    ids=["dangling-link", "link-loop", "folder", "socket"],
)
def test_what_is_not_a_file_nor_a_stream_is_refused(
    tmp_path: Path, make: Callable[[Path], object], code: str
) -> None:
    target = tmp_path / "out.json"
    make(target)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "x")
    assert caught.value.code == code
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not (tmp_path / "nowhere").exists()


def _socket(path: Path) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    _SOCKETS.append(sock)
    return sock


_SOCKETS: list[socket.socket] = []


def test_a_name_as_long_as_the_file_system_allows_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 255)  # NAME_MAX: a longer temporary name would not fit
    write_atomic(target, "x")
    assert target.read_text() == "x"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("a" * 256, "output.name_too_long"),
        ("/".join(["a" * 200] * 30), "output.name_too_long"),
        ("file.txt/out.json", "output.not_in_folder"),
    ],
    ids=["name-max", "path-max", "through-a-file"],
)
def test_impossible_names_are_output_errors(tmp_path: Path, name: str, code: str) -> None:
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / name, "x")
    assert caught.value.code in (code, "report.no_folder")


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write any file")
    target = tmp_path / "r.json"
    target.write_text("keep")
    target.chmod(0o444)
    with pytest.raises(OutputError):
        write_atomic(target, "x")
    assert target.read_text() == "keep"


@pytest.mark.parametrize("spelling", ["link", "hard", "dots"])
def test_an_input_under_another_name_is_refused(tmp_path: Path, spelling: str) -> None:
    project = make_project(tmp_path)
    inputs = input_files(project)
    findings = project.folder / "findings.csv"
    other = {
        "link": tmp_path / "alias.csv",
        "hard": tmp_path / "hard.csv",
        "dots": Path(f"{project.folder}/./../proj//findings.csv"),
    }[spelling]
    if spelling == "link":
        other.symlink_to(findings)
    elif spelling == "hard":
        os.link(findings, other)
    before = findings.read_bytes()
    with pytest.raises(OutputError) as caught:
        write_atomic(other, "x", inputs)
    assert caught.value.code == "report.input_file"
    with pytest.raises(OutputError):
        append(other, "x", inputs)
    assert findings.read_bytes() == before


# Every command that writes, through the CLI ---------------------------------------------


def _commands(tmp_path: Path, target: str) -> list[list[str]]:
    proj = str(tmp_path / "proj")
    return [
        ["gate", "open-day", "--project", proj, "-o", f"json:{target}"],
        ["render", "open-day", "--project", proj, "-o", target],
        ["graph", "--project", proj, "-o", target],
    ]


@pytest.mark.parametrize("index", range(3), ids=["gate", "render", "graph"])
def test_a_device_survives_every_command(
    cli_project: list[str], tmp_path: Path, index: int
) -> None:
    device = null_device(tmp_path)
    command = _commands(tmp_path, str(device))[index]
    assert main([*cli_project, *command]) in (0, 1)
    assert stat.S_ISCHR(device.stat().st_mode)


@pytest.mark.parametrize("index", range(3), ids=["gate", "render", "graph"])
@pytest.mark.parametrize("case", ["loop", "long-name", "dangling"])
def test_bad_output_paths_exit_2_with_a_message(
    cli_project: list[str],
    tmp_path: Path,
    index: int,
    case: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "out"
    if case == "loop":
        target.symlink_to(tmp_path / "back")
        (tmp_path / "back").symlink_to(target)
    elif case == "dangling":
        target.symlink_to(tmp_path / "elsewhere")
    else:
        target = tmp_path / ("x" * 300)
    capsys.readouterr()
    assert main([*cli_project, *_commands(tmp_path, str(target))[index]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("journey: error: ") and err.count("\n") == 1, err
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.parametrize("index", [1, 2], ids=["render", "graph"])
def test_dash_is_standard_output(
    cli_project: list[str],
    tmp_path: Path,
    index: int,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main([*cli_project, *_commands(tmp_path, "-")[index]]) == 0
    assert capsys.readouterr().out
    assert not (tmp_path / "-").exists()


# The GitHub job summary ---------------------------------------------------------------


@pytest.fixture
def summary_run(cli_project: list[str], tmp_path: Path) -> Callable[[str], int]:
    args = [*cli_project, "gate", "open-day", "--project", str(tmp_path / "proj"), "-o", "github"]

    def run(summary: str) -> int:
        os.environ["GITHUB_STEP_SUMMARY"] = summary
        try:
            return main(args)
        finally:
            del os.environ["GITHUB_STEP_SUMMARY"]

    return run


@pytest.mark.parametrize("name", ["proj/project.yaml", "proj/findings.csv", "catalog/stages.yaml"])
def test_the_summary_is_never_appended_to_an_input(
    summary_run: Callable[[str], int], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    before = path.read_bytes()
    assert summary_run(str(path)) == 2
    assert path.read_bytes() == before
    link = tmp_path / "summary.md"
    link.symlink_to(path)
    assert summary_run(str(link)) == 2
    assert path.read_bytes() == before


def test_the_summary_goes_to_a_new_file_or_a_device(
    summary_run: Callable[[str], int], tmp_path: Path
) -> None:
    target = tmp_path / "summary.md"
    assert summary_run(str(target)) == 1
    assert target.read_text("utf-8").startswith("## ❌")
    device = null_device(tmp_path)
    assert summary_run(str(device)) == 1
    assert stat.S_ISCHR(device.stat().st_mode)


def test_the_summary_stays_within_githubs_limit(
    summary_run: Callable[[str], int], tmp_path: Path
) -> None:
    from journey.output.markdown import SUMMARY_LIMIT

    target = tmp_path / "summary.md"
    target.write_bytes(b"x" * (SUMMARY_LIMIT - 300))  # an earlier step used almost all of it
    assert summary_run(str(target)) == 1
    data = target.read_bytes()
    assert len(data) <= SUMMARY_LIMIT
    assert "GitHub shows at most 1 MiB" in data[SUMMARY_LIMIT - 300 :].decode("utf-8")


def test_cut_keeps_whole_lines_and_says_how_many_are_left() -> None:
    from journey.output.markdown import cut

    text = "".join(f"| row {n} | 行 |\n" for n in range(1000))
    short = cut(text, 2000, "zh")
    assert len(short.encode("utf-8")) <= 2000
    kept = short.split("\n> ")[0].splitlines()
    assert kept == text.splitlines()[: len(kept)]
    assert f"其余 {1000 - len(kept)} 行" in short
    assert cut(text, 10**9, "en") == text
    assert cut(text, 5, "en") == ""


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


def _full_disk_at(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving a staged file over `target` fails as on a full disk; other moves succeed."""
    real = Path.replace

    def fails_at_target(self: Path, other: Path) -> Path:
        if Path(other) == target:
            raise OSError(28, "No space left on device")
        return real(self, other)

    monkeypatch.setattr(Path, "replace", fails_at_target)


def test_files_together_or_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journey.writing import files_together

    a, b = tmp_path / "a.csv", tmp_path / "a.rejects.csv"
    a.write_text("old a", encoding="utf-8")
    b.write_text("old b", encoding="utf-8")
    with pytest.raises(ValueError), files_together([a, b]) as (one, _two):
        one.write("half")
        raise ValueError("the work failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.rejects.csv"]
    _full_disk_at(b, monkeypatch)
    with pytest.raises(OutputError) as caught, files_together([a, b]) as (one, two):
        one.write("new a")
        two.write("new b")
    assert caught.value.code == "report.write_failed"
    assert a.read_text(encoding="utf-8") == "old a"  # moved, then put back
    assert b.read_text(encoding="utf-8") == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.rejects.csv"]


def test_files_together_put_back_the_file_behind_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journey.writing import files_together

    kept = tmp_path / "kept" / "a.csv"
    kept.parent.mkdir()
    kept.write_text("old a", encoding="utf-8")
    a, b = tmp_path / "a.csv", tmp_path / "a.rejects.csv"
    a.symlink_to(kept)
    _full_disk_at(b, monkeypatch)
    with pytest.raises(OutputError), files_together([a, b]) as (one, two):
        one.write("new a")
        two.write("new b")
    assert a.is_symlink() and a.resolve() == kept.resolve()
    assert kept.read_text(encoding="utf-8") == "old a"  # replaced through the link, put back
    assert sorted(p.name for p in kept.parent.iterdir()) == ["a.csv"]
    assert not b.exists()


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
