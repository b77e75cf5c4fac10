"""Messages about gates, gate rules and gate output: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

_REASONS: dict[str, tuple[str, str]] = {
    # Why an item blocks (one line each)
    "gate.reason.risk_unlisted": (
        "rated {rating} and not listed under `risks:`, so it counts as open",
        "评级为{rating}，且未列入 `risks:`，按未关闭处理",
    ),
    "gate.reason.risk_open": (
        "rated {rating} and still {status}; close or accept it",
        "评级为{rating}，状态仍为{status}，需关闭或经审批接受",
    ),
    "gate.reason.risk_overdue": (
        "rated {rating}, still {status} and overdue since {due}",
        "评级为{rating}，状态仍为{status}，已于 {due} 逾期",
    ),
    "gate.reason.check_failed": ("check failed", "检查未通过"),
    "gate.reason.check_failed_note": ("check failed: {note}", "检查未通过：{note}"),
    "gate.reason.check_pending": ("not yet checked (pending)", "尚未检查（待检）"),
    "gate.reason.check_unlisted": (
        "no result recorded under `checks:` (pending)",
        "`checks:` 中没有记录结果（待检）",
    ),
    "gate.reason.milestone_missing": (
        "the milestone is not set under `milestones:` in project.yaml",
        "project.yaml 的 `milestones:` 中没有设定该关键节点",
    ),
    "gate.reason.milestone_gap": (
        "only {gap} {gap|day|days} after {before} ({before_date} → {after_date}); needs at least {min_days}",
        "仅晚于 {before} {gap} 天（{before_date} → {after_date}），至少需要 {min_days} 天",
    ),
    "gate.reason.task_due": (
        "{status}; scheduled to finish {finish}, before {milestone}",
        "{status}；计划于 {finish} 完成，早于 {milestone}",
    ),
    "gate.reason.task_late": (
        "{status}; was due to finish {finish}, before {milestone}",
        "{status}；原定 {finish} 完成（早于 {milestone}），已逾期",
    ),
    "gate.reason.task_unanchored": (
        "cannot be scheduled: the project has no milestone `{anchor}`",
        "无法排期：项目没有关键节点 `{anchor}`",
    ),
    "gate.reason.findings_ratio": (
        "{rate} of findings verified ({verified}/{total}); needs {needed}; most open: {contractor}",
        "整改销项率 {rate}（复验关闭 {verified} / 问题总数 {total}），要求 {needed}；未关闭最多：{contractor}",
    ),
    "gate.reason.findings_aged": (
        "{count} open {count|finding|findings} older than {days} {days|day|days}",
        "{count} 个未关闭问题已超过 {days} 天",
    ),
    "gate.reason.finding_blocking": (
        "{open} open {open|finding|findings} on a blocking item (first: {first})",
        "否决项仍有 {open} 个未关闭问题（首个：{first}）",
    ),
    "gate.reason.red_risk_open": (
        "{status} risk threatens red line {point} ({point_title})",
        "状态为{status}的风险威胁红线 {point}（{point_title}）",
    ),
    "gate.reason.red_risk_unlisted": (
        "risk not listed under `risks:` (open) threatens red line {point} ({point_title})",
        "未列入 `risks:`（按未关闭处理）的风险威胁红线 {point}（{point_title}）",
    ),
    "gate.reason.red_check_failed": (
        "failed check on red line {point} ({point_title})",
        "红线 {point}（{point_title}）相关检查未通过",
    ),
    "gate.reason.red_finding_open": (
        "{open} open {open|finding|findings} (first: {first}) on red line {point} ({point_title})",
        "红线 {point}（{point_title}）仍有 {open} 个未关闭问题（首个：{first}）",
    ),
}

_RULES: dict[str, tuple[str, str]] = {
    # What a rule's status means
    "gate.rule_failed_in": (
        "{count} {count|item blocks|items block} in {batches}",
        "{batches} 中有 {count} 项不满足",
    ),
    "gate.rule_failed": ("{count} {count|item blocks|items block}", "{count} 项不满足"),
    "gate.rule_warned": ("passed with {count} {count|warning|warnings}", "通过，有 {count} 个警告"),
    "gate.rule_passed": ("passed", "通过"),
    "gate.rule_passed_waived": (
        "passed; {count} {count|item|items} waived",
        "通过；{count} 项已特批",
    ),
    "gate.rule_waived": (
        "{count} {count|item blocks|items block}, but the rule is waived by {approved_by} until {expires}: {why}",
        "{count} 项不满足，但本规则已由 {approved_by} 特批至 {expires}：{why}",
    ),
    "gate.rule_waiver_expired": (
        "{count} {count|item blocks|items block}; the rule's waiver expired on {expires} and no longer applies",
        "{count} 项不满足；本规则的特批已于 {expires} 到期，不再有效",
    ),
    "gate.rule_not_waivable": (
        "{count} {count|item blocks|items block}; this rule cannot be waived",
        "{count} 项不满足；本规则不得特批",
    ),
    "gate.item_waived": (
        "waived by {approved_by} until {expires}",
        "已由 {approved_by} 特批至 {expires}",
    ),
    "gate.item_waiver_expired": (
        "its waiver expired on {expires} and no longer applies",
        "其特批已于 {expires} 到期，不再有效",
    ),
    "gate.item_not_waivable": (
        "a waiver names it, but this rule cannot be waived",
        "虽有特批，但本规则不得特批",
    ),
    # What each rule type checks and how to fix a failure (SARIF rule help)
    "gate.help.risks-controlled": (
        "Every applicable risk in scope rated at or above the rule's minimum rating, after "
        "the project's likelihood and impact re-scoring, must be `closed` or `accepted`, or "
        "have a waiver in force; a risk not listed in project.yaml counts as open. To fix: "
        "put its controls in place and record its status under `risks:` in project.yaml, or "
        "have a waiver approved.",
        "范围内评级不低于规则最低评级（按项目重新评定的可能性和影响计算）的适用风险，必须为 "
        "`closed`（已关闭）或 `accepted`（风险接受，已审批），或有有效的特批；project.yaml 中未列出的风险"
        "按未关闭处理。处理办法：落实管控措施，并在 project.yaml 的 `risks:` 下记录状态，或报批特批。",
    ),
    "gate.help.checklist-passed": (
        "Every applicable blocking item of the rule's checklists must be `pass` or `n/a`, or "
        "waived; a `pending` or unlisted item blocks, and a failed non-blocking item only "
        "warns. To fix: carry out the check and record its result under `checks:` in "
        "project.yaml.",
        "规则所列检查表中每个适用的否决项必须为 `pass`（通过）或 `n/a`（不适用），或已特批；"
        "`pending`（待检）或未列出的条目不满足要求，非否决项未通过只作警告。处理办法：完成检查，"
        "并在 project.yaml 的 `checks:` 下记录结果。",
    ),
    "gate.help.findings-closed": (
        "In each building the share of findings `verified` must reach the rule's minimum, no "
        "open finding may be older than its age limit, and no blocking item may have an open "
        "finding; only `verified` closes a finding. To fix: have the findings rectified and "
        "re-inspected, and record them as `verified` in the findings file.",
        "每栋楼已复验（`verified`）问题的占比须达到规则下限，未关闭问题不得超过时限，否决项上不得有"
        "未关闭问题；只有 `verified` 才算关闭。处理办法：组织整改和复验，并在问题清单中记为 `verified`。",
    ),
    "gate.help.tasks-done": (
        "Every applicable plan task scheduled to finish on or before the gate's milestone (its "
        "anchor milestone plus offset and duration, pushed later by late predecessors) must be "
        "`done`. To fix: finish the task and record it under `tasks:` in project.yaml.",
        "计划完成日期（锚定节点加偏移天数和工期，前置任务延误则顺延）不晚于准入所对应节点的适用计划"
        "任务，必须为 `done`（已完成）。处理办法：完成任务，并在 project.yaml 的 `tasks:` 下记录。",
    ),
    "gate.help.red-lines-clear": (
        "No red-line sensitive point may have a risk that is not closed or accepted, a failed "
        "check, or an open finding on a check item that covers it. To fix: close the risks, "
        "checks and findings linked to the red line before the milestone.",
        "红线敏感点不得有未关闭或未接受的风险、未通过的检查，或覆盖它的检查项上有未关闭的问题。"
        "处理办法：在节点前关闭与该红线相关的风险、检查和问题。",
    ),
    "gate.help.kpi-at-least": (
        "The rule's number — findings per home, rectification rate, reopened or overdue "
        "share, days to close, or the score — must reach its minimum (or stay under its "
        "maximum) in every building, every batch or the whole project, as the rule says. "
        "To fix: rectify, re-inspect and close findings until the number is met.",
        "规则所指的指标（户均问题数、整改销项率、返修或超期占比、关闭天数或评估得分）须在每栋楼、"
        "每个批次或整个项目达到下限（或不超过上限）。处理办法：组织整改、复验并关闭问题，直至指标达标。",
    ),
    "gate.help.score-at-least": (
        "The assessment score (100 less each inspected home's capped deductions, averaged) "
        "must reach the pass score in every building, every batch or the whole project, as "
        "the rule says. To fix: rectify the findings that cost the most points first.",
        "交付评估得分（每户 100 分减去封顶后的扣分，取平均）须在每栋楼、每个批次或整个项目达到合格分。"
        "处理办法：优先整改扣分最多的问题。",
    ),
    "gate.help.milestone-order": (
        "The project's milestones must all be set and keep their order, each at least the "
        "rule's minimum number of days after the one before. To fix: correct the dates under "
        "`milestones:` in project.yaml, or replan.",
        "项目各节点必须齐全并保持先后顺序，且每个节点与前一节点至少相隔规则规定的天数。处理办法："
        "修正 project.yaml 中 `milestones:` 下的日期，或调整计划。",
    ),
    # Default rule titles: each the condition the rule checks
    "gate.title.risks-controlled": (
        "Every risk in scope is closed or accepted",
        "范围内风险全部关闭或经审批接受",
    ),
    "gate.title.checklist-passed": ("Every blocking checklist item passes", "检查表否决项全部通过"),
    "gate.title.findings-closed": (
        "Findings are verified in every building",
        "各楼栋问题复验关闭达到要求",
    ),
    "gate.title.tasks-done": (
        "Every task due by the milestone is done",
        "关键节点前到期的任务全部完成",
    ),
    "gate.title.red-lines-clear": ("No red-line sensitive point is at risk", "红线敏感点均无风险"),
    "gate.title.milestone-order": (
        "Milestones keep their order and spacing",
        "关键节点的顺序与间隔符合要求",
    ),
    # Words
    "gate.status.open": ("open", "未关闭"),
    "gate.status.mitigating": ("mitigating", "管控中"),
    "gate.status.closed": ("closed", "已关闭"),
    "gate.status.accepted": ("accepted", "风险接受（已审批）"),
    "gate.status.todo": ("to do", "未开始"),
    "gate.status.doing": ("in progress", "进行中"),
    "gate.status.done": ("done", "已完成"),
    "gate.rating.low": ("low", "低"),
    "gate.rating.medium": ("medium", "中"),
    "gate.rating.high": ("high", "高"),
    "gate.rating.critical": ("critical", "极高"),
    "gate.verdict.pass": ("PASS", "通过"),
    "gate.verdict.fail": ("FAIL", "未通过"),
    "gate.mark.pass": ("MET", "满足"),
    "gate.mark.fail": ("NOT MET", "未满足"),
    "gate.mark.waived": ("WAIVED", "已特批"),
    "gate.mark.warn": ("WARN", "警告"),
    "gate.rstatus.pass": ("pass", "通过"),
    "gate.rstatus.fail": ("fail", "未通过"),
    "gate.rstatus.waived": ("waived", "已特批"),
    "gate.rstatus.warn": ("warning", "警告"),
    "gate.wstate.in-force": ("in force", "有效"),
    "gate.wstate.expiring": ("expiring soon", "即将到期"),
    "gate.wstate.expired": ("expired", "已过期"),
}

_OUTPUT: dict[str, tuple[str, str]] = {
    # Problems and usage
    "gate.unknown": (
        "no gate `{value}` in the catalog; gates: {choices}",
        "标准库中没有节点准入 `{value}`；现有节点准入：{choices}",
    ),
    "gate.out_unknown_format": (
        "unknown output format `{value}`; choose from {choices}",
        "未知的输出格式 `{value}`，可选：{choices}",
    ),
    "gate.out_two_stdout": (
        "only one output can go to standard output ({formats}); give the others a path as FORMAT:PATH",
        "只能有一种输出写到标准输出（{formats}），其余请用 FORMAT:PATH 指定文件",
    ),
    "gate.out_written": ("wrote {path}", "已写入 {path}"),
    "gate.out_same_file": (
        "two outputs go to the same file ({other} and {path}); give each its own path",
        "两个输出指向同一个文件（{other} 与 {path}），请为每个输出指定不同路径",
    ),
    # Text and Markdown output
    "gate.text.gate": ("Gate {gate}: {title}", "节点准入 {gate}：{title}"),
    "gate.text.context": (
        "project {project} ({name}) · {positioning} · catalog {catalog} {version} · as of {as_of}",
        "项目 {project}（{name}）· {positioning} · 标准库 {catalog} {version} · 评估日期 {as_of}",
    ),
    "gate.text.milestone": ("milestone {milestone}: {date}", "关键节点 {milestone}：{date}"),
    "gate.text.verdict": (
        "{verdict}: {failed} of {rules} {rules|rule fails|rules fail} the gate (--fail-on {fail_on})",
        "{verdict}：{rules} 条规则中有 {failed} 条导致节点准入不通过（--fail-on {fail_on}）",
    ),
    "gate.text.below_fail_on": (
        "(below --fail-on {fail_on}: does not fail the gate)",
        "（低于 --fail-on {fail_on}，不影响准入结论）",
    ),
    "gate.text.owner": ("owner {owner}", "责任 {owner}"),
    "gate.text.no_owner": ("no owner", "无责任专业"),
    "gate.text.waivers": ("Waivers", "特批事项"),
    "gate.text.waiver_line": (
        "{target}: {state}, until {expires}, approved by {approved_by}: {reason}",
        "{target}：{state}，至 {expires}，批准人 {approved_by}：{reason}",
    ),
    "gate.text.more": (
        "… and {count} more (-v lists them all; -o markdown or json keeps them all)",
        "… 另有 {count} 项（加 -v 全部列出；-o markdown 或 json 输出完整列表）",
    ),
    "gate.md.cut": (
        "The summary stops here: GitHub shows at most 1 MiB. {count} more "
        "{count|line|lines} are in the JSON, JUnit and SARIF results.",
        "摘要到此为止：GitHub 最多显示 1 MiB，其余 {count} 行见 JSON、JUnit 和 SARIF 结果。",
    ),
    "gate.md.rule": ("Rule", "规则"),
    "gate.md.status": ("Status", "状态"),
    "gate.md.severity": ("Severity", "严重程度"),
    "gate.md.reason": ("Reason", "原因"),
    "gate.md.item": ("Item", "条目"),
    "gate.md.owner": ("Owner", "责任专业"),
    "gate.md.where": ("Where", "位置"),
    "gate.md.blocking": ("What blocks", "阻碍项"),
    "gate.md.target": ("Target", "对象"),
    "gate.md.expires": ("Expires", "到期"),
    "gate.md.approved_by": ("Approved by", "批准人"),
    "gate.gh.more": (
        "{count} more {level} {count|annotation|annotations} not shown (GitHub shows 10 per level); see the job summary",
        "另有 {count} 个 {level} 注释未显示（GitHub 每级最多显示 10 个），请查看作业摘要",
    ),
}

MESSAGES: dict[str, tuple[str, str]] = {**_REASONS, **_RULES, **_OUTPUT}
