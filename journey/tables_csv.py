"""The lines of a CSV file, read a block at a time and checked a block at a time.

A register can hold millions of lines, so per-line work is what costs. The file is read
in blocks of about 1 MiB that end at a line break; each block is decoded as UTF-8 in
one call, its CRLF line ends made LF, and checked in one pass for the characters
journey refuses (journey.chars): ASCII control characters with one `bytes.translate`,
the multi-byte ones by their lead bytes. A clean block spares each of its lines the
check; in a block that is not clean, each line is checked on its own.

The compiled row loop (journey.tables_fast) splits each line on commas. A line holding
a quote, or in an unclean block a refused character, goes to `Quoted`, which reads it as
csv.reader would, taking the following lines of a quoted cell that runs over several
(a block never ends inside one: it is extended to the line where the quotes balance).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from journey.chars import UNSAFE
from journey.tables import MAX_LINE

Fail = Callable[..., None]  # fail(code, line=0, **params): report a problem of the file
BLOCK = (1 << 20) - (1 << 16)  # with the line it ends in, seldom over MAX_LINE
_BOM = b"\xef\xbb\xbf"
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])  # tab, LF allowed
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_NONCHARS = re.compile(rb"\xef\xbf[\xbe\xbf]")
_SEPARATORS = re.compile(rb"\xe2(?:\x80[\xa8-\xae]|\x81[\xa6-\xa9])")


class NotUtf8(Exception):
    """A block is not UTF-8; `line` is the line of the first bad byte."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def clean(block: bytes) -> bool:
    """True when `block` (UTF-8, LF line ends) holds no character journey refuses."""
    if len(block.translate(None, _ASCII_CONTROLS)) != len(block):
        return False
    if b"\xc2" in block and _C1.search(block):
        return False
    # `in` with one byte is a memchr; with two it can be slower than the regular expression
    if b"\xef" in block and _NONCHARS.search(block):
        return False
    # U+2028–U+202E and U+2066–U+2069 start with E2, as do common “quotes” and dashes:
    # look at each E2 while there are few, else search the block once.
    at = block.find(b"\xe2")
    for _ in range(64):
        if at < 0:
            return True
        if _SEPARATORS.match(block, at):
            return False
        at = block.find(b"\xe2", at + 1)
    return _SEPARATORS.search(block) is None


class Blocks:
    """The lines of an open binary CSV file, block by block: `(lines, clean)` pairs.

    `header()` takes the first non-empty line (at or after a given line) and sets `line`
    to its number; iterating then yields the lines after it. A line longer than MAX_LINE characters is reported
    and read as empty, so that line numbers stay right.
    """

    def __init__(self, handle: BinaryIO, fail: Fail) -> None:
        self.handle = handle
        self.fail = fail
        self.line = 0  # the header's line, once `header()` has found it
        self._base = 0  # lines in the blocks cut so far
        self._pending = b""
        self._start = True
        self._blocks = self._read()
        self._rest: tuple[list[str], bool] | None = None

    def header(self, start: int = 1) -> tuple[int, list[str]] | None:
        """The line number and cells of the first non-empty line at or after line `start`
        (None when there is none); the lines above it are skipped."""
        for lines, is_clean in self._blocks:
            first = self._base - len(lines)
            for i, text in enumerate(lines):
                if text and first + i + 1 >= start:
                    self.line = first + i + 1
                    self._rest = (lines[i + 1 :], is_clean)
                    cells = _cells(text.replace("\r", _BREAK), self.line, self.fail)
                    return (self.line, [c.replace(_BREAK, "\r") for c in cells]) if cells else None
        return None

    def __iter__(self) -> Iterator[tuple[list[str], bool]]:
        if self._rest is not None:
            yield self._rest
            self._rest = None
        yield from self._blocks

    def _read(self) -> Iterator[tuple[list[str], bool]]:
        while True:
            data = self._cut()
            if data is None:
                return
            if self._start:
                data = data.removeprefix(_BOM)
                self._start = False
            if b"\r" in data:  # bytes.replace copies the block even when nothing matches
                data = data.replace(b"\r\n", b"\n")
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise NotUtf8(self._base + data.count(b"\n", 0, exc.start) + 1) from exc
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            first = self._base
            self._base += len(lines)
            if len(text) > MAX_LINE:  # else no line of the block can be longer
                self._limited(lines, first)
            yield lines, clean(data)

    def _limited(self, lines: list[str], first: int) -> None:
        for i, text in enumerate(lines):
            if len(text) > MAX_LINE:
                self.fail("table.line_too_long", first + i + 1, limit=MAX_LINE)
                lines[i] = ""

    def _cut(self) -> bytes | None:
        """The next block: whole lines, never ending inside a quoted cell."""
        data = self._pending
        while True:
            chunk = self.handle.read(BLOCK)
            data += chunk
            end = data.rfind(b"\n") + 1
            if not chunk:
                self._pending = b""
                return data or None
            even = b'"' not in data or data.count(b'"', 0, end) % 2 == 0
            if end and (even or end > BLOCK + MAX_LINE):
                self._pending = data[end:]
                return data[:end]
            if len(data) > 64 * MAX_LINE:  # no line break for 64 MiB: not a table
                self._pending = b""
                return data


class Quoted:
    """Reads a line the row loop does not split itself, as csv.reader would.

    Called with the line, its number and the iterator of the block's lines, it returns
    the number of the last line it took, the record's line (negative when a cell holds
    a character journey refuses) and the record's cells (None for a line to skip).
    """

    def __init__(self, fail: Fail) -> None:
        self.fail = fail

    def __call__(
        self, text: str, line: int, more: Iterator[str]
    ) -> tuple[int, int, list[str] | None]:
        first = line
        while text.count('"') % 2:  # a quoted cell goes on to the next line
            nxt = next(more, None)
            if nxt is None:
                break
            line += 1
            text += "\n" + nxt
        if "\n" in text or "\r" in text:  # csv.reader would end the record there
            parsed = _cells(text.replace("\r", _BREAK).replace("\n", _BREAK), first, self.fail)
            cells = [cell.replace(_BREAK, "\n") for cell in parsed] if parsed is not None else None
        else:
            cells = _cells(text, first, self.fail)
        if cells is None:
            return line, first, None
        return line, first if UNSAFE.search(text) is None else -first, cells


# A line break inside a record is carried through csv.reader as a lone surrogate, which no
# text decoded from UTF-8 can hold, and is then put back for the check to report.
_BREAK = "\ud800"


def _cells(text: str, line: int, fail: Fail) -> list[str] | None:
    try:
        return next(csv.reader([text]), [])
    except csv.Error as exc:
        fail("table.bad_csv", line, detail=str(exc))
        return None
