"""The report site: every report in both languages, Markdown twins, an index page and the
summary a later run compares itself with (journey.reports.index)."""

from __future__ import annotations

from pathlib import Path

from journey.errors import OutputError
from journey.messages import LANGS
from journey.project import Project
from journey.reports import REPORTS, build
from journey.reports._common import gate_outcomes, header, project_numbers
from journey.reports.index import (
    SUMMARY,
    SiteIndex,
    SiteLink,
    change,
    gate_lines,
    read_previous,
    summary,
    summary_json,
)
from journey.reports.render import EXTENSION, FORMATS, json_for_script, render, render_template
from journey.writing import input_files, write_atomic

INDEX = "index.html"

__all__ = ["INDEX", "SUMMARY", "SiteIndex", "SiteLink", "render_site", "write_site"]


def render_site(project: Project, lang: str = "en", previous: Path | None = None) -> dict[str, str]:
    """Every page of the site by relative path, rendered in memory; the index in `lang`.

    With `previous` (a previous site folder, its summary.json or a gate result JSON), the
    index also shows what changed since."""
    from journey.reports.plan import number_rows

    was = read_previous(previous, project.file.id) if previous is not None else None
    outcomes = gate_outcomes(project)
    pages: dict[str, str] = {}
    links: list[SiteLink] = []
    open_day = ""
    for report_lang in LANGS:
        for name in REPORTS:
            report = build(name, project, report_lang, outcomes)
            if report.kind == "open-day" and report_lang == lang:
                open_day = report.verdict
            paths = {fmt: f"{report_lang}/{name}.{EXTENSION[fmt]}" for fmt in FORMATS}
            for fmt, path in paths.items():
                pages[path] = render(report, fmt)
            links.append(SiteLink(report=name, lang=report_lang, **paths))
    head = header(project, "index", lang, outcomes)
    lines = gate_lines(head.gates, outcomes, lang)
    numbers = project_numbers(project, outcomes)
    now = summary(project.file.id, project.as_of, lines, numbers)
    index = SiteIndex(
        header=head,
        links=tuple(links),
        open_day=open_day,
        gates=lines,
        numbers=tuple(n for n in number_rows(project, numbers) if n.level != "building"),
        has_score=project.catalog.scoring is not None,
        change=change(now, *was, {g.id: g.title for g in head.gates}) if was else None,
    )
    pages[INDEX] = render_template(
        "index.html.j2",
        "html",
        lang,
        r=index,
        h=index.header,
        data_json=json_for_script(index.model_dump(mode="json")),
    )
    pages[SUMMARY] = summary_json(now)
    return pages


def write_site(
    project: Project, out: Path, lang: str = "en", previous: Path | None = None
) -> list[Path]:
    """Render the whole site, then write it under `out` (created if needed)."""
    pages = render_site(project, lang, previous)
    if out.exists() and not out.is_dir():
        raise OutputError("report.site_not_folder", path=str(out))
    protected = input_files(project)
    written = []
    for rel, text in pages.items():
        path = out / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError("report.write_failed", path=str(path), reason=exc.strerror) from exc
        write_atomic(path, text, protected)
        written.append(path)
    return written
