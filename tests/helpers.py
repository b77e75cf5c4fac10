"""Small catalogs and projects built from dicts in a temporary folder."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

import yaml

MINIMAL: dict[str, Any] = {
    "catalog.yaml": {
        "kind": "catalog",
        "id": "mini",
        "version": "1.0",
        "title": {"en": "Mini", "zh": "迷你"},
    },
    "stages.yaml": {
        "kind": "stages",
        "stages": [
            {"id": "design", "title": {"en": "Design", "zh": "设计"}},
            {"id": "sales", "title": {"en": "Sales", "zh": "销售"}},
            {"id": "delivery", "title": {"en": "Delivery", "zh": "交付"}},
        ],
    },
    "professions.yaml": {
        "kind": "professions",
        "professions": [
            {"id": "design", "title": {"en": "Design", "zh": "设计"}},
            {"id": "marketing", "title": {"en": "Marketing", "zh": "营销"}},
            {"id": "engineering", "title": {"en": "Engineering", "zh": "工程"}},
            {"id": "customer-relations", "title": {"en": "Customer relations", "zh": "客户关系"}},
        ],
    },
    "positioning.yaml": {
        "kind": "positioning",
        "levels": [
            {"id": "post-processing", "title": "Post-processing", "description": "Complaints only"},
            {"id": "process", "title": "Process", "description": "Sales and delivery"},
            {"id": "whole-process", "title": "Whole process", "description": "Early intervention"},
            {"id": "comprehensive", "title": "Comprehensive", "description": "Every profession"},
        ],
    },
    "matrix.yaml": {
        "kind": "matrix",
        "likelihood": [{"value": str(i), "title": f"L{i}"} for i in range(1, 6)],
        "impact": [{"value": str(i), "title": f"I{i}"} for i in range(1, 6)],
        "grid": [
            ["low", "low", "low", "medium", "medium"],
            ["low", "low", "medium", "medium", "high"],
            ["low", "medium", "medium", "high", "high"],
            ["medium", "medium", "high", "high", "critical"],
            ["medium", "high", "high", "critical", "critical"],
        ],
    },
    "points.yaml": {
        "kind": "sensitive-points",
        "points": [
            {
                "id": "SP-MKT-001",
                "kind": "risk",
                "title": "Brochure promise",
                "stage": "sales",
                "owner": "marketing",
                "level": "process",
                "red_line": "true",
            },
            {
                "id": "SP-ENG-001",
                "kind": "risk",
                "title": "Window leakage",
                "stage": "delivery",
                "owner": "engineering",
                "level": "process",
                "red_line": "true",
            },
        ],
    },
    "risks/sales.yaml": {
        "kind": "risks",
        "phase": "sales",
        "categories": [{"id": "sales-brochure", "title": "Sales brochure"}],
        "risks": [
            {
                "id": "RS-001",
                "category": "sales-brochure",
                "title": "Brochure overstates",
                "stage": "sales",
                "owner": "marketing",
                "likelihood": "3",
                "impact": "5",
                "controls": ["Legal review"],
                "level": "process",
                "points": ["SP-MKT-001"],
            },
        ],
    },
}


def write_tree(root: Path, tree: dict[str, Any]) -> Path:
    """Write each entry: dicts as YAML, strings and bytes as they are."""
    for name, content in tree.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(
                yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
    return root


class Outcome(Protocol):
    """What a CLI run printed and returned."""

    code: int
    out: str
    err: str


class Runner(Protocol):
    """Runs `journey ARGS` in-process."""

    def __call__(self, *args: str) -> Outcome: ...


def null_device(folder: Path) -> Path:
    """A character device that discards what is written to it, for output tests.

    As root, a private one made in `folder` (the null device's numbers): a bug that
    replaced its output file would then replace this one, not the machine's /dev/null.
    Without the right to make devices, /dev/null itself, which such a user cannot
    replace anyway."""
    import os
    import stat

    private = folder / "null"
    if os.geteuid() == 0:
        try:
            os.mknod(private, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except OSError:
            return Path("/dev/null")
        return private
    return Path("/dev/null")


def example_generator(name: str) -> ModuleType:
    """`examples/NAME.py` (a script that makes an example's data) imported as a module."""
    import importlib.util
    import sys

    path = Path(__file__).parent.parent / "examples" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
