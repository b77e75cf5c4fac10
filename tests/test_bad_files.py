"""The bad-file corpus: every kind of broken YAML and schema error, with exact places.

Each case is validated as one file added to a small valid catalog, under libyaml and
the pure-Python parser, in English and Chinese; the first problem must name the exact
FILE:LINE:COL, the exit code must be 2, and no traceback may reach the user.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import pytest
from helpers import Runner

RISK = """kind: risks
phase: sales
risks:
  - id: RS-002
    category: sales-brochure
    title: {en: Show flat differs, zh: 样板间与交付不符}
    stage: sales
    owner: marketing
    likelihood: 3
    impact: 4
    controls: [Mark every item of the show flat that is not delivered]
    level: process
    points: [SP-MKT-001]
"""


def risk_with(old: str, new: str) -> str:
    """The valid risk file with one line changed."""
    assert old in RISK
    return RISK.replace(old, new, 1)


class Case(NamedTuple):
    name: str
    content: bytes
    where: str  # LINE:COL
    en: str
    zh: str


def case(name: str, content: str | bytes, where: str, en: str, zh: str) -> Case:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return Case(name, data, where, en, zh)


CASES = [
    # Duplicate keys, in every form
    case(
        "dup-block",
        "kind: risks\nphase: sales\nphase: delivery\nrisks: []\n",
        "3:1",
        "appears twice",
        "出现了两次",
    ),
    case(
        "dup-flow",
        "kind: risks\nphase: sales\nrisks: []\ncategories: [{id: a, title: A, id: b}]\n",
        "4:32",
        "`id` appears twice",
        "出现了两次",
    ),
    case(
        "dup-quoted",
        'kind: risks\n"phase": sales\nphase: delivery\nrisks: []\n',
        "3:1",
        "`phase` appears twice",
        "出现了两次",
    ),
    case(
        "dup-complex",
        "kind: risks\nphase: sales\n? phase\n: delivery\nrisks: []\n",
        "3:3",
        "`phase` appears twice",
        "出现了两次",
    ),
    case(
        "dup-nested",
        risk_with("    stage: sales\n", "    stage: sales\n    stage: design\n"),
        "8:5",
        "`stage` appears twice",
        "出现了两次",
    ),
    # Anchors, aliases, merge keys, tags
    case("anchor", "kind: risks\nphase: &p sales\nrisks: []\n", "2:8", "anchors (&p)", "锚点"),
    case("alias", "kind: risks\nphase: *p\nrisks: []\n", "2:8", "aliases (*p)", "别名"),
    case(
        "merge",
        "kind: risks\nphase: sales\nrisks:\n  - <<: {id: RS-009}\n",
        "4:5",
        "merge keys",
        "合并键",
    ),
    case(
        "tag-str",
        "kind: risks\nphase: !!str sales\nrisks: []\n",
        "2:8",
        "tags (tag:yaml.org,2002:str)",
        "标签",
    ),
    case(
        "tag-local", "kind: risks\nphase: !phase sales\nrisks: []\n", "2:8", "tags (!phase)", "标签"
    ),
    case("tag-map", "kind: risks\nphase: sales\nrisks: !!seq []\n", "3:8", "tags", "标签"),
    # Depth
    case(
        "deep",
        "kind: risks\nx: " + "[" * 100 + "]" * 100 + "\n",
        "2:67",
        "deeper than 64",
        "嵌套超过 64 层",
    ),
    case(
        "very-deep",
        "kind: risks\nx: " + "[" * 30000 + "]" * 30000 + "\n",
        "2:67",
        "deeper than 64",
        "嵌套超过 64 层",
    ),
    case(
        "deep-block",
        "kind: risks\n" + "".join("  " * i + f"k{i}:\n" for i in range(80)) + "  " * 80 + "v: 1\n",
        "66:129",
        "deeper than 64",
        "嵌套",
    ),
    # Encodings and bytes
    case(
        "latin1",
        b"kind: risks\nphase: sales\n# caf" + b"\xe9 au lait\nrisks: []\n",
        "3:6",
        "byte 0xE9 is not valid UTF-8",
        "不是有效的 UTF-8",
    ),
    case(
        "latin1-after-cjk",
        "kind: risks\ntitle: 销售".encode() + b"\xff\n",
        "2:10",
        "byte 0xFF",
        "字节 0xFF",
    ),
    case("utf16-bom", "kind: risks\n".encode("utf-16"), "1:1", "UTF-16", "UTF-16"),
    case("utf16-nobom", "kind: risks\n".encode("utf-16-le"), "1:1", "UTF-16", "UTF-16"),
    case("nul", b"kind: risks\nphase: sa\x00les\nrisks: []\n", "2:10", "NUL byte", "NUL 字节"),
    case(
        "surrogate",
        'kind: risks\nphase: sales\nrisks: []\ncategories: [{id: a, title: "\\ud800"}]\n',
        "4:29",
        "lone surrogate",
        "孤立代理项",
    ),
    case(
        "control-char",
        "kind: risks\nphase: sa\x07les\nrisks: []\n",
        "2:10",
        "U+0007",
        "控制字符 U+0007",
    ),
    case("empty", b"", "1:1", "the file is empty", "文件是空的"),
    case("blank", "  \n\n   \n", "1:1", "the file is empty", "文件是空的"),
    case("comments", "# just a comment\n# and another\n", "1:1", "only comments", "只有注释"),
    case(
        "two-docs",
        "kind: risks\nphase: sales\nrisks: []\n---\nkind: risks\n",
        "4:1",
        "more than one YAML document",
        "多个 YAML 文档",
    ),
    case("scalar", "just some text\n", "1:1", "not text", "而不是"),
    case("list", "- kind: risks\n- phase: sales\n", "1:1", "not list", "而不是"),
    # Syntax
    case(
        "bad-indent",
        "kind: risks\nphase: sales\n  risks: []\n",
        "3:8",
        "invalid YAML",
        "YAML 语法错误",
    ),
    case(
        "unclosed-quote",
        'kind: risks\nphase: "sales\nrisks: []\n',
        "4:1",
        "invalid YAML",
        "YAML 语法错误",
    ),
    case(
        "tab-indent",
        "kind: risks\nrisks:\n\t- id: RS-001\n",
        "3:1",
        "a tab here",
        "制表符",
    ),
    # Tabs: refused alike by libyaml and the pure parser (README: identical results)
    case("tab-after-key", "kind: risks\nphase:\tsales\nrisks: []\n", "2:7", "a tab here", "制表符"),
    case(
        "tab-after-comma",
        "kind: risks\nphase: sales\nrisks: []\ncategories: [{id: a,\ttitle: A}]\n",
        "4:21",
        "a tab here",
        "制表符",
    ),
    case(
        "tab-trailing", "kind: risks\nphase: sales\t\nrisks: []\n", "2:13", "a tab here", "制表符"
    ),
    # Control characters that YAML escapes or raw text let through
    case(
        "escape-x01",
        risk_with("level: process", 'level: "pro\\x01cess"'),
        "12:12",
        "control character U+0001",
        "控制字符 U+0001",
    ),
    case(
        "escape-esc",
        risk_with("title: {en: Show flat differs,", 'title: {en: "\\e]0;pwned\\a",'),
        "6:17",
        "control character U+001B",
        "控制字符 U+001B",
    ),
    case(
        "escape-bidi",
        risk_with("controls: [", 'controls: ["\\u202eevil", '),
        "11:16",
        "control character U+202E",
        "控制字符 U+202E",
    ),
    case(
        "raw-bidi",
        risk_with("owner: marketing", "owner: market\u202eing"),
        "8:12",
        "control character U+202E",
        "控制字符 U+202E",
    ),
    case(
        "key-control",
        'kind: risks\nphase: sales\nrisks: []\n"cat\\x1fegories": []\n',
        "4:1",
        "control character U+001F",
        "控制字符 U+001F",
    ),
    case(
        "escape-beyond-unicode",
        risk_with("level: process", 'level: "\\U00110000"'),
        "12:13",
        "names no Unicode character",
        "不对应任何 Unicode 字符",
    ),
    case("raw-nel", "kind: risks\nphase: sales\x85\nrisks: []\n", "2:13", "U+0085", "U+0085"),
    case("raw-ls", "kind: risks\nphase: sales\u2028\nrisks: []\n", "2:13", "U+2028", "U+2028"),
    case("stray-bom", "kind: risks\nphase: \ufeffsales\nrisks: []\n", "2:8", "U+FEFF", "U+FEFF"),
    # Scalars typed by YAML 1.2's core schema and nothing looser
    case(
        "int-padded",
        risk_with("likelihood: 3", 'likelihood: " 3 "'),
        "9:17",
        "expected a whole number, got ` 3 `",
        "应为整数，实际为 ` 3 `",
    ),
    case(
        "int-float",
        risk_with("likelihood: 3", "likelihood: 3.0"),
        "9:17",
        "expected a whole number, got `3.0`",
        "应为整数",
    ),
    case(
        "int-underscore",
        risk_with("impact: 4", "impact: 0_4"),
        "10:13",
        "expected a whole number, got `0_4`",
        "应为整数",
    ),
    # File kind
    case(
        "kind-list",
        "kind: [risks]\nphase: sales\nrisks: []\n",
        "1:7",
        "`kind:` takes one word naming the file kind (such as `risks`), not a list",
        "不能是列表或映射",
    ),
    case(
        "one-bad-entry",  # not also "needs at least 1 entry": the entry says what is wrong
        "kind: stages\nstages:\n  - {id: BAD, title: x}\n",
        "3:10",
        "`BAD` does not match the id pattern",
        "不符合编号格式",
    ),
    case("no-kind", "phase: sales\nrisks: []\n", "1:1", "no `kind:`", "缺少 `kind:`"),
    case(
        "kind-not-first",
        "phase: sales\nkind: risks\nrisks: []\n",
        "2:1",
        "must be the first key",
        "必须是文件的第一个键",
    ),
    case(
        "unknown-kind",
        "kind: riskz\nrisks: []\n",
        "1:7",
        "unknown file kind `riskz` (did you mean `risks`?)",
        "未知的文件类型",
    ),
    # Schema
    case(
        "unknown-field",
        risk_with("    stage: sales\n", "    stag: sales\n"),
        "7:5",
        "unknown field `stag` (did you mean `stage`?)",
        "未知字段 `stag`（您是不是要写 `stage`？）",
    ),
    case(
        "missing-field",
        risk_with("    owner: marketing\n", ""),
        "4:5",
        "required field `owner` is missing",
        "缺少必填字段 `owner`",
    ),
    case(
        "wrong-type-int",
        risk_with("likelihood: 3", "likelihood: high"),
        "9:17",
        "expected a whole number, got `high`",
        "应为整数",
    ),
    case(
        "wrong-type-list",
        risk_with(
            "    controls: [Mark every item of the show flat that is not delivered]",
            "    controls: {en: x}",
        ),
        "11:15",
        "expected a list",
        "应为列表",
    ),
    case(
        "wrong-type-text",
        risk_with("    title: {en: Show flat differs, zh: 样板间与交付不符}", "    title: [a, b]"),
        "6:12",
        "expected text or a mapping",
        "应为文本",
    ),
    case(
        "bad-lang-key",
        risk_with("zh: 样板间与交付不符}", "fr: Maquette}"),
        "6:36",
        "unknown field `fr`",
        "未知字段 `fr`",
    ),
    case(
        "bad-choice",
        "kind: risks\nphase: sale\nrisks: []\n",
        "2:8",
        "`sale` is not one of",
        "不在可选值",
    ),
    case(
        "bad-bool",
        "kind: sensitive-points\npoints:\n  - {id: SP-MKT-009, kind: risk, title: T, stage: sales, owner: marketing, level: process, red_line: maybe}\n",
        "3:102",
        "expected true or false, got `maybe`",
        "应为 true 或 false",
    ),
    case(
        "bad-point-kind",
        "kind: sensitive-points\npoints:\n  - {id: SP-MKT-009, kind: danger, title: T, stage: sales, owner: marketing, level: process}\n",
        "3:28",
        "`danger` is not one of",
        "不在可选值",
    ),
    case(
        "bad-id",
        risk_with("id: RS-002", "id: rs-2"),
        "4:9",
        "does not match the id pattern",
        "不符合编号格式",
    ),
    case(
        "score-range",
        risk_with("impact: 4", "impact: 7"),
        "10:13",
        "impact must be between 1 and 5",
        "impact 必须在 1 到 5 之间",
    ),
    case(
        "unknown-owner",
        risk_with("owner: marketing", "owner: marketting"),
        "8:12",
        "unknown profession `marketting` (did you mean `marketing`?)",
        "未知的专业 `marketting`",
    ),
    case(
        "unknown-stage",
        risk_with("stage: sales", "stage: selling"),
        "7:12",
        "unknown stage `selling`",
        "未知的阶段",
    ),
    case(
        "unknown-level",
        risk_with("level: process", "level: proces"),
        "12:12",
        "unknown positioning level `proces` (did you mean `process`?)",
        "未知的定位等级",
    ),
    case(
        "unknown-category",
        risk_with("category: sales-brochure", "category: sales-brochures"),
        "5:15",
        "unknown risk category `sales-brochures` (did you mean `sales-brochure`?)",
        "未知的风险类别",
    ),
    case(
        "unknown-point",
        risk_with("points: [SP-MKT-001]", "points: [SP-MKT-011]"),
        "13:14",
        "unknown sensitive point `SP-MKT-011` (did you mean `SP-MKT-001`?)",
        "未知的敏感点",
    ),
    case(
        "unknown-dependency",
        risk_with("    level: process\n", "    level: process\n    depends_on: [RS-010]\n"),
        "13:18",
        "unknown item `RS-010`",
        "未知的条目",
    ),
    case(
        "duplicate-id",
        risk_with("id: RS-002", "id: RS-001"),
        "4:9",
        "the id `RS-001` is already used at",
        "已在",
    ),
    case(
        "unknown-rule",
        "kind: gates\ngates:\n  - id: g\n    title: G\n    stage: sales\n    milestone: sales_launch\n    rules:\n      - {id: r, rule: risk-controlled}\n",
        "8:23",
        "unknown gate rule type `risk-controlled` (did you mean `risks-controlled`?)",
        "未知的准入规则类型",
    ),
    case(
        "bad-rule-option",
        "kind: gates\ngates:\n  - id: g\n    title: G\n    stage: sales\n    milestone: sales_launch\n    rules:\n      - {id: r, rule: risks-controlled, min_ratting: high}\n",
        "8:41",
        "unknown field `min_ratting` (did you mean `min_rating`?)",
        "未知字段",
    ),
    case(
        "unknown-checklist",
        "kind: gates\ngates:\n  - id: g\n    title: G\n    stage: sales\n    milestone: sales_launch\n    rules:\n      - {id: r, rule: checklist-passed, checklists: [open-dya]}\n",
        "8:54",
        "unknown checklist `open-dya`",
        "未知的检查表",
    ),
]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 35
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_file(
    bad: Case, lang: str, loader: str, mini: Path, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = mini.parent
    (folder / "bad.yaml").write_bytes(bad.content)
    monkeypatch.chdir(folder)
    result = run("--catalog", "catalog", "--lang", lang, "validate", "bad.yaml")
    assert result.code == 2, result.err
    assert "Traceback" not in result.err + result.out
    expected = bad.zh if lang == "zh" else bad.en
    assert "did you mean `stages`?" not in result.err and "1 entries" not in result.err
    assert "needs at least" not in result.err or bad.name != "one-bad-entry"
    lines = [line for line in result.err.splitlines() if expected in line]
    assert lines, result.err
    assert lines[0].startswith(f"bad.yaml:{bad.where}: error: "), lines[0]


def test_every_problem_in_every_file_at_once(mini: Path, run: Runner) -> None:
    (mini / "a.yaml").write_text(risk_with("owner: marketing", "owner: nobody"), encoding="utf-8")
    (mini / "b.yaml").write_text(
        "kind: risks\nphase: sales\nphase: x\nrisks: []\n", encoding="utf-8"
    )
    (mini / "c.yaml").write_bytes(b"kind: risks\n\xff\n")
    result = run("--catalog", str(mini), "validate")
    assert result.code == 2
    lines = [line for line in result.err.splitlines() if ": error: " in line]
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == ["b.yaml", "c.yaml"]
    # a.yaml's cross-file problem is checked once every file has been read cleanly
    (mini / "b.yaml").unlink()
    (mini / "c.yaml").unlink()
    result = run("--catalog", str(mini), "validate")
    assert "unknown profession `nobody`" in result.err


def test_bom_and_crlf_are_fine(mini: Path, run: Runner) -> None:
    text = RISK.replace("\n", "\r\n")
    (mini / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("--catalog", str(mini), "validate")
    assert result.code == 0, result.err


def test_oversize_file(mini: Path, run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    big = mini / "big.yaml"
    big.write_bytes(b"kind: risks\n" + b"# padding\n" * 1_100_000)
    monkeypatch.chdir(mini)
    result = run("--catalog", ".", "validate")
    assert result.code == 2
    assert result.err.startswith("big.yaml:1:1: error: (file): the file is ")
    assert "10 MB" in result.err


# Files that are not files, and floods --------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dangling-link"])
def test_a_catalog_entry_that_is_not_a_file_is_reported_not_skipped(
    mini: Path, run: Runner, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = mini / "x.yaml"
    if kind == "fifo":
        os.mkfifo(target)  # opening it to read would wait for a writer forever
    elif kind == "dev-zero":
        target.symlink_to("/dev/zero")  # reading it would fill the memory
    else:
        target.symlink_to(mini / "nowhere.yaml")
    monkeypatch.chdir(mini.parent)
    result = run("--catalog", "catalog", "validate")
    assert result.code == 2
    message = "no such file or folder" if kind == "dangling-link" else "not a regular file"
    assert result.err.startswith(f"catalog/x.yaml: error: (file): {message}"), result.err


def test_a_missing_catalog_folder(run: Runner, tmp_path: Path) -> None:
    result = run("--catalog", str(tmp_path / "nope"), "validate")
    assert result.code == 2
    assert result.err.startswith(f"{tmp_path}/nope: error: no such file or folder")


FLOODS = {
    "schema": "kind: professions\nprofessions: [" + ", ".join(["x"] * 5000) + "]\n",
    "duplicate-keys": "kind: professions\nprofessions:\n  - {id: a, title: A"
    + "".join(f", id: b{n}" for n in range(5000))
    + "}\n",
    "control-chars": "kind: professions\nprofessions:\n"
    + "".join(f'  - {{id: p{n}, title: "\\x01"}}\n' for n in range(5000)),
}


@pytest.mark.parametrize("name", sorted(FLOODS))
def test_a_flood_of_problems_is_capped_per_file(
    mini: Path, run: Runner, monkeypatch: pytest.MonkeyPatch, name: str, loader: str
) -> None:
    (mini / "professions.yaml").write_text(FLOODS[name], encoding="utf-8")
    monkeypatch.chdir(mini.parent)
    result = run("--catalog", "catalog", "validate")
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 202, lines[-3:]  # 200 problems, "and N more", the summary
    assert all(line.startswith("catalog/professions.yaml:") for line in lines[:201])
    assert lines[200].startswith("catalog/professions.yaml: error: and ")
    assert "more problems in this file not shown" in lines[200]
    hidden = int(lines[200].split("and ")[1].split()[0])
    assert lines[201] == f"{200 + hidden} errors, 0 warnings in 1 file"
    assert 200 + hidden >= 5000


def test_an_error_is_never_hidden_behind_warnings(mini: Path) -> None:
    from journey.problems import Severity, cap, problem

    warnings = [problem("f", n, 1, "", "x", severity=Severity.WARNING) for n in range(1, 300)]
    error = problem("f", 500, 1, "", "x")
    shown = cap([*warnings, error])
    assert error in shown and len(shown) == 201
    assert shown[-1].code == "file.more" and shown[-1].params == {"count": 100}
