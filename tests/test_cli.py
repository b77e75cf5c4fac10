"""The command line: every command documents itself; exit codes follow SPEC §5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import Runner

from journey.cli import COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str, run: Runner) -> None:
    result = run(name, "--help")
    assert result.code == 0
    assert "Usage: journey" in result.out
    assert len(result.out.splitlines()) > 3


def test_version(run: Runner) -> None:
    from journey import __version__

    result = run("--version")
    assert result.code == 0 and result.out.strip() == f"journey {__version__}"


def test_unknown_command_is_usage_error(run: Runner) -> None:
    assert run("frobnicate").code == 2


def test_validate_mini_catalog(mini: Path, run: Runner) -> None:
    result = run("--catalog", str(mini), "validate")
    assert result.code == 0, result.err
    assert "7 files valid (3 items)" in result.out


def test_validate_missing_path(mini: Path, run: Runner) -> None:
    result = run("--catalog", str(mini), "validate", "no/such/place")
    assert result.code == 2
    assert result.err.startswith("no/such/place: error: no such file or folder")


def test_catalog_list_filters(mini: Path, run: Runner) -> None:
    result = run("--catalog", str(mini), "catalog", "list", "--kind", "risk", "--format", "json")
    assert result.code == 0
    assert [r["id"] for r in json.loads(result.out)] == ["RS-001"]
    result = run("--catalog", str(mini), "catalog", "list", "--stage", "delivery")
    assert [line.split()[0] for line in result.out.splitlines()[1:]] == ["SP-ENG-001"]
    result = run(
        "--catalog", str(mini), "catalog", "list", "--kind", "points", "--level", "post-processing"
    )
    assert result.out.splitlines()[1:] == []


def test_catalog_list_in_chinese(mini: Path, run: Runner) -> None:
    result = run("--catalog", str(mini), "--lang", "zh", "catalog", "list", "--kind", "stages")
    assert result.out.splitlines()[0].split() == [
        "编号",
        "类型",
        "阶段",
        "负责专业",
        "适用等级",
        "标题",
    ]
    assert "销售" in result.out


def test_catalog_show(mini: Path, run: Runner) -> None:
    result = run("--catalog", str(mini), "catalog", "show", "RS-001", "--format", "json")
    data = json.loads(result.out)
    assert (
        data["rating"] == "high" and data["phase"] == "sales" and data["points"] == ["SP-MKT-001"]
    )
    result = run("--catalog", str(mini), "catalog", "show", "RS-01")
    assert result.code == 2
    assert "no catalog entry has the id `RS-01`" in result.err and "RS-001" in result.err


def test_unknown_kind_filter(mini: Path, run: Runner) -> None:
    result = run("--catalog", str(mini), "catalog", "list", "--kind", "dragons")
    assert result.code == 2 and "unknown kind `dragons`" in result.err


def test_bad_as_of_is_usage_error(mini: Path, run: Runner) -> None:
    result = run("--as-of", "2026-02-30", "--catalog", str(mini), "validate")
    assert result.code == 2
    assert "not a valid date" in result.err


def test_invalid_catalog_says_so_in_chinese(mini: Path, run: Runner) -> None:
    (mini / "stages.yaml").write_text("kind: stages\nstages: []\n", encoding="utf-8")
    result = run("--lang", "zh", "--catalog", str(mini), "validate")
    assert result.code == 2
    assert "至少需要 1 项" in result.err
    assert "Traceback" not in result.err


def test_internal_error_is_one_line_and_exit_3(
    mini: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import journey.checking

    def boom(*_: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(journey.checking, "validate_paths", boom)
    result = run("--catalog", str(mini), "validate")
    assert result.code == 3
    assert "Traceback" not in result.err
    assert result.err.count("\n") == 1 and "kaboom" in result.err and "-v" in result.err
    result = run("-v", "--catalog", str(mini), "validate")
    assert result.code == 3 and "Traceback" in result.err


GLOBAL = (
    "--catalog",
    "--lang",
    "--as-of",
    "--no-color",
    "-q, --quiet",
    "-v, --verbose",
    "--version",
)


@pytest.mark.parametrize("name", [*sorted(COMMANDS), "catalog list", "catalog show"])
def test_every_global_option_is_accepted_after_the_subcommand(name: str, run: Runner) -> None:
    result = run(*name.split(), "--help")
    assert result.code == 0
    missing = [option for option in GLOBAL if option not in result.out]
    assert missing == []


def test_global_options_after_the_subcommand_take_effect(mini: Path, run: Runner) -> None:
    result = run("validate", "--catalog", str(mini), "-q")
    assert (result.code, result.out) == (0, "")  # -q: problems (a warning here) only
    assert "warning: points[1].id" in result.err
    result = run("catalog", "list", "--catalog", str(mini), "--lang", "zh", "--kind", "stages")
    assert result.code == 0 and "销售" in result.out
    result = run(
        "--lang", "en", "catalog", "show", "RS-001", "--catalog", str(mini), "--lang", "zh"
    )
    assert result.code == 0 and "名称:" in result.out  # the --lang after the command won
    result = run("validate", str(mini), "--as-of", "2026-02-30")
    assert result.code == 2 and "`2026-02-30` is not a valid date" in result.err
    from journey import __version__

    assert run("gate", "--version").out == f"journey {__version__}\n"


@pytest.mark.parametrize(
    ("environ", "allowed"),
    [
        ({}, True),
        ({"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value disables colour
        ({"NO_COLOR": "1"}, False),
        ({"NO_COLOR": "0"}, False),
        ({"TERM": "dumb"}, False),
        ({"TERM": "xterm-256color"}, True),
    ],
)
def test_colour_follows_no_color_and_term(environ: dict[str, str], allowed: bool) -> None:
    from journey.cli import colour_allowed

    assert colour_allowed(environ) is allowed


@pytest.mark.parametrize(
    "value", ["20261020", "2026-W43-2", "2026-10-24T00:00:00", "0", "2026-1-5"]
)
def test_as_of_is_a_yyyy_mm_dd_date_only(value: str, run: Runner) -> None:
    for args in (("--as-of", value, "validate"), ("validate", "--as-of", value)):
        result = run(*args)
        assert result.code == 2
        assert f"`{value}` is not a valid date (use YYYY-MM-DD)" in result.err


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_as_of_at_the_edges_of_the_calendar(value: str, run: Runner) -> None:
    example = str(Path(__file__).parent.parent / "examples" / "harbour-view")
    for command in (
        ["gate", "delivery", "--project", example, "-o", "json"],
        ["graph", "--project", example],
        ["render", "delivery-plan", "--project", example],
    ):
        result = run("--as-of", value, *command)
        assert result.code in (0, 1), (command, result.err)


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--stage", "nope", "unknown stage `nope`; choose from design, sales, delivery"),
        (
            "--stage",
            "sale",
            "unknown stage `sale`; choose from design, sales, delivery (did you mean `sales`?)",
        ),
        (
            "--level",
            "proces",
            "unknown positioning level `proces`; choose from post-processing, process, whole-process, comprehensive (did you mean `process`?)",
        ),
        (
            "--kind",
            "riks",
            "unknown kind `riks`; choose from stages, professions, levels, points, risks, checks, tasks, checklists, gates, cases, repairs, complaints, dimensions, life-stages (did you mean `risks`?)",
        ),
    ],
)
def test_catalog_list_filters_name_something_that_exists(
    mini: Path, run: Runner, option: str, value: str, expected: str
) -> None:
    result = run("--catalog", str(mini), "catalog", "list", option, value)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"journey: error: {expected}\n"


def test_a_catalog_missing_a_kind_of_file_names_its_folder(mini: Path, run: Runner) -> None:
    (mini / "matrix.yaml").unlink()
    (mini / "stages.yaml").unlink()
    result = run("--catalog", str(mini), "validate")
    assert result.code == 2
    assert result.err.splitlines()[:2] == [
        f"{mini}: error: the catalog has no `stages` file; every catalog needs one",
        f"{mini}: error: the catalog has no `matrix` file; every catalog needs one",
    ]


def test_a_catalog_file_given_with_a_project_reports_each_catalog_error_once(
    mini: Path, run: Runner, tmp_path: Path
) -> None:
    risks = mini / "risks" / "sales.yaml"
    risks.write_text(risks.read_text("utf-8").replace("owner: marketing", "owner: nobody"), "utf-8")
    project = tmp_path / "project"
    assert run("--catalog", str(mini), "init", str(project)).code == 0
    result = run("--catalog", str(mini), "validate", str(mini / "stages.yaml"), str(project))
    assert result.code == 2
    assert result.err.count("unknown profession `nobody`") == 1, result.err
