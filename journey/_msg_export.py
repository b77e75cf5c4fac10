"""Messages of the lists for the field and the status workbook: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table. `column.*` are the
headers journey writes, and also the headers the status workbook is read by.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The status workbook as an input
    "statusbook.format": (
        "the status workbook `{value}` must be an .xlsx file (`journey export status` writes one)",
        "状态工作簿 `{value}` 必须是 .xlsx 文件（可用 `journey export status` 生成）",
    ),
    "statusbook.missing": (
        "the status workbook `{value}` does not exist (paths are relative to the project folder)",
        "状态工作簿 `{value}` 不存在（路径相对于项目文件夹）",
    ),
    "statusbook.unknown_id": (
        "unknown {what} `{value}`; check the id against `journey catalog list`",
        "未知的{what} `{value}`，请用 `journey catalog list` 核对编号",
    ),
    "statusbook.wrong_sheet": (
        "`{value}` is a {what}; its row belongs on the `{sheet}` sheet",
        "`{value}` 是{what}，应填在 `{sheet}` 工作表中",
    ),
    "statusbook.twice": (
        "`{value}` has a status here and in the status workbook at {other}; keep one of the two",
        "`{value}` 在此处和状态工作簿 {other} 中都有状态，请只保留一处",
    ),
    "statusbook.per_building": (
        "`{value}` is not a result per building; write each as building: status, e.g. "
        "`T6: fail; T5: n/a`",
        "`{value}` 不是分楼栋结果，请按“楼栋：状态”填写，例如 `T6：不通过；T5：不适用`",
    ),
    "statusbook.building_twice": (
        "the building `{value}` has two results here; keep one",
        "楼栋 `{value}` 在此处有两个结果，请只保留一个",
    ),
    "what.sheet_risks": ("risks", "风险"),
    "what.sheet_checks": ("checks", "检查项"),
    "what.sheet_tasks": ("tasks", "计划任务"),
    # `journey export`
    "export.no_openpyxl": (
        "writing .xlsx workbooks needs openpyxl: run `pip install 'journey-cr[xlsx]'`, or "
        "export a folder of CSV files with `--format csv`",
        "生成 .xlsx 工作簿需要 openpyxl：请运行 `pip install 'journey-cr[xlsx]'`，"
        "或用 `--format csv` 导出 CSV 文件夹",
    ),
    "export.not_xlsx": (
        "the workbook {path} needs a name ending in .xlsx (Excel opens nothing else as a "
        "workbook); for CSV files use `--format csv` and a folder",
        "工作簿 {path} 的文件名须以 .xlsx 结尾（否则 Excel 无法打开）；导出 CSV 请用 "
        "`--format csv` 并指定文件夹",
    ),
    "export.csv_not_folder": (
        "with `--format csv`, {path} must be a folder (one CSV file per sheet is written in "
        "it), but it is a file",
        "使用 `--format csv` 时 {path} 应为文件夹（每个工作表写成其中一个 CSV 文件），但它是文件",
    ),
    "export.unknown_by": (
        "`--by {value}` does not apply to the {list} list; use one of {choices}",
        "{list} 清单不支持 `--by {value}`，可选：{choices}",
    ),
    "export.no_by": (
        "the {list} list takes no `--by`; its sheets are always the same",
        "{list} 清单不支持 `--by` 选项，其工作表划分是固定的",
    ),
    "export.findings_changed": (
        "the findings files changed while the list was written ({rows} rows read again, "
        "{expected} expected); run the export again",
        "导出过程中问题记录文件发生了变化（再次读取 {rows} 行，应为 {expected} 行），请重新导出",
    ),
    "export.too_many_sheets": (
        "the list would have {count} sheets, one per {what}; journey writes at most {limit}: "
        "check the {what} names for several spellings of one name, or split the list with "
        "another `--by`",
        "清单将有 {count} 个工作表（每个{what}一个），超过上限 {limit}：请检查{what}名称是否有"
        "同一单位的不同写法，或用 `--by` 换一种分表方式",
    ),
    "what.contractor": ("contractor", "责任单位"),
    "export.written": (
        "wrote {path}: {sheets} {sheets|sheet|sheets}, {rows} {rows|row|rows}",
        "已写入 {path}：{sheets} 个工作表，{rows} 行",
    ),
    "export.stale": (
        "{folder} also holds {count} CSV {count|file|files} this export did not write "
        "({files}); they are left as they are",
        "{folder} 中另有 {count} 个本次导出未写入的 CSV 文件（{files}），未作改动",
    ),
    # Sheet names and words in the lists
    "sheet.summary": ("summary", "汇总"),
    "sheet.actions": ("actions", "责任清单"),
    "sheet.no_contractor": ("(no contractor)", "（未填责任单位）"),
    "sheet.no_owner": ("(no owner)", "（未指定专业）"),
    "actions.kind.risk": ("risk", "风险"),
    "actions.kind.check": ("check", "检查项"),
    "actions.kind.task": ("task", "计划任务"),
    "actions.kind.findings": ("findings", "问题整改"),
    "actions.kind.milestone": ("milestone", "关键节点"),
    "actions.kind.other": ("other", "其他"),
    "finding.open": ("open", "待整改"),
    "finding.rectified": ("rectified", "已整改待复验"),
    "finding.verified": ("verified", "已复验"),
    "finding.reopened": ("reopened", "返修"),
    "finding.disputed": ("disputed", "有争议"),
    # Column headers
    "column.id": ("id", "编号"),
    "column.title": ("title", "名称"),
    "column.owner": ("owner", "责任专业"),
    "column.rating": ("rating", "风险评级"),
    "column.status": ("status", "状态"),
    "column.likelihood": ("likelihood", "可能性"),
    "column.impact": ("impact", "影响程度"),
    "column.assignee": ("assignee", "责任人"),
    "column.due": ("due", "完成时限"),
    "column.evidence": ("evidence", "证据"),
    "column.note": ("note", "备注"),
    "column.checklist": ("checklist", "所属检查表"),
    "column.blocking": ("blocking", "否决项"),
    "column.buildings": ("per building", "分楼栋结果"),
    "column.checked": ("checked", "检查日期"),
    "column.by": ("checked by", "检查人"),
    "column.finish": ("scheduled finish", "计划完成日期"),
    "column.done": ("done on", "完成日期"),
    "column.building": ("building", "楼栋"),
    "column.unit": ("unit", "房号"),
    "column.room": ("room", "部位"),
    "column.item": ("item", "检查项编号"),
    "column.item_title": ("item title", "检查项"),
    "column.description": ("description", "问题描述"),
    "column.photo": ("photo", "照片"),
    "column.found": ("found", "登记日期"),
    "column.fix_by": ("due", "整改期限"),
    "column.days_open": ("days open", "问题存续天数"),
    "column.days_overdue": ("days overdue", "超期天数"),
    "column.contractor": ("contractor", "责任单位"),
    "column.rank": ("rank", "排名"),
    "column.open": ("open", "未关闭"),
    "column.overdue": ("overdue", "已超期"),
    "column.reopened": ("reopened", "返修"),
    "column.kind": ("kind", "类型"),
    "column.needed_by": ("needed by", "节点日期"),
    "column.severity": ("severity", "严重程度"),
    "column.gates": ("blocks gates", "影响的节点准入"),
    "column.reason": ("what is wrong", "问题说明"),
}
