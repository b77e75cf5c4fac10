"""Every message exists in English and Chinese with the same placeholders."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from journey import messages
from journey.problems import Place, Problem, Severity

fields = messages.template_fields


@pytest.mark.parametrize("code", messages.all_codes())
def test_both_languages_with_same_placeholders(code: str) -> None:
    en, zh = messages._MESSAGES[code]
    assert en and zh
    assert fields(en) == fields(zh)
    names = {"site.markdown", "site.lang.en", "site.lang.zh"}  # names, the same in both
    words = re.sub(r"\{[^{}]*\}", "", en)  # a template of placeholders alone needs no words
    if re.search("[A-Za-z]{2}", words) and not code.startswith("what.") and code not in names:
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


def test_plural_forms_follow_the_count() -> None:
    assert messages.text("cli.summary_errors", "en", errors=1, warnings=2, files=1) == (
        "1 error, 2 warnings in 1 file"
    )
    assert messages.text("cli.summary_errors", "en", errors=0, warnings=1, files=3) == (
        "0 errors, 1 warning in 3 files"
    )
    assert messages.text("cli.summary_errors", "zh", errors=1, warnings=2, files=1) == (
        "1 个文件中有 1 个错误、2 个警告"
    )


def test_no_english_message_hedges_its_plural() -> None:
    hedged = [code for code in messages.all_codes() if "(s)" in messages._MESSAGES[code][0]]
    assert not hedged


def test_data_never_starts_a_line_of_a_problem() -> None:
    p = Problem(
        Place("p\nx.yaml", 3, 5),
        "name",
        "ref.unknown",
        {"what": "what.stage", "value": "x\n::error file=README.md,line=1::forged\x1b]0;t\x07"},
    )
    shown = messages.render_problem(p, "en")
    assert "\n" not in shown and "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("p x.yaml:3:5: error: name: unknown stage `x ::error")
    assert "\\x1b]0;t\\x07" in shown


def test_language_follows_gettext_order() -> None:
    assert messages.default_lang({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}) == "zh"
    assert messages.default_lang({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}) == "zh"
    assert messages.default_lang({"LANGUAGE": "en", "LC_ALL": "zh_CN"}) == "en"


def _sources() -> str:
    """journey's code and templates, less the message tables: a code's own entry in a
    table is not a use of it."""
    root = Path(messages.__file__).parent
    code = [p.read_text(encoding="utf-8") for p in root.rglob("*.py") if "_msg_" not in p.name]
    table = Path(messages.__file__).read_text(encoding="utf-8")
    code.remove(table)
    code.append(re.sub(r'^    "[^"\n]+": \(', "", table, flags=re.MULTILINE))
    templates = files("journey.templates")
    code += [t.read_text(encoding="utf-8") for t in templates.iterdir() if t.name.endswith(".j2")]
    return "\n".join(code)


# Families of codes built at run time from a value (`"status." + status`): the families
# whose members are named by data rather than written out in the code.
DYNAMIC = re.compile(
    r"^(status|rating|verdict|report|milestone|site\.lang|gate\.(status|rating|rstatus|wstate|"
    r"mark|verdict|title)|catalog\.(kind|point_kind|phase|task_category|field))\."
)


def test_every_message_is_used_somewhere() -> None:
    """A code is written out in the code or a template, or its last part is (as in
    `reason("task_late")` for `gate.reason.task_late`), or it belongs to a family above."""
    source = _sources()

    def used(code: str) -> bool:
        last = code.rsplit(".", 1)[-1]
        quoted = (f'"{code}"', f"'{code}'", f'"{last}"', f"'{last}'")
        return any(q in source for q in quoted) or bool(DYNAMIC.match(code))

    assert [code for code in messages.all_codes() if not used(code)] == []
