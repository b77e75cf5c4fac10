"""Checks of the dependency graph that run with every `journey validate`.

Standard library only and linear in the size of the catalog: cycles are found with an
iterative Tarjan pass over `depends_on`, and the warnings are single passes over the
items. Unknown ids and self-dependencies are reported by `journey.crosscheck`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from journey.catalog import AnyItem, Catalog
from journey.models import CheckItem, Point, Risk
from journey.problems import Problem, Severity
from journey.tables import paused_gc

#: At most this many cycles are spelled out for one tangle of mutual dependencies.
MAX_CYCLES_PER_COMPONENT = 10

Edges = Mapping[str, Sequence[str]]  # item id -> the ids it depends on


@paused_gc()
def check_graph(catalog: Catalog) -> list[Problem]:
    """Every dependency cycle as an error, and the warnings about coverage and order."""
    scan = _scan(catalog)
    problems = list(_cycle_problems(catalog, scan.edges))
    problems += _uncovered_points(catalog, scan.named)
    problems += _dependency_warnings(catalog, scan)
    problems += _plan_order(catalog)
    problems += _uncaught_cases(catalog)
    return problems


class _Scan(NamedTuple):
    """What the checks need of every item, gathered in one pass over the catalog (at
    100,000 items each further pass over the items costs more than the checks)."""

    edges: dict[str, Sequence[str]]  # `depends_on` as written, for items that have any
    ranks: dict[str, tuple[int, int, bool]]  # stage rank (-1: none), level rank, is a point
    named: set[str]  # the sensitive points some risk or check names in `points`


def _scan(catalog: Catalog) -> _Scan:
    stage_rank = {s: i for i, s in enumerate(catalog.stages)}
    level = {s: i for i, s in enumerate(catalog.levels)}
    checklist_rank = {k: stage_rank.get(c.stage, -1) for k, c in catalog.checklists.items()}
    edges: dict[str, Sequence[str]] = {}
    ranks: dict[str, tuple[int, int, bool]] = {}
    named: set[str] = set()
    for point in catalog.points.values():
        ranks[point.id] = (stage_rank.get(point.stage, -1), level.get(point.level, -1), True)
    for risk in catalog.risks.values():
        ranks[risk.id] = (stage_rank.get(risk.stage, -1), level.get(risk.level, -1), False)
        if risk.depends_on:
            edges[risk.id] = risk.depends_on
        named.update(risk.points)
    in_checklist = catalog.item_checklist
    for check in catalog.check_items.values():
        rank = checklist_rank.get(in_checklist.get(check.id, ""), -1)
        ranks[check.id] = (rank, level.get(check.level, -1), False)
        if check.depends_on:
            edges[check.id] = check.depends_on
        named.update(check.points)
    for task in catalog.tasks.values():  # a task's stage is derived, not declared
        ranks[task.id] = (-1, level.get(task.level, -1), False)
        if task.depends_on:
            edges[task.id] = task.depends_on
    return _Scan(edges, ranks, named)


def dependency_edges(catalog: Catalog) -> Edges:
    """`depends_on` of every item that has any, as written. Unknown ids and
    self-dependencies are `journey.crosscheck`'s to report; here they never form a cycle."""
    return _scan(catalog).edges


def covered_points(catalog: Catalog) -> set[str]:
    """The sensitive points that some risk or checklist item names in `points`."""
    return _scan(catalog).named


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
    """The strongly connected components with more than one item (iterative Tarjan).

    Items that depend on nothing cannot lie on a cycle and are never visited."""
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
            for nxt in successors:
                if nxt not in edges:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges[nxt])))
                    break
                if nxt in on_stack and index[nxt] < low[node]:
                    low[node] = index[nxt]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] != index[node]:
                    continue
                if stack[-1] == node:  # the usual case: an item on no cycle
                    stack.pop()
                    on_stack.discard(node)
                else:
                    found.append(sorted(_pop_component(stack, on_stack, node)))
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
            if nxt == node:  # a self-dependency: crosscheck reports it
                continue
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
    return src.problem(("depends_on", i), "graph.cycle", related, cycle=shown)


def _more_cycles(catalog: Catalog, start: str, count: int) -> Problem:
    src = catalog.sources[start]
    return src.problem(("depends_on",), "graph.cycle_more", value=start, count=count)


# Warnings -------------------------------------------------------------------------


def _warning(
    catalog: Catalog, item_id: str, fieldpath: tuple[str | int, ...], code: str, **params: object
) -> Problem:
    found = catalog.sources[item_id].problem(fieldpath, code, **params)
    return found._replace(severity=Severity.WARNING)


def _uncovered_points(catalog: Catalog, named: set[str]) -> list[Problem]:
    out = []
    for point in catalog.points.values():
        if point.id in named or not (point.red_line or point.kind == "risk"):
            continue
        code = "graph.uncovered_red_line" if point.red_line else "graph.uncovered_point"
        out.append(_warning(catalog, point.id, ("id",), code, value=point.id))
    return out


def _uncaught_cases(catalog: Catalog) -> list[Problem]:
    """A defect case that no checklist item catches or prevents is feedback nobody acts on."""
    linked = {case for case, _ in catalog.case_links()}
    out = []
    for case in catalog.cases.values():
        if case.id not in linked:
            found = catalog.case_source(case.id).problem(
                ("id",), "graph.case_uncaught", value=case.id
            )
            out.append(found._replace(severity=Severity.WARNING))
    return out


_UNKNOWN = (-1, -1, False)  # an unknown id: crosscheck reports it, nothing to add here


def _dependency_warnings(catalog: Catalog, scan: _Scan) -> list[Problem]:
    """Per `depends_on` entry: on a sensitive point, on a later stage, on a higher level."""
    ranks = scan.ranks
    out = []
    for item_id, deps in scan.edges.items():
        stage, level, _ = ranks[item_id]
        for dep_id in deps:
            dep_stage, dep_level, dep_point = ranks.get(dep_id, _UNKNOWN)
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
]
