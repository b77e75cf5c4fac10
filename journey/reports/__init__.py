"""Reports a project team reads: risk assessment, delivery plan, open-day readiness, and
after handover the service report (repairs, complaints, satisfaction, actions).

Builders return frozen data models (`journey.reports.models`); `render` formats one
as HTML or Markdown; `journey.writing` puts it on disk atomically; `site` writes them all.
"""

from __future__ import annotations

from collections.abc import Callable

from journey.project import Project
from journey.reports._common import Outcomes
from journey.reports.models import Report
from journey.reports.openday import open_day
from journey.reports.plan import delivery_plan
from journey.reports.risk import risk_assessment
from journey.reports.service import service

Builder = Callable[[Project, str, Outcomes | None], Report]

REPORTS: dict[str, Builder] = {
    "risk-assessment": risk_assessment,
    "delivery-plan": delivery_plan,
    "open-day": open_day,
    "service": service,
}


def build(name: str, project: Project, lang: str = "en", gates: Outcomes | None = None) -> Report:
    """The report `name` of a project in `lang` (KeyError for an unknown report)."""
    return REPORTS[name](project, lang, gates)


__all__ = ["REPORTS", "build", "delivery_plan", "open_day", "risk_assessment", "service"]
