"""Messages about project files, findings and waivers: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # project.yaml
    "project.not_project": (
        "this is a `{value}` file; a project folder needs `kind: project` in project.yaml",
        "这是 `{value}` 类型的文件；项目文件夹中的 project.yaml 应写 `kind: project`",
    ),
    "project.no_file": (
        "there is no project.yaml in this folder; run `journey init {folder}` to create one",
        "此文件夹中没有 project.yaml，可运行 `journey init {folder}` 创建",
    ),
    "project.unknown_id": (
        "unknown {what} `{value}`; check the id against `journey catalog list`",
        "未知的{what} `{value}`，请用 `journey catalog list` 核对编号",
    ),
    "project.wrong_section": (
        "`{value}` is a {what}, not a {expected}; move it under `{section}:`",
        "`{value}` 是{what}，不是{expected}，请移到 `{section}:` 下",
    ),
    "project.point_here": (
        "`{value}` is a sensitive point, which takes no status of its own; record the risks "
        "and checks that cover it under `risks:` and `checks:`",
        "`{value}` 是客户敏感点，本身没有状态；请在 `risks:` 和 `checks:` 下记录覆盖它的风险和检查项",
    ),
    "project.gate_record": (
        "record a gate passed with `passed: YYYY-MM-DD` and `by: NAME`, or per batch under "
        "`batches:`",
        "记录已通过的节点准入请写 `passed: YYYY-MM-DD` 和 `by: 姓名`，或在 `batches:` 下按批次记录",
    ),
    "project.gate_passed_later": (
        "recorded as passed on {day}, after the as-of day {as_of}: as of that day it had not "
        "passed yet, so the record is set aside",
        "记录的通过日期 {day} 晚于评估日期 {as_of}：截至该日尚未通过，本条记录不予采用",
    ),
    "project.score_range": (
        "{field} must be between 1 and {max} (the risk matrix scale)",
        "{field} 必须在 1 到 {max} 之间（风险矩阵的等级）",
    ),
    "project.unknown_milestone": (
        "unknown milestone `{value}`: the catalog schedules tasks and gates from "
        "`{expected}`, which this project does not set",
        "未知关键节点 `{value}`：标准库以 `{expected}` 为基准安排任务和节点准入，但本项目未设置该关键节点",
    ),
    "project.milestone_for_tasks": (
        "no `{value}` milestone: {count} plan {count|task|tasks} ({tasks}) {count|is|are} scheduled from it and "
        "cannot be placed; add `{value}: YYYY-MM-DD` under `milestones:`",
        "缺少关键节点 `{value}`：{count} 项计划任务（{tasks}）以它为基准排期，无法排期；"
        "请在 `milestones:` 下添加 `{value}: YYYY-MM-DD`",
    ),
    "project.milestone_for_gates": (
        "no `{value}` milestone: the {gates|gate|gates} {gates} {gates|is|are} checked against it; "
        "add `{value}: YYYY-MM-DD` under `milestones:`",
        "缺少关键节点 `{value}`：节点准入 {gates} 以它为检查基准；"
        "请在 `milestones:` 下添加 `{value}: YYYY-MM-DD`",
    ),
    "project.extra_clash": (
        "the project risk id `{value}` is already used by the catalog ({other}); "
        "give the project risk an id of its own",
        "项目风险编号 `{value}` 已被标准库使用（{other}），请为项目风险另起编号",
    ),
    "project.extra_twice": (
        "the project risk id `{value}` is used twice (first at line {first_line})",
        "项目风险编号 `{value}` 使用了两次（第一次在第 {first_line} 行）",
    ),
    "project.duplicate_building": (
        "the building `{value}` is listed twice (first at line {first_line}); keep one",
        "楼栋 `{value}` 列出了两次（第一次在第 {first_line} 行），请只保留一个",
    ),
    "project.findings_missing": (
        "the findings file `{value}` does not exist; paths are relative to the project folder",
        "问题记录文件 `{value}` 不存在；路径相对于项目文件夹",
    ),
    "project.findings_twice": (
        "the findings file `{value}` is listed twice; list it once",
        "问题记录文件 `{value}` 列出了两次，请只保留一个",
    ),
    "project.findings_same": (
        "`{value}` is the findings file already listed as `{other}` (line {first_line}); "
        "list it once",
        "`{value}` 与第 {first_line} 行列出的 `{other}` 是同一个问题记录文件，请只保留一个",
    ),
    "project.findings_not_regular": (
        "the findings file `{value}` is not a regular file (a pipe, a device or a folder)",
        "问题记录文件 `{value}` 不是普通文件（而是管道、设备或文件夹）",
    ),
    "project.findings_unreadable": (
        "cannot read the findings file `{value}`: {reason}",
        "无法读取问题记录文件 `{value}`：{reason}",
    ),
    # Waivers
    "waiver.unknown_target": (
        "the waiver targets `{value}`, which is neither a catalog or project item id "
        "nor the id of a gate rule",
        "特批对象 `{value}` 既不是标准库或项目中的条目编号，也不是准入规则编号",
    ),
    "waiver.expired": (
        "the waiver for `{target}` expired on {expires}; it no longer applies — renew it "
        "with a new approval or remove it",
        "`{target}` 的特批已于 {expires} 到期，不再生效；请重新审批续期或删除",
    ),
    "waiver.expiring": (
        "the waiver for `{target}` expires on {expires}, in {days} {days|day|days}; renew it in "
        "time or close the item",
        "`{target}` 的特批将于 {expires} 到期（还剩 {days} 天），请及时续期或关闭该条目",
    ),
    # Findings files
    "findings.after_as_of": (
        "{count} {count|finding was|findings were} found after the as-of date {as_of}; they count as 0 days old",
        "有 {count} 条问题的发现日期晚于评估日期 {as_of}，按 0 天计算问题存续天数",
    ),
    # journey init
    "init.exists": (
        "{path} already exists; journey init never overwrites a project — "
        "choose another folder or edit that file",
        "{path} 已存在；journey init 不会覆盖已有项目，请换一个文件夹或直接编辑该文件",
    ),
    "init.cannot_write": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "init.written": ("wrote {files}", "已写入 {files}"),
    "init.next": (
        "next: edit {path}, then run `journey validate {folder}`",
        "下一步：编辑 {path}，然后运行 `journey validate {folder}`",
    ),
    # Words used inside messages
    "what.risk": ("risk", "风险"),
    "what.check_item": ("checklist item", "检查项"),
    "what.task": ("plan task", "计划任务"),
}
