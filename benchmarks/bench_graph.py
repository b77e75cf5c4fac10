"""Graph checks and graph analyses on generated catalogs of 10,000 and 100,000 items.

The generated items are added in memory to the bundled catalog (stages, professions,
levels, gates): 10% sensitive points, 30% risks, 40% checklist items and 20% plan
tasks, each non-point item depending on about three earlier items (so the graph is
acyclic) and naming one point. Timed separately: `check_graph` (what `journey validate`
adds) and building the networkx graph with a project state plus every analysis (hand-off
matrix, stage counts, blocked items, critical path, one focus).

Then, end to end: the same kind of catalog written as YAML files (risks with about
three `depends_on` each), and the whole `journey validate` and `journey graph`
processes timed on it, reading and checking included.

Targets: graph checks on 10,000 items under 1 s; the 100,000-item run within 12× of the
10,000-item run. Every step is linear; the time per item still rises between 10,000 and
about 50,000 items (the smaller working set fits in the CPU cache) and is flat beyond.
"""

from __future__ import annotations

import datetime as dt
import gc
import shutil
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from benchmarks._timing import journey, time_command
from journey.catalog import Catalog, Source, load_catalog
from journey.graph import State, build
from journey.graph_analysis import blocked, critical_path, focus, handoff_matrix, stage_counts
from journey.graphcheck import check_graph
from journey.models import CheckItem, ChecklistFile, Point, Risk, Task
from journey.types import LocalisedText
from journey.yamlio import Document

SIZES = (10_000, 100_000)
AS_OF = dt.date(2026, 6, 1)
MILESTONES = {"sales_launch": dt.date(2026, 3, 1), "delivery": dt.date(2040, 1, 1)}


def item_id(n: int) -> str:
    """A valid item id for the n-th generated item."""
    prefix = ("GP", "GR", "GR", "GR", "GC", "GC", "GC", "GC", "GT", "GT")[n % 10]
    return f"{prefix}-{n // 1000:03d}-{n % 1000:03d}"


def generate(size: int) -> Catalog:
    """The bundled catalog plus `size` generated items (about three dependencies each)."""
    catalog = load_catalog()
    doc = Document("generated.yaml", {}, (1, 1), {})
    for stage in catalog.stages:
        catalog.checklists[f"gen-{stage}"] = ChecklistFile.model_construct(
            kind="checklist",
            id=f"gen-{stage}",
            title=LocalisedText(en=stage),
            stage=stage,
            items=(),
        )
    for n in range(size):
        add(catalog, n, size)
        catalog.sources[item_id(n)] = Source(doc, ("items", n))
    return catalog


def add(catalog: Catalog, n: int, size: int) -> None:
    """Add the n-th generated item to its table; stages follow the item order."""
    key, stages, owners = item_id(n), list(catalog.stages), list(catalog.professions)
    title = LocalisedText(en=f"Generated {n}", zh=f"生成 {n}")
    owner, helper = owners[n % len(owners)], (owners[(n + 3) % len(owners)],)
    stage = stages[n * len(stages) // size]
    earlier = {n - 1 - 10 * k * k - n % 7 for k in range(3)}
    deps = tuple(item_id(d) for d in sorted(earlier) if d >= 0 and d % 10)  # no points
    point = (item_id(n - n % 10),)
    common: dict[str, Any] = {"id": key, "title": title, "owner": owner, "contributors": helper}
    if key.startswith("GP"):
        catalog.points[key] = Point.model_construct(
            **common, level="process", kind="risk", stage=stage
        )
    elif key.startswith("GR"):
        catalog.risks[key] = Risk.model_construct(
            **common, level="process", category="gen", stage=stage, likelihood=3, impact=3,
            controls=(title,), points=point, depends_on=deps,
        )  # fmt: skip
    elif key.startswith("GC"):
        catalog.check_items[key] = CheckItem.model_construct(
            **common, level="process", area=title, method=title, criterion=title,
            blocking=True, points=point, depends_on=deps,
        )  # fmt: skip
        catalog.item_checklist[key] = f"gen-{stage}"
    else:
        catalog.tasks[key] = Task.model_construct(
            **common, level="process", anchor="delivery", offset_days=n - 200_000,
            duration_days=1, depends_on=tuple(d for d in deps if d.startswith("GT")),
        )  # fmt: skip


def project_state(catalog: Catalog) -> State:
    """A third of the items finished, the rest open."""
    statuses: dict[str, str] = {}
    for n, key in enumerate(catalog.risks):
        statuses[key] = "closed" if n % 3 == 0 else "open"
    for n, key in enumerate(catalog.check_items):
        statuses[key] = "pass" if n % 3 == 0 else "pending"
    for n, key in enumerate(catalog.tasks):
        statuses[key] = "done" if n % 3 == 0 else "todo"
    return State("comprehensive", statuses, MILESTONES, AS_OF)


def best(fn: Callable[[], object], runs: int = 3, cold: bool = False) -> float:
    """The best of `runs` wall times of `fn`, in seconds; with `cold`, the CPU caches are
    flushed before each run, as reading and parsing the YAML files flushes them before
    `journey validate` runs the graph checks."""
    times = []
    for _ in range(runs):
        gc.collect()
        if cold:
            _flush_caches()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


_JUNK = bytearray(96 * 1024 * 1024)  # larger than any CPU cache of these machines


def _flush_caches() -> None:
    _JUNK[:] = bytes(len(_JUNK))


def analyses(catalog: Catalog, state: State) -> None:
    """Build the graph with project state and run every analysis once."""
    g = build(catalog, state)
    handoff_matrix(g)
    stage_counts(g)
    blocked(g)
    critical_path(g, catalog, state, "delivery")
    focus(g, item_id(len(catalog.check_items)))


def main() -> None:
    results = {}
    for size in SIZES:
        catalog = generate(size)
        state = project_state(catalog)
        gc.collect()
        gc.freeze()  # as `journey.catalog.read_catalog` does once a catalog is loaded
        problems = check_graph(catalog)
        errors = sum(p.is_error for p in problems)
        hot = best(partial(check_graph, catalog), runs=5)
        cold = best(partial(check_graph, catalog), runs=5, cold=True)
        graph = best(partial(analyses, catalog, state), runs=2 if size > 10_000 else 3)
        results[size] = (hot, cold, graph)
        gc.unfreeze()
        n = catalog.item_count()
        print(
            f"{n:>7,} items ({errors} errors, {len(problems) - errors} warnings): "
            f"graph checks {_ms(hot, n)} (caches flushed first: {_ms(cold, n)}); "
            f"graph build + analyses {_ms(graph, n)}"
        )
    small, large = (results[s] for s in SIZES)
    ratios = [f"{b / a:.1f}x" for a, b in zip(small, large, strict=True)]
    print(
        f"ratio for {SIZES[1] // SIZES[0]}x the items (target: within 12x): graph checks "
        f"{ratios[0]} (caches flushed first: {ratios[1]}); build + analyses {ratios[2]}"
    )


def yaml_risk(n: int) -> str:
    """One generated risk depending on up to three earlier ones, as YAML."""
    deps = sorted({n - 1 - 10 * k * k - n % 7 for k in range(3)} - {n})
    refs = ", ".join(f"RY-{d // 1000:03d}-{d % 1000:03d}" for d in deps if d >= 0)
    return (
        f"  - id: RY-{n // 1000:03d}-{n % 1000:03d}\n"
        f"    category: gen\n"
        f"    title: {{en: Generated risk {n}, zh: 生成的风险 {n}}}\n"
        f"    stage: delivery\n"
        f"    owner: {OWNERS[n % len(OWNERS)]}\n"
        f"    likelihood: {n % 5 + 1}\n"
        f"    impact: {(n // 5) % 5 + 1}\n"
        f"    controls: [Check {n}]\n"
        f"    level: process\n"
        f"    depends_on: [{refs}]\n"
    )


OWNERS = ("design", "engineering", "cost", "marketing", "customer-relations", "property")
PER_FILE = 5_000


def write_yaml_catalog(root: Path, items: int) -> None:
    """The bundled catalog plus `items` generated risks, in files of 5,000."""
    from journey.catalog import bundled_root

    shutil.copytree(bundled_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for start in range(0, items, PER_FILE):
        head = "kind: risks\nphase: delivery\n"
        if start == 0:
            head += "categories:\n  - {id: gen, title: Generated}\n"
        body = "".join(yaml_risk(n) for n in range(start, min(start + PER_FILE, items)))
        (root / f"generated-{start // PER_FILE:03d}.yaml").write_text(
            head + "risks:\n" + body, encoding="utf-8"
        )


def end_to_end() -> None:
    """`journey validate` and `journey graph` as whole processes on YAML catalogs."""
    times: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            root = Path(tmp) / f"c{size}"
            write_yaml_catalog(root, size)
            runs = 3 if size <= 10_000 else 2
            check = time_command(journey("--catalog", str(root), "validate"), runs=runs)
            graph = time_command(journey("--catalog", str(root), "graph"), runs=runs)
            times[size] = (check, graph)
            print(
                f"{size:>7,} items from YAML: journey validate {check:.2f} s, "
                f"journey graph {graph:.2f} s"
            )
    (v1, g1), (v2, g2) = (times[s] for s in SIZES)
    print(
        f"ratio for {SIZES[1] // SIZES[0]}x the items (target: within 12x): "
        f"journey validate {v2 / v1:.1f}x, journey graph {g2 / g1:.1f}x"
    )


def _ms(seconds: float, items: int) -> str:
    return f"{seconds * 1000:.1f} ms ({seconds * 1e6 / items:.2f} µs/item)"


if __name__ == "__main__":
    main()
    end_to_end()
