"""The portfolio cache: unchanged projects are not read again; a changed file is; a cache
that is corrupt, tampered with or inconsistent is ignored and rebuilt, never believed."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest
from portfolio_kit import load, portfolio, project, row, settle

from journey.catalog import Catalog
from journey.portfolio import Portfolio, write
from journey.portfolio.cache import CACHE_FILE, KEY_FILE, key_folder, save
from journey.portfolio.page import JSON_FILE


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Catalog, Path, Path]:
    catalog, _ = load(tmp_path)
    root = tmp_path / "projects"
    project(root, "alpha", [row("A1", "AC-CIV-001"), row("A2", "AC-CIV-002")])
    project(root, "bravo", [row("B1", "AC-CIV-001", "verified")])
    project(root, "charlie", [row("C1", "AC-CIV-001")])
    return catalog, root, tmp_path / "out"


def run(catalog: Catalog, root: Path, out: Path, **kw: object) -> Portfolio:
    """Build and write, as `journey portfolio` does."""
    p = portfolio(catalog, root, out, **kw)  # type: ignore[arg-type]
    write(p, out, "en", [])
    return p


def test_an_unchanged_project_is_not_read_again(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    first = run(catalog, root, out)
    assert (first.read, first.reused) == (3, 0)
    before = (out / JSON_FILE).read_bytes()
    second = run(catalog, root, out)
    assert (second.read, second.reused) == (0, 3)
    assert (out / JSON_FILE).read_bytes() == before  # the same bytes, read or cached


def test_a_changed_file_is_read_again(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    findings = root / "bravo" / "f.csv"
    with findings.open("a", encoding="utf-8") as handle:
        handle.write(row("B2", "AC-CIV-002"))
    settle(root / "bravo")
    again = run(catalog, root, out)
    assert (again.read, again.reused) == (1, 2)
    bravo = next(s for s in again.projects if s.id == "bravo")
    assert bravo.numbers.project.findings == 2
    assert set(bravo.sources["findings"].by_item) == {"AC-CIV-001", "AC-CIV-002"}


def test_a_changed_project_file_is_read_again(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    yaml = root / "charlie" / "project.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("Test Project", "Renamed"), "utf-8")
    settle(root / "charlie")
    again = run(catalog, root, out)
    assert (again.read, again.reused) == (1, 2)
    assert next(s for s in again.projects if s.id == "charlie").name.en == "Renamed"


def test_a_file_only_touched_is_compared_by_its_content(
    setup: tuple[Catalog, Path, Path],
) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    findings = root / "alpha" / "f.csv"
    then = findings.stat().st_mtime_ns + 3_600 * 10**9  # a new time, the same bytes
    os.utime(findings, ns=(then, then))
    again = run(catalog, root, out)
    assert (again.read, again.reused) == (0, 3)
    findings.write_bytes(findings.read_bytes().replace(b"A2,", b"A9,"))  # same size
    os.utime(findings, ns=(then + 10**9, then + 10**9))
    assert run(catalog, root, out).read == 1


def test_a_reading_racing_a_change_is_never_reused(tmp_path: Path) -> None:
    catalog, _ = load(tmp_path)
    root = tmp_path / "projects"
    folder = project(root, "alpha", [row("A1", "AC-CIV-001")])
    now = time.time_ns()  # as if the file were being written as it was read
    os.utime(folder / "f.csv", ns=(now, now))
    out = tmp_path / "out"
    assert run(catalog, root, out).entries == []
    assert run(catalog, root, out).read == 1


def test_a_corrupt_cache_is_ignored_and_rebuilt(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    (out / CACHE_FILE).write_bytes(b"\x00\xffnot a cache")
    rebuilt = run(catalog, root, out)
    assert rebuilt.cache_note == "portfolio.cache_damaged"
    assert (rebuilt.read, rebuilt.reused) == (3, 0)
    assert run(catalog, root, out).reused == 3  # the rebuilt cache serves the next run


def test_a_truncated_cache_is_ignored(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    text = (out / CACHE_FILE).read_bytes()
    (out / CACHE_FILE).write_bytes(text[: len(text) // 2])
    assert run(catalog, root, out).cache_note == "portfolio.cache_damaged"


def test_an_edited_cache_cannot_inject_a_verdict(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    first = run(catalog, root, out)
    assert {s.gates["open-day"].verdict for s in first.projects} == {"fail"}
    path = out / CACHE_FILE
    path.write_text(path.read_text("utf-8").replace('"verdict":"fail"', '"verdict":"pass"'))
    again = run(catalog, root, out)
    assert again.cache_note == "portfolio.cache_damaged"
    assert {s.gates["open-day"].verdict for s in again.projects} == {"fail"}


def test_a_signed_entry_that_does_not_fit_is_rejected(
    setup: tuple[Catalog, Path, Path],
) -> None:
    """Signed with the right key, but naming a gate this run did not ask for, or the files
    of another folder: the whole cache is refused."""
    catalog, root, out = setup
    first = run(catalog, root, out)
    assert first.key is not None
    entry = first.entries[0]
    other = entry.model_copy(update={"folder": str(root / "bravo")})
    save(out, first.key, [other, *first.entries[1:]], [])
    again = run(catalog, root, out)
    assert again.cache_note == "portfolio.cache_damaged"
    assert again.read == 3


def test_another_as_of_date_reads_everything_again(
    setup: tuple[Catalog, Path, Path],
) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    later = run(catalog, root, out, as_of=dt.date(2026, 11, 2))
    assert (later.read, later.cache_note) == (3, "portfolio.cache_other")


def test_without_a_key_there_is_no_cache(
    setup: tuple[Catalog, Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the key folder would go", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    again = run(catalog, root, out)
    assert (again.read, again.cache_note) == (3, "portfolio.cache_no_key")


def test_the_key_is_the_owners_alone(setup: tuple[Catalog, Path, Path]) -> None:
    catalog, root, out = setup
    run(catalog, root, out)
    key = key_folder() / KEY_FILE
    assert key.stat().st_mode & 0o077 == 0
    assert len(key.read_text("ascii").strip()) == 64
    header = json.loads((out / CACHE_FILE).read_text("utf-8").splitlines()[0])
    assert header["schema"] == "journey-portfolio-cache/1" and len(header["mac"]) == 64
