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
}
