"""Strict YAML reading: one loader for every journey file kind.

Events from the YAML parser are turned into plain dicts, lists and strings by a
small iterative composer, so that nesting depth is checked before anything deep is
built, and every key and value keeps its line and column for error messages.
Nothing is typed implicitly: every scalar stays text and the schema types it.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from journey.chars import UNSAFE_IN_YAML, describe
from journey.problems import MAX_PER_FILE, Place, Problem, key_text, problem

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64

Mark = tuple[int, int]  # 1-based line and column

# What YAML allows in a stream (PyYAML's Reader uses the same set), less the characters
# YAML 1.1 reads as line breaks but YAML 1.2 does not (NEL, U+2028, U+2029), on which
# libyaml and the pure parser disagree, and a byte-order mark anywhere but first.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010ffff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class _MapMarks:
    start: Mark
    keys: dict[str, tuple[Mark, Mark]] = field(default_factory=dict)


@dataclass
class _SeqMarks:
    start: Mark
    items: list[Mark] = field(default_factory=list)


@dataclass
class Document:
    """One YAML file read strictly: its data as plain Python and where each node was."""

    path: str
    data: dict[str, Any]
    root: Mark
    _marks: dict[int, _MapMarks | _SeqMarks]

    def locate(self, loc: Sequence[str | int], *, key: bool = False) -> Mark:
        """Where the node at `loc` is; with `key`, the position of its key.

        Elements of `loc` that are not in the data (union tags, a missing field)
        are skipped, so a missing field points at the mapping that lacks it.
        """
        node: Any = self.data
        mark = self.root
        for step in loc:
            marks = self._marks.get(id(node))
            if isinstance(marks, _MapMarks) and isinstance(step, str) and step in marks.keys:
                key_mark, value_mark = marks.keys[step]
                node = node[step]
                mark = key_mark if key else value_mark
            elif (
                isinstance(marks, _SeqMarks)
                and isinstance(step, int)
                and 0 <= step < len(marks.items)
            ):
                node = node[step]
                mark = marks.items[step]
            # else: a tag or absent field; stay where we are
        return mark

    def key_mark(self, loc: Sequence[str | int]) -> Mark:
        """Position of the key of the node at `loc` (the value for list items)."""
        return self.locate(loc, key=True)


def _loader_class(pure: bool) -> type[Any]:
    """libyaml's loader when present, unless asked (or JOURNEY_PURE_YAML=1) not to."""
    pure = pure or os.environ.get("JOURNEY_PURE_YAML", "") not in ("", "0")
    if not pure and getattr(yaml, "__with_libyaml__", False):
        return yaml.CSafeLoader
    return yaml.SafeLoader


def read_bytes(path: Path, shown: str) -> tuple[bytes | None, list[Problem]]:
    """Read a regular file, refusing oversize files before reading them whole.

    Anything else (a FIFO, which would block, `/dev/zero`, which never ends, a folder)
    is a problem: it is opened without waiting for a writer and never read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        return None, [problem(shown, 0, 0, "(file)", "file.missing")]
    except OSError as exc:
        return None, [_unreadable(shown, exc)]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [problem(shown, 0, 0, "(file)", "file.not_regular")]
        if info.st_size > MAX_BYTES:
            return None, [problem(shown, 1, 1, "(file)", "yaml.too_large", size=info.st_size)]
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # a file growing as it is read stops here
    except OSError as exc:
        return None, [_unreadable(shown, exc)]
    finally:
        os.close(fd)
    return data, []


def _unreadable(shown: str, exc: OSError) -> Problem:
    return problem(shown, 0, 0, "(file)", "file.unreadable", reason=exc.strerror or str(exc))


def decode(data: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text (a BOM is dropped) or a problem at the first bad byte."""
    if len(data) > MAX_BYTES:
        return None, [problem(shown, 1, 1, "(file)", "yaml.too_large", size=len(data))]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(data) >= 2 and (data[0] == 0) != (data[1] == 0)
    ):
        return None, [problem(shown, 1, 1, "(file)", "yaml.utf16")]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        return None, [problem(shown, line, col, "(file)", "yaml.nul")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        return None, [
            problem(shown, line, col, "(file)", "yaml.not_utf8", byte=f"0x{data[exc.start]:02X}")
        ]
    return text.removeprefix("\ufeff"), []


def _byte_position(data: bytes, offset: int) -> Mark:
    line_start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    if data.startswith(b"\xef\xbb\xbf") and line_start == 0:
        prefix = prefix[1:]
    return data.count(b"\n", 0, offset) + 1, len(prefix) + 1


def _text_position(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def load_text(
    text: str, shown: str, *, pure: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Compose one strict YAML document whose top level is a mapping."""
    bad = _NON_PRINTABLE.search(text)
    if bad:
        line, col = _text_position(text, bad.start())
        char = f"U+{ord(bad.group()):04X}"
        return None, [problem(shown, line, col, "(file)", "yaml.control_char", char=char)]
    if not text.strip():
        return None, [problem(shown, 1, 1, "(file)", "yaml.empty")]
    # libyaml accepts tabs where the pure parser refuses them (after `key:`, after a
    # comma in a flow collection); a text holding a tab is read by the pure parser alone,
    # so that both give the same result.
    pure = pure or "\t" in text
    composer = _Composer(shown)
    try:
        doc = composer.run(_events(text, pure))
    except yaml.MarkedYAMLError as exc:
        if not pure:
            # libyaml words some errors differently; the pure parser is the reference.
            return load_text(text, shown, pure=True)
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = exc.problem or exc.context or "invalid YAML"
        if "'\\t'" in detail:  # "found character '\t' that cannot start any token"
            found = problem(shown, line, col, "(file)", "yaml.tab")
        else:
            found = problem(shown, line, col, "(file)", "yaml.syntax", detail=detail)
        return None, [*composer.reported(), found]
    except ValueError:
        # The pure parser turns `"\U00110000"` into chr(0x110000), which raises.
        escape = _bad_escape(text, shown)
        if escape is None:
            raise
        return None, [*composer.reported(), escape]
    if composer.problems or doc is None:
        if composer.fatal and not pure:
            # The parsers read ahead by different amounts, so the problem that stops one
            # can lie before a syntax error the other meets first: the pure parser is the
            # reference. (Problems that do not stop reading are found the same by both.)
            return load_text(text, shown, pure=True)
        return None, composer.reported()
    return doc, []


_BIG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def _bad_escape(text: str, shown: str) -> Problem | None:
    """The first `\\UXXXXXXXX` escape beyond the last Unicode character, if any."""
    for match in _BIG_ESCAPE.finditer(text):
        if int(match.group(1), 16) > 0x10FFFF:
            line, col = _text_position(text, match.start())
            return problem(shown, line, col, "(file)", "yaml.bad_escape", escape=match.group())
    return None


def load_file(
    path: Path, shown: str, *, pure: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Read, decode and compose one YAML file; problems name `shown`."""
    data, problems = read_bytes(path, shown)
    if data is None:
        return None, problems
    text, problems = decode(data, shown)
    if text is None:
        return None, problems
    return load_text(text, shown, pure=pure)


def _events(text: str, pure: bool) -> Iterator[Any]:
    loader = _loader_class(pure)(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


class _Composer:
    """Builds plain data from parser events, refusing what journey does not allow."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []
        self.marks: dict[int, _MapMarks | _SeqMarks] = {}
        self.fatal = False
        self.stack: list[list[Any]] = []
        self.hidden = 0  # problems beyond MAX_PER_FILE, only counted

    def reported(self) -> list[Problem]:
        """The problems found, at most MAX_PER_FILE, then how many more."""
        more = [problem(self.shown, 0, 0, "", "file.more", count=self.hidden)]
        return self.problems + more if self.hidden else self.problems

    def _fail(self, event: Any, code: str, *, fatal: bool = True, **params: object) -> None:
        self.fatal = self.fatal or fatal
        if not fatal and len(self.problems) >= MAX_PER_FILE:
            self.hidden += 1
            return
        mark = event.start_mark
        place = Place(self.shown, mark.line + 1, mark.column + 1)
        self.problems.append(Problem(place, self._path(params.get("key")), code, params))

    def _path(self, last: object = None) -> str:
        """The path of the node being built, such as `risks[2].title`."""
        out = ""
        for container, _marks, key, _mark in self.stack:
            if isinstance(container, list):
                out += f"[{len(container)}]"
            elif key is not _NO_KEY and key is not _DROP:
                out += f".{key_text(key)}" if out else key_text(key)
        if isinstance(last, str):
            out += f".{key_text(last)}" if out else key_text(last)
        if not out:
            return "(file)"
        return out if len(out) <= 80 else "…" + out[-79:]

    def run(self, events: Iterator[Any]) -> Document | None:
        root: Any = None
        root_mark: Mark = (1, 1)
        documents = 0
        # Stack entries: [container, marks, pending_key, pending_key_mark]
        stack: list[list[Any]] = self.stack
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._fail(event, "yaml.multiple_documents")
                    return None
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind is yaml.AliasEvent:
                self._fail(event, "yaml.alias", anchor=event.anchor)
                return None
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                if not stack:
                    continue
                self._attach(stack[-1], done[0], done[1].start, event)
                if self.fatal:
                    return None
                continue
            if event.anchor is not None:
                self._fail(event, "yaml.anchor", anchor=event.anchor)
                return None
            tag = event.tag
            if tag is not None:
                self._fail(event, "yaml.tag", tag=tag)
                return None
            mark = (event.start_mark.line + 1, event.start_mark.column + 1)
            if kind is yaml.ScalarEvent:
                value = event.value
                if value == "" and event.implicit[0]:
                    value = None
                elif _SURROGATE.search(value):
                    self._fail(event, "yaml.surrogate")
                    return None
                elif unsafe := UNSAFE_IN_YAML.search(value):
                    char = describe(unsafe.group())
                    self._fail(event, "yaml.control_char", fatal=False, char=char)
                if not stack:
                    root, root_mark = value, mark
                    continue
                self._attach(stack[-1], value, mark, event)
                if self.fatal:
                    return None
                continue
            # A collection starts.
            if len(stack) >= MAX_DEPTH:
                self._fail(event, "yaml.too_deep", limit=MAX_DEPTH)
                return None
            if stack and stack[-1][1].__class__ is _MapMarks and stack[-1][2] is _NO_KEY:
                self._fail(event, "yaml.complex_key")
                return None
            if kind is yaml.MappingStartEvent:
                container: Any = {}
                marks: _MapMarks | _SeqMarks = _MapMarks(mark)
            else:
                container = []
                marks = _SeqMarks(mark)
            self.marks[id(container)] = marks
            if not stack:
                root, root_mark = container, mark
            stack.append([container, marks, _NO_KEY, mark])
        if root is None:  # comments only, or `---` alone, wherever the parser stopped
            self.problems.append(problem(self.shown, 1, 1, "(file)", "yaml.no_content"))
            return None
        if not isinstance(root, dict):
            found = "list" if isinstance(root, list) else "text"
            line, col = root_mark
            self.problems.append(
                problem(self.shown, line, col, "(file)", "yaml.not_mapping", found=found)
            )
            return None
        return Document(self.shown, root, root_mark, self.marks)

    def _attach(self, parent: list[Any], value: Any, mark: Mark, event: Any) -> None:
        container, marks = parent[0], parent[1]
        if isinstance(marks, _SeqMarks):
            container.append(value)
            marks.items.append(mark)
            return
        if parent[2] is _NO_KEY:
            # `value` is a key: it must be text, unique, and not a merge key.
            if not isinstance(value, str) and value is not None:
                self._fail(event, "yaml.complex_key")
                return
            key = value or ""
            if key == "<<" and event.implicit[0]:
                self._fail(event, "yaml.merge_key")
                return
            if key in marks.keys:
                first = marks.keys[key][0]
                self._fail(event, "yaml.duplicate_key", fatal=False, key=key, first_line=first[0])
                key = _DROP
            parent[2], parent[3] = key, mark
            return
        key = parent[2]
        parent[2] = _NO_KEY
        if key is _DROP:
            return
        container[key] = value
        marks.keys[key] = (parent[3], mark)


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()
_DROP: Any = _NoKey()
