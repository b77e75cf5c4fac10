"""Characters journey never lets through: refused at input, escaped on output.

C0 and C1 control characters (tab aside), DEL, the Unicode line and paragraph
separators, the bidirectional overrides that reorder what a reader sees, the two
non-characters XML refuses, and lone surrogates (a file name that is not valid UTF-8
reaches Python holding them, and no UTF-8 output can encode them). None of them belongs in a project name, a note or a cell;
each could forge a line on a terminal or in a CI log, or make an XML report invalid.
"""

from __future__ import annotations

import re

UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# In YAML a line break inside a text (a block scalar) is fine: it is escaped on output.
UNSAFE_IN_YAML = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
# Line breaks in prose (a note written over two lines) read best as a space.
_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")


def printable(value: str) -> str:
    """`value` on one line: a line break becomes a space, any other unsafe character a
    visible escape (`\\x1b`, `\\u202e`)."""
    if UNSAFE.search(value) is None:
        return value
    return UNSAFE.sub(_escape, value)


def describe(char: str) -> str:
    """A character as `U+001B`, for messages that name the one refused."""
    return f"U+{ord(char):04X}"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _BREAKS:
        return " "
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert_json(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every character
    UNSAFE written as a `\\uXXXX` escape: the same data once parsed, but nothing that a
    terminal or a log acts on when the file is shown as it is. (json.dumps escapes C0
    controls itself, but not C1 controls, line separators or bidirectional overrides.)"""
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# UNSAFE less what json.dumps escapes itself (C0 controls, so that a raw line break in
# its output is always one of its own, between values).
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
