"""JSON Schemas of every file kind, generated from the models, for editors.

They carry no `$id`: a schema's references resolve relative to wherever its file is,
so an editor pointed at a copy on disk needs no network.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel


def file_models() -> dict[str, type[BaseModel]]:
    """Every file kind with its model: the catalog kinds, then `project`."""
    from journey.models import FILE_MODELS
    from journey.project_file import ProjectFile

    return {**FILE_MODELS, "project": ProjectFile}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one file kind."""
    model = file_models()[kind]
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_all() -> dict[str, Any]:
    """One schema accepting any journey file, chosen by its `kind`."""
    kinds = file_models()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "journey file",
        "oneOf": [{"$ref": f"{kind}.json"} for kind in kinds],
    }


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as journey prints and writes it: indented, keys sorted, then a newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_all(folder: Path) -> list[Path]:
    """Write every file kind's schema and the combined one into `folder` (`make schema`)."""
    from journey.writing import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in [*((k, schema_for(k)) for k in file_models()), ("journey", schema_all())]:
        path = folder / f"{kind}.json"
        write_atomic(path, schema_text(schema))
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "schema")):
        print(written_path)
