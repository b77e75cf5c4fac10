"""`journey site` for a large generated project: 2,000 risks and 600,000 findings.

The catalog is the bundled one plus 2,000 generated delivery risks; the project has
30 buildings and one findings CSV of 600,000 rows from 40 contractors. Targets: the
whole site (6 reports × HTML and Markdown, and the index) in under 10 s, and no
HTML file over 5 MB.

Run: `.venv/bin/python -m benchmarks.bench_site`
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks._timing import journey, time_command

RISKS = 2_000
FINDINGS = 600_000
BUILDINGS = [f"T{n}" for n in range(1, 31)]
CONTRACTORS = [f"Contractor {n:02d}" for n in range(1, 41)]
STATUSES = ("verified",) * 7 + ("open", "rectified", "reopened", "disputed")
STAGES = ("design", "construction", "sales", "pre-delivery", "delivery")
OWNERS = ("design", "engineering", "cost", "marketing", "customer-relations", "property")
AS_OF = dt.date(2026, 10, 20)


def risk(n: int) -> str:
    """One generated delivery risk."""
    return (
        f"  - id: RB-{n // 1000:03d}-{n % 1000:03d}\n"
        f"    category: bench\n"
        f"    title: {{en: Generated risk {n}, zh: 生成的风险 {n}}}\n"
        f"    stage: {STAGES[n % 5]}\n"
        f"    owner: {OWNERS[n % 6]}\n"
        f"    likelihood: {n % 5 + 1}\n"
        f"    impact: {(n // 5) % 5 + 1}\n"
        f"    controls: [{{en: Check {n}, zh: 检查 {n}}}, Sign-off]\n"
        f"    level: process\n"
    )


def catalog(root: Path) -> None:
    """The bundled catalog plus RISKS generated risks."""
    from journey.catalog import bundled_root

    shutil.copytree(bundled_root(), root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    head = "kind: risks\nphase: delivery\ncategories:\n  - {id: bench, title: Generated}\n"
    body = "".join(risk(n) for n in range(RISKS))
    (root / "bench-risks.yaml").write_text(head + "risks:\n" + body, encoding="utf-8")


def project(root: Path, items: list[str]) -> None:
    """project.yaml and a findings CSV of FINDINGS rows."""
    root.mkdir(parents=True)
    statuses = "\n".join(f"  RB-{n // 1000:03d}-{n % 1000:03d}: closed" for n in range(0, RISKS, 3))
    (root / "project.yaml").write_text(
        "kind: project\nid: bench\nname: {en: Benchmark Towers, zh: 基准花园}\n"
        "positioning: comprehensive\n"
        f"buildings: [{', '.join(BUILDINGS)}]\n"
        "milestones: {sales_launch: 2026-03-18, open_day: 2026-10-24, delivery: 2026-12-26}\n"
        "stage: pre-delivery\n"
        f"risks:\n{statuses}\n"
        "findings: [findings.csv]\n",
        encoding="utf-8",
    )
    rng = random.Random(7)
    start = dt.date(2026, 6, 1)
    lines = ["id,item,building,unit,room,status,found,due,closed,contractor,note"]
    for n in range(FINDINGS):
        status = rng.choice(STATUSES)
        found = start + dt.timedelta(days=rng.randrange(140))
        closed = (found + dt.timedelta(days=5)).isoformat() if status == "verified" else ""
        lines.append(
            f"F{n},{rng.choice(items)},{rng.choice(BUILDINGS)},{rng.randrange(1, 40)}0{rng.randrange(1, 5)},"
            f"kitchen,{status},{found.isoformat()},,{closed},{rng.choice(CONTRACTORS)},"
        )
    (root / "findings.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    from journey.catalog import load_catalog
    from journey.project import load_project
    from journey.reports.site import write_site

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        began = time.perf_counter()
        catalog(base / "catalog")
        cat = load_catalog(base / "catalog")
        acceptance = [i for i, c in cat.item_checklist.items() if c != "open-day"]
        project(base / "project", acceptance)
        print(
            f"generated {RISKS:,} risks and {FINDINGS:,} findings in {time.perf_counter() - began:.1f} s"
        )

        t0 = time.perf_counter()
        proj = load_project(base / "project", cat, AS_OF)
        t1 = time.perf_counter()
        written = write_site(proj, base / "site")
        t2 = time.perf_counter()
        print(f"load project and findings:     {t1 - t0:6.2f} s ({proj.findings.rows:,} rows)")
        print(f"render and write the site:     {t2 - t1:6.2f} s ({len(written)} files)")
        html = [p for p in written if p.suffix == ".html"]
        largest = max(html, key=lambda p: p.stat().st_size)
        size = largest.stat().st_size
        print(
            f"largest HTML file:             {size / 1e6:6.2f} MB ({largest.relative_to(base / 'site')})"
        )
        whole = time_command(
            journey(
                "--catalog", str(base / "catalog"), "--as-of", AS_OF.isoformat(), "-q",
                "site", "--project", str(base / "project"), "-o", str(base / "cli-site"),
            ),
            runs=1,
        )  # fmt: skip
        pages = len(list((base / "cli-site").rglob("*.html")))
        print(f"journey site, whole process:   {whole:6.2f} s ({pages} HTML pages; target < 10 s)")


if __name__ == "__main__":
    main()
