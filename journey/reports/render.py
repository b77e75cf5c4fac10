"""Formatting a report model as HTML or Markdown with the Jinja2 templates.

Both environments autoescape with `StrictUndefined`. The Markdown one runs every
value through `markdown_escape` first (as Jinja2's `finalize`), so no catalog or
project text can break a table or smuggle HTML into a page that renders it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache, partial
from importlib.resources import files
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from journey import messages
from journey.markdown import escape
from journey.reports.models import Report

Format = Literal["html", "md"]
FORMATS: tuple[Format, ...] = ("html", "md")
EXTENSION = {"html": "html", "md": "md"}


def markdown_escape(value: object) -> Markup:
    """Text made inert in Markdown (`journey.markdown.escape`); template markup passes."""
    if isinstance(value, Markup):
        return value
    return Markup(escape(value))


def json_for_script(data: Any) -> Markup:
    """JSON that cannot end its `<script>` element: `<`, `>` and `&` as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def css_string(value: str) -> Markup:
    """Text as a quoted CSS string (for `content:`) that nothing can break out of: every
    character but letters, digits (CJK included) and a few marks is a hex escape."""
    out = [
        ch if ch.isalnum() or ch in " -·.,:()/" else f"\\{ord(ch):06x}"
        for ch in re.sub(r"\s", " ", str(value))
    ]
    return Markup('"' + "".join(out) + '"')


def css_counters(value: str) -> Markup:
    """A message holding `{page}` and `{pages}` as CSS `content`: strings and counters."""
    out = []
    for part in re.split(r"(\{pages?\})", value):
        if part in ("{page}", "{pages}"):
            out.append(f"counter({part[1:-1]})")
        elif part:
            out.append(str(css_string(part)))
    return Markup(" ".join(out))


def _load(name: str) -> str:
    return files("journey.templates").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=2)
def environment(fmt: Format) -> jinja2.Environment:
    """The Jinja2 environment for one output format (templates read from the package)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=markdown_escape if fmt == "md" else None,
    )
    return env


def helpers(lang: str) -> dict[str, Callable[..., str]]:
    """The language-bound functions every template calls: t, date, num, pct, status, the
    list separator and colon of the language (joined, colon), and the CSS-string makers of
    the printed page's running header and page numbers."""
    return {
        "t": partial(messages.text, lang=lang),
        "date": partial(messages.format_date, lang=lang),
        "num": partial(messages.format_number, lang=lang),
        "pct": partial(messages.format_percent, lang=lang),
        "status": lambda value: messages.text(f"status.{value}", lang),
        "rating": lambda value: messages.text(f"rating.{value}", lang),
        "milestone": partial(messages.milestone_name, lang=lang),
        "css_string": css_string,
        "css_counters": css_counters,
        "joined": lambda values: ("；" if lang == "zh" else "; ").join(values),
        "colon": lambda: "：" if lang == "zh" else ": ",
    }


def render(report: Report, fmt: Format = "html") -> str:
    """The report as one HTML document or one Markdown text, in the report's language."""
    lang = report.header.lang
    template = environment(fmt).get_template(f"{report.kind}.{fmt}.j2")
    return template.render(
        r=report,
        h=report.header,
        html_lang=messages.HTML_LANG.get(lang, lang),
        data_json=json_for_script(report.model_dump(mode="json")) if fmt == "html" else "",
        **helpers(lang),
    )


def render_template(name: str, fmt: Format, lang: str, **context: Any) -> str:
    """Render any template of the package (the site index) with the language helpers."""
    template = environment(fmt).get_template(name)
    return template.render(html_lang=messages.HTML_LANG.get(lang, lang), **helpers(lang), **context)
