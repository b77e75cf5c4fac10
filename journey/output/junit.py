"""`-o junit`: JUnit XML, a testcase per rule named by its id; waived rules are skipped."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from journey.output._common import item_reason, label, one_line, owner, say, where

if TYPE_CHECKING:
    from journey.gates import Counts, GateResult, RuleResult


def render(result: GateResult, lang: str) -> str:
    """The result as a JUnit XML document: one testsuite for the gate, or one per batch
    of a project handed over in batches."""
    suites = [(f"{result.gate}.{b.id}", b.rules, b.counts) for b in result.batches] or [
        (result.gate, result.rules, result.counts)
    ]
    root = ET.Element(
        "testsuites", {"name": f"journey gate {result.gate}", **_totals([c for _, _, c in suites])}
    )
    for name, rules, counts in suites:
        suite = ET.SubElement(root, "testsuite", {"name": name, **_totals([counts])})
        _properties(suite, result, lang)
        for rule in rules:
            _testcase(suite, rule, name, lang)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _totals(counts: list[Counts]) -> dict[str, str]:
    return {
        "tests": str(sum(c.rules for c in counts)),
        "failures": str(sum(c.failed for c in counts)),
        "errors": "0",
        "skipped": str(sum(c.waived for c in counts)),
    }


def _properties(suite: ET.Element, result: GateResult, lang: str) -> None:
    props = ET.SubElement(suite, "properties")
    values = {
        "title": result.title.get(lang),
        "project": result.project.id,
        "catalog": f"{result.catalog.name} {result.catalog.version}",
        "as_of": result.as_of.isoformat(),
        "verdict": result.verdict,
        "fail_on": result.fail_on.value,
    }
    for name, value in values.items():
        ET.SubElement(props, "property", {"name": name, "value": value})


def _testcase(suite: ET.Element, rule: RuleResult, gate: str, lang: str) -> None:
    name = rule.id
    case = ET.SubElement(suite, "testcase", {"name": name, "classname": f"journey.gate.{gate}"})
    message = one_line(say(rule.reason, lang))
    if rule.status == "waived":
        ET.SubElement(case, "skipped", {"message": message})
    elif rule.status == "fail":
        failure = ET.SubElement(case, "failure", {"message": message, "type": rule.severity.value})
        failure.text = _items(rule, lang, "fail")
    if rule.status in ("warn", "pass") and rule.items:
        ET.SubElement(case, "system-out").text = _items(rule, lang, None)


def _items(rule: RuleResult, lang: str, status: str | None) -> str:
    lines = [
        f"{label(item, lang)} [{owner(item, lang)}]: "
        f"{one_line(item_reason(item, lang))} ({where(item)})"
        for item in rule.items
        if status is None or item.status == status
    ]
    return "\n".join(lines)
