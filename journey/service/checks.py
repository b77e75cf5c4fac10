"""Cross-checks of the after-delivery kinds: in the catalog, every owner, handler and
contributor is a profession, every point exists, every trigger names a level; a gate
rule of the area finds the catalog file it reads. In a project, every improvement action
aims at a known dimension or item, is owned by a profession and has its own id."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Any

from journey.problems import Place, Problem, Severity
from journey.validation import path_text, suggest

if TYPE_CHECKING:
    from journey.catalog import Catalog, Source
    from journey.yamlio import Document

#: The catalog kind each rule of the area reads, and the entries it needs.
RULE_NEEDS = {
    "repairs-on-time": ("service-levels", "repair_categories"),
    "complaints-handled": ("complaint-levels", "complaint_levels"),
    "satisfaction-acted": ("satisfaction", "dimensions"),
}


def _ref(
    src: Source, fieldpath: tuple[str | int, ...], value: str, known: Collection[str], what: str
) -> list[Problem]:
    if value in known:
        return []
    hint = suggest(value, known)
    return [src.problem(fieldpath, "ref.unknown", what=what, value=value, suggestion=hint)]


def _people(catalog: Catalog, src: Source, entry: Any, owner_field: str) -> list[Problem]:
    """The owner (or handler), contributors and sensitive points of an entry."""
    known = catalog.professions
    out = _ref(src, (owner_field,), getattr(entry, owner_field), known, "what.profession")
    for i, who in enumerate(entry.contributors):
        out += _ref(src, ("contributors", i), who, known, "what.profession")
    for i, point in enumerate(getattr(entry, "points", ())):
        out += _ref(src, ("points", i), point, catalog.points, "what.point")
    return out


def check_catalog(catalog: Catalog) -> list[Problem]:
    """Every reference problem of the repair categories, complaint levels and triggers,
    and satisfaction dimensions."""
    out: list[Problem] = []
    sources = catalog.entry_sources
    for cat in catalog.repair_categories.values():
        out += _people(catalog, sources[("repair-category", cat.id)], cat, "owner")
    for level in catalog.complaint_levels.values():
        out += _people(catalog, sources[("complaint-level", level.id)], level, "handler")
    for i, trigger in enumerate(catalog.complaint_triggers):
        src = sources[("trigger", str(i))]
        what = "what.complaint_level"
        out += _ref(src, ("level",), trigger.level, catalog.complaint_levels, what)
        for k, who in enumerate(trigger.contributors):
            out += _ref(src, ("contributors", k), who, catalog.professions, "what.profession")
    for dim in catalog.dimensions.values():
        out += _people(catalog, sources[("dimension", dim.id)], dim, "owner")
    return out


def rule_refs(catalog: Catalog, rule: Any, src: Source) -> list[Problem]:
    """A rule of the area: the catalog holds what it reads, and its options name
    entries that exist."""
    need = RULE_NEEDS.get(rule.rule)
    if need is None:
        return []
    kind, entries = need
    if not getattr(catalog, entries):
        return [src.problem(("rule",), "service.rule_needs", rule=rule.rule, kind=kind)]
    out: list[Problem] = []
    for k, cat in enumerate(getattr(rule, "categories", ())):
        what = "what.repair_category"
        out += _ref(src, ("categories", k), cat, catalog.repair_categories, what)
    for k, who in enumerate(getattr(rule, "escalate", ())):
        out += _ref(src, ("escalate", k), who, catalog.professions, "what.profession")
    return out


# The project's improvement actions ----------------------------------------------------


def action_refs(doc: Document, catalog: Catalog, extra_ids: Collection[str]) -> list[Problem]:
    """Every reference problem of `actions:` in project.yaml (read from the composed YAML,
    so that a project with a schema error still gets them)."""
    raw = doc.data.get("actions")
    out: list[Problem] = []
    first: dict[str, int] = {}
    items = {*catalog.sources, *extra_ids}
    for i, action in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(action, dict):
            continue
        out += list(_action(doc, catalog, items, i, action))
        action_id = action.get("id")
        if isinstance(action_id, str):
            if action_id in first:
                line = doc.locate(("actions", first[action_id], "id"))[0]
                out.append(
                    _at(doc, ("actions", i, "id"), "service.action_twice", action_id, line=line)
                )
            else:
                first[action_id] = i
    return out


def _action(
    doc: Document, catalog: Catalog, items: Collection[str], i: int, action: dict[str, Any]
) -> Iterator[Problem]:
    checks = (
        ("dimension", catalog.dimensions, "what.dimension"),
        ("owner", catalog.professions, "what.profession"),
        ("target", items, "what.item"),
    )
    for name, known, what in checks:
        value = action.get(name)
        if isinstance(value, str) and value not in known:
            hint = suggest(value, known)
            code = "service.action_target" if name == "target" else "ref.unknown"
            yield _at(doc, ("actions", i, name), code, value, what=what, suggestion=hint)


def _at(doc: Document, loc: tuple[str | int, ...], code: str, value: str, **params: Any) -> Problem:
    line, col = doc.locate(loc)
    place = Place(doc.path, line, col)
    return Problem(place, path_text(doc, loc), code, {"value": value, **params}, Severity.ERROR)


__all__ = ["RULE_NEEDS", "action_refs", "check_catalog", "rule_refs"]
