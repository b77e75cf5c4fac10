"""The JSON Schemas committed under schema/ match the models, and the CLI prints them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import Runner

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
