"""journey: customer-relations catalogs, stage gates and reports for real-estate developers.

Public names are imported on first use (PEP 562), so that `journey --help` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from journey._version import __version__

if TYPE_CHECKING:
    from journey.catalog import Catalog, load_catalog, read_catalog
    from journey.errors import InvalidInput, JourneyError
    from journey.problems import Problem

_LAZY = {
    "Catalog": "journey.catalog",
    "load_catalog": "journey.catalog",
    "read_catalog": "journey.catalog",
    "InvalidInput": "journey.errors",
    "JourneyError": "journey.errors",
    "Problem": "journey.problems",
}

__all__ = [
    "Catalog",
    "InvalidInput",
    "JourneyError",
    "Problem",
    "__version__",
    "load_catalog",
    "read_catalog",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'journey' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
