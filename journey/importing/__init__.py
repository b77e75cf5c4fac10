"""Importing what inspection systems export (SPEC §10): `journey import`.

An area package: it builds on the core (the table reader, the `import-map` model, the
catalog, atomic writing) and nothing in the core imports it.

- `maps` finds the map an import names and the project's buildings;
- `mapper` compiles a map: item rules, statuses, severities, buildings, dates;
- `rows` maps one source row to a finding's CSV line or to its reasons;
- `sorting` sorts the findings by id without holding them;
- `rejects` lays out the rejects file;
- `suggest` finds the item a category most likely means;
- `run` reads, maps, sorts and writes.
"""

from __future__ import annotations

from journey.importing.maps import LoadedMap, load_map, project_buildings
from journey.importing.run import ImportResult, import_findings, rejects_path

__all__ = [
    "ImportResult",
    "LoadedMap",
    "import_findings",
    "load_map",
    "project_buildings",
    "rejects_path",
]
