"""`-o json`: the canonical gate result, with every text in the chosen language."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from journey.chars import inert_json
from journey.output._common import item_reason, positioning, say

if TYPE_CHECKING:
    from journey.gates import GateResult, ItemResult, RuleResult

SCHEMA = "journey-gate-result/1"


def render(result: GateResult, lang: str) -> str:
    """The result as indented JSON (UTF-8 text, Chinese unescaped), ending in a newline."""
    return inert_json(json.dumps(document(result, lang), ensure_ascii=False, indent=2)) + "\n"


def document(result: GateResult, lang: str) -> dict[str, Any]:
    """The result as plain JSON data."""
    data = result.model_dump(mode="json", exclude={"rules", "title", "project", "batches"})
    project = result.project.model_dump(mode="json")
    project["name"] = result.project.name.get(lang)
    project["positioning_title"] = positioning(result, lang)
    return {
        "schema": SCHEMA,
        "gate": result.gate,
        "title": result.title.get(lang),
        "lang": lang,
        **{k: data[k] for k in ("stage", "milestone", "milestone_date")},
        "project": project,
        **{k: data[k] for k in ("catalog", "as_of", "verdict", "fail_on")},
        "milestone_passed": result.milestone_passed,
        "recorded": data.get("recorded"),
        "rules": [_rule(r, lang, result.milestone) for r in result.rules],
        "by_owner": by_owner(result, lang),
        "waivers": data["waivers"],
        "counts": data["counts"],
        **_batches(result, lang),
        "numbers": data.get("numbers"),
        **({"what_if": data["what_if"]} if result.what_if else {}),
    }


def by_owner(result: GateResult, lang: str) -> list[dict[str, Any]]:
    """What blocks, by owner (journey.worklist): each item once, most urgent first."""
    from journey.worklist import by_owner as groups

    return [
        {
            "owner": g.owner,
            "owner_title": g.owner_title.get(lang) if g.owner_title else g.owner,
            "count": len(g.entries),
            "overdue": g.overdue,
            "assignees": [{"name": name, "count": n} for name, n in g.assignees()],
            "items": [
                {
                    "id": e.id,
                    "title": e.title.get(lang),
                    "assignee": e.assignee,
                    "severity": e.severity.value,
                    "due": e.due.isoformat() if e.due else None,
                    "days": e.days,
                    "rules": list(dict.fromkeys(p.rule for p in e.parts)),
                    "note": e.note,
                    "evidence": e.evidence,
                    "batches": list(e.batches),
                }
                for e in g.entries
            ],
        }
        for g in groups(result)
    ]


def _batches(result: GateResult, lang: str) -> dict[str, Any]:
    """`batch` when one batch was evaluated; `batches[]` for a project in batches."""
    if result.batch is not None:
        return {"batch": result.batch}
    if not result.batches:
        return {}
    return {
        "batches": [
            {
                "id": b.id,
                "title": b.title.get(lang) if b.title else b.id,
                "buildings": list(b.buildings),
                "verdict": b.verdict,
                "milestone_date": b.milestone_date.isoformat() if b.milestone_date else None,
                "milestone_passed": b.milestone_passed,
                "recorded": b.recorded.model_dump(mode="json") if b.recorded else None,
                "rules": [_rule(r, lang, result.milestone) for r in b.rules],
                "counts": b.counts.model_dump(mode="json"),
            }
            for b in result.batches
        ]
    }


def _rule(rule: RuleResult, lang: str, milestone: str) -> dict[str, Any]:
    from journey.output._forecast import sentence

    forecasts = [
        {**f.model_dump(mode="json"), "ratio": f.ratio, "text": sentence(f, lang, milestone)}
        for f in rule.forecasts
    ]
    return {
        "id": rule.id,
        "rule": rule.rule,
        "title": rule.title.get(lang),
        "severity": rule.severity.value,
        "status": rule.status,
        "blocks": rule.blocks,
        "waivable": rule.waivable,
        "reason": say(rule.reason, lang),
        "reason_code": rule.reason.code,
        "items": [_item(i, lang) for i in rule.items],
        **({"forecasts": forecasts} if forecasts else {}),
    }


def _item(item: ItemResult, lang: str) -> dict[str, Any]:
    data = item.model_dump(
        mode="json", exclude_none=True, exclude={"title", "reason", "owner", "owner_title"}
    )
    if not data.get("batches"):
        data.pop("batches", None)
    owner = item.owner or ""  # a milestone has no owner
    return {
        "id": item.id,
        "title": item.title.get(lang),
        "owner": owner,
        "owner_title": item.owner_title.get(lang) if item.owner_title else owner,
        "status": data.pop("status"),
        "reason": item_reason(item, lang),
        "reason_code": item.reason.code,
        **data,
    }
