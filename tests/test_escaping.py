"""Catalog and project text never reaches a report as markup, in HTML or Markdown."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from reports_helpers import AS_OF, FINDINGS, PROJECT, catalog_tree
from test_render import Page

from journey.cli import main
from journey.reports import REPORTS

SCRIPT = "<script>alert('x')</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS = "javascript:alert(document.cookie)"
PAYLOAD = f"{SCRIPT} {IMG} {JS}"
TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section",
    "p", "h1", "h2", "h3", "dl", "dt", "dd", "div", "ul", "ol", "li", "span", "b", "strong",
    "br", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "svg", "g", "line", "rect",
    "text", "a", "script", "caption", "path", "polyline", "figure", "figcaption",
}  # fmt: skip


def _text(value: str) -> dict[str, str]:
    return {"en": f"{value} {PAYLOAD}", "zh": f"{value} {PAYLOAD}"}


def poisoned_catalog() -> dict[str, Any]:
    tree = catalog_tree()
    for key, kind in (("stages.yaml", "stages"), ("professions.yaml", "professions")):
        for entry in tree[key][kind]:
            entry["title"] = _text(entry["id"])
    tree["positioning.yaml"]["levels"][2]["title"] = _text("level")
    tree["matrix.yaml"]["likelihood"][0]["title"] = _text("rare")
    tree["matrix.yaml"]["impact"][4]["title"] = _text("severe")
    risks = tree["risks/delivery.yaml"]
    risks["categories"][0]["title"] = _text("quality")
    risks["risks"][0]["title"] = _text("risk")
    risks["risks"][0]["controls"] = [_text("control")]
    for item in tree["open-day.yaml"]["items"] + tree["acceptance/civil.yaml"]["items"]:
        item["title"] = _text(item["id"])
        item["area"] = _text("area")
    tree["acceptance/civil.yaml"]["title"] = _text("civil")
    for task in tree["plan.yaml"]["tasks"]:
        task["title"] = _text(task["id"])
    gate = tree["gates.yaml"]["gates"][0]
    gate["title"] = _text("gate")
    gate["rules"][0]["title"] = _text("rule")
    tree["points.yaml"]["points"][1]["title"] = _text("point")
    del risks["risks"][0]["points"]  # so the point shows as uncovered
    return tree


def poisoned_project() -> dict[str, Any]:
    proj = copy.deepcopy(PROJECT)
    proj["name"] = _text("Harbour")
    proj["risks"]["RD-001"]["assignee"] = PAYLOAD
    proj["checks"]["OD-002"] = {"status": "fail", "note": PAYLOAD, "evidence": PAYLOAD}
    proj["checks"]["OD-001"] = {"status": "pass", "by": PAYLOAD, "checked": "2026-10-19"}
    proj["tasks"]["DP-003"] = {"status": "doing", "note": PAYLOAD, "assignee": PAYLOAD}
    proj["waivers"][0]["reason"] = PAYLOAD
    proj["waivers"][0]["approved_by"] = PAYLOAD
    return proj


def poisoned_findings() -> str:
    quoted = '"' + PAYLOAD.replace('"', '""') + '"'
    return FINDINGS.replace("PaintCo", quoted)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from helpers import write_tree

    root = tmp_path_factory.mktemp("xss")
    write_tree(root / "catalog", poisoned_catalog())
    write_tree(
        root / "proj", {"project.yaml": poisoned_project(), "findings.csv": poisoned_findings()}
    )
    args = ["--catalog", str(root / "catalog"), "--as-of", AS_OF.isoformat(), "-q"]
    assert main([*args, "site", "--project", str(root / "proj"), "-o", str(root / "out")]) == 0
    return root / "out"


def _pages(site: Path, suffix: str) -> list[Path]:
    found = sorted(site.rglob(f"*.{suffix}"))
    assert len(found) == (2 * len(REPORTS) + (suffix == "html"))
    return found


def test_payloads_reach_the_reports_as_text(site: Path) -> None:
    html = (site / "en" / "open-day.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_no_payload_becomes_markup_in_any_html_page(site: Path) -> None:
    for path in _pages(site, "html"):
        html = path.read_text(encoding="utf-8")
        page = Page(html)
        assert {tag for tag, _ in page.tags} <= TAGS, path
        assert len(page.find("script")) == 1 and page.find("script", type="application/json")
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag)
            for value in attrs.values():
                assert "javascript:" not in (value or "").lower(), (path, tag)
        assert "<img" not in html and "<script>" not in html, path
        assert "<" not in "".join(page.scripts), path


def test_links_of_the_index_are_relative_and_exist(site: Path) -> None:
    page = Page((site / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for a in page.find("a")]
    assert len(set(links)) == 4 * len(REPORTS)  # every report, both languages and formats
    for href in links:
        assert href and not href.startswith(("/", "http")) and (site / href).is_file()


def test_no_payload_becomes_markup_in_markdown(site: Path) -> None:
    for path in _pages(site, "md"):
        md = path.read_text(encoding="utf-8")
        assert "<script" not in md and "<img" not in md, path
        assert "](javascript:" not in md, path
        assert "&lt;script&gt;" in md, path
        for table in _tables(md):
            widths = {row.replace("\\|", "").count("|") for row in table}
            assert len(widths) == 1, (path, table)


def _tables(md: str) -> list[list[str]]:
    """Runs of consecutive table lines."""
    tables: list[list[str]] = [[]]
    for line in md.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    return [t for t in tables if t]
