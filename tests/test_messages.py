"""Every message exists in English and Chinese with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from journey import messages
from journey.problems import Place, Problem, Severity


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", messages.all_codes())
def test_both_languages_with_same_placeholders(code: str) -> None:
    en, zh = messages._MESSAGES[code]
    assert en and zh
    assert fields(en) == fields(zh)
    if not code.startswith("what.") and fields(zh) != {"detail"}:
        assert re.search(r"[\u4e00-\u9fff]", zh), zh


def test_render_warning_and_related_places() -> None:
    p = Problem(
        Place("a.yaml", 3, 5),
        "risks[0].depends_on[0]",
        "schema.other",
        {"detail": "cycle"},
        Severity.WARNING,
        ((Place("b.yaml", 7, 9), "RS-002 → RS-001"),),
    )
    assert messages.render_problem(p, "en") == (
        "a.yaml:3:5: warning: risks[0].depends_on[0]: cycle\n    b.yaml:7:9: RS-002 → RS-001"
    )


def test_default_language_from_locale() -> None:
    assert messages.default_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert messages.default_lang({"LANG": "en_GB.UTF-8", "LC_ALL": "zh_TW"}) == "zh"
    assert messages.default_lang({"JOURNEY_LANG": "en", "LANG": "zh_CN.UTF-8"}) == "en"
    assert messages.default_lang({}) == "en"


def test_allowed_values_read_naturally_in_each_language() -> None:
    choices = messages.OneOf(("pending", "pass", "fail", "n/a"))
    params = {"input": "passed", "expected": choices}
    assert messages.text("schema.choice", "en", **params) == (
        "`passed` is not one of 'pending', 'pass', 'fail' or 'n/a'"
    )
    assert messages.text("schema.choice", "zh", **params) == (
        "`passed` 不在可选值 'pending'、'pass'、'fail' 或 'n/a' 之中"
    )
    assert messages.OneOf(("only",)).render("zh") == "'only'"
