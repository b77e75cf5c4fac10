"""Rows for `journey catalog list` and details for `journey catalog show`."""

from __future__ import annotations

from typing import Any, NamedTuple

from journey.catalog import Catalog
from journey.models import CheckItem, Point, Risk, Task
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
)
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
                getattr(entry, "owner", ""),
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
    return out


def _stage_of(catalog: Catalog, entry: Any) -> str:
    if isinstance(entry, CheckItem):
        return catalog.checklists[catalog.item_checklist[entry.id]].stage
    if isinstance(entry, Task):
        return ""
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
    if isinstance(entry, Point):
        data["covered_by"] = sorted(
            i.id
            for i in catalog.items()
            if isinstance(i, (Risk, CheckItem)) and entry.id in i.points
        )
    if entry.id in catalog.sources:
        data["defined_at"] = catalog.place(entry.id).render()
    return data


def _plain(value: Any, lang: str) -> Any:
    if isinstance(value, LocalisedText):
        return value.get(lang)
    if isinstance(value, tuple):
        return [_plain(v, lang) for v in value]
    if hasattr(value, "model_dump"):
        return {k: _plain(getattr(value, k), lang) for k in type(value).model_fields}
    return value.value if hasattr(value, "value") and not isinstance(value, (str, int)) else value
