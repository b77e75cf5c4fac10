"""Finding the map an import names, and the project it imports into.

`--map` is the path of a map file (beside the project, say) or the id of a map kept in
the active catalog. Either way the map is checked against the catalog's checklist items
and the project's buildings, every problem at MAP:LINE:COL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from journey.catalog import Catalog, shown_path
from journey.errors import InvalidInput, UsageProblem
from journey.importmap import ImportMapFile, check_map
from journey.problems import Problem, problem, sort_key
from journey.validation import suggest, validate
from journey.yamlio import load_file


@dataclass(frozen=True)
class LoadedMap:
    """A sound map and its file (None for a catalog map)."""

    model: ImportMapFile
    path: Path | None


def load_map(spec: str, catalog: Catalog, buildings: tuple[str, ...]) -> LoadedMap:
    """The map `spec` names: a file, or else the id of a map in `catalog`. Raises
    InvalidInput with every problem of the map, UsageProblem when nothing is called so."""
    path = Path(spec)
    if path.is_file():
        return _from_file(path, catalog, buildings)
    if spec in catalog.import_maps:
        doc = catalog.entry_sources[("import-map", spec)].doc
        model = catalog.import_maps[spec]
        _raise(check_map(doc, model, catalog.check_items, buildings))
        return LoadedMap(model, None)
    if path.suffix in (".yaml", ".yml") or len(path.parts) > 1 or path.exists():
        _raise([problem(shown_path(path), 0, 0, "", "file.missing" if not path.exists()
                        else "import.map_not_file")])  # fmt: skip
    maps = sorted(catalog.import_maps)
    raise UsageProblem(
        "import.no_map", value=spec, maps=", ".join(maps) or "-", suggestion=suggest(spec, maps)
    )


def _from_file(path: Path, catalog: Catalog, buildings: tuple[str, ...]) -> LoadedMap:
    doc, problems = load_file(path, shown_path(path))
    if doc is None:
        raise InvalidInput(problems)
    kind = doc.data.get("kind")
    if kind != "import-map":
        line, col = doc.locate(("kind",)) if "kind" in doc.data else doc.root
        value = kind if isinstance(kind, str) else "-"
        _raise([problem(doc.path, line, col, "kind", "kind.not_here", value=value,
                        expected="import-map")])  # fmt: skip
    model, problems = validate(doc, ImportMapFile)
    if model is None:
        raise InvalidInput(sorted(problems, key=sort_key))
    _raise(check_map(doc, model, catalog.check_items, buildings))
    return LoadedMap(model, path)


def _raise(problems: list[Problem]) -> None:
    if any(p.is_error for p in problems):
        raise InvalidInput(sorted(problems, key=sort_key))


def project_buildings(folder: Path) -> tuple[tuple[str, ...], Path]:
    """The buildings `folder/project.yaml` lists, and its path; InvalidInput when the
    file is missing or not a sound project file. Its findings are not read: the import
    may be about to write them."""
    from journey.project_file import PROJECT_FILE, ProjectFile

    if folder.name == PROJECT_FILE and folder.is_file():
        folder = folder.parent
    path = folder / PROJECT_FILE
    if not path.is_file():
        shown = shown_path(folder)
        raise InvalidInput([problem(shown, 0, 0, "", "project.no_file", folder=shown)])
    doc, problems = load_file(path, shown_path(path))
    if doc is None:
        raise InvalidInput(problems)
    model, problems = validate(doc, ProjectFile)
    if model is None:
        raise InvalidInput(sorted(problems, key=sort_key))
    return model.buildings, path


__all__ = ["LoadedMap", "load_map", "project_buildings"]
