"""`journey site`: every report in both languages, Markdown twins and an index."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports_helpers import AS_OF, make_project
from test_render import Page

from journey.cli import main
from journey.reports import REPORTS
from journey.reports.site import render_site


@pytest.fixture
def args(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("NO_COLOR", "1")
    make_project(tmp_path)
    return ["--catalog", str(tmp_path / "catalog"), "--as-of", AS_OF.isoformat()]


def test_site_writes_every_report_in_both_languages(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deep" / "site"
    assert main([*args, "site", "--project", str(tmp_path / "proj"), "-o", str(out)]) == 0
    expected = {"index.html"} | {
        f"{lang}/{name}.{ext}"
        for lang in ("en", "zh")
        for name in REPORTS
        for ext in ("html", "md")
    }
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == expected
    assert f"wrote 17 files to {out}; open {out / 'index.html'}" in capsys.readouterr().out
    zh = (out / "zh" / "open-day.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in zh and "暂不具备开放条件" in zh


def test_index_shows_gate_badges_and_relative_links(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "site"
    main([*args, "--lang", "zh", "site", "--project", str(tmp_path / "proj"), "-o", str(out)])
    index = (out / "index.html").read_text(encoding="utf-8")
    page = Page(index)
    assert page.find("html")[0]["lang"] == "zh-CN"
    assert page.find("li", **{"class": "gate fail"})
    assert "工地开放日准入" in index and "暂不具备开放条件" in index
    hrefs = [a["href"] for a in page.find("a")]
    assert "en/risk-assessment.html" in hrefs and "zh/open-day.md" in hrefs
    assert all(h and (out / h).is_file() for h in hrefs)


def test_site_into_a_file_is_an_error(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    code = main([*args, "site", "--project", str(tmp_path / "proj"), "-o", str(target)])
    assert code == 2 and target.read_text() == "x"


def test_site_never_writes_into_the_project(tmp_path: Path, args: list[str]) -> None:
    proj = tmp_path / "proj"
    before = {p: p.read_bytes() for p in proj.iterdir()}
    assert main([*args, "site", "--project", str(proj), "-o", str(proj)]) == 0
    assert {p: p.read_bytes() for p in before} == before


def test_render_site_evaluates_gates_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import journey.gates

    project = make_project(tmp_path)
    calls: list[str] = []
    real = journey.gates.evaluate

    def counting(gate_id: str, *a: object, **k: object) -> object:
        calls.append(gate_id)
        return real(gate_id, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(journey.gates, "evaluate", counting)
    pages = render_site(project)
    assert len(pages) == 17 and calls == ["open-day"]
