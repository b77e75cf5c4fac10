"""A project's state against the catalog (SPEC §3): `Project`, the view of a loaded
project that the gates and reports read, and the loading of a project folder (its
`project.yaml`, modelled in journey.project_file, and every table it lists)."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from journey.catalog import AnyItem, Catalog, shown_path
from journey.errors import InvalidInput
from journey.findings import FindingsSummary, read_findings
from journey.models import Risk
from journey.problems import Place, Problem, cap, problem, sort_key
from journey.project_file import PROJECT_FILE, Batch, ProjectFile, combined
from journey.service.registers import REGISTERS, ServiceData, Sources, read_registers
from journey.tables import SUFFIXES
from journey.types import Rating
from journey.units import UnitRegister
from journey.validation import path_text, validate
from journey.yamlio import Document, load_file

if TYPE_CHECKING:
    from journey.whatif import MilestoneMove


@dataclass
class Project:
    """A loaded, valid project: its file, the catalog it is read against, its findings
    and its after-delivery registers."""

    file: ProjectFile
    doc: Document
    folder: Path
    catalog: Catalog
    as_of: dt.date
    findings: FindingsSummary
    warnings: list[Problem] = field(default_factory=list)
    units: UnitRegister | None = None
    batch: Batch | None = None  # set on the view of one batch (`for_batch`)
    whole: Project | None = None  # on the view of one batch, the whole project
    status_places: dict[tuple[str, str], Place] = field(default_factory=dict)  # the workbook's
    service: ServiceData = field(default_factory=ServiceData)
    what_if: tuple[MilestoneMove, ...] = ()  # milestones moved for a what-if (journey.whatif)

    @property
    def path(self) -> str:
        """The project file as shown in messages."""
        return self.doc.path

    def source_files(self) -> list[Path]:
        """Every file of the project that journey reads: project.yaml, the findings files,
        the after-delivery registers, the unit register when `units:` names one and the
        status workbook."""
        paths = [self.folder / PROJECT_FILE]
        paths += [self.folder / name for name in self.file.findings]
        paths += [self.folder / name for name in self.file.registers()]
        for table in (self.file.units, self.file.status):
            if isinstance(table, str):
                paths.append(self.folder / table)
        return paths

    @property
    def level(self) -> str:
        """The project's positioning level."""
        return self.file.positioning

    def risks(self) -> dict[str, Risk]:
        """Catalog risks then the project's extra risks, by id."""
        merged: dict[str, Risk] = dict(self.catalog.risks)
        merged.update({r.id: r for r in self.file.extra_risks})
        return merged

    def risk_phase(self, risk_id: str) -> str:
        """`sales` or `delivery`."""
        for extra in self.file.extra_risks:
            if extra.id == risk_id:
                return extra.phase
        return self.catalog.risk_phase.get(risk_id, "")

    def applies(self, item: AnyItem) -> bool:
        """True when the project's positioning level covers the item."""
        return self.catalog.applies(item, self.level)

    def risk_status(self, risk_id: str) -> str:
        """The risk's status; unlisted risks are `open`."""
        state = self.file.risks.get(risk_id)
        return state.status if state else "open"

    @property
    def buildings(self) -> tuple[str, ...]:
        """The buildings in view: the batch's, or every building of the project."""
        return self.batch.buildings if self.batch is not None else self.file.buildings

    def check_status(self, item_id: str) -> str:
        """The check's result in the buildings in view; unlisted items are `pending`.

        A result given per building overrides the item's own in that building, and the
        check fails when it fails in any building in view (else it is pending when it is
        pending in any, `n/a` when it is `n/a` in all, else `pass`)."""
        state = self.file.checks.get(item_id)
        if state is None:
            return "pending"
        if not state.buildings or not self.buildings:
            return state.status
        return combined(state.buildings.get(b, state.status) for b in self.buildings)

    def for_batch(self, batch_id: str) -> Project:
        """The project as one batch sees it: its buildings' findings and check results,
        and the project's milestones overridden by the batch's."""
        from journey.batches import batch_view

        return batch_view(self, batch_id)

    def task_status(self, task_id: str) -> str:
        """The task's progress; unlisted tasks are `todo`."""
        state = self.file.tasks.get(task_id)
        return state.status if state else "todo"

    def rating(self, risk: Risk) -> Rating:
        """The risk's rating, with the project's likelihood and impact overrides."""
        state = self.file.risks.get(risk.id)
        likelihood = (state and state.likelihood) or risk.likelihood
        impact = (state and state.impact) or risk.impact
        return self.catalog.rating(likelihood, impact)

    def place(self, *loc: str | int) -> Place:
        """The position of a node of `project.yaml` (the nearest existing one)."""
        line, col = self.doc.locate(loc)
        return Place(self.doc.path, line, col)

    def status_place(self, section: str, item_id: str) -> Place:
        """Where an item's status is recorded (a line of project.yaml or a row of the status
        workbook), or the section (or file) where it would be."""
        if (section, item_id) in self.status_places:
            return self.status_places[section, item_id]
        data = self.doc.data
        if isinstance(data, dict) and isinstance(data.get(section), dict):
            if item_id in data[section]:
                line, col = self.doc.key_mark((section, item_id))
                return Place(self.doc.path, line, col)
            line, col = self.doc.key_mark((section,))
            return Place(self.doc.path, line, col)
        return Place(self.doc.path, 1, 1)


# Loading and checking ------------------------------------------------------------


class _Read(NamedTuple):
    """Everything read from a project folder, valid or not."""

    file: ProjectFile | None
    doc: Document | None
    findings: FindingsSummary
    problems: list[Problem]
    files: int
    places: dict[tuple[str, str], Place]
    units: UnitRegister | None = None
    service: ServiceData = ServiceData()


def load_project(folder: Path, catalog: Catalog, as_of: dt.date) -> Project:
    """Load `folder/project.yaml` and its findings against `catalog`.

    Raises InvalidInput with every problem of the project file and of all findings
    files at once (warnings included) when any of them is an error.
    """
    read = _read(folder, catalog, as_of)
    if read.file is None or read.doc is None or any(p.is_error for p in read.problems):
        raise InvalidInput(read.problems)
    return Project(
        file=read.file,
        doc=read.doc,
        folder=folder,
        catalog=catalog,
        as_of=as_of,
        findings=read.findings,
        warnings=read.problems,
        units=read.units,
        status_places=read.places,
        service=read.service,
    )


def check_project(
    folder: Path, catalog: Catalog, *, as_of: dt.date | None = None
) -> tuple[list[Problem], int]:
    """Every problem (errors and warnings) of a project folder, and how many files were read.

    `as_of` (default today) decides which waivers have expired or expire soon.
    """
    read = _read(folder, catalog, as_of or dt.date.today())
    return read.problems, read.files


def _read(folder: Path, catalog: Catalog, as_of: dt.date) -> _Read:
    from journey._project_refs import check_references
    from journey.batches import check_batches
    from journey.statusbook import read_status_book

    path = folder / PROJECT_FILE
    if not path.exists() and not path.is_symlink():
        shown = shown_path(folder)
        found = [problem(shown, 0, 0, "", "project.no_file", folder=shown)]
        return _Read(None, None, FindingsSummary(), found, 0, {})
    doc, problems = load_file(path, shown_path(path))
    if doc is None:
        return _Read(None, None, FindingsSummary(), problems, 1, {})
    problems = _kind(doc)
    if problems and problems[-1].code != "kind.not_first":
        return _Read(None, doc, FindingsSummary(), problems, 1, {})
    model, found = validate(doc, ProjectFile)
    # An id that breaks the id pattern is also unknown; the reference check says so better.
    problems += [p for p in found if not _section_key(p)]
    problems += check_references(doc, catalog, as_of)
    problems += check_batches(doc)
    if model is not None:
        problems += _scores(doc, model, catalog)
    book = read_status_book(doc, folder, catalog)
    problems += book.problems
    model = book.merged(model) if model is not None else None
    paths, found = _findings_paths(doc, folder)
    buildings = [b for b in doc.data.get("buildings") or [] if isinstance(b, str)]
    blocking = [i for i, item in catalog.check_items.items() if item.blocking]
    summary, found_rows = read_findings(
        paths,
        catalog.check_items,
        buildings,
        as_of,
        blocking=blocking,
        deductions=catalog.deductions(),
    )
    problems += found + found_rows
    units, found, read_units = _unit_register(doc, folder, buildings)
    problems += found
    service, found, registers = _registers(doc, folder, catalog, buildings, as_of)
    problems += found
    files = 1 + len(paths) + read_units + book.files + registers
    return _Read(
        model, doc, summary, cap(sorted(problems, key=sort_key)), files, book.places, units, service
    )


def _unit_register(
    doc: Document, folder: Path, buildings: list[str]
) -> tuple[UnitRegister | None, list[Problem], int]:
    """The unit register named by `units:` (when it names a file), its problems, files read."""
    from journey.units import read_units

    name = doc.data.get("units")
    if not isinstance(name, str) or not name.lower().endswith(SUFFIXES):
        return None, [], 0
    path = folder / name
    if not path.exists():
        line, col = doc.locate(("units",))
        return None, [problem(doc.path, line, col, "units", "units.missing", value=name)], 0
    if not path.is_file():  # a pipe would block, a device never end
        line, col = doc.locate(("units",))
        return None, [problem(doc.path, line, col, "units", "file.not_regular")], 0
    register, found = read_units(path, shown_path(path), buildings)
    return register, found, 1


def _registers(
    doc: Document, folder: Path, catalog: Catalog, buildings: list[str], as_of: dt.date
) -> tuple[ServiceData, list[Problem], int]:
    """The after-delivery registers read into their summaries; problems; files read."""
    problems: list[Problem] = []
    found: dict[str, list[tuple[Path, str]]] = {}
    for section in REGISTERS:
        paths, missing = _findings_paths(doc, folder, section)
        problems += missing
        found[section] = [(path, shown_path(path)) for path in paths]
    milestones = doc.data.get("milestones")
    handover = milestones.get("delivery") if isinstance(milestones, dict) else None
    try:
        handover_day = dt.date.fromisoformat(handover) if isinstance(handover, str) else None
    except ValueError:
        handover_day = None  # the schema check reports it
    sources = Sources(found["repairs"], found["complaints"], found["surveys"])
    service, rows = read_registers(sources, catalog, buildings, as_of, handover_day)
    return service, problems + rows, sum(len(v) for v in found.values())


def _section_key(p: Problem) -> bool:
    return p.path.endswith(".[key]") and p.path.split(".", 1)[0] in ("risks", "checks", "tasks")


def _kind(doc: Document) -> list[Problem]:
    kind = doc.data.get("kind")
    if kind is None:
        line, col = doc.root
        return [problem(doc.path, line, col, "kind", "kind.missing")]
    line, col = doc.locate(("kind",))
    if not isinstance(kind, str):
        return [problem(doc.path, line, col, "kind", "kind.not_text")]
    if kind != "project":
        return [problem(doc.path, line, col, "kind", "project.not_project", value=kind)]
    if next(iter(doc.data)) != "kind":
        line, col = doc.key_mark(("kind",))
        return [problem(doc.path, line, col, "kind", "kind.not_first")]
    return []


def score_bounds(catalog: Catalog) -> dict[str, int]:
    """The largest likelihood and impact the catalog's risk matrix allows (none without one)."""
    if catalog.matrix is None:
        return {}
    return {"likelihood": len(catalog.matrix.likelihood), "impact": len(catalog.matrix.impact)}


def _scores(doc: Document, model: ProjectFile, catalog: Catalog) -> list[Problem]:
    """Re-scored likelihood and impact must fit the catalog's risk matrix."""
    from journey._project_refs import at

    scales = score_bounds(catalog)
    out = []
    for risk_id, state in model.risks.items():
        for name, top in scales.items():
            value = getattr(state, name)
            if value is not None and value > top:
                loc = ("risks", risk_id, name)
                out.append(at(doc, loc, "project.score_range", field=name, max=top))
    return out


# What is wrong with a table file listed in project.yaml, by section.
_TABLE_CODES = {
    "findings": {
        "missing": "project.findings_missing",
        "unreadable": "project.findings_unreadable",
        "not_regular": "project.findings_not_regular",
        "twice": "project.findings_twice",
        "same": "project.findings_same",
    },
    "registers": {
        "missing": "service.register_missing",
        "unreadable": "service.register_unreadable",
        "not_regular": "service.register_not_regular",
        "twice": "service.register_twice",
        "same": "service.register_same",
    },
}
_REGISTER_WORDS = {
    "repairs": "what.register.repairs",
    "complaints": "what.register.complaints",
    "surveys": "what.register.surveys",
}


def _findings_paths(
    doc: Document, folder: Path, section: str = "findings"
) -> tuple[list[Path], list[Problem]]:
    """The table files of a section (`findings`, `repairs` …) to read, each once; an error
    for each listed one that does not exist, is not a regular file, or is a file already
    listed under another name (a link, `./findings//a.csv`), which would otherwise repeat
    every row's id."""
    raw = doc.data.get(section)
    codes = _TABLE_CODES["findings" if section == "findings" else "registers"]
    paths: list[Path] = []
    problems: list[Problem] = []
    seen: dict[tuple[int, int], tuple[str, int]] = {}
    for i, name in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(name, str) or not name:
            continue
        loc = (section, i)
        line, col = doc.locate(loc)
        path = folder / name
        params: dict[str, object] = {"value": name}
        if section in _REGISTER_WORDS:
            params["what"] = _REGISTER_WORDS[section]
        try:
            info = path.stat()
        except FileNotFoundError:
            code = codes["missing"]
        except (OSError, ValueError) as exc:
            code = codes["unreadable"]
            params["reason"] = getattr(exc, "strerror", None) or str(exc)
        else:
            key = (info.st_dev, info.st_ino)
            if not stat.S_ISREG(info.st_mode):
                code = codes["not_regular"]
            elif key in seen:
                other, first_line = seen[key]
                same = other == name
                code = codes["twice"] if same else codes["same"]
                params.update({} if same else {"other": other, "first_line": first_line})
            else:
                seen[key] = (name, line)
                paths.append(path)
                continue
        problems.append(Problem(Place(doc.path, line, col), path_text(doc, loc), code, params))
    return paths, problems
