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
    expected = {"index.html", "summary.json"} | {
        f"{lang}/{name}.{ext}"
        for lang in ("en", "zh")
        for name in REPORTS
        for ext in ("html", "md")
    }
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == expected
    assert f"wrote 18 files to {out}; open {out / 'index.html'}" in capsys.readouterr().out
    zh = (out / "zh" / "open-day.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in zh and "暂不具备开放条件" in zh


def test_index_shows_gate_badges_and_relative_links(tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "site"
    main([*args, "--lang", "zh", "site", "--project", str(tmp_path / "proj"), "-o", str(out)])
    index = (out / "index.html").read_text(encoding="utf-8")
    page = Page(index)
    assert page.find("html")[0]["lang"] == "zh-CN"
    (row,) = page.find("tr", **{"data-gate": "open-day"})
    assert row["class"] == "gate-row fail"
    assert "工地开放日准入" in index and "未通过" in index
    hrefs = [a["href"] for a in page.find("a")]
    assert "en/risk-assessment.html" in hrefs and "zh/open-day.md" in hrefs
    assert all(h and (out / h).is_file() for h in hrefs)
    # the gate links to the report that explains it, in the index's language
    assert hrefs[:2] == ["zh/open-day.html", "zh/open-day.md"]


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
    assert len(pages) == 18 and calls == ["open-day"]


def test_summary_and_the_change_since_a_previous_site(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    proj = str(tmp_path / "proj")
    first, second = tmp_path / "week1", tmp_path / "week2"
    assert (
        main([*args[:2], "--as-of", "2026-10-13", "site", "--project", proj, "-o", str(first)]) == 0
    )
    summary = json.loads((first / "summary.json").read_text(encoding="utf-8"))
    assert (summary["schema"], summary["project"], summary["as_of"]) == (
        "journey-site/1",
        "harbour-test",
        "2026-10-13",
    )
    assert summary["gates"]["open-day"]["verdict"] == "fail"
    blocking = summary["gates"]["open-day"]["blocking"]
    assert blocking == 2  # OD-002 failed, OD-004 not checked
    assert (
        main([*args, "site", "--project", proj, "-o", str(second), "--previous", str(first)]) == 0
    )
    index = (second / "index.html").read_text(encoding="utf-8")
    assert "Since 13 Oct 2026" in index and "2 → 2" in index
    data = json.loads(Page(index).scripts[0])
    assert data["change"]["since"] == "2026-10-13"
    assert [(g["id"], g["was"], g["now"]) for g in data["change"]["gates"]] == [
        ("open-day", "fail", "fail")
    ]
    # a gate result serves as well: one gate's verdict and the numbers
    gate_json = tmp_path / "gate.json"
    main([*args, "gate", "open-day", "--project", proj, "-o", f"json:{gate_json}"])
    third = tmp_path / "week3"
    assert (
        main([*args, "site", "--project", proj, "-o", str(third), "--previous", str(gate_json)])
        == 0
    )
    assert "2 → 2" in (third / "index.html").read_text(encoding="utf-8")


def test_a_previous_result_that_does_not_fit_is_refused(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    proj = str(tmp_path / "proj")
    out = tmp_path / "site"
    missing = tmp_path / "nowhere"
    assert main([*args, "site", "--project", proj, "-o", str(out), "--previous", str(missing)]) == 2
    assert f"no previous result at {missing}: give a folder" in capsys.readouterr().err
    assert not out.exists()  # nothing written
    other = tmp_path / "other.json"
    other.write_text('{"schema": "journey-site/1", "project": "lakeside", "as_of": "2026-10-01", '
                     '"gates": {}, "numbers": null}', encoding="utf-8")  # fmt: skip
    assert main([*args, "site", "--project", proj, "-o", str(out), "--previous", str(other)]) == 2
    assert "is about project lakeside, not harbour-test" in capsys.readouterr().err
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"schema": "something-else"}', encoding="utf-8")
    assert main([*args, "site", "--project", proj, "-o", str(out), "--previous", str(wrong)]) == 2
    assert "is neither a site summary nor a gate result" in capsys.readouterr().err
