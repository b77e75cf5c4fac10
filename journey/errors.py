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


def caused_by_interrupt(exc: BaseException) -> bool:
    """True when a KeyboardInterrupt is what caused `exc`: Python wraps one raised while a
    class is being created (in `__set_name__`), for instance, in a RuntimeError."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False
