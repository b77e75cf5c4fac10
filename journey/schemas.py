"""JSON Schemas of every file kind, generated from the models, for editors."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

SCHEMA_BASE = "https://journey.invalid/schema"


def file_models() -> dict[str, type[BaseModel]]:
    """Every file kind with its model: the catalog kinds, then `project`."""
    from journey.models import FILE_MODELS

    models: dict[str, type[BaseModel]] = dict(FILE_MODELS)
    try:
        from journey.project import ProjectFile
    except ImportError:  # pragma: no cover - present once projects are supported
        return models
    models["project"] = ProjectFile
    return models


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind."""
    model = file_models()[kind]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/{kind}.json",
        **schema,
    }


def schema_all() -> dict[str, Any]:
    """One schema accepting any journey file, chosen by its `kind`."""
    kinds = file_models()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/journey.json",
        "title": "journey file",
        "oneOf": [{"$ref": f"{kind}.json"} for kind in kinds],
    }
