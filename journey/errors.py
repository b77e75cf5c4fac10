"""The one error hierarchy of journey; the CLI maps each kind to an exit code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journey.problems import Problem


class JourneyError(Exception):
    """Base of every error journey raises on purpose."""


class InvalidInput(JourneyError):
    """Input files (catalog, project, findings, waivers) hold one or more problems."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the input")
        self.problems = tuple(problems)


class UsageProblem(JourneyError):
    """The command was asked for something that cannot be done (unknown gate, bad path)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class UnknownRule(JourneyError):
    """A gate names a rule type that no plug-in provides."""


class OutputError(JourneyError):
    """A report or result could not be written where it was asked to go."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
