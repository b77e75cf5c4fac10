"""Rendering: every report in both languages as HTML and Markdown, and the fixed strings."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest
from reports_helpers import make_project

from journey.messages import _MESSAGES, format_date, format_number, format_percent, template_fields
from journey.project import Project
from journey.reports import REPORTS, build, delivery_plan, open_day, risk_assessment
from journey.reports.render import json_for_script, markdown_escape, render

TEMPLATES = files("journey.templates")
URL_ATTRS = {"src", "href", "action", "srcset", "poster", "data", "xlink:href"}


class Page(HTMLParser):
    """Tags, attributes, the embedded JSON and the visible text of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("render"))


@pytest.fixture(scope="module")
def example() -> Project:
    import datetime as dt

    from journey.catalog import load_catalog
    from journey.project import load_project

    root = Path(__file__).resolve().parent.parent / "examples" / "harbour-view"
    return load_project(root, load_catalog(), dt.date(2026, 10, 20))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_html_is_self_contained_and_carries_its_data(
    project: Project, name: str, lang: str
) -> None:
    report = build(name, project, lang)
    html = render(report, "html")
    page = Page(html)
    assert page.find("html")[0]["lang"] == ("zh-CN" if lang == "zh" else "en")
    assert not re.search(r"https?:|//[a-z]|@import|url\(", html, re.IGNORECASE)
    assert all(not (set(a) & URL_ATTRS) for _, a in page.tags)
    assert len(page.find("script", type="application/json", id="report-data")) == 1
    assert len(page.scripts) == 1
    assert json.loads(page.scripts[0]) == report.model_dump(mode="json")
    assert "@media print" in html and "@page" in html and "A4" in html
    assert 'name="viewport"' in html


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_markdown_twin_has_the_same_content(project: Project, name: str, lang: str) -> None:
    md = render(build(name, project, lang), "md")
    assert md.startswith("# 海景测试" if lang == "zh" else "# Harbour Test")
    assert "<" not in md.replace("&lt;", "")
    for line in md.splitlines():
        if line.startswith("|"):
            assert line.endswith("|"), line


def test_heat_map_cells_show_the_risk_ids(project: Project) -> None:
    report = risk_assessment(project)
    html = render(report, "html")
    cells = Page(html).find("td")
    shown = sum(int(a["data-count"] or 0) for a in cells if "data-count" in a)
    # the inherent map holds every risk, the residual one the open risks
    assert shown == report.total + report.open
    assert report.total == sum(len(s.risks) for s in report.stages)
    assert len([a for a in cells if "data-count" in a]) == 2 * 25 * len(report.stages)
    assert '<span class="hid">RD-001</span><span class="hid">RD-002</span>' in html
    for value in ("low", "medium", "high", "critical"):  # the colour key
        assert f'<span class="sw rating-{value}"></span>' in html


def test_gantt_draws_one_bar_per_task_and_the_today_line(project: Project) -> None:
    report = delivery_plan(project, "zh")
    html = render(report, "html")
    page = Page(html)
    bars = [a["class"] for t, a in page.tags if t == "rect" and "bar" in (a["class"] or "")]
    phone = report.phone_gantt
    assert phone is not None and len(report.tasks) == 6
    assert len(bars) == len(report.tasks) + len(phone.bars)  # the full chart and the phone's
    assert len(page.find("g", **{"class": "task"})) == 6 + len(phone.bars)
    assert len(page.find("line", **{"class": "today"})) == 2
    assert len(page.find("rect", **{"class": "crit"})) == 2 * len(report.critical_path)
    assert "bar at-risk" in bars
    assert "截至 10月20日" in html


def test_open_day_verdict_comes_first_and_names_the_blockers(project: Project) -> None:
    html = render(open_day(project), "html")
    verdict = html.index('id="verdict"')
    assert verdict < html.index("<main>")
    assert "NO-GO" in html[verdict : html.index("</div>", verdict)]
    assert re.search(r"OD-002</b> Lift hall power — failed", html)
    md = render(open_day(project, "zh"), "md")
    assert "## 暂不具备开放条件" in md
    assert "1. **OD-002** Lift hall power（中） — 不通过 · 责任专业：工程" in md


def test_rectification_rates_are_formatted_per_building(project: Project) -> None:
    html = render(delivery_plan(project), "html")
    assert re.search(r'data-building="T1">.*?class="num rate"[^>]*>66\.7%', html, re.S)
    assert re.search(r'data-building="T2">.*?class="num rate"[^>]*>50\.0%', html, re.S)


def test_dates_and_numbers_per_language() -> None:
    import datetime as dt

    day = dt.date(2026, 10, 24)
    assert (format_date(day, "en"), format_date(day, "zh")) == ("24 Oct 2026", "2026年10月24日")
    assert format_number(600000, "zh") == "600,000"
    assert format_percent(0.9523, "en") == "95.2%"


SAME_IN_BOTH = {"site.markdown", "site.lang.en", "site.lang.zh"}  # names, not words


def test_every_report_word_is_translated() -> None:
    from journey import _msg_report

    for key, (en, zh) in _msg_report.MESSAGES.items():
        assert en.strip() and zh.strip(), key
        assert (en == zh) == (key in SAME_IN_BOTH), f"{key} is not translated"
        assert template_fields(en) == template_fields(zh), key


def _templates() -> list[str]:
    return sorted(p.name for p in TEMPLATES.iterdir() if p.name.endswith(".j2"))


def test_every_key_the_templates_use_is_in_the_table() -> None:
    used = set()
    for name in _templates():
        source = TEMPLATES.joinpath(name).read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([\w.\-/]+)["']""", source))
    prefixes = {k for k in used if k.endswith(".")}  # t("status." ~ value)
    used -= prefixes
    assert used and not used - set(_MESSAGES)


@pytest.mark.parametrize("name", _templates())
def test_no_fixed_text_outside_the_table(name: str) -> None:
    """Text a reader sees comes from t(): a template holds no words of its own."""
    if name.startswith("style"):
        return
    source = TEMPLATES.joinpath(name).read_text(encoding="utf-8")
    source = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", source, flags=re.S)
    source = re.sub(r"<[^>]*>", " ", source)  # tags and attributes are not shown
    words = set(re.findall(r"[A-Za-z\u4e00-\u9fff]{2,}", source)) - {"HTML"}
    assert not words, f"{name}: untranslated {sorted(words)}"


def test_markdown_escape_keeps_text_inert() -> None:
    assert markdown_escape("a|b") == r"a\|b"
    assert markdown_escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert markdown_escape("`code`") == r"\`code\`"
    assert markdown_escape("# title") == r"\# title"
    assert markdown_escape("[x](javascript:alert(1))") == r"\[x\](javascript:alert(1))"
    assert markdown_escape("line\nbreak") == "line break"
    assert markdown_escape("R&D &amp;") == "R&D &amp;amp;"


def test_json_for_script_cannot_close_the_script() -> None:
    text = json_for_script({"x": "</script><script>alert(1)</script>"})
    assert "</" not in text and "<" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script>"}


def test_render_writes_nothing(project: Project, tmp_path: Path) -> None:
    before = sorted(project.folder.iterdir())
    render(risk_assessment(project), "html")
    assert sorted(project.folder.iterdir()) == before


def test_a_bare_project_renders_every_report(tmp_path: Path) -> None:
    """No milestones, no findings, no statuses: every report still says something useful."""
    from reports_helpers import PROJECT

    bare = {k: v for k, v in PROJECT.items() if k in ("kind", "id", "name", "positioning", "stage")}
    project = make_project(tmp_path, project=bare)
    plan = delivery_plan(project)
    assert plan.tasks == () and plan.gantt.bars == () and plan.findings_total == 0
    assert {task_id for task_id, _ in plan.unanchored} == {f"DP-00{n}" for n in range(1, 7)}
    assert open_day(project).open_day is None
    for name in REPORTS:
        for lang in ("en", "zh"):
            report = build(name, project, lang)
            assert render(report, "html") and render(report, "md")
    md = render(delivery_plan(project), "md")
    assert "No findings recorded." in md and "(milestone delivery missing)" in md
    assert "the open day (no open\\_day milestone yet):" in render(open_day(project), "md")


# The Markdown twin and the JSON carry the same facts as the HTML ------------------------

FACT_TEXTS = {"id", "title", "owner", "assignee", "note", "evidence", "approved_by", "target",
              "reason", "sentence", "pace", "scope", "building", "unit", "area", "category",
              "project_name", "recorded_by", "recorded_note", "reasons", "controls", "tags",
              "rules", "failed", "first_blocking"}  # fmt: skip
FACT_DATES = {"due", "start", "finish", "expires", "as_of", "recorded_on", "reaches",
              "deadline", "checked", "waiver_expired", "date"}  # fmt: skip
NOT_FACTS = {"gantt", "phone_gantt", "data_json"}  # chart geometry: the task tables carry it


# Codes rather than words under these lists: a gate's, a profession's, a stage's id, a task's
# category, a checklist's id, why an open-day blocker blocks (shown as its word: "failed")
CODES = {("gates", "id"), ("professions", "id"), ("stages", "id"), ("tasks", "category"),
         ("preparation", "category"), ("emergency", "category"), ("blockers", "reason"),
         ("rounds", "id")}  # fmt: skip


def facts(node: object, lang: str, key: str = "", parent: str = "") -> set[str]:
    """Every text and date a report model holds under the fact keys, as a reader sees it."""
    found: set[str] = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in NOT_FACTS and (parent, k) not in CODES:
                found |= facts(v, lang, k, parent)
    elif isinstance(node, list):
        for v in node:
            found |= facts(v, lang, key, key if isinstance(v, dict) else parent)
    elif isinstance(node, str) and node.strip():
        if key in FACT_TEXTS:
            found.add(node)
        elif key in FACT_DATES and re.fullmatch(r"\d{4}-\d\d-\d\d", node):
            import datetime as dt

            found.add(format_date(dt.date.fromisoformat(node), lang))
    return found


def seen_in_html(html: str) -> str:
    import html as html_lib

    page = Page(html)
    return " ".join(html_lib.unescape(" ".join(page.text)).split())


def seen_in_md(md: str) -> str:
    import html as html_lib

    plain = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|~<>])", r"\1", md)
    return " ".join(html_lib.unescape(plain).replace("**", "").split())


# The reports before handover. The service report's model also holds what its page leaves
# out before handover (the dimensions and stages of a survey not yet run) and codes
# beside titles; it has tests of its own.
BEFORE_HANDOVER = ("delivery-plan", "open-day", "risk-assessment")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", BEFORE_HANDOVER)
def test_html_markdown_and_json_carry_the_same_facts(
    project: Project, example: Project, name: str, lang: str
) -> None:
    for source in (project, example):
        report = build(name, source, lang)
        html, md = render(report, "html"), render(report, "md")
        data = json.loads(Page(html).scripts[0])
        wanted = facts(data, lang)
        assert wanted  # the test looks at something
        shown_html, shown_md = seen_in_html(html), seen_in_md(md)
        norm = [" ".join(f.split()) for f in wanted]
        assert [f for f in norm if f not in shown_html] == [], source.file.id
        assert [f for f in norm if f not in shown_md] == [], source.file.id
