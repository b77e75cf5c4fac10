"""The import graph keeps the shape the README's "How the code is laid out" describes:
data flows one way, and the area packages import the core without being imported by it.

Imports are read from the source (including those inside functions); those under
`if TYPE_CHECKING:` are for type checking only and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "journey"

# The packages above the core, and who alone may import each at run time.
ABOVE = {
    "cli": {"__main__"},
    "importing": {"cli"},
    "exporting": {"cli"},
    "portfolio": {"cli"},
    "reports": {"cli", "portfolio"},
    "output": {"cli", "exporting", "reports"},
}
# What the after-delivery data layer (journey.service) must not reach: it sits beside
# journey.findings, below the catalog, the project and everything that evaluates them.
SERVICE_MUST_NOT = {
    "catalog",
    "project",
    "project_file",
    "gates",
    "gates_batched",
    "rules",
    "graph",
    "graph_analysis",
    "graph_service",
    *ABOVE,
}


def _runtime_imports(path: Path) -> set[str]:
    """The journey modules `path` imports outside `if TYPE_CHECKING:` blocks."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.If)
                and isinstance(child.test, ast.Name)
                and child.test.id == "TYPE_CHECKING"
            ):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if child.module == "journey":
                    found.update(f"journey.{alias.name}" for alias in child.names)
                elif child.module.startswith("journey."):
                    found.add(child.module)
            elif isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("journey."))
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def _modules() -> dict[str, set[str]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(("journey", *parts))] = _runtime_imports(path)
    return out


def _area(module: str) -> str:
    """The first part below `journey` (`cli` for journey.cli.gate, `gates` for
    journey.gates, "" for the package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = _modules()


def test_the_scan_sees_the_imports_it_judges() -> None:
    # a scan that found nothing would pass every test below
    assert "journey.cli" in MODULES["journey.__main__"]
    assert "journey.exporting" in MODULES["journey.cli.export"]
    assert "journey.tables" in MODULES["journey.service.repairs"]
    # lazy imports inside functions count; those for type checking do not
    assert "journey.statusbook" in MODULES["journey.project"]
    assert "journey.whatif" not in MODULES["journey.project"]


@pytest.mark.parametrize("package", sorted(ABOVE))
def test_packages_above_the_core_are_imported_only_from_above(package: str) -> None:
    allowed = ABOVE[package] | {package}
    wrong = sorted(
        f"{module} imports journey.{package}"
        for module, imports in MODULES.items()
        if _area(module) not in allowed and any(_area(name) == package for name in imports)
    )
    assert wrong == []


def test_the_after_delivery_data_layer_sits_beside_the_findings() -> None:
    reached = sorted(
        f"{module} imports {name}"
        for module, imports in MODULES.items()
        if _area(module) == "service"
        for name in imports
        if _area(name) in SERVICE_MUST_NOT
    )
    assert reached == []


def test_no_module_grows_past_the_guide() -> None:
    # STYLE: no module should grow past ~500 lines; message tables are data
    long = sorted(
        f"{path.relative_to(PACKAGE)}: {n} lines"
        for path in PACKAGE.rglob("*.py")
        if not path.name.startswith("_msg_")
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 550
    )
    assert long == []
