"""The models of every catalog file kind (SPEC §2), discriminated on `kind`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from journey.importmap import ImportMapFile
from journey.rules import AnyRule
from journey.service.models import ComplaintLevelsFile, SatisfactionFile, ServiceLevelsFile
from journey.types import (
    AS_INT,
    AS_NUMBER,
    Bool,
    CaseId,
    Int,
    ItemId,
    MilestoneName,
    Model,
    NonEmpty,
    Rating,
    Slug,
    Text,
)

Positive = Annotated[int, Field(ge=1), AS_INT]
Refs = tuple[ItemId, ...]
Professions = tuple[Slug, ...]
CaseRefs = tuple[CaseId, ...]


class Named(Model):
    """An entry with a lower-case id, a title and an optional description."""

    id: Slug
    title: Text
    description: Text | None = None


class Stage(Named):
    """A development stage; the file order is the stage order."""


class Profession(Named):
    """A profession that owns or contributes to items (design, engineering, …)."""


class Level(Named):
    """A customer-relations positioning level; the file order is the maturity order."""

    description: Text


class Category(Named):
    """A risk category within a phase (e.g. `sales-brochure`)."""


class Item(Model):
    """What every catalog item shares: a stable id, an owner and the level it applies from."""

    id: ItemId
    title: Text
    description: Text | None = None
    owner: Slug
    contributors: Professions = ()
    level: Slug


class Point(Item):
    """A customer sensitive point (客户敏感点)."""

    kind: Literal["risk", "value", "contact"]
    stage: Slug
    red_line: Bool = False


class Risk(Item):
    """A sales-stage or delivery-stage risk to customers."""

    category: Slug
    stage: Slug
    likelihood: Positive
    impact: Positive
    controls: Annotated[tuple[Text, ...], Field(min_length=1)]
    points: Refs = ()
    depends_on: Refs = ()


class CheckItem(Item):
    """One item of a checklist: where to look, how, and what passes."""

    area: Text
    public_area: Bool = False
    method: Text
    criterion: Text
    blocking: Bool
    points: Refs = ()
    depends_on: Refs = ()
    cases: CaseRefs = ()  # the defect cases this item catches or prevents


class Task(Item):
    """A delivery-preparation task scheduled relative to a project milestone."""

    category: Slug | None = None
    anchor: MilestoneName
    offset_days: Int
    duration_days: Annotated[int, Field(ge=0), AS_INT]
    depends_on: Refs = ()


class ScaleStep(Model):
    """One step of the likelihood or impact scale."""

    value: Positive
    title: Text
    description: Text | None = None


class Gate(Model):
    """A named gate: the rules a project must pass at one milestone."""

    id: Slug
    title: Text
    description: Text | None = None
    stage: Slug
    milestone: MilestoneName
    rules: Annotated[tuple[AnyRule, ...], Field(min_length=1)]


class DefectCase(Model):
    """A defect case (缺陷案例): a defect that recurs, what it costs customers, why it
    happens, and what the profession that must act has to do so that it is not built again.

    `items` are the checklist items (design review, acceptance, open day) that catch or
    prevent it; an item may also name the case in its own `cases`: either side links."""

    id: CaseId
    title: Text
    problem: Text
    harm: Text
    cause: Text
    requirement: Text
    standard: Text
    owner: Slug
    contributors: Professions = ()
    prevent_stage: Slug
    points: Refs = ()
    items: Refs = ()
    seen_on: tuple[Slug, ...] = ()


# Files ---------------------------------------------------------------------------


class CatalogInfoFile(Model):
    """The catalog's name and version (optional; one per catalog)."""

    kind: Literal["catalog"]
    id: Slug
    version: NonEmpty
    title: Text
    description: Text | None = None


class StagesFile(Model):
    """`kind: stages`: the ordered development stages."""

    kind: Literal["stages"]
    stages: Annotated[tuple[Stage, ...], Field(min_length=1)]


class ProfessionsFile(Model):
    """`kind: professions`: who owns and contributes to items."""

    kind: Literal["professions"]
    professions: Annotated[tuple[Profession, ...], Field(min_length=1)]


class PositioningFile(Model):
    """`kind: positioning`: the maturity levels, lowest first."""

    kind: Literal["positioning"]
    levels: Annotated[tuple[Level, ...], Field(min_length=1)]


class PointsFile(Model):
    """`kind: sensitive-points`: customer sensitive points."""

    kind: Literal["sensitive-points"]
    points: tuple[Point, ...]


class RisksFile(Model):
    """`kind: risks`: the risks of one phase, with the categories they use."""

    kind: Literal["risks"]
    phase: Literal["sales", "delivery"]
    categories: tuple[Category, ...] = ()
    risks: tuple[Risk, ...]


class ChecklistFile(Model):
    """`kind: checklist`: one checklist (a simulated-acceptance round, the open day)."""

    kind: Literal["checklist"]
    id: Slug
    title: Text
    description: Text | None = None
    stage: Slug
    phase: Slug | None = None
    items: tuple[CheckItem, ...]


class PlanFile(Model):
    """`kind: plan`: delivery-preparation tasks."""

    kind: Literal["plan"]
    id: Slug
    title: Text
    description: Text | None = None
    tasks: tuple[Task, ...]


class MatrixFile(Model):
    """`kind: matrix`: the likelihood × impact scales and the rating of every cell."""

    kind: Literal["matrix"]
    title: Text | None = None
    likelihood: Annotated[tuple[ScaleStep, ...], Field(min_length=2)]
    impact: Annotated[tuple[ScaleStep, ...], Field(min_length=2)]
    grid: tuple[tuple[Rating, ...], ...]

    @model_validator(mode="after")
    def _check_shape(self) -> MatrixFile:
        for scale in (self.likelihood, self.impact):
            if [s.value for s in scale] != list(range(1, len(scale) + 1)):
                raise PydanticCustomError("matrix.scale", "scale values must be 1, 2, 3 …")
        rows, cols = len(self.likelihood), len(self.impact)
        if len(self.grid) != rows or any(len(row) != cols for row in self.grid):
            raise PydanticCustomError(
                "matrix.shape", "grid must be {rows} × {cols}", {"rows": rows, "cols": cols}
            )
        return self

    def rating(self, likelihood: int, impact: int) -> Rating:
        """The rating of a cell (both scores 1-based)."""
        return self.grid[likelihood - 1][impact - 1]


class DefectCasesFile(Model):
    """`kind: defect-cases`: the defect-case library (缺陷案例库)."""

    kind: Literal["defect-cases"]
    title: Text | None = None
    description: Text | None = None
    cases: tuple[DefectCase, ...]


class Deduction(Model):
    """Points taken off a home's score for each finding of one item, or of every item of
    one checklist, by the finding's severity."""

    item: ItemId | None = None
    checklist: Slug | None = None
    minor: Annotated[float, Field(ge=0), AS_NUMBER] = 0.0
    major: Annotated[float, Field(ge=0), AS_NUMBER] = 0.0
    critical: Annotated[float, Field(ge=0), AS_NUMBER] = 0.0

    @model_validator(mode="after")
    def _one_target(self) -> Deduction:
        if (self.item is None) == (self.checklist is None):
            raise PydanticCustomError("scoring.target", "give either `item` or `checklist`")
        return self


class ScoringFile(Model):
    """`kind: scoring`: how a third-party pre-delivery assessment scores homes (交付评估).

    Each home starts at 100; every finding takes off the points of its item (or of its
    checklist) at its severity, up to `cap_per_unit` a home; a building's or a batch's
    score is the mean over its inspected homes."""

    kind: Literal["scoring"]
    id: Slug
    title: Text
    description: Text
    default_severity: Literal["minor", "major", "critical"] = "minor"
    cap_per_unit: Annotated[float, Field(ge=0, le=100), AS_NUMBER]
    pass_score: Annotated[float, Field(ge=0, le=100), AS_NUMBER]
    deductions: Annotated[tuple[Deduction, ...], Field(min_length=1)]


class GatesFile(Model):
    """`kind: gates`: the gates of the catalog."""

    kind: Literal["gates"]
    gates: tuple[Gate, ...]


CatalogFile = (
    CatalogInfoFile
    | StagesFile
    | ProfessionsFile
    | PositioningFile
    | PointsFile
    | RisksFile
    | ChecklistFile
    | PlanFile
    | MatrixFile
    | GatesFile
    | DefectCasesFile
    | ScoringFile
    | ImportMapFile
    | ServiceLevelsFile
    | ComplaintLevelsFile
    | SatisfactionFile
)

FILE_MODELS: dict[str, type[CatalogFile]] = {
    "catalog": CatalogInfoFile,
    "stages": StagesFile,
    "professions": ProfessionsFile,
    "positioning": PositioningFile,
    "sensitive-points": PointsFile,
    "risks": RisksFile,
    "checklist": ChecklistFile,
    "plan": PlanFile,
    "matrix": MatrixFile,
    "gates": GatesFile,
    "defect-cases": DefectCasesFile,
    "scoring": ScoringFile,
    "import-map": ImportMapFile,
    "service-levels": ServiceLevelsFile,
    "complaint-levels": ComplaintLevelsFile,
    "satisfaction": SatisfactionFile,
}
