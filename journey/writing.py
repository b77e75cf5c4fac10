"""Writing what journey produces — reports, gate results, graph exports, lists — safely.

What stands at the target decides how it is written. A regular file (or a new name) is
replaced in one step: the content goes to a temporary file in the same folder (a report
complete in memory first, a large workbook streamed), is flushed to the device, then
renamed over the target, so a reader sees either the old file or the new one and a
failure leaves nothing half-written. A symbolic link to a regular file is followed: the
file it points to is replaced and the link stays. A character device or a FIFO
(`/dev/null`, `/dev/stdout`, a named pipe) is written through, never replaced; anything
else that is not a regular file (a folder, a block device, a socket, a dangling link)
is refused. No output is ever written over one of its inputs, even under another name
or through a link.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from journey.errors import OutputError

if TYPE_CHECKING:
    from journey.catalog import Catalog
    from journey.project import Project


class Target(Enum):
    """What an output path names today: nothing yet, a regular file, or a stream."""

    NEW = "new"
    FILE = "file"
    STREAM = "stream"  # a character device or a FIFO: written through


def input_files(project: Project) -> list[Path]:
    """The files a report is made from: the project's files (project.yaml, findings, the
    unit register, the status workbook, the after-delivery registers) and the catalog's."""
    return [Path(project.path), *project.source_files(), *catalog_files(project.catalog)]


def catalog_files(catalog: Catalog) -> list[Path]:
    """The files of a loaded catalog."""
    return [Path(doc.path) for doc in catalog.documents]


def check_folder(path: Path) -> None:
    """Raise OutputError now, before any work, unless `path` could take an output."""
    kind_of(path)


def kind_of(path: Path) -> Target:
    """What `path` names, or OutputError when journey must not write there."""
    folder = path.parent
    try:
        folder_ok = stat.S_ISDIR(folder.stat().st_mode)
    except FileNotFoundError:
        folder_ok = False
    except OSError as exc:
        raise os_error(path, exc) from exc
    if not folder_ok:
        raise OutputError("report.no_folder", folder=str(folder), path=str(path))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise OutputError("output.dangling_link", path=str(path)) from None
        return Target.NEW
    except OSError as exc:
        raise os_error(path, exc) from exc
    if stat.S_ISREG(mode):
        return Target.FILE
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target.STREAM
    if stat.S_ISDIR(mode):
        raise OutputError("report.is_folder", path=str(path))
    raise OutputError("report.not_regular", path=str(path))


def check_target(path: Path, protected: Iterable[Path] = ()) -> Target:
    """What `path` names; OutputError unless it can take an output that spares `protected`."""
    kind = kind_of(path)
    if kind is not Target.NEW and _identity(path) in _identities(protected):
        raise OutputError("report.input_file", path=str(path))
    return kind


def write_atomic(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Replace `path` with `text` (UTF-8) in one step, keeping an old file's mode; write
    through a character device or FIFO; refuse anything else that is not a regular file."""
    kind = check_target(path, protected)
    data = text.encode("utf-8")
    if kind is Target.STREAM:
        _write_through(path, data, os.O_WRONLY)
        return
    with Staged(path, protected, kind=kind) as staged:
        staged.handle.write(data)


class Staged:
    """A new version of `path` written to a temporary file beside it, which replaces
    `path` in one step on `commit()` (or on leaving a `with` block without an error).

    The target is checked when the file is staged — its folder exists, it is a regular
    file or a new name, not one of `protected` — so that a refused target costs no
    work (a workbook is not written through a device: a stream is refused here). Several
    files staged at once (a folder of CSV files) are all written before any replaces
    its target.
    """

    def __init__(
        self, path: Path, protected: Iterable[Path] = (), *, kind: Target | None = None
    ) -> None:
        kind = kind or check_target(path, protected)
        if kind is Target.STREAM:
            raise OutputError("report.not_regular", path=str(path))
        self.path = path
        # A link to a regular file: replace the file it points to and keep the link.
        self.real = Path(os.path.realpath(path)) if kind is Target.FILE else path
        if kind is Target.FILE and not os.access(self.real, os.W_OK):
            raise os_error(path, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
        self._mode = _mode_for(self.real)
        try:  # a short name of its own: `.{name}.tmp` could pass NAME_MAX
            fd, name = tempfile.mkstemp(dir=self.real.parent, prefix=".journey-", suffix=".tmp")
        except OSError as exc:
            raise os_error(path, exc) from exc
        self.tmp = Path(name)
        self.handle: BinaryIO = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Flush the file to the device and rename it over the target."""
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            self.tmp.chmod(self._mode)
            self.tmp.replace(self.real)
        except OSError as exc:
            self.discard()
            raise os_error(self.path, exc) from exc
        _sync_folder(self.real.parent)

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
            raise os_error(self.path, exc) from exc


def append(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Append UTF-8 `text` to `path` (the GitHub job summary is appended to), never to
    one of `protected`; a missing file is created, a stream written through."""
    kind = check_target(path, protected)
    flags = os.O_WRONLY | os.O_APPEND | (os.O_CREAT if kind is Target.NEW else 0)
    _write_through(path, text.encode("utf-8"), flags)


def create(path: Path, text: str) -> bool:
    """Create `path` holding UTF-8 `text` (a starter file); False, writing nothing, when
    anything is already there — a file, a link, even a dangling one. Raises OSError when
    the file cannot be written, for the caller to name what it was making."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return True


def size_of(path: Path) -> int:
    """The size of a regular file at `path` in bytes; 0 for anything else."""
    try:
        st = path.stat()
    except (OSError, ValueError):
        return 0
    return st.st_size if stat.S_ISREG(st.st_mode) else 0


def _write_through(path: Path, data: bytes, flags: int) -> None:
    try:
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0), 0o666)
    except OSError as exc:
        raise os_error(path, exc) from exc
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise os_error(path, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


_CODES = {
    errno.ELOOP: "output.symlink_loop",
    errno.ENAMETOOLONG: "output.name_too_long",
    errno.ENOTDIR: "output.not_in_folder",
}


def os_error(path: Path, exc: OSError) -> OutputError:
    """An operating-system failure to write `path`, as an OutputError in plain words."""
    code = _CODES.get(exc.errno or 0)
    if code is not None:
        return OutputError(code, path=str(path))
    return OutputError("report.write_failed", path=str(path), reason=exc.strerror or str(exc))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _identities(paths: Iterable[Path]) -> set[tuple[int, int]]:
    """The files behind `paths`, by device and inode: links and other spellings included."""
    return {ident for ident in map(_identity, paths) if ident is not None}


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
        backup = _keep(each.real)  # the file replaced: through a link, the one it names
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
        done.append((each.real, backup))
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
