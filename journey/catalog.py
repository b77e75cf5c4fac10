"""Loading a catalog folder: every YAML file, strictly, then the checks across files."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

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


def _assemble(catalog: Catalog, parsed: list[tuple[Document, CatalogFile]]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, str], Source] = {}
    singles: dict[str, Document] = {}

    def add(
        space: str, key: str, doc: Document, loc: tuple[str | int, ...], entry: str = ""
    ) -> bool:
        """Register an entry, unique within `space`; items are kept in `sources`, other
        entries (and items of another kind, such as defect cases) under `entry`."""
        src = Source(doc, loc)
        other = seen.get((space, key))
        if other is not None:
            here = src.place("id")
            there = other.place("id")
            problems.append(
                problem(
                    doc.path,
                    here.line,
                    here.col,
                    _path(loc, "id"),
                    "ref.duplicate",
                    value=key,
                    other=there.render(),
                )
            )
            return False
        seen[(space, key)] = src
        if space == "item" and not entry:
            catalog.sources[key] = src
        else:
            catalog.entry_sources[(entry or space, key)] = src
        return True

    for doc, model in parsed:
        catalog.documents.append(doc)
        if isinstance(model, _SINGLES):
            if model.kind in singles:
                line, col = doc.locate(("kind",))
                problems.append(
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
                _assemble_service(catalog, model, doc, add)
        elif isinstance(model, StagesFile):
            for i, stage in enumerate(model.stages):
                if add("stage", stage.id, doc, ("stages", i)):
                    catalog.stages[stage.id] = stage
        elif isinstance(model, ProfessionsFile):
            for i, prof in enumerate(model.professions):
                if add("profession", prof.id, doc, ("professions", i)):
                    catalog.professions[prof.id] = prof
        elif isinstance(model, PositioningFile):
            for i, level in enumerate(model.levels):
                if add("level", level.id, doc, ("levels", i)):
                    catalog.levels[level.id] = level
        elif isinstance(model, PointsFile):
            for i, point in enumerate(model.points):
                if add("item", point.id, doc, ("points", i)):
                    catalog.points[point.id] = point
        elif isinstance(model, RisksFile):
            for i, cat in enumerate(model.categories):
                if add("category", cat.id, doc, ("categories", i)):
                    catalog.categories[cat.id] = cat
            for i, risk in enumerate(model.risks):
                if add("item", risk.id, doc, ("risks", i)):
                    catalog.risks[risk.id] = risk
                    catalog.risk_phase[risk.id] = model.phase
        elif isinstance(model, ChecklistFile):
            if add("checklist", model.id, doc, ()):
                catalog.checklists[model.id] = model
            for i, item in enumerate(model.items):
                if add("item", item.id, doc, ("items", i)):
                    catalog.check_items[item.id] = item
                    catalog.item_checklist[item.id] = model.id
        elif isinstance(model, PlanFile):
            if add("plan", model.id, doc, ()):
                catalog.plans[model.id] = model
            for i, task in enumerate(model.tasks):
                if add("item", task.id, doc, ("tasks", i)):
                    catalog.tasks[task.id] = task
        elif isinstance(model, GatesFile):
            for i, gate in enumerate(model.gates):
                if add("gate", gate.id, doc, ("gates", i)):
                    catalog.gates[gate.id] = gate
        elif isinstance(model, DefectCasesFile):
            for i, case in enumerate(model.cases):  # unique among all item ids
                if add("item", case.id, doc, ("cases", i), entry="case"):
                    catalog.cases[case.id] = case
        elif isinstance(model, ImportMapFile) and add("import-map", model.id, doc, ()):
            catalog.import_maps[model.id] = model
        elif isinstance(model, ServiceLevelsFile):
            _assemble_service(catalog, model, doc, add)
    return problems


Adder = Callable[[str, str, Document, tuple[str | int, ...]], bool]


def _assemble_service(
    catalog: Catalog,
    model: ServiceLevelsFile | ComplaintLevelsFile | SatisfactionFile,
    doc: Document,
    add: Adder,
) -> None:
    """The after-delivery kinds (journey.service.models): each entry unique in its kind."""
    if isinstance(model, ServiceLevelsFile):
        for i, category in enumerate(model.categories):
            if add("repair-category", category.id, doc, ("categories", i)):
                catalog.repair_categories[category.id] = category
    elif isinstance(model, ComplaintLevelsFile):
        for i, level in enumerate(model.levels):
            if add("complaint-level", level.id, doc, ("levels", i)):
                catalog.complaint_levels[level.id] = level
        for i, trigger in enumerate(model.triggers):
            add("trigger", str(i), doc, ("triggers", i))
            catalog.complaint_triggers.append(trigger)
    else:
        for i, dim in enumerate(model.dimensions):
            if add("dimension", dim.id, doc, ("dimensions", i)):
                catalog.dimensions[dim.id] = dim
        for i, stage in enumerate(model.stages):
            if add("life-stage", stage.id, doc, ("stages", i)):
                catalog.life_stages[stage.id] = stage


def _path(loc: tuple[str | int, ...], *rest: str | int) -> str:
    out = ""
    for step in (*loc, *rest):
        step_text = key_text(step)
        out += f"[{step}]" if isinstance(step, int) else (f".{step_text}" if out else step_text)
    return out


def path_of(loc: tuple[str | int, ...], *rest: str | int) -> str:
    """A readable path such as `risks[3].owner` for a location tuple."""
    return _path(loc, *rest)


__all__ = ["Catalog", "Source", "bundled_root", "discover", "load_catalog", "read_catalog"]
