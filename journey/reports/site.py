"""The report site: every report in both languages, Markdown twins and an index page."""

from __future__ import annotations

from pathlib import Path

from journey.errors import OutputError
from journey.messages import LANGS
from journey.project import Project
from journey.reports import REPORTS, build
from journey.reports._common import gate_outcomes, header
from journey.reports.models import Header
from journey.reports.render import EXTENSION, FORMATS, json_for_script, render, render_template
from journey.types import Model
from journey.writing import input_files, write_atomic

INDEX = "index.html"


class SiteLink(Model):
    """One report in one language, with its HTML and Markdown paths (relative)."""

    report: str
    lang: str
    html: str
    md: str


class SiteIndex(Model):
    """What the index page shows: the header with gate badges and the links."""

    header: Header
    links: tuple[SiteLink, ...]
    open_day: str


def render_site(project: Project, lang: str = "en") -> dict[str, str]:
    """Every page of the site by relative path, rendered in memory; the index in `lang`."""
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
    index = SiteIndex(
        header=header(project, "index", lang, outcomes), links=tuple(links), open_day=open_day
    )
    pages[INDEX] = render_template(
        "index.html.j2",
        "html",
        lang,
        r=index,
        h=index.header,
        data_json=json_for_script(index.model_dump(mode="json")),
    )
    return pages


def write_site(project: Project, out: Path, lang: str = "en") -> list[Path]:
    """Render the whole site, then write it under `out` (created if needed)."""
    pages = render_site(project, lang)
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
