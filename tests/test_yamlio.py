"""The strict loader: no implicit typing, exact marks, the same result with or without libyaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journey.yamlio import Document, load_text


def load(text: str, pure: bool = False) -> Document:
    doc, problems = load_text(text, "f.yaml", pure=pure)
    assert not problems, problems
    assert doc is not None
    return doc


@pytest.mark.parametrize("pure", [False, True])
def test_scalars_stay_text(pure: bool) -> None:
    doc = load(
        "kind: x\na: NO\nb: 010\nc: 1.10\nd: 12:30\ne: true\nf: 2024-02-30\ng: ~\nh:\ni: ''\n", pure
    )
    assert doc.data == {
        "kind": "x",
        "a": "NO",
        "b": "010",
        "c": "1.10",
        "d": "12:30",
        "e": "true",
        "f": "2024-02-30",
        "g": "~",
        "h": None,
        "i": "",
    }


@pytest.mark.parametrize("pure", [False, True])
def test_marks_count_characters_not_bytes(pure: bool) -> None:
    doc = load("kind: x\ntitle: {zh: 海景二期, en: Harbour}\nlist:\n  - 销售\n  - 交付\n", pure)
    assert doc.locate(("title", "en")) == (2, 23)
    assert doc.key_mark(("title", "en")) == (2, 19)
    assert doc.locate(("list", 1)) == (5, 5)
    assert doc.locate(("title", "missing")) == (2, 8)


def test_libyaml_and_pure_agree_on_marks() -> None:
    text = Path(__file__).with_name("test_yamlio.py").read_text(encoding="utf-8")
    sample = "kind: x\n" + "".join(f"k{i}: {{a: [1, 2, {{b: 销售{i}}}]}}\n" for i in range(50))
    fast, pure = load(sample), load(sample, pure=True)
    assert fast.data == pure.data
    for i in range(50):
        loc = (f"k{i}", "a", 2, "b")
        assert fast.locate(loc) == pure.locate(loc)
        assert fast.key_mark(loc) == pure.key_mark(loc)
    assert text  # the module reads itself only to prove file reading is not needed here


def test_bom_is_dropped_and_crlf_accepted() -> None:
    from journey.yamlio import decode

    text, problems = decode(b"\xef\xbb\xbfkind: x\r\nname: a\r\n", "f.yaml")
    assert not problems and text is not None
    doc = load(text)
    assert doc.data == {"kind": "x", "name": "a"}
    assert doc.locate(("name",)) == (2, 7)


def test_impossible_date_is_a_clear_error() -> None:
    import datetime as dt

    from pydantic import BaseModel

    from journey.messages import render_problem
    from journey.validation import validate

    class Dated(BaseModel):
        kind: str
        due: dt.date

    doc = load("kind: x\ndue: 2024-02-30\n")
    model, problems = validate(doc, Dated)
    assert model is None
    assert render_problem(problems[0], "en").startswith(
        "f.yaml:2:6: error: due: `2024-02-30` is not a valid date (YYYY-MM-DD): "
    )
    assert "day value is outside expected range" in render_problem(problems[0], "en")
    good = load("kind: x\ndue: 2024-02-29\n")
    assert validate(good, Dated)[0] is not None


# The README promises identical results from libyaml and the pure parser ---------------

PIECES = [
    "kind: risks\n",
    "a: 1\n",
    "a: 2\n",
    "b:",
    "c: ",
    "x",
    "\t",
    "{a: 1,\tb: 2}",
    "[a,\tb]",
    "- ",
    "  ",
    "\n",
    ": ",
    "{",
    "}",
    "[",
    "]",
    ",",
    " #c",
    "'q'",
    '"q\\t"',
    "? ",
    "|\n",
    ">-\n",
    "  - y\n",
    "\r\n",
    "k:\tv\n",
    '"\\U00110000"',
    '"\\x01"',
    '"\\e"',
    "- \t- z\n",
    "a:\t\n",
    "%TAG ! x\n",
    "---\n",
    "...\n",
    "!x ",
    "&a ",
    "*a ",
    "\ufeff",
    "\x85",
    "\u2028",
    "\u202e",
    "海景",
]


def outcome(text: str, pure: bool) -> tuple[object, list[object]]:
    doc, problems = load_text(text, "f.yaml", pure=pure)
    return (doc.data if doc else None, [(p.place, p.code, p.params) for p in problems])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_libyaml_and_the_pure_parser_agree(text: str) -> None:
    assert outcome(text, pure=False) == outcome(text, pure=True)


@pytest.mark.parametrize(
    "text",
    [
        "kind: x\nphase:\tsales\n",  # a tab after `key:` (libyaml alone took it)
        "kind: x\nitems: [a,\tb]\n",  # a tab after a comma in a flow collection
        "kind: x\nitems: {a: 1,\tb: 2}\n",
        "kind: x\nphase: sales\t\n",  # a trailing tab
        'kind: x\ntitle: "\\U00110000"\n',  # the pure parser raised ValueError
        "kind: x\nphase: sales\x85\n",  # NEL: a line break to YAML 1.1, not to 1.2
        "---\n",
    ],
)
def test_the_disagreements_once_found_are_gone(text: str) -> None:
    libyaml, pure = outcome(text, pure=False), outcome(text, pure=True)
    assert libyaml == pure
    assert libyaml[0] is None  # each is a problem in both
