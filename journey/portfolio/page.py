"""The portfolio written: `portfolio.json` (`journey-portfolio/1`) and `index.html`.

The JSON document is made first, in the chosen language, and the page is laid out from
that same document, so the two never disagree. Neither holds a time or a run's
statistics: the same inputs give the same bytes, whether each project was read or taken
from the cache. The cache is written last, once both files are in place.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from journey.chars import inert_json
from journey.messages import render_problem
from journey.portfolio import cache
from journey.portfolio.models import Invalid, KeyRow, Portfolio, ProjectSummary, Recurring
from journey.portfolio.recur import RECURS_ON
from journey.types import LocalisedText

SCHEMA = "journey-portfolio/1"
JSON_FILE = "portfolio.json"
INDEX = "index.html"
PROBLEMS_SHOWN = 5  # per invalid project on the page (all of them go to stderr)


def document(p: Portfolio, lang: str) -> dict[str, Any]:
    """The portfolio as plain JSON data, texts in `lang`."""
    return {
        "schema": SCHEMA,
        "lang": lang,
        "as_of": p.as_of.isoformat(),
        "catalog": {"name": p.catalog, "version": p.version},
        "gates": [
            {"id": g.id, "title": g.title.get(lang), "stage": g.stage, "milestone": g.milestone}
            for g in p.gates
        ],
        "recurs_on": RECURS_ON,
        "summary": _summary(p),
        "projects": [_project(s, lang) for s in p.projects],
        "invalid": [_invalid(i, lang) for i in p.invalid],
        "recurring": [_recurring(r, lang) for r in p.recurring],
        "recurring_categories": [_row(r) for r in p.categories],
        "contractors": [_row(r) for r in p.contractors],
        "repair_categories": [
            {"title": _title(p.repair_titles, r.key, lang), **_row(r)} for r in p.repair_categories
        ],
        "repair_parties": [_row(r) for r in p.repair_parties],
    }


def _summary(p: Portfolio) -> dict[str, int]:
    return {
        "projects": len(p.projects),
        "invalid": len(p.invalid),
        "recurring": len(p.recurring),
        "recurring_uncovered": sum(1 for r in p.recurring if not r.covered_by),
        "red_lines_open": sum(len(s.red_lines) for s in p.projects),
        "projects_with_red_lines": sum(1 for s in p.projects if s.red_lines),
    }


def _project(s: ProjectSummary, lang: str) -> dict[str, Any]:
    batch_gates = {
        b: {g: c.batches[b] for g, c in s.gates.items() if b in c.batches} for b in s.batches
    }
    return {
        "id": s.id,
        "name": s.name.get(lang),
        "path": s.path,
        "stage": s.stage,
        "stage_title": s.stage_title.get(lang),
        "positioning": s.positioning,
        "buildings": list(s.buildings),
        "batches": list(s.batches),
        "gates": {g: c.verdict for g, c in s.gates.items()},
        "gate_details": {g: c.model_dump(mode="json") for g, c in s.gates.items()},
        "batch_gates": batch_gates,
        "numbers": s.numbers.model_dump(mode="json"),
        "red_lines": [
            {"point": r.point, "title": r.title.get(lang), "items": list(r.items)}
            for r in s.red_lines
        ],
        "warnings": s.warnings,
    }


def _invalid(i: Invalid, lang: str) -> dict[str, Any]:
    errors = [p for p in i.problems if p.is_error]
    return {
        "path": i.path,
        "id": i.id or None,
        "errors": len(errors),
        "problems": [render_problem(p, lang) for p in errors],
    }


def _recurring(r: Recurring, lang: str) -> dict[str, Any]:
    data = r.model_dump(mode="json", exclude={"title", "item"})
    return {"item": r.item, "title": r.title.get(lang), **data}


def _row(r: KeyRow) -> dict[str, Any]:
    return r.model_dump(mode="json")


def _title(titles: dict[str, LocalisedText], key: str, lang: str) -> str:
    found = titles.get(key)
    return found.get(lang) if found is not None else key


def render_json(doc: dict[str, Any]) -> str:
    """portfolio.json's text."""
    return inert_json(json.dumps(doc, ensure_ascii=False, indent=1)) + "\n"


def render_html(doc: dict[str, Any], lang: str) -> str:
    """index.html: one self-contained page laid out from the document."""
    from journey.reports.render import render_template

    as_of = dt.date.fromisoformat(doc["as_of"])
    return render_template(
        "portfolio.html.j2", "html", lang, d=doc, as_of=as_of, shown=PROBLEMS_SHOWN
    )


def write(p: Portfolio, out: Path, lang: str, protected: list[Path]) -> list[Path]:
    """Write both files into `out` (created if needed), then the cache; nothing is
    written over an input."""
    from journey.errors import OutputError
    from journey.writing import write_atomic

    doc = document(p, lang)
    pages = {JSON_FILE: render_json(doc), INDEX: render_html(doc, lang)}
    if out.exists() and not out.is_dir():
        raise OutputError("report.site_not_folder", path=str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("report.write_failed", path=str(out), reason=exc.strerror) from exc
    inputs = [*protected, *(Path(name) for name in p.inputs)]
    for name, text in pages.items():
        write_atomic(out / name, text, inputs)
    if p.key is not None:
        cache.save(out, p.key, p.entries, inputs)
    return [out / name for name in pages]
