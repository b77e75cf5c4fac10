"""Messages about batches, the unit register, the numbers and scoring: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Batches in project.yaml
    "batch.twice": (
        "the batch id `{value}` is used twice (first on line {first_line})",
        "批次编号 `{value}` 重复使用（第一次在第 {first_line} 行）",
    ),
    "batch.building_twice": (
        "building `{value}` is already in batch `{other}`; every building belongs to exactly "
        "one batch",
        "楼栋 `{value}` 已在批次 `{other}` 中；每栋楼只能属于一个批次",
    ),
    "batch.building_unknown": (
        "building `{value}` is not in the project's `buildings:` list",
        "楼栋 `{value}` 不在项目的 `buildings:` 列表中",
    ),
    "batch.building_none": (
        "{count|building|buildings} {value} {count|is|are} in no batch; every building belongs "
        "to exactly one batch",
        "{count} 栋楼（{value}）不属于任何批次；每栋楼必须且只能属于一个批次",
    ),
    "batch.milestone_unknown": (
        "the batch milestone `{value}` is not one of the project's milestones ({known})",
        "批次关键节点 `{value}` 不是项目的关键节点（{known}）",
    ),
    "batch.check_building": (
        "building `{value}` is not in the project's `buildings:` list; a result per building "
        "names a listed building",
        "楼栋 `{value}` 不在项目的 `buildings:` 列表中；分楼栋结果只能针对已列出的楼栋",
    ),
    "batch.unknown": (
        "the project has no batch `{value}`; its batches are {choices}",
        "项目没有批次 `{value}`；现有批次：{choices}",
    ),
    "batch.none": (
        "the project has no batches; --batch needs `batches:` in project.yaml",
        "项目未分批；使用 --batch 需要在 project.yaml 中设置 `batches:`",
    ),
    # The unit register
    "units.twice": (
        "unit {unit} of {building} is already listed on line {first}",
        "{building} {unit} 已在第 {first} 行列出",
    ),
    "units.personal_column": (
        "the unit register lists homes, never people: remove the column `{column}` (names and "
        "phone numbers stay in the CRM)",
        "房屋台账只登记房屋，不登记个人信息：请删除 `{column}` 列（姓名、电话留在客户系统中）",
    ),
    "units.personal_value": (
        "this looks like a mobile phone number; the unit register holds homes, never people",
        "此处疑似手机号码；房屋台账只登记房屋，不登记个人信息",
    ),
    "units.tag_spelling": (
        "unknown tag `{value}`; kept as it is written",
        "未知标签 `{value}`，将按原文保留",
    ),
    "units.missing": (
        "the unit register `{value}` does not exist",
        "房屋台账 `{value}` 不存在",
    ),
    # The numbers (SPEC §12) and the rules that judge them
    "metric.findings": ("findings", "问题数"),
    "metric.homes_inspected": ("homes inspected", "查验户数"),
    "metric.findings_per_home": ("findings per home", "户均问题数"),
    "metric.rectification_rate": ("rectification rate", "整改销项率"),
    "metric.reopened_share": ("reopened share", "返修率"),
    "metric.days_to_close_mean": ("mean days to close", "平均关闭天数"),
    "metric.days_to_close_p90": ("days to close (90th percentile)", "关闭天数（90分位）"),
    "metric.overdue_share": ("overdue share", "超期率"),
    "metric.score": ("assessment score", "交付评估得分"),
    "gate.title.kpi-at-least": ("The numbers reach their targets", "关键指标达到目标"),
    "gate.title.score-at-least": (
        "The assessment score reaches the pass score",
        "交付评估得分达到合格线",
    ),
    "gate.reason.kpi_below": (
        "{metric} is {value}, below the target {bound} ({findings} findings)",
        "{metric}为 {value}，低于目标 {bound}（共 {findings} 条问题）",
    ),
    "gate.reason.kpi_above": (
        "{metric} is {value}, above the limit {bound} ({findings} findings)",
        "{metric}为 {value}，高于上限 {bound}（共 {findings} 条问题）",
    ),
    "gate.reason.score_below": (
        "scored {score}, below the pass score {needed} (mean of {homes} homes inspected)",
        "得分 {score}，低于合格分 {needed}（{homes} 户查验的平均分）",
    ),
    "gate.reason.no_scoring": (
        "the catalog has no `scoring` file, so there is no score to judge",
        "标准库中没有 `scoring` 评分文件，无法计算得分",
    ),
    # Gate output
    "gate.text.batches": ("Batches", "批次"),
    "gate.text.batch_line": (
        "{batch} ({buildings}) · {milestone} {date}: {verdict}, {failed} {failed|rule fails|rules fail}",
        "{batch}（{buildings}）· {milestone} {date}：{verdict}，{failed} 条规则未通过",
    ),
    "gate.text.one_batch": ("batch {batch}", "批次 {batch}"),
    "gate.text.numbers": ("Numbers", "关键指标"),
    "num.scope": ("scope", "范围"),
    "num.project": ("project", "项目"),
    "num.findings": ("findings", "问题数"),
    "num.homes": ("homes", "查验户数"),
    "num.per_home": ("per home", "户均"),
    "num.rate": ("rectified", "销项率"),
    "num.reopened": ("reopened", "返修率"),
    "num.days": ("days to close (mean / p90)", "关闭天数（均值/90分位）"),
    "num.overdue": ("overdue", "超期率"),
    "num.score": ("score", "评估得分"),
    "gate.md.batch": ("Batch", "批次"),
    "gate.md.buildings": ("Buildings", "楼栋"),
    "gate.md.date": ("Date", "日期"),
    # Reports
    "head.batch": ("batch {batch} ({buildings})", "批次 {batch}（{buildings}）"),
    "plan.numbers": ("The numbers", "关键指标"),
    "plan.key_customers": ("Key customers", "重点客户"),
    "plan.key_note": (
        "{count} tagged {count|home|homes} of {homes}; {held} {held|home is|homes are} held back "
        "for now.",
        "共 {homes} 户，其中 {count} 户为重点客户；目前暂缓交付 {held} 户。",
    ),
    "plan.no_key_customers": (
        "No unit register with customer tags: list the key customers in `units:`.",
        "尚无带客户标签的房屋台账：请在 `units:` 中列出重点客户。",
    ),
    "plan.unit": ("Unit", "房号"),
    "plan.tags": ("Tags", "标签"),
    "plan.handover": ("Handover", "交付"),
    "home.deliverable": ("deliverable", "可交付"),
    "home.hold": ("hold", "暂缓交付"),
    "home.blocking": (
        "{count} open on a blocking item (first {first})",
        "否决项未关闭 {count} 条（首条 {first}）",
    ),
    "home.disputed": ("{count} disputed", "争议 {count} 条"),
    "tag.key": ("key customer", "重点客户"),
    "tag.complained-before": ("complained before", "曾投诉"),
    "tag.media": ("media", "媒体"),
    "tag.group-organiser": ("group organiser", "群诉组织者"),
    "tag.lawyer": ("lawyer", "律师"),
    "tag.elderly": ("elderly", "老人"),
    "graph.batch_needs_project": (
        "--batch names a batch of a project: give the project with --project",
        "--batch 指的是项目的批次，请同时用 --project 指定项目",
    ),
    # journey export units
    "export.units_sheet": ("homes", "房屋"),
    "column.floor": ("floor", "楼层"),
    "column.area": ("area (m²)", "面积（m²）"),
    "column.type": ("layout", "户型"),
    "column.tags": ("tags", "客户标签"),
    "column.open_findings": ("open findings", "未关闭问题"),
    "column.handover": ("handover", "交付"),
    "column.hold_reasons": ("why held back", "暂缓原因"),
}
