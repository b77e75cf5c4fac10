"""Writing what journey produces — reports, gate results, graph exports — safely.

The text is complete in memory before anything touches the disk; it goes to a
temporary file in the target folder, is flushed to the device, then renamed over
the target in one step, so a reader sees either the old file or the new one. No
output is ever written over one of the files it was made from.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from journey.errors import OutputError

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.project import Project


def input_files(project: Project) -> list[Path]:
    """The files a report is made from: project.yaml, findings and catalog files."""
    paths = [Path(project.path), project.folder / "project.yaml"]
    paths += [project.folder / name for name in project.file.findings]
    return paths + catalog_files(project.catalog)


def catalog_files(catalog: Catalog) -> list[Path]:
    """The files of a loaded catalog."""
    return [Path(doc.path) for doc in catalog.documents]


def check_folder(path: Path) -> None:
    """Raise OutputError now, before any work, when `path`'s folder does not exist."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError("report.out_no_folder", path=str(path), folder=str(folder))


def check_target(path: Path, protected: Iterable[Path] = ()) -> None:
    """Raise OutputError unless `path` can take a report: folder exists, not an input."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError("report.no_folder", folder=str(folder), path=str(path))
    if path.is_dir():
        raise OutputError("report.is_folder", path=str(path))
    target = path.resolve()
    for other in protected:
        with contextlib.suppress(OSError):
            if other.resolve() == target:
                raise OutputError("report.input_file", path=str(path))


def write_atomic(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Replace `path` with `text` (UTF-8) in one step, keeping an old file's mode."""
    check_target(path, protected)
    data = text.encode("utf-8")
    mode = _mode_for(path)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(
            "report.write_failed", path=str(path), reason=exc.strerror or str(exc)
        ) from exc
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.chmod(mode)
        tmp.replace(path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise OutputError(
                "report.write_failed", path=str(path), reason=exc.strerror or str(exc)
            ) from exc
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else what a new file gets under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def append(path: Path, text: str) -> None:
    """Append UTF-8 `text` to `path` (the GitHub job summary is appended to)."""
    try:
        with path.open("a", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(
            "report.write_failed", path=str(path), reason=exc.strerror or str(exc)
        ) from exc
