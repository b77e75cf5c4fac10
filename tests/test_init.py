"""`journey init DIR`: a commented starter project that validates and is never overwritten."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import Runner

from journey.findings import COLUMNS
from journey.schemas import schema_for
from journey.starter import SCHEMA_FILE, project_id, starter_text


def test_init_writes_a_project_that_validates(tmp_path: Path, run: Runner) -> None:
    folder = tmp_path / "sites" / "Harbour View 3"
    result = run("--as-of", "2026-01-10", "init", str(folder))
    assert result.code == 0, result.err
    assert "wrote " in result.out and "project.yaml" in result.out
    text = (folder / "project.yaml").read_text("utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    assert "id: harbour-view-3" in text
    assert "  open_day: 2026-11-06" in text and "  delivery: 2027-01-10" in text
    assert "  design_freeze: 2026-02-09" in text  # the design gate's milestone
    header = (folder / "findings" / "findings.csv").read_text("utf-8")
    assert header == ",".join(COLUMNS) + "\n"
    result = run("--as-of", "2026-01-10", "validate", str(folder))
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("2 files valid")


def test_init_refuses_to_overwrite(tmp_path: Path, run: Runner) -> None:
    (tmp_path / "project.yaml").write_text("kind: project\n", "utf-8")
    result = run("init", str(tmp_path))
    assert result.code == 2
    assert result.err == (
        f"journey: error: {tmp_path}/project.yaml already exists; journey init never "
        "overwrites a project — choose another folder or edit that file\n"
    )
    assert (tmp_path / "project.yaml").read_text("utf-8") == "kind: project\n"
    assert not (tmp_path / "findings").exists()


def test_init_keeps_an_existing_findings_file(tmp_path: Path, run: Runner) -> None:
    findings = tmp_path / "findings" / "findings.csv"
    findings.parent.mkdir()
    findings.write_text("kept\n", "utf-8")
    assert run("init", str(tmp_path)).code == 0
    assert findings.read_text("utf-8") == "kept\n"


def test_init_where_a_file_stands(tmp_path: Path, run: Runner) -> None:
    (tmp_path / "taken").write_text("x", "utf-8")
    result = run("init", str(tmp_path / "taken" / "sub"))
    assert result.code == 2 and "journey: error: cannot write" in result.err


def test_project_ids_from_folder_names() -> None:
    assert project_id(Path("/x/Harbour View 2")) == "harbour-view-2"
    assert project_id(Path("/x/2026_tower")) == "project-2026-tower"
    assert project_id(Path("/x/海景二期")) == "project"
    text = starter_text(Path("/x/海景二期"), dt.date(2026, 1, 1))
    assert "name: {en: 海景二期, zh: 海景二期}" in text


def test_the_schema_the_modeline_names_is_beside_the_project_and_accepts_it(
    tmp_path: Path, run: Runner
) -> None:
    folder = tmp_path / "p"
    assert run("--as-of", "2026-01-10", "init", str(folder)).code == 0
    modeline = (folder / "project.yaml").read_text("utf-8").splitlines()[0]
    schema_path = folder / modeline.split("$schema=", 1)[1]  # relative to the YAML file
    schema = json.loads(schema_path.read_text("utf-8"))
    assert schema == schema_for("project") and "$id" not in schema
    # What an editor sees (YAML 1.2: dates stay text): the starter validates offline.
    data = yaml.load((folder / "project.yaml").read_text("utf-8"), Loader=_Yaml12)
    jsonschema.Draft202012Validator(schema).validate(data)


class _Yaml12(yaml.SafeLoader):
    """YAML as editors read it (1.2 core schema): no timestamps."""


_Yaml12.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_init_never_writes_through_a_dangling_link(tmp_path: Path, run: Runner) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    outside = tmp_path / "outside.yaml"
    (folder / "project.yaml").symlink_to(outside)
    result = run("init", str(folder))
    assert result.code == 2 and "already exists" in result.err
    assert not outside.exists()


@pytest.mark.parametrize("name", [SCHEMA_FILE, "findings/findings.csv"])
def test_init_keeps_whatever_stands_at_its_other_files(
    tmp_path: Path, run: Runner, name: str
) -> None:
    folder = tmp_path / "p"
    (folder / "findings").mkdir(parents=True)
    outside = tmp_path / "outside"
    (folder / name).symlink_to(outside)  # dangling: writing through it would create `outside`
    result = run("init", str(folder))
    assert result.code == 0, result.err
    assert not outside.exists() and (folder / name).is_symlink()
    assert name not in result.out


def test_init_where_a_fifo_stands(tmp_path: Path, run: Runner) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    os.mkfifo(folder / "project.yaml")
    result = run("init", str(folder))
    assert result.code == 2 and "already exists" in result.err


def test_a_folder_name_with_a_line_break_stays_in_its_comment(tmp_path: Path, run: Runner) -> None:
    folder = tmp_path / "site\nkind: evil"
    assert run("--as-of", "2026-01-10", "init", str(folder)).code == 0
    text = (folder / "project.yaml").read_text("utf-8")
    assert "\nkind: evil" not in text
    result = run("--as-of", "2026-01-10", "validate", str(folder))
    assert result.code == 0, result.err
