"""Every message journey shows a person, in English and Chinese.

Library code records a message code and parameters; the CLI picks the language once
and formats here. Reports, gate output and problems all read this one table (its
sections live in `journey/_msg_*.py`). Severity words (`error:`, `warning:`) stay in
English in both languages so that editors and CI can parse the lines.

A template may choose a word by a count: `{count} open {count|finding|findings}` reads
"1 open finding" and "3 open findings" (Chinese templates need no plural forms). Text
that comes from data is shown on one line whatever it holds: a control character or a
line break inside a parameter is written as a visible escape (`\n`, `\x1b`), so a
project file can never print a line of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from journey.chars import printable
from journey.problems import Problem

if TYPE_CHECKING:
    from journey.types import LocalisedText

LANGS = ("en", "zh")

_MESSAGES: dict[str, tuple[str, str]] = {
    # Reading files
    "file.unreadable": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "file.missing": ("no such file or folder", "文件或文件夹不存在"),
    "file.more": (
        "and {count} more {count|problem|problems} in this file not shown; fix the ones "
        "above and run again",
        "此文件还有 {count} 个问题未显示；请先修正以上问题后再次运行",
    ),
    "file.not_regular": (
        "not a regular file (a pipe, a device or a folder); journey reads files only",
        "不是普通文件（而是管道、设备或文件夹）；journey 只读取普通文件",
    ),
    "yaml.too_large": (
        "the file is {size} bytes; the limit is 10 MB (10485760 bytes)",
        "文件大小为 {size} 字节，超过 10 MB（10485760 字节）的上限",
    ),
    "yaml.utf16": (
        "the file is UTF-16 encoded; save it as UTF-8",
        "文件是 UTF-16 编码，请另存为 UTF-8",
    ),
    "yaml.nul": (
        "the file contains a NUL byte; it is not a text file or is corrupted",
        "文件中有 NUL 字节，不是文本文件或已损坏",
    ),
    "yaml.not_utf8": (
        "byte {byte} is not valid UTF-8; save the file as UTF-8",
        "字节 {byte} 不是有效的 UTF-8 编码，请将文件另存为 UTF-8",
    ),
    "yaml.control_char": (
        "the control character {char} is not allowed in YAML; delete it",
        "YAML 中不允许控制字符 {char}，请删除",
    ),
    "yaml.bad_escape": (
        "the escape {escape} names no Unicode character (the last is \\U0010FFFF)",
        "转义 {escape} 不对应任何 Unicode 字符（最大为 \\U0010FFFF）",
    ),
    "yaml.tab": (
        "a tab here: YAML indents and separates with spaces (a tab is fine only inside "
        "quotes); replace it with spaces",
        "此处有制表符：YAML 只能用空格缩进和分隔（制表符只能出现在引号内），请改为空格",
    ),
    "yaml.empty": ("the file is empty", "文件是空的"),
    "yaml.no_content": (
        "the file holds only comments; it needs a mapping starting with `kind:`",
        "文件只有注释，需要以 `kind:` 开头的映射内容",
    ),
    "yaml.syntax": ("invalid YAML: {detail}", "YAML 语法错误：{detail}"),
    "yaml.duplicate_key": (
        "the key `{key}` appears twice in this mapping (first on line {first_line}); keep one",
        "同一映射中键 `{key}` 出现了两次（第一次在第 {first_line} 行），请只保留一个",
    ),
    "yaml.alias": (
        "YAML aliases (*{anchor}) are not allowed; write the value out",
        "不允许使用 YAML 别名（*{anchor}），请直接写出内容",
    ),
    "yaml.anchor": (
        "YAML anchors (&{anchor}) are not allowed; write each value out",
        "不允许使用 YAML 锚点（&{anchor}），请直接写出内容",
    ),
    "yaml.merge_key": (
        "YAML merge keys (<<) are not allowed; write the keys out",
        "不允许使用 YAML 合并键（<<），请直接写出各个键",
    ),
    "yaml.tag": (
        "YAML tags ({tag}) are not allowed; the schema decides each value's type",
        "不允许使用 YAML 标签（{tag}），值的类型由文件格式决定",
    ),
    "yaml.too_deep": (
        "nesting is deeper than {limit} levels",
        "嵌套超过 {limit} 层",
    ),
    "yaml.multiple_documents": (
        "the file holds more than one YAML document (`---`); use one file per document",
        "文件中有多个 YAML 文档（`---`），每个文件只能有一个",
    ),
    "yaml.not_mapping": (
        "the file must be a mapping of keys starting with `kind:`, not {found}",
        "文件顶层必须是以 `kind:` 开头的键值映射，而不是{found}",
    ),
    "yaml.complex_key": (
        "a key must be plain text, not a list or mapping",
        "键必须是普通文本，不能是列表或映射",
    ),
    "yaml.surrogate": (
        "the text holds an invalid Unicode escape (a lone surrogate such as \\ud800)",
        "文本中有无效的 Unicode 转义（孤立代理项，如 \\ud800）",
    ),
    # File kinds
    "kind.missing": (
        "the file has no `kind:`; it must be the first key",
        "文件缺少 `kind:`，它必须是第一个键",
    ),
    "kind.not_first": (
        "`kind:` must be the first key of the file",
        "`kind:` 必须是文件的第一个键",
    ),
    "kind.unknown": ("unknown file kind `{value}`", "未知的文件类型 `{value}`"),
    "kind.not_text": (
        "`kind:` takes one word naming the file kind (such as `risks`), not a list or a mapping",
        "`kind:` 应为一个表示文件类型的词（如 `risks`），不能是列表或映射",
    ),
    "kind.not_here": (
        "a `{value}` file does not belong here; expected {expected}",
        "此处不应出现 `{value}` 类型的文件，应为 {expected}",
    ),
    # Schema (pydantic error types)
    "schema.missing": ("the required field `{field}` is missing", "缺少必填字段 `{field}`"),
    "schema.extra": ("unknown field `{field}`", "未知字段 `{field}`"),
    "schema.text": ("expected text", "应为文本"),
    "schema.localised": (
        "expected text or a mapping {{en: ..., zh: ...}}",
        "应为文本或 {{en: ..., zh: ...}} 形式的映射",
    ),
    "schema.localised_empty": (
        "give the text in at least one language (en or zh)",
        "请至少给出一种语言（en 或 zh）的文本",
    ),
    "schema.int": ("expected a whole number, got `{input}`", "应为整数，实际为 `{input}`"),
    "schema.number": ("expected a number, got `{input}`", "应为数字，实际为 `{input}`"),
    "schema.bool": (
        "expected true or false, got `{input}`",
        "应为 true 或 false，实际为 `{input}`",
    ),
    "schema.date": (
        "`{input}` is not a valid date (YYYY-MM-DD): {detail}",
        "`{input}` 不是有效日期（YYYY-MM-DD）：{detail}",
    ),
    "schema.date_form": (
        "`{input}` is not a date: write it as YYYY-MM-DD, such as 2026-10-24",
        "`{input}` 不是日期，请写成 YYYY-MM-DD 形式，如 2026-10-24",
    ),
    "schema.choice": (
        "`{input}` is not one of {expected}",
        "`{input}` 不在可选值 {expected} 之中",
    ),
    "schema.ge": ("must be at least {limit}, got {input}", "不能小于 {limit}，实际为 {input}"),
    "schema.le": ("must be at most {limit}, got {input}", "不能大于 {limit}，实际为 {input}"),
    "schema.pattern": (
        "`{input}` does not match the id pattern {pattern}",
        "`{input}` 不符合编号格式 {pattern}",
    ),
    "schema.list": ("expected a list", "应为列表"),
    "schema.mapping": ("expected a mapping of keys and values", "应为键值映射"),
    "schema.too_short": ("needs at least {min} {min|entry|entries}", "至少需要 {min} 项"),
    "schema.empty_text": ("must not be empty", "不能为空"),
    "schema.other": ("{detail}", "{detail}"),
    # Catalog cross-checks
    "ref.unknown": ("unknown {what} `{value}`", "未知的{what} `{value}`"),
    "ref.duplicate": (
        "the id `{value}` is already used at {other}",
        "编号 `{value}` 已在 {other} 使用",
    ),
    "ref.self": ("`{value}` depends on itself", "`{value}` 依赖于自身"),
    "catalog.empty": (
        "no catalog files (*.yaml, *.yml) found in this folder",
        "此文件夹中没有找到标准库文件（*.yaml、*.yml）",
    ),
    "catalog.missing_kind": (
        "the catalog has no `{kind}` file; every catalog needs one",
        "标准库缺少 `{kind}` 类型的文件",
    ),
    "catalog.twice": (
        "only one `{kind}` file is allowed; another is at {other}",
        "`{kind}` 类型的文件只能有一个，另一个在 {other}",
    ),
    "matrix.shape": (
        "the grid must have {rows} rows of {cols} ratings (one per likelihood × impact)",
        "评级矩阵应为 {rows} 行、每行 {cols} 个评级（可能性 × 影响）",
    ),
    "matrix.scale": (
        "scale values must be 1, 2, 3 … in order",
        "等级值必须按 1、2、3 … 顺序排列",
    ),
    "score.range": (
        "{field} must be between 1 and {max} (the matrix scale)",
        "{field} 必须在 1 到 {max} 之间（风险矩阵的等级）",
    ),
    "rule.duplicate": (
        "the rule id `{value}` is used twice in this gate",
        "同一节点准入中规则编号 `{value}` 使用了两次",
    ),
    "rule.options": ("{detail}", "{detail}"),
    # Words used inside messages
    "what.stage": ("stage", "阶段"),
    "what.profession": ("profession", "专业"),
    "what.level": ("positioning level", "定位等级"),
    "what.point": ("sensitive point", "敏感点"),
    "what.item": ("item", "条目"),
    "what.checklist": ("checklist", "检查表"),
    "what.category": ("risk category", "风险类别"),
    "what.gate": ("gate", "节点准入"),
    "what.batch": ("batch", "批次"),
    "what.rule": ("gate rule type", "准入规则类型"),
    "hint.did_you_mean": (" (did you mean `{suggestion}`?)", "（您是不是要写 `{suggestion}`？）"),
    # CLI
    "cli.summary_errors": (
        "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} in {files} {files|file|files}",
        "{files} 个文件中有 {errors} 个错误、{warnings} 个警告",
    ),
    "cli.valid": (
        "{files} {files|file|files} valid ({items} {items|item|items}){warnings}",
        "{files} 个文件校验通过（{items} 个条目）{warnings}",
    ),
    "cli.valid_files": (
        "{files} {files|file|files} valid{warnings}",
        "{files} 个文件校验通过{warnings}",
    ),
    "cli.with_warnings": (", {warnings} {warnings|warning|warnings}", "，{warnings} 个警告"),
    "cli.internal": (
        "internal error: {detail}. This is a bug in journey; please report it with the "
        "command you ran (run again with -v to see the details).",
        "内部错误：{detail}。这是 journey 的缺陷，请连同所运行的命令一起反馈"
        "（加 -v 重新运行可查看详情）。",
    ),
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.unknown_id": (
        "no catalog entry has the id `{value}`",
        "标准库中没有编号为 `{value}` 的条目",
    ),
    "cli.bad_date": (
        "`{value}` is not a valid date (use YYYY-MM-DD)",
        "`{value}` 不是有效日期（请使用 YYYY-MM-DD）",
    ),
    "validate.no_project": (
        "this table is in no project folder (no project.yaml beside it or above it); "
        "journey checks a findings table with the project that lists it",
        "此表格不在任何项目文件夹中（同级及上级目录都没有 project.yaml）；"
        "问题记录表要随列出它的项目一起检查",
    ),
    "validate.not_listed": (
        "{project} does not list this file under `findings:`, so journey does not read it",
        "{project} 的 `findings:` 中没有列出此文件，journey 不会读取它",
    ),
    "cli.unknown_filter": (
        "unknown {what} `{value}`; choose from {choices}",
        "未知的{what} `{value}`，可选：{choices}",
    ),
    "cli.unknown_kind": (
        "unknown kind `{value}`; choose from {choices}",
        "未知类型 `{value}`，可选：{choices}",
    ),
    # `catalog list` and `catalog show` in words (Chinese shows titles, not ids)
    "catalog.kind.stages": ("stages", "阶段"),
    "catalog.kind.professions": ("professions", "专业"),
    "catalog.kind.levels": ("levels", "客户关系定位"),
    "catalog.kind.points": ("points", "客户敏感点"),
    "catalog.kind.risks": ("risks", "风险"),
    "catalog.kind.checks": ("checks", "检查项"),
    "catalog.kind.tasks": ("tasks", "计划任务"),
    "catalog.kind.checklists": ("checklists", "检查表"),
    "catalog.kind.gates": ("gates", "节点准入"),
    "catalog.point_kind.risk": ("risk", "风险点"),
    "catalog.point_kind.value": ("value", "价值点"),
    "catalog.point_kind.contact": ("contact", "接触点"),
    "catalog.phase.sales": ("sales", "销售阶段"),
    "catalog.phase.delivery": ("delivery", "交付阶段"),
    "catalog.phase.civil": ("civil", "土建阶段"),
    "catalog.phase.installation": ("installation", "安装阶段"),
    "catalog.phase.final": ("final", "精装收尾"),
    "catalog.phase.open-day": ("open day", "工地开放日"),
    "catalog.task_category.customer-preparation": ("customer preparation", "客户准备"),
    "catalog.task_category.acceptance": ("acceptance", "验收"),
    "catalog.task_category.rectification": ("rectification", "整改"),
    "catalog.task_category.documents": ("documents", "证照及资料"),
    "catalog.task_category.site": ("site", "现场"),
    "catalog.task_category.open-day": ("open day", "工地开放日"),
    "catalog.task_category.staffing": ("staffing", "岗位及培训"),
    "catalog.task_category.emergency": ("emergency", "应急"),
    "catalog.task_category.risk-assessment": ("risk assessment", "风险评估"),
    "catalog.bool.true": ("yes", "是"),
    "catalog.bool.false": ("no", "否"),
    "catalog.field.kind": ("kind", "类型"),
    "catalog.field.id": ("id", "编号"),
    "catalog.field.title": ("title", "名称"),
    "catalog.field.description": ("description", "说明"),
    "catalog.field.owner": ("owner", "负责专业"),
    "catalog.field.contributors": ("contributors", "配合专业"),
    "catalog.field.level": ("level", "适用等级"),
    "catalog.field.stage": ("stage", "阶段"),
    "catalog.field.red_line": ("red line", "红线"),
    "catalog.field.category": ("category", "类别"),
    "catalog.field.likelihood": ("likelihood", "可能性"),
    "catalog.field.impact": ("impact", "影响程度"),
    "catalog.field.controls": ("controls", "管控措施"),
    "catalog.field.points": ("sensitive points", "关联客户敏感点"),
    "catalog.field.depends_on": ("depends on", "前置条目"),
    "catalog.field.area": ("area", "部位"),
    "catalog.field.public_area": ("public area", "公共区域"),
    "catalog.field.method": ("method", "检查方法"),
    "catalog.field.criterion": ("criterion", "判定标准"),
    "catalog.field.blocking": ("blocking", "否决项"),
    "catalog.field.anchor": ("anchor milestone", "基准关键节点"),
    "catalog.field.offset_days": ("offset (days)", "相对天数"),
    "catalog.field.duration_days": ("duration (days)", "工期（天）"),
    "catalog.field.items": ("items", "条目"),
    "catalog.field.milestone": ("milestone", "关键节点"),
    "catalog.field.rules": ("rules", "准入规则"),
    "catalog.field.phase": ("phase", "所属环节"),
    "catalog.field.rating": ("rating", "风险评级"),
    "catalog.field.checklist": ("checklist", "所属检查表"),
    "catalog.field.covered_by": ("covered by", "覆盖条目"),
    "catalog.field.defined_at": ("defined at", "定义位置"),
}


# Each area of the product keeps its messages in its own table (journey/_msg_*.py).
from journey import (  # noqa: E402
    _msg_batch,
    _msg_export,
    _msg_gate,
    _msg_graph,
    _msg_import,
    _msg_portfolio,
    _msg_project,
    _msg_report,
    _msg_service,
    _msg_table,
    _msg_work,
)

for _table in (
    _msg_project.MESSAGES,
    _msg_service.MESSAGES,
    _msg_graph.MESSAGES,
    _msg_gate.MESSAGES,
    _msg_report.MESSAGES,
    _msg_table.MESSAGES,
    _msg_batch.MESSAGES,
    _msg_export.MESSAGES,
    _msg_import.MESSAGES,
    _msg_portfolio.MESSAGES,
    _msg_work.MESSAGES,
):
    _clash = set(_table) & set(_MESSAGES)
    assert not _clash, f"message codes defined twice: {sorted(_clash)}"
    _MESSAGES.update(_table)


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """`zh` when JOURNEY_LANG or the locale variables ask for Chinese, else `en`.

    The variables are read in gettext's order: LANGUAGE (a colon-separated list whose
    first entry counts), LC_ALL, LC_MESSAGES, LANG; JOURNEY_LANG comes before them all.
    """
    env = os.environ if environ is None else environ
    for name in ("JOURNEY_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").split(":")[0]
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def text(code: str, lang: str, **params: object) -> str:
    """The message `code` in `lang`, with parameters filled in (one line per parameter)."""
    en, zh = _MESSAGES[code]
    template = _plurals(zh if lang == "zh" else en)
    suggestion = params.pop("suggestion", None) if code != "hint.did_you_mean" else None
    shown = {k: _word(v, lang) for k, v in params.items()}
    if isinstance(template, _Plural):
        template = template.choose(params)
    message = template.format(**shown)
    if suggestion and printable(str(suggestion)) != shown.get("value"):  # never itself
        message += text("hint.did_you_mean", lang, suggestion=printable(str(suggestion)))
    return message


_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


class _Plural(str):
    """A template holding `{name|one|other}` choices, resolved against the parameters."""

    __slots__ = ()

    def choose(self, params: Mapping[str, object]) -> str:
        def pick(match: re.Match[str]) -> str:
            value = params.get(match.group(1))
            if isinstance(value, (list, tuple)):
                value = len(value)
            one = isinstance(value, int) and not isinstance(value, bool) and abs(value) == 1
            return (match.group(2) if one else match.group(3)).replace("{", "{{").replace("}", "}}")

        return _PLURAL.sub(pick, self)


@lru_cache(maxsize=1024)
def _plurals(template: str) -> str:
    return _Plural(template) if _PLURAL.search(template) else template


def template_fields(template: str) -> set[str]:
    """The parameter names a template uses, plural choices included (for tests)."""
    import string

    plain = _PLURAL.sub(lambda m: "{" + m.group(1) + "}", template)
    return {name for _, name, _, _ in string.Formatter().parse(plain) if name}


class OneOf(tuple[str, ...]):
    """Allowed values, shown as `'a', 'b' or 'c'` in English and `'a'、'b' 或 'c'` in Chinese."""

    __slots__ = ()

    def render(self, lang: str) -> str:
        quoted = [f"'{printable(v)}'" for v in self]
        if len(quoted) < 2:
            return "".join(quoted)
        comma, word = ("、", " 或 ") if lang == "zh" else (", ", " or ")
        return comma.join(quoted[:-1]) + word + quoted[-1]


def _word(value: object, lang: str) -> object:
    if isinstance(value, str):
        if value.startswith("what."):
            return text(value, lang)
        return printable(value)
    if isinstance(value, OneOf):
        return value.render(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(printable(str(v)) for v in value)
    return value


def in_both(code: str) -> LocalisedText:
    """Message `code` (without parameters) in English and Chinese, as catalog text is."""
    from journey.types import LocalisedText

    return LocalisedText(en=text(code, "en"), zh=text(code, "zh"))


def has(code: str) -> bool:
    """True when `code` is a known message."""
    return code in _MESSAGES


def render_problem(p: Problem, lang: str) -> str:
    """`FILE:LINE:COL: error: PATH: message`, with further places indented below.

    File names and paths come from data too: they are shown on one line like every
    other parameter, so each problem is exactly one line plus its indented places.
    """
    message = text(p.code, lang, **p.params)
    where = printable((p.sheet_row and f"{p.place.file}:{p.sheet_row}") or p.place.render())
    path = printable(p.path)
    head = (
        f"{where}: {p.severity.value}: {path}: {message}"
        if p.path
        else (f"{where}: {p.severity.value}: {message}")
    )
    lines = [head]
    lines.extend(f"    {printable(place.render())}: {printable(note)}" for place, note in p.related)
    return "\n".join(lines)


def all_codes() -> list[str]:
    """Every message code (for tests that check both languages exist)."""
    return sorted(_MESSAGES)


# Formats that differ by language ------------------------------------------------------

HTML_LANG = {"en": "en", "zh": "zh-CN"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def milestone_name(name: str, lang: str) -> str:
    """The bundled milestones by their name in `lang`; any other as written."""
    code = f"milestone.{name}"
    return text(code, lang) if code in _MESSAGES else printable(name)


def format_date(day: dt.date | None, lang: str) -> str:
    """`24 Oct 2026` in English, `2026年10月24日` in Chinese; empty for no date."""
    if day is None:
        return ""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_short_date(day: dt.date, lang: str) -> str:
    """A compact date for chart axes: `24 Oct` or `10月24日`."""
    return f"{day.month}月{day.day}日" if lang == "zh" else f"{day.day} {_MONTHS[day.month - 1]}"


def format_number(value: int, lang: str) -> str:
    """Whole numbers with thousands separators (the same in both languages)."""
    return f"{value:,}"


def format_percent(value: float, lang: str) -> str:
    """A share as a percentage with one decimal: `95.2%`."""
    return f"{value * 100:.1f}%"
