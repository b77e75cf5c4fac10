"""A wheel built from the repository carries the catalog and templates, used from anywhere."""

from __future__ import annotations

import site
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("journey_cr-*.whl"))


def test_wheel_holds_catalog_and_templates(wheel: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    shipped = [n for n in names if n.startswith("journey/checklists/") and n.endswith(".yaml")]
    bundled = list((ROOT / "checklists").rglob("*.yaml"))
    assert len(shipped) == len(bundled) > 0
    templates = [n for n in names if n.startswith("journey/templates/")]
    assert templates


def test_installed_wheel_validates_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = next((venv / "lib").glob("python3*/site-packages"))
    # Dependencies come from the test environment; journey itself only from the wheel.
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (target / "deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    python = venv / "bin" / "python"
    result = subprocess.run(
        [
            str(python),
            "-c",
            "import sys; from journey.cli import main; sys.exit(main(['validate']))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "files valid" in result.stdout
    where = subprocess.run(
        [str(python), "-c", "import journey; print(journey.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(target) in where


def test_the_distribution_is_not_the_other_journey() -> None:
    """`journey` on the package index is an unrelated project: the distribution has a
    name of its own, and every install line the user reads names it."""
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["name"] == "journey-cr"
    assert meta["scripts"] == {"journey": "journey.__main__:main"}
    assert meta["urls"] and meta["classifiers"] and (ROOT / "LICENSE").is_file()
    texts = [ROOT / "README.md", ROOT / "examples" / "ci" / "github-actions.yml"]
    texts += list((ROOT / "journey").glob("_msg_*.py"))
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert "journey[" not in text, path  # pip install 'journey[xlsx]' fetches the other one
        assert "pip install journey\n" not in text and "install journey " not in text, path


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    archive = next(out.glob("journey_cr-*.tar.gz"))
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="data")
    return next(p for p in out.iterdir() if p.is_dir())


def _tracked(*folders: str) -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", *folders], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    return {line for line in listed.stdout.splitlines() if (ROOT / line).exists()}


def test_the_sdist_ships_what_its_tests_read(sdist: Path) -> None:
    wanted = _tracked("tests", "examples", "schema", "benchmarks", "checklists", "templates")
    shipped = {p.relative_to(sdist).as_posix() for p in sdist.rglob("*") if p.is_file()}
    assert sorted(wanted - shipped) == []
    assert {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml"} <= shipped


def test_the_sdists_tests_run(sdist: Path) -> None:
    """A few test modules, run from the unpacked sdist, find their helpers and data."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_schema.py",
            "tests/test_yamlio.py",
            "tests/test_example.py",
        ],
        cwd=sdist,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
