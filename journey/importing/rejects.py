"""The rejects file: each row the import could not map, as the source wrote it, and why.

Its columns are `source` (file, sheet and row), `reason` (a short code), `reason_text`
(what is wrong, in the user's language), then every column of the sources, under their
own headers: several sources with different headers share one set of columns, named in
the order first seen. A header cell left empty is named by its column number (`#7`), a
header written twice gets its number too, and cells beyond the header get `#N` columns.
"""

from __future__ import annotations


class Layout:
    """The source columns of the rejects file, and where each file's cells go."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self._index: dict[str, int] = {}
        self._slots: list[list[int]] = []  # per file: the column of each of its cells

    def add_file(self, header: list[str]) -> None:
        """The next source file's header (empty for a file that has none)."""
        seen: set[str] = set()
        slots: list[int] = []
        for n, raw in enumerate(header, start=1):
            name = raw.strip() or f"#{n}"
            if name in seen:
                name = f"{name} #{n}"
            seen.add(name)
            slots.append(self._column(name))
        self._slots.append(slots)

    def widen(self, file: int, width: int) -> None:
        """Make room for a row of `width` cells in file number `file`."""
        slots = self._slots[file]
        while len(slots) < width:
            slots.append(self._column(f"#{len(slots) + 1}"))

    def row(self, file: int, cells: list[str]) -> list[str]:
        """A row's cells placed under the columns of the rejects file."""
        out = [""] * len(self.names)
        for slot, cell in zip(self._slots[file], cells, strict=False):
            out[slot] = cell
        return out

    def _column(self, name: str) -> int:
        at = self._index.get(name)
        if at is None:
            at = self._index[name] = len(self.names)
            self.names.append(name)
        return at


__all__ = ["Layout"]
