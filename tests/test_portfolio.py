"""journey.portfolio: projects found, summarised, and what recurs across them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from portfolio_kit import AS_OF, load, portfolio, project, row

from journey.errors import UsageProblem
from journey.portfolio import find_projects, write
from journey.portfolio.page import document
from journey.portfolio.recur import RECURS_ON


@pytest.fixture
def four(tmp_path: Path) -> Path:
    """Four projects: AC-CIV-001 (covered by DC-CIV-001) found on three of them, AC-CIV-002
    (covered by no case) on three, AC-CIV-003 on two only."""
    root = tmp_path / "projects"
    project(root, "alpha", [row("A1", "AC-CIV-001"), row("A2", "AC-CIV-002", "verified")])
    project(root, "bravo", [row(f"B{i}", "AC-CIV-001") for i in range(10)])
    project(root, "charlie", [row("C1", "AC-CIV-001", "verified"), row("C2", "AC-CIV-002")])
    project(root, "delta", [row("D1", "AC-CIV-002"), row("D2", "AC-CIV-003")])
    project(root, "echo", [row("E1", "AC-CIV-003")])
    return root


def test_recurrence_counts_projects_not_findings(tmp_path: Path, four: Path) -> None:
    catalog, _ = load(tmp_path)
    p = portfolio(catalog, four, tmp_path / "out")
    assert RECURS_ON == 3
    found = {r.item: r for r in p.recurring}
    assert set(found) == {"AC-CIV-001", "AC-CIV-002"}  # AC-CIV-003: two projects only
    civ1 = found["AC-CIV-001"]
    assert (civ1.projects, civ1.findings, civ1.open) == (3, 12, 11)
    assert civ1.project_ids == ("alpha", "bravo", "charlie")
    civ2 = found["AC-CIV-002"]  # alpha's only finding of it is verified: it still recurred
    assert (civ2.projects, civ2.findings, civ2.open) == (3, 3, 2)
    assert civ2.project_ids == ("alpha", "charlie", "delta")


def test_uncovered_recurring_items_come_first(tmp_path: Path, four: Path) -> None:
    catalog, _ = load(tmp_path)
    project(four, "foxtrot", [row("F1", "AC-CIV-001")])  # the covered item: 4 projects
    p = portfolio(catalog, four, tmp_path / "out")
    assert [(r.item, r.projects, r.covered_by) for r in p.recurring] == [
        ("AC-CIV-002", 3, ()),
        ("AC-CIV-001", 4, ("DC-CIV-001",)),
    ]
    doc = document(p, "en")
    assert doc["recurring"][0] == {
        "item": "AC-CIV-002",
        "title": "Check AC-CIV-002",
        "kind": "check",
        "checklist": "acceptance-civil",
        "projects": 3,
        "project_ids": ["alpha", "charlie", "delta"],
        "findings": 3,
        "complaints": 0,
        "open": 2,
        "covered_by": [],
    }
    assert doc["summary"]["recurring_uncovered"] == 1


def test_categories_and_contractors_across_projects(tmp_path: Path) -> None:
    catalog, _ = load(tmp_path)
    root = tmp_path / "projects"
    for n, pid in enumerate(("p1", "p2", "p3")):
        rows = [row(f"{pid}a", "AC-CIV-001", contractor="Apex", category="墙面空鼓")]
        rows.append(row(f"{pid}b", "AC-CIV-002", "verified", contractor="Bolt", category="渗漏"))
        if n == 0:
            rows.append(
                row(f"{pid}c", "AC-CIV-002", "reopened", contractor="Bolt", due="2026-10-10")
            )
        project(root, pid, rows)
    project(root, "p4", [row("p4a", "AC-CIV-001", contractor="Crane", category="渗漏")])
    p = portfolio(catalog, root, tmp_path / "out")
    assert [(c.key, c.projects, c.count) for c in p.categories] == [
        ("渗漏", 4, 4),
        ("墙面空鼓", 3, 3),
    ]
    ranked = [(c.key, c.projects, c.count, c.open, c.overdue, c.reopened) for c in p.contractors]
    assert ranked == [
        ("Apex", 3, 3, 3, 0, 0),  # most open findings first
        ("Bolt", 3, 4, 1, 1, 1),
        ("Crane", 1, 1, 1, 0, 0),
    ]


def test_verdicts_per_project_and_batch_numbers_and_red_lines(tmp_path: Path) -> None:
    catalog, _ = load(tmp_path)
    root = tmp_path / "projects"
    closed = {"RS-001": "closed", "RD-002": "closed"}
    whole = [row("W1", "AC-CIV-001", "verified")]
    project(root, "whole", whole, checks={"OD-005": "fail"}, risks=closed)
    batches = [
        {"id": "b1", "buildings": ["T1", "T2"]},
        {"id": "b2", "buildings": ["T3"], "milestones": {"open_day": "2026-12-01"}},
    ]
    project(root, "split", [row("S1", "AC-CIV-001", building="T3")], batches=batches)
    p = portfolio(catalog, root, tmp_path / "out", gates=("open-day", "findings"))
    doc = document(p, "en")
    by_id = {d["id"]: d for d in doc["projects"]}
    assert by_id["whole"]["gates"] == {"open-day": "fail", "findings": "pass"}
    assert by_id["whole"]["path"] == str(root / "whole")
    assert by_id["whole"]["numbers"]["project"]["findings"] == 1
    assert by_id["whole"]["numbers"]["project"]["rectification_rate"] == 1.0
    # OD-005 covers the red line SP-ENG-001: its failed check holds it open
    assert by_id["whole"]["red_lines"] == [
        {"point": "SP-ENG-001", "title": "Window leakage", "items": ["OD-005"]}
    ]
    split = by_id["split"]
    assert split["batch_gates"]["b2"]["findings"] == "fail"  # T3's finding is open
    assert split["batch_gates"]["b1"]["findings"] == "pass"
    assert split["gates"]["findings"] == "fail"
    assert set(split["numbers"]["batches"]) == {"b1", "b2"}


def test_the_parallel_path_gives_the_same_portfolio(tmp_path: Path, four: Path) -> None:
    catalog, _ = load(tmp_path)
    one = document(portfolio(catalog, four, tmp_path / "a", jobs=1), "en")
    two = portfolio(catalog, four, tmp_path / "b", jobs=2)
    assert two.workers == 2 and two.read == 5
    assert document(two, "zh") != one  # another language…
    assert document(two, "en") == one  # …but the same portfolio


# Bad input -----------------------------------------------------------------------------


def test_a_folder_without_a_project_is_reported_and_the_others_evaluated(
    tmp_path: Path, four: Path
) -> None:
    empty = tmp_path / "empty"
    (empty / "notes").mkdir(parents=True)
    found, invalid = find_projects([four, empty])
    assert [f.name for f in found] == ["alpha", "bravo", "charlie", "delta", "echo"]
    assert [(i.path, i.problems[0].code) for i in invalid] == [(str(empty), "portfolio.no_project")]
    with pytest.raises(UsageProblem) as missing:
        find_projects([tmp_path / "nowhere"])
    assert missing.value.code == "portfolio.no_folder"


def test_a_duplicate_id_keeps_the_first_and_names_the_second(tmp_path: Path) -> None:
    catalog, _ = load(tmp_path)
    root = tmp_path / "projects"
    project(root, "a-first", [row("X1", "AC-CIV-001")])
    project(root, "b-copy", [row("X1", "AC-CIV-002")], id="a-first")
    p = portfolio(catalog, root, tmp_path / "out")
    assert [s.path for s in p.projects] == [str(root / "a-first")]
    (dup,) = p.invalid
    problem = dup.problems[0]
    assert problem.code == "portfolio.duplicate_id"
    assert problem.place.file == str(root / "b-copy" / "project.yaml")
    assert problem.place.line == 2 and problem.place.col == 5  # `id: a-first`
    assert problem.params["other"] == str(root / "a-first" / "project.yaml")


def test_an_invalid_project_is_listed_and_the_others_still_evaluated(
    tmp_path: Path, four: Path
) -> None:
    catalog, _ = load(tmp_path)
    project(four, "zulu", [row("Z1", "AC-CIV-001", "mended")])
    p = portfolio(catalog, four, tmp_path / "out")
    assert [s.id for s in p.projects] == ["alpha", "bravo", "charlie", "delta", "echo"]
    (bad,) = p.invalid
    assert bad.path == str(four / "zulu")
    (problem,) = [q for q in bad.problems if q.is_error]
    assert problem.place.render() == f"{four / 'zulu' / 'f.csv'}:2"
    assert problem.path == "status"
    assert not p.valid


def test_an_unknown_gate_is_a_usage_problem(tmp_path: Path, four: Path) -> None:
    catalog, _ = load(tmp_path)
    with pytest.raises(UsageProblem) as unknown:
        portfolio(catalog, four, tmp_path / "out", gates=("open-dya",))
    assert unknown.value.code == "gate.unknown"
    assert unknown.value.params["suggestion"] == "open-day"


def test_written_files_never_replace_an_input(tmp_path: Path, four: Path) -> None:
    from journey.errors import OutputError

    catalog, _ = load(tmp_path)
    p = portfolio(catalog, four, four / "alpha")  # the output folder is a project folder
    (four / "alpha" / "index.html").write_text("mine", "utf-8")
    written = write(p, four / "alpha", "en", [])
    assert [w.name for w in written] == ["portfolio.json", "index.html"]
    assert (four / "alpha" / "project.yaml").read_text("utf-8").startswith("kind: project")
    p.inputs.append(str(four / "alpha" / "index.html"))  # as if a project read it
    with pytest.raises(OutputError):
        write(p, four / "alpha", "en", [])


def test_portfolio_json_holds_the_contract_fields(tmp_path: Path, four: Path) -> None:
    catalog, _ = load(tmp_path)
    out = tmp_path / "out"
    write(portfolio(catalog, four, out, gates=("open-day",)), out, "en", [])
    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    assert data["schema"] == "journey-portfolio/1"
    assert data["as_of"] == AS_OF.isoformat()
    first = data["projects"][0]
    assert {"id", "path", "gates", "numbers"} <= set(first)
    assert first["gates"] == {"open-day": "fail"}
    assert {"item", "projects", "findings", "covered_by"} <= set(data["recurring"][0])


def test_repairs_and_complaints_recur_too(tmp_path: Path) -> None:
    """Three projects keeping after-delivery registers (copies of Harbour View Phase 1):
    repair categories and responsible parties counted across them, and the sensitive
    points complained about on all three recur, covered or not by a defect case."""
    import shutil

    from journey.catalog import load_catalog
    from journey.portfolio import build

    example = Path(__file__).parent.parent / "examples" / "harbour-view-1"
    root = tmp_path / "projects"
    for n in range(3):
        folder = shutil.copytree(example, root / f"phase-{n}")
        text = (folder / "project.yaml").read_text("utf-8")
        (folder / "project.yaml").write_text(text.replace("id: harbour-view-1", f"id: p{n}"))
    catalog = load_catalog()
    p = build([root], tmp_path / "out", catalog, catalog_root=None, as_of=AS_OF)
    assert p.valid
    (summary, *_) = p.projects
    assert set(summary.sources) == {"findings", "repairs", "complaints"}
    leakage = next(r for r in p.repair_categories if r.key == "leakage")
    assert leakage.projects == 3
    assert leakage.count == 3 * summary.sources["repairs"].by_category["leakage"].count
    assert p.repair_parties and p.repair_parties[0].projects == 3
    points = {r.item: r for r in p.recurring if r.kind == "point"}
    assert "SP-ENG-001" in points  # 渗漏: complained about on every copy
    engine = points["SP-ENG-001"]
    assert engine.complaints == 3 * summary.sources["complaints"].by_item["SP-ENG-001"].count
    cases = [c.id for c in catalog.cases.values() if "SP-ENG-001" in c.points]
    assert list(engine.covered_by) == cases and cases
    doc = document(p, "zh")
    assert doc["repair_categories"][0]["title"] != doc["repair_categories"][0]["key"]
