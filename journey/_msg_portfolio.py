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
}
