"""`-o sarif`: SARIF 2.1.0, one result per blocking item at the line holding its status.

`ruleId` is the rule's id in the gate, so results stay comparable between runs; a
waived item (or every item of a waived rule) is reported with a suppression. Every
rule carries its help (what passes, how to fix it), every result a fingerprint of its
own, and the level `error` only when it fails the gate, as the exit code says.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from journey._version import HOMEPAGE, __version__
from journey.chars import inert_json
from journey.markdown import escape
from journey.messages import has, text
from journey.output._common import (
    item_reason,
    label,
    one_line,
    owner,
    relative_to,
    say,
    source_root,
)

if TYPE_CHECKING:
    from journey.gates import GateResult, ItemResult, RuleResult

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
BASE_ID = "SRCROOT"


def render(result: GateResult, lang: str) -> str:
    """The result as a SARIF 2.1.0 log with one run."""
    return inert_json(json.dumps(log(result, lang), ensure_ascii=False, indent=2)) + "\n"


def log(result: GateResult, lang: str, root: Path | None = None) -> dict[str, Any]:
    """The SARIF log as plain data.

    Paths are given relative to `root` (default: the top of the git work tree holding
    the current folder, else the current folder), named by `originalUriBaseIds`, so
    that code scanning places them whichever folder journey ran in.
    """
    base = root or source_root(Path.cwd())
    rules = [_descriptor(rule, lang) for rule in result.rules]
    fingerprints: Counter[str] = Counter()
    results = [
        _result(item, rule, index, lang, base, fingerprints)
        for index, rule in enumerate(result.rules)
        for item in rule.items
    ]
    run = {
        "tool": {
            "driver": {
                "name": "journey",
                "version": __version__,
                "informationUri": HOMEPAGE,
                "rules": rules,
            }
        },
        "automationDetails": {"id": f"journey/gate/{result.gate}/{result.project.id}/"},
        "originalUriBaseIds": {BASE_ID: {"uri": base.as_uri().rstrip("/") + "/"}},
        "invocations": [{"executionSuccessful": True}],
        "results": results,
        "properties": {
            "gate": result.gate,
            "verdict": result.verdict,
            "asOf": result.as_of.isoformat(),
            "failOn": result.fail_on.value,
            "catalog": f"{result.catalog.name} {result.catalog.version}",
            **(
                {"whatIf": [m.model_dump(mode="json") for m in result.what_if]}
                if result.what_if
                else {}
            ),
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _descriptor(rule: RuleResult, lang: str) -> dict[str, Any]:
    title = one_line(rule.title.get(lang))
    help_text = text(f"gate.help.{rule.rule}", lang) if has(f"gate.help.{rule.rule}") else title
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.rule.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text, "markdown": f"**{escape(title)}**\n\n{escape(help_text)}"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"rule": rule.rule, "severity": rule.severity.value},
    }


def _result(
    item: ItemResult,
    rule: RuleResult,
    index: int,
    lang: str,
    base: Path,
    fingerprints: Counter[str],
) -> dict[str, Any]:
    message = f"{label(item, lang)} [{owner(item, lang)}]: {one_line(item_reason(item, lang))}"
    out: dict[str, Any] = {
        "ruleId": rule.id,
        "ruleIndex": index,
        "level": _level(item, rule),
        "message": {"text": message},
        "locations": [_location(item, base)],
        "partialFingerprints": {"journeyItem/v2": _fingerprint(item, rule, fingerprints)},
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


def _fingerprint(item: ItemResult, rule: RuleResult, seen: Counter[str]) -> str:
    """Rule, item and the kind of reason: stable between runs and one per result (a
    building can fail a findings rule twice, on its ratio and on ageing)."""
    key = f"{rule.id}/{item.id}/{item.reason.code}"
    seen[key] += 1
    return key if seen[key] == 1 else f"{key}/{seen[key]}"


def _level(item: ItemResult, rule: RuleResult) -> str:
    if item.status == "fail" and rule.blocks:
        return "error"
    return "warning" if item.status in ("fail", "warn") else "note"


def _location(item: ItemResult, base: Path) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(item.file, base)}
    if item.line > 0:
        region = {"startLine": item.line}
        if item.col > 0:
            region["startColumn"] = item.col
        physical["region"] = region
    if item.sheet:  # a row of the status workbook: the region's line is the sheet's row
        physical["properties"] = {"sheet": item.sheet}
    return {"physicalLocation": physical}


def artifact_location(path: str, base: Path) -> dict[str, str]:
    """A file as a SARIF artifact location: relative to `base` (with `uriBaseId`) when
    inside it, else an absolute `file:` URI."""
    relative = relative_to(path, base)
    if relative is None:
        return {"uri": Path(os.path.normpath(Path(path).absolute())).as_uri()}
    return {"uri": quote(relative), "uriBaseId": BASE_ID}
