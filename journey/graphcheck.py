"""Checks of the dependency graph that run with every `journey validate`.

Standard library only and linear in the size of the catalog: cycles are found with an
iterative Tarjan pass over `depends_on`, and the warnings are single passes over the
items. Unknown ids and self-dependencies are reported by `journey.crosscheck`.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from journey.catalog import AnyItem, Catalog, path_of
from journey.models import CheckItem, Point, Risk, Task
from journey.problems import Problem, Severity, problem

#: At most this many cycles are spelled out for one tangle of mutual dependencies.
MAX_CYCLES_PER_COMPONENT = 10

Edges = Mapping[str, Sequence[str]]  # item id -> the ids it depends on


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector (also as a decorator). Graph work allocates many small
    containers that are never cyclic garbage; at 100,000 items the collections it
    triggers, each walking the whole heap, take as long as the work itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@paused_gc()
def check_graph(catalog: Catalog) -> list[Problem]:
    """Every dependency cycle as an error, and the warnings about coverage and order."""
    edges = dependency_edges(catalog)
    problems = list(_cycle_problems(catalog, edges))
    problems += _uncovered_points(catalog)
    problems += _dependency_warnings(catalog, edges)
    problems += _plan_order(catalog)
    return problems


def dependency_edges(catalog: Catalog) -> Edges:
    """`depends_on` of every item that has any, restricted to known ids other than the
    item itself (the item's own tuple when every entry qualifies, as it nearly always does)."""
    known = catalog.sources
    edges: dict[str, Sequence[str]] = {}
    for item in catalog.items():
        deps = () if isinstance(item, Point) else item.depends_on
        if not deps:
            continue
        if item.id in deps or not all(dep in known for dep in deps):
            deps = tuple(dep for dep in deps if dep != item.id and dep in known)
        edges[item.id] = deps
    return edges


def _entry(catalog: Catalog, item_id: str, dep: str) -> int:
    """The index of `dep` in the item's `depends_on`, for the problem's path."""
    item = catalog.item(item_id)
    deps = () if item is None or isinstance(item, Point) else item.depends_on
    return deps.index(dep) if dep in deps else 0


def item_stage(catalog: Catalog, item: AnyItem) -> str | None:
    """The stage an item belongs to: its own, its checklist's, or its anchor's gate stage."""
    if isinstance(item, (Point, Risk)):
        return item.stage
    if isinstance(item, CheckItem):
        checklist = catalog.checklists.get(catalog.item_checklist.get(item.id, ""))
        return checklist.stage if checklist else None
    for gate in catalog.gates.values():
        if gate.milestone == item.anchor:
            return gate.stage
    return None


# Cycles ---------------------------------------------------------------------------


def components(edges: Edges) -> list[list[str]]:
    """The strongly connected components with more than one item (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            pushed = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges.get(nxt, ()))))
                    pushed = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if pushed:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = _pop_component(stack, on_stack, node)
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def _pop_component(stack: list[str], on_stack: set[str], root: str) -> list[str]:
    component = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component


def shortest_cycle(edges: Edges, start: str, within: set[str]) -> list[str]:
    """The shortest cycle through `start` inside one component, from `start` on."""
    came: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(came[path[-1]])
                return path[::-1]
            if nxt in within and nxt not in came:
                came[nxt] = node
                queue.append(nxt)
    return []  # pragma: no cover - every member of a component lies on a cycle


def _cycle_problems(catalog: Catalog, edges: Edges) -> Iterator[Problem]:
    for component in components(edges):
        members = set(component)
        covered: set[str] = set()
        reported = 0
        for start in component:
            if start in covered:
                continue
            if reported == MAX_CYCLES_PER_COMPONENT:
                yield _more_cycles(catalog, start, len(members - covered))
                break
            steps = shortest_cycle(edges, start, members)
            covered.update(steps)
            reported += 1
            yield _cycle_problem(catalog, steps)


def _cycle_problem(catalog: Catalog, ids: list[str]) -> Problem:
    """One error at the first step's `depends_on` entry, the further steps as related places."""
    shown = " → ".join([*ids, ids[0]])
    steps = [(node, ids[(k + 1) % len(ids)]) for k, node in enumerate(ids)]
    related = tuple(
        (catalog.place(node, "depends_on", _entry(catalog, node, nxt)), f"{node} → {nxt}")
        for node, nxt in steps[1:]
    )
    first, nxt = steps[0]
    src, i = catalog.sources[first], _entry(catalog, first, nxt)
    place = src.place("depends_on", i)
    return problem(
        place.file,
        place.line,
        place.col,
        path_of(src.loc, "depends_on", i),
        "graph.cycle",
        related=related,
        cycle=shown,
    )


def _more_cycles(catalog: Catalog, start: str, count: int) -> Problem:
    src = catalog.sources[start]
    place = src.place("depends_on")
    return problem(
        place.file,
        place.line,
        place.col,
        path_of(src.loc, "depends_on"),
        "graph.cycle_more",
        value=start,
        count=count,
    )


# Warnings -------------------------------------------------------------------------


def _warning(
    catalog: Catalog, item_id: str, fieldpath: tuple[str | int, ...], code: str, **params: object
) -> Problem:
    src = catalog.sources[item_id]
    path = path_of(src.loc, *fieldpath)
    return Problem(src.place(*fieldpath), path, code, dict(params), Severity.WARNING)


def covered_points(catalog: Catalog) -> set[str]:
    """The sensitive points that some risk or checklist item names in `points`."""
    named: set[str] = set()
    for risk in catalog.risks.values():
        named.update(risk.points)
    for check in catalog.check_items.values():
        named.update(check.points)
    return named


def _uncovered_points(catalog: Catalog) -> list[Problem]:
    named = covered_points(catalog)
    out = []
    for point in catalog.points.values():
        if point.id in named or not (point.red_line or point.kind == "risk"):
            continue
        code = "graph.uncovered_red_line" if point.red_line else "graph.uncovered_point"
        out.append(_warning(catalog, point.id, ("id",), code, value=point.id))
    return out


def _ranks(catalog: Catalog) -> dict[str, tuple[int, int, bool]]:
    """Per item: its stage rank (-1 for plan tasks, whose stage is derived), its level
    rank and whether it is a sensitive point; one pass, so each entry is one lookup."""
    stage_rank = {s: i for i, s in enumerate(catalog.stages)}
    level_rank = {s: i for i, s in enumerate(catalog.levels)}
    out: dict[str, tuple[int, int, bool]] = {}
    for item in catalog.items():
        stage = None if isinstance(item, Task) else item_stage(catalog, item)
        rank = stage_rank.get(stage, -1) if stage else -1
        out[item.id] = (rank, level_rank.get(item.level, -1), isinstance(item, Point))
    return out


def _dependency_warnings(catalog: Catalog, edges: Edges) -> list[Problem]:
    """Per `depends_on` entry: on a sensitive point, on a later stage, on a higher level."""
    ranks = _ranks(catalog)
    out = []
    for item_id, deps in edges.items():
        stage, level, _ = ranks[item_id]
        for dep_id in deps:
            dep_stage, dep_level, dep_point = ranks[dep_id]
            if dep_point or dep_stage > stage >= 0 or dep_level > level:
                out += _pair_warnings(catalog, ranks, item_id, dep_id)
    return out


def _pair_warnings(
    catalog: Catalog, ranks: dict[str, tuple[int, int, bool]], item_id: str, dep_id: str
) -> list[Problem]:
    where = ("depends_on", _entry(catalog, item_id, dep_id))
    if ranks[dep_id][2]:
        return [_warning(catalog, item_id, where, "graph.depends_on_point", value=dep_id)]
    item, dep = catalog.item(item_id), catalog.item(dep_id)
    assert item is not None and dep is not None
    out = []
    if ranks[dep_id][0] > ranks[item_id][0] >= 0:
        stage, dep_stage = item_stage(catalog, item), item_stage(catalog, dep)
        params = {"value": item_id, "stage": stage, "other": dep_id, "other_stage": dep_stage}
        out.append(_warning(catalog, item_id, where, "graph.later_stage", **params))
    if ranks[dep_id][1] > ranks[item_id][1]:
        params = {"value": item_id, "level": item.level, "other": dep_id, "other_level": dep.level}
        out.append(_warning(catalog, item_id, where, "graph.level_gap", **params))
    return out


def _plan_order(catalog: Catalog) -> list[Problem]:
    """A task planned to start before a task it depends on (same anchor) is planned to end."""
    out = []
    for task in catalog.tasks.values():
        for i, dep_id in enumerate(task.depends_on):
            dep = catalog.tasks.get(dep_id)
            if dep is None or dep.id == task.id or dep.anchor != task.anchor:
                continue
            finish = dep.offset_days + dep.duration_days
            if task.offset_days < finish:
                params = {
                    "value": task.id,
                    "start": task.offset_days,
                    "other": dep.id,
                    "finish": finish,
                    "anchor": task.anchor,
                }
                out.append(
                    _warning(catalog, task.id, ("depends_on", i), "graph.plan_order", **params)
                )
    return out


__all__ = [
    "check_graph",
    "components",
    "covered_points",
    "dependency_edges",
    "item_stage",
    "paused_gc",
]
