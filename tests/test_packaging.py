"""A wheel built from the repository carries the catalog and templates, used from anywhere."""

from __future__ import annotations

import site
import subprocess
import sys
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
    return next(out.glob("journey-*.whl"))


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
