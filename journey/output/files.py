"""Writing formatted results: atomically, so a failed write leaves any earlier file intact."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from journey.errors import OutputError


def check_folder(path: Path) -> None:
    """Raise OutputError now, before any work, when `path`'s folder does not exist."""
    folder = path.parent
    if not folder.is_dir():
        raise OutputError("gate.out_no_folder", path=str(path), folder=str(folder))


def write_atomic(path: Path, content: str) -> None:
    """Write UTF-8 `content` to a temporary file beside `path`, then rename it into place."""
    check_folder(path)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError("gate.out_failed", path=str(path), reason=exc.strerror or exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        Path(temp).replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temp).unlink()
        raise OutputError("gate.out_failed", path=str(path), reason=exc.strerror or exc) from None


def append(path: Path, content: str) -> None:
    """Append UTF-8 `content` to `path` (the GitHub job summary is appended to)."""
    try:
        with path.open("a", encoding="utf-8", newline="") as handle:
            handle.write(content)
    except OSError as exc:
        raise OutputError("gate.out_failed", path=str(path), reason=exc.strerror or exc) from None
