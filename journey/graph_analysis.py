"""The analyses of the responsibility graph (journey.graph): hand-offs between
professions, items per stage, what is blocked, what an item waits for and holds up, and
the critical path to a milestone. Each reads the one graph and returns a sorted result.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass
from graphlib import TopologicalSorter
from typing import Any

from journey.catalog import Catalog
from journey.dates import add_days
from journey.graph import State, build, cut, dependencies, handoffs, is_open, items_of_stage
from journey.graph_export import ITEM_KINDS
from journey.tables import paused_gc


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
    pending = open_items(g)
    forecast = _forecast(g, pending, state.as_of, planned)
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
    "Analysis",
    "Blocked",
    "CriticalPath",
    "Entry",
    "Focus",
    "HandoffMatrix",
    "Step",
    "analyse",
    "blocked",
    "critical_path",
    "focus",
    "handoff_matrix",
    "next_milestone",
    "open_items",
    "stage_counts",
]
