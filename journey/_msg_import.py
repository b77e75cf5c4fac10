"""Messages about import maps and `journey import`: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

# Each reject reason: its line in the summary, and what the rejects file says of a row.
_REASONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "no_item": (
        (
            "no item rule matches the category or the description",
            "分类和问题描述都没有匹配的检查项规则",
        ),
        (
            "no item rule matches the category `{category}` or the description `{description}`",
            "分类“{category}”和问题描述“{description}”都没有匹配的检查项规则",
        ),
    ),
    "unknown_status": (
        ("a status the map does not list", "状态未在导入映射中列出"),
        (
            "the status `{value}` is not listed under `statuses` in the map",
            "状态“{value}”未在导入映射的 statuses 中列出",
        ),
    ),
    "no_status": (("no status", "状态为空"), ("the status is empty", "状态为空")),
    "unknown_building": (
        ("a building the project does not have", "楼栋不在项目的楼栋清单中"),
        (
            "the building `{value}` is not one of the project's buildings; add a rule under "
            "`buildings` in the map",
            "楼栋“{value}”不在项目的楼栋清单中，请在导入映射的 buildings 中添加规则",
        ),
    ),
    "no_building": (
        ("no building", "楼栋为空"),
        ("the building (`{column}`) is empty", "楼栋（“{column}”）为空"),
    ),
    "bad_date": (
        ("a date that cannot be read", "日期无法识别"),
        (
            "`{value}` in `{column}` is not a date: write it as 2026-10-05, an Excel date, or "
            "in one of the map's `date_formats`",
            "“{column}”中的“{value}”不是日期：请写成 2026-10-05、Excel 日期，或导入映射 "
            "date_formats 中的格式",
        ),
    ),
    "no_found": (
        ("no date found", "登记日期为空"),
        ("the date found (`{column}`) is empty", "登记日期（“{column}”）为空"),
    ),
    "closed_before_found": (
        ("closed before found", "关闭日期早于登记日期"),
        ("closed {closed} is before found {found}", "关闭日期 {closed} 早于登记日期 {found}"),
    ),
    "unknown_severity": (
        ("a severity the map does not list", "严重程度未在导入映射中列出"),
        (
            "the severity `{value}` is not listed under `severities` in the map",
            "严重程度“{value}”未在导入映射的 severities 中列出",
        ),
    ),
    "bad_photo": (
        ("a photo that is not a link", "照片不是有效链接"),
        (
            "the photo `{value}` is neither an https:// address nor a relative path",
            "照片“{value}”既不是 https:// 网址，也不是相对路径",
        ),
    ),
    "no_id": (
        ("no id", "编号为空"),
        ("the id column `{column}` is empty", "编号列“{column}”为空"),
    ),
    "duplicate_id": (
        ("an id already used by an earlier row", "编号与前面的行重复"),
        (
            "the id `{value}` is already used by {other}",
            "编号“{value}”已被 {other} 使用",
        ),
    ),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # The map
    "map.unsafe_char": ("holds the character {char}; delete it", "含有字符 {char}，请删除"),
    "map.ids_one": (
        "give either `column` (the source column holding the id) or `from` (the fields "
        "hashed into an id), not both or neither",
        "请给出 `column`（含编号的源列）或 `from`（用于生成编号的字段）二者之一",
    ),
    "map.one_test": (
        "give exactly one of `equals`, `contains` or `regex`",
        "请只给出 `equals`、`contains` 或 `regex` 中的一个",
    ),
    "map.one_building_test": (
        "give exactly one of `equals` or `regex`",
        "请只给出 `equals` 或 `regex` 中的一个",
    ),
    "map.bad_regex": (
        "`{value}` is not a valid regular expression: {detail}",
        "`{value}` 不是有效的正则表达式：{detail}",
    ),
    "map.no_group": (
        "`{value}` uses the group {{{group}}}, but the regex has {groups} {groups|group|groups}",
        "`{value}` 用到了第 {group} 组（{{{group}}}），但正则表达式只有 {groups} 组",
    ),
    "map.template_needs_regex": (
        "`{value}` fills in a regex group, but this rule has no `regex`; write the building's "
        "name, or match with `regex`",
        "`{value}` 引用了正则分组，但该规则没有 `regex`；请直接写楼栋名称，或改用 `regex` 匹配",
    ),
    "map.not_mapped": (
        "`{value}` is not mapped under `columns`; an id can be made only from mapped fields",
        "`{value}` 未在 `columns` 中映射；编号只能由已映射的字段生成",
    ),
    "map.bad_date_format": (
        "`{value}` is not a date format that reads a date back; use strptime codes such as "
        "%Y/%m/%d or %Y年%m月%d日",
        "`{value}` 不是可读回日期的日期格式；请使用 %Y/%m/%d、%Y年%m月%d日 等 strptime 格式",
    ),
    "map.header_twice": (
        "the header `{value}` is already mapped to `{other}`; a source column fills one field",
        "表头“{value}”已映射到 `{other}`；一个源列只能对应一个字段",
    ),
    # Running an import
    "import.no_map": (
        "`{value}` is neither a map file nor the id of a map in the catalog (its maps: {maps})",
        "`{value}` 既不是导入映射文件，也不是标准库中导入映射的编号（标准库中的导入映射：{maps}）",
    ),
    "import.map_not_file": (
        "this is not a map file; give the path of a .yaml file or the id of a map",
        "这不是导入映射文件；请给出 .yaml 文件的路径或导入映射的编号",
    ),
    "import.out_not_csv": (
        "the output {path} must be a .csv file (its rejects go beside it as NAME.rejects.csv)",
        "输出文件 {path} 必须是 .csv 文件（未导入的行写在同一文件夹的 NAME.rejects.csv 中）",
    ),
    "import.changed": (
        "the file changed while it was being imported; import it again",
        "导入过程中文件发生了变化，请重新导入",
    ),
    "import.rejected": ("{reason}", "{reason}"),
    # The summary
    "import.wrote_findings": (
        "wrote {path}: {count} {count|finding|findings}",
        "已写入 {path}：{count} 条问题",
    ),
    "import.wrote_rejects": (
        "wrote {path}: {count} rejected {count|row|rows}",
        "已写入 {path}：未导入 {count} 行",
    ),
    "import.summary": (
        "read {read} {read|row|rows} from {files} {files|file|files}: {imported} imported, "
        "{rejected} rejected",
        "从 {files} 个文件读取 {read} 行：导入 {imported} 行，未导入 {rejected} 行",
    ),
    "import.by_reason": ("rejected, by reason:", "未导入的原因："),
    "import.unmatched": (
        "categories no rule maps, most frequent first (add a rule under `items` in the map):",
        "没有匹配规则的分类，按出现次数排列（请在导入映射的 items 中添加规则）：",
    ),
    "import.unmatched_near": (
        "`{text}`: {count} {count|row|rows}; closest item {item} {title}",
        "“{text}”：{count} 行；最接近的检查项 {item} {title}",
    ),
    "import.unmatched_none": (
        "`{text}`: {count} {count|row|rows}; no item is close",
        "“{text}”：{count} 行；没有相近的检查项",
    ),
}

for _code, ((_label_en, _label_zh), (_text_en, _text_zh)) in _REASONS.items():
    MESSAGES[f"import.reason.{_code}"] = (_label_en, _label_zh)
    MESSAGES[f"import.reject.{_code}"] = (_text_en, _text_zh)
