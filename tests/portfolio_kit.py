"""Small portfolios for the portfolio tests: the gate-test catalog plus a defect case, and
projects built from findings rows."""

from __future__ import annotations

import copy
import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

from gatekit import CATALOG, project_data
from helpers import write_tree

from journey.catalog import Catalog, load_catalog
from journey.portfolio import Portfolio, build

AS_OF = dt.date(2026, 11, 1)
HEADER = "id,item,building,unit,room,status,found,due,closed,contractor,note,category\n"

CASES: dict[str, Any] = {
    "kind": "defect-cases",
    "cases": [
        {
            "id": "DC-CIV-001",
            "title": {"en": "Hollow plaster", "zh": "抹灰空鼓"},
            "problem": "Plaster sounds hollow and cracks.",
            "harm": "Owners refuse the home.",
            "cause": "No mesh at junctions.",
            "requirement": "Engineering: mesh every junction.",
            "standard": "Company standard 3.2",
            "owner": "engineering",
            "prevent_stage": "delivery",
            "items": ["AC-CIV-001"],
        }
    ],
}


def catalog_tree() -> dict[str, Any]:
    """The gate tests' catalog with one defect case, covering AC-CIV-001."""
    tree = copy.deepcopy(CATALOG)
    tree["cases.yaml"] = CASES
    return tree


def write_catalog(tmp_path: Path) -> Path:
    """The catalog folder, written under tmp_path."""
    return write_tree(tmp_path / "catalog", catalog_tree())


def load(tmp_path: Path) -> tuple[Catalog, Path]:
    """The catalog loaded, and its folder."""
    root = write_catalog(tmp_path)
    return load_catalog(root), root


def row(
    fid: str,
    item: str,
    status: str = "open",
    *,
    building: str = "T1",
    unit: str = "101",
    contractor: str = "",
    category: str = "",
    due: str = "",
) -> str:
    """One findings row (found on 2026-10-01; verified ones closed on 2026-10-05)."""
    closed = "2026-10-05" if status == "verified" else ""
    return (
        f"{fid},{item},{building},{unit},living,{status},2026-10-01,{due},{closed},"
        f"{contractor},,{category}\n"
    )


def settle(folder: Path) -> None:
    """Date every file of a folder a day back, as files are that nobody is writing now."""
    then = time.time_ns() - 86_400 * 10**9
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, ns=(then, then))


def project(root: Path, pid: str, rows: list[str] | None = None, **fields: Any) -> Path:
    """A project folder `root/pid` whose findings are `rows`, its files settled."""
    folder = root / pid
    tree: dict[str, Any] = {}
    if rows is not None:
        tree["f.csv"] = HEADER + "".join(rows)
        fields.setdefault("findings", ["f.csv"])
    fields.setdefault("id", pid)
    tree["project.yaml"] = project_data(**fields)
    write_tree(folder, tree)
    settle(folder)
    return folder


def portfolio(
    catalog: Catalog,
    root: Path,
    out: Path,
    *,
    jobs: int = 1,
    gates: tuple[str, ...] = (),
    as_of: dt.date = AS_OF,
) -> Portfolio:
    """The portfolio of every project under `root`, with its cache in `out` (the catalog
    is the one `load` wrote: tmp_path/catalog beside `root`)."""
    catalog_root = root.parent / "catalog"
    return build(
        [root], out, catalog, catalog_root=catalog_root, as_of=as_of, gates=gates, jobs=jobs
    )
