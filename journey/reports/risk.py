"""The risk assessment: per stage a heat map and the risks ranked by rating."""

from __future__ import annotations

from journey.models import Risk
from journey.project import Project
from journey.reports._common import Outcomes, header, profession, stage_title, waived, waiver_for
from journey.reports._work import risk_work
from journey.reports.models import (
    HeatCell,
    HeatMap,
    PointRow,
    ProfessionRow,
    RiskAssessment,
    RiskRow,
    StageSection,
)
from journey.types import RISK_DONE, Rating

SEVERE = frozenset({Rating.HIGH, Rating.CRITICAL})


def risk_assessment(
    project: Project, lang: str = "en", gates: Outcomes | None = None
) -> RiskAssessment:
    """The risk assessment of a project in `lang`; `gates` are precomputed gate results."""
    rows = [_row(project, r, lang) for r in project.risks().values() if project.applies(r)]
    rows.sort(key=_rank)
    open_rows = [r for r in rows if r.is_open]
    return RiskAssessment(
        header=header(project, "risk-assessment", lang, gates),
        total=len(rows),
        open=len(open_rows),
        severe_open=sum(1 for r in open_rows if r.rating in SEVERE),
        stages=_stages(project, rows, lang),
        professions=_professions(project, rows, lang),
        uncovered=_uncovered(project, lang),
        work=risk_work(open_rows, project.as_of),
    )


def _row(project: Project, risk: Risk, lang: str) -> RiskRow:
    state = project.file.risks.get(risk.id)
    likelihood = (state and state.likelihood) or risk.likelihood
    impact = (state and state.impact) or risk.impact
    status = project.risk_status(risk.id)
    due = state.due if state else None
    category = project.catalog.categories.get(risk.category)
    is_open = status not in RISK_DONE and not waived(project, risk.id)
    return RiskRow(
        is_open=is_open,
        note=(state and state.note) or "",
        evidence=(state and state.evidence) or "",
        inherent=project.catalog.rating(risk.likelihood, risk.impact),
        inherent_likelihood=risk.likelihood,
        inherent_impact=risk.impact,
        id=risk.id,
        title=risk.title.get(lang),
        phase=project.risk_phase(risk.id),
        category=category.title.get(lang) if category else risk.category,
        owner_id=risk.owner,
        owner=profession(project, risk.owner, lang),
        assignee=(state and state.assignee) or "",
        likelihood=likelihood,
        impact=impact,
        rating=project.rating(risk),
        status=status,
        due=due,
        overdue=due is not None and due < project.as_of and status not in RISK_DONE,
        # a settled risk is summarised: its controls stay in the catalog
        controls=tuple(c.get(lang) for c in risk.controls) if is_open else (),
        waiver=waiver_for(project, risk.id),
    )


def _rank(row: RiskRow) -> tuple[int, bool, int, str]:
    return (-row.rating.rank, row.status in RISK_DONE, -(row.likelihood * row.impact), row.id)


def _stages(project: Project, rows: list[RiskRow], lang: str) -> tuple[StageSection, ...]:
    stage_of = {r.id: r.stage for r in project.risks().values()}
    by_stage: dict[str, list[RiskRow]] = {}
    for row in rows:
        by_stage.setdefault(stage_of[row.id], []).append(row)
    order = sorted(by_stage, key=project.catalog.stage_rank)
    return tuple(
        StageSection(
            id=stage,
            title=stage_title(project, stage, lang),
            heat=heat_map(project, by_stage[stage], lang, inherent=True),
            residual=heat_map(project, [r for r in by_stage[stage] if r.is_open], lang),
            risks=tuple(by_stage[stage]),
            open=sum(1 for r in by_stage[stage] if r.is_open),
        )
        for stage in order
    )


def heat_map(
    project: Project, rows: list[RiskRow], lang: str, *, inherent: bool = False
) -> HeatMap:
    """The likelihood × impact grid of `rows`, highest likelihood first: on the catalog's
    scores when `inherent`, else on the project's re-scoring."""
    matrix = project.catalog.matrix
    n_l = len(matrix.likelihood) if matrix else 5
    n_i = len(matrix.impact) if matrix else 5
    ids: dict[tuple[int, int], list[str]] = {}
    still_open: dict[tuple[int, int], int] = {}
    for r in rows:
        li, im = (
            (r.inherent_likelihood, r.inherent_impact) if inherent else (r.likelihood, r.impact)
        )
        cell = (min(li, n_l), min(im, n_i))
        ids.setdefault(cell, []).append(r.id)
        if r.is_open:
            still_open[cell] = still_open.get(cell, 0) + 1
    grid = tuple(
        tuple(
            HeatCell(
                likelihood=li,
                impact=im,
                rating=project.catalog.rating(li, im),
                count=len(ids.get((li, im), ())),
                open=still_open.get((li, im), 0),
                ids=tuple(ids.get((li, im), ())),
            )
            for im in range(1, n_i + 1)
        )
        for li in range(n_l, 0, -1)
    )
    return HeatMap(
        likelihood=tuple(s.title.get(lang) for s in matrix.likelihood) if matrix else (),
        impact=tuple(s.title.get(lang) for s in matrix.impact) if matrix else (),
        rows=grid,
        total=len(rows),
    )


def _professions(project: Project, rows: list[RiskRow], lang: str) -> tuple[ProfessionRow, ...]:
    out = []
    for prof_id in project.catalog.professions:
        owned = [r for r in rows if r.owner_id == prof_id]
        still_open = [r for r in owned if r.is_open]
        out.append(
            ProfessionRow(
                id=prof_id,
                title=profession(project, prof_id, lang),
                owned=len(owned),
                open=len(still_open),
                severe_open=tuple(r.id for r in still_open if r.rating in SEVERE),
            )
        )
    return tuple(out)


def _uncovered(project: Project, lang: str) -> tuple[PointRow, ...]:
    covered: set[str] = set()
    for risk in project.risks().values():
        if project.applies(risk):
            covered.update(risk.points)
    for item in project.catalog.check_items.values():
        if project.applies(item):
            covered.update(item.points)
    return tuple(
        PointRow(
            id=p.id,
            title=p.title.get(lang),
            stage=stage_title(project, p.stage, lang),
            owner=profession(project, p.owner, lang),
            red_line=p.red_line,
        )
        for p in project.catalog.points.values()
        if project.applies(p) and (p.kind == "risk" or p.red_line) and p.id not in covered
    )
