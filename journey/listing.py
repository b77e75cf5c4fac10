"""Rows for `journey catalog list` and details for `journey catalog show`."""

from __future__ import annotations

from typing import Any, NamedTuple

from journey.catalog import Catalog
from journey.messages import has, text
from journey.models import CheckItem, DefectCase, Point, Risk, Task
from journey.service.models import ComplaintLevel, Dimension, LifeStage, RepairCategory
from journey.types import LocalisedText

KINDS = (
    "stages",
    "professions",
    "levels",
    "points",
    "risks",
    "checks",
    "tasks",
    "checklists",
    "gates",
    "cases",
    "repairs",
    "complaints",
    "dimensions",
    "life-stages",
)
#: The after-delivery kinds belong to the after-delivery stage.
SERVICE_KINDS = ("repairs", "complaints", "dimensions", "life-stages")
ALIASES = {
    "stage": "stages",
    "profession": "professions",
    "positioning": "levels",
    "level": "levels",
    "sensitive-points": "points",
    "point": "points",
    "risk": "risks",
    "checklist": "checklists",
    "check": "checks",
    "items": "checks",
    "plan": "tasks",
    "task": "tasks",
    "gate": "gates",
    "case": "cases",
    "defect-cases": "cases",
    "defect-case": "cases",
    "service-levels": "repairs",
    "repair": "repairs",
    "repair-categories": "repairs",
    "complaint-levels": "complaints",
    "complaint": "complaints",
    "satisfaction": "dimensions",
    "dimension": "dimensions",
    "life-stage": "life-stages",
}


class Row(NamedTuple):
    """One line of the catalog listing."""

    id: str
    kind: str
    stage: str
    owner: str
    level: str
    title: str


def normalise_kind(kind: str) -> str | None:
    """The listing kind for a name a user may type (`risk`, `sensitive-points`, …)."""
    kind = ALIASES.get(kind, kind)
    return kind if kind in KINDS else None


def rows(
    catalog: Catalog, lang: str, kind: str | None, stage: str | None, level: str | None
) -> list[Row]:
    """Catalog entries as rows, filtered by kind, stage and positioning level."""
    out: list[Row] = []
    for row_kind, entry in _entries(catalog):
        if kind and row_kind != kind:
            continue
        row_stage = _stage_of(catalog, entry)
        if stage and row_stage != stage:
            continue
        entry_level = getattr(entry, "level", "")
        if level and (
            not entry_level or catalog.level_rank(entry_level) > catalog.level_rank(level)
        ):
            continue
        out.append(
            Row(
                entry.id,
                row_kind,
                row_stage,
                getattr(entry, "owner", "") or getattr(entry, "handler", ""),
                entry_level,
                entry.title.get(lang),
            )
        )
    return out


def _entries(catalog: Catalog) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    out += [("stages", e) for e in catalog.stages.values()]
    out += [("professions", e) for e in catalog.professions.values()]
    out += [("levels", e) for e in catalog.levels.values()]
    out += [("points", e) for e in catalog.points.values()]
    out += [("risks", e) for e in catalog.risks.values()]
    out += [("checklists", e) for e in catalog.checklists.values()]
    out += [("checks", e) for e in catalog.check_items.values()]
    out += [("tasks", e) for e in catalog.tasks.values()]
    out += [("gates", e) for e in catalog.gates.values()]
    out += [("cases", e) for e in catalog.cases.values()]
    out += [("repairs", e) for e in catalog.repair_categories.values()]
    out += [("complaints", e) for e in catalog.complaint_levels.values()]
    out += [("dimensions", e) for e in catalog.dimensions.values()]
    out += [("life-stages", e) for e in catalog.life_stages.values()]
    return out


def _stage_of(catalog: Catalog, entry: Any) -> str:
    if isinstance(entry, (RepairCategory, ComplaintLevel, Dimension, LifeStage)):
        return "after-delivery" if "after-delivery" in catalog.stages else ""
    if isinstance(entry, CheckItem):
        return catalog.checklists[catalog.item_checklist[entry.id]].stage
    if isinstance(entry, Task):
        return ""
    if isinstance(entry, DefectCase):
        return entry.prevent_stage
    return str(getattr(entry, "stage", ""))


def find(catalog: Catalog, entry_id: str) -> tuple[str, Any] | None:
    """The entry with this id and its listing kind (items first, then named entries)."""
    for row_kind, entry in _entries(catalog):
        if entry.id == entry_id and row_kind not in (
            "stages",
            "professions",
            "levels",
            "checklists",
            "gates",
            *SERVICE_KINDS,
        ):
            return row_kind, entry
    for row_kind, entry in _entries(catalog):
        if entry.id == entry_id:
            return row_kind, entry
    return None


def details(catalog: Catalog, entry: Any, lang: str) -> dict[str, Any]:
    """Every field of an entry as plain data, texts in `lang`, plus derived facts."""
    data: dict[str, Any] = {}
    for name in type(entry).model_fields:
        value = getattr(entry, name)
        data[name] = _plain(value, lang)
    if isinstance(entry, Risk):
        data["phase"] = catalog.risk_phase[entry.id]
        data["rating"] = catalog.rating(entry.likelihood, entry.impact).value
    if isinstance(entry, CheckItem):
        data["checklist"] = catalog.item_checklist[entry.id]
        data["linked_cases"] = [c for c, i in catalog.case_links() if i == entry.id]
    if isinstance(entry, DefectCase):
        data["linked_items"] = [
            f"{i} ({catalog.item_checklist[i]})" for c, i in catalog.case_links() if c == entry.id
        ]
        data["defined_at"] = catalog.case_source(entry.id).place().render()
    if isinstance(entry, ComplaintLevel):
        data["triggers"] = [
            {
                k: ", ".join(v) if isinstance(v, list) else v
                for k, v in _plain(t, lang).items()
                if k != "level" and v not in (None, [])
            }
            for t in catalog.complaint_triggers
            if t.level == entry.id
        ]
    if isinstance(entry, Point):
        data["covered_by"] = sorted(
            i.id
            for i in catalog.items()
            if isinstance(i, (Risk, CheckItem)) and entry.id in i.points
        )
        data["defect_cases"] = sorted(c.id for c in catalog.cases.values() if entry.id in c.points)
    if entry.id in catalog.sources:
        data["defined_at"] = catalog.place(entry.id).render()
    space = _SPACES.get(type(entry))
    if space is not None:
        data["defined_at"] = catalog.entry_sources[(space, entry.id)].place().render()
    return data


_SPACES: dict[type, str] = {
    RepairCategory: "repair-category",
    ComplaintLevel: "complaint-level",
    Dimension: "dimension",
    LifeStage: "life-stage",
}


def _plain(value: Any, lang: str) -> Any:
    if isinstance(value, LocalisedText):
        return value.get(lang)
    if isinstance(value, tuple):
        return [_plain(v, lang) for v in value]
    if hasattr(value, "model_dump"):
        return {k: _plain(getattr(value, k), lang) for k in type(value).model_fields}
    return value.value if hasattr(value, "value") and not isinstance(value, (str, int)) else value


def shown_row(catalog: Catalog, row: Row, lang: str) -> Row:
    """A listing row as a person reads it: in Chinese, the kind, stage, owner and level by
    their titles (`风险`, `设计阶段`, `工程`, `过程管理`) rather than their ids."""
    if lang != "zh":
        return row
    return row._replace(
        kind=_kind_word(row.kind, lang),
        stage=_title(catalog.stages, row.stage, lang),
        owner=_title(catalog.professions, row.owner, lang),
        level=_title(catalog.levels, row.level, lang),
    )


def shown_details(catalog: Catalog, data: dict[str, Any], lang: str) -> dict[str, Any]:
    """`details` as a person reads it: in Chinese, field names and the ids of stages,
    professions, levels, categories and kinds replaced by their titles."""
    if lang != "zh":
        return data
    return {
        _field_word(key, lang): _shown(catalog, key, value, lang) for key, value in data.items()
    }


def _shown(catalog: Catalog, key: str, value: Any, lang: str) -> Any:
    if isinstance(value, list):
        return [_shown(catalog, key, v, lang) for v in value]
    if isinstance(value, dict):
        return shown_details(catalog, value, lang)
    if isinstance(value, bool):
        return text("catalog.bool.true" if value else "catalog.bool.false", lang)
    if not isinstance(value, str):
        return value
    by_field: dict[str, Any] = {
        "stage": catalog.stages,
        "prevent_stage": catalog.stages,
        "owner": catalog.professions,
        "contributors": catalog.professions,
        "handler": catalog.professions,
        "level": catalog.levels,
        "checklist": catalog.checklists,
    }
    if key in by_field:
        return _title(by_field[key], value, lang)
    if key == "category":
        return _category_word(catalog, value, lang)
    if key in ("anchor", "milestone"):
        return _message_or(f"milestone.{value}", value, lang)
    if key in ("kind", "phase", "rating"):
        return _word_of(key, value, lang)
    return value


def _title(entries: Any, entry_id: str, lang: str) -> str:
    entry = entries.get(entry_id) if entry_id else None
    return entry.title.get(lang) if entry is not None else entry_id


def _kind_word(kind: str, lang: str) -> str:
    return _word_of("kind", kind, lang)


def _category_word(catalog: Catalog, value: str, lang: str) -> str:
    category = catalog.categories.get(value)
    if category is not None:
        return category.title.get(lang)
    return _message_or(f"catalog.task_category.{value}", value, lang)


def _word_of(key: str, value: str, lang: str) -> str:
    if key == "kind":
        code = f"catalog.kind.{value}" if value in KINDS else f"catalog.point_kind.{value}"
        if value == "checklist":
            code = "catalog.kind.checklists"
        return _message_or(code, value, lang)
    if key == "rating":
        return _message_or(f"gate.rating.{value}", value, lang)
    return _message_or(f"catalog.phase.{value}", value, lang)


def _field_word(key: str, lang: str) -> str:
    return _message_or(f"catalog.field.{key}", key, lang)


def _message_or(code: str, fallback: str, lang: str) -> str:
    return text(code, lang) if has(code) else fallback
