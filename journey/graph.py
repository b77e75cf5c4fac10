"""The responsibility graph: who must do what before whom, as a networkx graph.

Built once from a loaded catalog and, optionally, a project's state. Nodes are stages,
professions, every item, every defect case, and the repair categories and complaint
levels of the after-delivery catalog (journey.graph_service); edges (each with its `kind`)
run from a node to what it names — `depends_on` (to the upstream item), `owner`,
`contributor`, `threatens` (risk to sensitive point), `covers` (check to sensitive point),
`stage` — `prevents` from a checklist item to a defect case it catches (whichever of the
two names the other), `affects` from a defect case to its sensitive points, `touches` from
a repair category or complaint level to its sensitive points, plus derived `handoff`
edges between professions (B → A when an item owned by A depends on an item owned by B),
each with a `count`. The analyses (journey.graph_analysis) and the exporters read that one
graph; every output is sorted so that two runs can be diffed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import networkx as nx

from journey.catalog import AnyItem, Catalog
from journey.graph_export import EXPORTERS, ITEM_KINDS, export, mermaid_ids
from journey.graphcheck import item_stage
from journey.models import CheckItem, DefectCase, Point, Risk, Task
from journey.tables import paused_gc
from journey.types import CHECK_DONE, RISK_DONE, TASK_DONE

if TYPE_CHECKING:
    from journey.project import Project

DONE = {"risk": {*RISK_DONE, "waived"}, "check": {*CHECK_DONE, "waived"}}
DONE_TASK = {TASK_DONE, "waived"}
EDGE_KINDS = (
    "depends_on",
    "owner",
    "contributor",
    "threatens",
    "covers",
    "prevents",
    "affects",
    "touches",
    "stage",
    "handoff",
)
#: Edges that name another item rather than who or when: a cut does not follow them.
LINK_KINDS = ("depends_on", "threatens", "covers", "prevents", "affects", "touches")


def stage_node(stage: str) -> str:
    """The node id of a stage (stages and professions may share a name)."""
    return f"stage:{stage}"


def profession_node(profession: str) -> str:
    """The node id of a profession."""
    return f"profession:{profession}"


@dataclass(frozen=True)
class State:
    """What the graph needs of a project: level, statuses, extra risks, dates."""

    level: str
    statuses: Mapping[str, str]  # item id -> status (waived items: `waived`)
    milestones: Mapping[str, dt.date] = field(default_factory=dict)
    as_of: dt.date = dt.date(2000, 1, 1)
    extra_risks: tuple[tuple[Risk, str, int], ...] = ()  # risk, file, line

    @classmethod
    def of(cls, project: Project) -> State:
        """The state of a loaded project: unlisted items take their default status."""
        catalog = project.catalog
        statuses: dict[str, str] = {}
        for risk_id in project.risks():
            statuses[risk_id] = project.risk_status(risk_id)
        for check_id in catalog.check_items:
            statuses[check_id] = project.check_status(check_id)
        for task_id in catalog.tasks:
            statuses[task_id] = project.task_status(task_id)
        for waiver in project.file.waivers:
            if waiver.target in statuses and not waiver.expired(project.as_of):
                statuses[waiver.target] = "waived"
        extras = []
        for i, risk in enumerate(project.file.extra_risks):
            place = project.place("extra_risks", i)
            extras.append((risk, place.file, place.line))
        milestones = dict(project.file.milestones)
        return cls(project.level, statuses, milestones, project.as_of, tuple(extras))


def is_open(kind: str, status: str) -> bool:
    """True for an item that is not finished: a risk not closed, a check not passed…"""
    if kind == "task":
        return status not in DONE_TASK
    return kind in DONE and status not in DONE[kind]


# Building -------------------------------------------------------------------------


@paused_gc()
def build(catalog: Catalog, state: State | None = None) -> Any:
    """The whole graph of a catalog (a `networkx.DiGraph`), with project state."""
    g = nx.DiGraph(catalog=catalog.name, version=catalog.version)
    for i, stage in enumerate(catalog.stages.values()):
        g.add_node(stage_node(stage.id), kind="stage", id=stage.id, order=i, **_titles(stage))
    for i, prof in enumerate(catalog.professions.values()):
        g.add_node(
            profession_node(prof.id), kind="profession", id=prof.id, order=i, **_titles(prof)
        )
    items = sorted(_items(catalog, state), key=lambda entry: entry[0].id)
    attrs = {item.id: _item_attrs(catalog, item, state, f, n) for item, f, n in items}
    g.add_nodes_from(attrs.items())
    g.add_edges_from(edge for item, _, _ in items for edge in _item_edges(attrs, item))
    cases = {cid: _case_attrs(catalog, catalog.cases[cid]) for cid in sorted(catalog.cases)}
    g.add_nodes_from(cases.items())
    g.add_edges_from(edge for c in catalog.cases.values() for edge in _case_edges(g, c))
    g.add_edges_from(
        (item, case, {"kind": "prevents"})
        for case, item in catalog.case_links()
        if item in attrs and case in cases
    )
    from journey.graph_service import add_service

    add_service(g, catalog)
    add_handoffs(g)
    return g


def _case_attrs(catalog: Catalog, case: DefectCase) -> dict[str, Any]:
    place = catalog.case_source(case.id).place()
    stage = case.prevent_stage if case.prevent_stage in catalog.stages else ""
    return {
        "kind": "case",
        "id": case.id,
        "owner": case.owner,
        "stage": stage,
        "file": place.file,
        "line": place.line,
        **_titles(case),
    }


def _case_edges(g: Any, case: DefectCase) -> Iterator[Edge]:
    """A defect case's owner, contributors, prevention stage and sensitive points."""
    yield from who_edges(case.id, case.owner, case.contributors)
    for point in case.points:
        if point in g:
            yield case.id, point, {"kind": "affects"}
    if g.nodes[case.id]["stage"]:
        yield case.id, stage_node(case.prevent_stage), {"kind": "stage"}


def _items(catalog: Catalog, state: State | None) -> Iterator[tuple[AnyItem, str, int]]:
    for item in catalog.items():
        if state is None or catalog.applies(item, state.level):
            place = catalog.place(item.id)
            yield item, place.file, place.line
    for risk, file, line in state.extra_risks if state else ():
        if catalog.applies(risk, state.level if state else risk.level):
            yield risk, file, line


def _titles(entry: Any) -> dict[str, str]:
    return {"title_en": entry.title.get("en"), "title_zh": entry.title.get("zh")}


def kind_of(item: AnyItem) -> str:
    """`point`, `risk`, `check` or `task`."""
    if isinstance(item, Point):
        return "point"
    if isinstance(item, Risk):
        return "risk"
    return "check" if isinstance(item, CheckItem) else "task"


def _item_attrs(
    catalog: Catalog, item: AnyItem, state: State | None, file: str, line: int
) -> dict[str, Any]:
    kind = kind_of(item)
    stage = item_stage(catalog, item)
    attrs: dict[str, Any] = {
        "kind": kind,
        "id": item.id,
        "owner": item.owner,
        "stage": stage if stage in catalog.stages else "",
        "level": item.level,
        "file": file,
        "line": line,
        **_titles(item),
    }
    if isinstance(item, Task):
        attrs.update(anchor=item.anchor, offset_days=item.offset_days, duration=item.duration_days)
    if state is not None and kind != "point":
        attrs["status"] = state.statuses.get(item.id, _default_status(kind))
    return attrs


def _default_status(kind: str) -> str:
    return {"risk": "open", "check": "pending", "task": "todo"}.get(kind, "")


Edge = tuple[str, str, dict[str, Any]]


def _item_edges(nodes: Mapping[str, Mapping[str, Any]], item: AnyItem) -> Iterator[Edge]:
    """The edges from an item to what it names (`nodes`: every item's attributes). A
    `depends_on` entry naming a sensitive point is left out (the graph checks warn about
    it), so one edge joins any two nodes."""
    deps = () if isinstance(item, Point) else item.depends_on
    for dep in deps:
        if dep in nodes and dep != item.id and nodes[dep]["kind"] != "point":
            yield item.id, dep, {"kind": "depends_on"}
    yield from who_edges(item.id, item.owner, item.contributors)
    relation = "threatens" if isinstance(item, Risk) else "covers"
    for point in item.points if isinstance(item, (Risk, CheckItem)) else ():
        if point in nodes:
            yield item.id, point, {"kind": relation}
    stage = nodes[item.id]["stage"]
    if stage:
        yield item.id, stage_node(stage), {"kind": "stage"}


def who_edges(node: str, owner: str, contributors: Iterable[str]) -> Iterator[Edge]:
    """The `owner` edge from `node` to its profession, and a `contributor` edge to each
    other profession it brings in."""
    yield node, profession_node(owner), {"kind": "owner"}
    for who in contributors:
        if who != owner:
            yield node, profession_node(who), {"kind": "contributor"}


def dependencies(g: Any) -> Iterator[tuple[str, str]]:
    """Every `depends_on` edge as (item, upstream item), in graph order."""
    # The plain dict-of-dicts behind `g.succ`: its views cost more than the work here.
    for item, successors in g._succ.items():
        for upstream, data in successors.items():
            if data["kind"] == "depends_on":
                yield item, upstream


def handoffs(g: Any) -> Counter[tuple[str, str]]:
    """(upstream profession, downstream profession) -> number of dependencies between them."""
    owner: dict[str, str] = dict(g.nodes(data="owner"))
    return Counter(
        (owner[upstream], owner[item])
        for item, upstream in dependencies(g)
        if owner[upstream] != owner[item]
    )


def add_handoffs(g: Any) -> None:
    """Add the derived profession → profession hand-off edges, with their counts."""
    g.add_edges_from(
        (profession_node(giver), profession_node(taker), {"kind": "handoff", "count": count})
        for (giver, taker), count in sorted(handoffs(g).items())
    )


def cut(g: Any, items: Iterable[str]) -> Any:
    """The graph reduced to `items`, the stages and professions they name, and the
    sensitive points among them; hand-offs are counted again within the cut."""
    keep = {n for n in items if n in g}
    for n in list(keep):
        keep.update(v for _, v, kind in g.out_edges(n, data="kind") if kind not in LINK_KINDS)
    sub = nx.DiGraph(**g.graph)
    sub.add_nodes_from((n, g.nodes[n]) for n in g if n in keep)
    sub.add_edges_from(
        (u, v, d)
        for u, v, d in g.edges(data=True)
        if d["kind"] != "handoff" and u in keep and v in keep
    )
    add_handoffs(sub)
    return sub


def items_of_stage(g: Any, stage: str) -> list[str]:
    """The items that belong to `stage`."""
    return [n for n, d in g.nodes(data=True) if d["kind"] in ITEM_KINDS and d["stage"] == stage]


__all__ = [
    "EXPORTERS",
    "ITEM_KINDS",
    "Edge",
    "State",
    "add_handoffs",
    "build",
    "cut",
    "dependencies",
    "export",
    "handoffs",
    "is_open",
    "items_of_stage",
    "kind_of",
    "mermaid_ids",
    "profession_node",
    "stage_node",
    "who_edges",
]
