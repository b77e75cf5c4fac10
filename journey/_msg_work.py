"""Messages about what is whose and when things will be ready: blocking items by owner,
due dates, the burn-down forecast, past gates, the printed page and the index page:
code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # What is whose
    "work.title": ("What blocks {gate}, by owner", "阻碍“{gate}”的事项（按责任专业）"),
    "work.risks": ("Open risks by owner", "各专业未关闭风险"),
    "work.note": (
        "Each item once, whatever rules it fails; most urgent first (its own due date, "
        "else the milestone's).",
        "每项只列一次（无论涉及几条规则）；按紧迫程度排列（有期限按期限，否则按关键节点日期）。",
    ),
    "work.count": ("{count} {count|item|items}", "{count} 项"),
    "work.overdue": ("{count} overdue", "{count} 项已逾期"),
    "work.more": (
        "… and {count} more (all of them in the gate's JSON result)",
        "… 另有 {count} 项（完整列表见节点准入的 JSON 结果）",
    ),
    "work.more_risks": (
        "… and {count} more in the tables of each stage below",
        "… 另有 {count} 项，见下文各阶段表格",
    ),
    "work.none": ("Nothing blocks this gate.", "没有阻碍本节点准入的事项。"),
    "due.overdue": ("overdue by {days} {days|day|days}", "逾期 {days} 天"),
    "due.today": ("due today", "今日到期"),
    "due.in": ("due in {days} {days|day|days}", "{days} 天后到期"),
    "col.due_in": ("When", "时限"),
    "col.item": ("Item", "事项"),
    "col.why": ("Why it blocks", "原因"),
    "col.evidence": ("Evidence", "佐证"),
    "col.float": ("Float", "总时差"),
    "col.state": ("State", "状态"),
    # Risk assessment: the two heat maps and the settled risks
    "risk.inherent": (
        "Inherent: every risk, on the catalog's scores",
        "固有风险：全部风险，按标准库评分",
    ),
    "risk.residual": (
        "Residual: open risks, on the project's scores",
        "剩余风险：未关闭风险，按项目评分",
    ),
    "risk.key": ("Rating:", "评级："),
    "risk.open_risks": ("Open risks", "未关闭风险"),
    "risk.settled": ("Closed, accepted or waived", "已关闭、风险接受（已审批）或已特批的风险"),
    "risk.settled_note": (
        "{count} {count|risk|risks} summarised: what closed {count|it|them} and who accepted "
        "{count|it|them}. Their controls are in the catalog.",
        "以下 {count} 项仅列摘要（关闭依据或审批情况），管控措施见标准库。",
    ),
    "risk.catalog_rating": ("catalog: {rating} {score}", "标准库：{rating} {score}"),
    # Delivery plan: the chart and the burn-down
    "plan.legend_float": ("float (days it can slip)", "总时差（可推迟天数）"),
    "plan.phone_hidden": (
        "{count} {count|task|tasks} done before {date} not shown.",
        "{date}前已完成的 {count} 项任务未显示。",
    ),
    "plan.chain_note": (
        "The open tasks due by delivery with the least float ({days} {days|day|days}), each "
        "handing on to the next: a slip anywhere on this chain moves {task}.",
        "交付前到期的未完成任务中总时差最小（{days} 天）且首尾相接的任务链：链上任何一项推迟，{task} 随之推迟。",
    ),
    "plan.float_days": ("{days} d", "{days} 天"),
    "plan.burndown": ("Will each building be ready?", "各楼栋能否按期达标？"),
    "plan.burndown_note": (
        "The share of findings verified over time (solid line), the target (dashed) and, at "
        "the closing rate of the last {days} days, the day it is reached (dotted); the grey "
        "line is the delivery date of the building's batch, the red one the as-of date.",
        "实线为问题复验关闭率随时间的变化，虚线为目标值；点线为按近 {days} 天关闭速度预测达标的日期；"
        "灰线为该楼栋所在批次的交付日期，红线为截至日期。",
    ),
    "plan.no_burndown": (
        "No findings-closed rule in the delivery gate, so no target to forecast.",
        "交付准入中没有问题关闭规则，无目标可供预测。",
    ),
    "plan.waivers": ("Waivers the delivery gate consulted", "交付准入涉及的特批"),
    "forecast.reached": (
        "{scope} is at {ratio}: the {target} target is reached",
        "{scope} 已达 {ratio}，满足 {target} 的要求",
    ),
    "forecast.late": (
        "{scope} reaches {target} on {date}, {days} {days|day|days} after {milestone} ({deadline})",
        "{scope} 预计 {date} 达到 {target}，晚于{milestone}（{deadline}）{days} 天",
    ),
    "forecast.early": (
        "{scope} reaches {target} on {date}, {days} {days|day|days} before {milestone} ({deadline})",
        "{scope} 预计 {date} 达到 {target}，早于{milestone}（{deadline}）{days} 天",
    ),
    "forecast.on_day": (
        "{scope} reaches {target} on {date}, the day of {milestone}",
        "{scope} 预计 {date} 达到 {target}，恰为{milestone}当天",
    ),
    "forecast.undated": ("{scope} reaches {target} on {date}", "{scope} 预计 {date} 达到 {target}"),
    "forecast.stalled": (
        "{scope} closed nothing in the last {recent} days: at that pace it does not reach {target}",
        "{scope} 近 {recent} 天未关闭任何问题，按此进度达不到 {target}",
    ),
    "forecast.pace": (
        "{ratio} verified now, {needed} more to verify; {rate} closed a day over the last "
        "{recent} days",
        "目前复验关闭率 {ratio}，尚需复验关闭 {needed} 个；近 {recent} 天日均关闭 {rate} 个",
    ),
    "forecast.batch": ("{scope} (its last building)", "{scope}（以最后一栋为准）"),
    # The gate's text output
    "when.in": ("in {days} {days|day|days}", "还有 {days} 天"),
    "when.today": ("today", "就在今天"),
    "when.ago": ("{days} {days|day|days} ago", "已过去 {days} 天"),
    "gate.text.go": (
        "GO: {milestone} on {date}, {when}; nothing blocks",
        "具备条件：{milestone}（{date}，{when}），无阻碍项",
    ),
    "gate.text.no_go": (
        "NO-GO: {milestone} on {date}, {when}; {count} {count|item blocks|items block}{overdue}",
        "暂不具备条件：{milestone}（{date}，{when}）前仍有 {count} 项阻碍{overdue}",
    ),
    "gate.text.overdue": (", {count} overdue", "，其中 {count} 项已逾期"),
    "gate.text.with_rules": ("{line} ({rules})", "{line}（{rules}）"),
    "gate.text.group": (
        "{owner} — {count} {count|item|items}{overdue}{names}",
        "{owner}：{count} 项{overdue}{names}",
    ),
    "gate.text.names": (" ({names})", "（{names}）"),
    "gate.text.go_undated": (
        "GO: nothing blocks (the project sets no {milestone} date)",
        "具备条件：无阻碍项（项目未设定 {milestone} 日期）",
    ),
    "gate.text.no_go_undated": (
        "NO-GO: {count} {count|item blocks|items block}{overdue} (the project sets no "
        "{milestone} date)",
        "暂不具备条件：仍有 {count} 项阻碍{overdue}（项目未设定 {milestone} 日期）",
    ),
    "gate.text.rules_fail": (
        "{failed} of {rules} {rules|rule fails|rules fail} the gate, --fail-on {fail_on}",
        "{rules} 条规则中有 {failed} 条不满足，--fail-on {fail_on}",
    ),
    "gate.text.past_recorded": (
        "The milestone was on {date}; the gate was recorded as passed on {passed} by {by}. "
        "What follows is the evaluation as of {as_of}, and the exit code follows it.",
        "该关键节点已于 {date} 过去；当时记录为 {passed} 通过，签认人 {by}。"
        "以下为截至 {as_of} 的评估，退出码以此为准。",
    ),
    "gate.text.past_unrecorded": (
        "The milestone was on {date}; the verdict of the time is not recorded (gates: in "
        "project.yaml). What follows is the evaluation as of {as_of}, and the exit code "
        "follows it.",
        "该关键节点已于 {date} 过去，当时的结论未记录（见 project.yaml 的 gates:）。"
        "以下为截至 {as_of} 的评估，退出码以此为准。",
    ),
    "gate.text.batch_recorded": (
        "recorded as passed on {passed} by {by}",
        "已记录 {passed} 通过，签认人 {by}",
    ),
    "gate.text.batch_unrecorded": (
        "milestone passed, verdict not recorded",
        "关键节点已过，当时结论未记录",
    ),
    "gate.text.rules": ("Rules", "规则"),
    "gate.md.when": ("When", "时限"),
    "gate.text.by_owner": (
        "What blocks, by owner (each item once, most urgent first)",
        "阻碍项（按责任专业；每项只列一次，最紧迫的在前）",
    ),
    "gate.text.due": ("{when} ({date})", "{when}（{date}）"),
    "gate.text.dated": ("{date} ({when})", "{date}（{when}）"),
    "gate.text.note": ("note: {note}", "备注：{note}"),
    "gate.text.evidence": ("evidence: {evidence}", "佐证：{evidence}"),
    "gate.text.rules_of": ("rules: {rules}", "规则：{rules}"),
    "gate.text.also": (
        "Not blocking: waived items, warnings, failures below --fail-on",
        "不影响结论：已特批事项、警告及低于 --fail-on 的问题",
    ),
    "gate.text.forecast": (
        "Will each building be ready? ({rule}, at the closing rate of the last {days} days)",
        "各楼栋能否按期达标？（{rule}，按近 {days} 天的关闭速度）",
    ),
    # Open day
    "open.waiver_expired": ("waiver expired on {date}", "特批已于 {date} 到期"),
    "open.gate_waivers": ("Waivers the open-day gate consulted", "开放日准入涉及的特批"),
    # Gates whose milestone has passed
    "verdict.recorded": ("PASSED", "已通过"),
    "verdict.not-recorded": ("NOT RECORDED", "未记录"),
    "gate.recorded": (
        "passed on {date}, signed off by {by}",
        "{date} 通过，签认人 {by}",
    ),
    "gate.not_recorded": (
        "{milestone} was on {date}; the verdict of the time is not recorded (gates: in project.yaml)",
        "{milestone}已于 {date} 过去，当时的结论未记录（见 project.yaml 的 gates:）",
    ),
    # The printed page
    "print.page": ("Page {page} of {pages}", "第 {page} 页 / 共 {pages} 页"),
    "print.prepared": ("Prepared by", "编制"),
    "print.reviewed": ("Reviewed by", "审核"),
    "print.date": ("Date", "日期"),
    "print.signature": ("Signature", "签字"),
    # The index
    "site.gates": ("Gate verdicts", "节点准入结论"),
    "site.gate": ("Gate", "节点准入"),
    "site.verdict": ("Verdict", "结论"),
    "site.details": ("Details", "详情"),
    "site.numbers": ("The numbers", "关键指标"),
    "site.change": ("Since {date}", "与 {date} 相比"),
    "site.change_note": ("Compared with {source}.", "对比数据：{source}。"),
    "site.blocking": ("Blocking items", "阻碍项"),
    "site.was": ("(was {value})", "（原为 {value}）"),
    "site.all_reports": ("All reports", "全部报告"),
    "site.previous_missing": (
        "no previous result at {path}: give a folder written by `journey site`, its "
        "summary.json, or a gate result from `journey gate -o json`",
        "{path} 处没有之前的结果：请给出 `journey site` 生成的文件夹、其中的 summary.json，"
        "或 `journey gate -o json` 输出的准入结果",
    ),
    "site.previous_unreadable": (
        "cannot read the previous result {path}: {reason}",
        "无法读取之前的结果 {path}：{reason}",
    ),
    "site.previous_kind": (
        "{path} is neither a site summary nor a gate result (schema `{value}`)",
        "{path} 既不是站点摘要也不是准入结果（schema 为 `{value}`）",
    ),
    "site.previous_project": (
        "{path} is about project {other}, not {project}",
        "{path} 是项目 {other} 的结果，不是 {project}",
    ),
}
