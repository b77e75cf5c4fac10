"""Messages about tables (findings, registers, imports, workbooks): code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The file
    "table.format": (
        "`{value}` is not a table journey reads; use a .csv (UTF-8) or .xlsx file",
        "`{value}` 不是可读取的表格，请使用 .csv（UTF-8）或 .xlsx 文件",
    ),
    "table.not_regular": (
        "this is not a regular file (a device, a pipe or a folder); give the path of a .csv "
        "or .xlsx file",
        "这不是普通文件（而是设备、管道或文件夹），请给出 .csv 或 .xlsx 文件的路径",
    ),
    "table.empty": (
        "the file is empty; its first line must be the header, with at least {columns}",
        "文件是空的；第一行应为表头，至少包含 {columns}",
    ),
    "table.no_header": (
        "no header row: nothing from row {row} on, where the map puts the header with at "
        "least {columns}",
        "没有表头：第 {row} 行及以下为空，表头应在第 {row} 行，至少包含 {columns}",
    ),
    "table.not_utf8": (
        "this line is not UTF-8 text; save the file as CSV UTF-8",
        "此行不是 UTF-8 文本，请将文件另存为 CSV UTF-8 格式",
    ),
    "table.bad_csv": ("the CSV cannot be read: {detail}", "无法读取该 CSV 文件：{detail}"),
    "table.line_too_long": (
        "this line is longer than {limit} characters; it is not a row of a table",
        "此行超过 {limit} 个字符，不是表格中的一行",
    ),
    "table.no_openpyxl": (
        "reading .xlsx files needs openpyxl: run `pip install 'journey-cr[xlsx]'`, "
        "or save the sheet as CSV UTF-8",
        "读取 .xlsx 文件需要 openpyxl：请运行 `pip install 'journey-cr[xlsx]'`，"
        "或将表格另存为 CSV UTF-8",
    ),
    "table.bad_xlsx": (
        "cannot read the workbook ({detail}); is it an .xlsx file saved by Excel or WPS?",
        "无法读取该工作簿（{detail}），请确认它是 Excel 或 WPS 保存的 .xlsx 文件",
    ),
    "table.no_sheet": (
        "the workbook has no worksheet `{value}`; its worksheets are {sheets}",
        "工作簿中没有名为 `{value}` 的工作表；现有工作表：{sheets}",
    ),
    "table.no_worksheet": (
        "the workbook holds no worksheet (only chart sheets, or none); put the table on a "
        "worksheet",
        "工作簿中没有工作表（只有图表工作表或为空），请将表格放在普通工作表中",
    ),
    "table.more": (
        "and {count} more {count|problem|problems} in this file not shown; fix the ones "
        "above and run again",
        "此文件还有 {count} 个问题未显示；请先修正以上问题后再次运行",
    ),
    # The header
    "table.missing_column": (
        "the header has no `{column}` column; the columns needed are {columns}",
        "表头缺少 `{column}` 列；必需的列为 {columns}",
    ),
    "table.duplicate_column": (
        "the column `{column}` appears twice in the header; keep one",
        "表头中 `{column}` 列出现了两次，请只保留一个",
    ),
    "table.unknown_column": (
        "unknown column `{column}`; it is ignored",
        "未知列 `{column}`，将被忽略",
    ),
    # Cells
    "table.required": (
        "this cell is empty; every row needs a value here",
        "此单元格为空，每一行都必须填写",
    ),
    "table.control_char": (
        "the cell holds the control character {char}; delete it",
        "单元格中有控制字符 {char}，请删除",
    ),
    "table.line_break": (
        "the cell holds a line break (Alt+Enter in Excel); keep each cell on one line",
        "单元格中有换行（Excel 中的 Alt+Enter），请将内容写在一行内",
    ),
    "table.bad_date": (
        "`{value}` is not a date; write it as YYYY-MM-DD, e.g. 2026-10-20",
        "`{value}` 不是有效日期，请写成 YYYY-MM-DD 格式，例如 2026-10-20",
    ),
    "table.bad_datetime": (
        "`{value}` is not a date and time; write it as YYYY-MM-DD HH:MM, e.g. 2026-10-20 09:30",
        "`{value}` 不是有效的日期时间，请写成 YYYY-MM-DD HH:MM 格式，例如 2026-10-20 09:30",
    ),
    "table.bad_int": ("`{value}` is not a whole number", "`{value}` 不是整数"),
    "table.bad_number": ("`{value}` is not a number", "`{value}` 不是数字"),
    "table.out_of_range": (
        "`{value}` is outside the allowed range {low} to {high}",
        "`{value}` 超出允许范围 {low} 至 {high}",
    ),
    "table.not_one_of": (
        "`{value}` is not allowed here; use one of {choices}",
        "`{value}` 不是允许的值，可选：{choices}",
    ),
    "table.bad_link": (
        "`{value}` is neither an https:// address nor a relative path inside the project folder",
        "`{value}` 既不是 https:// 网址，也不是项目文件夹内的相对路径",
    ),
    "table.unknown_value": ("unknown {what} `{value}`", "未知的{what} `{value}`"),
    "table.unknown_in": (
        "unknown {what} `{value}`; use one of {choices}",
        "未知的{what} `{value}`，可选：{choices}",
    ),
    "table.before": (
        "{column} {value} is before {other} {other_value}; check both",
        "{column} {value} 早于 {other} {other_value}，请核对",
    ),
    "table.duplicate_id": (
        "the id `{value}` is already used at {other}; every row needs its own id",
        "编号 `{value}` 已在 {other} 使用，每一行的编号必须唯一",
    ),
    "what.value": ("value", "值"),
    "what.building": ("building", "楼栋"),
}
