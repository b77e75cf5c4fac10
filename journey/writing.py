"""Writing what journey produces — reports, gate results, graph exports, lists — safely.

Every file goes to a temporary file in the target folder (a report complete in memory
first, a large workbook streamed), is flushed to the device, then renamed over the
target in one step, so a reader sees either the old file or the new one and a failure
leaves nothing half-written. No output is ever written over one of the files it was
made from.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from journey.errors import OutputError

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.project import Project


def input_files(project: Project) -> list[Path]:
    """The files a report is made from: project.yaml, findings, the unit register, the
    status workbook and catalog files."""
    paths = [Path(project.path), project.folder / "project.yaml"]
    paths += [project.folder / name for name in project.file.findings]
    for table in (project.file.units, project.file.status):
        if isinstance(table, str):
            paths.append(project.folder / table)
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
    if path.exists() and not path.is_file():
        raise OutputError("report.not_regular", path=str(path))
    target = path.resolve()
    for other in protected:
        with contextlib.suppress(OSError):
            if other.resolve() == target:
                raise OutputError("report.input_file", path=str(path))


def write_atomic(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Replace `path` with `text` (UTF-8) in one step, keeping an old file's mode."""
    data = text.encode("utf-8")
    with Staged(path, protected) as staged:
        staged.handle.write(data)


class Staged:
    """A new version of `path` written to a temporary file beside it, which replaces
    `path` in one step on `commit()` (or on leaving a `with` block without an error).

    The target is checked when the file is staged — its folder exists, it is not a
    folder, not one of `protected` — so that a refused target costs no work. Several
    files staged at once (a folder of CSV files) are all written before any replaces
    its target.
    """

    def __init__(self, path: Path, protected: Iterable[Path] = ()) -> None:
        check_target(path, protected)
        self.path = path
        self._mode = _mode_for(path)
        try:
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as exc:
            raise _failed(path, exc) from exc
        self.tmp = Path(name)
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Flush the file to the device and rename it over the target."""
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            self.tmp.chmod(self._mode)
            self.tmp.replace(self.path)
        except OSError as exc:
            self.discard()
            raise _failed(self.path, exc) from exc
        _sync_folder(self.path.parent)

    def discard(self) -> None:
        """Drop the temporary file; the target stays as it was."""
        with contextlib.suppress(OSError):
            self.handle.close()
        with contextlib.suppress(FileNotFoundError):
            self.tmp.unlink()

    def __enter__(self) -> Staged:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, _tb: object
    ) -> None:
        if kind is None:
            self.commit()
            return
        self.discard()
        if isinstance(exc, OSError):
            raise _failed(self.path, exc) from exc


def _failed(path: Path, exc: OSError) -> OutputError:
    return OutputError("report.write_failed", path=str(path), reason=exc.strerror or str(exc))


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


# Several files that belong together (an import's findings and its rejects) --------------


@contextlib.contextmanager
def files_together(paths: Sequence[Path], protected: Iterable[Path] = ()) -> Iterator[list[TextIO]]:
    """Write several files as one, streamed: each is staged (`Staged`) and written as
    UTF-8 text, and only when the block ends without an error are they all moved into
    place — all of them or, if a move fails, none (those already moved are put back).
    Nothing is held in memory, so the files may be large."""
    shield = list(protected)
    staged: list[Staged] = []
    try:
        for path in paths:
            staged.append(Staged(path, shield))
        texts = [io.TextIOWrapper(s.handle, encoding="utf-8", newline="") for s in staged]
        yield list(texts)
        for text in texts:
            text.flush()
            text.detach()  # the staged file keeps its handle
        _commit_all(staged)
    finally:
        for each in staged:
            each.discard()  # nothing left to drop once committed


def _commit_all(staged: list[Staged]) -> None:
    """Commit each staged file; if one fails, put back what the others replaced."""
    done: list[tuple[Path, Path | None]] = []
    for each in staged:
        backup = _keep(each.path)
        try:
            each.commit()
        except OutputError:
            if backup is not None:
                backup.unlink()
            for moved, kept in reversed(done):
                if kept is not None:
                    kept.replace(moved)
                else:
                    moved.unlink(missing_ok=True)
            raise
        done.append((each.path, backup))
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


def _keep(target: Path) -> Path | None:
    """A second name (a hard link) for the file at `target`, to put it back with; None
    when there is no file, or the file system has no hard links."""
    if not target.exists():
        return None
    backup = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
    try:
        os.link(target, backup)
    except OSError:
        return None
    return backup
