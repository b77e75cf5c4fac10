"""Loading a catalog folder: every YAML file, strictly, then the checks across files."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from journey.errors import InvalidInput
from journey.importmap import ImportMapFile
from journey.models import (
    FILE_MODELS,
    CatalogFile,
    CatalogInfoFile,
    Category,
    CheckItem,
    ChecklistFile,
    DefectCase,
    DefectCasesFile,
    Gate,
    GatesFile,
    Level,
    MatrixFile,
    PlanFile,
    Point,
    PointsFile,
    PositioningFile,
    Profession,
    ProfessionsFile,
    Risk,
    RisksFile,
    ScoringFile,
    Stage,
    StagesFile,
    Task,
)
from journey.problems import Place, Problem, Severity, cap, key_text, problem, sort_key
from journey.service.models import (
    ComplaintLevel,
    ComplaintLevelsFile,
    Dimension,
    LifeStage,
    RepairCategory,
    SatisfactionFile,
    ServiceLevelsFile,
    Trigger,
)
from journey.types import Rating
from journey.validation import suggest, validate
from journey.yamlio import Document, load_file

AnyItem = Point | Risk | CheckItem | Task
REQUIRED_KINDS = ("stages", "professions", "positioning", "matrix")


class Source(NamedTuple):
    """Where an entry is defined: its document and its path inside it."""

    doc: Document
    loc: tuple[str | int, ...]

    def place(self, *fieldpath: str | int) -> Place:
        """The file position of the entry, or of one of its fields."""
        line, col = self.doc.locate((*self.loc, *fieldpath))
        return Place(self.doc.path, line, col)

    def problem(
        self,
        fieldpath: tuple[str | int, ...],
        code: str,
        related: tuple[tuple[Place, str], ...] = (),
        /,
        **params: object,
    ) -> Problem:
        """An error at one field of the entry, located and named (`risks[3].owner`)."""
        path = path_of(self.loc, *fieldpath)
        return Problem(self.place(*fieldpath), path, code, params, Severity.ERROR, related)


@dataclass
class Catalog:
    """A loaded catalog: every entry by id, in file order, with where it came from."""

    info: CatalogInfoFile | None = None
    stages: dict[str, Stage] = field(default_factory=dict)
    professions: dict[str, Profession] = field(default_factory=dict)
    levels: dict[str, Level] = field(default_factory=dict)
    points: dict[str, Point] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    risks: dict[str, Risk] = field(default_factory=dict)
    risk_phase: dict[str, str] = field(default_factory=dict)
    checklists: dict[str, ChecklistFile] = field(default_factory=dict)
    check_items: dict[str, CheckItem] = field(default_factory=dict)
    item_checklist: dict[str, str] = field(default_factory=dict)
    plans: dict[str, PlanFile] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    matrix: MatrixFile | None = None
    scoring: ScoringFile | None = None
    gates: dict[str, Gate] = field(default_factory=dict)
    cases: dict[str, DefectCase] = field(default_factory=dict)
    import_maps: dict[str, ImportMapFile] = field(default_factory=dict)
    repair_categories: dict[str, RepairCategory] = field(default_factory=dict)
    complaint_levels: dict[str, ComplaintLevel] = field(default_factory=dict)  # lowest first
    complaint_triggers: list[Trigger] = field(default_factory=list)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    life_stages: dict[str, LifeStage] = field(default_factory=dict)  # in life-cycle order
    sources: dict[str, Source] = field(default_factory=dict)
    entry_sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # of a catalog that loaded
    root: str = ""  # the catalog folder as shown in messages

    @property
    def version(self) -> str:
        """The catalog version from `kind: catalog`, or `unversioned`."""
        return self.info.version if self.info else "unversioned"

    @property
    def name(self) -> str:
        """The catalog id from `kind: catalog`, or `catalog`."""
        return self.info.id if self.info else "catalog"

    def item(self, item_id: str) -> AnyItem | None:
        """The point, risk, checklist item or task with this id."""
        return (
            self.points.get(item_id)
            or self.risks.get(item_id)
            or self.check_items.get(item_id)
            or self.tasks.get(item_id)
        )

    def items(self) -> Iterator[AnyItem]:
        """Every item: points, risks, checklist items, then tasks."""
        yield from self.points.values()
        yield from self.risks.values()
        yield from self.check_items.values()
        yield from self.tasks.values()

    def item_count(self) -> int:
        """How many items the catalog holds."""
        return len(self.points) + len(self.risks) + len(self.check_items) + len(self.tasks)

    def profession_title(self, prof_id: str, lang: str) -> str:
        """A profession's title in `lang` (its id when the catalog lacks it)."""
        found = self.professions.get(prof_id)
        return found.title.get(lang) if found is not None else prof_id

    def stage_rank(self, stage: str) -> int:
        """The position of a stage in the stage order (unknown stages sort last)."""
        order = list(self.stages)
        return order.index(stage) if stage in order else len(order)

    def level_rank(self, level: str) -> int:
        """The position of a positioning level, lowest first."""
        order = list(self.levels)
        return order.index(level) if level in order else len(order)

    def gates_due(self, stage: str) -> list[Gate]:
        """The gates a project at `stage` answers to: those of its stage, of the stages
        before it and of the next one. A later gate is not due yet — its milestone may be
        unset, and its verdict on a project that has not reached it says nothing."""
        rank = self.stage_rank(stage)
        return [g for g in self.gates.values() if self.stage_rank(g.stage) <= rank + 1]

    def applies(self, item: AnyItem, level: str) -> bool:
        """True when a project at `level` is assessed on `item`."""
        return self.level_rank(item.level) <= self.level_rank(level)

    def rating(self, likelihood: int, impact: int) -> Rating:
        """The matrix rating of a likelihood × impact cell."""
        if self.matrix is None:
            return Rating.HIGH
        return self.matrix.rating(likelihood, impact)

    def place(self, item_id: str, *fieldpath: str | int) -> Place:
        """Where an item (or one of its fields) is defined."""
        return self.sources[item_id].place(*fieldpath)

    def case_source(self, case_id: str) -> Source:
        """Where a defect case is defined."""
        return self.entry_sources[("case", case_id)]

    def case_links(self) -> list[tuple[str, str]]:
        """Every (defect case, checklist item) link, sorted and each once, whichever side
        names the other: the case in `items` or the item in `cases`. Links to unknown ids
        are left out (the cross-file checks report them)."""
        pairs = {
            (case.id, item)
            for case in self.cases.values()
            for item in case.items
            if item in self.check_items
        }
        pairs.update(
            (case, item.id)
            for item in self.check_items.values()
            for case in item.cases
            if case in self.cases
        )
        return sorted(pairs)

    def deductions(self) -> dict[tuple[str, str], float]:
        """The scoring file's points per finding by (checklist item, severity); an empty
        severity counts as the file's default. An item's own row overrides its checklist's."""
        scoring = self.scoring
        if scoring is None:
            return {}
        rows = {}
        for row in scoring.deductions:
            targets = [row.item] if row.item else self._items_of(row.checklist or "")
            for item in targets:
                if row.item or item not in rows:
                    rows[item] = row
        out: dict[tuple[str, str], float] = {}
        for item, row in rows.items():
            for severity in ("minor", "major", "critical"):
                out[item, severity] = getattr(row, severity)
            out[item, ""] = getattr(row, scoring.default_severity)
        return out

    def _items_of(self, checklist: str) -> list[str]:
        found = self.checklists.get(checklist)
        return [item.id for item in found.items] if found else []


def bundled_root() -> Path:
    """The folder of the bundled default catalog, inside the installed package."""
    return Path(str(files("journey.checklists")))


def shown_path(path: Path) -> str:
    """A path as users see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def discover(root: Path) -> list[Path]:
    """Every *.yaml and *.yml entry under `root`, recursively, in a stable order.

    Whatever bears such a name and is not a folder is returned — a FIFO, a device, a
    dangling link — so that reading it reports it rather than skipping it silently.
    `root` itself is returned when it is not a folder.
    """
    if not root.is_dir():
        return [root] if root.exists() or root.is_symlink() else []
    found = [p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and not p.is_dir()]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _common_folder(paths: list[Path]) -> str:
    if not paths:
        return "."
    return shown_path(Path(os.path.commonpath([p.absolute() for p in paths])))


def nothing_found(root: Path) -> Problem:
    """The problem with a catalog folder that holds no catalog file, or is not there."""
    code = "catalog.empty" if root.exists() else "file.missing"
    return problem(shown_path(root), 0, 0, "", code)


def parse_document(doc: Document) -> tuple[CatalogFile | None, list[Problem]]:
    """Check `kind:` and validate the document against its file model."""
    kind = doc.data.get("kind")
    first = next(iter(doc.data), None)
    if kind is None:
        line, col = doc.root
        return None, [problem(doc.path, line, col, "kind", "kind.missing")]
    if first != "kind":
        line, col = doc.key_mark(("kind",))
        return None, [problem(doc.path, line, col, "kind", "kind.not_first")]
    if not isinstance(kind, str):
        line, col = doc.locate(("kind",))
        return None, [problem(doc.path, line, col, "kind", "kind.not_text")]
    model = FILE_MODELS.get(kind)
    if model is None:
        line, col = doc.locate(("kind",))
        hint = suggest(str(kind), [*FILE_MODELS, "project"])
        return None, [
            problem(doc.path, line, col, "kind", "kind.unknown", value=kind, suggestion=hint)
        ]
    return validate(doc, model)


def read_catalog(paths: Iterable[Path], root: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Load catalog files and run every check, the graph checks included; problems come
    back sorted, nothing raised. `root` is the catalog folder, which a problem of the
    catalog as a whole (a kind of file missing) names."""
    paths = list(paths)
    problems: list[Problem] = []
    parsed: list[tuple[Document, CatalogFile]] = []
    gc_was_enabled = gc.isenabled()
    gc.disable()  # the cyclic collector dominates bulk loads and finds nothing here
    try:
        for path in paths:
            doc, found = load_file(path, shown_path(path))
            problems.extend(found)
            if doc is None:
                continue
            model, found = parse_document(doc)
            problems.extend(found)
            if model is not None:
                parsed.append((doc, model))
        catalog = Catalog(root=shown_path(root) if root else _common_folder(paths))
        problems.extend(_assemble(catalog, parsed))
        if not [p for p in problems if p.is_error]:
            from journey.crosscheck import check_references

            problems.extend(check_references(catalog))
        if not [p for p in problems if p.is_error]:  # cycles need sound references
            from journey.graphcheck import check_graph

            problems.extend(check_graph(catalog))
    finally:
        if gc_was_enabled:
            gc.freeze()
            gc.enable()
    return catalog, cap(sorted(problems, key=sort_key))


def load_catalog(root: Path | None = None) -> Catalog:
    """Load the catalog at `root` (default: the bundled one); raise if it is invalid."""
    base = root or bundled_root()
    paths = discover(base)
    if not paths:
        raise InvalidInput([nothing_found(base)])
    catalog, problems = read_catalog(paths, base)
    if any(p.is_error for p in problems):
        raise InvalidInput(problems)
    catalog.warnings = problems
    return catalog


# The kinds of which a catalog holds one file at most.
_SINGLES = (CatalogInfoFile, MatrixFile, ScoringFile, ComplaintLevelsFile, SatisfactionFile)


class _Entry(Protocol):
    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=_Entry)


class _Assembly:
    """Registers the entries of the parsed files in a catalog, each unique within its
    space (the ids of items, of stages, …); a second definition is a problem."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.problems: list[Problem] = []
        self.seen: dict[tuple[str, str], Source] = {}

    def add(
        self, space: str, key: str, doc: Document, loc: tuple[str | int, ...], entry: str = ""
    ) -> bool:
        """Register an entry, unique within `space`; items are kept in `sources`, other
        entries (and items of another kind, such as defect cases) under `entry`."""
        src = Source(doc, loc)
        other = self.seen.get((space, key))
        if other is not None:
            here = src.place("id")
            self.problems.append(
                problem(
                    doc.path,
                    here.line,
                    here.col,
                    path_of(loc, "id"),
                    "ref.duplicate",
                    value=key,
                    other=other.place("id").render(),
                )
            )
            return False
        self.seen[(space, key)] = src
        if space == "item" and not entry:
            self.catalog.sources[key] = src
        else:
            self.catalog.entry_sources[(entry or space, key)] = src
        return True

    def add_all(
        self,
        space: str,
        doc: Document,
        field: str,
        entries: Iterable[E],
        into: dict[str, E],
        entry: str = "",
    ) -> list[E]:
        """Register each entry of the list `field` of `doc`; those defined for the first
        time go `into` the catalog, and come back."""
        kept = []
        for i, each in enumerate(entries):
            if self.add(space, each.id, doc, (field, i), entry):
                into[each.id] = each
                kept.append(each)
        return kept


def _assemble(catalog: Catalog, parsed: list[tuple[Document, CatalogFile]]) -> list[Problem]:
    found = _Assembly(catalog)
    add_all = found.add_all
    singles: dict[str, Document] = {}
    for doc, model in parsed:
        catalog.documents.append(doc)
        if isinstance(model, _SINGLES):
            if model.kind in singles:
                line, col = doc.locate(("kind",))
                found.problems.append(
                    problem(
                        doc.path,
                        line,
                        col,
                        "kind",
                        "catalog.twice",
                        kind=model.kind,
                        other=singles[model.kind].path,
                    )
                )
                continue
            singles[model.kind] = doc
            if isinstance(model, CatalogInfoFile):
                catalog.info = model
            elif isinstance(model, ScoringFile):
                catalog.scoring = model
                catalog.entry_sources[("scoring", model.id)] = Source(doc, ())
            elif isinstance(model, MatrixFile):
                catalog.matrix = model
            else:
                _assemble_service(found, model, doc)
        elif isinstance(model, StagesFile):
            add_all("stage", doc, "stages", model.stages, catalog.stages)
        elif isinstance(model, ProfessionsFile):
            add_all("profession", doc, "professions", model.professions, catalog.professions)
        elif isinstance(model, PositioningFile):
            add_all("level", doc, "levels", model.levels, catalog.levels)
        elif isinstance(model, PointsFile):
            add_all("item", doc, "points", model.points, catalog.points)
        elif isinstance(model, RisksFile):
            add_all("category", doc, "categories", model.categories, catalog.categories)
            for risk in add_all("item", doc, "risks", model.risks, catalog.risks):
                catalog.risk_phase[risk.id] = model.phase
        elif isinstance(model, ChecklistFile):
            if found.add("checklist", model.id, doc, ()):
                catalog.checklists[model.id] = model
            for item in add_all("item", doc, "items", model.items, catalog.check_items):
                catalog.item_checklist[item.id] = model.id
        elif isinstance(model, PlanFile):
            if found.add("plan", model.id, doc, ()):
                catalog.plans[model.id] = model
            add_all("item", doc, "tasks", model.tasks, catalog.tasks)
        elif isinstance(model, GatesFile):
            add_all("gate", doc, "gates", model.gates, catalog.gates)
        elif isinstance(model, DefectCasesFile):  # unique among all item ids
            add_all("item", doc, "cases", model.cases, catalog.cases, entry="case")
        elif isinstance(model, ImportMapFile) and found.add("import-map", model.id, doc, ()):
            catalog.import_maps[model.id] = model
        elif isinstance(model, ServiceLevelsFile):
            _assemble_service(found, model, doc)
    return found.problems


def _assemble_service(
    found: _Assembly,
    model: ServiceLevelsFile | ComplaintLevelsFile | SatisfactionFile,
    doc: Document,
) -> None:
    """The after-delivery kinds (journey.service.models): each entry unique in its kind."""
    catalog = found.catalog
    if isinstance(model, ServiceLevelsFile):
        found.add_all(
            "repair-category", doc, "categories", model.categories, catalog.repair_categories
        )
    elif isinstance(model, ComplaintLevelsFile):
        found.add_all("complaint-level", doc, "levels", model.levels, catalog.complaint_levels)
        for i, trigger in enumerate(model.triggers):
            found.add("trigger", str(i), doc, ("triggers", i))
            catalog.complaint_triggers.append(trigger)
    else:
        found.add_all("dimension", doc, "dimensions", model.dimensions, catalog.dimensions)
        found.add_all("life-stage", doc, "stages", model.stages, catalog.life_stages)


def path_of(loc: tuple[str | int, ...], *rest: str | int) -> str:
    """A readable path such as `risks[3].owner` for a location tuple."""
    out = ""
    for step in (*loc, *rest):
        step_text = key_text(step)
        out += f"[{step}]" if isinstance(step, int) else (f".{step_text}" if out else step_text)
    return out


__all__ = ["Catalog", "Source", "bundled_root", "discover", "load_catalog", "read_catalog"]
