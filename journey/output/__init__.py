"""Gate result formatters: each takes a GateResult and a language and returns text.

Formatters never print or write files; the CLI decides where their text goes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journey.gates import GateResult

Formatter = Callable[["GateResult", str], str]

# format name -> module holding `render(result, lang) -> str`
FORMATS: dict[str, str] = {
    "text": "journey.output.text",
    "json": "journey.output.json",
    "junit": "journey.output.junit",
    "sarif": "journey.output.sarif",
    "github": "journey.output.github",
    "markdown": "journey.output.markdown",
}


def formatter(name: str) -> Formatter:
    """The `render` function of output format `name` (a KeyError names unknown ones)."""
    module = importlib.import_module(FORMATS[name])
    render: Formatter = module.render
    return render


def render(name: str, result: GateResult, lang: str) -> str:
    """`result` in format `name` and language `lang`."""
    return formatter(name)(result, lang)


__all__ = ["FORMATS", "Formatter", "formatter", "render"]
