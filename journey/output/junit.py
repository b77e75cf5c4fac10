"""`-o junit`: JUnit XML, a testcase per rule named by its id; waived rules are skipped.

Valid against Jenkins' `junit-10.xsd`. A rule is a failure only when it fails the gate
(at or above `--fail-on`), so that a CI server reading the file agrees with journey's
exit code; a rule failing below that is a passing test case whose output says so.
Every text from data is on one line and free of control characters, so the document
parses whatever it holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from journey.messages import text
from journey.output._common import item_reason, label, one_line, owner, say, what_if, where

if TYPE_CHECKING:
    from journey.gates import Counts, GateResult, RuleResult


def render(result: GateResult, lang: str) -> str:
    """The result as a JUnit XML document: one testsuite for the gate, or one per batch
    of a project handed over in batches."""
    suites = [(f"{result.gate}.{b.id}", b.rules, b.counts) for b in result.batches] or [
        (result.gate, result.rules, result.counts)
    ]
    totals = _totals([c for _, _, c in suites])
    root = ET.Element("testsuites", {"name": one_line(f"journey gate {result.gate}"), **totals})
    for name, rules, counts in suites:
        attrs = {"name": one_line(name), **_totals([counts]), "skipped": str(counts.waived)}
        suite = ET.SubElement(root, "testsuite", attrs)
        _properties(suite, result, lang)
        for rule in rules:
            _testcase(suite, rule, name, result, lang)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _totals(counts: list[Counts]) -> dict[str, str]:
    """The attributes both `<testsuites>` and `<testsuite>` take (only the second may
    say how many were skipped); failures are the rules that fail the gate."""
    return {
        "tests": str(sum(c.rules for c in counts)),
        "failures": str(sum(c.blocking_rules for c in counts)),
        "errors": "0",
        "time": "0",
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
    if result.what_if:
        values["what_if"] = what_if(result, lang)
    for name, value in values.items():
        ET.SubElement(props, "property", {"name": name, "value": one_line(value)})


def _testcase(
    suite: ET.Element, rule: RuleResult, gate: str, result: GateResult, lang: str
) -> None:
    attrs = {
        "name": one_line(rule.id),
        "classname": one_line(f"journey.gate.{gate}"),
        "time": "0",
    }
    case = ET.SubElement(suite, "testcase", attrs)
    message = one_line(say(rule.reason, lang))
    if rule.status == "waived":
        ET.SubElement(case, "skipped", {"message": message})
    elif rule.status == "fail" and rule.blocks:
        failure = ET.SubElement(case, "failure", {"message": message, "type": rule.severity.value})
        failure.text = _items(rule, lang, "fail")
    elif rule.status == "fail":
        below = text("gate.text.below_fail_on", lang, fail_on=result.fail_on)
        ET.SubElement(case, "system-out").text = "\n".join(
            [message, below, _items(rule, lang, None)]
        )
    elif rule.items:
        ET.SubElement(case, "system-out").text = _items(rule, lang, None)


def _items(rule: RuleResult, lang: str, status: str | None) -> str:
    lines = [
        f"{label(item, lang)} [{owner(item, lang)}]: "
        f"{one_line(item_reason(item, lang))} ({where(item)})"
        for item in rule.items
        if status is None or item.status == status
    ]
    return "\n".join(lines)
