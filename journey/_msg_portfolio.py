"""Messages about results over time and across projects (SPEC §14): what-if, `journey
diff` and `journey portfolio`: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # What-if: --milestone NAME=DATE
    "whatif.bad_spec": (
        "`--milestone {value}`: give NAME=DATE, such as open_day=2026-11-05",
        "`--milestone {value}`：请写成 关键节点=日期，例如 open_day=2026-11-05",
    ),
    "whatif.bad_date": (
        "`--milestone {value}`: `{date}` is not a date (YYYY-MM-DD)",
        "`--milestone {value}`：`{date}` 不是有效日期（YYYY-MM-DD）",
    ),
    "whatif.twice": (
        "`--milestone` gives milestone `{value}` twice; give each milestone once",
        "`--milestone` 两次给出关键节点 `{value}`，每个关键节点只能给一次",
    ),
    "whatif.unknown": (
        "`--milestone {value}`: neither the project nor the catalog has a milestone `{name}`; "
        "known milestones: {choices}",
        "`--milestone {value}`：项目和标准库中都没有关键节点 `{name}`；现有关键节点：{choices}",
    ),
    "whatif.title": ("What-if: {moves}", "假设推演：{moves}"),
    "whatif.moved": ("{milestone} {was} → {date}", "{milestone} 由 {was} 调整为 {date}"),
    "whatif.no_date": ("(no date)", "（未定）"),
    "whatif.in_batch": ("in batch {batch}", "（批次 {batch}）"),
    "whatif.shadowed": (
        "({batches} {count|keeps its|keep their} own date)",
        "（{count} 个批次 {batches} 仍按本批次日期）",
    ),
    "graph.whatif_needs_project": (
        "--milestone NAME=DATE moves a milestone of a project: give the project with --project",
        "--milestone 关键节点=日期 调整的是项目的关键节点，请同时用 --project 指定项目",
    ),
    "graph.milestone_twice": (
        "--milestone names the critical path's milestone more than once ({values}); give one "
        "NAME, and NAME=DATE for a what-if",
        "--milestone 多次指定关键路径的关键节点（{values}）；只能给一个关键节点名，"
        "假设推演请写成 关键节点=日期",
    ),
    # journey diff
    "diff.too_large": (
        "the file is {size} bytes, too large for a gate result",
        "文件大小为 {size} 字节，不像是节点准入结果",
    ),
    "diff.not_utf8": (
        "the file is not UTF-8 text; give a result written by `journey gate -o json`",
        "文件不是 UTF-8 文本；请给出 `journey gate -o json` 写出的结果",
    ),
    "diff.not_json": (
        "not JSON ({detail}); give a result written by `journey gate -o json`",
        "不是 JSON（{detail}）；请给出 `journey gate -o json` 写出的结果",
    ),
    "diff.not_result": (
        "not a gate result: it has no `schema: {expected}`; give a result written by "
        "`journey gate -o json`",
        "不是节点准入结果：没有 `schema: {expected}`；请给出 `journey gate -o json` 写出的结果",
    ),
    "diff.schema": (
        "the result has schema `{value}`; this journey compares `{expected}`",
        "结果的格式为 `{value}`；本版本 journey 只能对比 `{expected}`",
    ),
    "diff.missing": (
        "the field `{field}` is missing; is this file a whole `journey gate -o json` result?",
        "缺少字段 `{field}`；该文件是完整的 `journey gate -o json` 结果吗？",
    ),
    "diff.bad_value": (
        "unexpected value; is this file a `journey gate -o json` result, unedited?",
        "取值不符合预期；该文件是未经修改的 `journey gate -o json` 结果吗？",
    ),
    "diff.other_batch": (
        "the results are of different batches (`{old}` and `{new}`); compare results of one "
        "batch, or of the whole project",
        "两个结果属于不同批次（`{old}` 与 `{new}`），只能对比同一批次或整个项目的结果",
    ),
    "diff.other_gate": (
        "the results are of different gates (`{old}` and `{new}`); compare two results of one gate",
        "两个结果属于不同的节点准入（`{old}` 与 `{new}`），只能对比同一节点准入的两次结果",
    ),
    "diff.head": ("Gate {gate}: {title} — changes", "节点准入 {gate}：{title} — 前后对比"),
    "diff.old": (
        "before: {file}, as of {as_of}: {verdict}",
        "之前：{file}，截至 {as_of}：{verdict}",
    ),
    "diff.new": (
        "now:    {file}, as of {as_of}: {verdict}",
        "现在：{file}，截至 {as_of}：{verdict}",
    ),
    "diff.other_project": (
        "note: the results are of different projects ({old}, {new})",
        "注意：两个结果属于不同项目（{old}、{new}）",
    ),
    "diff.old_what_if": (
        "note: the earlier result is a what-if (milestones moved)",
        "注意：之前的结果是假设推演（调整过关键节点）",
    ),
    "diff.new_what_if": (
        "note: the later result is a what-if (milestones moved)",
        "注意：现在的结果是假设推演（调整过关键节点）",
    ),
    "diff.verdict_changed": ("Verdict: {old} → {new}", "准入结论：{old} → {new}"),
    "diff.verdict_same": ("Verdict unchanged: {new}", "准入结论未变：{new}"),
    "diff.newly_blocking": ("Newly blocking ({count})", "新增阻碍项（{count}）"),
    "diff.resolved": ("Resolved ({count})", "已消除的阻碍项（{count}）"),
    "diff.still_blocking": ("Still blocking ({count})", "仍存在的阻碍项（{count}）"),
    "diff.waivers_added": ("Waivers added ({count})", "新增特批（{count}）"),
    "diff.waivers_expired": ("Waivers expired ({count})", "已过期的特批（{count}）"),
    "diff.waivers_renewed": ("Waivers renewed ({count})", "已续期的特批（{count}）"),
    "diff.waivers_removed": ("Waivers removed ({count})", "已撤销的特批（{count}）"),
    "diff.waiver_line": (
        "{target}: until {expires}, approved by {approved_by} — {reason}",
        "{target}：有效期至 {expires}，审批人 {approved_by} — {reason}",
    ),
    "diff.was_expires": ("(was until {date})", "（原有效期至 {date}）"),
    "diff.batches": ("Batches", "各批次"),
    "diff.batch_line": (
        "{batch}: {old} → {new}; {added} newly blocking, {resolved} resolved, {kept} still "
        "blocking",
        "{batch}：{old} → {new}；新增阻碍项 {added} 项，已消除 {resolved} 项，仍存在 {kept} 项",
    ),
    "diff.absent": ("(not in that result)", "（该结果中没有）"),
    "what.whole_project": ("the whole project", "整个项目"),
    "diff.one_batch": ("batch {batch} only", "仅批次 {batch}"),
    "diff.none": ("none", "无"),
    "diff.now.waived": ("now waived", "现已特批"),
    "diff.now.warns": ("now only a warning", "现仅为警告"),
    "diff.now.passes": ("now passes", "现已通过"),
    # journey portfolio
    "portfolio.no_folder": ("no folder {path}", "文件夹 {path} 不存在"),
    "portfolio.none": (
        "no project under {folders}: a project is a folder holding project.yaml, given "
        "itself or one level down",
        "{folders} 下没有项目：项目是含有 project.yaml 的文件夹（直接给出，或位于下一级）",
    ),
    "portfolio.no_project": (
        "no project here: neither this folder nor a folder directly inside it holds project.yaml",
        "此处没有项目：该文件夹及其下一级文件夹中都没有 project.yaml",
    ),
    "portfolio.duplicate_id": (
        "the project id `{value}` is also the id of {other}; project ids must be unique "
        "across the portfolio (this one was not evaluated)",
        "项目编号 `{value}` 与 {other} 重复；同一项目总览中项目编号必须唯一（本项目未评估）",
    ),
    "portfolio.cache_damaged": (
        "warning: the cache in the output folder is damaged or was not written by you; it "
        "was ignored and is rebuilt",
        "warning: 输出文件夹中的缓存已损坏或并非由您生成，已忽略并重建",
    ),
    "portfolio.cache_no_key": (
        "warning: no cache this time: its signing key cannot be kept in {folder}",
        "warning: 本次未使用缓存：无法在 {folder} 中保存缓存签名密钥",
    ),
    "portfolio.cache_other": (
        "the cache was made for another as-of date, catalog, set of gates or journey version; "
        "every project is read again",
        "缓存对应的截至日期、标准库、节点准入或 journey 版本不同，所有项目重新读取",
    ),
    "portfolio.written": (
        "{projects} {projects|project|projects} evaluated, {invalid} not ({read} read, {reused} "
        "taken from the cache); wrote {paths}",
        "已评估 {projects} 个项目，{invalid} 个未评估（读取 {read} 个，取自缓存 {reused} 个）；"
        "已写入 {paths}",
    ),
    "portfolio.progress": ("reading projects: {done}/{total}", "正在读取项目：{done}/{total}"),
    "portfolio.workers": (
        "{workers} worker {workers|process|processes}; the largest peaked at {peak} MiB",
        "{workers} 个工作进程；单个进程内存峰值 {peak} MiB",
    ),
    # The portfolio page
    "pf.title": ("Portfolio", "项目总览"),
    "pf.heading": ("{count} {count|project|projects}", "{count} 个项目"),
    "pf.fact.projects": ("Projects", "项目"),
    "pf.fact.invalid": ("Not evaluated", "未评估"),
    "pf.fact.recurring": ("Recurring items", "共性问题"),
    "pf.fact.uncovered": ("without a defect case", "未纳入缺陷案例库"),
    "pf.fact.red_lines": ("Open red lines", "未解除的红线"),
    "pf.fact.gates": ("Gates", "节点准入"),
    "pf.invalid": ("Not evaluated", "未评估"),
    "pf.invalid_note": (
        "These folders gave no valid project; they are not in the numbers below. Fix what is "
        "listed and run again.",
        "以下文件夹未能作为有效项目评估，未计入下方各项统计。请按所列问题修正后重新运行。",
    ),
    "pf.more_problems": ("… and {count} more", "……另有 {count} 个问题"),
    "pf.recurring": ("What recurs across projects", "共性问题（跨项目重复出现）"),
    "pf.recurring_note": (
        "Checklist items with findings on at least {count} projects, and sensitive points "
        "complained about on as many. Those that no defect case covers come first: write the "
        "case, with its requirement in the profession's language, and a design-review item, "
        "before the next project builds the defect again.",
        "在至少 {count} 个项目中都有问题记录的检查项，以及在同样多项目中被投诉的客户敏感点。"
        "未纳入缺陷案例库的排在前面：请补充缺陷案例，用专业语言写明要求，并在前期介入的设计评审中"
        "增加检查项，避免下一个项目再犯。",
    ),
    "pf.none_recurring": (
        "No item has findings on {count} or more projects.",
        "没有在 {count} 个及以上项目中重复出现的问题。",
    ),
    "pf.no_case": ("no defect case", "无缺陷案例"),
    "pf.red_lines": ("Open red lines", "未解除的红线"),
    "pf.red_lines_note": (
        "Red-line sensitive points of the stages each project has reached, held open by a risk "
        "not closed, a failed check or an open finding, whatever waivers say.",
        "各项目已进入阶段的红线客户敏感点中，因风险未关闭、检查未通过或问题未关闭而仍处于风险中的"
        "（不论是否特批）。",
    ),
    "pf.no_red_lines": ("No red line is held open.", "没有未解除的红线。"),
    "pf.matrix_note": (
        "A gate of a stage the project has not reached is shown faded: it is not due yet. "
        "A project handed over in batches shows each batch's verdict.",
        "项目尚未进入其阶段的节点准入以浅色显示（尚未到期）。分批交付的项目同时显示各批次结论。",
    ),
    "pf.not_due": ("not due yet", "尚未到期"),
    "pf.contractors": ("Contractors", "责任单位排名"),
    "pf.contractors_note": (
        "Ranked by open, overdue and reopened findings across every project; the first "
        "{shown} of {count}.",
        "按全部项目的未关闭、超期和返修问题数排名；共 {count} 家，显示前 {shown} 家。",
    ),
    "pf.no_contractors": ("No finding names a contractor.", "问题记录中没有责任单位。"),
    "pf.categories": ("Recurring categories", "重复出现的问题分类"),
    "pf.categories_note": (
        "The inspection system's own categories (the findings' `category` column) recorded "
        "on at least {count} projects.",
        "在至少 {count} 个项目中出现的问题分类（查验系统自带的分类，即问题清单的 category 列）。",
    ),
    "pf.no_categories": (
        "No category recurs (or the findings have no `category` column).",
        "没有重复出现的问题分类（或问题清单没有 category 列）。",
    ),
    "pf.col.project": ("Project", "项目"),
    "pf.col.projects": ("Projects", "项目数"),
    "pf.col.findings": ("Findings", "问题数"),
    "pf.col.cases": ("Defect cases", "缺陷案例"),
    "pf.col.checklist": ("Checklist", "检查表"),
    "pf.col.point": ("Red line", "红线"),
    "pf.col.held_by": ("Held open by", "未解除原因"),
    "pf.col.contractor": ("Contractor", "责任单位"),
    "pf.col.category": ("Category", "问题分类"),
    "pf.col.overdue": ("Overdue", "超期"),
    "pf.col.reopened": ("Reopened", "返修"),
    "pf.col.path": ("Folder", "文件夹"),
    "pf.col.problems": ("Problems", "问题"),
    "pf.and_more": ("and {count} more", "等 {count} 个"),
    "pf.point": ("sensitive point", "客户敏感点"),
    "pf.col.complaints": ("Complaints", "投诉数"),
    "pf.col.repairs": ("Repairs", "报修数"),
    "pf.col.repeats": ("Repeat repairs", "重复报修"),
    "pf.repairs": ("Repairs after handover", "交付后维修"),
    "pf.repairs_note": (
        "Warranty repairs of every project that keeps a repair register, by category, the "
        "most widespread first.",
        "各项目（已录入报修台账的）保修期维修按报修类别汇总，涉及项目最多的排在前面。",
    ),
    "pf.repair_parties": ("Responsible parties", "维修责任单位"),
    "pf.no_repairs": (
        "No project keeps a repair register yet.",
        "尚无项目录入报修台账。",
    ),
}
