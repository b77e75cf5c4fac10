"""Plain-text tables that line up with Chinese text (wide characters count twice)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from journey.chars import printable


def width(text: str) -> int:
    """Display width of `text` in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the last column is not padded. Every cell
    is shown on one line, control characters escaped (cells come from data)."""
    rows = [[printable(cell) for cell in row] for row in rows]
    cols = len(header)
    widths = [max([width(header[i]), *(width(r[i]) for r in rows)]) for i in range(cols)]
    lines = []
    for row in [header, *rows]:
        cells = [
            cell + " " * (widths[i] - width(cell)) if i < cols - 1 else cell
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
