"""The `service` report (SPEC §13): after the keys — warranty repairs against their limits
per category and responsible party, open repairs by age, repeat repairs; complaints by
level and channel with their escalations over time; satisfaction per dimension and
life-cycle stage against target; and the improvement actions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from journey.findings import AGE_BANDS
from journey.messages import text
from journey.project import Project
from journey.reports._common import Outcomes, failed_rules, gate_outcomes, header, profession
from journey.reports.models import Verdict
from journey.reports.service_models import (
    ActionRow,
    AgeRow,
    CategoryRow,
    DimensionRow,
    EscalationRow,
    LevelRow,
    PartyRow,
    RepeatRow,
    ServiceReport,
    Shortfall,
    StageCell,
    StageInfo,
    TopicRow,
    Totals,
)
from journey.reports.service_svg import satisfaction_chart, timeline_chart
from journey.service.models import CHANNELS, Action
from journey.service.repairs import CategoryStats

GATE = "warranty-review"
TOP_PARTIES = 15
TOP_HOMES = 10
TOP_TOPICS = 8


def service(project: Project, lang: str = "en", gates: Outcomes | None = None) -> ServiceReport:
    """The after-delivery service report of a project in `lang`."""
    outcomes = gate_outcomes(project) if gates is None else gates
    verdict, gate_title, failed = _gate(project, outcomes, lang)
    due = any(g.id == GATE for g in project.catalog.gates_due(project.file.stage))
    min_ratio, max_repeat = _repair_options(project)
    categories = tuple(_categories(project, lang, min_ratio))
    dims = tuple(_dimensions(project, lang))
    stage_titles = tuple(s.title.get(lang) for s in project.catalog.life_stages.values())
    complaints = project.service.complaints
    levels = list(project.catalog.complaint_levels.values())
    channels = _channels(project)
    return ServiceReport(
        header=header(project, "service", lang, outcomes),
        verdict=verdict if due else "unknown",
        due=due,
        gate_title=gate_title,
        failed=failed,
        totals=_totals(project, categories, dims),
        needed=min_ratio,
        categories=categories,
        parties=_parties(project, lang),
        age_bands=AGE_BANDS,
        ageing=tuple(
            AgeRow(title=c.title, bands=_bands(project, c.id), total=c.open)
            for c in categories
            if c.open
        ),
        repeat_categories=tuple(
            RepeatRow(label=c.title, repeats=c.repeats, share=c.repeats / c.total)
            for c in sorted(categories, key=lambda c: -c.repeats)
            if c.repeats
        ),
        repeat_homes=_homes(project),
        max_repeat=max_repeat,
        channels=tuple(text(f"channel.{ch}", lang) for ch in channels),
        levels=tuple(_levels(project, lang, channels)),
        shortfalls=tuple(_shortfalls(project, lang)),
        topics=tuple(
            TopicRow(id=point, title=project.catalog.points[point].title.get(lang), count=n)
            for point, n in complaints.topics.most_common(TOP_TOPICS)
        ),
        timeline=timeline_chart(
            complaints.by_month,
            [lv.id for lv in levels],
            [lv.title.get(lang) for lv in levels],
            lang,
        ),
        escalations=tuple(_escalations(project, lang)),
        stages=tuple(_stages(project, lang)),
        dimensions=dims,
        chart=satisfaction_chart(dims, stage_titles, lang),
        actions=tuple(_action(project, a, lang) for a in project.file.actions),
    )


def _gate(project: Project, outcomes: Outcomes, lang: str) -> tuple[Verdict, str, tuple[str, ...]]:
    gate = project.catalog.gates.get(GATE)
    result = outcomes.get(GATE)
    if gate is None or result is None:
        return "unknown", gate.title.get(lang) if gate else "", ()
    failed = tuple(rule.title.get(lang) for rule in failed_rules(result))
    return result.verdict, gate.title.get(lang), failed


def _repair_options(project: Project) -> tuple[float | None, float | None]:
    """`min_ratio` and `max_repeat` of the repairs-on-time rule of the warranty gate (or of
    the first gate that has one)."""
    from journey.rules.repairs_on_time import Options

    gates = sorted(project.catalog.gates.values(), key=lambda g: g.id != GATE)
    for gate in gates:
        for rule in gate.rules:
            if isinstance(rule, Options):
                return rule.min_ratio, rule.max_repeat
    return None, None


# Repairs -------------------------------------------------------------------------------


def _categories(project: Project, lang: str, needed: float | None) -> Iterator[CategoryRow]:
    repairs = project.service.repairs
    for cat in project.catalog.repair_categories.values():
        s = repairs.by_category.get(cat.id)
        if s is None or not s.total:
            continue
        yield CategoryRow(
            id=cat.id,
            title=cat.title.get(lang),
            owner=profession(project, cat.owner, lang),
            limits=text(
                "svc.limits",
                lang,
                respond=hours(cat.respond_hours, lang),
                onsite=hours(cat.onsite_hours, lang),
                fix=cat.fix_days,
            ),
            urgent=cat.urgent,
            investigation=cat.investigation,
            total=s.total,
            decided=s.decided,
            met=s.met_all,
            rate=s.rate,
            respond=_share(s.respond),
            onsite=_share(s.onsite),
            fix=_share(s.fix),
            open=s.open,
            repeats=s.repeats,
            urgent_open=s.urgent_open,
            no_investigation=s.no_investigation,
            below=needed is not None and s.decided > 0 and s.rate < needed,
        )


def hours(value: float, lang: str) -> str:
    """A limit in hours as people say it: `30 min` under an hour, else `4 h`."""
    if value < 1:
        return text("svc.minutes", lang, count=round(value * 60))
    return text("svc.hours", lang, count=f"{value:g}")


def _share(pair: list[int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


def _bands(project: Project, category: str) -> tuple[int, ...]:
    stats: CategoryStats = project.service.repairs.by_category[category]
    return tuple(stats.ages[band] for band in AGE_BANDS)


def _parties(project: Project, lang: str) -> tuple[PartyRow, ...]:
    parties = sorted(project.service.repairs.by_party.items(), key=lambda kv: (-kv[1].total, kv[0]))
    return tuple(
        PartyRow(
            name=name or text("svc.not_recorded", lang),
            total=p.total,
            decided=p.decided,
            met=p.met_all,
            rate=p.rate,
            open=p.open,
            repeats=p.repeats,
        )
        for name, p in parties[:TOP_PARTIES]
    )


def _homes(project: Project) -> tuple[RepeatRow, ...]:
    homes = project.service.repairs.home_repeats.most_common(TOP_HOMES)
    return tuple(
        RepeatRow(label=f"{building} {unit}".strip() or "—", repeats=n, share=0.0)
        for (building, unit), n in homes
    )


# Complaints ----------------------------------------------------------------------------


def _channels(project: Project) -> list[str]:
    seen = project.service.complaints.by_channel()
    return [ch for ch in CHANNELS if seen.get(ch)]


def _levels(project: Project, lang: str, channels: list[str]) -> Iterator[LevelRow]:
    complaints = project.service.complaints
    for level in project.catalog.complaint_levels.values():
        s = complaints.by_level.get(level.id)
        if s is None:
            continue
        yield LevelRow(
            id=level.id,
            title=level.title.get(lang),
            supervisor=level.supervisor.get(lang) if level.supervisor else "",
            handler=profession(project, level.handler, lang),
            limits=text(
                "svc.level_limits",
                lang,
                respond=hours(level.respond_hours, lang),
                close=level.close_days,
            ),
            total=s.total,
            open=s.open,
            overdue=s.overdue.count,
            respond=_share(s.respond),
            closed_late=s.closed_late,
            channels=tuple(s.by_channel.get(ch, 0) for ch in channels),
            compensated=s.compensated,
            amount=s.amount,
        )


def _shortfalls(project: Project, lang: str) -> Iterator[Shortfall]:
    complaints = project.service.complaints
    catalog = project.catalog
    for level_id, tally in complaints.shortfall.items():
        level = catalog.complaint_levels[level_id]
        label = text(
            "svc.short.level", lang, level=level.title.get(lang),
            why=text(f"svc.trigger.{tally.demanded_by()}", lang),
        )  # fmt: skip
        yield Shortfall(kind="level", label=label, count=tally.count, first=_ids(tally.examples))
    for who, tally in sorted(complaints.unescalated.items()):
        label = text("svc.short.escalation", lang, profession=profession(project, who, lang))
        yield Shortfall(
            kind="escalation", label=label, count=tally.count, first=_ids(tally.examples)
        )
    if complaints.no_evidence.count:
        tally = complaints.no_evidence
        label = text("svc.short.evidence", lang)
        yield Shortfall(kind="evidence", label=label, count=tally.count, first=_ids(tally.examples))
    for level_id, stats in complaints.by_level.items():
        level = catalog.complaint_levels[level_id]
        if stats.overdue.count:
            label = text(
                "svc.short.overdue", lang, level=level.title.get(lang), days=level.close_days
            )
            first = _ids(stats.overdue.examples)
            yield Shortfall(kind="overdue", label=label, count=stats.overdue.count, first=first)


def _ids(examples: Sequence[tuple[str, object]]) -> str:
    return ", ".join(cid for cid, _ in examples)


def _escalations(project: Project, lang: str) -> Iterator[EscalationRow]:
    catalog = project.catalog
    for e in project.service.complaints.timeline:
        level = catalog.complaint_levels[e.level]
        demanded = catalog.complaint_levels[e.demanded]
        end = e.closed if e.closed is not None else project.as_of
        yield EscalationRow(
            id=e.id,
            received=e.received,
            channel=text(f"channel.{e.channel}", lang),
            households=e.households,
            level=level.title.get(lang),
            demanded=demanded.title.get(lang) if demanded.id != level.id else "",
            escalated_to="、".join(profession(project, p, lang) for p in e.escalated_to)
            if lang == "zh"
            else ", ".join(profession(project, p, lang) for p in e.escalated_to),
            responded=e.responded,
            closed=e.closed,
            status=e.status,
            days=max((end - e.received.date()).days, 0),
            amount=e.amount,
        )


# Satisfaction and actions ---------------------------------------------------------------


def _stages(project: Project, lang: str) -> Iterator[StageInfo]:
    surveys = project.service.surveys
    for stage in project.catalog.life_stages.values():
        cell = surveys.stage(stage.id)
        if stage.from_month is None:
            months = text("svc.months_before", lang, to=stage.to_month or 0)
        elif stage.to_month is None:
            months = text("svc.months_from", lang, start=stage.from_month)
        else:
            months = text("svc.months", lang, start=stage.from_month, to=stage.to_month)
        yield StageInfo(
            id=stage.id, title=stage.title.get(lang), months=months,
            answers=cell.answers, index=cell.index,
        )  # fmt: skip


def _dimensions(project: Project, lang: str) -> Iterator[DimensionRow]:
    surveys = project.service.surveys
    for dim in project.catalog.dimensions.values():
        overall = surveys.dimension(dim.id)
        cells = []
        for stage in project.catalog.life_stages.values():
            cell = surveys.cells.get((dim.id, stage.id))
            index = cell.index if cell is not None else None
            cells.append(
                StageCell(
                    stage=stage.title.get(lang),
                    index=index,
                    answers=cell.answers if cell is not None else 0,
                    below=index is not None and index < dim.target,
                )
            )
        actions = [a for a in project.file.actions if a.dimension == dim.id]
        yield DimensionRow(
            id=dim.id,
            title=dim.title.get(lang),
            owner=profession(project, dim.owner, lang),
            target=dim.target,
            index=overall.index,
            answers=overall.answers,
            stages=tuple(cells),
            weak=overall.index is not None and overall.index < dim.target,
            actions=tuple(a.id for a in actions),
            acted=any(a.standard and not a.overdue(project.as_of) for a in actions),
        )


def _action(project: Project, action: Action, lang: str) -> ActionRow:
    catalog = project.catalog
    if action.dimension is not None:
        dim = catalog.dimensions.get(action.dimension)
        aim = dim.title.get(lang) if dim else action.dimension
    else:
        item = catalog.item(action.target or "")
        aim = f"{action.target} {item.title.get(lang)}" if item else str(action.target)
    return ActionRow(
        id=action.id,
        aim=aim,
        action=action.action,
        owner=profession(project, action.owner, lang),
        assignee=action.assignee or "",
        due=action.due,
        standard=action.standard or "",
        status=action.status,
        overdue=action.overdue(project.as_of),
        done=action.done,
    )


def _totals(
    project: Project, categories: tuple[CategoryRow, ...], dims: tuple[DimensionRow, ...]
) -> Totals:
    repairs = project.service.repairs
    complaints = project.service.complaints
    surveys = project.service.surveys.overall()
    return Totals(
        repairs=repairs.total,
        repairs_open=repairs.open,
        repairs_decided=sum(c.decided for c in categories),
        repairs_met=sum(c.met for c in categories),
        repeats=repairs.repeats,
        complaints=complaints.total,
        complaints_open=complaints.open,
        complaints_overdue=sum(s.overdue.count for s in complaints.by_level.values()),
        answers=surveys.answers,
        index=surveys.index,
        weak=sum(d.weak for d in dims),
        actions=len(project.file.actions),
        actions_overdue=sum(a.overdue(project.as_of) for a in project.file.actions),
    )


__all__ = ["service"]
