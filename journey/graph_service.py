"""The after-delivery part of the responsibility graph (SPEC §13): repair categories and
complaint levels are nodes that own professions and touch sensitive points, so that the
focus on a point (`journey graph --focus SP-…`) also shows what protects it after handover.

Nodes `repair:ID` (kind `repair`) and `complaint:ID` (kind `complaint`); edges `owner` to
the category's owner or the level's handler, `contributor` to the professions it brings in
(a level: its own and those of the triggers that demand it), `touches` to its sensitive
points, and `stage` to `after-delivery` when the catalog has that stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from journey.graph import Edge, profession_node, stage_node

if TYPE_CHECKING:
    from journey.catalog import Catalog, Source
    from journey.service.models import ComplaintLevel, RepairCategory

SERVICE_STAGE = "after-delivery"


def repair_node(category: str) -> str:
    """The node id of a repair category."""
    return f"repair:{category}"


def complaint_node(level: str) -> str:
    """The node id of a complaint level."""
    return f"complaint:{level}"


def add_service(g: Any, catalog: Catalog) -> None:
    """Add the repair categories and complaint levels of `catalog` to `g`."""
    stage = SERVICE_STAGE if SERVICE_STAGE in catalog.stages else ""
    for cat in catalog.repair_categories.values():
        src = catalog.entry_sources[("repair-category", cat.id)]
        node = repair_node(cat.id)
        g.add_node(node, **_attrs("repair", node, cat.owner, stage, src, cat))
        g.add_edges_from(_edges(g, node, cat.owner, cat.contributors, cat.points, stage))
    for level in catalog.complaint_levels.values():
        src = catalog.entry_sources[("complaint-level", level.id)]
        node = complaint_node(level.id)
        g.add_node(node, **_attrs("complaint", node, level.handler, stage, src, level))
        who = [*level.contributors, *_brought_in(catalog, level)]
        g.add_edges_from(_edges(g, node, level.handler, who, level.points, stage))


def _attrs(
    kind: str,
    node: str,
    owner: str,
    stage: str,
    src: Source,
    entry: RepairCategory | ComplaintLevel,
) -> dict[str, Any]:
    place = src.place()
    return {
        "kind": kind,
        "id": node,
        "owner": owner,
        "stage": stage,
        "level": "",
        "file": place.file,
        "line": place.line,
        "title_en": entry.title.get("en"),
        "title_zh": entry.title.get("zh"),
    }


def _brought_in(catalog: Catalog, level: ComplaintLevel) -> list[str]:
    """The professions the triggers that demand `level` bring in."""
    return [
        who for t in catalog.complaint_triggers if t.level == level.id for who in t.contributors
    ]


def _edges(
    g: Any,
    node: str,
    owner: str,
    contributors: Any,
    points: Any,
    stage: str,
) -> Iterator[Edge]:
    yield node, profession_node(owner), {"kind": "owner"}
    for who in dict.fromkeys(contributors):
        if who != owner:
            yield node, profession_node(who), {"kind": "contributor"}
    for point in points:
        if point in g:
            yield node, point, {"kind": "touches"}
    if stage:
        yield node, stage_node(stage), {"kind": "stage"}


__all__ = ["SERVICE_STAGE", "add_service", "complaint_node", "repair_node"]
