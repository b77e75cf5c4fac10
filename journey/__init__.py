"""journey: customer-relations catalogs, stage gates and reports for real-estate developers.

Public names are imported on first use (PEP 562), so that `journey --help` stays fast.
"""

from __future__ import annotations

from journey._version import __version__

# Not `from typing import TYPE_CHECKING`: the console script imports this package first,
# and the less it imports the shorter the time in which Ctrl-C could not be handled.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from journey.catalog import Catalog, load_catalog, read_catalog
    from journey.errors import InvalidInput, JourneyError
    from journey.findings import FindingsSummary, read_findings
    from journey.gates import GateResult, evaluate
    from journey.problems import Problem
    from journey.project import Project, load_project
    from journey.reports import build as build_report
    from journey.reports.site import write_site
    from journey.schedule import Schedule, schedule

_LAZY: dict[str, str | tuple[str, str]] = {
    "Catalog": "journey.catalog",
    "load_catalog": "journey.catalog",
    "read_catalog": "journey.catalog",
    "InvalidInput": "journey.errors",
    "JourneyError": "journey.errors",
    "Problem": "journey.problems",
    "Project": "journey.project",
    "load_project": "journey.project",
    "FindingsSummary": "journey.findings",
    "read_findings": "journey.findings",
    "GateResult": "journey.gates",
    "evaluate": "journey.gates",
    "Schedule": "journey.schedule",
    "schedule": "journey.schedule",
    "build_report": ("journey.reports", "build"),
    "write_site": "journey.reports.site",
}

__all__ = [
    "Catalog",
    "FindingsSummary",
    "GateResult",
    "InvalidInput",
    "JourneyError",
    "Problem",
    "Project",
    "Schedule",
    "__version__",
    "build_report",
    "evaluate",
    "load_catalog",
    "load_project",
    "read_catalog",
    "read_findings",
    "schedule",
    "write_site",
]


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'journey' has no attribute {name!r}")
    import importlib

    module, attr = where if isinstance(where, tuple) else (where, name)
    return getattr(importlib.import_module(module), attr)
