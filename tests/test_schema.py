"""The JSON Schemas committed under schema/ match the models, and the CLI prints them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import Runner
from yaml12 import load12

from journey.schemas import file_models, schema_all, schema_for

SCHEMA_DIR = Path(__file__).parent.parent / "schema"


@pytest.mark.parametrize("kind", sorted(file_models()))
def test_committed_schema_matches_models(kind: str) -> None:
    committed = json.loads((SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
    assert committed == schema_for(kind), f"run `make schema` to refresh schema/{kind}.json"


def test_combined_schema_is_committed() -> None:
    committed = json.loads((SCHEMA_DIR / "journey.json").read_text(encoding="utf-8"))
    assert committed == schema_all()


def test_schema_command(run: Runner) -> None:
    result = run("schema", "risks")
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema["properties"]["kind"]["const"] == "risks"
    assert "likelihood" in json.dumps(schema)
    result = run("schema", "riskz")
    assert result.code == 2 and "did you mean `risks`" in result.err


# What editors (yaml-language-server) and check-jsonschema do with the committed schemas:
# every bundled file and the example project must pass them, read as YAML 1.2.

BUNDLED = sorted((Path(__file__).parent.parent / "checklists").rglob("*.yaml"))
EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*/project.yaml"))
EXAMPLE = Path(__file__).parent.parent / "examples" / "harbour-view" / "project.yaml"


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=FORMATS)


FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


@pytest.mark.parametrize("path", [*BUNDLED, *EXAMPLES], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_schemas_accept_every_bundled_file_and_the_example(path: Path) -> None:
    data = load12(path)
    errors = [e.message for e in _validator(data["kind"]).iter_errors(data)]
    assert errors == []


def test_the_combined_schema_resolves_its_parts_beside_it() -> None:
    from referencing import Registry, Resource

    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in SCHEMA_DIR.glob("*.json")
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    combined = json.loads((SCHEMA_DIR / "journey.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(combined, registry=registry)
    assert validator.is_valid(load12(EXAMPLE))
    assert not validator.is_valid({"kind": "project", "id": "x"})


@pytest.mark.parametrize(
    ("section", "value", "valid"),
    [
        ("checks", "pass", True),
        ("checks", {"status": "fail", "note": "x"}, True),
        ("checks", "passed", False),
        ("risks", "mitigating", True),
        ("risks", "pass", False),
        ("tasks", "done", True),
    ],
)
def test_project_schema_takes_the_status_shorthand(
    section: str, value: object, valid: bool
) -> None:
    data = load12(EXAMPLE)
    data[section] = {"XX-001": value}
    assert _validator("project").is_valid(data) is valid


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("blocking: true", True),
        ("blocking: yes", False),  # YAML 1.2: text, and journey refuses it too
        ("blocking: on", False),
    ],
)
def test_booleans_are_yaml_1_2_in_the_schema_as_in_journey(
    tmp_path: Path, run: Runner, mini: Path, text: str, valid: bool
) -> None:
    source = (
        "kind: checklist\nid: c\ntitle: C\nstage: delivery\nitems:\n"
        "  - id: OD-001\n    title: t\n    area: a\n    method: m\n    criterion: c\n"
        f"    owner: design\n    level: process\n    {text}\n"
    )
    path = mini / "c.yaml"
    path.write_text(source, encoding="utf-8")
    assert _validator("checklist").is_valid(load12(path)) is valid
    result = run("--catalog", str(mini), "validate")
    assert (result.code == 0) is valid, result.err
    if not valid:
        assert "expected true or false" in result.err
