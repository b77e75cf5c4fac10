"""`-o sarif`: SARIF 2.1.0, one result per blocking item at the line holding its status.

`ruleId` is the rule's id in the gate, so results stay comparable between runs; a
waived item (or every item of a waived rule) is reported with a suppression.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from journey._version import __version__
from journey.output._common import item_reason, label, one_line, owner, say

if TYPE_CHECKING:
    from journey.gates import GateResult, ItemResult, RuleResult

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def render(result: GateResult, lang: str) -> str:
    """The result as a SARIF 2.1.0 log with one run."""
    return json.dumps(log(result, lang), ensure_ascii=False, indent=2) + "\n"


def log(result: GateResult, lang: str) -> dict[str, Any]:
    """The SARIF log as plain data."""
    rules = [_descriptor(rule, lang) for rule in result.rules]
    results = [
        _result(item, rule, index, lang)
        for index, rule in enumerate(result.rules)
        for item in rule.items
    ]
    run = {
        "tool": {
            "driver": {
                "name": "journey",
                "version": __version__,
                "rules": rules,
            }
        },
        "automationDetails": {"id": f"journey/gate/{result.gate}/{result.project.id}/"},
        "invocations": [{"executionSuccessful": True}],
        "results": results,
        "properties": {
            "gate": result.gate,
            "verdict": result.verdict,
            "asOf": result.as_of.isoformat(),
            "failOn": result.fail_on.value,
            "catalog": f"{result.catalog.name} {result.catalog.version}",
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: RuleResult, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.rule.split("-")),
        "shortDescription": {"text": one_line(rule.title.get(lang))},
        "defaultConfiguration": {"level": "error"},
        "properties": {"rule": rule.rule, "severity": rule.severity.value},
    }


def _result(item: ItemResult, rule: RuleResult, index: int, lang: str) -> dict[str, Any]:
    message = f"{label(item, lang)} [{owner(item, lang)}]: {one_line(item_reason(item, lang))}"
    out: dict[str, Any] = {
        "ruleId": rule.id,
        "ruleIndex": index,
        "level": _level(item, rule),
        "message": {"text": message},
        "locations": [_location(item)],
        "partialFingerprints": {"journeyItem/v1": f"{rule.id}/{item.id}"},
        "properties": {
            "item": item.id,
            "owner": item.owner,
            "severity": item.severity.value,
            **({"batches": list(item.batches)} if item.batches else {}),
        },
    }
    if item.status == "waived" or rule.status == "waived":
        justification = (
            item_reason(item, lang) if item.status == "waived" else say(rule.reason, lang)
        )
        out["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": one_line(justification)}
        ]
    return out


def _level(item: ItemResult, rule: RuleResult) -> str:
    if item.status == "fail" and rule.blocks:
        return "error"
    return "warning" if item.status in ("fail", "warn") else "note"


def _location(item: ItemResult) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(item.file)}}
    if item.line > 0:
        region = {"startLine": item.line}
        if item.col > 0:
            region["startColumn"] = item.col
        physical["region"] = region
    if item.sheet:  # a row of the status workbook: the region's line is the sheet's row
        physical["properties"] = {"sheet": item.sheet}
    return {"physicalLocation": physical}


def artifact_uri(path: str) -> str:
    """A file path as a SARIF URI: relative paths stay relative, with `/` separators."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return "file://" + quote(posix)
    return quote(posix)
