"""Checks across catalog files: every reference resolves, scores fit the matrix."""

from __future__ import annotations

from collections.abc import Collection

from journey.catalog import Catalog, Source
from journey.importmap import check_map
from journey.models import CheckItem, DefectCase, Point, Risk, Task
from journey.problems import Problem, problem
from journey.rules import checklist_passed, findings_closed, red_lines_clear, risks_controlled
from journey.service import checks as service_checks
from journey.validation import suggest


def check_references(catalog: Catalog) -> list[Problem]:
    """Every problem in how catalog entries refer to one another."""
    problems: list[Problem] = []
    problems.extend(_missing_kinds(catalog))
    for item_id, src in catalog.sources.items():
        item = catalog.item(item_id)
        if item is None:
            continue
        problems.extend(_item_refs(catalog, item, src))
    for checklist in catalog.checklists.values():
        src = catalog.entry_sources[("checklist", checklist.id)]
        problems.extend(_ref(src, ("stage",), checklist.stage, catalog.stages, "what.stage"))
    problems.extend(_gate_refs(catalog))
    for case in catalog.cases.values():
        problems.extend(_case_refs(catalog, case, catalog.case_source(case.id)))
    problems.extend(_scoring_refs(catalog))
    for map_id, import_map in catalog.import_maps.items():
        doc = catalog.entry_sources[("import-map", map_id)].doc
        problems.extend(check_map(doc, import_map, catalog.check_items))
    problems.extend(service_checks.check_catalog(catalog))
    return problems


def _scoring_refs(catalog: Catalog) -> list[Problem]:
    """A scoring file names checklist items and checklists that exist."""
    if catalog.scoring is None:
        return []
    src = catalog.entry_sources[("scoring", catalog.scoring.id)]
    out: list[Problem] = []
    for i, row in enumerate(catalog.scoring.deductions):
        if row.item is not None:
            out += _ref(
                src, ("deductions", i, "item"), row.item, catalog.check_items, "what.check_item"
            )
        if row.checklist is not None:
            out += _ref(
                src,
                ("deductions", i, "checklist"),
                row.checklist,
                catalog.checklists,
                "what.checklist",
            )
    return out


def _missing_kinds(catalog: Catalog) -> list[Problem]:
    if not catalog.documents:
        return []
    have = {
        "stages": catalog.stages,
        "professions": catalog.professions,
        "positioning": catalog.levels,
        "matrix": catalog.matrix,
    }
    return [
        problem(catalog.root, 0, 0, "", "catalog.missing_kind", kind=kind)
        for kind, value in have.items()
        if not value
    ]


def _ref(
    src: Source, fieldpath: tuple[str | int, ...], value: str, known: Collection[str], what: str
) -> list[Problem]:
    if value in known:  # a dict or set: constant time, whatever the catalog's size
        return []
    return [
        src.problem(
            fieldpath, "ref.unknown", what=what, value=value, suggestion=suggest(value, known)
        )
    ]


def _item_refs(
    catalog: Catalog, item: Point | Risk | CheckItem | Task, src: Source
) -> list[Problem]:
    out = _ref(src, ("owner",), item.owner, catalog.professions, "what.profession")
    for i, who in enumerate(item.contributors):
        out += _ref(src, ("contributors", i), who, catalog.professions, "what.profession")
    out += _ref(src, ("level",), item.level, catalog.levels, "what.level")
    if isinstance(item, (Point, Risk)):
        out += _ref(src, ("stage",), item.stage, catalog.stages, "what.stage")
    if isinstance(item, Risk):
        out += _ref(src, ("category",), item.category, catalog.categories, "what.category")
        out += _scores(catalog, item, src)
    if isinstance(item, (Risk, CheckItem)):
        for i, point in enumerate(item.points):
            out += _ref(src, ("points", i), point, catalog.points, "what.point")
    if isinstance(item, CheckItem):
        for i, case in enumerate(item.cases):
            out += _ref(src, ("cases", i), case, catalog.cases, "what.case")
    if isinstance(item, (Risk, CheckItem, Task)):
        for i, dep in enumerate(item.depends_on):
            if dep == item.id:
                out.append(src.problem(("depends_on", i), "ref.self", value=dep))
            else:
                out += _ref(src, ("depends_on", i), dep, catalog.sources, "what.item")
    return out


def _case_refs(catalog: Catalog, case: DefectCase, src: Source) -> list[Problem]:
    """A defect case names professions, a stage, sensitive points and checklist items."""
    out = _ref(src, ("owner",), case.owner, catalog.professions, "what.profession")
    for i, who in enumerate(case.contributors):
        out += _ref(src, ("contributors", i), who, catalog.professions, "what.profession")
    out += _ref(src, ("prevent_stage",), case.prevent_stage, catalog.stages, "what.stage")
    for i, point in enumerate(case.points):
        out += _ref(src, ("points", i), point, catalog.points, "what.point")
    for i, item in enumerate(case.items):
        if item in catalog.sources and item not in catalog.check_items:
            out.append(src.problem(("items", i), "case.not_check_item", value=item))
        else:
            out += _ref(src, ("items", i), item, catalog.check_items, "what.check_item")
    return out


def _scores(catalog: Catalog, risk: Risk, src: Source) -> list[Problem]:
    if catalog.matrix is None:
        return []
    out = []
    for name, scale in (
        ("likelihood", catalog.matrix.likelihood),
        ("impact", catalog.matrix.impact),
    ):
        value = getattr(risk, name)
        if value > len(scale):
            out.append(src.problem((name,), "score.range", field=name, max=len(scale)))
    return out


def _gate_refs(catalog: Catalog) -> list[Problem]:
    out: list[Problem] = []
    for gate in catalog.gates.values():
        src = catalog.entry_sources[("gate", gate.id)]
        out += _ref(src, ("stage",), gate.stage, catalog.stages, "what.stage")
        seen: set[str] = set()
        for j, rule in enumerate(gate.rules):
            rsrc = Source(src.doc, (*src.loc, "rules", j))
            if rule.id in seen:
                out.append(rsrc.problem(("id",), "rule.duplicate", value=rule.id))
            seen.add(rule.id)
            out += _rule_refs(catalog, rule, rsrc)
    return out


def _rule_refs(catalog: Catalog, rule: object, src: Source) -> list[Problem]:
    out: list[Problem] = []
    if isinstance(rule, (checklist_passed.Options, findings_closed.Options)):
        for k, name in enumerate(rule.checklists):
            out += _ref(src, ("checklists", k), name, catalog.checklists, "what.checklist")
    if isinstance(rule, risks_controlled.Options) and rule.stage is not None:
        out += _ref(src, ("stage",), rule.stage, catalog.stages, "what.stage")
    if isinstance(rule, red_lines_clear.Options) and rule.through_stage is not None:
        out += _ref(src, ("through_stage",), rule.through_stage, catalog.stages, "what.stage")
    out += service_checks.rule_refs(catalog, rule, src)
    return out
