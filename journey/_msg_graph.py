"""Messages about the responsibility graph and its checks: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Checks run by `journey validate`
    "graph.cycle": (
        "dependency cycle {cycle}: each item waits for the next, so none of them can ever "
        "be done first; remove one of these dependencies",
        "依赖循环 {cycle}：每一项都在等待下一项，任何一项都无法先完成；请删除其中一个依赖",
    ),
    "graph.cycle_more": (
        "{count} more {count|item depends|items depend} on one another in further cycles through `{value}`; "
        "fix the cycles above and run again to see them",
        "还有 {count} 个条目经由 `{value}` 形成其他依赖循环；请先修复上面的循环后重新运行查看",
    ),
    "graph.uncovered_red_line": (
        "the red-line sensitive point `{value}` is covered by no risk or checklist item; "
        "name it in the `points` of the risk that threatens it or of the check that guards it",
        "红线敏感点 `{value}` 没有任何风险或检查项覆盖；请在威胁它的风险或把关它的检查项的 "
        "`points` 中列出它",
    ),
    "graph.uncovered_point": (
        "the risk-kind sensitive point `{value}` is covered by no risk or checklist item; "
        "name it in the `points` of the risk that threatens it or of the check that guards it",
        "风险类敏感点 `{value}` 没有任何风险或检查项覆盖；请在威胁它的风险或把关它的检查项的 "
        "`points` 中列出它",
    ),
    "graph.depends_on_point": (
        "`{value}` is a sensitive point, not a piece of work that can be done; "
        "list it under `points` instead of `depends_on`",
        "`{value}` 是敏感点而不是一项可完成的工作；请把它列在 `points` 下，而不是 `depends_on` 下",
    ),
    "graph.later_stage": (
        "`{value}` (stage {stage}) depends on `{other}` of the later stage {other_stage}; "
        "work cannot wait for a later stage, so check the dependency or the stages",
        "`{value}`（{stage} 阶段）依赖于更晚阶段 {other_stage} 的 `{other}`；"
        "工作不能等待更晚的阶段，请检查该依赖或阶段设置",
    ),
    "graph.level_gap": (
        "`{value}` applies from level {level} but depends on `{other}`, which applies only "
        "from the higher level {other_level}; projects at {level} are never assessed on "
        "`{other}`, so lower its level or drop the dependency",
        "`{value}` 自 {level} 等级起适用，却依赖于仅自更高等级 {other_level} 起适用的 `{other}`；"
        "{level} 等级的项目不会评估 `{other}`，请降低其适用等级或删除该依赖",
    ),
    "graph.plan_order": (
        "`{value}` is planned to start {start} days from `{anchor}`, before `{other}`, which it "
        "depends on, is planned to finish ({finish} days); every project will see `{value}` "
        "pushed late, so adjust the offsets",
        "`{value}` 计划在 `{anchor}` 的第 {start} 天开始，早于其依赖的 `{other}` 计划完成的第 "
        "{finish} 天；每个项目中 `{value}` 都会被顺延，请调整偏移天数",
    ),
    "graph.case_uncaught": (
        "the defect case `{value}` is linked to no checklist item, so nothing stops it being "
        "built again; list in its `items` the design-review or acceptance item that catches "
        "it, or name the case in that item's `cases`",
        "缺陷案例 `{value}` 未关联任何检查项，无法防止同一缺陷再次发生；请在案例的 `items` "
        "中列出能发现或预防它的图纸审查（前期介入）或模拟验收检查项，或在该检查项的 `cases` "
        "中引用此案例",
    ),
    # Defect cases: what they may name
    "case.not_check_item": (
        "`{value}` is not a checklist item; a defect case is caught by checklist items "
        "(design review, acceptance, open day), so list one of those",
        "`{value}` 不是检查项；缺陷案例应由检查项（图纸审查、模拟验收、开放日）发现或预防，"
        "请列出相应的检查项",
    ),
    "what.case": ("defect case", "缺陷案例"),
    # How `catalog list` and `catalog show` name a defect case and its fields
    "catalog.kind.cases": ("defect cases", "缺陷案例"),
    "catalog.field.problem": ("problem", "问题描述"),
    "catalog.field.harm": ("harm", "危害"),
    "catalog.field.cause": ("cause", "原因分析"),
    "catalog.field.requirement": ("requirement", "专业要求"),
    "catalog.field.standard": ("standard", "固化标准条款"),
    "catalog.field.prevent_stage": ("prevent at stage", "预防阶段"),
    "catalog.field.seen_on": ("seen on projects", "发生项目"),
    "catalog.field.cases": ("defect cases", "关联缺陷案例"),
    "catalog.field.linked_items": ("caught by", "发现或预防它的检查项"),
    "catalog.field.linked_cases": ("catches defect cases", "可发现或预防的缺陷案例"),
    "catalog.field.defect_cases": ("defect cases", "相关缺陷案例"),
    # `journey graph`
    "graph.unknown_focus": (
        "--focus: no item has the id `{value}`",
        "--focus：没有编号为 `{value}` 的条目",
    ),
    "graph.focus_level": (
        "--focus: `{value}` applies from the `{level}` level up, and this project is at "
        "`{project}`: it is not in the project's graph",
        "--focus：`{value}` 从 `{level}` 等级起适用，本项目为 `{project}` 等级，"
        "它不在本项目的依赖图中",
    ),
    "graph.unknown_stage": (
        "--stage: unknown stage `{value}`; choose from {choices}",
        "--stage：未知阶段 `{value}`，可选：{choices}",
    ),
    "graph.unknown_milestone": (
        "--milestone: the project has no milestone `{value}`; it has {choices}",
        "--milestone：项目中没有关键节点 `{value}`，现有关键节点：{choices}",
    ),
    "graph.title": (
        "{catalog} {version}: {items} {items|item|items}, {edges} {edges|dependency|dependencies}",
        "{catalog} {version}：{items} 个条目，{edges} 个依赖",
    ),
    "graph.stages": ("Items per stage", "各阶段条目数"),
    "graph.stage_header": (
        "stage | points | risks | checks | tasks | cases",
        "阶段 | 敏感点 | 风险 | 检查项 | 任务 | 缺陷案例",
    ),
    "graph.entry_header": (
        "id | kind | owner | stage | status",
        "编号 | 类型 | 负责专业 | 阶段 | 状态",
    ),
    "graph.critical_header": (
        "forecast | id | owner | status",
        "预计起止 | 编号 | 负责专业 | 状态",
    ),
    "graph.no_stage": ("(no stage)", "（无阶段）"),
    "graph.handoffs": (
        "Hand-offs between professions (row hands work to column: an item owned by the "
        "column depends on an item owned by the row)",
        "专业间交接（行向列交接：列专业负责的条目依赖于行专业负责的条目）",
    ),
    "graph.handoffs_none": ("no hand-offs", "无交接"),
    "graph.warnings": ("Warnings ({count})", "警告（{count} 项）"),
    "graph.none": ("none", "无"),
    "graph.focus": ("Focus: {value} ({owner}, {status})", "关注：{value}（{owner}，{status}）"),
    "graph.upstream": (
        "Upstream — what {value} waits for ({count})",
        "上游——{value} 所等待的工作（{count} 项）",
    ),
    "graph.downstream": (
        "Downstream — what {value} holds up ({count})",
        "下游——{value} 所阻碍的工作（{count} 项）",
    ),
    "graph.blocked": (
        "Blocked items — open items waiting for open upstream items ({count})",
        "受阻条目——等待未完成上游工作的未完成条目（{count} 项）",
    ),
    "graph.blocked_by": ("waits for", "等待"),
    "graph.critical": (
        "Critical path to {milestone} ({date}) from {as_of}",
        "自 {as_of} 至 {milestone}（{date}）的关键路径",
    ),
    "graph.critical_end": (
        "forecast finish {finish}: {slack} {slack|day|days} of slack",
        "预计完成 {finish}：富余 {slack} 天",
    ),
    "graph.critical_late": (
        "forecast finish {finish}: {late} {late|day|days} late",
        "预计完成 {finish}：延误 {late} 天",
    ),
    "graph.critical_none": (
        "nothing open stands before {milestone}",
        "{milestone} 之前没有未完成的工作",
    ),
}
