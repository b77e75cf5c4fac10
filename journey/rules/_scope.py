"""What the number rules judge: each building, the batch, or the whole project."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from journey.numbers import numbers_of

if TYPE_CHECKING:
    from journey.numbers import Numbers
    from journey.problems import Place
    from journey.rules._base import Context


class Scope(NamedTuple):
    """A building, a batch or a project, with its numbers and where it is written."""

    id: str
    label: str
    numbers: Numbers
    place: Place


def scopes(ctx: Context, per: str) -> Iterator[Scope]:
    """The scopes of `per` in view: the buildings of the batch being evaluated (or of
    the project), that batch (the project without batches), or the whole project."""
    project = ctx.project
    if per == "building":
        listed = list(project.file.buildings)
        for building in project.buildings or sorted(project.findings.by_building):
            at = ("buildings", listed.index(building)) if building in listed else ("buildings",)
            yield Scope(building, building, numbers_of(project, [building]), project.place(*at))
        return
    if per == "batch" and project.batch is not None:
        i = [b.id for b in project.file.batches].index(project.batch.id)
        numbers = numbers_of(project, project.batch.buildings)
        yield Scope(project.batch.id, project.batch.id, numbers, project.place("batches", i))
        return
    whole = project.whole or project
    names = list(whole.file.buildings) or sorted(whole.findings.by_building)
    yield Scope(whole.file.id, whole.file.id, numbers_of(whole, names), whole.place("id"))
