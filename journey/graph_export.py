"""Exporting the responsibility graph: DOT, Mermaid, GraphML and node-link JSON.

Every exporter sorts nodes and edges, so that two runs over the same catalog give the
same text and a diff between runs means something.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from journey.chars import inert_json, printable

ITEM_KINDS = ("point", "risk", "check", "task", "case")
SERVICE_KINDS = ("repair", "complaint")  # repair categories, complaint levels


def _sorted_edges(g: Any) -> list[tuple[str, str, str, dict[str, Any]]]:
    return sorted((u, v, d["kind"], d) for u, v, d in g.edges(data=True))


def _label(d: Mapping[str, Any], lang: str) -> str:
    title = d.get(f"title_{lang}") or d.get("title_en", "")
    if d["kind"] in ITEM_KINDS or d["kind"] in SERVICE_KINDS:
        return printable(f"{d['id']} {title}")
    return printable(str(title))


def _edge_label(key: str, d: Mapping[str, Any]) -> str:
    return f"handoff ×{d['count']}" if key == "handoff" else key.replace("_", " ")


_SHAPES = {
    "stage": "folder",
    "profession": "ellipse",
    "point": "diamond",
    "risk": "box",
    "check": "note",
    "task": "component",
    "case": "octagon",
    "repair": "cds",
    "complaint": "hexagon",
}


def to_dot(g: Any, lang: str = "en") -> str:
    """Graphviz DOT source, nodes and edges sorted."""
    lines = ["digraph journey {", "  rankdir=LR;", '  node [fontname="sans-serif"];']
    for n in sorted(g):
        d = g.nodes[n]
        lines.append(
            f"  {_dot_id(n)} [label={_dot_id(_label(d, lang))}, shape={_SHAPES[d['kind']]}];"
        )
    for u, v, k, d in _sorted_edges(g):
        lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [label={_dot_id(_edge_label(k, d))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(text: str) -> str:
    escaped = printable(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def mermaid_ids(nodes: Iterable[str]) -> dict[str, str]:
    """A safe, unique Mermaid id for every node (letters, digits and `_` only)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for n in sorted(nodes):
        base = "n_" + re.sub(r"[^A-Za-z0-9]", "_", n)
        safe, k = base, 1
        while safe in taken:
            k += 1
            safe = f"{base}_{k}"
        taken.add(safe)
        out[n] = safe
    return out


def _mermaid_text(text: str) -> str:
    escaped = text.replace("#", "#35;").replace('"', "#quot;")
    return escaped.replace("<", "#lt;").replace(">", "#gt;").replace("\n", " ")


def to_mermaid(g: Any, lang: str = "en") -> str:
    """Bare Mermaid flowchart source (no Markdown fence), nodes and edges sorted."""
    ids = mermaid_ids(g)
    lines = ["flowchart LR"]
    for n in sorted(g):
        lines.append(f'    {ids[n]}["{_mermaid_text(_label(g.nodes[n], lang))}"]')
    for u, v, k, d in _sorted_edges(g):
        lines.append(f'    {ids[u]} -->|"{_mermaid_text(_edge_label(k, d))}"| {ids[v]}')
    return "\n".join(lines) + "\n"


def _ordered(g: Any) -> Any:
    """A copy with nodes and edges inserted in sorted order."""
    out = nx.DiGraph(**g.graph)
    out.add_nodes_from((n, g.nodes[n]) for n in sorted(g))
    out.add_edges_from((u, v, d) for u, v, _, d in _sorted_edges(g))
    return out


def to_graphml(g: Any) -> str:
    """GraphML (every attribute a string or an integer). Text is kept on one line and
    free of the characters XML refuses, so the document parses whatever the data holds."""
    buffer = io.BytesIO()
    nx.write_graphml(_xml_safe(_ordered(g)), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _xml_safe(g: Any) -> Any:
    def clean(data: Mapping[str, Any]) -> dict[str, Any]:
        return {k: printable(v) if isinstance(v, str) else v for k, v in data.items()}

    out = nx.DiGraph(**clean(g.graph))
    out.add_nodes_from((printable(n), clean(d)) for n, d in g.nodes(data=True))
    out.add_edges_from((printable(u), printable(v), clean(d)) for u, v, d in g.edges(data=True))
    return out


def to_json(g: Any) -> str:
    """node-link JSON: `nodes` and `edges` lists, sorted."""
    try:
        data = nx.node_link_data(_ordered(g), edges="edges")
    except TypeError:  # networkx < 3.4 names the argument `link`
        data = nx.node_link_data(_ordered(g), link="edges")
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str)
    return inert_json(text) + "\n"


EXPORTERS = {"dot": to_dot, "mermaid": to_mermaid}


def export(g: Any, fmt: str, lang: str = "en") -> str:
    """The graph in `fmt`: dot, mermaid, graphml or json."""
    if fmt == "graphml":
        return to_graphml(g)
    if fmt == "json":
        return to_json(g)
    return EXPORTERS[fmt](g, lang)
