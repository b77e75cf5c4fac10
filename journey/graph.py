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
each with a `count`. Analyses and exporters read that one graph; every
output is sorted so that two runs can be diffed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from graphlib import TopologicalSorter
from typing import TYPE_CHECKING, Any

import networkx as nx

from journey.catalog import AnyItem, Catalog
from journey.dates import add_days
from journey.graph_export import EXPORTERS, ITEM_KINDS, export, mermaid_ids
from journey.graphcheck import item_stage, paused_gc
from journey.models import CheckItem, DefectCase, Point, Risk, Task
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
    yield case.id, profession_node(case.owner), {"kind": "owner"}
    for who in case.contributors:
        if who != case.owner:
            yield case.id, profession_node(who), {"kind": "contributor"}
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
    yield item.id, profession_node(item.owner), {"kind": "owner"}
    for who in item.contributors:
        if who != item.owner:
            yield item.id, profession_node(who), {"kind": "contributor"}
    relation = "threatens" if isinstance(item, Risk) else "covers"
    for point in item.points if isinstance(item, (Risk, CheckItem)) else ():
        if point in nodes:
            yield item.id, point, {"kind": relation}
    stage = nodes[item.id]["stage"]
    if stage:
        yield item.id, stage_node(stage), {"kind": "stage"}


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


# Analyses -------------------------------------------------------------------------


@dataclass(frozen=True)
class HandoffMatrix:
    """How often each profession hands work to each other one (rows give, columns take)."""

    professions: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def as_dict(self) -> dict[str, dict[str, int]]:
        """Non-zero cells only: giver -> taker -> count."""
        out: dict[str, dict[str, int]] = {}
        for giver, row in zip(self.professions, self.counts, strict=True):
            cells = {t: c for t, c in zip(self.professions, row, strict=True) if c}
            if cells:
                out[giver] = cells
        return out


@paused_gc()
def handoff_matrix(g: Any) -> HandoffMatrix:
    """The hand-off matrix between every profession of the graph, in catalog order."""
    profs = tuple(
        d["id"] for _, d in sorted(_nodes_of(g, "profession"), key=lambda nd: nd[1]["order"])
    )
    counts = handoffs(g)
    return HandoffMatrix(profs, tuple(tuple(counts[(a, b)] for b in profs) for a in profs))


def _nodes_of(g: Any, kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(n, d) for n, d in g.nodes(data=True) if d["kind"] == kind]


def stage_counts(g: Any) -> list[tuple[str, dict[str, int]]]:
    """Items per stage and kind, stages in order; items without a stage come last as ``."""
    order = [d["id"] for _, d in sorted(_nodes_of(g, "stage"), key=lambda nd: nd[1]["order"])]
    counts: dict[str, Counter[str]] = {s: Counter() for s in order}
    for _, d in g.nodes(data=True):
        if d["kind"] in ITEM_KINDS:
            counts.setdefault(d["stage"], Counter())[d["kind"]] += 1
    rows = [(s, {k: counts[s][k] for k in ITEM_KINDS}) for s in order]
    if "" in counts:
        rows.append(("", {k: counts[""][k] for k in ITEM_KINDS}))
    return rows


@dataclass(frozen=True)
class Entry:
    """One item as an analysis shows it: id, kind, owner and status."""

    id: str
    kind: str
    owner: str
    status: str
    stage: str

    @classmethod
    def of(cls, g: Any, node: str) -> Entry:
        """The entry of an item node."""
        d = g.nodes[node]
        return cls(node, d["kind"], d["owner"], d.get("status", ""), d["stage"])

    @property
    def open(self) -> bool:
        """True while the item still has to be done."""
        return is_open(self.kind, self.status)


@dataclass(frozen=True)
class Blocked:
    """An open item and the open upstream items it waits for."""

    item: Entry
    waits_for: tuple[Entry, ...]


@paused_gc()
def blocked(g: Any) -> list[Blocked]:
    """Open items whose direct upstream items are still open, sorted by id."""
    waits: dict[str, list[str]] = {}
    is_open_ = open_items(g)
    for item, upstream in dependencies(g):
        if item in is_open_ and upstream in is_open_:
            waits.setdefault(item, []).append(upstream)
    return [
        Blocked(Entry.of(g, n), tuple(Entry.of(g, u) for u in sorted(waits[n])))
        for n in sorted(waits)
    ]


def open_items(g: Any) -> set[str]:
    """The items of a project graph that still have to be done."""
    return {n for n, d in g.nodes(data=True) if "status" in d and is_open(d["kind"], d["status"])}


@dataclass(frozen=True)
class Focus:
    """An item, everything it waits for (upstream) and everything it holds up (downstream)."""

    item: Entry
    upstream: tuple[Entry, ...]
    downstream: tuple[Entry, ...]

    def ids(self) -> set[str]:
        """The focus item and both of its sets."""
        return {self.item.id, *(e.id for e in self.upstream), *(e.id for e in self.downstream)}


@paused_gc()
def focus(g: Any, node: str) -> Focus:
    """The transitive upstream and downstream of `node` along `depends_on` (linear).

    A sensitive point or a defect case is nobody's work: its upstream is the risks and
    checks that name it (and what they wait for) — and, for a point, the repair categories
    and complaint levels that touch it — so that a person sees what protects it, before
    handover and after."""
    starts = [node]
    names = _NAMES.get(g.nodes[node]["kind"])
    if names:
        starts = [u for u, _, kind in g.in_edges(node, data="kind") if kind in names]
    up = _reach(g, starts, lambda n: g.out_edges(n, data="kind"), 1) | set(starts)
    up.discard(node)
    down = _reach(g, [node], lambda n: g.in_edges(n, data="kind"), 0)
    return Focus(
        Entry.of(g, node),
        tuple(Entry.of(g, n) for n in sorted(up)),
        tuple(Entry.of(g, n) for n in sorted(down)),
    )


_NAMES = {"point": ("threatens", "covers", "touches"), "case": ("prevents",)}


def _reach(g: Any, starts: list[str], edges: Any, side: int) -> set[str]:
    seen: set[str] = set()
    origin = set(starts)
    queue = deque(starts)
    while queue:
        for edge in edges(queue.popleft()):
            nxt = edge[side]
            if edge[2] == "depends_on" and nxt not in seen and nxt not in origin:
                seen.add(nxt)
                queue.append(nxt)
    return seen


@dataclass(frozen=True)
class Step:
    """One open item on the critical path, with its forecast dates."""

    item: Entry
    start: dt.date
    finish: dt.date


@dataclass(frozen=True)
class CriticalPath:
    """The chain of open work that decides when everything due by a milestone is done."""

    milestone: str
    date: dt.date
    as_of: dt.date
    steps: tuple[Step, ...]

    @property
    def finish(self) -> dt.date:
        """The forecast finish of the last step (the as-of date when nothing is open)."""
        return self.steps[-1].finish if self.steps else self.as_of

    @property
    def slack(self) -> int:
        """Days between the forecast finish and the milestone; negative when late."""
        return (self.date - self.finish).days


@paused_gc()
def critical_path(g: Any, catalog: Catalog, state: State, milestone: str) -> CriticalPath:
    """The critical path from the as-of date to `milestone`.

    The targets are the open plan tasks scheduled (by `journey.schedule`) to finish by
    the milestone. Open work cannot start before the as-of date (a task already `doing`
    keeps its planned start, but cannot finish before the as-of date); a task not before
    its planned start; checks and risks take no time. Each item starts when its latest
    open upstream item finishes, and the path is the chain of those drivers that ends at
    the target finishing last.
    """
    from journey.schedule import schedule

    date = state.milestones[milestone]
    tasks = [catalog.tasks[n] for n, d in g.nodes(data=True) if d["kind"] == "task"]
    plan = schedule(tasks, state.milestones)
    planned = {k: s.planned_start for k, s in plan.slots.items()}
    forecast = _forecast(g, open_items(g), state.as_of, planned)
    pending = open_items(g)
    targets = [s.task.id for s in plan.due_by(date) if s.task.id in pending]
    if not targets:
        return CriticalPath(milestone, date, state.as_of, ())
    last = max(targets, key=lambda t: (forecast[t][1], t))
    chain = []
    node: str | None = last
    while node is not None:
        start, finish, node_driver = forecast[node]
        chain.append(Step(Entry.of(g, node), start, finish))
        node = node_driver
    return CriticalPath(milestone, date, state.as_of, tuple(chain[::-1]))


def _forecast(
    g: Any, pending: set[str], as_of: dt.date, planned: Mapping[str, dt.date]
) -> dict[str, tuple[dt.date, dt.date, str | None]]:
    """Forecast start, finish and driving upstream item of every open item."""
    upstream: dict[str, list[str]] = {n: [] for n in pending}
    for item, dep in dependencies(g):
        if item in upstream and dep in upstream:
            upstream[item].append(dep)
    out: dict[str, tuple[dt.date, dt.date, str | None]] = {}
    nodes = g.nodes
    for node in TopologicalSorter(upstream).static_order():
        started = nodes[node].get("status") == "doing" and node in planned
        start, driver = planned[node] if started else max(as_of, planned.get(node, as_of)), None
        latest = max((out[dep][1] for dep in upstream[node]), default=None)
        if latest is not None and latest >= start:  # a tie is critical too: no slack
            start = latest
            driver = min(dep for dep in upstream[node] if out[dep][1] == latest)
        finish = max(add_days(start, nodes[node].get("duration", 0)), as_of)
        out[node] = (start, finish, driver)
    return out


@dataclass(frozen=True)
class Analysis:
    """What `journey graph` shows: the (cut) graph and every analysis of it."""

    graph: Any
    matrix: HandoffMatrix
    stages: list[tuple[str, dict[str, int]]]
    focus: Focus | None = None
    blocked: list[Blocked] | None = None
    critical: CriticalPath | None = None


@paused_gc()
def analyse(
    catalog: Catalog,
    state: State | None = None,
    *,
    focus_on: str | None = None,
    stage: str | None = None,
    milestone: str | None = None,
) -> Analysis:
    """Build the graph once, cut it to a focus item and/or a stage, and analyse it."""
    g = build(catalog, state)
    seen = focus(g, focus_on) if focus_on else None
    if seen is not None or stage is not None:
        keep = seen.ids() if seen else {n for n, d in g.nodes(data=True) if d["kind"] in ITEM_KINDS}
        if stage is not None:
            keep &= set(items_of_stage(g, stage))
        g_cut = cut(g, keep)
    else:
        g_cut = g
    critical = None
    if state is not None:
        chosen = milestone or next_milestone(state)
        critical = critical_path(g, catalog, state, chosen) if chosen else None
    found = blocked(g_cut) if state is not None else None
    return Analysis(g_cut, handoff_matrix(g_cut), stage_counts(g_cut), seen, found, critical)


def next_milestone(state: State) -> str | None:
    """The first milestone on or after the as-of date, else the last one."""
    dated = sorted(state.milestones.items(), key=lambda kv: (kv[1], kv[0]))
    upcoming = [name for name, day in dated if day >= state.as_of]
    if upcoming:
        return upcoming[0]
    return dated[-1][0] if dated else None


__all__ = [
    "EXPORTERS",
    "ITEM_KINDS",
    "Analysis",
    "Blocked",
    "CriticalPath",
    "Entry",
    "Focus",
    "HandoffMatrix",
    "State",
    "analyse",
    "blocked",
    "build",
    "critical_path",
    "cut",
    "export",
    "focus",
    "handoff_matrix",
    "handoffs",
    "is_open",
    "mermaid_ids",
    "stage_counts",
]
