"""The characters journey refuses at input and escapes on output."""

from __future__ import annotations

import pytest

from journey.chars import UNSAFE, UNSAFE_IN_YAML, describe, printable


@pytest.mark.parametrize(
    "char", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\u2066", "\ufffe"]
)
def test_unsafe_characters_are_found(char: str) -> None:
    assert UNSAFE.search(f"a{char}b")
    assert printable(f"a{char}b").count("\n") == 0


def test_tab_and_text_are_safe_and_yaml_keeps_line_breaks() -> None:
    assert UNSAFE.search("海景二期\tT1 1#楼 — «ok»") is None
    assert UNSAFE.search("line\nbreak") and UNSAFE_IN_YAML.search("line\nbreak") is None


def test_printable_writes_breaks_as_spaces_and_controls_as_escapes() -> None:
    assert printable("two\nlines\r\n") == "two lines  "
    assert printable("title\x1b]0;pwned\x07") == "title\\x1b]0;pwned\\x07"
    assert printable("\u202eevil") == "\\u202eevil"
    assert printable("plain") == "plain"
    assert describe("\x1b") == "U+001B"
