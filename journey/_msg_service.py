"""Messages of the after-delivery area (SPEC §13): the catalog kinds, the registers, the
gate rules and the `service` report: code -> (English, Chinese).

Merged into `journey.messages`; codes are unique across every table.
"""

from __future__ import annotations

_CATALOG: dict[str, tuple[str, str]] = {
    "service.respond_first": (
        "onsite_hours cannot be shorter than respond_hours: a repair is answered before "
        "anyone goes on site",
        "onsite_hours 不能短于 respond_hours：先响应，再上门",
    ),
    "service.trigger_one": (
        "a trigger gives exactly one condition: `households`, `channels` or `compensation`",
        "每条升级条件只能写一项：`households`、`channels` 或 `compensation`",
    ),
    "service.trigger_false": (
        "`compensation: false` triggers nothing; remove the trigger or write `true`",
        "`compensation: false` 不会触发任何升级，请删除该条件或改为 `true`",
    ),
    "service.evidence_alone": (
        "`evidence: true` belongs to a `compensation` trigger",
        "`evidence: true` 只能用于 `compensation`（涉及赔偿）的升级条件",
    ),
    "service.months": (
        "to_month must come after from_month",
        "to_month 必须晚于 from_month",
    ),
    "service.stages_overlap": (
        "the life-cycle stages must follow one another without overlapping: `{after}` starts "
        "before `{before}` ends (and only the last stage may be open-ended)",
        "客户生命周期各阶段须依次衔接、不得重叠：`{after}` 开始于 `{before}` 结束之前"
        "（只有最后一个阶段可以不设结束月份）",
    ),
    "service.rule_needs": (
        "the rule `{rule}` reads the catalog's `{kind}` file, and this catalog has none",
        "准入规则 `{rule}` 需要标准库中的 `{kind}` 文件，当前标准库没有",
    ),
    # project.yaml
    "service.action_aim": (
        "an action aims at either a `dimension` or a `target` (an item id): give one",
        "改进措施须指明 `dimension`（满意度维度）或 `target`（条目编号）之一",
    ),
    "service.action_target": (
        "`{value}` is no item of the catalog or the project; an action's target is an item id",
        "`{value}` 不是标准库或项目中的条目编号；改进措施的 target 应为条目编号",
    ),
    "service.action_twice": (
        "the action id `{value}` is already used on line {line}; give each action its own id",
        "改进措施编号 `{value}` 已在第 {line} 行使用，每项措施的编号必须唯一",
    ),
    "service.register_missing": (
        "the {what} `{value}` does not exist; paths are relative to the project folder",
        "{what} `{value}` 不存在；路径相对于项目文件夹",
    ),
    "service.register_twice": (
        "the {what} `{value}` is listed twice; list it once",
        "{what} `{value}` 列出了两次，请只保留一个",
    ),
    "service.register_same": (
        "`{value}` is the {what} already listed as `{other}` (line {first_line}); list it once",
        "`{value}` 与第 {first_line} 行列出的 `{other}` 是同一个{what}，请只保留一个",
    ),
    "service.register_not_regular": (
        "the {what} `{value}` is not a regular file (a pipe, a device or a folder)",
        "{what} `{value}` 不是普通文件（而是管道、设备或文件夹）",
    ),
    "service.register_unreadable": (
        "cannot read the {what} `{value}`: {reason}",
        "无法读取{what} `{value}`：{reason}",
    ),
    # Register rows
    "repairs.fixed_undated": (
        "the repair is `{status}` but has no fixed date; record the day it was fixed",
        "报修单状态为 `{status}`，但没有完成日期，请填写维修完成日期",
    ),
    "repairs.repeat_self": (
        "the repair `{value}` names itself as the repair it repeats",
        "报修单 `{value}` 的重复报修单号填写了它自己",
    ),
    "repairs.unknown_repeat": (
        "`{value}` is no repair of the register; `repeat_of` names the earlier repair order",
        "`{value}` 不是报修台账中的报修单号；重复报修单号应填写原报修单号",
    ),
    "complaints.level_below": (
        "level {value} is below the lowest complaint level, 1 (`{lowest}`)",
        "投诉等级 {value} 低于最低等级 1（`{lowest}`）",
    ),
    "complaints.level_above": (
        "level {value} is above the highest complaint level, {count} (`{highest}`)",
        "投诉等级 {value} 高于最高等级 {count}（`{highest}`）",
    ),
    "complaints.closed_undated": (
        "the complaint is closed but has no closed date; record the day it was closed",
        "投诉状态为已关闭，但没有关闭日期，请填写办结日期",
    ),
    "complaints.bad_compensation": (
        "`{value}` is neither an amount nor yes or no; write the amount paid (0 for none)",
        "`{value}` 既不是金额也不是“是/否”，请填写赔偿金额（无赔偿填 0）",
    ),
    "surveys.stage_months": (
        "{count} {count|answer names|answers name} a life-cycle stage that does not cover "
        "the months since handover on {handover} (first here: `{stage}`, {months} months); "
        "check the stage or the survey date",
        "有 {count} 条答卷的客户阶段与交付（{handover}）后的月数不符"
        "（首条在此：`{stage}`，交付后 {months} 个月），请核对客户阶段或调查日期",
    ),
    # Words used inside messages
    "what.repair_category": ("repair category", "报修类别"),
    "what.complaint_level": ("complaint level", "投诉等级"),
    "what.channel": ("channel", "投诉渠道"),
    "what.dimension": ("satisfaction dimension", "满意度维度"),
    "what.life_stage": ("life-cycle stage", "客户阶段"),
    "what.register.repairs": ("repair register", "报修台账"),
    "what.register.complaints": ("complaint register", "投诉台账"),
    "what.register.surveys": ("survey register", "满意度调查表"),
    # Channels
    "channel.phone": ("Phone", "电话"),
    "channel.counter": ("Counter", "前台来访"),
    "channel.app": ("App", "APP及小程序"),
    "channel.wechat": ("WeChat", "微信"),
    "channel.weibo": ("Weibo", "微博"),
    "channel.douyin": ("Douyin", "抖音"),
    "channel.media": ("Media", "新闻媒体"),
    "channel.government": ("Government", "政府部门（12345/信访）"),
    "channel.other": ("Other", "其他"),
}

_GATE: dict[str, tuple[str, str]] = {
    "gate.title.repairs-on-time": ("Repairs meet their limits", "报修按时限处理"),
    "gate.title.complaints-handled": ("Complaints handled at their level", "投诉按等级处理"),
    "gate.title.satisfaction-acted": (
        "Weak satisfaction dimensions have actions",
        "满意度短板均有改进措施",
    ),
    "gate.help.repairs-on-time": (
        "Per repair category, the share of repairs that were answered, attended on site and "
        "fixed within the category's limits must reach the rule's minimum; no urgent repair "
        "may be left with nobody on site past its on-site limit; where the category (or a "
        "repeat repair) calls for a joint on-site investigation, its date must be recorded "
        "before the repair is done; repeat repairs must stay under the rule's share. To fix: "
        "send the late orders' contractors on site, record the investigations in the repair "
        "register, and find why repairs do not hold.",
        "各报修类别在响应、上门和完成时限内处理的比例须达到规则下限；紧急报修不得超过上门时限无人到场；"
        "该类别（或重复报修）要求先联合现场查勘的，须在维修完成前记录查勘日期；重复报修率不得超过规则"
        "上限。处理办法：督促超时工单的责任单位到场，在报修台账中记录查勘，并分析维修不能一次修好的原因。",
    ),
    "gate.help.complaints-handled": (
        "Every complaint must be recorded at or above the level its triggers demand (a group "
        "of households, an online or media channel, a compensation claim), escalated to the "
        "professions they bring in (public relations, legal), compensated only with evidence "
        "on file, and closed within its level's limit. To fix: re-level the complaint, bring "
        "in the profession, file the evidence, and close the case.",
        "每件投诉须按升级条件（多户联名、网络或媒体渠道、涉及赔偿）定级不低于应定等级，升级至相应专业"
        "（品牌公关、法务），先取证后赔偿，并在本级时限内关闭。处理办法：调整投诉等级、通知相关专业介入、"
        "补齐取证材料并办结。",
    ),
    "gate.help.satisfaction-acted": (
        "Every satisfaction dimension whose index (perceived ÷ expected) is below its target "
        "must have an improvement action under `actions:` in project.yaml with an owner, a "
        "due date and a standard by which it is judged done, not overdue. To fix: agree the "
        "action with the dimension's owner and record it, or finish the overdue one.",
        "满意度指数（感知 ÷ 期望）低于目标值的每个维度，须在 project.yaml 的 `actions:` 下有明确责任专业、"
        "完成时间和考核标准且未逾期的改进措施。处理办法：与该维度的责任专业商定并记录改进措施，或完成已逾期"
        "的措施。",
    ),
    "gate.reason.repairs_ratio": (
        "{rate} of repairs met every limit ({met}/{decided}); needs {needed} — responded "
        "{respond}, on site {onsite}, fixed {fix} in time (first missed: {first})",
        "按时限完成率 {rate}（{met}/{decided}），要求 {needed}——响应及时率 {respond}、"
        "上门及时率 {onsite}、完成及时率 {fix}（首个超时：{first}）",
    ),
    "gate.reason.repairs_urgent_open": (
        "{count} urgent {count|repair|repairs} with nobody on site after {hours} h "
        "(first: {first})",
        "{count} 单紧急报修超过 {hours} 小时仍无人到场（首个：{first}）",
    ),
    "gate.reason.repairs_no_investigation": (
        "{count} {count|repair|repairs} without the joint on-site investigation and agreed "
        "plan the category requires (first: {first})",
        "{count} 单报修未按该类别要求先联合现场查勘、确认维修方案（首个：{first}）",
    ),
    "gate.reason.repairs_repeat_no_investigation": (
        "{count} repeat {count|repair|repairs} without a joint on-site investigation "
        "(first: {first})",
        "{count} 单重复报修未进行联合现场查勘（首个：{first}）",
    ),
    "gate.reason.repairs_investigated_late": (
        "{count} {count|repair|repairs} investigated only after the repair was done "
        "(first: {first})",
        "{count} 单报修在维修完成后才查勘（首个：{first}）",
    ),
    "gate.reason.repairs_repeats": (
        "{share} of repairs repeat an earlier one ({repeats}/{total}); at most {allowed}; "
        "most in {category} ({count})",
        "重复报修率 {share}（{repeats}/{total}），上限 {allowed}；最多的类别：{category}（{count} 单）",
    ),
    "gate.reason.complaints_below_level": (
        "{count} {count|complaint|complaints} recorded below {level}, which {why} demands "
        "({first})",
        "{count} 件投诉低于应定等级“{level}”（触发条件：{why}）（{first}）",
    ),
    "gate.reason.complaints_not_escalated": (
        "{count} {count|complaint|complaints} not escalated to {profession} as required ({first})",
        "{count} 件投诉按规定应升级至{profession}，但未升级（{first}）",
    ),
    "gate.reason.complaints_no_evidence": (
        "{count} {count|complaint|complaints} compensated without evidence on file ({first})",
        "{count} 件投诉涉及赔偿但无取证记录（{first}）",
    ),
    "gate.reason.complaints_overdue": (
        "{count} {count|complaint|complaints} open for more than {days} days ({first})",
        "{count} 件投诉超过 {days} 天仍未关闭（{first}）",
    ),
    "gate.reason.satisfaction_no_action": (
        "index {index} is below its target {target} and no action under `actions:` addresses it",
        "满意度指数 {index} 低于目标值 {target}，`actions:` 中没有针对它的改进措施",
    ),
    "gate.reason.satisfaction_no_action_stage": (
        "index {index} among owners at stage {stage} is below its target {target} and no "
        "action under `actions:` addresses it",
        "{stage}客户的满意度指数 {index} 低于目标值 {target}，`actions:` 中没有针对它的改进措施",
    ),
    "gate.reason.satisfaction_no_standard": (
        "index {index} is below target and action {action} says no `standard` by which it "
        "is judged done",
        "满意度指数 {index} 低于目标值，改进措施 {action} 未写明考核标准（`standard`）",
    ),
    "gate.reason.satisfaction_action_overdue": (
        "its action {action} was due on {due} and is not done",
        "改进措施 {action} 应于 {due} 完成，至今未完成",
    ),
    "gate.reason.satisfaction_few_answers": (
        "only {answers} {answers|answer|answers}; at least {needed} are needed to judge it",
        "仅有 {answers} 份答卷，至少需要 {needed} 份才能评价",
    ),
    "svc.repeat_repairs": ("Repeat repairs", "重复报修"),
    "svc.compensation": ("Compensation", "赔偿"),
    "svc.trigger.households": ("a group complaint", "群诉"),
    "svc.trigger.channels": ("an online or media channel", "网络或媒体渠道"),
    "svc.trigger.compensation": ("a compensation claim", "涉及赔偿"),
}

_LISTING: dict[str, tuple[str, str]] = {
    "catalog.kind.repairs": ("repair categories", "报修类别"),
    "catalog.kind.complaints": ("complaint levels", "投诉等级"),
    "catalog.kind.dimensions": ("satisfaction dimensions", "满意度维度"),
    "catalog.kind.life-stages": ("life-cycle stages", "客户生命周期阶段"),
    "catalog.field.respond_hours": ("respond within (hours)", "响应时限（小时）"),
    "catalog.field.onsite_hours": ("on site within (hours)", "上门时限（小时）"),
    "catalog.field.fix_days": ("fixed within (days)", "完成时限（天）"),
    "catalog.field.urgent": ("urgent", "紧急"),
    "catalog.field.investigation": ("joint investigation first", "须先联合查勘"),
    "catalog.field.supervisor": ("supervisor", "负责岗位"),
    "catalog.field.handler": ("handled by", "处理专业"),
    "catalog.field.close_days": ("closed within (days)", "关闭时限（天）"),
    "catalog.field.triggers": ("escalation triggers", "升级条件"),
    "catalog.field.households": ("households at least", "户数不少于"),
    "catalog.field.channels": ("channels", "投诉渠道"),
    "catalog.field.compensation": ("compensation", "涉及赔偿"),
    "catalog.field.evidence": ("evidence required", "须先取证"),
    "catalog.field.target": ("target index", "目标指数"),
    "catalog.field.from_month": ("from month after handover", "交付后起始月"),
    "catalog.field.to_month": ("to month after handover", "交付后截止月"),
}

_REPORT: dict[str, tuple[str, str]] = {
    "report.service": ("After-delivery service", "交付后客户服务"),
    "status.responded": ("responded", "已响应"),
    "svc.not_due": ("not due before handover", "交付后方进行评估"),
    "milestone.warranty_review": ("warranty review", "保修期服务评估"),
    "svc.summary": (
        "{repairs} repairs, {met} within every limit, {open} open; {complaints} complaints, "
        "{complaints_open} open; {answers} survey answers, index {index}; {weak} "
        "{weak|dimension|dimensions} below target; {actions} improvement actions.",
        "报修 {repairs} 单，按时限完成率 {met}，未关闭 {open} 单；投诉 {complaints} 件，未关闭 "
        "{complaints_open} 件；满意度答卷 {answers} 份，指数 {index}；{weak} 个维度低于目标值；"
        "改进措施 {actions} 项。",
    ),
    "svc.repairs": ("Warranty repairs against their limits", "保修期报修时限达成情况"),
    "svc.repairs_note": (
        "A repair meets its limits when it was answered, attended on site and fixed within its "
        "category's limits; repairs whose limits have not yet passed are not counted.",
        "报修单在本类别规定的响应、上门和完成时限内处理即为按时；时限尚未届满的报修单不计入。",
    ),
    "svc.needed": (
        "The warranty review asks for {needed} in every category.",
        "保修期服务评估要求各类别均不低于 {needed}。",
    ),
    "svc.category": ("Category", "报修类别"),
    "svc.limits_head": ("Limits (respond / on site / fix)", "时限（响应 / 上门 / 完成）"),
    "svc.limits": ("{respond} / {onsite} / {fix} d", "{respond} / {onsite} / {fix}天"),
    "svc.level_limits": ("respond {respond}, close {close} d", "{respond}响应，{close}天关闭"),
    "svc.level_limits_head": ("Limits (respond / close)", "时限（响应 / 关闭）"),
    "svc.hours": ("{count} h", "{count}小时"),
    "svc.minutes": ("{count} min", "{count}分钟"),
    "svc.met": ("Within limits", "按时限完成率"),
    "svc.respond": ("Responded in time", "响应及时率"),
    "svc.onsite": ("On site in time", "上门及时率"),
    "svc.fix": ("Fixed in time", "完成及时率"),
    "svc.repeats": ("Repeats", "重复报修"),
    "svc.urgent": ("urgent", "紧急"),
    "svc.investigation": ("investigate first", "先查勘"),
    "svc.below": ("below the review's ratio", "低于评估要求"),
    "svc.urgent_open": (
        "{count} urgent {count|repair|repairs} with nobody on site past the limit",
        "{count} 单紧急报修超时无人到场",
    ),
    "svc.no_investigation": (
        "{count} without the joint investigation",
        "{count} 单未先联合查勘",
    ),
    "svc.parties": ("By responsible party", "按责任单位"),
    "svc.party": ("Responsible party", "责任单位"),
    "svc.not_recorded": ("(not recorded)", "（未填写）"),
    "svc.ageing": ("Open repairs by age", "未关闭报修存续天数"),
    "svc.repeat_title": ("Repeat repairs", "重复报修"),
    "svc.repeat_summary": (
        "{repeats} repairs repeat an earlier one ({share} of all).",
        "重复报修 {repeats} 单，占全部报修的 {share}。",
    ),
    "svc.repeat_allowed": (
        "The warranty review allows {allowed}.",
        "保修期服务评估上限为 {allowed}。",
    ),
    "svc.repeat_share": ("Share of the category", "占本类别比例"),
    "svc.repeat_homes": ("Homes with the most repeat repairs", "重复报修最多的房屋"),
    "svc.no_repairs": ("No repair register recorded.", "尚无报修台账。"),
    "svc.complaints": ("Complaints by level and channel", "投诉分级及渠道"),
    "svc.level": ("Level", "投诉等级"),
    "svc.by_channel": ("By channel", "按渠道"),
    "svc.compensated": ("Compensated", "赔偿"),
    "svc.amount": ("{amount} yuan", "{amount} 元"),
    "svc.closed_late": ("{count} closed late", "{count} 件超时关闭"),
    "svc.topics": (
        "The sensitive points complained about most",
        "投诉最多的客户敏感点",
    ),
    "svc.handled_by": ("Answered by", "负责岗位"),
    "svc.overdue": ("Open past the limit", "超时未关闭"),
    "svc.escalation": ("Escalation", "升级处理"),
    "svc.count": ("{count}", "{count} 件"),
    "svc.no_shortfall": (
        "Every complaint is at the level its triggers demand, with the professions they bring "
        "in, and none is open past its limit.",
        "每件投诉均按升级条件定级、相关专业均已介入，且无超时未关闭的投诉。",
    ),
    "svc.short.level": ("recorded below {level} ({why})", "低于应定等级“{level}”（{why}）"),
    "svc.short.escalation": ("not escalated to {profession}", "未升级至{profession}"),
    "svc.short.evidence": ("compensated without evidence on file", "涉及赔偿但未取证"),
    "svc.short.overdue": (
        "open past the {days}-day limit of {level}",
        "超过“{level}”{days}天时限未关闭",
    ),
    "svc.timeline": ("Escalation timeline", "投诉升级时间线"),
    "svc.escalations_note": (
        "Complaints received each month by level; below, the latest complaints at the two "
        "highest levels, or demanding them.",
        "上图为每月受理投诉按等级分布；下表为最近的两个最高等级投诉（或应定为该等级的投诉）。",
    ),
    "svc.received": ("Received", "受理时间"),
    "svc.channel": ("Channel", "渠道"),
    "svc.households": ("Households", "户数"),
    "svc.escalated_to": ("Escalated to", "升级至"),
    "svc.responded": ("Responded", "响应时间"),
    "svc.closed": ("Closed", "关闭日期"),
    "svc.days": ("Days", "天数"),
    "svc.demanded": ("should be {level}", "应定为{level}"),
    "svc.no_complaints": ("No complaint register recorded.", "尚无投诉台账。"),
    "svc.satisfaction": (
        "Satisfaction by dimension and life-cycle stage",
        "满意度（按维度及客户生命周期阶段）",
    ),
    "svc.satisfaction_note": (
        "An answer's index is perceived ÷ expected (1–10 each); a dimension's index is the "
        "mean of its answers. Bars: the index at each stage; the dark mark: the target.",
        "每份答卷的满意度指数 = 感知分 ÷ 期望分（均为1–10分），维度指数为其答卷的平均值。"
        "图中横条为各客户阶段的指数，深色竖线为目标值。",
    ),
    "svc.stage": ("Life-cycle stage", "客户阶段"),
    "svc.months_head": ("Months after handover", "交付后月数"),
    "svc.months_before": (
        "before handover (signed, not yet handed over)",
        "交付前（已签约未交付）",
    ),
    "svc.months_from": ("from month {start}", "第 {start} 个月起"),
    "svc.months": ("months {start}–{to}", "第 {start}–{to} 个月"),
    "svc.answers": ("Answers", "答卷数"),
    "svc.index": ("Index", "满意度指数"),
    "svc.chart": ("Satisfaction index by dimension and stage", "各维度分阶段满意度指数"),
    "svc.target": ("Target", "目标值"),
    "svc.dimension": ("Dimension", "满意度维度"),
    "svc.actions_head": ("Actions", "改进措施"),
    "svc.no_action": ("no sound action", "缺少有效改进措施"),
    "svc.no_answers": ("No survey answers recorded.", "尚无满意度调查答卷。"),
    "svc.actions": ("Improvement actions", "改进措施"),
    "svc.aim": ("For", "针对"),
    "svc.action": ("Action", "措施"),
    "svc.standard": ("Judged done by", "考核标准"),
    "svc.no_actions": ("No improvement action recorded.", "尚无改进措施。"),
}

MESSAGES: dict[str, tuple[str, str]] = {**_CATALOG, **_GATE, **_LISTING, **_REPORT}
